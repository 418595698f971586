//! Descriptions that stand for a named person or organization: `the company` after `Apple`,
//! `The Afghan minister` after `Tariq Shah Bahrami`.
//!
//! A description is `the`, at most a few modifiers (lower-case words, nationality or place
//! names), and a head noun of `nominal_heads.tsv` that no name follows
//! (else it is a title: `the company Apple`). It joins the nearest entity of the head's label
//! named in the same or the last few segments; without one it is left out, so that a
//! description is never a guess. Descriptions with a possessor (`Iran's defense minister`)
//! are left out: they often name someone other than the person last named.

use std::ops::Range;

use super::gazetteer::WordList;
use super::link::Draft;
use super::recognize::Candidate;
use super::tokens::{Tok, TokKind};
use crate::article::Label;

/// Most modifiers between `the` and the head: `the European aircraft maker`.
const MAX_MODIFIERS: usize = 3;
/// How many segments back the entity a description stands for may be named.
const MAX_SEGMENTS_BACK: usize = 2;

pub(super) struct Nominals<'a> {
    pub text: &'a str,
    pub tokens: &'a [Tok],
    /// The first token of each segment, in text order.
    pub segment_starts: &'a [usize],
    pub candidates: &'a [Candidate],
    pub draft_of: &'a [Option<usize>],
    pub drafts: &'a [Draft],
    pub heads: &'a WordList<&'static str, Label>,
}

impl Nominals<'_> {
    /// Each description found, with the draft it stands for, in text order.
    pub fn find(&self, shouting: &[bool]) -> Vec<(usize, Range<usize>)> {
        let mut out = Vec::new();
        for (s, &seg_start) in self.segment_starts.iter().enumerate() {
            if shouting[s] {
                continue;
            }
            let seg_end = self
                .segment_starts
                .get(s + 1)
                .copied()
                .unwrap_or(self.tokens.len());
            // Most tokens are no `the`, told by their length alone, before their text is read.
            let text = self.text.as_bytes();
            let is_the = |token: &Tok| {
                token.end - token.start == 3 && matches!(&text[token.range()], b"the" | b"The")
            };
            let mut t = seg_start;
            while let Some(at) = self.tokens[t..seg_end].iter().position(is_the) {
                let the = t + at;
                match self.description(the, the + 1, seg_end) {
                    Some((head, label)) => {
                        let range = self.tokens[the].start..self.tokens[head].end;
                        if let Some(d) = self.antecedent(range.start, label, s) {
                            out.push((d, range));
                        }
                        t = head + 1;
                    }
                    None => t = the + 1,
                }
            }
        }
        out
    }

    /// The head token and label of a description whose modifiers start at `from`.
    fn description(&self, start: usize, from: usize, seg_end: usize) -> Option<(usize, Label)> {
        let mut t = from;
        for _ in 0..=MAX_MODIFIERS {
            if t >= seg_end || self.tokens[t].kind != TokKind::Word {
                return None;
            }
            let word = self.word(t);
            if let Some(&label) = self.heads.get(word) {
                let name_follows = self
                    .tokens
                    .get(t + 1)
                    .filter(|_| t + 1 < seg_end)
                    .is_some_and(|n| {
                        n.kind == TokKind::Word
                            && self.text[n.range()].starts_with(char::is_uppercase)
                    });
                // `the minister of …` is a title; `the group of seven` no entity.
                let of_follows = t + 1 < seg_end && self.word(t + 1) == "of";
                return (!name_follows && !of_follows && t > start).then_some((t, label));
            }
            // A modifier: a lower-case word, or a nationality or place (`Afghan`, `US`), whose
            // candidate is searched for only then.
            t = if word.starts_with(char::is_lowercase) {
                t + 1
            } else {
                let place = self.candidate_at(t).filter(|&c| {
                    self.draft_label(c)
                        .is_some_and(|l| matches!(l, Label::Norp | Label::Gpe))
                })?;
                self.candidates[place].tokens.end
            };
        }
        None
    }

    /// The draft of the nearest earlier mention with `label`, named no more than
    /// [`MAX_SEGMENTS_BACK`] segments before segment `s`.
    fn antecedent(&self, before: usize, label: Label, s: usize) -> Option<usize> {
        let window_start = self.segment_starts[s.saturating_sub(MAX_SEGMENTS_BACK)];
        let last = self.candidates.partition_point(|c| c.range.start < before);
        self.candidates[..last]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, c)| c.tokens.start >= window_start)
            .find_map(|(i, _)| {
                let d = self.draft_of[i]?;
                (self.drafts[d].label == label).then_some(d)
            })
    }

    fn candidate_at(&self, t: usize) -> Option<usize> {
        let c = self.candidates.partition_point(|c| c.tokens.start < t);
        (self.candidates.get(c)?.tokens.start == t && self.draft_of[c].is_some()).then_some(c)
    }

    fn draft_label(&self, c: usize) -> Option<Label> {
        self.draft_of[c].map(|d| self.drafts[d].label)
    }

    fn word(&self, t: usize) -> &str {
        self.tokens.get(t).map_or("", |tok| &self.text[tok.range()])
    }
}
