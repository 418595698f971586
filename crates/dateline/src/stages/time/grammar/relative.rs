//! Expressions relative to the story's date: `last year`, `this week`, `the past`, `now`,
//! `the latest quarter`, `a year-ago quarter`.

use super::super::atoms::Gap;
use super::super::lexicon::{Class, Tense, Unit};
use super::{Amount, Expr, Parsed, Parser, YearRef};

impl Parser<'_> {
    /// `the year`, `the month`, `the week` after `the end of`: the anchor's.
    pub(super) fn the_period(&self, i: usize) -> Option<Parsed> {
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
    pub(super) fn part_of_day_alone(&self, i: usize) -> Option<Parsed> {
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

    /// `year-end`, `year end`, `year's end`: the end of the anchor's year.
    pub(super) fn year_end(&self, i: usize) -> Option<Parsed> {
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

    /// Expressions that start with `the`; the span keeps it.
    pub(super) fn after_the(&self, i: usize) -> Option<Parsed> {
        let next = i + 1;
        // `the quarter-to-quarter comparison`, `the year-over-year gain`: no period of time.
        let comparison = matches!(self.class(next), Some(Class::Unit(_)))
            && self.gap(next + 1) == Gap::Hyphen
            && (self.is(next + 1, "to") || self.is(next + 1, "over"));
        if comparison {
            return None;
        }
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
            // `the week of March 6`, `the weekend of May 13`.
            Some(Class::Unit(unit @ (Unit::Week | Unit::Weekend)))
                if self.singular(next) && self.is(next + 1, "of") =>
            {
                let day = self.core(next + 2)?;
                let dated = matches!(
                    day.expr,
                    Expr::Calendar { day: Some(_), .. }
                        | Expr::Weekday { .. }
                        | Expr::Holiday { .. }
                );
                dated.then(|| {
                    Parsed::new(
                        day.end,
                        Expr::WeekOf {
                            day: Box::new(day.expr),
                            weekend: unit == Unit::Weekend,
                        },
                    )
                })
            }
            // `the weeks ahead`: a length of time not known.
            Some(Class::Unit(unit)) if !self.singular(next) && self.is(next + 1, "ahead") => {
                let amount = Amount {
                    count: None,
                    half: false,
                };
                Some(Parsed::new(next + 2, Expr::Duration { amount, unit }))
            }
            Some(Class::Unit(Unit::Weekend)) => Some(Parsed::new(
                next + 1,
                Expr::Shift {
                    unit: Unit::Weekend,
                    by: 0,
                },
            )),
            // `the quarter a year ago`; `the quarter ended July 31` is the one that ends then,
            // though the date stays an expression of its own.
            Some(Class::Unit(Unit::Quarter)) if self.singular(next) => {
                if let Some(end) = self.a_year_back(next + 1) {
                    return Some(Parsed::new(end, Expr::YearEarlier { quarter: true }));
                }
                let ended = self.is(next + 1, "ended") || self.is(next + 1, "ending");
                let last_day = self
                    .core(next + 2)
                    .filter(|p| ended && matches!(p.expr, Expr::Calendar { day: Some(_), .. }));
                Some(Parsed::new(
                    next + 1,
                    match last_day {
                        Some(day) => Expr::QuarterEnding(Box::new(day.expr)),
                        None => Expr::LatestQuarter,
                    },
                ))
            }
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
            // `the comparable year-ago quarter`, `the corresponding period last year`.
            _ if ["same", "comparable", "corresponding", "like"]
                .iter()
                .any(|w| self.is(next, w)) =>
            {
                let after = next + 1;
                if self.class(after) == Some(Class::Unit(Unit::Year)) {
                    return self
                        .year_earlier_adjective(after)
                        .filter(|p| matches!(p.expr, Expr::YearEarlier { .. }));
                }
                let period = self.class(after) == Some(Class::Unit(Unit::Quarter))
                    || self.is(after, "period");
                let end = self.a_year_back(after + 1).filter(|_| period)?;
                Some(Parsed::new(end, Expr::YearEarlier { quarter: true }))
            }
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
            if let YearRef::Written(_) = year {
                return None;
            }
        }
        Some(parsed)
    }

    /// `the year`, `the full year` of results news: the anchor's year, or a year's length when
    /// its end is given (`the year ended Sept. 30`).
    pub(super) fn year_period(&self, i: usize) -> Option<Parsed> {
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

    /// Where `a year ago`, `a year earlier`, `last year` or `of last year` ends, if it begins at
    /// atom `i`.
    fn a_year_back(&self, i: usize) -> Option<usize> {
        let i = if self.is(i, "of") { i + 1 } else { i };
        let year = |at: usize| self.class(at) == Some(Class::Unit(Unit::Year)) && self.singular(at);
        if self.is(i, "a")
            && year(i + 1)
            && matches!(self.class(i + 2), Some(Class::Ago(_) | Class::Edge(-1)))
        {
            return Some(i + 3);
        }
        (self.is(i, "last") && year(i + 1)).then_some(i + 2)
    }

    /// After `the latest`: `quarter` or `period`.
    fn latest(&self, i: usize) -> Option<Parsed> {
        let quarter = self.class(i) == Some(Class::Unit(Unit::Quarter)) || self.is(i, "period");
        quarter.then(|| Parsed::new(i + 1, Expr::LatestQuarter))
    }

    /// `year-ago`, `year-earlier` and what they qualify (`the year-ago quarter`).
    pub(super) fn year_earlier_adjective(&self, i: usize) -> Option<Parsed> {
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

    /// After `last`, `this`, `next`, `coming`, `previous`, `following`.
    pub(super) fn shifted(&self, i: usize, shift: i8) -> Option<Parsed> {
        let next = i + 1;
        let relative_to_mention = self.is(i, "previous") || self.is(i, "following");
        // `this past spring`.
        let next = if shift == 0 && self.class(next) == Some(Class::Past) {
            next + 1
        } else {
            next
        };
        if !relative_to_mention {
            if let Some(parsed) = self.holiday(next, Some(shift)) {
                return Some(parsed);
            }
            // `the next couple of years`.
            if self.is(next, "couple") {
                return self
                    .quantity_phrase(next)
                    .filter(|p| matches!(p.expr, Expr::Duration { .. }));
            }
        }
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
                // `the last half of the '80s`: the end of the decade.
                if unit == Unit::Half && shift == -1 && self.is(next + 1, "of") {
                    if let Some(decade) = self
                        .core(next + 2)
                        .filter(|p| matches!(p.expr, Expr::Decade(_) | Expr::Century(_)))
                    {
                        return Some(Parsed {
                            modifier: Some("END"),
                            ..decade
                        });
                    }
                }
                // `the last half of 1989`, `the last quarter of 1990`.
                if let (Unit::Half | Unit::Quarter, Some((end, year))) =
                    (unit, self.year_after(next + 1))
                {
                    let last = if unit == Unit::Half { 2 } else { 4 };
                    let first = self.is(i, "this") || self.is(i, "coming");
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
            Class::Unit(_) if self.is(i, "coming") => {
                Some(Parsed::new(next + 1, Expr::Ref("FUTURE_REF")))
            }
            Class::Cardinal(_) | Class::Vague if !relative_to_mention => self
                .quantity_phrase(next)
                .filter(|p| matches!(p.expr, Expr::Duration { .. })),
            Class::Weekday(weekday) if !relative_to_mention => {
                self.weekday(next, weekday, Some(shift))
            }
            // `the previous Friday`, `the following Monday`: from the day the story last named.
            Class::Weekday(weekday) if self.capitalized(next) && i > 0 && self.is(i - 1, "the") => {
                Some(Parsed::new(
                    next + 1,
                    Expr::WeekdayFromMention { weekday, shift },
                ))
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
            Class::Part("NI") if shift == -1 && self.is(i, "last") => Some(Parsed::new(
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

    /// After `past`: `past three years` and `past year` are durations, `the past` is PAST_REF.
    pub(super) fn past(&self, i: usize) -> Option<Parsed> {
        let next = i + 1;
        if self.is(next, "couple") {
            return self
                .quantity_phrase(next)
                .filter(|p| matches!(p.expr, Expr::Duration { .. }));
        }
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
    pub(super) fn recent(&self, i: usize, value: &'static str) -> Option<Parsed> {
        match self.class(i + 1) {
            Some(Class::Unit(_)) => Some(Parsed::new(i + 2, Expr::Ref(value))),
            _ => None,
        }
    }

    /// Whether atom `i` is a verb in the past tense: `was`, `said`, `became`, `released`.
    fn past_verb(&self, i: usize) -> bool {
        match self.class(i) {
            Some(Class::Tense(Tense::Past)) => true,
            Some(_) => false,
            None => {
                let word = self.word(i);
                word.len() >= 5
                    && word.ends_with("ed")
                    && !word.ends_with("eed")
                    && word.starts_with(|c: char| c.is_ascii_lowercase())
            }
        }
    }

    /// `now`, `right now`, `currently`, `current quarter`, `the future`, `soon`.
    pub(super) fn reference(&self, i: usize, value: &'static str) -> Option<Parsed> {
        let word = self.word(i).to_ascii_lowercase();
        let before = i.checked_sub(1).map_or("", |b| self.word(b));
        match word.as_str() {
            // `the then current market price`.
            "current" if before.eq_ignore_ascii_case("then") => {
                return Some(Parsed::new(i + 1, Expr::Ref("PAST_REF")));
            }
            "current" => {
                let mut next = i + 1;
                if self.class(next) == Some(Class::Fiscal) {
                    next += 1;
                }
                if let Some(Class::Unit(unit)) = self.class(next) {
                    return Some(Parsed::new(next + 1, Expr::Shift { unit, by: 0 }));
                }
            }
            // `as soon as`, `soon after` join clauses; `was soon released`, `soon became` tell
            // of the past: none names a time.
            "soon"
                if before.eq_ignore_ascii_case("as")
                    || self.is(i + 1, "as")
                    || self.is(i + 1, "after")
                    || self.past_verb(i.wrapping_sub(1))
                    || self.past_verb(i + 1) =>
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
}
