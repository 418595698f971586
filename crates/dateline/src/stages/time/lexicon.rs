//! The words the time stage knows, read from `data/time/*.tsv`, `data/calendar/months.tsv` and
//! `data/calendar/holidays.tsv`.
//!
//! Every lexicon word gets a [`Class`]. The stage reads the tokens the structure stage made, with
//! no second scan of the text: a cheap test on every word finds the words that can head an
//! expression ([`Class::is_head`]), which with numbers tell the grammar where to look; only the
//! words around them are looked up in full.

use super::atoms;
use crate::document::Token;
use crate::lexicon::{self, ShapeMap, Shapes, WordMap};

const MONTHS: &str = include_str!("../../../data/calendar/months.tsv");
const WEEKDAYS: &str = include_str!("../../../data/time/weekdays.tsv");
const NUMBERS: &str = include_str!("../../../data/time/numbers.tsv");
const UNITS: &str = include_str!("../../../data/time/units.tsv");
const WORDS: &str = include_str!("../../../data/time/words.tsv");
const TENSE: &str = include_str!("../../../data/time/tense.tsv");
const HOLIDAYS: &str = include_str!("../../../data/calendar/holidays.tsv");

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
    /// A verb of planning that looks ahead only when what is planned follows it (`planned to
    /// leave`, `planned a rally`, `set to resume`); else it is past if it ends in -ed (`the
    /// hastily planned trip`, `as previously planned`) and tells nothing if not.
    Plan,
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
    /// A time zone; `true` for Coordinated Universal Time (`GMT`, `UTC`), written `Z`.
    Zone(bool),
    Decade(i8),
    QuarterWord(i8),
    HalfWord(i8),
    UnitAdjective,
    Head,
    Tense(Tense),
    /// A holiday named in one word: `Christmas`, `Thanksgiving`.
    Holiday,
}

/// How a holiday's date is found in a given year; see `data/calendar/holidays.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HolidayRule {
    Fixed {
        month: i8,
        day: i8,
    },
    /// The `n`-th ISO `weekday` of `month` (-1: the last), moved by `offset` days.
    Nth {
        month: i8,
        weekday: i8,
        n: i8,
        offset: i8,
    },
    /// Days from Easter Sunday.
    Easter(i16),
}

/// A holiday's name as written (`New Year's Day`) and its rule.
#[derive(Debug, Clone, Copy)]
pub(super) struct Holiday {
    pub name: &'static str,
    pub rule: HolidayRule,
}

pub(super) struct Lexicon {
    /// Every word, in any ASCII case. Grouped by shape (length, first and last letter): most
    /// words of a story have a shape no lexicon word has, and cost two loads.
    words: ShapeMap<Class>,
    /// Which shapes the head words ([`Class::is_head`]) have: the one test the head scan makes
    /// of most words.
    head_shapes: Shapes,
    /// Holidays by their first word, longest names first.
    holidays: WordMap<Vec<Holiday>>,
    /// The shapes of those first words.
    holiday_shapes: Shapes,
    /// The shapes of the words that tell a tense ([`Class::Tense`], [`Class::Ago`]): the tense
    /// of an expression is looked for among up to twenty words before it, and most are none.
    tense_shapes: Shapes,
}

impl Class {
    /// Whether an expression can be built around this word with nothing but function words and
    /// modifiers beside it (`the quarter`, `last Friday`, `the near term`, `3 p.m.`). The grammar
    /// only looks near such words and some numbers: `this`, `more` or `said` alone name no time,
    /// and a number word counts units (`two weeks`) unless it begins a spelled year (`nineteen
    /// ninety-six`, `two thousand`).
    pub fn is_head(self) -> bool {
        !matches!(
            self,
            Class::Cardinal(0..=17 | 21..=999 | 1001..)
                | Class::Ordinal(_)
                | Class::Shift(_)
                | Class::Boundary(_)
                | Class::Edge(_)
                | Class::Approx(_)
                | Class::Recent(_)
                | Class::Every
                | Class::Ago(_)
                | Class::Vague
                | Class::Fiscal
                | Class::Zone(_)
                | Class::UnitAdjective
                | Class::Tense(_)
        )
    }
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
            if let Some(class) = row.get(1).and_then(|c| class_named(c, value)) {
                entries.push((row[0], class));
            }
        }
        let mut holidays: WordMap<Vec<Holiday>> = WordMap::new();
        for row in lexicon::rows(HOLIDAYS) {
            let Some(rule) = row.get(1).and_then(|r| holiday_rule(r)) else {
                continue;
            };
            let name = row[0];
            let first = first_word(name);
            if first.len() == name.len() {
                entries.push((name, Class::Holiday));
            }
            if let Some(names) = holidays.entry_or(first, Vec::new()) {
                names.push(Holiday { name, rule });
            }
        }
        let mut holiday_shapes = Shapes::new();
        for names in holidays.values_mut() {
            names.sort_by_key(|h| std::cmp::Reverse(h.name.len()));
            holiday_shapes.insert(first_word(names[0].name).as_bytes());
        }
        for row in lexicon::rows(TENSE) {
            let tense = match row.get(1).copied() {
                Some("past") => Tense::Past,
                Some("future") => Tense::Future,
                Some("plan") => Tense::Plan,
                _ => Tense::Neither,
            };
            entries.push((row[0], Class::Tense(tense)));
        }
        let mut words = WordMap::new();
        let mut head_shapes = Shapes::new();
        let mut tense_shapes = Shapes::new();
        for (word, class) in entries {
            // The first class wins: a word known for its meaning ("next", "ago") keeps it over
            // its tense.
            let Some(&mut class) = words.entry_or(word, class) else {
                continue;
            };
            if class.is_head() {
                head_shapes.insert(word.as_bytes());
            }
            if matches!(class, Class::Tense(_) | Class::Ago(_)) {
                tense_shapes.insert(word.as_bytes());
            }
        }
        Lexicon {
            words: words.freeze(),
            head_shapes,
            holidays,
            holiday_shapes,
            tense_shapes,
        }
    }

    /// The holidays whose name begins with this word (an atom: `New`, `Valentine`, `St.`),
    /// longest first.
    #[inline]
    pub fn holidays(&self, word: &str) -> &[Holiday] {
        let first = word.strip_suffix('.').unwrap_or(word);
        if !self.holiday_shapes.may_hold(first.as_bytes()) {
            return &[];
        }
        self.holidays
            .get_bytes(first.as_bytes())
            .map_or(&[], Vec::as_slice)
    }

    /// Whether a word may tell a tense, as a [`Class::Tense`] or [`Class::Ago`] word: no if no
    /// such word has its shape.
    #[inline]
    pub fn may_tell_tense(&self, word: &[u8]) -> bool {
        self.tense_shapes.may_hold(word)
    }

    /// The class of a word, whatever its case.
    #[cfg(test)]
    pub fn class(&self, word: &str) -> Option<Class> {
        self.class_of_bytes(word.as_bytes()).copied()
    }

    /// [`Lexicon::class`] of a word given as bytes, as the lexicon holds it: an atom keeps
    /// the reference, a third of the class's size.
    #[inline]
    pub fn class_of_bytes(&self, word: &[u8]) -> Option<&Class> {
        self.words.get_bytes(word)
    }

    /// [`Lexicon::class_of_bytes`] of a plain word: ASCII letters and digits only, as every
    /// word token is that is not listed as compound ([`super::Compounds`]).
    #[inline]
    pub fn class_of_plain(&self, word: &[u8]) -> Option<&Class> {
        self.words.get_alphanumeric(word)
    }

    /// Whether a word token is a head word, or holds one as a part (`third-quarter`,
    /// `Friday's`). A plain word (ASCII letters and digits) needs only [`Lexicon::is_head`].
    pub fn has_head(&self, text: &str, token: &Token) -> bool {
        let word = &text.as_bytes()[token.start..token.end];
        if !has_joiner(word) {
            return self.is_head(word);
        }
        let mut head = false;
        atoms::word_parts(text, token, |start, end| {
            head |= self.is_head(&text.as_bytes()[start..end]);
        });
        head
    }

    /// Whether a word (or a part of one) is a head word ([`Class::is_head`]).
    fn is_head(&self, word: &[u8]) -> bool {
        self.head_shapes.may_hold(word)
            && self
                .class_of_bytes(word)
                .is_some_and(|&class| class.is_head())
    }

    /// Whether a plain word token (ASCII letters and digits) of `text` is a head word. Called
    /// on nearly every word of a story, so the common answer, no, is made cheap: the shape is
    /// read from the token's ends, with no slice made.
    #[inline(always)]
    pub fn is_plain_head(&self, text: &[u8], token: &Token) -> bool {
        let (Some(&first), Some(&last)) = (text.get(token.start), text.get(token.end - 1)) else {
            return false;
        };
        self.head_shapes
            .may_hold_ends(token.end.wrapping_sub(token.start), first, last)
            && self.is_plain_head_word(&text[token.start..token.end])
    }

    /// [`Lexicon::is_plain_head`] past the shape test, out of line: it runs for few words, and
    /// the scan that calls the test keeps its registers.
    #[inline(never)]
    fn is_plain_head_word(&self, word: &[u8]) -> bool {
        self.head_shapes.may_begin(word)
            && self
                .class_of_plain(word)
                .is_some_and(|&class| class.is_head())
    }
}

/// Whether a word token may have parts ([`atoms::word_parts`]): a hyphen, a possessive, or a
/// non-ASCII character (which may be the apostrophe of `Friday’s`).
fn has_joiner(word: &[u8]) -> bool {
    word.iter().any(|&b| b == b'-' || b >= 0x80) || word.ends_with(b"'s")
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

/// The leading letters of a word or name: `New` of `New Year's Day`, `St` of `St.`.
fn first_word(name: &str) -> &str {
    let end = name
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(name.len());
    &name[..end]
}

/// A rule of `data/calendar/holidays.tsv`: `fixed 12 25`, `nth 11 4 4`, `nth 11 1 1 +1`,
/// `easter -2`.
fn holiday_rule(text: &str) -> Option<HolidayRule> {
    let mut parts = text.split_whitespace();
    let kind = parts.next()?;
    let mut number = || {
        parts
            .next()
            .and_then(|n| n.trim_start_matches('+').parse::<i16>().ok())
    };
    Some(match kind {
        "fixed" => HolidayRule::Fixed {
            month: number()? as i8,
            day: number()? as i8,
        },
        "nth" => HolidayRule::Nth {
            month: number()? as i8,
            weekday: number()? as i8,
            n: number()? as i8,
            offset: number().unwrap_or(0) as i8,
        },
        "easter" => HolidayRule::Easter(number()?),
        _ => return None,
    })
}

fn class_named(class: &str, value: &'static str) -> Option<Class> {
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
        "zone" => Class::Zone(value == "utc"),
        "decade" => Class::Decade(number()?),
        "quarterword" => Class::QuarterWord(number()?),
        "halfword" => Class::HalfWord(number()?),
        "unitadj" => Class::UnitAdjective,
        "head" => Class::Head,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::TokenKind;

    fn heads(text: &str) -> Vec<&str> {
        let mut tokens = Vec::new();
        atoms::tokenize(text, 0..text.len(), &mut tokens, &mut Vec::new());
        let lexicon = Lexicon::new();
        tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word && lexicon.has_head(text, t))
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn head_words_and_words_holding_one() {
        assert_eq!(
            heads("Mayotte said on Friday's meeting, two weeks ago, in third-quarter results"),
            ["Friday's", "weeks", "third-quarter"]
        );
    }

    #[test]
    fn joiners_anywhere_in_a_word() {
        for word in [
            "mid-May",
            "Friday's",
            "Friday’s",
            "twenty-four-hour",
            "Köln",
        ] {
            assert!(has_joiner(word.as_bytes()), "{word}");
        }
        for word in ["May", "a.m.", "yesterday", "Thanksgiving", "won't"] {
            assert!(!has_joiner(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn words_of_every_class() {
        let lexicon = Lexicon::new();
        assert_eq!(lexicon.class("said"), Some(Class::Tense(Tense::Past)));
        assert_eq!(lexicon.class("won't"), Some(Class::Tense(Tense::Future)));
        assert_eq!(lexicon.class("NEXT"), Some(Class::Shift(1)));
        assert_eq!(lexicon.class("Weeks"), Some(Class::Unit(Unit::Week)));
        assert_eq!(lexicon.class("Mayotte"), None);
    }

    #[test]
    fn every_data_row_is_read() {
        let lexicon = Lexicon::new();
        let rows = [MONTHS, WEEKDAYS, NUMBERS, UNITS, WORDS]
            .iter()
            .flat_map(|data| lexicon::rows(data))
            .filter(|row| lexicon.class(row[0]).is_none())
            .count();
        assert_eq!(rows, 0, "a row has an unknown class");
        for row in lexicon::rows(HOLIDAYS) {
            assert!(holiday_rule(row[1]).is_some(), "{row:?}");
            assert!(
                lexicon
                    .holidays(first_word(row[0]))
                    .iter()
                    .any(|h| h.name == row[0]),
                "{row:?}"
            );
        }
    }
}
