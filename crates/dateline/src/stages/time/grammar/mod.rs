//! Recognition: which stretches of a sentence are temporal expressions, and what each one says
//! ([`Expr`]), before any anchor date is known.
//!
//! The grammar is a set of small parsers over [`Atom`]s, tried at every atom that can begin an
//! expression; the first that matches, in the order of [`Parser::expression`], wins, and the scan
//! goes on after it. Spans follow TimeBank: a leading preposition stays out (`on Friday` is
//! `Friday`), determiners and qualifiers stay in (`the past three years`, `more than two weeks`).

use crate::document::TokenKind;

use super::atoms::{Atom, Gap};
use super::lexicon::{Class, Tense, Unit};

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
        day: Option<Box<Expr>>,
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

/// Longest number written in digits that is read as a count; longer ones are not durations.
const MAX_COUNT_DIGITS: usize = 9;
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
/// Words without a lexicon class that may begin an expression.
const STARTING_WORDS: &[&str] = &[
    "the", "a", "an", "less", "fewer", "at", "up", "no", "couple", "'", "’",
];
/// Words after which a bare month name such as `May` or `March` is a month, not a verb or a
/// parade: `in May`, `since March`, `early May`.
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "on",
    "by",
    "since",
    "until",
    "till",
    "of",
    "from",
    "through",
    "during",
    "before",
    "after",
    "between",
    "and",
    "or",
    "to",
    "last",
    "next",
    "this",
    "early",
    "mid",
    "late",
    "since",
    "end",
    "beginning",
    "until",
];
/// How many atoms after an expression a verb may be to give it its tense, when none comes
/// before it (`On Friday, the government planned …`).
const TENSE_LOOKAHEAD: usize = 8;
/// Month names that are also ordinary English words.
const AMBIGUOUS_MONTHS: &[&str] = &[
    "may", "march", "mar", "jan", "sept", "sep", "dec", "jun", "jul",
];

pub(super) struct Parser<'a> {
    text: &'a str,
    atoms: &'a [Atom],
}

/// Finds the temporal expressions of one sentence, given as atoms, and appends them to `out`.
pub(super) fn recognize(text: &str, atoms: &[Atom], out: &mut Vec<Mention>) {
    let parser = Parser { text, atoms };
    let mut i = 0;
    while i < atoms.len() {
        if !parser.may_start(i) {
            i += 1;
            continue;
        }
        match parser.expression(i) {
            Some(parsed) if parsed.end > i => {
                let tense = parser.tense_of(i, &parsed);
                out.push(Mention {
                    start: atoms[i].start,
                    end: atoms[parsed.end - 1].end,
                    expr: parsed.expr,
                    modifier: parsed.modifier,
                    tense,
                });
                i = parsed.end;
            }
            _ => i += 1,
        }
    }
}

impl<'a> Parser<'a> {
    /// Whether an expression can start at atom `i`: a lexicon word, a number, or one of the
    /// few plain words the grammar reads (`the`, `a`, `more than`, …).
    fn may_start(&self, i: usize) -> bool {
        let atom = &self.atoms[i];
        atom.class.is_some()
            || atom.kind == TokenKind::Number
            || (atom.end - atom.start <= 6 && STARTING_WORDS.iter().any(|w| self.is(i, w)))
    }

    fn class(&self, i: usize) -> Option<Class> {
        self.atoms.get(i).and_then(|a| a.class)
    }

    fn word(&self, i: usize) -> &'a str {
        self.atoms.get(i).map_or("", |a| &self.text[a.start..a.end])
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(word)
    }

    fn gap(&self, i: usize) -> Gap {
        self.atoms.get(i).map_or(Gap::Space, |a| a.gap)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.word(i).starts_with(|c: char| c.is_ascii_uppercase())
    }

    fn is_number(&self, i: usize) -> bool {
        self.atoms
            .get(i)
            .is_some_and(|a| a.kind == TokenKind::Number)
    }

    /// The value of a number atom written with plain digits (`17`, `2018`, not `1,000` or
    /// `15:30`), if it is not absurdly long.
    fn digits(&self, i: usize) -> Option<u64> {
        let word = self.word(i);
        let plain = self.is_number(i)
            && word.len() <= MAX_COUNT_DIGITS
            && word.bytes().all(|b| b.is_ascii_digit());
        plain.then(|| word.parse().ok()).flatten()
    }

    /// The value of a number written with thousands separators: `1,000`.
    fn grouped_digits(&self, i: usize) -> Option<u64> {
        let word = self.word(i);
        let mut groups = word.split(',');
        let first = groups.next()?;
        let well_formed = self.is_number(i)
            && word.contains(',')
            && (1..=3).contains(&first.len())
            && groups.all(|g| g.len() == 3);
        if !well_formed || word.len() > MAX_COUNT_DIGITS + 3 {
            return None;
        }
        word.replace(',', "").parse().ok()
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

    /// `early 2019`, `mid-May`, `late last year`, `the end of March`, `earlier this month`.
    fn bounded(&self, i: usize) -> Option<Parsed> {
        let (after, modifier) = match self.class(i) {
            Some(Class::Boundary(modifier)) => (i + 1, Some(modifier)),
            Some(Class::Edge(_)) => (i + 1, None),
            _ if self.is(i, "the") && self.is(i + 2, "of") => {
                let modifier = match self.word(i + 1).to_ascii_lowercase().as_str() {
                    "end" => "END",
                    "beginning" | "start" => "START",
                    "middle" => "MID",
                    _ => return None,
                };
                (i + 3, Some(modifier))
            }
            _ => return None,
        };
        let parsed = self
            .core(after)
            .or_else(|| self.the_period(after))
            .or_else(|| self.part_of_day_alone(after))?;
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
        );
        bounded_kind.then_some(Parsed {
            modifier: modifier.or(parsed.modifier),
            ..parsed
        })
    }

    /// `the year`, `the month`, `the week` after `the end of`: the anchor's.
    fn the_period(&self, i: usize) -> Option<Parsed> {
        if !self.is(i, "the") {
            return None;
        }
        match self.class(i + 1) {
            Some(Class::Unit(unit @ (Unit::Year | Unit::Month | Unit::Week | Unit::Quarter))) => {
                Some(Parsed::new(i + 2, Expr::Shift { unit, by: 0 }))
            }
            _ => None,
        }
    }

    /// `mid afternoon`, `mid-afternoon yesterday` after a boundary word.
    fn part_of_day_alone(&self, i: usize) -> Option<Parsed> {
        let Some(Class::Part(part)) = self.class(i) else {
            return None;
        };
        let (end, days) = match self.class(i + 1) {
            Some(Class::DayRef(days)) => (i + 2, days.into()),
            _ => (i + 1, 0),
        };
        Some(Parsed::new(
            end,
            Expr::PartOfDay {
                day: Box::new(Expr::Days(days)),
                part,
            },
        ))
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
        match atom.class? {
            Class::Month(month) => self.month_date(i, month),
            Class::Weekday(weekday) => self.weekday(i, weekday, None),
            Class::DayRef(days) => {
                // `the people of tomorrow` is no particular day, `VOA Today` a programme.
                let generic = days > 0 && i > 0 && self.is(i - 1, "of");
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
            Class::Unit(Unit::Year) => self.year_earlier_adjective(i).or_else(|| self.year_end(i)),
            Class::Unit(unit) => self.bare_units(i, unit),
            Class::Trigger
                if self.is(i, "that") && self.class(i + 1) == Some(Class::Unit(Unit::Year)) =>
            {
                Some(Parsed::new(i + 2, Expr::Year(YearRef::Mentioned(0))))
            }
            Class::Trigger if self.is(i, "these") && self.is(i + 1, "days") => {
                Some(Parsed::new(i + 2, Expr::Ref("PRESENT_REF")))
            }
            _ => None,
        }
    }

    /// `year-end`, `year end`, `year's end`: the end of the anchor's year.
    fn year_end(&self, i: usize) -> Option<Parsed> {
        let end = if self.word(i + 1).ends_with('s') && self.gap(i + 1) == Gap::None {
            i + 2
        } else {
            i + 1
        };
        self.is(end, "end").then(|| Parsed {
            end: end + 1,
            expr: Expr::Shift {
                unit: Unit::Year,
                by: 0,
            },
            modifier: Some("END"),
        })
    }

    /// A plural unit alone, after `for`, `within`, `in`, `after` or `over`: `for weeks`,
    /// `within days`, `for the first time in years`.
    fn bare_units(&self, i: usize, unit: Unit) -> Option<Parsed> {
        let before = i.checked_sub(1).map(|b| self.word(b))?;
        let follows_preposition = ["for", "within", "in", "after", "over"]
            .iter()
            .any(|w| before.eq_ignore_ascii_case(w));
        let plural =
            !self.singular(i) && !matches!(unit, Unit::Quarter | Unit::Half | Unit::Weekend);
        (follows_preposition && plural && !self.capitalized(i)).then(|| {
            let amount = Amount {
                count: None,
                half: false,
            };
            Parsed::new(i + 1, Expr::Duration { amount, unit })
        })
    }

    /// Expressions that start with `the`; the span keeps it.
    fn after_the(&self, i: usize) -> Option<Parsed> {
        let next = i + 1;
        let parsed = match self.class(next) {
            Some(Class::Past) => self.past(next),
            Some(Class::Shift(shift)) => self.shifted(next, shift),
            // `the future`, `the current quarter`; but `the current system` is just `current`.
            Some(Class::Ref(value)) => self
                .reference(next, value)
                .filter(|p| value == "FUTURE_REF" || matches!(p.expr, Expr::Shift { .. })),
            Some(Class::Boundary(_)) => self.bounded(next),
            Some(Class::Ordinal(n)) => self.ordinal_period(next, n, YearRef::Shift(0)),
            Some(Class::Fiscal) => self.fiscal(next),
            Some(Class::UnitAdjective) if self.is(next, "full") => self.year_period(next + 1),
            Some(Class::Cardinal(_)) => self.quantity_phrase(next),
            Some(Class::Decade(decade)) => {
                Some(Parsed::new(next + 1, Expr::Decade(190 + i32::from(decade))))
            }
            Some(Class::Unit(Unit::Weekend)) => Some(Parsed::new(
                next + 1,
                Expr::Shift {
                    unit: Unit::Weekend,
                    by: 0,
                },
            )),
            Some(Class::Unit(Unit::Quarter)) => Some(Parsed::new(next + 1, Expr::LatestQuarter)),
            Some(Class::Unit(Unit::Year)) => self
                .year_earlier_adjective(next)
                .or_else(|| {
                    // `the year 2000`, `the year two thousand`.
                    let (end, year) = self.year_after(next + 1)?;
                    Some(Parsed::new(end, Expr::Year(year)))
                })
                .or_else(|| self.year_period(next)),
            Some(Class::Season(season)) => self.season_of_year(next, season).or_else(|| {
                let year = YearRef::Shift(0);
                Some(Parsed::new(next + 1, Expr::Season { season, year }))
            }),
            _ if self.is(next, "latest") => self.latest(next + 1),
            // `the near term`, `the short term`, `the near future`.
            _ if self.is(next, "near") || self.is(next, "short") => {
                let term = self.is(next + 1, "term");
                let near_future =
                    self.is(next, "near") && self.class(next + 1) == Some(Class::Ref("FUTURE_REF"));
                (term || near_future).then(|| Parsed::new(next + 2, Expr::Ref("FUTURE_REF")))
            }
            _ if self.is_number(next) => self.numeric(next).filter(|p| {
                matches!(p.expr, Expr::Decade(_) | Expr::Century(_) | Expr::Year(_))
                    || matches!(p.expr, Expr::Duration { .. })
            }),
            _ if self.word(next) == "'" || self.word(next) == "’" => self.numeric(next + 1),
            _ => None,
        }?;
        // `the 1988 second quarter`, `the 1988 quarter`, `the 1989 period`.
        if let Expr::Year(year) = parsed.expr {
            if let Some(Class::Ordinal(n)) = self.class(parsed.end) {
                return self.ordinal_period(parsed.end, n, year);
            }
            if self.is(parsed.end, "period")
                || self.class(parsed.end) == Some(Class::Unit(Unit::Quarter))
            {
                return Some(Parsed::new(parsed.end + 1, Expr::QuarterOfYear(year)));
            }
            // `the 1992 protests`: the year alone is the expression.
            return None;
        }
        Some(parsed)
    }

    /// `the year`, `the full year` of results news: the anchor's year, or a year's length when
    /// its end is given (`the year ended Sept. 30`).
    fn year_period(&self, i: usize) -> Option<Parsed> {
        if self.class(i) != Some(Class::Unit(Unit::Year)) || !self.singular(i) {
            return None;
        }
        if self.is(i + 1, "ended") || self.is(i + 1, "ending") {
            let amount = Amount {
                count: Some(1),
                half: false,
            };
            return Some(Parsed::new(
                i + 1,
                Expr::Duration {
                    amount,
                    unit: Unit::Year,
                },
            ));
        }
        Some(Parsed::new(
            i + 1,
            Expr::Shift {
                unit: Unit::Year,
                by: 0,
            },
        ))
    }

    /// After `the latest`: `quarter` or `period`.
    fn latest(&self, i: usize) -> Option<Parsed> {
        let quarter = self.class(i) == Some(Class::Unit(Unit::Quarter)) || self.is(i, "period");
        quarter.then(|| Parsed::new(i + 1, Expr::LatestQuarter))
    }

    /// `year-ago`, `year-earlier` and what they qualify (`the year-ago quarter`).
    fn year_earlier_adjective(&self, i: usize) -> Option<Parsed> {
        let back = matches!(self.class(i + 1), Some(Class::Ago(-1) | Class::Edge(-1)));
        if !back || self.gap(i + 1) != Gap::Hyphen {
            return None;
        }
        let after = i + 2;
        // `the year-ago third quarter`, `the year-earlier nine months`.
        if let Some(Class::Ordinal(n)) = self.class(after) {
            if let Some(parsed) = self.ordinal_period(after, n, YearRef::Shift(-1)) {
                return Some(parsed);
            }
        }
        if let Some(parsed) = self.quantity_phrase(after) {
            return Some(parsed);
        }
        let period =
            self.class(after) == Some(Class::Unit(Unit::Quarter)) || self.is(after, "period");
        let end = if period { after + 1 } else { after };
        Some(Parsed::new(end, Expr::YearEarlier { quarter: period }))
    }

    /// Expressions that start with a number written in digits.
    fn numeric(&self, i: usize) -> Option<Parsed> {
        let word = self.word(i);
        if let Some(parsed) = self.clock(i) {
            return Some(parsed);
        }
        if word.contains('/') {
            return self.slashed_date(i);
        }
        let value = self.digits(i)?;
        if word.len() == 4 {
            if let Some(parsed) = self.iso_date(i, value) {
                return Some(parsed);
            }
        }
        if let Some(parsed) = self.quantity_phrase(i) {
            return Some(parsed);
        }
        if let Some(parsed) = self.day_month(i, value) {
            return Some(parsed);
        }
        if let Some(parsed) = self.decade_or_century(i, value) {
            return Some(parsed);
        }
        if word.len() == 4 && self.looks_like_year(i, value) {
            return Some(Parsed::new(
                i + 1,
                Expr::Year(YearRef::Written(value as i32)),
            ));
        }
        None
    }

    /// `1990s`, `'90s`, `20th century`.
    fn decade_or_century(&self, i: usize, value: u64) -> Option<Parsed> {
        let suffix = self.word(i + 1);
        if self.gap(i + 1) != Gap::None {
            return None;
        }
        if suffix == "s" {
            let decade = match self.word(i).len() {
                4 if value % 10 == 0 => value / 10,
                2 if value % 10 == 0 && self.decade_marked(i) => 190 + value / 10,
                _ => return None,
            };
            return Some(Parsed::new(i + 2, Expr::Decade(decade as i32)));
        }
        let ordinal = matches!(suffix, "st" | "nd" | "rd" | "th");
        if ordinal
            && self.class(i + 2) == Some(Class::Unit(Unit::Century))
            && (1..=30).contains(&value)
        {
            return Some(Parsed::new(i + 3, Expr::Century(value as i32 - 1)));
        }
        None
    }

    /// Whether a two-digit decade is written as one (`the 90s`, `'90s`), not an age (`his 30s`).
    fn decade_marked(&self, i: usize) -> bool {
        i > 0 && (matches!(self.word(i - 1), "'" | "’") || self.is(i - 1, "the"))
    }

    /// Whether a four-digit number is a year: 1900–2099 unless it counts or costs something,
    /// earlier ones only after `in`, `since` and the like.
    fn looks_like_year(&self, i: usize, value: u64) -> bool {
        let before = i.checked_sub(1).map_or("", |b| self.word(b));
        if matches!(before, "$" | "#" | "£" | "€" | "No") {
            return false;
        }
        // `Orion 1980`: a name with a number. A sentence may open with `In 1990`.
        let named = i >= 2
            && self.capitalized(i - 1)
            && self.atoms[i - 1].class.is_none()
            && self.atoms[i - 1].kind == TokenKind::Word;
        if named {
            return false;
        }
        let after = self.word(i + 1);
        if after == "%"
            || self.is(i + 1, "percent")
            || (self.is_number(i + 1) && self.gap(i + 1) == Gap::None)
        {
            return false;
        }
        match value {
            1900..=2099 => true,
            1000..=1899 => [
                "in", "since", "from", "until", "of", "by", "year", "fiscal", "between",
            ]
            .iter()
            .any(|w| before.eq_ignore_ascii_case(w)),
            _ => false,
        }
    }

    /// `2018-05-13`.
    fn iso_date(&self, i: usize, year: u64) -> Option<Parsed> {
        let glued = self.gap(i + 1) == Gap::Hyphen && self.gap(i + 2) == Gap::Hyphen;
        if !glued || self.word(i + 1).len() != 2 || self.word(i + 2).len() != 2 {
            return None;
        }
        let month = self.digits(i + 1)? as i8;
        let day = self.digits(i + 2)? as i8;
        valid_day(month, day)?;
        Some(Parsed::new(
            i + 3,
            Expr::Calendar {
                year: Some(YearRef::Written(year as i32)),
                month,
                day: Some(day),
            },
        ))
    }

    /// `5/13/2018` (month first, as US news writes it, unless the first number can only be a
    /// day) and `13/5/18`. Without a year (`5/13`) it could be a fraction or a score, so no.
    fn slashed_date(&self, i: usize) -> Option<Parsed> {
        let mut parts = self.word(i).split('/');
        let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || a.len() > 2 || b.len() > 2 || !(c.len() == 2 || c.len() == 4) {
            return None;
        }
        let (a, b, year): (i8, i8, i32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
        let year = if c.len() == 2 {
            if year < 50 {
                2000 + year
            } else {
                1900 + year
            }
        } else {
            year
        };
        let (month, day) = if a > 12 { (b, a) } else { (a, b) };
        valid_day(month, day)?;
        Some(Parsed::new(
            i + 1,
            Expr::Calendar {
                year: Some(YearRef::Written(year)),
                month,
                day: Some(day),
            },
        ))
    }

    /// `13 May 2018`, `13th of May`.
    fn day_month(&self, i: usize, day: u64) -> Option<Parsed> {
        if !(1..=31).contains(&day) {
            return None;
        }
        let mut next = i + 1;
        if matches!(self.word(next), "st" | "nd" | "rd" | "th") && self.gap(next) == Gap::None {
            next += 1;
        }
        if self.is(next, "of") {
            next += 1;
        }
        let Some(Class::Month(month)) = self.class(next) else {
            return None;
        };
        if !self.capitalized(next) {
            return None;
        }
        let day = day as i8;
        valid_day(month, day)?;
        let mut end = next + 1;
        if self.word(end) == "." {
            end += 1;
        }
        let (end, year) = match self.year_after(end) {
            Some((end, year)) => (end, Some(year)),
            None => (next + 1, None),
        };
        Some(Parsed::new(
            end,
            Expr::Calendar {
                year,
                month,
                day: Some(day),
            },
        ))
    }

    /// A year written after a date, a month or a season: `, 2018`, ` 1996`, `of 1994`,
    /// `this year`, `last year`.
    fn year_after(&self, i: usize) -> Option<(usize, YearRef)> {
        let mut at = i;
        if self.word(at) == "," || self.is(at, "of") {
            at += 1;
        }
        if let Some(year) = self.digits(at).filter(|_| self.word(at).len() == 4) {
            if self.looks_like_year(at, year) || self.word(at - 1) == "," || self.is(at - 1, "of") {
                return Some((at + 1, YearRef::Written(year as i32)));
            }
        }
        if let Some(year) = self.spelled_year(at) {
            return Some(year);
        }
        if let (Some(Class::Shift(shift)), Some(Class::Unit(Unit::Year))) =
            (self.class(i), self.class(i + 1))
        {
            return Some((i + 2, YearRef::Shift(shift.into())));
        }
        None
    }

    /// `nineteen ninety-six`, `two thousand`: years as broadcast transcripts spell them.
    fn spelled_year(&self, i: usize) -> Option<(usize, YearRef)> {
        let (Some(Class::Cardinal(hundreds)), Some(Class::Cardinal(tens))) =
            (self.class(i), self.class(i + 1))
        else {
            return None;
        };
        if tens == 1000 && hundreds == 2 {
            return Some((i + 2, YearRef::Written(2000)));
        }
        if !(18..=20).contains(&hundreds)
            || !(10..=90).contains(&tens)
            || tens % 10 != 0 && tens > 19
        {
            return None;
        }
        let mut end = i + 2;
        let mut year = hundreds * 100 + tens;
        if let Some(Class::Cardinal(units)) = self.class(end) {
            if (1..=9).contains(&units) && tens >= 20 && self.gap(end) == Gap::Hyphen {
                year += units;
                end += 1;
            }
        }
        Some((end, YearRef::Written(year as i32)))
    }

    /// A month name and what follows it: `May 13`, `Jan. 5, 2018`, `May 2018`, `May`.
    fn month_date(&self, i: usize, month: i8) -> Option<Parsed> {
        if !self.capitalized(i) {
            return None;
        }
        let name = self.word(i);
        let abbreviated = name.len() <= 4
            && !name.eq_ignore_ascii_case("may")
            && !name.eq_ignore_ascii_case("june")
            && !name.eq_ignore_ascii_case("july");
        let mut next = i + 1;
        if self.word(next) == "." {
            next += 1;
        }
        if let Some(day) = self
            .digits(next)
            .filter(|d| (1..=31).contains(d) && self.word(next).len() <= 2)
        {
            let day = day as i8;
            valid_day(month, day)?;
            let mut end = next + 1;
            if matches!(self.word(end), "st" | "nd" | "rd" | "th") && self.gap(end) == Gap::None {
                end += 1;
            }
            let (end, year) = match self.year_after(end) {
                Some((end, year)) => (end, Some(year)),
                None => (end, None),
            };
            return Some(Parsed::new(
                end,
                Expr::Calendar {
                    year,
                    month,
                    day: Some(day),
                },
            ));
        }
        if let Some((end, year)) = self.year_after(next) {
            return Some(Parsed::new(
                end,
                Expr::Calendar {
                    year: Some(year),
                    month,
                    day: None,
                },
            ));
        }
        if abbreviated {
            return None;
        }
        // A bare month name: not a person (`April Glaspie`), and `May`, `March` only where a
        // month is expected.
        let before = i.checked_sub(1).map_or("", |b| self.word(b));
        let bounded = i > 0 && matches!(self.class(i - 1), Some(Class::Boundary(_)));
        if self.capitalized(i + 1) && self.atoms.get(i + 1).is_some_and(|a| a.class.is_none()) {
            return None;
        }
        let ambiguous = AMBIGUOUS_MONTHS
            .iter()
            .any(|m| name.eq_ignore_ascii_case(m));
        if ambiguous && !bounded && !MONTH_CONTEXT.iter().any(|w| before.eq_ignore_ascii_case(w)) {
            return None;
        }
        Some(Parsed::new(
            i + 1,
            Expr::Calendar {
                year: None,
                month,
                day: None,
            },
        ))
    }

    /// A weekday, with what may follow it: `Friday`, `Friday morning`, `Saturday, April 25`.
    fn weekday(&self, i: usize, weekday: i8, shift: Option<i8>) -> Option<Parsed> {
        if !self.capitalized(i) {
            return None;
        }
        let mut next = i + 1;
        if self.word(next) == "," {
            next += 1;
        }
        if let Some(Class::Month(month)) = self.class(next) {
            if let Some(date) = self.month_date(next, month) {
                if matches!(date.expr, Expr::Calendar { day: Some(_), .. }) {
                    return Some(date);
                }
            }
        }
        Some(self.with_part_of_day(i + 1, Expr::Weekday { weekday, shift }))
    }

    /// A day followed by a part of it: `Friday morning`, `yesterday afternoon`.
    fn with_part_of_day(&self, i: usize, day: Expr) -> Parsed {
        match self.class(i) {
            Some(Class::Part(part)) => Parsed::new(
                i + 1,
                Expr::PartOfDay {
                    day: Box::new(day),
                    part,
                },
            ),
            _ => Parsed::new(i, day),
        }
    }

    /// After `last`, `this`, `next`, `coming`, `previous`, `following`.
    fn shifted(&self, i: usize, shift: i8) -> Option<Parsed> {
        let next = i + 1;
        let word = self.word(i).to_ascii_lowercase();
        let relative_to_mention = matches!(word.as_str(), "previous" | "following");
        // `this past spring`.
        let next = if shift == 0 && self.class(next) == Some(Class::Past) {
            next + 1
        } else {
            next
        };
        match self.class(next)? {
            // `ABC's "This Week"` is a programme.
            Class::Unit(_) if self.capitalized(next) && self.capitalized(i) && i > 0 => None,
            Class::Unit(unit) if self.singular(next) => {
                if relative_to_mention {
                    return (unit == Unit::Year).then(|| {
                        Parsed::new(next + 1, Expr::Year(YearRef::Mentioned(shift.into())))
                    });
                }
                // `the last minute`, `the next day` name no calendar period.
                let calendar_unit = !matches!(
                    unit,
                    Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Fortnight
                );
                if !calendar_unit {
                    return None;
                }
                if unit == Unit::Year {
                    if let Some(parsed) = self.year_possessive(next + 1, shift.into()) {
                        return Some(parsed);
                    }
                }
                // `the last half of 1989`, `the last quarter of 1990`.
                if let (Unit::Half | Unit::Quarter, Some((end, year))) =
                    (unit, self.year_after(next + 1))
                {
                    let last = if unit == Unit::Half { 2 } else { 4 };
                    let first = word == "this" || word == "coming";
                    let expr = match (unit, first) {
                        (_, true) => return None,
                        (Unit::Half, _) => Expr::Half { half: last, year },
                        _ => Expr::Quarter {
                            quarter: last,
                            year,
                        },
                    };
                    return (shift == -1).then(|| Parsed::new(end, expr));
                }
                Some(Parsed::new(
                    next + 1,
                    Expr::Shift {
                        unit,
                        by: shift.into(),
                    },
                ))
            }
            Class::Unit(_) if word == "coming" => {
                Some(Parsed::new(next + 1, Expr::Ref("FUTURE_REF")))
            }
            Class::Cardinal(_) | Class::Vague if !relative_to_mention => self
                .quantity_phrase(next)
                .filter(|p| matches!(p.expr, Expr::Duration { .. })),
            Class::Weekday(weekday) if !relative_to_mention => {
                self.weekday(next, weekday, Some(shift))
            }
            Class::Month(month) if !relative_to_mention && self.capitalized(next) => {
                // `last Oct. 23`: the day comes along.
                let dated = self
                    .month_date(next, month)
                    .and_then(|parsed| match parsed.expr {
                        Expr::Calendar {
                            year: None,
                            day: Some(day),
                            ..
                        } => Some((parsed.end, day)),
                        _ => None,
                    });
                let (end, day) = dated.map_or((next + 1, None), |(end, day)| (end, Some(day)));
                Some(Parsed::new(end, Expr::MonthShift { month, day, shift }))
            }
            Class::Season(season) if !relative_to_mention => Some(Parsed::new(
                next + 1,
                Expr::Season {
                    season,
                    year: YearRef::Shift(shift.into()),
                },
            )),
            Class::Part(part) if shift == 0 => Some(Parsed::new(
                next + 1,
                Expr::PartOfDay {
                    day: Box::new(Expr::Days(0)),
                    part,
                },
            )),
            Class::Part("NI") if shift == -1 && word == "last" => Some(Parsed::new(
                next + 1,
                Expr::PartOfDay {
                    day: Box::new(Expr::Days(-1)),
                    part: "NI",
                },
            )),
            Class::Fiscal => {
                let unit = self.class(next + 1);
                (unit == Some(Class::Unit(Unit::Year)) && !relative_to_mention).then(|| {
                    Parsed::new(
                        next + 2,
                        Expr::Shift {
                            unit: Unit::Year,
                            by: shift.into(),
                        },
                    )
                })
            }
            _ => None,
        }
    }

    /// After `this year`, `last year`: `'s third quarter`, `'s quarter`.
    fn year_possessive(&self, i: usize, shift: i32) -> Option<Parsed> {
        if !self.word(i).ends_with('s') || self.gap(i) != Gap::None {
            return None;
        }
        match self.class(i + 1)? {
            Class::Ordinal(n) => self.ordinal_period(i + 1, n, YearRef::Shift(shift)),
            Class::Unit(Unit::Quarter) if shift == -1 => {
                Some(Parsed::new(i + 2, Expr::YearEarlier { quarter: true }))
            }
            _ => None,
        }
    }

    /// Whether a unit word is singular (`year`, not `years`).
    fn singular(&self, i: usize) -> bool {
        let word = self.word(i);
        !(word.ends_with('s') || word.eq_ignore_ascii_case("centuries"))
    }

    /// After `past`: `past three years` and `past year` are durations, `the past` is PAST_REF.
    fn past(&self, i: usize) -> Option<Parsed> {
        let next = i + 1;
        match self.class(next) {
            Some(Class::Cardinal(_) | Class::Vague) => self
                .quantity_phrase(next)
                .filter(|p| matches!(p.expr, Expr::Duration { .. })),
            Some(Class::Unit(unit)) if self.singular(next) => Some(Parsed::new(
                next + 1,
                Expr::Duration {
                    amount: Amount {
                        count: Some(1),
                        half: false,
                    },
                    unit,
                },
            )),
            Some(Class::Unit(_)) => Some(Parsed::new(next + 1, Expr::Ref("PAST_REF"))),
            _ if self.is_number(next) => self
                .quantity_phrase(next)
                .filter(|p| matches!(p.expr, Expr::Duration { .. })),
            _ if i > 0 && self.is(i - 1, "the") => Some(Parsed::new(next, Expr::Ref("PAST_REF"))),
            _ => None,
        }
    }

    /// `recent months`, `recent years`. `recent` alone (`the recent attacks`) mostly is not
    /// annotated in TimeBank.
    fn recent(&self, i: usize, value: &'static str) -> Option<Parsed> {
        match self.class(i + 1) {
            Some(Class::Unit(_)) => Some(Parsed::new(i + 2, Expr::Ref(value))),
            _ => None,
        }
    }

    /// `now`, `right now`, `currently`, `current quarter`, `the future`, `soon`.
    fn reference(&self, i: usize, value: &'static str) -> Option<Parsed> {
        let word = self.word(i).to_ascii_lowercase();
        let before = i.checked_sub(1).map_or("", |b| self.word(b));
        match word.as_str() {
            "current" => {
                let mut next = i + 1;
                if self.class(next) == Some(Class::Fiscal) {
                    next += 1;
                }
                if let Some(Class::Unit(unit)) = self.class(next) {
                    return Some(Parsed::new(next + 1, Expr::Shift { unit, by: 0 }));
                }
            }
            // `as soon as`, `soon after` join clauses; they name no time.
            "soon"
                if before.eq_ignore_ascii_case("as")
                    || self.is(i + 1, "as")
                    || self.is(i + 1, "after") =>
            {
                return None;
            }
            "future" => {
                let the = before.eq_ignore_ascii_case("the") || before.eq_ignore_ascii_case("near");
                let plural_unit =
                    matches!(self.class(i + 1), Some(Class::Unit(_))) && !self.singular(i + 1);
                if plural_unit {
                    return Some(Parsed::new(i + 2, Expr::Ref(value)));
                }
                if !the && !before.eq_ignore_ascii_case("in") {
                    return None;
                }
            }
            _ => {}
        }
        Some(Parsed::new(i + 1, Expr::Ref(value)))
    }

    /// `every Saturday`, `each year`, `every two weeks`, `each July`, `per year`.
    fn every(&self, i: usize) -> Option<Parsed> {
        let mut next = i + 1;
        if self.is(next, "other") {
            next += 1;
        }
        let (end, value) = match self.class(next)? {
            Class::Weekday(weekday) => (next + 1, format!("XXXX-WXX-{weekday}")),
            Class::Month(month) if self.capitalized(next) => (next + 1, format!("XXXX-{month:02}")),
            Class::Season(season) => (next + 1, format!("XXXX-{season}")),
            Class::Part(part) => (next + 1, format!("XXXX-XX-XXT{part}")),
            Class::Unit(unit) if self.singular(next) => {
                let amount = Amount {
                    count: Some(1),
                    half: false,
                };
                (next + 1, duration_value(amount, unit)?)
            }
            Class::Cardinal(_) => {
                let parsed = self.quantity_phrase(next)?;
                let Expr::Duration { amount, unit } = parsed.expr else {
                    return None;
                };
                (parsed.end, duration_value(amount, unit)?)
            }
            _ => return None,
        };
        Some(Parsed::new(end, Expr::Set(value)))
    }

    /// `a week` after a frequency is a SET (`twice a week`, `three times a year`); after an
    /// amount (`$5 a day`, `700 seats a week`) it is no temporal expression in TimeBank.
    fn as_rate(&self, i: usize, parsed: Parsed) -> Option<Parsed> {
        let Expr::Duration { amount, unit } = &parsed.expr else {
            return Some(parsed);
        };
        if amount.count != Some(1) {
            return Some(parsed);
        }
        let before = i.checked_sub(1)?;
        if ["times", "twice", "once"]
            .iter()
            .any(|w| self.is(before, w))
        {
            return duration_value(*amount, *unit)
                .map(|value| Parsed::new(parsed.end, Expr::Set(value)));
        }
        let after_amount = (1..=2).any(|back| {
            i.checked_sub(back).is_some_and(|b| {
                self.is_number(b) || ["percent", "%", "cents"].iter().any(|w| self.is(b, w))
            })
        });
        (!after_amount).then_some(parsed)
    }

    /// `fiscal 1989`, `fiscal first quarter`, `fiscal year`.
    fn fiscal(&self, i: usize) -> Option<Parsed> {
        let next = i + 1;
        if let Some(year) = self.digits(next).filter(|_| self.word(next).len() == 4) {
            return Some(Parsed::new(
                next + 1,
                Expr::Year(YearRef::Written(year as i32)),
            ));
        }
        match self.class(next)? {
            Class::Ordinal(n) => self.ordinal_period(next, n, YearRef::Shift(0)),
            Class::Unit(Unit::Year) => Some(Parsed::new(next + 1, Expr::Year(YearRef::Shift(0)))),
            _ => None,
        }
    }

    /// `third quarter`, `third-quarter`, `first half of 1998`, `20th century` in words.
    fn ordinal_period(&self, i: usize, n: i8, year: YearRef) -> Option<Parsed> {
        let next = i + 1;
        let (end, year) = match self.year_after(next + 1) {
            Some((end, written)) if matches!(year, YearRef::Shift(0)) => (end, written),
            _ => (next + 1, year),
        };
        match self.class(next)? {
            Class::Unit(Unit::Quarter) if (1..=4).contains(&n) => {
                Some(Parsed::new(end, Expr::Quarter { quarter: n, year }))
            }
            Class::Unit(Unit::Half) if (1..=2).contains(&n) => {
                Some(Parsed::new(end, Expr::Half { half: n, year }))
            }
            Class::Unit(Unit::Century) => {
                Some(Parsed::new(next + 1, Expr::Century(i32::from(n) - 1)))
            }
            // `the first nine months`: a duration.
            Class::Cardinal(_) if n == 1 => self
                .quantity_phrase(next)
                .filter(|p| matches!(p.expr, Expr::Duration { .. })),
            _ if n == 1 && self.is_number(next) => self
                .quantity_phrase(next)
                .filter(|p| matches!(p.expr, Expr::Duration { .. })),
            _ => None,
        }
    }

    /// `spring 2018`, `the winter of 1994`. A season alone (`their spring offensive`) is not a
    /// time the story fixes.
    fn season_of_year(&self, i: usize, season: &'static str) -> Option<Parsed> {
        let (end, year) = self.year_after(i + 1)?;
        Some(Parsed::new(end, Expr::Season { season, year }))
    }

    /// A clock time: `3 p.m.`, `10:35 a.m.`, `15:30 GMT`, `noon`, with a day after it
    /// (`10 p.m. Wednesday`, `5 p.m. EST, Nov. 6`).
    fn clock(&self, i: usize) -> Option<Parsed> {
        let (mut end, hour, minute) = match self.class(i) {
            Some(Class::Clock(hour)) => (i + 1, hour, 0),
            _ if self.is_number(i) => {
                let word = self.word(i);
                let (hour, minute) = match word.split_once(':') {
                    Some((h, m)) if m.len() == 2 && h.len() <= 2 => {
                        (h.parse::<i8>().ok()?, m.parse::<i8>().ok()?)
                    }
                    None if word.len() <= 2 => (word.parse::<i8>().ok()?, 0),
                    _ => return None,
                };
                let mut end = i + 1;
                let mut hour = hour;
                let written_minutes = word.contains(':');
                match self.class(end) {
                    Some(Class::Meridiem(add)) if (1..=12).contains(&hour) => {
                        hour = hour % 12 + add;
                        end += 1;
                    }
                    Some(Class::Zone) if written_minutes => {}
                    _ if written_minutes && i > 0 && self.is(i - 1, "at") => {}
                    _ => return None,
                }
                if !(0..=23).contains(&hour) || !(0..=59).contains(&minute) {
                    return None;
                }
                (end, hour, minute)
            }
            _ => return None,
        };
        if self.class(end) == Some(Class::Zone) {
            end += 1;
        }
        let mut day_at = end;
        if self.word(day_at) == "," {
            day_at += 1;
        }
        let day = match self.class(day_at) {
            Some(Class::Weekday(weekday)) if self.capitalized(day_at) => Some(Parsed::new(
                day_at + 1,
                Expr::Weekday {
                    weekday,
                    shift: None,
                },
            )),
            Some(Class::DayRef(days)) => Some(Parsed::new(day_at + 1, Expr::Days(days.into()))),
            Some(Class::Month(month)) => self
                .month_date(day_at, month)
                .filter(|p| matches!(p.expr, Expr::Calendar { day: Some(_), .. })),
            _ => None,
        };
        let (end, day) = match day {
            Some(parsed) => (parsed.end, Some(Box::new(parsed.expr))),
            None => (end, None),
        };
        Some(Parsed::new(end, Expr::Clock { hour, minute, day }))
    }

    /// A number of units and what may follow: `17 years` (a duration), `two weeks ago`,
    /// `a year earlier` (a date), `five-year` (a duration used as an adjective). An age
    /// (`52 years old`, `a 44-year-old`) is no temporal expression, and `later` stays out, as
    /// TimeBank annotates it.
    fn quantity_phrase(&self, i: usize) -> Option<Parsed> {
        let (end, amount, unit) = self.counted(i)?;
        if self.is_age(end) {
            return None;
        }
        let back = matches!(self.class(end), Some(Class::Ago(_) | Class::Edge(-1)));
        if back && self.gap(end) == Gap::Hyphen {
            return None; // `a year-earlier loss`: the adjective is parsed on its own.
        }
        if back {
            let Some(count) = amount.count else {
                return Some(Parsed::new(end + 1, Expr::Ref("PAST_REF")));
            };
            let by = -(count.min(i64::MAX as u64) as i64);
            let expr = match unit {
                Unit::Year if count == 1 => Expr::YearEarlier { quarter: false },
                Unit::Day => Expr::Days(by),
                Unit::Fortnight => Expr::Days(by.saturating_mul(14)),
                unit => Expr::Shift { unit, by },
            };
            return Some(Parsed::new(end + 1, expr));
        }
        if self.is(end, "from") && self.is(end + 1, "now") {
            let by = amount.count.map_or(0, |c| c.min(i64::MAX as u64) as i64);
            let expr = if unit == Unit::Day {
                Expr::Days(by)
            } else {
                Expr::Shift { unit, by }
            };
            return Some(Parsed::new(end + 2, expr));
        }
        Some(Parsed::new(end, Expr::Duration { amount, unit }))
    }

    /// A count and its unit: `17 years`, `two more weeks`, `eight trading days`, `five-year`.
    /// Returns the atom after the unit.
    fn counted(&self, i: usize) -> Option<(usize, Amount, Unit)> {
        let (mut next, amount) = self.quantity(i)?;
        for _ in 0..2 {
            if self.class(next) == Some(Class::UnitAdjective) {
                next += 1;
            }
        }
        let Some(Class::Unit(unit)) = self.class(next) else {
            return None;
        };
        let written_number = self.is_number(i) || matches!(self.class(i), Some(Class::Cardinal(_)));
        let single = self.is(i, "a") || self.is(i, "an") || self.is(i, "one");
        if matches!(unit, Unit::Quarter | Unit::Half) {
            // `a quarter of the vote`, `three-quarters`, a `four-quarter` test.
            let large = amount.count.is_some_and(|c| c > 12);
            if single
                || large
                || self.gap(next) == Gap::Hyphen
                || (amount.count.is_some() && !written_number)
            {
                return None;
            }
        }
        if unit == Unit::Second && single {
            return None;
        }
        Some((next + 1, amount, unit))
    }

    /// Whether `old` follows: `52 years old`, `a 44-year-old`.
    fn is_age(&self, i: usize) -> bool {
        self.is(i, "old") || self.is(i, "olds")
    }

    /// A count: `17`, `two`, `twenty four`, `a`, `a couple of`, `2 1/2`, `several`, `a few`.
    fn quantity(&self, i: usize) -> Option<(usize, Amount)> {
        let exact = |count| Amount {
            count: Some(count),
            half: false,
        };
        if let Some(count) = self.digits(i).or_else(|| self.grouped_digits(i)) {
            if self.word(i + 1) == "1/2" {
                return Some((
                    i + 2,
                    Amount {
                        count: Some(count),
                        half: true,
                    },
                ));
            }
            return Some((i + 1, exact(count)));
        }
        if self.is(i, "a") || self.is(i, "an") {
            if self.is(i + 1, "few") {
                return Some((
                    i + 2,
                    Amount {
                        count: None,
                        half: false,
                    },
                ));
            }
            if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                return Some((i + 3, exact(2)));
            }
            if let Some(Class::Cardinal(n)) = self.class(i + 1) {
                if n == 100 || n == 1000 || n == 12 {
                    return Some((i + 2, exact(n as u64)));
                }
            }
            return Some((i + 1, exact(1)));
        }
        if self.class(i) == Some(Class::Vague) {
            return Some((
                i + 1,
                Amount {
                    count: None,
                    half: false,
                },
            ));
        }
        if self.is(i, "couple") && self.is(i + 1, "of") {
            return Some((i + 2, exact(2)));
        }
        // Number words: `twenty four`, `twenty-four`, `two hundred`, `two thousand`.
        let mut total: u64 = 0;
        let mut current: u64 = 0;
        let mut at = i;
        while let Some(Class::Cardinal(value)) = self.class(at) {
            let value = value as u64;
            match value {
                100 => current = current.max(1) * 100,
                1000 => {
                    total += current.max(1) * 1000;
                    current = 0;
                }
                _ => current += value,
            }
            at += 1;
        }
        (at > i).then(|| (at, exact(total + current)))
    }

    /// The tense that decides a bare weekday or month: a possessive weekday (`Wednesday's
    /// ruling`) is past, a date after `by` or `until` is ahead; otherwise the tense of the
    /// nearest verb before the expression, else of the nearest one after it.
    fn tense_of(&self, start: usize, parsed: &Parsed) -> Option<Tense> {
        let possessive = self.word(parsed.end).ends_with('s') && self.gap(parsed.end) == Gap::None;
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
        if possessive && matches!(parsed.expr, Expr::Weekday { .. }) {
            return Some(Tense::Past);
        }
        let tense_at = |n: usize| -> Option<Tense> {
            let atom = &self.atoms[n];
            let tense = match atom.class {
                Some(Class::Tense(tense)) => tense,
                Some(Class::Ago(_)) => Tense::Past,
                Some(_) => return None,
                None if looks_past(&self.text[atom.start..atom.end]) => Tense::Past,
                None => return None,
            };
            // `had been scheduled to expire Friday`: a plan of the past.
            let planned_earlier = tense == Tense::Future
                && (1..=2).any(|back| {
                    n >= back && (self.is(n - back, "had") || self.is(n - back, "been"))
                });
            match tense {
                Tense::Neither => None,
                _ if planned_earlier => Some(Tense::Past),
                tense => Some(tense),
            }
        };
        let after_end = (parsed.end + TENSE_LOOKAHEAD).min(self.atoms.len());
        let verb_tense = (0..start)
            .rev()
            .find_map(tense_at)
            .or_else(|| (parsed.end..after_end).find_map(tense_at));
        // `until Tuesday`, `as soon as Tuesday` look ahead unless the verb tells of the past
        // (`ran until March`).
        let before = |back: usize| start.checked_sub(back).map_or("", |b| self.word(b));
        let deadline = ["by", "until", "till", "through"]
            .iter()
            .any(|w| before(1).eq_ignore_ascii_case(w));
        let soonest = before(1).eq_ignore_ascii_case("as")
            && (before(2).eq_ignore_ascii_case("soon") || before(2).eq_ignore_ascii_case("early"));
        match verb_tense {
            Some(Tense::Past) => Some(Tense::Past),
            _ if deadline || soonest => Some(Tense::Future),
            tense => tense,
        }
    }
}

/// A lower-case word ending in -ed, as regular past forms do.
fn looks_past(word: &str) -> bool {
    word.len() >= 5
        && word.ends_with("ed")
        && !word.ends_with("eed")
        && word.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Whether `day` exists in `month` in some year (February 29 does).
fn valid_day(month: i8, day: i8) -> Option<()> {
    jiff::civil::Date::new(2000, month, day).ok().map(|_| ())
}

/// The TIMEX3 value of a duration: `P17Y`, `PT5H30M`, `PXW`.
pub(super) fn duration_value(amount: Amount, unit: Unit) -> Option<String> {
    let (time, scale, letter, half_in_smaller) = match unit {
        Unit::Second => (true, 1, "S", None),
        Unit::Minute => (true, 1, "M", Some((30, "S"))),
        Unit::Hour => (true, 1, "H", Some((30, "M"))),
        Unit::Day => (false, 1, "D", None),
        Unit::Week => (false, 1, "W", None),
        Unit::Fortnight => (false, 2, "W", None),
        Unit::Weekend => (false, 2, "D", None),
        Unit::Month => (false, 1, "M", None),
        Unit::Quarter => (false, 3, "M", None),
        Unit::Half => (false, 6, "M", None),
        Unit::Year => (false, 1, "Y", Some((6, "M"))),
        Unit::Decade => (false, 10, "Y", None),
        Unit::Century => (false, 100, "Y", None),
        Unit::Millennium => (false, 1000, "Y", None),
    };
    let t = if time { "T" } else { "" };
    let Some(count) = amount.count else {
        return Some(format!("P{t}X{letter}"));
    };
    let count = count.checked_mul(scale)?;
    let mut value = format!("P{t}{count}{letter}");
    if let (true, Some((half, smaller))) = (amount.half, half_in_smaller) {
        value.push_str(&format!("{half}{smaller}"));
    }
    Some(value)
}
