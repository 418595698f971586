//! Reading a dateline as wire services write them at the start of a story:
//!
//! ```text
//! TEHRAN, May 13 -                    PLYMOUTH MEETING, Pa, June 1 -
//! MT. LAUREL, N.J., June 29 -         WASHINGTON (Reuters) -
//! KABUL, Afghanistan (AP) —           BEIJING, Jan. 5 (Xinhua) --
//! LONDON —                            RICHMOND, Va. Feb 26 -
//! ```
//!
//! The grammar: a place of capitalized words; then, after commas, a region (state, province,
//! country) and a date (month and day, optionally a year); then an agency in brackets; then a
//! dash. A line with no date and no agency is a dateline only when its place is written in
//! capitals and story text follows the dash, so that a headline such as
//! `U.S. SUGAR IMPORTS DOWN - USDA` is not taken for one.
//!
//! Reuters' RCV1 corpus (and CoNLL-2003, made from it) gives the dateline a line of its own, a
//! place in capitals and an ISO date: `BAGHDAD 1996-08-22`.

use std::ops::Range;

use jiff::civil::Date;

use super::scan;
use crate::lexicon::month_number;

/// A dateline found at the start of a line. Ranges are byte ranges into that line.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LineDateline {
    /// From the place to the end of the dash.
    pub span: Range<usize>,
    pub place: Range<usize>,
    pub region: Option<Range<usize>>,
    pub date: Option<MonthDay>,
    pub agency: Option<Range<usize>>,
}

/// A date as a dateline writes it: month and day, sometimes a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct MonthDay {
    pub month: i8,
    pub day: i8,
    pub year: Option<i16>,
}

/// Most words a place or a region may have.
const MAX_PLACE_WORDS: usize = 5;
const MAX_REGION_WORDS: usize = 4;
/// Longest agency name in brackets.
const MAX_AGENCY_LEN: usize = 60;

/// Lower-case words that may stand inside a place name: `RIO de JANEIRO`, `Stratford-upon-Avon`.
const PLACE_CONNECTORS: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "di", "la", "le", "el", "al", "of", "y",
];

/// Parses a dateline at the start of `line` (leading whitespace already removed).
/// `agencies` are the names that may stand bare after the date (`ROME, March 13, Reuter -`).
pub(super) fn parse(line: &str, agencies: &[&str]) -> Option<LineDateline> {
    // Both forms start with a place, whose first word is capitalized: most lines of story text
    // that are tried are ruled out by their first character.
    if !line.starts_with(char::is_uppercase) {
        return None;
    }
    if !has_dash(line.as_bytes()) {
        return place_and_iso_date(line);
    }
    let mut cursor = Cursor { line, pos: 0 };

    let place = cursor.words(MAX_PLACE_WORDS, true)?;
    let mut region: Option<Range<usize>> = None;
    let mut date = cursor.date();
    // ", Region", ", Date", "Region Date": regions (at most two) before the date.
    while date.is_none() && cursor.eat(',') {
        cursor.stray_dash_before_date();
        if let Some(d) = cursor.date() {
            date = Some(d);
        } else if region.as_ref().is_none_or(|r| cursor.regions_so_far(r) < 2) {
            let words = cursor.words(MAX_REGION_WORDS, false)?;
            region = Some(region.map_or(words.clone(), |r| r.start..words.end));
            date = cursor.date();
        } else {
            return None;
        }
    }
    let mut agency = None;
    if date.is_some() && cursor.eat(',') {
        agency = cursor.bare_agency(agencies);
    }
    if date.is_none() {
        date = cursor.bracketed_date();
    }
    let agency = agency.or_else(|| cursor.bracketed());
    let dash_end = cursor.dash(date.is_some() || agency.is_some())?;

    let rest = line[dash_end..].trim();
    let rest_is_story =
        rest.chars().any(char::is_lowercase) && rest.split_whitespace().nth(2).is_some();
    if !rest.is_empty() && !rest.chars().any(char::is_lowercase) {
        return None; // a headline: `ROTTERDAM PORT SUBSIDY TO END JULY 1 - MINISTER`
    }
    let place_text = &line[place.clone()];
    let confident = match (&date, &agency) {
        (None, None) => is_all_caps(place_text) && rest_is_story,
        _ => true,
    };
    if !confident || (date.is_none() && has_lowercase_word(place_text)) {
        return None;
    }
    Some(LineDateline {
        span: 0..dash_end,
        place,
        region,
        date: date.and_then(|(d, _)| d),
        agency,
    })
}

/// `BAGHDAD 1996-08-22`, `PORT OF SPAIN 1996-08-22`, `ARLINGTON , Texas 1996-08-31`: a place
/// in capitals, maybe a region after a comma, and an ISO date, alone on the line.
fn place_and_iso_date(line: &str) -> Option<LineDateline> {
    let line = line.trim_end();
    let (names, date_part) = line.rsplit_once(' ')?;
    let date = iso_date(date_part)?;
    let names = names.trim_end();
    let mut cursor = Cursor {
        line: names,
        pos: 0,
    };
    let place = cursor.words(MAX_PLACE_WORDS, false)?;
    let region = if cursor.eat(',') {
        Some(cursor.words(MAX_REGION_WORDS, false)?)
    } else {
        None
    };
    let whole = cursor.pos == names.len() && region.as_ref().unwrap_or(&place).end == names.len();
    (whole && is_all_caps(&names[place.clone()])).then_some(LineDateline {
        span: 0..line.len(),
        place,
        region,
        date: Some(date),
        agency: None,
    })
}

/// `1996-08-22`, a real day.
fn iso_date(text: &str) -> Option<MonthDay> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| bytes[i].is_ascii_digit());
    if !shaped {
        return None;
    }
    let date: Date = Date::new(
        text[..4].parse().ok()?,
        text[5..7].parse().ok()?,
        text[8..].parse().ok()?,
    )
    .ok()?;
    Some(MonthDay {
        month: date.month(),
        day: date.day(),
        year: Some(date.year()),
    })
}

/// Whether a line has a dash that [`Cursor::dash`] may accept: `-` before white space, the end,
/// another `-` or a capital (or any character not ASCII); `_` before white space or the end
/// (or any character not ASCII); `–` or `—`. Most lines have none, and this test costs far
/// less than the grammar.
fn has_dash(line: &[u8]) -> bool {
    // ASCII white space as `char::is_whitespace` has it, with the vertical tab.
    let space = |n: u8| n.is_ascii_whitespace() || n == 0x0B;
    let mut from = 0;
    while let Some(i) = scan::find(
        line,
        from,
        |word| scan::equal(word, b'-') | scan::equal(word, b'_') | scan::equal(word, 0xE2),
        |b| matches!(b, b'-' | b'_' | 0xE2),
    ) {
        let next = line.get(i + 1).copied();
        let dash = match line[i] {
            b'-' => {
                next.is_none_or(|n| space(n) || n == b'-' || n.is_ascii_uppercase() || n >= 0x80)
            }
            b'_' => next.is_none_or(|n| space(n) || n >= 0x80),
            _ => line[i..].starts_with("–".as_bytes()) || line[i..].starts_with("—".as_bytes()),
        };
        if dash {
            return true;
        }
        from = i + 1;
    }
    false
}

/// Whether a place has a lower-case word other than a connector (`New york`, `La paz`).
fn has_lowercase_word(place: &str) -> bool {
    place
        .split_whitespace()
        .any(|w| w.starts_with(char::is_lowercase) && !PLACE_CONNECTORS.contains(&w))
}

impl MonthDay {
    /// The TIMEX3 value: the year from the text, else the year that puts the date nearest the
    /// publication date (a story dated Jan 2 with dateline `Dec 31` is from the year before),
    /// else `XXXX`.
    pub fn value(self, publication: Option<Date>) -> Option<String> {
        let year = match (self.year, publication) {
            (Some(year), _) => year,
            (None, Some(published)) => {
                return [0, -1, 1]
                    .into_iter()
                    .filter_map(|offset| {
                        Date::new(published.year() + offset, self.month, self.day).ok()
                    })
                    .min_by_key(|d| published.duration_until(*d).abs())
                    .map(|d| d.to_string())
            }
            (None, None) => {
                // Validate the day against a leap year so that Feb 29 is kept.
                Date::new(2000, self.month, self.day).ok()?;
                return Some(format!("XXXX-{:02}-{:02}", self.month, self.day));
            }
        };
        Date::new(year, self.month, self.day)
            .ok()
            .map(|d| d.to_string())
    }
}

fn is_all_caps(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !text.chars().any(char::is_lowercase)
}

/// A position in the line and the small parsers the grammar is made of. Each parser either
/// consumes what it recognizes (and any spaces after it) or leaves the cursor where it was.
struct Cursor<'a> {
    line: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn rest(&self) -> &str {
        &self.line[self.pos..]
    }

    fn skip_spaces(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start_matches([' ', '\t']).len();
    }

    fn eat(&mut self, c: char) -> bool {
        if self.rest().starts_with(c) {
            self.pos += c.len_utf8();
            self.skip_spaces();
            true
        } else {
            false
        }
    }

    /// The next word: letters with inner or final `.`, `'`, `-` (`MT.`, `N.J.`, `WINSTON-SALEM`).
    fn peek_word(&self) -> &str {
        let rest = self.rest();
        let bytes = rest.as_bytes();
        let mut end = 0;
        while let Some(&b) = bytes.get(end) {
            // ASCII byte by byte; a character is decoded only where a byte is not ASCII.
            let len = if b.is_ascii() {
                let continues = b.is_ascii_alphabetic()
                    || matches!(b, b'.' | b'\'' | b'/')
                    || (b == b'-' && bytes.get(end + 1) != Some(&b'-'));
                usize::from(continues)
            } else {
                rest[end..]
                    .chars()
                    .next()
                    .filter(|&c| c.is_alphabetic() || c == '’')
                    .map_or(0, char::len_utf8)
            };
            if len == 0 {
                break;
            }
            end += len;
        }
        rest[..end].trim_end_matches('-')
    }

    /// One to `max` capitalized words, stopping before a month that starts a date. `first` asks
    /// for a place (its first word must be capitalized and no digits may follow).
    fn words(&mut self, max: usize, first: bool) -> Option<Range<usize>> {
        let start = self.pos;
        let mut end = start;
        let mut count = 0;
        loop {
            let word = self.peek_word();
            let capitalized = word.chars().next().is_some_and(char::is_uppercase);
            // `New york, March 2`: a place may hold lower-case words; `parse` then asks for a date.
            let connector = count > 0
                && (PLACE_CONNECTORS.contains(&word)
                    || (first && word.chars().all(char::is_lowercase)));
            if word.is_empty() || !(capitalized || connector) || (count > 0 && self.starts_date()) {
                break;
            }
            if count == max {
                return None;
            }
            self.pos += word.len();
            end = self.pos;
            count += 1;
            if !self.rest().starts_with(' ') {
                break;
            }
            self.skip_spaces();
        }
        self.pos = end;
        self.skip_spaces();
        let ends_cleanly = matches!(
            self.rest().chars().next(),
            Some(',' | '(' | '-' | '–' | '—')
        );
        (count > 0 && (!first || ends_cleanly || self.starts_date())).then_some(start..end)
    }

    fn starts_date(&self) -> bool {
        let mut probe = Cursor {
            line: self.line,
            pos: self.pos,
        };
        probe.date().is_some_and(|(d, _)| d.is_some())
    }

    /// `May 13`, `Jan. 5`, `FEb 26`, `June 29, 2018`, `2 March`. A misspelt month before a
    /// day (`Narch 2`) is still a date, of unknown value.
    fn date(&mut self) -> Option<(Option<MonthDay>, Range<usize>)> {
        let start = self.pos;
        let mut probe = Cursor {
            line: self.line,
            pos: self.pos,
        };
        let (month, day) = match probe.number(2) {
            Some(day) => {
                probe.skip_spaces();
                let month_word = probe.peek_word();
                let month = month_number(month_word)?;
                probe.pos += month_word.len();
                (Some(month), day)
            }
            None => {
                let month_word = probe.peek_word();
                let month = month_number(month_word);
                let misspelt = month.is_none()
                    && month_word.len() >= 3
                    && month_word.chars().next().is_some_and(char::is_uppercase)
                    && !month_word.contains('.');
                if month.is_none() && !misspelt {
                    return None;
                }
                probe.pos += month_word.len();
                probe.skip_spaces();
                let day = probe.number(2)?;
                if misspelt
                    && !probe
                        .rest()
                        .trim_start()
                        .starts_with(['-', '–', '—', ',', '('])
                {
                    return None;
                }
                (month, day)
            }
        };
        if !(1..=31).contains(&day) {
            return None;
        }
        let after_day = probe.pos;
        let mut year = None;
        probe.skip_spaces();
        if probe.eat(',') {
            year = probe.number(4).filter(|y| (1000..=2999).contains(y));
        }
        if year.is_none() {
            probe.pos = after_day;
        }
        let end = probe.pos;
        self.pos = end;
        self.skip_spaces();
        let date = month.map(|month| MonthDay {
            month,
            day: day as i8,
            year: year.map(|y| y as i16),
        });
        Some((date, start..end))
    }

    /// Up to `max_digits` ASCII digits, not followed by another digit.
    fn number(&mut self, max_digits: usize) -> Option<i32> {
        let digits = self.rest().bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > max_digits {
            return None;
        }
        let value = self.rest()[..digits].parse().ok()?;
        self.pos += digits;
        Some(value)
    }

    /// `(November 28, 2016)`: a date in brackets where an agency would stand.
    fn bracketed_date(&mut self) -> Option<(Option<MonthDay>, Range<usize>)> {
        let mut probe = Cursor {
            line: self.line,
            pos: self.pos,
        };
        if !probe.eat('(') {
            return None;
        }
        let date = probe.date()?;
        if !probe.eat(')') {
            return None;
        }
        self.pos = probe.pos;
        Some(date)
    }

    /// `(Reuters)`: the range inside the brackets.
    fn bracketed(&mut self) -> Option<Range<usize>> {
        let rest = self.rest();
        let inner = rest.strip_prefix('(')?;
        let close = inner.find(')')?;
        let name = &inner[..close];
        if name.is_empty()
            || name.len() > MAX_AGENCY_LEN
            || !name.starts_with(|c: char| c.is_uppercase())
        {
            return None;
        }
        let start = self.pos + 1;
        self.pos = start + close + 1;
        self.skip_spaces();
        Some(start..start + close)
    }

    /// `-`, `--`, `–`, `—` (or `_`, in older AP copy), followed by a space or the end of the
    /// line. After a date or an agency a hyphen may touch the story's first word
    /// (`March 2 -The`). Returns the end of the dash.
    fn dash(&mut self, after_date_or_agency: bool) -> Option<usize> {
        let rest = self.rest();
        let len = ["--", "-", "–", "—", "_"]
            .into_iter()
            .find(|d| rest.starts_with(d))?
            .len();
        let after = &rest[len..];
        let spaced = after.is_empty() || after.starts_with(char::is_whitespace);
        if rest.starts_with('_') {
            return spaced.then_some(self.pos + len);
        }
        let long_dash = len > 1;
        let touching = after_date_or_agency && after.starts_with(char::is_uppercase);
        (spaced || long_dash || touching).then_some(self.pos + len)
    }

    /// Skips a dash written between a comma and the date: `CHEVY CHASE, Md., - March 4 -`.
    fn stray_dash_before_date(&mut self) {
        if let Some(after) = self.rest().strip_prefix("- ") {
            let mut probe = Cursor {
                line: self.line,
                pos: self.line.len() - after.len(),
            };
            if probe.date().is_some() {
                self.pos = self.line.len() - after.len();
            }
        }
    }

    /// How many comma-separated regions `region` (a range ending at the cursor) holds.
    fn regions_so_far(&self, region: &Range<usize>) -> usize {
        self.line[region.clone()].matches(',').count() + 1
    }

    /// An agency written without brackets after the date: `March 11, Reuter -`.
    fn bare_agency(&mut self, agencies: &[&str]) -> Option<Range<usize>> {
        let word = self.peek_word();
        if !agencies.iter().any(|a| a.eq_ignore_ascii_case(word)) {
            return None;
        }
        let range = self.pos..self.pos + word.len();
        self.pos = range.end;
        self.skip_spaces();
        Some(range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Place, region, date value and agency.
    type Read = (String, Option<String>, Option<String>, Option<String>);

    fn read(line: &str) -> Option<Read> {
        parse(line, &["Reuter"]).map(|d| {
            let date = d.date.and_then(|md| md.value(None));
            (
                line[d.place].to_string(),
                d.region.map(|r| line[r].to_string()),
                date,
                d.agency.map(|a| line[a].to_string()),
            )
        })
    }

    #[test]
    fn grammar() {
        let some = |p: &str, r: Option<&str>, d: Option<&str>, a: Option<&str>| {
            Some((
                p.to_string(),
                r.map(String::from),
                d.map(String::from),
                a.map(String::from),
            ))
        };
        assert_eq!(
            read("TEHRAN, May 13 - Afghanistan's"),
            some("TEHRAN", None, Some("XXXX-05-13"), None)
        );
        assert_eq!(
            read("RICHMOND, Va. Feb 26 -"),
            some("RICHMOND", Some("Va."), Some("XXXX-02-26"), None)
        );
        assert_eq!(
            read("RIO DE JANEIRO, Feb 26 - Brazil's"),
            some("RIO DE JANEIRO", None, Some("XXXX-02-26"), None)
        );
        assert_eq!(
            read("LONDON — The British government said"),
            some("LONDON", None, None, None)
        );
        assert_eq!(read("U.S. SUGAR IMPORTS DOWN IN WEEK - USDA"), None);
        assert_eq!(read("FEDERAL RESERVE MONEY SUPPLY REPORT - FEB 26"), None);
        assert_eq!(read("London - the city"), None);
        assert_eq!(read("Feb 26, 1987 - x"), None);
        assert_eq!(
            read("AMSTERDAM, 2 March - The"),
            some("AMSTERDAM", None, Some("XXXX-03-02"), None)
        );
        assert_eq!(
            read("NEW YORK, Narch 2 - Qtr ended Jan 31"),
            some("NEW YORK", None, None, None)
        );
        assert_eq!(
            read("New york, March 2 - Chicago"),
            some("New york", None, Some("XXXX-03-02"), None)
        );
        assert_eq!(
            read("NEW YORK, March 2 -The New"),
            some("NEW YORK", None, Some("XXXX-03-02"), None)
        );
        assert_eq!(
            read("DALLAS/FORT WORTH, Texas, March 3 - AMR Corp will hold"),
            some("DALLAS/FORT WORTH", Some("Texas"), Some("XXXX-03-03"), None)
        );
        assert_eq!(
            read("CHEVY CHASE, Md., - March 4 - Geico said"),
            some("CHEVY CHASE", Some("Md."), Some("XXXX-03-04"), None)
        );
        assert_eq!(
            read("CHICAGO, March 4, - South"),
            some("CHICAGO", None, Some("XXXX-03-04"), None)
        );
        assert_eq!(
            read("ROME, March 13, Reuter - Italy's"),
            some("ROME", None, Some("XXXX-03-13"), Some("Reuter"))
        );
        assert_eq!(
            read("NEW YORK, Louisville, KY, March 11 - ICH stock fell"),
            some("NEW YORK", Some("Louisville, KY"), Some("XXXX-03-11"), None)
        );
        assert_eq!(
            read("ROTTERDAM PORT SUBSIDY TO END JULY 1 - MINISTER"),
            None
        );
        assert_eq!(read("U.S. FINANCIAL ANALYSTS - March 3"), None);
        assert_eq!(
            read("BAGHDAD 1996-08-22"),
            some("BAGHDAD", None, Some("1996-08-22"), None)
        );
        assert_eq!(
            read("PORT OF SPAIN 1996-08-22 "),
            some("PORT OF SPAIN", None, Some("1996-08-22"), None)
        );
        assert_eq!(
            read("ARLINGTON , Texas 1996-08-31"),
            some("ARLINGTON", Some("Texas"), Some("1996-08-31"), None)
        );
        assert_eq!(read("Baghdad 1996-08-22"), None);
        assert_eq!(read("BAGHDAD 1996-02-30"), None);
        assert_eq!(read("RESULTS 1996-08-22 - 1996-08-23"), None);
        assert_eq!(read("Apple said on Monday - it"), None);
    }

    #[test]
    fn year_nearest_the_publication_date() {
        let dec31 = MonthDay {
            month: 12,
            day: 31,
            year: None,
        };
        let published: Date = "2019-01-02".parse().unwrap();
        assert_eq!(dec31.value(Some(published)).as_deref(), Some("2018-12-31"));
        let feb27 = MonthDay {
            month: 2,
            day: 27,
            year: None,
        };
        let published: Date = "1987-02-26".parse().unwrap();
        assert_eq!(feb27.value(Some(published)).as_deref(), Some("1987-02-27"));
        let feb30 = MonthDay {
            month: 2,
            day: 30,
            year: None,
        };
        assert_eq!(feb30.value(Some(published)), None);
        assert_eq!(feb30.value(None), None);
    }
}
