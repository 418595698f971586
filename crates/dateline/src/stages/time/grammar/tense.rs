//! The tense that places a weekday or a month named without a year (`Friday`, `in January`)
//! before or after the story's date. It is read from the whole sentence, not only from the atoms
//! the grammar parsed: the verb may be anywhere before the expression.

use crate::document::{Token, TokenKind};

use super::super::lexicon::{Class, Tense};
use super::{Expr, Parsed, Parser, YearRef};

/// How many tokens after an expression a verb may be to give it its tense, when none comes
/// before it (`the talks on Friday, which ended …`). An expression that opens its sentence
/// takes the main verb however far it is (`In January, a week after …, a bombing killed`).
const TENSE_LOOKAHEAD: usize = 16;
/// How many tokens before an expression its verb is right before it: `ended Jan. 31`, `since
/// last March`.
const NEAR_VERB: usize = 2;
/// How many tokens before an expression its verb may be: farther back, the verb is more likely
/// another clause's than the expression's.
const TENSE_LOOKBEHIND: usize = 20;
/// Verbs that move a deadline: after them `until Tuesday` is ahead, whatever their tense
/// (`postponed until Tuesday`, `extended its deadline until 9 a.m. Tuesday`).
const DEFERRING: &[&str] = &[
    "postponed",
    "extended",
    "delayed",
    "deferred",
    "adjourned",
    "recessed",
    "suspended",
    "gave",
    "given",
    "granted",
];
/// How many tokens before `until` a deferring verb may be.
const DEFERRING_REACH: usize = 6;
/// Words after which an -ed word is no past-tense verb.
const AUXILIARIES: &[&str] = &[
    "be", "been", "being", "is", "are", "am", "was", "were", "has", "have", "had", "a", "an",
    "the", "still", "not",
];

impl Parser<'_> {
    /// The tense that decides a bare weekday or month: a possessive weekday (`Wednesday's
    /// ruling`) is past, a date after `by` or `until` is ahead; otherwise the tense of the
    /// nearest verb before the expression, else of the nearest one after it.
    pub(super) fn tense_of(&self, start: usize, parsed: &Parsed) -> (Option<Tense>, bool) {
        let mut near = false;
        let tense = self.tense_near(start, parsed, &mut near);
        (tense, near)
    }

    /// [`Parser::tense_of`]; `near` is set when the verb that tells the tense is right before
    /// the expression (`ended Jan. 31`, `since March`).
    fn tense_near(&self, start: usize, parsed: &Parsed, near: &mut bool) -> Option<Tense> {
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
                | Expr::Holiday {
                    year: None,
                    shift: None,
                    ..
                }
                | Expr::WeekOf { .. }
                | Expr::QuarterEnding(_)
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
        // An expression that opens the sentence is its main clause's, however far the verb.
        let lookahead = if first <= 1 {
            tokens.len()
        } else {
            TENSE_LOOKAHEAD
        };
        let after_end = after.saturating_add(lookahead).min(tokens.len());
        let before_tense = (first.saturating_sub(TENSE_LOOKBEHIND)..first)
            .rev()
            .find_map(|n| Some((n, self.tense_at(n)?)));
        *near = before_tense.is_some_and(|(n, _)| n + NEAR_VERB >= first);
        let before_tense = before_tense.map(|(_, tense)| tense);
        let after_tense = || (after..after_end).find_map(|n| self.tense_at(n));
        let before = |back: usize| {
            first
                .checked_sub(back)
                .map_or(&[][..], |n| self.token_text(n))
        };
        let deadline = ["by", "until", "till", "through"]
            .iter()
            .any(|w| before(1).eq_ignore_ascii_case(w.as_bytes()));
        let deferring = |back: usize| {
            DEFERRING
                .iter()
                .any(|w| before(back).eq_ignore_ascii_case(w.as_bytes()))
        };
        // `extended to Nov. 20`.
        let deferred = ((before(1).eq_ignore_ascii_case(b"until")
            || before(1).eq_ignore_ascii_case(b"till"))
            && (2..2 + DEFERRING_REACH).any(deferring))
            || (before(1).eq_ignore_ascii_case(b"to") && deferring(2));
        let soonest = before(1).eq_ignore_ascii_case(b"as")
            && (before(2).eq_ignore_ascii_case(b"soon")
                || before(2).eq_ignore_ascii_case(b"early"));
        // `as soon as Tuesday` is ahead whatever the verb.
        // `until Tuesday` looks ahead unless a verb before it tells of the past (`ran until
        // March`); a verb after it does not (`talks that are to conclude by May, invited …`),
        // unless the sentence opens with it (`Until Thursday, they had not …`).
        let opens = first <= 1;
        match before_tense {
            _ if soonest || deferred => Some(Tense::Future),
            Some(Tense::Past) => Some(Tense::Past),
            _ if deadline && !opens => Some(Tense::Future),
            Some(tense) => Some(tense),
            None => after_tense(),
        }
    }

    /// The tense token `n` of the sentence gives, if it is a verb that tells one.
    fn tense_at(&self, n: usize) -> Option<Tense> {
        let token = &self.sentence.tokens[n];
        if token.kind != TokenKind::Word {
            return None;
        }
        // `is to resume trading Tuesday`.
        if self.token_text(n).eq_ignore_ascii_case(b"to")
            && n.checked_sub(1).is_some_and(|b| {
                ["is", "are", "am"]
                    .iter()
                    .any(|w| self.token_text(b).eq_ignore_ascii_case(w.as_bytes()))
            })
        {
            return Some(Tense::Future);
        }
        // A word of no tense word's shape tells a tense only as an -ed form outside the
        // lexicon: most words are neither, and are not looked up.
        let word = self.token_text(n);
        if !self.sentence.lexicon.may_tell_tense(word) && !looks_past(word) {
            return None;
        }
        let tense = match self.sentence.lexicon.class_of_bytes(word).copied() {
            Some(Class::Tense(Tense::Plan)) => {
                let next = n + 1;
                let planned = next < self.sentence.tokens.len()
                    && ["to", "a", "an"]
                        .iter()
                        .any(|w| self.token_text(next).eq_ignore_ascii_case(w.as_bytes()));
                match planned {
                    true => Tense::Future,
                    false if looks_past(self.token_text(n)) => Tense::Past,
                    false => return None,
                }
            }
            // `will be paid`, `to be held`: a participle; the auxiliary tells the tense.
            Some(Class::Tense(Tense::Past)) if self.after_present_be(n) => return None,
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
                    word.eq_ignore_ascii_case(b"had") || word.eq_ignore_ascii_case(b"been")
                })
            });
        match tense {
            Tense::Neither | Tense::Plan => None,
            _ if planned_earlier => Some(Tense::Past),
            tense => Some(tense),
        }
    }

    /// Whether token `n` follows a form of `be` that is not past (`will be held`, `is paid`).
    fn after_present_be(&self, n: usize) -> bool {
        (1..=2).any(|back| {
            n.checked_sub(back).is_some_and(|b| {
                let word = self.token_text(b);
                ["be", "being", "is", "are", "am"]
                    .iter()
                    .any(|a| word.eq_ignore_ascii_case(a.as_bytes()))
            })
        })
    }

    /// Whether token `n` follows an auxiliary or a determiner, which makes an -ed word a
    /// participle or an adjective (`will be paid`, `a still unspecified date`): the auxiliary,
    /// not the -ed word, tells the tense.
    fn after_auxiliary(&self, n: usize) -> bool {
        (1..=2).any(|back| {
            n.checked_sub(back).is_some_and(|b| {
                let word = self.token_text(b);
                AUXILIARIES
                    .iter()
                    .any(|a| word.eq_ignore_ascii_case(a.as_bytes()))
            })
        })
    }

    /// The bytes of token `n`: the tests below compare them in ASCII case only, and a byte
    /// slice needs no character-boundary checks.
    fn token_text(&self, n: usize) -> &[u8] {
        let Token { start, end, .. } = self.sentence.tokens[n];
        &self.text.as_bytes()[start..end]
    }
}

/// A lower-case word ending in -ed, as regular past forms do.
fn looks_past(word: &[u8]) -> bool {
    word.len() >= 5
        && word.ends_with(b"ed")
        && !word.ends_with(b"eed")
        && word.first().is_some_and(u8::is_ascii_lowercase)
}
