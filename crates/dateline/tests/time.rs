//! The time stage: the time table of `examples/tehran.expected.md`, a table of real news
//! sentences (`tests/data/timex_cases.tsv`), and odd input that must not make it panic.

use std::sync::OnceLock;

use dateline::{Article, ExtractOptions, Extractor, TimexType};

const TEHRAN: &str = include_str!("../../../examples/tehran.txt");
const CASES: &str = include_str!("data/timex_cases.tsv");

/// The time table of `tehran.expected.md`: a phrase of the story that holds the expression (the
/// n-th occurrence of `needle`), and the value with the publication date 2018-05-13 and without
/// any date. Values are compared on the timex that overlaps the phrase: the table writes
/// `on Sunday`, TimeBank (and dateline) annotate `Sunday`.
const TEHRAN_TABLE: &[(&str, usize, &str, &str)] = &[
    ("May 13", 0, "2018-05-13", "XXXX-05-13"),
    ("on Sunday", 0, "2018-05-13", "XXXX-05-13"),
    ("in recent months", 0, "PAST_REF", "PAST_REF"),
    ("Last month", 0, "2018-04", "XXXX-04"),
    ("on Friday", 0, "2018-05-11", "XXXX-05-11"),
    ("In January", 0, "2018-01", "XXXX-01"),
    ("in 2001", 0, "2001", "2001"),
    ("Some 17 years on", 0, "P17Y", "P17Y"),
    ("On Sunday", 0, "2018-05-13", "XXXX-05-13"),
    ("on Saturday", 0, "2018-05-12", "XXXX-05-12"),
    ("on Saturday", 1, "2018-05-12", "XXXX-05-12"),
    ("later on Sunday", 0, "2018-05-13", "XXXX-05-13"),
];

/// Expressions the story holds beyond the table: `currently` is PRESENT_REF by the TimeML
/// rules the stage follows.
const TEHRAN_EXTRA: &[&str] = &["currently"];

/// One extractor for all tests: building one loads every gazetteer.
fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

fn extract(text: &str, date: Option<&str>) -> Article {
    let mut options = ExtractOptions::new();
    if let Some(date) = date {
        options = options.date(date).expect("test dates are valid");
    }
    extractor().extract(text, &options)
}

/// The character range of the `nth` occurrence of `needle` in `text`.
fn char_range(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (byte, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} is not in the text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Checks every row of the table, with the publication date or without any date.
fn check_tehran(date: Option<&str>) {
    let article = extract(TEHRAN, date);
    let mut matched = vec![false; article.timexes.len()];
    for row in TEHRAN_TABLE {
        let (start, end) = char_range(TEHRAN, row.0, row.1);
        let found = article
            .timexes
            .iter()
            .position(|t| t.start < end && start < t.end)
            .unwrap_or_else(|| panic!("no timex over {:?} ({date:?})", row.0));
        let expected = if date.is_some() { row.2 } else { row.3 };
        assert_eq!(
            article.timexes[found].value, expected,
            "{:?} ({date:?})",
            row.0
        );
        matched[found] = true;
    }
    for (timex, matched) in article.timexes.iter().zip(matched) {
        assert!(
            matched || TEHRAN_EXTRA.contains(&timex.text.as_str()),
            "unexpected timex {timex:?}"
        );
    }
    let approximate = article.timexes.iter().find(|t| t.value == "P17Y").unwrap();
    assert_eq!(approximate.kind, TimexType::Duration);
    assert_eq!(approximate.modifier.as_deref(), Some("APPROX"));
}

#[test]
fn tehran_time_table_with_publication_date() {
    check_tehran(Some("2018-05-13"));
    let article = extract(TEHRAN, Some("2018-05-13"));
    let friday = article.timexes.iter().find(|t| t.text == "Friday").unwrap();
    assert_eq!(friday.anchor.as_deref(), Some("date"));
    let year = article.timexes.iter().find(|t| t.text == "2001").unwrap();
    assert_eq!(year.anchor, None);
}

#[test]
fn tehran_time_table_without_date_keeps_years_unknown() {
    check_tehran(None);
    let article = extract(TEHRAN, None);
    let friday = article.timexes.iter().find(|t| t.text == "Friday").unwrap();
    assert_eq!(friday.anchor.as_deref(), Some("dateline"));
}

#[test]
fn timexes_are_in_text_order_with_their_text() {
    let article = extract(TEHRAN, Some("2018-05-13"));
    assert!(article.timexes.windows(2).all(|w| w[0].end <= w[1].start));
    for timex in &article.timexes {
        let text: String = TEHRAN
            .chars()
            .skip(timex.start)
            .take(timex.end - timex.start)
            .collect();
        assert_eq!(text, timex.text);
    }
}

#[test]
fn table_of_news_sentences() {
    let extractor = extractor();
    let mut rows = 0;
    let mut failures = Vec::new();
    for line in CASES
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let [sentence, span, kind, value, date] = fields[..] else {
            panic!("a row has five tab-separated fields: {line:?}");
        };
        rows += 1;
        let options = ExtractOptions::new()
            .date(date)
            .expect("dates in the table are valid");
        let article = extractor.extract(sentence, &options);
        let found: Vec<(&str, String, &str)> = article
            .timexes
            .iter()
            .map(|t| (t.text.as_str(), type_name(t.kind), t.value.as_str()))
            .collect();
        let ok = if span == "-" {
            found.is_empty()
        } else {
            found
                .iter()
                .any(|(text, k, v)| *text == span && k == kind && *v == value)
        };
        if !ok {
            failures.push(format!(
                "{sentence}\n  expected {span} {kind} {value}, found {found:?}"
            ));
        }
    }
    assert!(rows >= 150, "the table has {rows} rows");
    assert!(
        failures.is_empty(),
        "{} of {rows} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn type_name(kind: TimexType) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[test]
fn odd_input_does_not_panic() {
    let inputs = [
        "",
        " ",
        "May",
        "may",
        "🙂 on Friday 🙂",
        "Friday's",
        "31/02/2018",
        "Feb. 30, 2018",
        "99999999999 years",
        "99999999999999999999999 years ago",
        "every 99999999999999 centuries",
        "9999-99-99",
        "2018-13-45",
        "25:99 p.m.",
        "the 0s",
        "the 0th century",
        "Q9 2018",
        "in the year two thousand",
        "nineteen ninety-",
        "- - - 1990s -",
        "'s 's 's",
        "a a a a year ago ago",
        "last last last",
        "TEHRAN, May 13 - Köln, façade, 東京 on Sunday.",
        "TEHRAN, Feb 29 - They met on Friday and Saturday.",
        "Jan. Feb. Mar. Apr.",
        "5 p.m. EST, Nov.",
        "at 12:",
        "1/2 1/2 1/2 years",
    ];
    for text in inputs {
        for date in [
            None,
            Some("2018-05-13"),
            Some("0001-01-01"),
            Some("9999-12-31"),
        ] {
            let article = extract(text, date);
            for timex in &article.timexes {
                assert!(timex.start <= timex.end && timex.end <= text.chars().count());
            }
        }
    }
}

#[test]
fn a_year_the_story_writes_is_kept_without_a_date() {
    // WikiNews (MEANTIME) with no publication date: the years written stand, the rest stays
    // unknown. The same under a dateline without a year.
    let text = "Airbus A380 test flight delayed after accident September 01, 2007\n\nA test \
                flight was delayed today. The A380 was revealed in January 2005 and flew on May \
                5, 2010 at 9 p.m.; sales rose that year.";
    for article in [
        extract(text, None),
        extract(&format!("TOULOUSE, May 13 - {text}"), None),
    ] {
        let value = |phrase: &str| {
            article
                .timexes
                .iter()
                .find(|t| t.text == phrase)
                .map(|t| t.value.clone())
        };
        assert_eq!(value("September 01, 2007").as_deref(), Some("2007-09-01"));
        assert_eq!(value("January 2005").as_deref(), Some("2005-01"));
        assert_eq!(value("9 p.m.").as_deref(), Some("2010-05-05T21:00"));
        assert_eq!(value("that year").as_deref(), Some("2010"));
        assert_eq!(
            value("today").as_deref().map(|v| v.starts_with("XXXX")),
            Some(true)
        );
    }
}
