//! Normalization: the TIMEX3 type and value of each recognized expression, computed from the
//! anchor date with `jiff`.
//!
//! The anchor is the publication date, else the dateline's date. A dateline date may lack its
//! year (`XXXX-05-13`); then years the story does not write stay `XXXX`, and weekdays are
//! resolved only if the story tells which weekday the dateline day is (see
//! [`Anchor::from_dateline`]). Without any anchor, only what the text fixes is known
//! (`January 2005` → `2005-01`, `in January` → `XXXX-01`).

use jiff::civil::{Date, Weekday};
use jiff::Span;

use super::grammar::{duration_value, Amount, Expr, Mention, YearRef};
use super::lexicon::{HolidayRule, Tense, Unit};
use super::push_number;
use crate::article::TimexType;

/// The date relative expressions are computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Anchor {
    /// The anchor day. When its year is unknown this is a stand-in year with the same month and
    /// day, and the weekday the story implies; only month, day and weekday are then used.
    pub date: Date,
    pub year_known: bool,
    /// Whether `date.weekday()` is the real weekday of the anchor day.
    pub weekday_known: bool,
    /// `"date"` for the publication date, `"dateline"` for the dateline's.
    pub source: &'static str,
}

/// Stand-in years tried for a dateline day without a year: enough for every weekday of every
/// day, February 29 included (28 years make a full cycle).
const STAND_IN_YEARS: std::ops::RangeInclusive<i16> = 2000..=2028;

impl Anchor {
    pub fn publication(date: Date) -> Anchor {
        Anchor {
            date,
            year_known: true,
            weekday_known: true,
            source: "date",
        }
    }

    /// The anchor from a dateline's TIMEX3 value: `2018-05-13`, or `XXXX-05-13`. Without a
    /// year, the story's weekday is the one it names most often for its own events ("met …
    /// on Sunday", "later on Sunday"): `story_weekday`, if the caller found one.
    pub fn from_dateline(value: &str, story_weekday: Option<Weekday>) -> Option<Anchor> {
        if let Ok(date) = value.parse::<Date>() {
            return Some(Anchor {
                date,
                year_known: true,
                weekday_known: true,
                source: "dateline",
            });
        }
        let month_day = value.strip_prefix("XXXX-")?;
        let (month, day) = month_day.split_once('-')?;
        let (month, day): (i8, i8) = (month.parse().ok()?, day.parse().ok()?);
        let fits = |date: &Date| story_weekday.is_none_or(|w| date.weekday() == w);
        let date = STAND_IN_YEARS
            .filter_map(|year| Date::new(year, month, day).ok())
            .find(fits)?;
        Some(Anchor {
            date,
            year_known: false,
            weekday_known: story_weekday.is_some(),
            source: "dateline",
        })
    }
}

/// A normalized expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Resolved {
    pub kind: TimexType,
    pub value: String,
    /// Whether the value came from the anchor.
    pub anchored: bool,
}

/// A stretch of the calendar that a date expression names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    Day(Date),
    Month(i32, i8),
    Year(i32),
    /// The ISO week that holds this day.
    Week(Date),
    /// The weekend of the ISO week that holds this day.
    Weekend(Date),
    Quarter(i32, i8),
    Half(i32, i8),
    Season(i32, &'static str),
    Decade(i32),
    Century(i32),
    /// A weekday the anchor cannot place: `XXXX-WXX-5`.
    AnyWeek(i8),
    /// A day of a month in an unknown year.
    MonthDay(i8, i8),
    /// Known only to be a day, month or year: no anchor.
    Unknown(&'static str),
}

/// Where the year of a point comes from, which tells whether its value may write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearFrom {
    /// The anchor gave it, or the point needed the anchor: it is known when the anchor's is.
    Anchor,
    /// The story wrote it (`January 2005`, `that year`).
    Text,
    /// No anchor and no year written.
    Nowhere,
}

/// Normalizes the mentions of one story, in text order. It remembers the last year and
/// quarter the story named, for `that year` and `a year earlier`.
pub(super) struct Normalizer {
    anchor: Option<Anchor>,
    mentioned_year: Option<i32>,
    /// The year of the last month named, and whether the anchor gave it: where a range of
    /// months that ends next starts ([`YearRef::RangeStart`]).
    named_month_year: Option<(i32, bool)>,
    /// The last quarter named, and the sentence it was named in.
    mentioned_quarter: Option<(i32, i8, usize)>,
    /// How far from the anchor the tense of the mention being resolved may lead.
    reach_days: i32,
    /// The last day the story named, for `the previous Friday`.
    mentioned_day: Option<Date>,
    /// The sentence that day was named in: a clock time later in it is on that day (`on
    /// Monday morning at 11 a.m.`).
    mentioned_day_sentence: usize,
}

/// How many sentences back a named quarter still sets the sense of `a year earlier`.
const QUARTER_CONTEXT_SENTENCES: usize = 2;

impl Normalizer {
    pub fn new(anchor: Option<Anchor>) -> Normalizer {
        Normalizer {
            anchor,
            mentioned_year: None,
            named_month_year: None,
            mentioned_quarter: None,
            reach_days: TENSE_REACH_DAYS,
            mentioned_day: None,
            mentioned_day_sentence: 0,
        }
    }

    /// The type and value of a mention.
    pub fn resolve(&mut self, mention: &Mention) -> Resolved {
        let (tense, sentence) = (mention.tense, mention.sentence);
        self.reach_days = if mention.tense_near {
            NEAR_TENSE_REACH_DAYS
        } else {
            TENSE_REACH_DAYS
        };
        let resolved = match &mention.expr {
            Expr::Ref(value) => fixed(TimexType::Date, value),
            Expr::Set(value) => fixed(TimexType::Set, value),
            Expr::Duration { amount, unit } => self.duration(*amount, *unit),
            Expr::Year(YearRef::Written(number)) | Expr::Decade(number) | Expr::Century(number) => {
                let mut value = String::with_capacity(4);
                push_number(&mut value, (*number).into(), 0);
                Resolved {
                    kind: TimexType::Date,
                    value,
                    anchored: false,
                }
            }
            Expr::PartOfDay { day, part } => {
                let (point, from) = self.point(day, tense, sentence);
                let anchored = from == YearFrom::Anchor;
                let mut value = self.format(point, from);
                value.push('T');
                value.push_str(part);
                Resolved {
                    kind: TimexType::Time,
                    value,
                    anchored,
                }
            }
            Expr::Clock {
                hour,
                minute,
                utc,
                day,
            } => {
                let (point, from) = match (day, self.mentioned_day) {
                    (Some(day), _) => self.point(day, tense, sentence),
                    // A day named earlier has a year that its value wrote: the anchor's, or
                    // else the story's.
                    (None, Some(date)) if self.mentioned_day_sentence == sentence => {
                        let from = if self.anchor.is_some_and(|a| a.year_known) {
                            YearFrom::Anchor
                        } else {
                            YearFrom::Text
                        };
                        (Point::Day(date), from)
                    }
                    (None, _) => self.point(&Expr::Days(0), tense, sentence),
                };
                let anchored = from == YearFrom::Anchor;
                let mut value = self.format(point, from);
                value.push('T');
                push_number(&mut value, (*hour).into(), 2);
                value.push(':');
                push_number(&mut value, (*minute).into(), 2);
                if *utc {
                    value.push('Z');
                }
                Resolved {
                    kind: TimexType::Time,
                    value,
                    anchored,
                }
            }
            expr => {
                let (point, from) = self.point(expr, tense, sentence);
                Resolved {
                    kind: TimexType::Date,
                    value: self.format(point, from),
                    anchored: from == YearFrom::Anchor,
                }
            }
        };
        self.remember(&mention.expr, &resolved, sentence);
        resolved
    }

    /// Notes the day, month, year or quarter a mention named.
    fn remember(&mut self, expr: &Expr, resolved: &Resolved, sentence: usize) {
        let value = resolved.value.as_str();
        let day = value
            .get(..10)
            .filter(|_| value.len() == 10 || value.as_bytes()[10] == b'T');
        if let Some(date) = day.and_then(parse_day) {
            self.mentioned_day = Some(date);
            self.mentioned_day_sentence = sentence;
        }
        if let Expr::Year(YearRef::Written(year))
        | Expr::Calendar {
            year: Some(YearRef::Written(year)),
            ..
        } = expr
        {
            self.mentioned_year = Some(*year);
        }
        match expr {
            // Its year as the value writes it; `XXXX` (no anchor) is none.
            Expr::Calendar { day: None, .. } => {
                self.named_month_year = value
                    .get(..4)
                    .and_then(|year| year.parse().ok())
                    .map(|year| (year, resolved.anchored));
            }
            Expr::Quarter { .. } | Expr::LatestQuarter | Expr::QuarterEnding(_) => {
                let quarter = value
                    .split_once("-Q")
                    .and_then(|(year, quarter)| Some((year.parse().ok()?, quarter.parse().ok()?)));
                if let Some((year, quarter)) = quarter {
                    self.mentioned_quarter = Some((year, quarter, sentence));
                }
            }
            _ => {}
        }
    }

    fn duration(&self, amount: Amount, unit: Unit) -> Resolved {
        // An absurd count (`99999999999 centuries`) overflows: say the length is unknown.
        let value = duration_value(amount, unit)
            .or_else(|| {
                duration_value(
                    Amount {
                        count: None,
                        half: false,
                    },
                    unit,
                )
            })
            .unwrap_or_else(|| "PXY".to_string());
        fixed(TimexType::Duration, &value)
    }

    /// The calendar point of a date expression, and where its year comes from.
    fn point(&self, expr: &Expr, tense: Option<Tense>, sentence: usize) -> (Point, YearFrom) {
        match self.anchor {
            Some(anchor) => {
                let (point, anchored) = self.anchored_point(anchor, expr, tense, sentence);
                let from = if anchored {
                    YearFrom::Anchor
                } else {
                    YearFrom::Text
                };
                (point, from)
            }
            None => match self.written_point(expr) {
                Some(point) => (point, YearFrom::Text),
                None => (unanchored(expr), YearFrom::Nowhere),
            },
        }
    }

    /// A date expression whose year the story writes, resolved without an anchor: `January
    /// 2005`, `May 5, 2010`, `the third quarter of 2009`.
    fn written_point(&self, expr: &Expr) -> Option<Point> {
        // A year the anchor would have to give is unknown here.
        let year = |year_ref: YearRef| match self.year(year_ref) {
            (year, false) => Some(year),
            (_, true) => None,
        };
        Some(match *expr {
            Expr::Calendar {
                year: Some(year_ref),
                month,
                day,
            } => calendar_point(year(year_ref)?, month, day),
            Expr::Year(y) => Point::Year(year(y)?),
            Expr::Quarter { quarter, year: y } => Point::Quarter(year(y)?, quarter),
            Expr::Half { half, year: y } => Point::Half(year(y)?, half),
            Expr::Season { season, year: y } => Point::Season(year(y)?, season),
            _ => return None,
        })
    }

    /// [`Normalizer::point`] with an anchor: the point, and whether the anchor was used.
    fn anchored_point(
        &self,
        anchor: Anchor,
        expr: &Expr,
        tense: Option<Tense>,
        sentence: usize,
    ) -> (Point, bool) {
        let today = anchor.date;
        let year = i32::from(today.year());
        let point = match *expr {
            Expr::Calendar {
                year: Some(year_ref),
                month,
                day,
            } => {
                let (year, anchored) = self.year(year_ref);
                return (calendar_point(year, month, day), anchored);
            }
            Expr::Calendar {
                year: None,
                month,
                day: Some(day),
            } => nearest_day(today, month, day, tense, self.reach_days)
                .map_or(Point::MonthDay(month, day), Point::Day),
            Expr::Calendar {
                year: None,
                month,
                day: None,
            } => nearest_month(today, month, tense),
            Expr::Year(year_ref) => {
                let (year, anchored) = self.year(year_ref);
                return (Point::Year(year), anchored);
            }
            Expr::Weekday { weekday, shift } => {
                if !anchor.weekday_known {
                    Point::AnyWeek(weekday)
                } else {
                    weekday_near(today, weekday, shift, tense)
                        .map_or(Point::AnyWeek(weekday), Point::Day)
                }
            }
            Expr::WeekdayFromMention { weekday, shift } => match self.mentioned_day {
                Some(day) if anchor.weekday_known => weekday_near(day, weekday, Some(shift), None)
                    .map_or(Point::AnyWeek(weekday), Point::Day),
                _ if anchor.weekday_known => weekday_near(today, weekday, Some(shift), tense)
                    .map_or(Point::AnyWeek(weekday), Point::Day),
                _ => Point::AnyWeek(weekday),
            },
            Expr::MonthShift { month, day, shift } => {
                let this_month = today.month();
                let year = match shift {
                    -1 if month >= this_month - 1 => year - 1,
                    1 if month <= this_month => year + 1,
                    _ => year,
                };
                match day {
                    Some(day) => Date::new(year as i16, month, day)
                        .map_or(Point::MonthDay(month, day), Point::Day),
                    None => Point::Month(year, month),
                }
            }
            Expr::Days(days) => {
                add_days(today, days).map_or(Point::Unknown("XXXX-XX-XX"), Point::Day)
            }
            Expr::Shift { unit, by } => shifted(today, unit, by, tense),
            Expr::Season {
                season,
                year: year_ref,
            } => {
                let (year, anchored) = match year_ref {
                    YearRef::Shift(by) => (season_year(today, season, by), true),
                    other => self.year(other),
                };
                return (Point::Season(year, season), anchored);
            }
            Expr::Quarter {
                quarter,
                year: year_ref,
            } => {
                let (year, anchored) = match year_ref {
                    // A later quarter than the anchor's, said of the past, is last year's: a
                    // January report on `the fourth quarter`.
                    YearRef::Shift(0)
                        if quarter > quarter_of(today) && tense != Some(Tense::Future) =>
                    {
                        (year - 1, true)
                    }
                    other => self.year(other),
                };
                return (Point::Quarter(year, quarter), anchored);
            }
            Expr::Half {
                half,
                year: year_ref,
            } => {
                let (year, anchored) = self.year(year_ref);
                return (Point::Half(year, half), anchored);
            }
            Expr::LatestQuarter => latest_quarter(today, 0),
            Expr::QuarterEnding(ref day) => {
                let (point, from) = self.point(day, tense, sentence);
                let anchored = from == YearFrom::Anchor;
                let point = match point {
                    // A fiscal quarter may end a month after the calendar one.
                    Point::Day(day) => add_days(day, -45).map_or(point, |d| {
                        Point::Quarter(i32::from(d.year()), quarter_of(d))
                    }),
                    _ => latest_quarter(today, 0),
                };
                return (point, anchored);
            }
            Expr::QuarterOfYear(year_ref) => {
                let quarter = match (self.mentioned_quarter, latest_quarter(today, 0)) {
                    (Some((_, quarter, at)), _)
                        if sentence.saturating_sub(at) <= QUARTER_CONTEXT_SENTENCES =>
                    {
                        quarter
                    }
                    (_, Point::Quarter(_, quarter)) => quarter,
                    _ => quarter_of(today),
                };
                let (year, anchored) = self.year(year_ref);
                return (Point::Quarter(year, quarter), anchored);
            }
            Expr::YearEarlier { quarter } => match self.mentioned_quarter {
                Some((year, q, at)) if sentence.saturating_sub(at) <= QUARTER_CONTEXT_SENTENCES => {
                    Point::Quarter(year - 1, q)
                }
                _ if quarter => latest_quarter(today, 1),
                _ => Point::Year(year - 1),
            },
            Expr::Holiday {
                rule,
                year: written,
                shift,
            } => {
                if let Some(year_ref) = written {
                    let (year, anchored) = self.year(year_ref);
                    let point =
                        holiday_date(rule, year).map_or(Point::Unknown("XXXX-XX-XX"), Point::Day);
                    return (point, anchored);
                }
                let candidates = [-1, 0, 1].map(|by| holiday_date(rule, year + by));
                let date = match shift {
                    Some(-1) => candidates
                        .into_iter()
                        .flatten()
                        .filter(|d| *d < today)
                        .max(),
                    Some(1) => candidates.into_iter().flatten().find(|d| *d > today),
                    Some(_) => candidates[1],
                    None => nearest_date(today, candidates, tense, self.reach_days),
                };
                date.map_or(Point::Unknown("XXXX-XX-XX"), Point::Day)
            }
            Expr::WeekOf { ref day, weekend } => {
                let (point, from) = self.point(day, tense, sentence);
                let anchored = from == YearFrom::Anchor;
                let point = match point {
                    Point::Day(date) if weekend => Point::Weekend(date),
                    Point::Day(date) => Point::Week(date),
                    _ if weekend => Point::Unknown("XXXX-WXX-WE"),
                    _ => Point::Unknown("XXXX-WXX"),
                };
                return (point, anchored);
            }
            Expr::Decade(_)
            | Expr::Century(_)
            | Expr::Ref(_)
            | Expr::Set(_)
            | Expr::Duration { .. }
            | Expr::PartOfDay { .. }
            | Expr::Clock { .. } => Point::Unknown("XXXX-XX-XX"),
        };
        (point, true)
    }

    /// A year reference as a number, and whether the anchor gave it.
    fn year(&self, year_ref: YearRef) -> (i32, bool) {
        let anchor_year = self.anchor.map_or(0, |a| i32::from(a.date.year()));
        match year_ref {
            YearRef::Written(year) => (year, false),
            YearRef::Shift(by) => (anchor_year + by, true),
            YearRef::Mentioned(by) => match self.mentioned_year {
                Some(year) => (year + by, false),
                None => (anchor_year + by, true),
            },
            YearRef::RangeStart(by) => match self.named_month_year {
                Some((year, anchored)) => (year + by, anchored),
                None => (anchor_year + by, true),
            },
        }
    }

    /// The TIMEX3 value of a point; years neither the story nor the anchor tells are `XXXX`.
    fn format(&self, point: Point, from: YearFrom) -> String {
        let year_known = match from {
            YearFrom::Text => true,
            YearFrom::Anchor => self.anchor.is_some_and(|a| a.year_known),
            YearFrom::Nowhere => false,
        };
        let mut out = String::with_capacity(16);
        let year = |out: &mut String, y: i32| {
            if year_known {
                push_number(out, y.into(), 4);
            } else {
                out.push_str("XXXX");
            }
        };
        match point {
            Point::Day(date) => {
                year(&mut out, date.year().into());
                out.push('-');
                push_number(&mut out, date.month().into(), 2);
                out.push('-');
                push_number(&mut out, date.day().into(), 2);
            }
            Point::Month(y, month) => {
                year(&mut out, y);
                out.push('-');
                push_number(&mut out, month.into(), 2);
            }
            Point::Year(y) => year(&mut out, y),
            Point::Week(date) | Point::Weekend(date) => {
                if year_known {
                    let week = date.iso_week_date();
                    push_number(&mut out, week.year().into(), 4);
                    out.push_str("-W");
                    push_number(&mut out, week.week().into(), 2);
                } else {
                    out.push_str("XXXX-WXX");
                }
                if matches!(point, Point::Weekend(_)) {
                    out.push_str("-WE");
                }
            }
            Point::Quarter(y, quarter) => {
                year(&mut out, y);
                out.push_str("-Q");
                push_number(&mut out, quarter.into(), 0);
            }
            Point::Half(y, half) => {
                year(&mut out, y);
                out.push_str("-H");
                push_number(&mut out, half.into(), 0);
            }
            Point::Season(y, season) => {
                year(&mut out, y);
                out.push('-');
                out.push_str(season);
            }
            Point::Decade(number) | Point::Century(number) if year_known => {
                push_number(&mut out, number.into(), 0);
            }
            Point::Decade(_) => out.push_str("XXX"),
            Point::Century(_) => out.push_str("XX"),
            Point::AnyWeek(weekday) => {
                out.push_str("XXXX-WXX-");
                push_number(&mut out, weekday.into(), 0);
            }
            Point::MonthDay(month, day) => {
                out.push_str("XXXX-");
                push_number(&mut out, month.into(), 2);
                out.push('-');
                push_number(&mut out, day.into(), 2);
            }
            Point::Unknown(value) => out.push_str(value),
        }
        out
    }
}

/// A day written `YYYY-MM-DD`, as `str::parse::<Date>` reads one, without its cost (and the
/// error it builds for a value that is no day, such as `XXXX-05-13`): only a value of that
/// form can be a day.
fn parse_day(value: &str) -> Option<Date> {
    let bytes = value.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes[range].iter().try_fold(0i16, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + i16::from(b - b'0'))
        })
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    Date::new(year, month as i8, day as i8).ok()
}

fn fixed(kind: TimexType, value: &str) -> Resolved {
    Resolved {
        kind,
        value: value.to_string(),
        anchored: false,
    }
}

/// The day or month of a calendar date with its year: `May 5, 2010`, `January 2005`. A day
/// the calendar lacks (`February 30`) stays a day of the month.
fn calendar_point(year: i32, month: i8, day: Option<i8>) -> Point {
    match day {
        Some(day) => i16::try_from(year)
            .ok()
            .and_then(|y| Date::new(y, month, day).ok())
            .map_or(Point::MonthDay(month, day), Point::Day),
        None => Point::Month(year, month),
    }
}

/// What can be said of a date expression with no anchor at all.
fn unanchored(expr: &Expr) -> Point {
    match *expr {
        Expr::Calendar {
            month,
            day: Some(day),
            ..
        } => Point::MonthDay(month, day),
        Expr::MonthShift {
            month,
            day: Some(day),
            ..
        } => Point::MonthDay(month, day),
        Expr::Calendar { month, .. } | Expr::MonthShift { month, .. } => Point::Month(0, month),
        Expr::Weekday { weekday, .. } | Expr::WeekdayFromMention { weekday, .. } => {
            Point::AnyWeek(weekday)
        }
        Expr::Year(_) | Expr::YearEarlier { quarter: false } => Point::Unknown("XXXX"),
        Expr::Shift { unit, .. } => Point::Unknown(match unit {
            Unit::Year => "XXXX",
            Unit::Month => "XXXX-XX",
            Unit::Week | Unit::Fortnight => "XXXX-WXX",
            Unit::Weekend => "XXXX-WXX-WE",
            Unit::Quarter => "XXXX-QX",
            Unit::Half => "XXXX-HX",
            Unit::Decade => "XXX",
            Unit::Century | Unit::Millennium => "XX",
            Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
        }),
        Expr::Quarter { quarter, .. } => Point::Quarter(0, quarter),
        Expr::Half { half, .. } => Point::Half(0, half),
        Expr::Season { season, .. } => Point::Season(0, season),
        Expr::Holiday {
            rule: HolidayRule::Fixed { month, day },
            ..
        } => Point::MonthDay(month, day),
        Expr::WeekOf { weekend: true, .. } => Point::Unknown("XXXX-WXX-WE"),
        Expr::WeekOf { .. } => Point::Unknown("XXXX-WXX"),
        Expr::LatestQuarter
        | Expr::QuarterOfYear(_)
        | Expr::QuarterEnding(_)
        | Expr::YearEarlier { quarter: true } => Point::Unknown("XXXX-QX"),
        _ => Point::Unknown("XXXX-XX-XX"),
    }
}

fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(Span::new().try_days(days).ok()?).ok()
}

fn add_months(date: Date, months: i64) -> Option<Date> {
    date.first_of_month()
        .checked_add(Span::new().try_months(months).ok()?)
        .ok()
}

/// How far from the anchor a day or month named without a year may be for the tense to pick
/// it; beyond that the tense is more likely wrong than the story (`payable Jan. 2` in a
/// November story that used the past tense elsewhere is next January).
const TENSE_REACH_DAYS: i32 = 240;

/// The same for a month named alone: `In January` in an October story that tells of the past.
const TENSE_REACH_MONTHS: i32 = 10;

/// The same when the verb is right before the expression (`ended Jan. 31`, `since May 13`): a
/// year either way.
const NEAR_TENSE_REACH_DAYS: i32 = 366;

/// Without a tense, a day or month named without a year is the nearest one, but news tells more
/// of the past than of the future: one in the past is preferred unless the next one is nearer by
/// this much (`from $29.75 in March` in an October story is last March).
const PAST_BIAS_DAYS: i32 = 60;
const PAST_BIAS_MONTHS: i32 = 2;

/// `May 13` without a year: the nearest May 13 to the anchor, unless the tense asks for the
/// one before it (or after it) and that one is within `reach` days.
fn nearest_day(today: Date, month: i8, day: i8, tense: Option<Tense>, reach: i32) -> Option<Date> {
    let candidates = [-1, 0, 1].map(|by| Date::new(today.year().checked_add(by)?, month, day).ok());
    nearest_date(today, candidates, tense, reach)
}

/// Of the dates a yearless expression may name (last year's, this year's, next year's), the
/// one the tense asks for if it is within `reach` days, else the nearest one, with the
/// past preferred by [`PAST_BIAS_DAYS`].
fn nearest_date(
    today: Date,
    candidates: [Option<Date>; 3],
    tense: Option<Tense>,
    reach: i32,
) -> Option<Date> {
    let days = |date: &Date| today.until(*date).ok().map(|span| span.get_days());
    let candidates = candidates
        .into_iter()
        .flatten()
        .filter_map(|date| Some((date, days(&date)?)));
    let in_reach = |days: i32| days.abs() <= reach;
    let by_tense = match tense {
        Some(Tense::Past) => candidates
            .clone()
            .filter(|(_, d)| *d <= 0 && in_reach(*d))
            .max_by_key(|(_, d)| *d),
        Some(Tense::Future) => candidates
            .clone()
            .filter(|(_, d)| *d >= 0 && in_reach(*d))
            .min_by_key(|(_, d)| *d),
        _ => None,
    };
    by_tense
        .or_else(|| candidates.min_by_key(|(_, d)| if *d <= 0 { -d } else { d + PAST_BIAS_DAYS }))
        .map(|(date, _)| date)
}

/// The date of a holiday in a year.
fn holiday_date(rule: HolidayRule, year: i32) -> Option<Date> {
    let year = i16::try_from(year).ok()?;
    match rule {
        HolidayRule::Fixed { month, day } => Date::new(year, month, day).ok(),
        HolidayRule::Nth {
            month,
            weekday,
            n,
            offset,
        } => {
            let weekday = Weekday::from_monday_one_offset(weekday).ok()?;
            let first = Date::new(year, month, 1).ok()?;
            let day = if n > 0 {
                first.nth_weekday_of_month(n, weekday).ok()?
            } else {
                first
                    .last_of_month()
                    .nth_weekday_of_month(n, weekday)
                    .ok()?
            };
            add_days(day, offset.into())
        }
        HolidayRule::Easter(offset) => add_days(easter(year)?, offset.into()),
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).ok()
}

/// A month without a year, chosen as [`nearest_day`] chooses days.
fn nearest_month(today: Date, month: i8, tense: Option<Tense>) -> Point {
    let year = i32::from(today.year());
    let back = i32::from((today.month() - month).rem_euclid(12));
    let ahead = (12 - back) % 12;
    let reach = TENSE_REACH_MONTHS;
    let back_year = if month > today.month() {
        year - 1
    } else {
        year
    };
    let ahead_year = if month < today.month() {
        year + 1
    } else {
        year
    };
    let year = match tense {
        Some(Tense::Past) if back <= reach => back_year,
        Some(Tense::Future) if ahead <= reach => ahead_year,
        _ if back <= ahead + PAST_BIAS_MONTHS => back_year,
        _ => ahead_year,
    };
    Point::Month(year, month)
}

/// A weekday near the anchor: the anchor itself when it is that weekday, else the one before
/// it (past or unknown tense) or after it (future). `last` and `next` never mean the anchor.
fn weekday_near(today: Date, weekday: i8, shift: Option<i8>, tense: Option<Tense>) -> Option<Date> {
    let target = Weekday::from_monday_one_offset(weekday).ok()?;
    let today_number = i64::from(today.weekday().to_monday_one_offset());
    let target_number = i64::from(target.to_monday_one_offset());
    let back = (today_number - target_number).rem_euclid(7);
    let ahead = (target_number - today_number).rem_euclid(7);
    let days = match (shift, tense) {
        (Some(-1), _) => -(if back == 0 { 7 } else { back }),
        (Some(1), _) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        (_, Some(Tense::Future)) => ahead,
        (Some(0), Some(Tense::Past)) | (None, _) => -back,
        _ => ahead,
    };
    add_days(today, days)
}

/// `this week`, `last month`, `two years ago`: the unit of the anchor, moved by `by`.
fn shifted(today: Date, unit: Unit, by: i64, tense: Option<Tense>) -> Point {
    let year = i64::from(today.year());
    let unknown = Point::Unknown("XXXX-XX-XX");
    match unit {
        Unit::Year | Unit::Millennium => Point::Year((year + by) as i32),
        Unit::Month => {
            add_months(today, by).map_or(unknown, |d| Point::Month(d.year().into(), d.month()))
        }
        Unit::Week | Unit::Fortnight => {
            let weeks = if unit == Unit::Fortnight { by * 2 } else { by };
            add_days(today, weeks * 7).map_or(unknown, Point::Week)
        }
        Unit::Weekend => {
            let on_weekend = today.weekday().to_monday_one_offset() >= 6;
            let weeks = match by {
                0 if on_weekend || tense == Some(Tense::Future) => 0,
                0 => -1,
                by => by,
            };
            add_days(today, weeks * 7).map_or(unknown, Point::Weekend)
        }
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            let days = if unit == Unit::Day { by } else { 0 };
            add_days(today, days).map_or(unknown, Point::Day)
        }
        Unit::Quarter => {
            let index = year * 4 + i64::from(quarter_of(today)) - 1 + by;
            Point::Quarter(index.div_euclid(4) as i32, (index.rem_euclid(4) + 1) as i8)
        }
        Unit::Half => {
            let index = year * 2 + i64::from(quarter_of(today) > 2) + by;
            Point::Half(index.div_euclid(2) as i32, (index.rem_euclid(2) + 1) as i8)
        }
        Unit::Decade => Point::Decade((year.div_euclid(10) + by) as i32),
        Unit::Century => Point::Century((year.div_euclid(100) + by) as i32),
    }
}

fn quarter_of(date: Date) -> i8 {
    (date.month() - 1) / 3 + 1
}

/// The last quarter before the anchor's, `years_back` years earlier: what financial news means
/// by `the quarter` and `the year-ago quarter`.
fn latest_quarter(today: Date, years_back: i32) -> Point {
    match shifted(today, Unit::Quarter, -1, None) {
        Point::Quarter(year, quarter) => Point::Quarter(year - years_back, quarter),
        other => other,
    }
}

/// The year of `this summer`, `last fall`, `next spring`: `last` is the latest one that has
/// ended, `next` the first that has not begun.
fn season_year(today: Date, season: &str, by: i32) -> i32 {
    let year = i32::from(today.year());
    let starts = match season {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };
    let month = today.month();
    match by {
        ..=-1 if starts + 3 <= month => year + by + 1,
        1.. if starts > month => year + by - 1,
        _ => year + by,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn days_as_jiff_reads_them() {
        let mut values = vec![
            "XXXX-05-13".to_string(),
            "2018-5-13".to_string(),
            "2018-05-1x".to_string(),
            "+2018-05-1".to_string(),
            "PRESENT_REF".to_string(),
            "2018-W05-6".to_string(),
        ];
        for year in [0, 1, 99, 1900, 1987, 2000, 2018, 9999] {
            for month in 0..=13 {
                for day in [0, 1, 28, 29, 30, 31, 32] {
                    values.push(format!("{year:04}-{month:02}-{day:02}"));
                }
            }
        }
        for value in &values {
            assert_eq!(parse_day(value), value.parse::<Date>().ok(), "{value}");
        }
    }

    #[test]
    fn easter_and_holidays_by_their_rules() {
        assert_eq!(easter(1998), Some(date("1998-04-12")));
        assert_eq!(easter(2000), Some(date("2000-04-23")));
        assert_eq!(easter(2018), Some(date("2018-04-01")));
        let thanksgiving = HolidayRule::Nth {
            month: 11,
            weekday: 4,
            n: 4,
            offset: 0,
        };
        assert_eq!(holiday_date(thanksgiving, 1999), Some(date("1999-11-25")));
        let election = HolidayRule::Nth {
            month: 11,
            weekday: 1,
            n: 1,
            offset: 1,
        };
        assert_eq!(holiday_date(election, 1998), Some(date("1998-11-03")));
        let memorial = HolidayRule::Nth {
            month: 5,
            weekday: 1,
            n: -1,
            offset: 0,
        };
        assert_eq!(holiday_date(memorial, 2018), Some(date("2018-05-28")));
        assert_eq!(
            holiday_date(HolidayRule::Easter(-2), 2000),
            Some(date("2000-04-21"))
        );
    }

    #[test]
    fn yearless_dates_lean_to_the_past() {
        let today = date("1989-10-30");
        assert_eq!(nearest_month(today, 3, None), Point::Month(1989, 3));
        assert_eq!(nearest_month(today, 1, None), Point::Month(1990, 1));
        let ended = nearest_day(today, 1, 31, Some(Tense::Past), NEAR_TENSE_REACH_DAYS);
        assert_eq!(ended, Some(date("1989-01-31")));
        let far = nearest_day(today, 1, 31, Some(Tense::Past), TENSE_REACH_DAYS);
        assert_eq!(far, Some(date("1990-01-31")));
    }
}
