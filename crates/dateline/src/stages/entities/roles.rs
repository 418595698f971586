//! A person's titles and the organization or country they belong to.
//!
//! Titles are read from the words before a name (`Afghanistan's Defense Minister Tariq Shah
//! Bahrami`, `Chief of Staff of the Iranian Armed Forces Major General Mohammad Baqeri`) and
//! from an apposition after it (`Ali Shamkhani, the secretary of the Supreme National Security
//! Council`). The affiliation is the country or organization of the title: its possessor
//! (`Afghanistan's`), else the name nearest the person inside it.

use std::ops::Range;

use super::link::Draft;
use super::recognize::{Candidate, Class};
use super::tokens::{Tok, TokKind};
use crate::article::Label;

/// Longest apposition read after a name, in tokens.
const APPOSITION_TOKENS: usize = 14;

pub(super) struct Roles<'a> {
    pub text: &'a str,
    pub tokens: &'a [Tok],
    /// Token ranges of titles, in text order.
    pub titles: &'a [Range<usize>],
    /// The first token of each segment, in text order.
    pub segment_starts: &'a [usize],
    pub candidates: &'a [Candidate],
    /// The draft of each candidate.
    pub draft_of: &'a [Option<usize>],
    pub drafts: &'a [Draft],
    /// Words that may stand before a title and belong to it: `Deputy`, `former`.
    pub is_modifier: &'a dyn Fn(&str) -> bool,
}

/// Titles and affiliation found for one person.
#[derive(Debug, Default)]
pub(super) struct Role {
    pub titles: Vec<String>,
    pub affiliation: Option<usize>,
}

impl Roles<'_> {
    /// The role of the person whose mentions are `mentions`.
    pub fn of_person(&self, mentions: &[usize]) -> Role {
        let mut role = Role::default();
        for &m in mentions {
            self.before(m, &mut role);
            self.apposition(m, &mut role);
        }
        role
    }

    /// Titles written before the name, nearest first.
    fn before(&self, m: usize, role: &mut Role) {
        let name = &self.candidates[m];
        let floor = self.segment_start(name.tokens.start);
        let mut t = name.tokens.start;
        let mut leftmost_title: Option<usize> = None;
        // Title starts, and entities inside or before the titles, walking leftwards.
        let mut starts: Vec<usize> = Vec::new();
        let mut entities: Vec<(usize, usize)> = Vec::new(); // (token, draft)
        while t > floor {
            if let Some(title) = self.title_ending_at(t) {
                let mut start = title.start;
                while start > floor && (self.is_modifier)(self.word(start - 1)) {
                    start -= 1;
                }
                starts.push(start);
                leftmost_title = Some(start);
                t = start;
                continue;
            }
            if let Some((c, d)) = self.entity_ending_at(t) {
                entities.push((self.candidates[c].tokens.start, d));
                t = self.candidates[c].tokens.start;
                continue;
            }
            // An event's name inside a title: `Leader of the Islamic Revolution`.
            if let Some(event) = self.event_ending_at(t) {
                t = event;
                continue;
            }
            let before = &self.tokens[t - 1];
            // Joiners only lead on to more of a title: `Leader of the Islamic Revolution` is no
            // title of the revolution.
            let inside_title = t < name.tokens.start;
            if before.kind == TokKind::Possessive
                || (inside_title && matches!(self.word(t - 1), "of" | "the"))
            {
                t -= 1;
                continue;
            }
            break;
        }
        let Some(first) = leftmost_title else {
            // `Iran's Ali Shamkhani`: a possessor without a title.
            if let Some(&(at, d)) = entities.first() {
                if self.is_possessor(at, name.tokens.start) {
                    role.affiliation.get_or_insert(d);
                }
            }
            return;
        };
        // Each title runs to the next title's start (or the name), nearest first.
        starts.sort_unstable();
        starts.dedup();
        let mut ends: Vec<usize> = starts.iter().skip(1).copied().collect();
        ends.push(name.tokens.start);
        for (&start, &end) in starts.iter().zip(&ends).rev() {
            let phrase = self.tokens[start].start..self.tokens[end - 1].end;
            push_unique(&mut role.titles, &self.text[phrase]);
        }
        let possessor = entities
            .iter()
            .find(|&&(at, _)| at < first && self.is_possessor(at, first));
        let inside = entities.iter().find(|&&(at, _)| at >= first);
        if let Some(&(_, d)) = possessor.or(inside) {
            role.affiliation.get_or_insert(d);
        }
    }

    /// `X, the secretary of Y,`: a title in an apposition after the name.
    fn apposition(&self, m: usize, role: &mut Role) {
        let name = &self.candidates[m];
        let comma = name.tokens.end;
        if self.word(comma) != "," {
            return;
        }
        let limit = self.segment_end(comma).min(comma + 1 + APPOSITION_TOKENS);
        let mut start = comma + 1;
        while start < limit
            && matches!(self.word(start), "the" | "a" | "an" | "its" | "his" | "her")
        {
            start += 1;
        }
        let Some(title) = self
            .titles
            .iter()
            .find(|r| r.start >= start && r.start <= start + 2)
        else {
            return;
        };
        let end = (title.end..limit)
            .find(|&t| self.tokens[t].kind == TokKind::Punct && !matches!(self.word(t), "-" | "&"))
            .unwrap_or(limit);
        if end <= title.start {
            return;
        }
        let phrase = self.tokens[start].start..self.tokens[end - 1].end;
        push_unique(&mut role.titles, &self.text[phrase]);
        let inside = (title.end..end)
            .rev()
            .find_map(|t| self.entity_ending_at(t + 1).map(|(_, d)| d));
        if let Some(d) = inside {
            role.affiliation.get_or_insert(d);
        }
    }

    fn title_ending_at(&self, t: usize) -> Option<&Range<usize>> {
        let i = self.titles.partition_point(|r| r.end < t);
        self.titles.get(i).filter(|r| r.end == t)
    }

    /// The longest candidate of an organization or place that ends right before token `t`.
    fn entity_ending_at(&self, t: usize) -> Option<(usize, usize)> {
        // Candidates may nest (`Iranian` in `Iranian Armed Forces`), so their ends are not
        // sorted; they start no later than a few tokens before `t`.
        let after = self.candidates.partition_point(|c| c.tokens.start < t);
        self.candidates[..after]
            .iter()
            .enumerate()
            .rev()
            .take(8)
            .filter(|(_, c)| c.tokens.end == t)
            .filter_map(|(c, _)| Some((c, self.draft_of[c]?)))
            .filter(|&(_, d)| {
                matches!(
                    self.drafts[d].label,
                    Label::Org | Label::Gpe | Label::Loc | Label::Norp
                )
            })
            .min_by_key(|&(c, _)| self.candidates[c].tokens.start)
    }

    /// The first token of an event's name that ends right before token `t`.
    fn event_ending_at(&self, t: usize) -> Option<usize> {
        let after = self.candidates.partition_point(|c| c.tokens.start < t);
        self.candidates[..after]
            .iter()
            .rev()
            .take(8)
            .find(|c| c.tokens.end == t && c.class == Class::Event)
            .map(|c| c.tokens.start)
    }

    /// Whether the entity starting at `at` is joined to `next` by `'s` (`Afghanistan's`).
    fn is_possessor(&self, at: usize, next: usize) -> bool {
        (at..next).any(|t| self.tokens[t].kind == TokKind::Possessive)
    }

    fn segment_start(&self, t: usize) -> usize {
        let i = self.segment_starts.partition_point(|&s| s <= t);
        self.segment_starts[i.saturating_sub(1)]
    }

    fn segment_end(&self, t: usize) -> usize {
        let i = self.segment_starts.partition_point(|&s| s <= t);
        self.segment_starts
            .get(i)
            .copied()
            .unwrap_or(self.tokens.len())
    }

    fn word(&self, t: usize) -> &str {
        self.tokens.get(t).map_or("", |tok| &self.text[tok.range()])
    }
}

fn push_unique(titles: &mut Vec<String>, title: &str) {
    if !titles.iter().any(|t| t == title) {
        titles.push(title.to_string());
    }
}
