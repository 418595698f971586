//! Quantities of time: durations (`17 years`, `five-year`), counts from now (`two weeks ago`,
//! `three days from now`) and sets (`every Saturday`, `twice a week`).

use super::super::atoms::Gap;
use super::super::lexicon::{Class, Unit};
use super::super::push_unsigned;
use super::{Amount, Expr, Parsed, Parser};

impl Parser<'_> {
    /// A number of units and what may follow: `17 years` (a duration), `two weeks ago`,
    /// `a year earlier` (a date), `five-year` (a duration used as an adjective). An age
    /// (`52 years old`, `a 44-year-old`) is no temporal expression, and `later` stays out, as
    /// TimeBank annotates it.
    pub(super) fn quantity_phrase(&self, i: usize) -> Option<Parsed> {
        let (mut end, mut amount, unit) = self.counted(i)?;
        // `a minute and a half`.
        if amount.count.is_some()
            && !amount.half
            && self.is(end, "and")
            && self.is(end + 1, "a")
            && self.is(end + 2, "half")
        {
            amount.half = true;
            end += 3;
        }
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
        // `a two-week-long strike`.
        if self.is(end, "long") && self.gap(end) == Gap::Hyphen && self.gap(end - 1) == Gap::Hyphen
        {
            return Some(Parsed::new(end + 1, Expr::Duration { amount, unit }));
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
    pub(super) fn counted(&self, i: usize) -> Option<(usize, Amount, Unit)> {
        let (mut next, amount) = self.quantity(i)?;
        for _ in 0..2 {
            if self.class(next) == Some(Class::UnitAdjective) {
                next += 1;
            }
        }
        let Some(Class::Unit(unit)) = self.class(next) else {
            return None;
        };
        // `CBS's "60 Minutes"`, `Seven Days in May`: a title, unless all of it is capitals.
        let unit_word = self.word(next);
        if self.capitalized(next) && unit_word.bytes().any(|b| b.is_ascii_lowercase()) {
            return None;
        }
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
    pub(super) fn is_age(&self, i: usize) -> bool {
        self.is(i, "old") || self.is(i, "olds")
    }

    /// A unit made an adjective with `-long`: `a day-long meeting` (P1D), `a decades-long
    /// battle` (PXY).
    pub(super) fn long_units(&self, i: usize, unit: Unit) -> Option<Parsed> {
        if !(self.is(i + 1, "long") && self.gap(i + 1) == Gap::Hyphen) {
            return None;
        }
        let amount = Amount {
            count: self.singular(i).then_some(1),
            half: false,
        };
        Some(Parsed::new(i + 2, Expr::Duration { amount, unit }))
    }

    /// A plural unit alone, after `for`, `within`, `in`, `after` or `over`: `for weeks`,
    /// `within days`, `for the first time in years`.
    pub(super) fn bare_units(&self, i: usize, unit: Unit) -> Option<Parsed> {
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

    /// `every Saturday`, `each year`, `every two weeks`, `each July`, `per year`.
    pub(super) fn every(&self, i: usize) -> Option<Parsed> {
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
    pub(super) fn as_rate(&self, i: usize, parsed: Parsed) -> Option<Parsed> {
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
}

/// The TIMEX3 value of a duration: `P17Y`, `PT5H30M`, `PXW`.
pub(in super::super) fn duration_value(amount: Amount, unit: Unit) -> Option<String> {
    let (time, scale, letter, half_in_smaller) = match unit {
        Unit::Second => (true, 1, "S", None),
        Unit::Minute => (true, 1, "M", Some((30, "S"))),
        Unit::Hour => (true, 1, "H", Some((30, "M"))),
        Unit::Day => (false, 1, "D", None),
        Unit::Week => (false, 1, "W", None),
        Unit::Fortnight => (false, 2, "W", None),
        Unit::Weekend => (false, 2, "D", None),
        Unit::Month => (false, 1, "M", None),
        Unit::Quarter => (false, 1, "Q", None),
        Unit::Half => (false, 6, "M", None),
        Unit::Year => (false, 1, "Y", Some((6, "M"))),
        Unit::Decade => (false, 10, "Y", None),
        Unit::Century => (false, 100, "Y", None),
        Unit::Millennium => (false, 1000, "Y", None),
    };
    // Written piece by piece, not with `format!`, which costs more than the rest.
    let mut value = String::with_capacity(8);
    value.push('P');
    if time {
        value.push('T');
    }
    match amount.count {
        Some(count) => push_unsigned(&mut value, count.checked_mul(scale)?, 0),
        None => value.push('X'),
    }
    value.push_str(letter);
    if let (Some(_), true, Some((half, smaller))) = (amount.count, amount.half, half_in_smaller) {
        push_unsigned(&mut value, half, 0);
        value.push_str(smaller);
    }
    Some(value)
}
