//! The time stage: every temporal expression of the story, normalized as a TimeML TIMEX3
//! (types DATE, TIME, DURATION, SET) against the story's date.
//!
//! Three steps, one module each:
//! - [`lexicon`]: one Aho-Corasick pass finds the words that can make up an expression (month
//!   and weekday names, units, number words, `ago`, `today`, …); sentences with none of them and
//!   no digit are skipped.
//! - [`grammar`]: small parsers over the sentence's tokens recognize expressions and say what
//!   each one means ([`grammar::Expr`]), with the tense of the nearest verb.
//! - [`normalize`]: the meaning becomes a TIMEX3 value, computed from the publication date, else
//!   the dateline's date, with `jiff`.
//!
//! The dateline's own date (`TEHRAN, May 13 -`) is reported too, with the value the structure
//! stage gave it.

mod atoms;
mod grammar;
mod lexicon;
mod normalize;

use std::collections::HashMap;
use std::ops::Range;

use jiff::civil::Weekday;

use super::Stage;
use crate::article::{Timex, TimexType};
use crate::document::{Document, Token, TokenKind};
use grammar::{Expr, Mention};
use lexicon::{Class, Found, Lexicon};
use normalize::{Anchor, Normalizer};

pub(crate) struct Time {
    lexicon: Lexicon,
}

/// Buffers reused from one sentence to the next.
#[derive(Default)]
struct Scratch {
    found: Vec<Found>,
    atoms: Vec<atoms::Atom>,
}

impl Time {
    pub fn new() -> Time {
        Time {
            lexicon: Lexicon::new(),
        }
    }
}

impl Stage for Time {
    fn name(&self) -> &'static str {
        "time"
    }

    fn run(&self, doc: &mut Document<'_>) {
        let (mentions, sentence_of) = self.recognize(doc);
        let anchor = document_anchor(doc, &mentions);
        let mut timexes = Vec::with_capacity(mentions.len() + 1);
        if let Some(timex) = self.dateline_timex(doc, anchor) {
            timexes.push(timex);
        }
        let mut normalizer = Normalizer::new(anchor);
        for (mention, sentence) in mentions.iter().zip(sentence_of) {
            let resolved = normalizer.resolve(mention, sentence);
            timexes.push(Timex {
                start: mention.start,
                end: mention.end,
                text: doc.text[mention.start..mention.end].to_string(),
                kind: resolved.kind,
                value: resolved.value,
                anchor: resolved
                    .anchored
                    .then(|| anchor.map(|a| a.source.to_string()))
                    .flatten(),
                modifier: mention.modifier.map(str::to_string),
            });
        }
        doc.article.timexes = timexes;
    }
}

impl Time {
    /// The expressions of the title and of every sentence, in text order, with the number of
    /// the sentence each one is in (the title counts as sentence 0).
    fn recognize(&self, doc: &Document<'_>) -> (Vec<Mention>, Vec<usize>) {
        let mut mentions = Vec::new();
        let mut sentence_of = Vec::new();
        let mut scratch = Scratch::default();
        if let Some(title) = &doc.article.title {
            let mut tokens = Vec::new();
            atoms::tokenize(doc.text, title.start..title.end, &mut tokens);
            self.recognize_in(
                doc.text,
                title.start..title.end,
                &tokens,
                &mut scratch,
                &mut mentions,
            );
            sentence_of.resize(mentions.len(), 0);
        }
        for (n, sentence) in doc.sentences.iter().enumerate() {
            let tokens = doc.tokens_in(sentence.clone());
            self.recognize_in(
                doc.text,
                sentence.clone(),
                tokens,
                &mut scratch,
                &mut mentions,
            );
            sentence_of.resize(mentions.len(), n);
        }
        (mentions, sentence_of)
    }

    /// The expressions of one stretch of text, given its tokens.
    fn recognize_in(
        &self,
        text: &str,
        range: Range<usize>,
        tokens: &[Token],
        scratch: &mut Scratch,
        mentions: &mut Vec<Mention>,
    ) {
        scratch.found.clear();
        self.lexicon
            .find_words(&text[range.clone()], range.start, &mut scratch.found);
        if scratch.found.is_empty() && !tokens.iter().any(|t| t.kind == TokenKind::Number) {
            return;
        }
        atoms::atoms(text, tokens, &scratch.found, &mut scratch.atoms);
        grammar::recognize(text, &scratch.atoms, mentions);
    }

    /// The dateline's date as a timex: its span is the month and day (and year) inside the
    /// dateline, its value the one the structure stage computed.
    fn dateline_timex(&self, doc: &Document<'_>, anchor: Option<Anchor>) -> Option<Timex> {
        let dateline = doc.article.dateline.as_ref()?;
        let value = dateline.date.clone()?;
        let span = self.date_in(doc.text, dateline.start..dateline.end)?;
        let text = &doc.text[span.clone()];
        let year_written = text.bytes().filter(u8::is_ascii_digit).count() >= 4;
        let from_publication = !year_written && anchor.is_some_and(|a| a.source == "date");
        Some(Timex {
            start: span.start,
            end: span.end,
            text: text.to_string(),
            kind: TimexType::Date,
            value,
            anchor: from_publication.then(|| "date".to_string()),
            modifier: None,
        })
    }

    /// The span of `May 13`, `Jan. 5` or `June 29, 2018` inside a dateline.
    fn date_in(&self, text: &str, range: Range<usize>) -> Option<Range<usize>> {
        let mut found = Vec::new();
        self.lexicon
            .find_words(&text[range.clone()], range.start, &mut found);
        let month = found.iter().find(|f| matches!(f.class, Class::Month(_)))?;
        let bytes = text.as_bytes();
        let mut end = month.end;
        let skip = |at: &mut usize, allowed: &dyn Fn(u8) -> bool| {
            while *at < range.end && allowed(bytes[*at]) {
                *at += 1;
            }
        };
        let mut at = end;
        skip(&mut at, &|b| b == b'.' || b == b' ');
        let day_start = at;
        skip(&mut at, &|b| b.is_ascii_digit());
        if at == day_start {
            return None;
        }
        end = at;
        let mut year_at = at;
        skip(&mut year_at, &|b| b == b',' || b == b' ');
        let year_start = year_at;
        skip(&mut year_at, &|b| b.is_ascii_digit());
        if year_at - year_start == 4 {
            end = year_at;
        }
        Some(month.start..end)
    }
}

/// The anchor of the story: the publication date, else the dateline's date.
fn document_anchor(doc: &Document<'_>, mentions: &[Mention]) -> Option<Anchor> {
    if let Some(date) = doc.publication_date {
        return Some(Anchor::publication(date));
    }
    let value = doc.article.dateline.as_ref()?.date.as_deref()?;
    Anchor::from_dateline(value, story_weekday(mentions))
}

/// The weekday a story names most often on its own (`on Sunday`, not `last Sunday`): in a wire
/// story, the day of the dateline. Ties go to the one named first.
fn story_weekday(mentions: &[Mention]) -> Option<Weekday> {
    let mut counts: HashMap<i8, (usize, usize)> = HashMap::new();
    for (order, mention) in mentions.iter().enumerate() {
        let weekday = match &mention.expr {
            Expr::Weekday {
                weekday,
                shift: None,
            } => *weekday,
            Expr::PartOfDay { day, .. } => match **day {
                Expr::Weekday {
                    weekday,
                    shift: None,
                } => weekday,
                _ => continue,
            },
            _ => continue,
        };
        counts.entry(weekday).or_insert((0, order)).0 += 1;
    }
    let (&weekday, _) = counts
        .iter()
        .max_by_key(|(_, &(count, first))| (count, std::cmp::Reverse(first)))?;
    Weekday::from_monday_one_offset(weekday).ok()
}
