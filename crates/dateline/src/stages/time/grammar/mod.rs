//! Recognition: which stretches of a sentence are temporal expressions, and what each one says
//! ([`Expr`]), before any anchor date is known.
//!
//! The grammar is a set of small parsers over [`Atom`]s, tried at every atom that can begin an
//! expression; the first that matches, in the order of [`Parser::expression`], wins, and the scan
//! goes on after it. Spans follow TimeBank: a leading preposition stays out (`on Friday` is
//! `Friday`), determiners and qualifiers stay in (`the past three years`, `more than two weeks`).
//!
//! The parsers, one module per kind of expression:
//! - [`numbers`]: counts, years, decades, and what starts with digits;
//! - [`calendar`]: dates, weekdays, holidays, quarters, seasons, clock times;
//! - [`relative`]: `last year`, `this week`, `the past`, `now`, `the latest quarter`;
//! - [`durations`]: `17 years`, `two weeks ago`, `every Saturday`;
//! - [`tense`]: the tense that places a bare weekday or month.

mod calendar;
mod durations;
mod numbers;
mod relative;
mod tense;

pub(super) use durations::duration_value;

use crate::document::{Token, TokenKind};

use super::atoms::{Atom, Gap};
use super::lexicon::{Class, HolidayRule, Lexicon, Tense, Unit};

/// What an expression says, in terms of the calendar, before it is anchored.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Expr {
    /// A month, or a day of one: `May`, `May 13`, `13 May 2018`, `January this year`.
    Calendar {
        year: Option<YearRef>,
        month: i8,
        day: Option<i8>,
    },
    Year(YearRef),
    /// `the 1990s`, `the nineties`: the first three digits of the years (199).
    Decade(i32),
    /// `the 20th century`: the first two digits of its years (19).
    Century(i32),
    /// A weekday; `shift` is the `last` (-1), `this` (0) or `next` (1) written before it.
    Weekday {
        weekday: i8,
        shift: Option<i8>,
    },
    /// `the previous Friday` (-1), `the following Monday` (1): the weekday before or after the
    /// last day the story named.
    WeekdayFromMention {
        weekday: i8,
        shift: i8,
    },
    /// `last May`, `this September`, `next April`, `last Oct. 23`.
    MonthShift {
        month: i8,
        day: Option<i8>,
        shift: i8,
    },
    /// `today`, `yesterday`, `three days ago`: days from the anchor.
    Days(i64),
    /// `this week`, `last year`, `two months ago`: whole units from the anchor's.
    Shift {
        unit: Unit,
        by: i64,
    },
    Season {
        season: &'static str,
        year: YearRef,
    },
    Quarter {
        quarter: i8,
        year: YearRef,
    },
    Half {
        half: i8,
        year: YearRef,
    },
    /// `the latest quarter`, `the quarter`: the last one reported, the one before the anchor's.
    LatestQuarter,
    /// `the quarter ended July 31`: the quarter whose last month holds that day.
    QuarterEnding(Box<Expr>),
    /// `the 1988 quarter`, `the 1989 period`: the quarter the story is about, in that year.
    QuarterOfYear(YearRef),
    /// `a year ago`, `a year earlier`, `year-ago`: in results news the same quarter a year
    /// before, else the year before. `quarter` when the text says so (`the year-ago quarter`).
    YearEarlier {
        quarter: bool,
    },
    /// `now`, `recently`, `the future`: PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    Duration {
        amount: Amount,
        unit: Unit,
    },
    /// A SET, with its TIMEX3 value already written: `P1W`, `XXXX-WXX-6`.
    Set(String),
    /// `Friday morning`, `last night`, `this afternoon`.
    PartOfDay {
        day: Box<Expr>,
        part: &'static str,
    },
    /// `3 p.m.`, `15:30 GMT`, `noon Thursday`: a time of day, on the day written with it if any.
    Clock {
        hour: i8,
        minute: i8,
        /// Written in Coordinated Universal Time (`GMT`, `UTC`): the value ends in `Z`.
        utc: bool,
        day: Option<Box<Expr>>,
    },
    /// `Christmas`, `last Thanksgiving`, `Easter 1998`; `shift` as for weekdays.
    Holiday {
        rule: HolidayRule,
        year: Option<YearRef>,
        shift: Option<i8>,
    },
    /// The week (or weekend) that holds a day: `the week of March 6`, `Easter week`.
    WeekOf {
        day: Box<Expr>,
        weekend: bool,
    },
}

/// The year of a date, season or quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearRef {
    /// Written in the text: `2001`.
    Written(i32),
    /// Years from the anchor's: `this year` 0, `last year` -1. An unwritten year is `Shift(0)`.
    Shift(i32),
    /// `that year`, `the following year`: years from the last year the story mentioned.
    Mentioned(i32),
    /// The second end of a range of months: years from that of the month just named, which
    /// starts the range (`April-June` 0, `September-January` 1).
    RangeStart(i32),
}

/// How many units a duration has; `None` is an unknown number (`several years`: `PXY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Amount {
    pub count: Option<u64>,
    /// A half more: `2 1/2 years`.
    pub half: bool,
}

/// A temporal expression found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mention {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    /// TIMEX3 `mod`: `APPROX`, `MORE_THAN`, `START`, …
    pub modifier: Option<&'static str>,
    /// The tense of the nearest verb, for expressions that need it.
    pub tense: Option<Tense>,
    /// Whether that verb is right before the expression (`ended Jan. 31`): then the tense holds
    /// however far from the anchor it leads.
    pub tense_near: bool,
    /// The number of its sentence ([`Sentence::number`]).
    pub sentence: usize,
}

/// The parse of one expression: it ends before atom `end`.
struct Parsed {
    end: usize,
    expr: Expr,
    modifier: Option<&'static str>,
}

impl Parsed {
    fn new(end: usize, expr: Expr) -> Parsed {
        Parsed {
            end,
            expr,
            modifier: None,
        }
    }
}

/// Two-word qualifiers before a quantity: `more than two weeks`, `at least 20 years`.
const QUALIFIER_PAIRS: &[(&str, &str, &str)] = &[
    ("more", "than", "MORE_THAN"),
    ("less", "than", "LESS_THAN"),
    ("fewer", "than", "LESS_THAN"),
    ("at", "least", "EQUAL_OR_MORE"),
    ("at", "most", "EQUAL_OR_LESS"),
    ("up", "to", "EQUAL_OR_LESS"),
    ("no", "more", "EQUAL_OR_LESS"),
];
/// Words before `one day` that make it a time ahead (`will one day`, `he one day hopes`).
const MODALS: &[&str] = &[
    "will", "would", "could", "might", "may", "can", "shall", "should", "he", "she", "they", "we",
    "i", "you", "it",
];
/// Nouns after `today's` that make it the present age, not the day: `today's world`.
const PRESENT_DAY_NOUNS: &[&str] = &[
    "world",
    "society",
    "youth",
    "generation",
    "children",
    "kids",
    "young",
    "economy",
    "culture",
    "standards",
    "terms",
    "dollars",
    "technology",
    "computers",
    "environment",
    "life",
    "lives",
    "families",
    "women",
    "men",
    "people",
    "students",
    "workers",
    "politics",
    "media",
    "age",
    "era",
    "times",
];
/// Words without a lexicon class that may begin an expression.
const STARTING_WORDS: &[&str] = &[
    "the", "a", "an", "less", "fewer", "at", "up", "no", "couple", "that", "these", "'", "’", "end",
];

/// Longest of [`STARTING_WORDS`], in bytes.
const LONGEST_STARTING_WORD: usize = 6;

/// For each length up to [`LONGEST_STARTING_WORD`], the low five bits of the first bytes of
/// the [`STARTING_WORDS`] that long, one bit each: most words fail this test, and are never
/// compared with the list.
const STARTING_SHAPES: [u32; LONGEST_STARTING_WORD + 1] = {
    let mut shapes = [0; LONGEST_STARTING_WORD + 1];
    let mut n = 0;
    while n < STARTING_WORDS.len() {
        let word = STARTING_WORDS[n].as_bytes();
        shapes[word.len()] |= 1 << (word[0].to_ascii_lowercase() & 31);
        n += 1;
    }
    shapes
};

/// `str::split_once` at an ASCII byte, without the character searcher's set-up, which costs
/// more than the search in a short word.
fn split_once(word: &str, separator: u8) -> Option<(&str, &str)> {
    let at = word.bytes().position(|b| b == separator)?;
    Some((&word[..at], &word[at + 1..]))
}

/// The whole sentence the parsed atoms come from: the verb that gives a weekday its tense may lie
/// outside them.
#[derive(Clone, Copy)]
pub(super) struct Sentence<'a> {
    pub tokens: &'a [Token],
    pub lexicon: &'a Lexicon,
    /// Its number in the story, from 0 (the title is 0 too).
    pub number: usize,
}

pub(super) struct Parser<'a> {
    text: &'a str,
    atoms: &'a [Atom<'a>],
    sentence: Sentence<'a>,
}

/// Finds the temporal expressions in `atoms`, a stretch of `sentence`, and appends them to `out`.
/// Each expression holds a head word or a number, so none begins at or after byte
/// `last_head_end`, where the last one ends.
pub(super) fn recognize(
    text: &str,
    atoms: &[Atom<'_>],
    sentence: Sentence<'_>,
    last_head_end: usize,
    out: &mut Vec<Mention>,
) {
    let parser = Parser {
        text,
        atoms,
        sentence,
    };
    let mut i = 0;
    while i < atoms.len() && atoms[i].start < last_head_end {
        if !parser.may_start(i) {
            i += 1;
            continue;
        }
        match parser.expression(i) {
            Some(mut parsed) if parsed.end > i => {
                let (tense, tense_near) = parser.tense_of(i, &parsed);
                let second = parser.second_day(&mut parsed);
                out.push(Mention {
                    start: atoms[i].start,
                    end: atoms[parsed.end - 1].end,
                    expr: parsed.expr,
                    modifier: parsed.modifier,
                    tense,
                    tense_near,
                    sentence: sentence.number,
                });
                i = parsed.end;
                if let Some((start, second)) = second {
                    out.push(Mention {
                        start: atoms[start].start,
                        end: atoms[second.end - 1].end,
                        expr: second.expr,
                        modifier: None,
                        tense,
                        tense_near,
                        sentence: sentence.number,
                    });
                    i = second.end;
                }
            }
            _ => i += 1,
        }
    }
}

impl<'a> Parser<'a> {
    /// Whether an expression can start at atom `i`: a lexicon word other than a verb, a number
    /// that may start one ([`Parser::number_may_start`]), the first word of a holiday, or one of
    /// the few plain words the grammar reads (`the`, `a`, `more than`, …). Not a word hyphenated
    /// to a plain word before it (`after-hours`, `high-current`, `semi-annually`): that word says
    /// what the part is, and it is no time.
    /// Numbers may (`ex-1986`), and words after a month (`Jan-April`) or after one of
    /// [`Parser::joins_parts`].
    fn may_start(&self, i: usize) -> bool {
        let atom = &self.atoms[i];
        if atom.gap == Gap::Hyphen
            && atom.kind == TokenKind::Word
            && !self.joins_parts(i)
            && self.is_plain_word(i - 1)
        {
            return false;
        }
        match atom.class {
            Some(Class::Tense(_)) => false,
            Some(_) => true,
            None if atom.kind == TokenKind::Number => self.number_may_start(i),
            None if atom.kind == TokenKind::Word
                && self.capitalized(i)
                && !self.sentence.lexicon.holidays(self.word(i)).is_empty() =>
            {
                true
            }
            // Compare only words as long as one of them and beginning as it does.
            None => {
                let first = self.text.as_bytes()[atom.start].to_ascii_lowercase();
                STARTING_SHAPES
                    .get(atom.end - atom.start)
                    .is_some_and(|&shapes| shapes & 1 << (first & 31) != 0)
                    && STARTING_WORDS
                        .iter()
                        .any(|w| w.as_bytes()[0] == first && self.is(i, w))
            }
        }
    }

    /// A word that is no time word: not in the lexicon, nor one of [`Parser::joins_parts`].
    fn is_plain_word(&self, i: usize) -> bool {
        let atom = &self.atoms[i];
        atom.kind == TokenKind::Word && atom.class.is_none() && !self.joins_parts(i)
    }

    /// Words a time keeps after a hyphen: `end-May`, `post-February`, `barrel-per-day`,
    /// `once-a-day`, `three-month-to-three-year`.
    fn joins_parts(&self, i: usize) -> bool {
        ["end", "pre", "post", "to", "per", "a"]
            .iter()
            .any(|w| self.is(i, w))
    }

    fn class(&self, i: usize) -> Option<Class> {
        self.atoms.get(i).and_then(|a| a.class.copied())
    }

    fn word(&self, i: usize) -> &'a str {
        self.atoms.get(i).map_or("", |a| &self.text[a.start..a.end])
    }

    /// Whether atom `i` is `word`, in any ASCII case. On bytes, lengths first, then first
    /// letters, which with `word` written out fold into one comparison: the grammar asks this
    /// many times of every atom it reads, and the answer is mostly no.
    #[inline]
    fn is(&self, i: usize, word: &str) -> bool {
        match self.atoms.get(i) {
            Some(a) => {
                let text = self.text.as_bytes();
                a.end - a.start == word.len()
                    && text.get(a.start).map(u8::to_ascii_lowercase)
                        == word.as_bytes().first().map(u8::to_ascii_lowercase)
                    && text[a.start..a.end].eq_ignore_ascii_case(word.as_bytes())
            }
            None => word.is_empty(),
        }
    }

    fn gap(&self, i: usize) -> Gap {
        self.atoms.get(i).map_or(Gap::Space, |a| a.gap)
    }

    #[inline]
    fn capitalized(&self, i: usize) -> bool {
        self.atoms
            .get(i)
            .is_some_and(|a| a.end > a.start && self.text.as_bytes()[a.start].is_ascii_uppercase())
    }

    fn is_number(&self, i: usize) -> bool {
        self.atoms
            .get(i)
            .is_some_and(|a| a.kind == TokenKind::Number)
    }

    /// The expression starting at atom `i`, trying the longest readings first.
    fn expression(&self, i: usize) -> Option<Parsed> {
        if let Some(parsed) = self.qualified(i) {
            return Some(parsed);
        }
        if let Some(parsed) = self.bounded(i) {
            return Some(parsed);
        }
        self.core(i)
    }

    /// A quantity qualifier and what it qualifies: `more than two weeks`, `some 17 years`,
    /// `nearly four years ago`, `around 7:15 p.m.`.
    fn qualified(&self, i: usize) -> Option<Parsed> {
        let (after, modifier) = match self.class(i) {
            Some(Class::Approx(modifier)) => (i + 1, modifier),
            _ => {
                let &(_, _, modifier) = QUALIFIER_PAIRS
                    .iter()
                    .find(|(a, b, _)| self.is(i, a) && self.is(i + 1, b))?;
                // `no more than`.
                let than = usize::from(self.is(i + 2, "than"));
                (i + 2 + than, modifier)
            }
        };
        let parsed = match self.counted(after) {
            // TimeBank annotates a qualified `ago` as the length of time: `about two years ago`
            // is P2Y.
            Some((end, amount, unit)) if !self.is_age(end) => {
                let back = matches!(self.class(end), Some(Class::Ago(_) | Class::Edge(-1)));
                let end = if back { end + 1 } else { end };
                Parsed::new(end, Expr::Duration { amount, unit })
            }
            Some(_) => return None,
            None => self.clock(after)?,
        };
        Some(Parsed {
            modifier: Some(modifier),
            ..parsed
        })
    }

    /// `early 2019`, `mid-May`, `late last year`, `the end of March`, `end-March`, `earlier
    /// this month`.
    fn bounded(&self, i: usize) -> Option<Parsed> {
        let (after, modifier) = match self.class(i) {
            Some(Class::Boundary(modifier)) => (i + 1, Some(modifier)),
            Some(Class::Edge(_)) => (i + 1, None),
            // Wire copy's short form of `the end of`.
            None if self.is(i, "end") && self.gap(i + 1) == Gap::Hyphen => (i + 1, Some("END")),
            _ if self.is(i, "the") && self.is(i + 2, "of") => {
                let modifier = if self.is(i + 1, "end") {
                    "END"
                } else if self.is(i + 1, "beginning") || self.is(i + 1, "start") {
                    "START"
                } else if self.is(i + 1, "middle") {
                    "MID"
                } else {
                    return None;
                };
                (i + 3, Some(modifier))
            }
            _ => return None,
        };
        let parsed = self
            .core(after)
            .or_else(|| self.the_period(after))
            .or_else(|| self.part_of_day_alone(after))
            .or_else(|| self.season_alone(after))?;
        let bounded_kind = matches!(
            parsed.expr,
            Expr::Calendar { .. }
                | Expr::Year(_)
                | Expr::Decade(_)
                | Expr::Century(_)
                | Expr::Weekday { .. }
                | Expr::MonthShift { .. }
                | Expr::Days(_)
                | Expr::Shift { .. }
                | Expr::Season { .. }
                | Expr::Quarter { .. }
                | Expr::PartOfDay { .. }
                | Expr::Holiday { .. }
        );
        bounded_kind.then_some(Parsed {
            modifier: modifier.or(parsed.modifier),
            ..parsed
        })
    }

    /// An expression without a qualifier or boundary before it.
    fn core(&self, i: usize) -> Option<Parsed> {
        let atom = self.atoms.get(i)?;
        if atom.kind == TokenKind::Number {
            return self.numeric(i);
        }
        if self.is(i, "the") {
            return self.after_the(i);
        }
        if self.is(i, "a") || self.is(i, "an") {
            return self
                .quantity_phrase(i)
                .and_then(|parsed| self.as_rate(i, parsed));
        }
        if self.is(i, "that") && self.class(i + 1) == Some(Class::Unit(Unit::Year)) {
            return Some(Parsed::new(i + 2, Expr::Year(YearRef::Mentioned(0))));
        }
        if self.is(i, "these") && self.is(i + 1, "days") {
            return Some(Parsed::new(i + 2, Expr::Ref("PRESENT_REF")));
        }
        if let Some(parsed) = self.holiday(i, None) {
            return Some(parsed);
        }
        match *atom.class? {
            Class::Month(month) => self.month_date(i, month),
            Class::Weekday(weekday) => self.weekday(i, weekday, None),
            Class::DayRef(days) => {
                // `the people of tomorrow`, `today's computers` are no particular day, `VOA
                // Today` is a programme.
                let possessive = self.word(i + 1).ends_with('s') && self.gap(i + 1) == Gap::None;
                // `today's world`, `today's personal computers`; but `today's editions` is
                // this day's.
                let present_day = possessive
                    && (i + 2..i + 4).any(|n| PRESENT_DAY_NOUNS.iter().any(|w| self.is(n, w)));
                let generic =
                    (days > 0 && i > 0 && self.is(i - 1, "of")) || (days == 0 && present_day);
                let title = i > 0 && self.capitalized(i) && self.capitalized(i - 1);
                (!generic && !title).then(|| self.with_part_of_day(i + 1, Expr::Days(days.into())))
            }
            Class::Tonight => Some(Parsed::new(
                i + 1,
                Expr::PartOfDay {
                    day: Box::new(Expr::Days(0)),
                    part: "NI",
                },
            )),
            Class::Shift(shift) => self.shifted(i, shift),
            Class::Past => self.past(i),
            Class::Recent(value) => self.recent(i, value),
            Class::Ref(value) => self.reference(i, value),
            Class::Set(value) => Some(Parsed::new(i + 1, Expr::Set(value.to_string()))),
            Class::Every => self.every(i),
            // `Islam will one day be …`: some time ahead, not a day's length.
            Class::Cardinal(1)
                if self.is(i, "one")
                    && self.is(i + 1, "day")
                    && i > 0
                    && MODALS.iter().any(|w| self.is(i - 1, w)) =>
            {
                Some(Parsed::new(i + 2, Expr::Ref("FUTURE_REF")))
            }
            Class::Cardinal(_) => self.quantity_phrase(i).or_else(|| {
                let (end, year) = self.spelled_year(i)?;
                Some(Parsed::new(end, Expr::Year(year)))
            }),
            Class::Vague => self.quantity_phrase(i),
            Class::Fiscal => self.fiscal(i),
            Class::Clock(_) => self.clock(i),
            Class::Ordinal(n) => self.ordinal_period(i, n, YearRef::Shift(0)),
            Class::QuarterWord(quarter) => {
                let (end, year) = self.year_after(i + 1).unwrap_or((i + 1, YearRef::Shift(0)));
                Some(Parsed::new(end, Expr::Quarter { quarter, year }))
            }
            Class::HalfWord(half) => {
                let (end, year) = self.year_after(i + 1).unwrap_or((i + 1, YearRef::Shift(0)));
                Some(Parsed::new(end, Expr::Half { half, year }))
            }
            Class::Season(season) => self.season_of_year(i, season),
            Class::Unit(Unit::Year) => self
                .year_earlier_adjective(i)
                .or_else(|| self.year_end(i))
                .or_else(|| self.long_units(i, Unit::Year))
                .or_else(|| self.bare_units(i, Unit::Year)),
            Class::Unit(unit) => self
                .long_units(i, unit)
                .or_else(|| self.bare_units(i, unit)),
            _ => None,
        }
    }

    /// Whether a unit word is singular (`year`, not `years`).
    fn singular(&self, i: usize) -> bool {
        let word = self.word(i);
        !(word.ends_with('s') || word.eq_ignore_ascii_case("centuries"))
    }
}
