//! Credit lines: who wrote or supplied the story. Each recognizer reads one whole line.
//!
//! ```text
//! Source: Press TV                         By JOHN SMITH, Associated Press
//! Reporting by A and B; Editing by C       (Additional reporting by D in Kabul)
//! Reuter                                   TEHRAN, Young Journalists Club (YJC) –
//! ```

use std::ops::Range;

use regex::Regex;

use super::dateline::LineDateline;
use super::title_case_if_capitals;
use crate::article::CreditRole;

/// A credit found in a line; `range` is a byte range into that line.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LineCredit {
    pub range: Range<usize>,
    pub name: String,
    pub role: CreditRole,
    pub alias: Option<String>,
}

/// Longest line read as a credit: credits are short, story lines are not.
const MAX_CREDIT_LINE: usize = 160;

pub(super) struct CreditReader {
    /// Agencies that sign off a story on a line of their own: `Reuter`.
    sign_offs: Vec<&'static str>,
    byline: Regex,
    /// A line of two to five name words and nothing else: `Larry Fine`.
    bare_name: Regex,
    source: Regex,
    contributors: Regex,
    contributor_segment: Regex,
    place_suffix: Regex,
}

impl CreditReader {
    pub fn new(sign_offs: Vec<&'static str>) -> CreditReader {
        let word = r"(?:\p{Lu}[\p{L}.'’-]*|de|da|van|von|der|la|le|al|bin)";
        let name = format!(r"\p{{Lu}}[\p{{L}}.'’-]*(?:\s+{word})*");
        CreditReader {
            sign_offs,
            byline: Regex::new(&format!(
                r"^(?i:by)\s+(?P<names>{name}(?:\s*(?:,|\band\b|&)\s*{name})*?)(?:\s*,\s*(?P<org>\p{{Lu}}[\p{{L}}&.'’ -]*?))?\s*$"
            ))
            .expect("byline pattern"),
            bare_name: Regex::new(&format!(r"^\p{{Lu}}[\p{{L}}.'’-]*(?:\s+{word}){{1,4}}\s*$"))
                .expect("bare name pattern"),
            source: Regex::new(r"^\(?(?i:sources?)\s*:\s*(?P<name>\S.*?)\)?\s*$").expect("source pattern"),
            contributors: Regex::new(
                r"^\(?\s*(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|research)\b.*?\bby\s).*$",
            )
            .expect("contributors pattern"),
            contributor_segment: Regex::new(
                r"(?i)^\s*(?P<role>(?:additional\s+)?reporting|writing|editing|compiled|produced|research)(?:\s+and\s+\w+)*\s+by\s+(?P<names>.+?)\s*$",
            )
            .expect("contributor segment pattern"),
            place_suffix: Regex::new(r"\s+in\s+\p{Lu}.*$").expect("place suffix pattern"),
        }
    }

    /// Every credit a whole line states, or nothing when the line is no credit line.
    pub fn read(&self, line: &str) -> Vec<LineCredit> {
        let trimmed = line.trim_end();
        if trimmed.is_empty() || trimmed.len() > MAX_CREDIT_LINE {
            return Vec::new();
        }
        let sign_off = self
            .sign_offs
            .iter()
            .any(|s| trimmed.eq_ignore_ascii_case(s));
        if !sign_off && !may_start_credit(trimmed) {
            return Vec::new();
        }
        if sign_off {
            return vec![LineCredit {
                range: 0..trimmed.len(),
                name: trimmed.to_string(),
                role: CreditRole::Agency,
                alias: None,
            }];
        }
        if let Some(caps) = self.source.captures(trimmed) {
            let name = caps["name"].trim_end_matches(['.', ')']).trim().to_string();
            return vec![LineCredit {
                range: 0..trimmed.len(),
                name,
                role: CreditRole::Source,
                alias: None,
            }];
        }
        if self.contributors.is_match(trimmed) {
            return self.contributors(trimmed);
        }
        // A byline names people in full and does not end like a sentence (`by Baker.`).
        let byline = !trimmed.ends_with('.');
        if let Some(caps) = self.byline.captures(trimmed).filter(|_| byline) {
            return byline_credits(trimmed, &caps);
        }
        Vec::new()
    }

    /// `Reporting by A and B; Editing by C`: one credit a name, spanning its segment.
    fn contributors(&self, line: &str) -> Vec<LineCredit> {
        let mut credits = Vec::new();
        let mut offset = 0;
        for segment in line.split(';') {
            let range = offset..offset + segment.len();
            offset += segment.len() + 1;
            let cleaned = segment
                .trim_matches(|c: char| c == '(' || c == ')' || c == '.' || c.is_whitespace());
            let Some(caps) = self.contributor_segment.captures(cleaned) else {
                continue;
            };
            let role = match caps["role"].to_ascii_lowercase().as_str() {
                "editing" => CreditRole::Editor,
                "writing" | "compiled" | "produced" => CreditRole::Writer,
                _ => CreditRole::Reporter,
            };
            let names = self.place_suffix.replace(&caps["names"], "");
            let trim = segment.len() - segment.trim_start_matches(['(', ' ', '\t']).len();
            let end = range.start + segment.trim_end_matches([')', ' ', '\t', '.']).len();
            for name in split_names(&names) {
                credits.push(LineCredit {
                    range: range.start + trim..end,
                    name,
                    role,
                    alias: None,
                });
            }
        }
        credits
    }

    /// A line that is only a person's name, `Larry Fine`: between a story's title and its
    /// dateline, that is the byline.
    pub fn bare_byline(&self, line: &str) -> Option<LineCredit> {
        let name = line.trim_end();
        self.bare_name.is_match(name).then(|| LineCredit {
            range: 0..name.len(),
            name: title_case_if_capitals(name),
            role: CreditRole::Author,
            alias: None,
        })
    }

    /// Reads a second dateline-shaped agency line, `TEHRAN, Young Journalists Club (YJC) –`:
    /// the agency's name is the region part, its short form the bracketed part.
    pub fn agency_line(line: &str, parsed: &LineDateline) -> Option<LineCredit> {
        let agency = &line[parsed.agency.clone()?];
        let (name, alias) = match &parsed.region {
            Some(region) => (line[region.clone()].to_string(), Some(agency.to_string())),
            None => (agency.to_string(), None),
        };
        Some(LineCredit {
            range: parsed.span.clone(),
            name,
            role: CreditRole::Agency,
            alias,
        })
    }
}

/// The words that the source, contributors and byline patterns start with, after an opening
/// bracket and white space.
const FIRST_WORDS: &[&str] = &[
    "by",
    "source",
    "additional",
    "reporting",
    "writing",
    "editing",
    "compiled",
    "produced",
    "research",
];

/// Whether a line starts as a credit line may: with one of [`FIRST_WORDS`] in any case. Most
/// lines do not, and this test costs far less than the patterns. A line whose first bytes are
/// not all ASCII passes too: the patterns ignore case by Unicode rules, under which `ſ` is an
/// `s`.
fn may_start_credit(line: &str) -> bool {
    let rest = line.strip_prefix('(').unwrap_or(line).trim_start();
    let head = &rest.as_bytes()[..rest.len().min(LONGEST_FIRST_WORD)];
    !head.is_ascii()
        || FIRST_WORDS.iter().any(|word| {
            head.get(..word.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(word.as_bytes()))
        })
}

/// The length of the longest of [`FIRST_WORDS`].
const LONGEST_FIRST_WORD: usize = "additional".len();

/// `By JOHN SMITH and JANE DOE, Associated Press`: authors, then the agency.
fn byline_credits(line: &str, caps: &regex::Captures<'_>) -> Vec<LineCredit> {
    let range = 0..line.len();
    let mut credits: Vec<LineCredit> = split_names(&caps["names"])
        .into_iter()
        .filter(|name| name.split_whitespace().nth(1).is_some())
        .map(|name| LineCredit {
            range: range.clone(),
            name,
            role: CreditRole::Author,
            alias: None,
        })
        .collect();
    if let Some(org) = caps.name("org") {
        credits.push(LineCredit {
            range,
            name: org.as_str().trim().to_string(),
            role: CreditRole::Agency,
            alias: None,
        });
    }
    credits
}

/// Splits `A, B and C` into names, title-casing names written in capitals.
fn split_names(names: &str) -> Vec<String> {
    names
        .split(',')
        .flat_map(|part| part.split(" and ").flat_map(|p| p.split(" & ")))
        .map(str::trim)
        .filter(|n| looks_like_name(n))
        .map(title_case_if_capitals)
        .collect()
}

/// One to five words, each capitalized or a name particle (`de`, `van`, `al`).
fn looks_like_name(name: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "da", "van", "von", "der", "la", "le", "al", "bin", "el",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || PARTICLES.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(line: &str) -> Vec<(String, CreditRole)> {
        CreditReader::new(vec!["Reuter"])
            .read(line)
            .into_iter()
            .map(|c| (c.name, c.role))
            .collect()
    }

    #[test]
    fn credits_of_every_pattern() {
        assert_eq!(
            names("Reuter"),
            [("Reuter".to_string(), CreditRole::Agency)]
        );
        assert_eq!(
            names("(Source: Press TV)"),
            [("Press TV".to_string(), CreditRole::Source)]
        );
        assert_eq!(
            names("(Additional reporting by Jane Doe in Kabul)"),
            [("Jane Doe".to_string(), CreditRole::Reporter)]
        );
        assert_eq!(
            names("Reporting by A Smith; Editing by C Jones"),
            [
                ("A Smith".to_string(), CreditRole::Reporter),
                ("C Jones".to_string(), CreditRole::Editor)
            ]
        );
        assert_eq!(
            names("By JOHN SMITH, Associated Press"),
            [
                ("John Smith".to_string(), CreditRole::Author),
                ("Associated Press".to_string(), CreditRole::Agency)
            ]
        );
        // Unicode case rules: `ſ` is an `s`.
        assert_eq!(
            names("ſource: Press TV"),
            [("Press TV".to_string(), CreditRole::Source)]
        );
    }

    #[test]
    fn first_words_start_the_patterns() {
        for line in [
            "By X",
            "( sources: x",
            "ADDITIONAL reporting",
            "Research by",
            "ſource",
        ] {
            assert!(may_start_credit(line), "{line}");
        }
        for line in ["The source said", "Reuters said", "Buyers", "(Reports"] {
            assert!(!may_start_credit(line), "{line}");
        }
    }

    #[test]
    fn not_credits() {
        assert!(
            names("By the end of the week, prices had risen sharply in most markets.").is_empty()
        );
        assert!(names("Reporting by the central bank showed reserves fell.").is_empty());
        assert!(names("The source said it was so.").is_empty());
    }
}
