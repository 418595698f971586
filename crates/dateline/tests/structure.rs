//! The structure stage on real wire copy: datelines, credits, paragraphs and sentences.
//!
//! Cases come from tables in `tests/data/` (one row per case, with its source) so that adding
//! a case needs no code.

mod common;

use common::extractor;
use dateline::{Article, CreditRole, ExtractOptions};

fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn optional(field: &str) -> Option<&str> {
    (field != "-").then_some(field)
}

fn extract(text: &str, date: Option<&str>) -> Article {
    let mut options = ExtractOptions::new();
    if let Some(date) = date {
        options = options.date(date).unwrap();
    }
    extractor().extract(text, &options)
}

#[test]
fn datelines_from_real_wire_copy() {
    let table = include_str!("data/datelines.tsv");
    let mut cases = 0;
    for row in rows(table) {
        let [source, text, date, place, region, value, agency] = row[..] else {
            panic!("datelines.tsv: a row needs 7 fields: {row:?}")
        };
        let text = text.replace("\\n", "\n");
        let article = extract(&text, optional(date));
        let found = article.dateline.as_ref();
        assert_eq!(
            found.map(|d| d.place.as_str()),
            optional(place),
            "{source}: place"
        );
        if let Some(d) = found {
            assert_eq!(d.region.as_deref(), optional(region), "{source}: region");
            assert_eq!(d.date.as_deref(), optional(value), "{source}: date");
            assert_eq!(d.agency.as_deref(), optional(agency), "{source}: agency");
            let span: String = text.chars().skip(d.start).take(d.end - d.start).collect();
            assert_eq!(span, d.text, "{source}: span");
            assert!(
                article.sentences.iter().all(|s| s.start >= d.end),
                "{source}: the dateline is in no sentence"
            );
        }
        cases += 1;
    }
    assert!(cases >= 30, "only {cases} dateline cases");
}

#[test]
fn credit_lines_from_real_wire_copy() {
    let table = include_str!("data/credits.tsv");
    // Each line with the (role, name, alias) of the credits it holds.
    type Credits = Vec<(String, String, Option<String>)>;
    let mut expected: Vec<(String, Credits)> = Vec::new();
    for row in rows(table) {
        let [_source, line, role, name, alias] = row[..] else {
            panic!("credits.tsv: a row needs 5 fields: {row:?}")
        };
        if expected.last().is_none_or(|(l, _)| l != line) {
            expected.push((line.to_string(), Vec::new()));
        }
        if role != "-" {
            let entry = (
                role.to_string(),
                name.to_string(),
                optional(alias).map(String::from),
            );
            expected.last_mut().unwrap().1.push(entry);
        }
    }
    assert!(expected.len() >= 15);
    for (line, credits) in expected {
        // A credit line is read at the end of a story, after a dateline.
        let text = format!("LONDON, May 1 - Prices rose sharply on Monday in London.\n{line}\n");
        let article = extract(&text, Some("2018-05-01"));
        let found: Vec<(String, String, Option<String>)> = article
            .credits
            .iter()
            .map(|c| {
                (
                    serde_json::to_value(c.role)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string(),
                    c.name.clone(),
                    c.alias.clone(),
                )
            })
            .collect();
        assert_eq!(found, credits, "credits of {line:?}");
        if !credits.is_empty() {
            assert_eq!(article.sentences.len(), 1, "{line:?} is no sentence");
        }
    }
}

#[test]
fn seed_story() {
    let text = include_str!("../../../examples/tehran.txt");
    let article = extract(text, Some("2018-05-13"));
    let dateline = article.dateline.as_ref().unwrap();
    assert_eq!(
        (dateline.start, dateline.end, dateline.place.as_str()),
        (0, 16, "Tehran")
    );
    assert_eq!(dateline.date.as_deref(), Some("2018-05-13"));
    assert_eq!(
        extract(text, None).dateline.unwrap().date.as_deref(),
        Some("XXXX-05-13")
    );

    let agency = &article.credits[0];
    assert_eq!(
        (agency.name.as_str(), agency.alias.as_deref(), agency.role),
        ("Young Journalists Club", Some("YJC"), CreditRole::Agency)
    );
    assert_eq!(agency.text, "TEHRAN, Young Journalists Club (YJC) –");
    let source = &article.credits[1];
    assert_eq!(
        (source.start, source.end, source.name.as_str(), source.role),
        (2832, 2848, "Press TV", CreditRole::Source)
    );

    assert_eq!(article.paragraphs.len(), 15);
    assert_eq!(article.sentences.len(), 16);
    assert_eq!(article.sentences[0].start, 17);
    let chars: Vec<char> = text.chars().collect();
    let sentence = |n: usize| {
        chars[article.sentences[n].start..article.sentences[n].end]
            .iter()
            .collect::<String>()
    };
    assert!(sentence(1).starts_with("Bahrami is currently"));
    assert!(
        sentence(12).starts_with("\"After the victory") && sentence(12).ends_with("Baqeri said.")
    );
    assert!(sentence(15).ends_with("later on Sunday."));
    assert!((0..16).all(|n| !sentence(n).contains("Source: Press TV")));
}

#[test]
fn hard_wrapped_reuters_copy() {
    let text = "\nTOWER REPORT DIMINISHES REAGAN'S HOPES OF REBOUND\n    By Michael Gelb, Reuters\n    WASHINGTON, Feb 26 - The Tower Commission report, which\nsays President Reagan was ignorant of much of the Iran arms\ndeal, just about ends his prospects of regaining political\nlost ground, analysts said.\n    Reagan's popularity is sure to drop. Mr. Reagan\nwill speak on March 4.\n Reuter\n";
    let article = extract(text, Some("1987-02-26"));
    assert_eq!(
        article.title.as_ref().unwrap().text,
        "TOWER REPORT DIMINISHES REAGAN'S HOPES OF REBOUND"
    );
    let names: Vec<(&str, CreditRole)> = article
        .credits
        .iter()
        .map(|c| (c.name.as_str(), c.role))
        .collect();
    assert_eq!(
        names,
        [
            ("Michael Gelb", CreditRole::Author),
            ("Reuters", CreditRole::Agency),
            ("Reuter", CreditRole::Agency)
        ]
    );
    assert_eq!(article.paragraphs.len(), 2);
    let sentences: Vec<&str> = article
        .sentences
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(sentences.len(), 3);
    assert!(
        sentences[0].starts_with("The Tower Commission")
            && sentences[0].ends_with("analysts said.")
    );
    assert_eq!(sentences[2], "Mr. Reagan\nwill speak on March 4.");
}

#[test]
fn headline_without_dateline_and_crlf() {
    let text = "Stealth Over Health: Clinton Was Headed to ER\r\n\r\nThe New York Post reports that the team avoided it.\r\nShe left at 9 a.m. on Sunday.\rNobody knew.";
    let article = extract(text, None);
    assert!(article.dateline.is_none());
    assert_eq!(
        article.title.unwrap().text,
        "Stealth Over Health: Clinton Was Headed to ER"
    );
    let sentences: Vec<&str> = article
        .sentences
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(
        sentences,
        [
            "The New York Post reports that the team avoided it.",
            "She left at 9 a.m. on Sunday.",
            "Nobody knew."
        ]
    );
}

#[test]
fn a_dash_line_after_story_text_is_no_dateline() {
    // Reuters (CoNLL-2003): a note at the foot of a story, after its text.
    let text = "Tap sales began on Monday and are being held daily from 07.00 GMT to 15.00 GMT \
                until further notice.\nNOTE - Tokyo Soir Co Ltd is a specialised manufacturer.";
    let article = extract(text, None);
    assert!(article.dateline.is_none(), "{:?}", article.dateline);
    // A headline line still comes before a dateline.
    let text = "Man arrested after chase\nGLASGOW, Ky. - A man was arrested Friday.";
    let dateline = extract(text, None).dateline.expect("a dateline");
    assert_eq!(dateline.place, "Glasgow");
}

#[test]
fn rcv1_header_title_byline_and_dateline() {
    // CoNLL-2003 dev (Reuters RCV1): title, a byline of a name alone, then the dateline line.
    let text = "ATHLETICS - BAILEY IN FRONT OF FORMER CHAMPIONS .\nAdrian Warner\n\
                BERLIN 1996-08-30\nDonovan Bailey won the 100 metres in Berlin on Friday .";
    let article = extract(text, None);
    assert_eq!(
        article.title.unwrap().text,
        "ATHLETICS - BAILEY IN FRONT OF FORMER CHAMPIONS ."
    );
    let credits: Vec<(CreditRole, &str)> = article
        .credits
        .iter()
        .map(|c| (c.role, c.name.as_str()))
        .collect();
    assert_eq!(credits, [(CreditRole::Author, "Adrian Warner")]);
    let dateline = article.dateline.expect("a dateline");
    assert_eq!(
        (dateline.place.as_str(), dateline.date.as_deref()),
        ("Berlin", Some("1996-08-30"))
    );
    assert_eq!(article.sentences.len(), 1);
    // A line above the dateline that is no name stays story text.
    let text =
        "Bonds rally on data\nTraders cheered the figures .\nLONDON 1996-08-30\nBonds rose .";
    let article = extract(text, None);
    assert!(article.credits.is_empty());
    assert_eq!(article.sentences.len(), 2);
}

#[test]
fn empty_and_odd_inputs_give_well_defined_results() {
    for text in [
        "",
        " ",
        "\n\n\r\n",
        "-",
        "—",
        "(",
        "TEHRAN,",
        "A.",
        "...",
        "\u{0}",
        "LONDON, May 99 -",
        "May 13 -",
    ] {
        let article = extract(text, Some("2018-05-13"));
        let chars = text.chars().count();
        for s in &article.sentences {
            assert!(s.start <= s.end && s.end <= chars, "{text:?}");
        }
        assert!(article.dateline.is_none(), "{text:?}");
    }
}
