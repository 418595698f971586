//! Sentence boundaries and tokens inside a paragraph.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis, followed by closing quotes or brackets (which
//! stay with it), white space, and a capital letter, digit or opening quote. A period after an
//! abbreviation is not an end: never after a title (`Mr.`, `Gen.`), not after a month before a
//! number (`Jan. 5`), and after other abbreviations (`Inc.`, `U.S.`, `Pa.`) only when a typical
//! sentence opener follows (`The`, `He`, …). Initials (`J. R.`) and decimals never end one.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::document::{Token, TokenKind};
use crate::lexicon;

const ABBREVIATIONS: &str = include_str!("../../../data/structure/abbreviations.tsv");
const SENTENCE_OPENERS: &str = include_str!("../../../data/structure/sentence_openers.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbreviation {
    Title,
    Month,
    Other,
}

pub(super) struct SentenceSplitter {
    abbreviations: HashMap<&'static str, Abbreviation>,
    openers: HashSet<&'static str>,
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '}'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«'];

impl SentenceSplitter {
    pub fn new() -> SentenceSplitter {
        let abbreviations = lexicon::rows(ABBREVIATIONS)
            .map(|row| {
                let kind = match row.get(1).copied() {
                    Some("title") => Abbreviation::Title,
                    Some("month") => Abbreviation::Month,
                    _ => Abbreviation::Other,
                };
                (row[0], kind)
            })
            .collect();
        SentenceSplitter {
            abbreviations,
            openers: lexicon::words(SENTENCE_OPENERS).collect(),
        }
    }

    /// Appends the sentences of the paragraph `range` of `text` to `out`.
    pub fn split(&self, text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
        let paragraph = &text[range.clone()];
        let mut start = 0;
        let bytes = paragraph.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let terminator_len = match b {
                b'.' | b'!' | b'?' => 1,
                0xE2 if paragraph[i..].starts_with('…') => '…'.len_utf8(),
                _ => {
                    i += 1;
                    continue;
                }
            };
            // Take the whole run of terminators (`?!`, `...`) and the closers after it.
            let mut end = i + terminator_len;
            while let Some(c) = paragraph[end..].chars().next() {
                if matches!(c, '.' | '!' | '?' | '…') || CLOSERS.contains(&c) {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            if self.is_boundary(paragraph, start, i, end) {
                push_trimmed(paragraph, range.start, start..end, out);
                start = end;
            }
            i = end;
        }
        push_trimmed(paragraph, range.start, start..paragraph.len(), out);
    }

    /// Whether the terminator run `at..end` ends the sentence that began at `sentence_start`.
    fn is_boundary(&self, text: &str, sentence_start: usize, at: usize, end: usize) -> bool {
        let after = &text[end..];
        let next_start = after.trim_start();
        if next_start.len() == after.len() {
            return false; // no white space after: `5.93`, `U.S.-led`, `...and`
        }
        let Some(next) = next_start.chars().next() else {
            return true;
        };
        let next_word = next_start
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let opens = next.is_uppercase() || next.is_ascii_digit() || OPENERS.contains(&next);
        if !opens {
            return false;
        }
        let run = &text[at..end];
        if run.starts_with('!') || run.starts_with('?') {
            return true;
        }
        let ellipsis = run.starts_with("...") || run.starts_with('…');
        let word = word_before(&text[sentence_start..at]);
        let strong = !ellipsis
            && match self.abbreviation(word) {
                Some(Abbreviation::Title) => return false,
                Some(Abbreviation::Month) => !next.is_ascii_digit(),
                Some(Abbreviation::Other) => false,
                None => !is_initial_or_acronym(word),
            };
        strong || self.openers.contains(&next_word)
    }

    fn abbreviation(&self, word: &str) -> Option<Abbreviation> {
        self.abbreviations.get(word).copied()
    }
}

/// The word just before a period: `Gen` in `Maj. Gen.`, `U.S` in `the U.S.`.
fn word_before(text: &str) -> &str {
    let start = text
        .rfind(|c: char| c.is_whitespace() || OPENERS.contains(&c) || c == '-')
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    &text[start..]
}

/// `J` (an initial) or `U.S`, `N.J`, `a.m` (letters with inner periods).
fn is_initial_or_acronym(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => {
            word.contains('.')
                && word
                    .split('.')
                    .all(|part| part.chars().count() <= 2 && !part.is_empty())
        }
    }
}

fn push_trimmed(text: &str, offset: usize, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = offset + range.start + lead;
        out.push(start..start + trimmed.len());
    }
}

/// Appends the tokens of `range` of `text` to `out`: words (with inner `'`, `’`, `-`, `.`),
/// numbers (with inner `,`, `.`, `:`, `/`) and single punctuation characters.
///
/// Works on bytes, decoding a character only where a byte is not ASCII: this runs over every
/// byte of every story.
pub(super) fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Token>) {
    let mut i = range.start;
    while i < range.end {
        let (c, len) = char_at(text, i);
        let kind = if c.is_ascii_digit() {
            TokenKind::Number
        } else if c.is_alphabetic() {
            TokenKind::Word
        } else {
            if !c.is_whitespace() {
                out.push(Token {
                    start: i,
                    end: i + len,
                    kind: TokenKind::Punct,
                });
            }
            i += len;
            continue;
        };
        let end = token_end(text, i + len, range.end, kind);
        out.push(Token {
            start: i,
            end,
            kind,
        });
        i = end;
    }
}

/// Where a word or number that continues at `from` ends (at most at `limit`).
fn token_end(text: &str, mut from: usize, limit: usize, kind: TokenKind) -> usize {
    let is_word = kind == TokenKind::Word;
    let bytes = text.as_bytes();
    let mut inner_period = false;
    while from < limit {
        // The common case first: ASCII letters and digits.
        let b = bytes[from];
        if (is_word && b.is_ascii_alphanumeric()) || b.is_ascii_digit() {
            from += 1;
            continue;
        }
        let (c, len) = char_at(text, from);
        let continues = if is_word {
            c.is_alphanumeric() || is_mark(c)
        } else {
            c.is_ascii_digit()
        };
        if continues {
            from += len;
            continue;
        }
        let joins = if is_word {
            matches!(c, '\'' | '’' | '-' | '.')
        } else {
            matches!(c, ',' | '.' | ':' | '/')
        };
        let next = (from + len < limit).then(|| char_at(text, from + len).0);
        let joined = next.is_some_and(|n| {
            if is_word {
                n.is_alphabetic()
            } else {
                n.is_ascii_digit()
            }
        });
        if !(joins && joined) {
            // `U.S.`: a word with inner periods keeps its final one.
            if is_word && c == '.' && inner_period {
                from += 1;
            }
            break;
        }
        inner_period |= c == '.';
        from += len;
    }
    from
}

/// The character at byte `i` (a character boundary) and its length in bytes.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes()[i] {
        b if b < 0x80 => (b as char, 1),
        _ => text[i..]
            .chars()
            .next()
            .map_or((char::REPLACEMENT_CHARACTER, 1), |c| (c, c.len_utf8())),
    }
}

/// Combining marks continue a word (`e` + U+0301).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        SentenceSplitter::new().split(text, 0..text.len(), &mut out);
        out.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_initials_decimals() {
        assert_eq!(
            sentences("Mr. Smith met Gen. J. R. Allen in the U.S. on Jan. 5. Shares rose 5.93 pct. The U.S. Army said so."),
            ["Mr. Smith met Gen. J. R. Allen in the U.S. on Jan. 5.", "Shares rose 5.93 pct.", "The U.S. Army said so."]
        );
        assert_eq!(
            sentences(
                "It was sold to Acme Inc. The deal closed. He lives in Scranton, Pa. He said no."
            ),
            [
                "It was sold to Acme Inc.",
                "The deal closed.",
                "He lives in Scranton, Pa.",
                "He said no."
            ]
        );
    }

    #[test]
    fn quotes_and_brackets_stay() {
        assert_eq!(
            sentences(
                "\"We will win,\" he said. \"Never.\" (It was late.) Then? Yes! Wait... what"
            ),
            [
                "\"We will win,\" he said.",
                "\"Never.\"",
                "(It was late.)",
                "Then?",
                "Yes!",
                "Wait... what"
            ]
        );
    }

    #[test]
    fn tokens() {
        let text = "Al-Qaeda's U.S. unit paid $1,000.50 at 15:30.";
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &mut out);
        let words: Vec<&str> = out.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "Al-Qaeda's",
                "U.S.",
                "unit",
                "paid",
                "$",
                "1,000.50",
                "at",
                "15:30",
                "."
            ]
        );
    }
}
