//! Calendar dates: month and day (`May 13`, `13 May 2018`, `5/13/2018`, `2018-05-13`), weekdays,
//! holidays (`data/calendar/holidays.tsv`), quarters, halves, seasons, fiscal years and clock times.

use super::super::atoms::Gap;
use super::super::lexicon::{Class, Holiday, Unit};
use super::{Expr, Parsed, Parser, YearRef};

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
/// Month names that are also ordinary English words.
const AMBIGUOUS_MONTHS: &[&str] = &[
    "may", "march", "mar", "jan", "sept", "sep", "dec", "jun", "jul",
];

/// Words after a holiday's name that make it the season around the day rather than the day.
const HOLIDAY_SEASONS: &[&str] = &[
    "sales", "shopping", "season", "seasons", "holiday", "holidays", "period", "quarter", "rush",
    "break", "vacation", "recess", "truce",
];

impl Parser<'_> {
    /// `2018-05-13`.
    pub(super) fn iso_date(&self, i: usize, year: u64) -> Option<Parsed> {
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
    pub(super) fn slashed_date(&self, i: usize) -> Option<Parsed> {
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
    pub(super) fn day_month(&self, i: usize, day: u64) -> Option<Parsed> {
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
    pub(super) fn year_after(&self, i: usize) -> Option<(usize, YearRef)> {
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

    /// A month name and what follows it: `May 13`, `Jan. 5, 2018`, `May 2018`, `May`.
    pub(super) fn month_date(&self, i: usize, month: i8) -> Option<Parsed> {
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

    /// The second day of `April 24 and 25`, `May 13 or 14, 2018`: the same month, and the year
    /// written after it, which the first day then takes too. Returns the atom the second day
    /// starts at.
    pub(super) fn second_day(&self, first: &mut Parsed) -> Option<(usize, Parsed)> {
        let Expr::Calendar {
            year,
            month,
            day: Some(_),
        } = first.expr
        else {
            return None;
        };
        let joined = ["and", "or", "to", "through"]
            .iter()
            .any(|w| self.is(first.end, w));
        let at = first.end + 1;
        let day = self
            .digits(at)
            .filter(|d| joined && (1..=31).contains(d) && self.word(at).len() <= 2)?;
        // `May 13 and 14 people`, `May 13 to 15 percent`: a count, not a day.
        let counts = matches!(self.class(at + 1), Some(Class::Unit(_) | Class::Month(_)))
            || self.word(at + 1) == "%"
            || self.atoms.get(at + 1).is_some_and(|a| {
                a.kind == crate::document::TokenKind::Word
                    && a.class.is_none()
                    && !self.is(at + 1, "of")
                    && a.gap == Gap::Space
                    && !self.capitalized(at + 1)
                    && !matches!(self.word(at + 1), "and" | "or" | "in" | "at" | "on")
            });
        if counts {
            return None;
        }
        let day = day as i8;
        valid_day(month, day)?;
        let (end, second_year) = match self.year_after(at + 1) {
            Some((end, written)) if year.is_none() => (end, Some(written)),
            _ => (at + 1, year),
        };
        if let Expr::Calendar { year, .. } = &mut first.expr {
            *year = second_year;
        }
        let expr = Expr::Calendar {
            year: second_year,
            month,
            day: Some(day),
        };
        Some((at, Parsed::new(end, expr)))
    }

    /// A holiday, with a year or `week` after it: `Thanksgiving Day`, `Christmas 1998`,
    /// `Easter week`. `shift` is the `last`, `this` or `next` before it.
    pub(super) fn holiday(&self, i: usize, shift: Option<i8>) -> Option<Parsed> {
        let (holiday, end) = self.holiday_name(i)?;
        // `Christmas sales`, `the Christmas and New Year holidays`: a season around the day,
        // not the day.
        let season = |at: usize| HOLIDAY_SEASONS.iter().any(|w| self.is(at, w));
        let joined_season = (self.is(end, "and") || self.is(end, "or"))
            && self
                .holiday_name(end + 1)
                .is_some_and(|(_, after)| season(after));
        if season(end) || joined_season {
            return None;
        }
        let (end, year) = match self.year_after(end) {
            Some((end, year)) if shift.is_none() => (end, Some(year)),
            _ => (end, None),
        };
        let expr = Expr::Holiday {
            rule: holiday.rule,
            year,
            shift,
        };
        Some(match self.class(end) {
            Some(Class::Unit(unit @ (Unit::Week | Unit::Weekend))) if self.singular(end) => {
                Parsed::new(
                    end + 1,
                    Expr::WeekOf {
                        day: Box::new(expr),
                        weekend: unit == Unit::Weekend,
                    },
                )
            }
            _ => Parsed::new(end, expr),
        })
    }

    /// The holiday whose name the text spells from atom `i` on, and the atom after it.
    fn holiday_name(&self, i: usize) -> Option<(&Holiday, usize)> {
        if !self.capitalized(i) {
            return None;
        }
        let start = self.atoms.get(i)?.start;
        self.sentence
            .lexicon
            .holidays(self.word(i))
            .iter()
            .find_map(|h| Some((h, self.atom_ending(i, name_end(self.text, start, h.name)?)?)))
    }

    /// The atom after the one that ends at byte `end`, from atom `i` on.
    fn atom_ending(&self, i: usize, end: usize) -> Option<usize> {
        (i..self.atoms.len())
            .take_while(|&a| self.atoms[a].start < end)
            .find(|&a| self.atoms[a].end == end)
            .map(|a| a + 1)
    }

    /// A weekday, with what may follow it: `Friday`, `Friday morning`, `Saturday, April 25`.
    pub(super) fn weekday(&self, i: usize, weekday: i8, shift: Option<i8>) -> Option<Parsed> {
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
        // `Tuesday nights`, and the first of `Monday and Tuesday nights`: every such night.
        let plural_part = |at: usize| match self.class(at) {
            Some(Class::Part(part)) if self.word(at).ends_with('s') => Some(part),
            _ => None,
        };
        if shift.is_none() {
            if let Some(part) = plural_part(i + 1) {
                let value = format!("XXXX-WXX-{weekday}T{part}");
                return Some(Parsed::new(i + 2, Expr::Set(value)));
            }
            let joined = self.is(i + 1, "and") || self.is(i + 1, "or");
            if let (true, Some(Class::Weekday(_)), Some(part)) =
                (joined, self.class(i + 2), plural_part(i + 3))
            {
                let value = format!("XXXX-WXX-{weekday}T{part}");
                return Some(Parsed::new(i + 1, Expr::Set(value)));
            }
        }
        Some(self.with_part_of_day(i + 1, Expr::Weekday { weekday, shift }))
    }

    /// A day followed by a part of it: `Friday morning`, `yesterday afternoon`.
    pub(super) fn with_part_of_day(&self, i: usize, day: Expr) -> Parsed {
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

    /// `fiscal 1989`, `fiscal first quarter`, `fiscal year`.
    pub(super) fn fiscal(&self, i: usize) -> Option<Parsed> {
        let next = i + 1;
        if let Some(year) = self.digits(next).filter(|_| self.word(next).len() == 4) {
            return Some(Parsed::new(
                next + 1,
                Expr::Year(YearRef::Written(year as i32)),
            ));
        }
        match self.class(next)? {
            Class::Ordinal(n) => self.ordinal_period(next, n, YearRef::Shift(0)),
            // `fiscal year 1989`.
            Class::Unit(Unit::Year) if self.singular(next) && self.looks_like_year_at(next + 1) => {
                let year = self.digits(next + 1)? as i32;
                Some(Parsed::new(next + 2, Expr::Year(YearRef::Written(year))))
            }
            // `a fiscal year` is no particular one.
            Class::Unit(Unit::Year) if i > 0 && (self.is(i - 1, "a") || self.is(i - 1, "each")) => {
                None
            }
            Class::Unit(Unit::Year) => self.year_period(next),
            _ => None,
        }
    }

    /// Whether atom `i` is a year written in four digits.
    fn looks_like_year_at(&self, i: usize) -> bool {
        self.word(i).len() == 4 && self.digits(i).is_some_and(|y| self.looks_like_year(i, y))
    }

    /// `third quarter`, `third-quarter`, `first half of 1998`, `20th century` in words.
    pub(super) fn ordinal_period(&self, i: usize, n: i8, year: YearRef) -> Option<Parsed> {
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
    pub(super) fn season_of_year(&self, i: usize, season: &'static str) -> Option<Parsed> {
        let (end, year) = self.year_after(i + 1)?;
        Some(Parsed::new(end, Expr::Season { season, year }))
    }

    /// A season without a year after `early`, `late`: `the early summer`, `in late spring`: this
    /// year's.
    pub(super) fn season_alone(&self, i: usize) -> Option<Parsed> {
        let Some(Class::Season(season)) = self.class(i) else {
            return None;
        };
        let year = YearRef::Shift(0);
        Some(Parsed::new(i + 1, Expr::Season { season, year }))
    }

    /// A clock time: `3 p.m.`, `10:35 a.m.`, `15:30 GMT`, `noon`, with a day after it
    /// (`10 p.m. Wednesday`, `5 p.m. EST, Nov. 6`).
    pub(super) fn clock(&self, i: usize) -> Option<Parsed> {
        let (mut end, hour, minute) = match self.class(i) {
            // `High Noon`, `high noon comes today`: no time of day.
            Some(Class::Clock(_)) if i > 0 && self.is(i - 1, "high") => return None,
            Some(Class::Clock(hour)) => (i + 1, hour, 0),
            _ if self.is_number(i) => {
                let word = self.word(i);
                let (hour, minute) = match super::split_once(word, b':') {
                    Some((h, m)) if m.len() == 2 && h.len() <= 2 => {
                        (h.parse::<i8>().ok()?, m.parse::<i8>().ok()?)
                    }
                    None if word.len() <= 2 => (word.parse::<i8>().ok()?, 0),
                    _ => return None,
                };
                let mut end = i + 1;
                let mut hour = hour;
                let written_minutes = word.as_bytes().contains(&b':');
                match self.class(end) {
                    Some(Class::Meridiem(add)) if (1..=12).contains(&hour) => {
                        hour = hour % 12 + add;
                        end += 1;
                    }
                    Some(Class::Zone(_)) if written_minutes => {}
                    _ if written_minutes && i > 0 && self.is(i - 1, "at") => {}
                    // `4 in the morning`, `10 at night`.
                    _ if (1..=12).contains(&hour) && !written_minutes => {
                        let (after, add) = self.part_of_clock(end)?;
                        hour = hour % 12 + add;
                        end = after;
                    }
                    _ => return None,
                }
                if !(0..=23).contains(&hour) || !(0..=59).contains(&minute) {
                    return None;
                }
                (end, hour, minute)
            }
            _ => return None,
        };
        let mut utc = false;
        if let Some(Class::Zone(zone_utc)) = self.class(end) {
            utc = zone_utc;
            end += 1;
        }
        let mut day_at = end;
        if self.word(day_at) == "," {
            day_at += 1;
        }
        // `10:35 a.m. (0735 GMT) Friday`: the day after the aside is the time's, though the
        // expression ends before the aside.
        // `4 in the morning (4 a.m. EDT Thursday)`: the day may be inside the aside too.
        let mut aside = false;
        if self.word(day_at) == "(" {
            let close =
                (day_at + 1..(day_at + 7).min(self.atoms.len())).find(|&a| self.word(a) == ")")?;
            let inside = (day_at + 1..close).find(|&a| match self.class(a) {
                Some(Class::Weekday(_)) => self.capitalized(a),
                Some(Class::DayRef(_)) => true,
                _ => false,
            });
            day_at = inside.unwrap_or(close + 1);
            aside = true;
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
            Some(parsed) if aside => (end, Some(Box::new(parsed.expr))),
            Some(parsed) => (parsed.end, Some(Box::new(parsed.expr))),
            None => (end, None),
        };
        Some(Parsed::new(
            end,
            Expr::Clock {
                hour,
                minute,
                utc,
                day,
            },
        ))
    }

    /// `in the morning` (no hours to add), `in the afternoon`, `in the evening`, `at night` (12)
    /// after an hour: the atom after, and the hours to add.
    fn part_of_clock(&self, i: usize) -> Option<(usize, i8)> {
        let (part, end) = if self.is(i, "in") && self.is(i + 1, "the") {
            (self.class(i + 2)?, i + 3)
        } else if self.is(i, "at") {
            (self.class(i + 1)?, i + 2)
        } else {
            return None;
        };
        match part {
            Class::Part("MO") if self.is(i, "in") => Some((end, 0)),
            Class::Part("AF" | "EV") if self.is(i, "in") => Some((end, 12)),
            Class::Part("NI") if self.is(i, "at") => Some((end, 12)),
            _ => None,
        }
    }
}

/// Where `name` ends if the text at byte `at` spells it, whatever the case, with any white space
/// between its words and either apostrophe (`New Year’s Day`).
fn name_end(text: &str, at: usize, name: &str) -> Option<usize> {
    let mut rest = text.get(at..)?.chars().peekable();
    let mut end = at;
    for expected in name.chars() {
        let found = rest.next()?;
        let fits = match expected {
            ' ' => found.is_whitespace(),
            '\'' => found == '\'' || found == '’',
            _ => found.eq_ignore_ascii_case(&expected),
        };
        if !fits {
            return None;
        }
        end += found.len_utf8();
        if expected == ' ' {
            while let Some(&space) = rest.peek().filter(|c| c.is_whitespace()) {
                end += space.len_utf8();
                rest.next();
            }
        }
    }
    Some(end)
}

/// Whether `day` exists in `month` in some year (February 29 does).
fn valid_day(month: i8, day: i8) -> Option<()> {
    jiff::civil::Date::new(2000, month, day).ok().map(|_| ())
}
