//! The words the time stage knows, read from `data/time/*.tsv` and `data/calendar/months.tsv`,
//! and the one automaton that finds them all in a sentence.
//!
//! Every lexicon word gets a [`Class`]. A single Aho-Corasick pass over a sentence reports each
//! occurrence; the grammar then only looks at tokens whose text is exactly a lexicon word, plus
//! numbers. Sentences without any such word or digit cost nothing more than that pass.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::lexicon;

const MONTHS: &str = include_str!("../../../data/calendar/months.tsv");
const WEEKDAYS: &str = include_str!("../../../data/time/weekdays.tsv");
const NUMBERS: &str = include_str!("../../../data/time/numbers.tsv");
const UNITS: &str = include_str!("../../../data/time/units.tsv");
const WORDS: &str = include_str!("../../../data/time/words.tsv");
const TENSE: &str = include_str!("../../../data/time/tense.tsv");

/// A calendar unit that a quantity counts or a shift moves by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Weekend,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
    Millennium,
}

/// Whether a sentence speaks of the past or the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    /// A word that looks like a past form but is none (`United`, `armed`).
    Neither,
}

/// What a lexicon word is. The values are explained in the header of `data/time/words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Month(i8),
    /// ISO weekday number, 1 = Monday.
    Weekday(i8),
    Cardinal(i64),
    Ordinal(i8),
    Unit(Unit),
    DayRef(i8),
    Tonight,
    Part(&'static str),
    Season(&'static str),
    Shift(i8),
    Past,
    Boundary(&'static str),
    Edge(i8),
    Approx(&'static str),
    Ref(&'static str),
    Recent(&'static str),
    Set(&'static str),
    Every,
    Ago(i8),
    Vague,
    Fiscal,
    Clock(i8),
    Meridiem(i8),
    Zone,
    Decade(i8),
    QuarterWord(i8),
    HalfWord(i8),
    UnitAdjective,
    Trigger,
    Tense(Tense),
}

pub(super) struct Lexicon {
    automaton: AhoCorasick,
    /// The class of each automaton pattern, by pattern id.
    classes: Vec<Class>,
}

/// A lexicon word found in a text: its byte range and class.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub class: Class,
}

impl Lexicon {
    pub fn new() -> Lexicon {
        let mut entries: Vec<(&'static str, Class)> = Vec::new();
        for row in lexicon::rows(MONTHS) {
            if let Some(n) = row.get(1).and_then(|n| n.parse().ok()) {
                entries.push((row[0], Class::Month(n)));
            }
        }
        for row in lexicon::rows(WEEKDAYS) {
            if let Some(n) = row.get(1).and_then(|n| n.parse().ok()) {
                entries.push((row[0], Class::Weekday(n)));
            }
        }
        for row in lexicon::rows(NUMBERS) {
            let value: i64 = row.get(1).and_then(|n| n.parse().ok()).unwrap_or(0);
            let class = match row.get(2).copied() {
                Some("ordinal") => Class::Ordinal(value as i8),
                _ => Class::Cardinal(value),
            };
            entries.push((row[0], class));
        }
        for row in lexicon::rows(UNITS) {
            if let Some(unit) = row.get(1).and_then(|u| unit_named(u)) {
                entries.push((row[0], Class::Unit(unit)));
            }
        }
        for row in lexicon::rows(WORDS) {
            let value = row.get(2).copied().unwrap_or("");
            if let Some(class) = row.get(1).and_then(|c| word_class(c, value)) {
                entries.push((row[0], class));
            }
        }
        for row in lexicon::rows(TENSE) {
            let tense = match row.get(1).copied() {
                Some("past") => Tense::Past,
                Some("future") => Tense::Future,
                _ => Tense::Neither,
            };
            // A word already known for its meaning ("next", "ago") keeps that class.
            if !entries.iter().any(|(word, _)| *word == row[0]) {
                entries.push((row[0], Class::Tense(tense)));
            }
        }
        // A DFA: a few hundred short words make a small one, and it scans fastest.
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(entries.iter().map(|(word, _)| word))
            .expect("the time lexicon is a small list of words");
        Lexicon {
            automaton,
            classes: entries.into_iter().map(|(_, class)| class).collect(),
        }
    }

    /// Every lexicon word in `text` that stands as a whole word (not inside a longer one),
    /// with offsets shifted by `offset`.
    pub fn find_words(&self, text: &str, offset: usize, out: &mut Vec<Found>) {
        let bytes = text.as_bytes();
        for m in self.automaton.find_iter(text) {
            let before = m.start().checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(m.end()).copied();
            if before.is_some_and(is_word_byte) || after.is_some_and(is_word_byte) {
                continue;
            }
            out.push(Found {
                start: offset + m.start(),
                end: offset + m.end(),
                class: self.classes[m.pattern().as_usize()],
            });
        }
    }
}

/// Letters and digits continue a word; so do the bytes of non-ASCII characters (`Mayotte` is
/// not `May`, and neither is `Mayé`).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

fn unit_named(name: &str) -> Option<Unit> {
    Some(match name {
        "second" => Unit::Second,
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "fortnight" => Unit::Fortnight,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "half" => Unit::Half,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        "millennium" => Unit::Millennium,
        _ => return None,
    })
}

fn word_class(class: &str, value: &'static str) -> Option<Class> {
    let number = || value.parse::<i8>().ok();
    Some(match class {
        "dayref" => Class::DayRef(number()?),
        "tonight" => Class::Tonight,
        "part" => Class::Part(value),
        "season" => Class::Season(value),
        "shift" => Class::Shift(number()?),
        "past" => Class::Past,
        "boundary" => Class::Boundary(value),
        "edge" => Class::Edge(number()?),
        "approx" => Class::Approx(value),
        "ref" => Class::Ref(value),
        "recent" => Class::Recent(value),
        "set" => Class::Set(value),
        "every" => Class::Every,
        "ago" => Class::Ago(number()?),
        "vague" => Class::Vague,
        "fiscal" => Class::Fiscal,
        "clock" => Class::Clock(number()?),
        "meridiem" => Class::Meridiem(number()?),
        "zone" => Class::Zone,
        "decade" => Class::Decade(number()?),
        "quarterword" => Class::QuarterWord(number()?),
        "halfword" => Class::HalfWord(number()?),
        "unitadj" => Class::UnitAdjective,
        "trigger" => Class::Trigger,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str) -> Vec<(&str, Class)> {
        let mut found = Vec::new();
        Lexicon::new().find_words(text, 0, &mut found);
        found
            .iter()
            .map(|f| (&text[f.start..f.end], f.class))
            .collect()
    }

    #[test]
    fn whole_words_only() {
        assert_eq!(
            classes("Mayotte said on Friday, two weeks ago"),
            [
                ("said", Class::Tense(Tense::Past)),
                ("Friday", Class::Weekday(5)),
                ("two", Class::Cardinal(2)),
                ("weeks", Class::Unit(Unit::Week)),
                ("ago", Class::Ago(-1)),
            ]
        );
    }

    #[test]
    fn every_data_row_is_read() {
        let lexicon = Lexicon::new();
        let rows = [MONTHS, WEEKDAYS, NUMBERS, UNITS, WORDS]
            .iter()
            .map(|data| lexicon::rows(data).count())
            .sum::<usize>();
        assert!(lexicon.classes.len() >= rows, "a row has an unknown class");
    }
}
