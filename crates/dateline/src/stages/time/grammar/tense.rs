//! The tense that places a weekday or a month named without a year (`Friday`, `in January`)
//! before or after the story's date. It is read from the whole sentence, not only from the atoms
//! the grammar parsed: the verb may be anywhere before the expression.

use crate::document::{Token, TokenKind};

use super::super::lexicon::{Class, Tense};
use super::{Expr, Parsed, Parser, YearRef};

/// How many tokens after an expression a verb may be to give it its tense, when none comes
/// before it (`On Friday, the government planned …`).
const TENSE_LOOKAHEAD: usize = 8;
/// Words after which an -ed word is no past-tense verb.
const AUXILIARIES: &[&str] = &[
    "be", "been", "being", "is", "are", "am", "was", "were", "has", "have", "had", "a", "an",
    "the", "still", "not",
];

impl Parser<'_> {
    /// The tense that decides a bare weekday or month: a possessive weekday (`Wednesday's
    /// ruling`) is past, a date after `by` or `until` is ahead; otherwise the tense of the
    /// nearest verb before the expression, else of the nearest one after it.
    pub(super) fn tense_of(&self, start: usize, parsed: &Parsed) -> Option<Tense> {
        let undated = matches!(
            parsed.expr,
            Expr::Weekday { .. }
                | Expr::Calendar { year: None, .. }
                | Expr::PartOfDay { .. }
                | Expr::Clock { .. }
                | Expr::Quarter {
                    year: YearRef::Shift(0),
                    ..
                }
        );
        if !undated {
            return None;
        }
        let possessive = self.word(parsed.end).ends_with('s')
            && self.gap(parsed.end) == super::super::atoms::Gap::None;
        if possessive && matches!(parsed.expr, Expr::Weekday { .. }) {
            return Some(Tense::Past);
        }
        let tokens = self.sentence.tokens;
        let start_byte = self.atoms[start].start;
        let end_byte = self.atoms[parsed.end - 1].end;
        let first = tokens.partition_point(|t| t.start < start_byte);
        let after = tokens.partition_point(|t| t.start < end_byte);
        let after_end = (after + TENSE_LOOKAHEAD).min(tokens.len());
        let verb_tense = (0..first)
            .rev()
            .find_map(|n| self.tense_at(n))
            .or_else(|| (after..after_end).find_map(|n| self.tense_at(n)));
        // `until Tuesday` looks ahead unless the verb tells of the past (`ran until March`).
        let before = |back: usize| first.checked_sub(back).map_or("", |n| self.token_text(n));
        let deadline = ["by", "until", "till", "through"]
            .iter()
            .any(|w| before(1).eq_ignore_ascii_case(w));
        let soonest = before(1).eq_ignore_ascii_case("as")
            && (before(2).eq_ignore_ascii_case("soon") || before(2).eq_ignore_ascii_case("early"));
        // `as soon as Tuesday` is ahead whatever the verb.
        match verb_tense {
            _ if soonest => Some(Tense::Future),
            Some(Tense::Past) => Some(Tense::Past),
            _ if deadline => Some(Tense::Future),
            tense => tense,
        }
    }

    /// The tense token `n` of the sentence gives, if it is a verb that tells one.
    fn tense_at(&self, n: usize) -> Option<Tense> {
        let token = &self.sentence.tokens[n];
        if token.kind != TokenKind::Word {
            return None;
        }
        let tense = match self.sentence.lexicon.class(self.token_text(n)) {
            Some(Class::Tense(tense)) => tense,
            Some(Class::Ago(_)) => Tense::Past,
            Some(_) => return None,
            None if looks_past(self.token_text(n)) && !self.after_auxiliary(n) => Tense::Past,
            None => return None,
        };
        // `had been scheduled to expire Friday`: a plan of the past.
        let planned_earlier = tense == Tense::Future
            && (1..=2).any(|back| {
                n.checked_sub(back).is_some_and(|b| {
                    let word = self.token_text(b);
                    word.eq_ignore_ascii_case("had") || word.eq_ignore_ascii_case("been")
                })
            });
        match tense {
            Tense::Neither => None,
            _ if planned_earlier => Some(Tense::Past),
            tense => Some(tense),
        }
    }

    /// Whether token `n` follows an auxiliary or a determiner, which makes an -ed word a
    /// participle or an adjective (`will be paid`, `a still unspecified date`): the auxiliary,
    /// not the -ed word, tells the tense.
    fn after_auxiliary(&self, n: usize) -> bool {
        (1..=2).any(|back| {
            n.checked_sub(back).is_some_and(|b| {
                let word = self.token_text(b);
                AUXILIARIES.iter().any(|a| word.eq_ignore_ascii_case(a))
            })
        })
    }

    fn token_text(&self, n: usize) -> &str {
        let Token { start, end, .. } = self.sentence.tokens[n];
        &self.text[start..end]
    }
}

/// A lower-case word ending in -ed, as regular past forms do.
fn looks_past(word: &str) -> bool {
    word.len() >= 5
        && word.ends_with("ed")
        && !word.ends_with("eed")
        && word.starts_with(|c: char| c.is_ascii_lowercase())
}
