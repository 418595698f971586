//! The casualties stage on real news sentences: `tests/data/casualty_cases.tsv` holds each
//! sentence with its source and the casualties a reader finds in it, including sentences whose
//! numbers are ages, years, dates, sums or animals and must give nothing.

use dateline::{Casualty, CasualtyKind, ExtractOptions, Extractor};

/// One casualty as the table writes it: `killed/-/101/-/people`, `injured/70/-/-/others/approx`.
fn describe(c: &Casualty) -> String {
    let number = |n: Option<u64>| n.map_or("-".to_string(), |n| n.to_string());
    let kind = match c.kind {
        CasualtyKind::Killed => "killed",
        CasualtyKind::Injured => "injured",
        CasualtyKind::Missing => "missing",
        CasualtyKind::Kidnapped => "kidnapped",
        CasualtyKind::Arrested => "arrested",
        CasualtyKind::Displaced => "displaced",
    };
    let mut out = format!(
        "{kind}/{}/{}/{}/{}",
        number(c.count),
        number(c.min),
        number(c.max),
        c.victims.as_deref().unwrap_or("-")
    );
    if c.approximate {
        out.push_str("/approx");
    }
    out
}

#[test]
fn casualties_in_real_sentences() {
    let table = include_str!("data/casualty_cases.tsv");
    let extractor = Extractor::builder()
        .stages(&["casualties"])
        .build()
        .unwrap();
    let mut cases = 0;
    let mut without_casualties = 0;
    let mut failures = Vec::new();
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let [source, sentence, expected] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("casualty_cases.tsv: a row needs 3 fields: {line:?}")
        };
        let article = extractor.extract(sentence, &ExtractOptions::new());
        let found: Vec<String> = article.casualties.iter().map(describe).collect();
        let found = if found.is_empty() {
            "none".to_string()
        } else {
            found.join("; ")
        };
        if found != expected {
            failures.push(format!(
                "{source}: {sentence}\n  expected {expected}\n  found    {found}"
            ));
        }
        for c in &article.casualties {
            let evidence: String = sentence
                .chars()
                .skip(c.start)
                .take(c.end - c.start)
                .collect();
            assert_eq!(evidence, c.text, "{source}: evidence span");
        }
        cases += 1;
        without_casualties += usize::from(expected == "none");
    }
    assert!(cases >= 60, "only {cases} cases");
    assert!(
        without_casualties >= 15,
        "only {without_casualties} cases without casualties"
    );
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn counts_qualifiers_and_vague_amounts() {
    let extractor = Extractor::new();
    let one = |text: &str| {
        let article = extractor.extract(text, &ExtractOptions::new());
        assert_eq!(
            article.casualties.len(),
            1,
            "{text}: {:?}",
            article.casualties
        );
        describe(&article.casualties[0])
    };
    assert_eq!(
        one("The blast killed twenty-five people."),
        "killed/25/25/25/people"
    );
    assert_eq!(
        one("A dozen soldiers were wounded."),
        "injured/12/12/12/soldiers"
    );
    assert_eq!(
        one("Scores of civilians were killed."),
        "killed/-/40/-/civilians/approx"
    );
    assert_eq!(
        one("Nearly 30 people died."),
        "killed/30/-/30/people/approx"
    );
    assert_eq!(one("Up to 40 people are missing."), "missing/-/-/40/people");
    assert_eq!(
        one("Fewer than 10 people were hurt."),
        "injured/-/-/9/people"
    );
    assert_eq!(
        one("Gunmen abducted three hundred and twelve students."),
        "kidnapped/312/312/312/students"
    );
    assert_eq!(
        one("The death toll rose to 57 on Monday."),
        "killed/57/57/57/-"
    );
    assert_eq!(
        one("The floods displaced 1.5 million people."),
        "displaced/1500000/1500000/1500000/people"
    );
}

#[test]
fn numbers_that_count_no_casualties() {
    let extractor = Extractor::new();
    for text in [
        "30 policemen were deployed around the stadium.",
        "The 45-year-old man was arrested in 1998.",
        "He paid $30 million to the families of those killed.",
        "Turnout fell 30 percent after the attack killed the mayor.",
        "He was killed at 3:30 p.m. on Friday.",
    ] {
        let article = extractor.extract(text, &ExtractOptions::new());
        assert!(
            article.casualties.is_empty(),
            "{text}: {:?}",
            article.casualties
        );
    }
}

#[test]
fn any_input_is_safe() {
    let extractor = Extractor::new();
    let long_numbers = "killed 9999999999999999999999 people and ".repeat(200);
    for text in [
        "",
        " ",
        "killed",
        "57 killed",
        "killed more than",
        "Dozens",
        "ÄÖÜ killed ९ people; 東京 wounded 3",
        long_numbers.as_str(),
    ] {
        let article = extractor.extract(text, &ExtractOptions::new());
        for c in &article.casualties {
            assert!(c.start <= c.end && c.end <= text.chars().count());
        }
    }
}
