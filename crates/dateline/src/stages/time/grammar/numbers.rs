//! Numbers: counts in digits or words (`17`, `1,000`, `twenty four`, `a couple of`), years
//! (`1996`, `nineteen ninety-six`), decades and centuries, and what starts with digits.

use crate::document::TokenKind;

use super::super::atoms::Gap;
use super::super::lexicon::{Class, Unit};
use super::{Amount, Expr, Parsed, Parser, YearRef};

/// Longest number written in digits that is read as a count; longer ones are not durations.
const MAX_COUNT_DIGITS: usize = 9;

impl Parser<'_> {
    /// The value of a number atom written with plain digits (`17`, `2018`, not `1,000` or
    /// `15:30`), if it is not absurdly long.
    pub(super) fn digits(&self, i: usize) -> Option<u64> {
        let word = self.word(i);
        let plain = self.is_number(i)
            && word.len() <= MAX_COUNT_DIGITS
            && word.bytes().all(|b| b.is_ascii_digit());
        plain.then(|| word.parse().ok()).flatten()
    }

    /// The value of a number written with thousands separators: `1,000`.
    fn grouped_digits(&self, i: usize) -> Option<u64> {
        let word = self.word(i);
        // On bytes: `str::split` and `str::contains` with a character cost more here.
        let mut groups = word.as_bytes().split(|&b| b == b',');
        let first = groups.next()?;
        let well_formed = self.is_number(i)
            && word.as_bytes().contains(&b',')
            && (1..=3).contains(&first.len())
            && groups.all(|g| g.len() == 3);
        if !well_formed || word.len() > MAX_COUNT_DIGITS + 3 {
            return None;
        }
        // The digits without their commas, read as `str::parse` would read them joined (no
        // sign, nothing but digits), without building the joined string.
        word.bytes()
            .filter(|&b| b != b',')
            .try_fold(0u64, |value, b| {
                b.is_ascii_digit().then(|| value * 10 + u64::from(b - b'0'))
            })
    }

    /// A count: `17`, `two`, `twenty four`, `a`, `a couple of`, `2 1/2`, `several`, `a few`.
    pub(super) fn quantity(&self, i: usize) -> Option<(usize, Amount)> {
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
            let and_a_half = self.is(i + 1, "and")
                && self.is(i + 2, "a")
                && self.is(i + 3, "half")
                && matches!(self.class(i + 4), Some(Class::Unit(_)));
            if and_a_half {
                let amount = Amount {
                    count: Some(count),
                    half: true,
                };
                return Some((i + 4, amount));
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
        if at == i {
            return None;
        }
        // `two and a half years`.
        let and_a_half = self.is(at, "and")
            && self.is(at + 1, "a")
            && self.is(at + 2, "half")
            && matches!(self.class(at + 3), Some(Class::Unit(_)));
        if and_a_half {
            let amount = Amount {
                count: Some(total + current),
                half: true,
            };
            return Some((at + 3, amount));
        }
        Some((at, exact(total + current)))
    }

    /// `nineteen ninety-six`, `two thousand`: years as broadcast transcripts spell them.
    pub(super) fn spelled_year(&self, i: usize) -> Option<(usize, YearRef)> {
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

    /// Whether number atom `i` may start an expression: whether [`Parser::numeric`] may read
    /// it, as plain digits, a clock time or a slashed date with a year. A decimal or a number
    /// with thousands separators (`5.93`, `1,750`) never starts one, nor a fraction (`1/2`,
    /// `1986/87`), and in business news most numbers are one of those: they are not tried.
    pub(super) fn number_may_start(&self, i: usize) -> bool {
        let word = self.word(i).as_bytes();
        let slashes = word.iter().filter(|&&b| b == b'/').count();
        word.iter().all(u8::is_ascii_digit) || word.contains(&b':') || slashes == 2
    }

    /// Expressions that start with a number written in digits.
    pub(super) fn numeric(&self, i: usize) -> Option<Parsed> {
        let word = self.word(i);
        if let Some(parsed) = self.clock(i) {
            return Some(parsed);
        }
        if word.as_bytes().contains(&b'/') {
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
    pub(super) fn looks_like_year(&self, i: usize, value: u64) -> bool {
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
}
