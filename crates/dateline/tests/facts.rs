//! Quotes, casualties and events of `examples/tehran.txt`, as `tehran.expected.md` lists them,
//! and the fact stages on hostile input. Speakers, perpetrators, actors and places are compared
//! by the entity's name, looked up in the article.

use dateline::{Article, ExtractOptions, Extractor, QuoteKind};

const TEHRAN: &str = include_str!("../../../examples/tehran.txt");

fn tehran() -> Article {
    Extractor::new().extract(TEHRAN, &ExtractOptions::new().date("2018-05-13").unwrap())
}

/// The name of an entity id, or `-`.
fn name(article: &Article, id: Option<&str>) -> String {
    id.and_then(|id| article.entities.iter().find(|e| e.id == id))
        .map_or("-".to_string(), |e| e.name.clone())
}

/// The text of a character span of the article.
fn span(start: usize, end: usize) -> String {
    TEHRAN.chars().skip(start).take(end - start).collect()
}

/// Daesh is the Islamic State to the gazetteer.
fn is_daesh(name: &str) -> bool {
    matches!(name, "Daesh" | "Islamic State")
}

#[test]
fn tehran_quotes() {
    let article = tehran();
    let quotes: Vec<(QuoteKind, String, String, String)> = article
        .quotes
        .iter()
        .map(|q| {
            let speaker_span = match (q.speaker_start, q.speaker_end) {
                (Some(s), Some(e)) => span(s, e),
                _ => "-".to_string(),
            };
            (
                q.kind,
                name(&article, q.speaker.as_deref()),
                speaker_span,
                q.text.clone(),
            )
        })
        .collect();
    let has = |kind: QuoteKind, speaker: &str, speaker_span: &str, content_start: &str| {
        quotes.iter().any(|(k, s, sp, text)| {
            *k == kind
                && s == speaker
                && sp.contains(speaker_span)
                && text.starts_with(content_start)
        })
    };
    let expected = [
        (
            QuoteKind::Direct,
            "Mohammad Baqeri",
            "Baqeri",
            "After the victory of the Islamic Revolution",
        ),
        (
            QuoteKind::Reported,
            "Tariq Shah Bahrami",
            "Bahrami",
            "his trip is aimed at",
        ),
        (
            QuoteKind::Reported,
            "-",
            "Senior Iranian officials",
            "the US was relocating Daesh",
        ),
        (
            QuoteKind::Reported,
            "Seyyed Ali Khamenei",
            "Khamenei",
            "the relocation was meant",
        ),
        (
            QuoteKind::Reported,
            "Mohammad Baqeri",
            "Baqeri",
            "the Islamic Republic's affinity",
        ),
        (
            QuoteKind::Reported,
            "Tariq Shah Bahrami",
            "Bahrami",
            "his country seeks",
        ),
    ];
    for (kind, speaker, speaker_span, content) in expected {
        assert!(
            has(kind, speaker, speaker_span, content),
            "no {kind:?} quote by {speaker} ({speaker_span}) starting {content:?} in {quotes:#?}"
        );
    }
    let direct = article
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Direct)
        .unwrap();
    assert!(
        direct.text.ends_with("against the occupiers"),
        "without the marks and comma"
    );
    assert_eq!(direct.cue.as_deref(), Some("said"));
    for q in &article.quotes {
        assert_eq!(span(q.start, q.end), q.text);
    }
}

#[test]
fn tehran_casualties() {
    let article = tehran();
    let rows: Vec<_> = article
        .casualties
        .iter()
        .map(|c| {
            let time = c.time.map(|t| article.timexes[t].value.clone());
            (
                c.text.as_str(),
                c.count,
                c.min,
                c.max,
                c.approximate,
                c.victims.as_deref(),
                name(&article, c.perpetrator.as_deref()),
                name(&article, c.location.as_deref()),
                time,
            )
        })
        .collect();
    assert_eq!(rows.len(), 3, "{rows:#?}");
    let (text, count, min, max, approximate, victims, perpetrator, place, time) = &rows[0];
    assert_eq!(
        (*text, *count, *min, *max, *approximate),
        ("killed 57 people", Some(57), Some(57), Some(57), false)
    );
    assert_eq!(*victims, Some("people"));
    assert!(
        is_daesh(perpetrator),
        "the terrorist group that claimed the attack: {perpetrator}"
    );
    assert_eq!(
        (place.as_str(), time.as_deref()),
        ("Kabul", Some("2018-04"))
    );

    let (text, count, min, max, _, victims, perpetrator, place, time) = &rows[1];
    assert_eq!(
        (*text, *count, *min, *max),
        ("wounded more than 100 others", None, Some(101), None)
    );
    assert_eq!(*victims, Some("others"));
    assert!(is_daesh(perpetrator), "{perpetrator}");
    assert_eq!(
        (place.as_str(), time.as_deref()),
        ("Kabul", Some("2018-04"))
    );

    let (text, count, min, max, _, victims, perpetrator, place, time) = &rows[2];
    assert_eq!(
        (*text, *count, *min, *max),
        ("killed more than 30 policemen", None, Some(31), None)
    );
    assert_eq!(*victims, Some("policemen"));
    assert_eq!(perpetrator, "Taliban");
    assert_eq!(
        (place.as_str(), time.as_deref()),
        ("Farah Province", Some("2018-05-11"))
    );
    assert_eq!(article.casualties[0].kind, dateline::CasualtyKind::Killed);
    assert_eq!(article.casualties[1].kind, dateline::CasualtyKind::Injured);
}

#[test]
fn tehran_events() {
    let article = tehran();
    let events: Vec<_> = article
        .events
        .iter()
        .map(|e| {
            let names = |ids: &[String]| -> Vec<String> {
                ids.iter().map(|id| name(&article, Some(id))).collect()
            };
            (
                e.kind.as_str(),
                e.trigger.as_str(),
                names(&e.actors),
                names(&e.targets),
                name(&article, e.location.as_deref()),
                e.time.map(|t| article.timexes[t].value.clone()),
            )
        })
        .collect();
    let find = |kind: &str, trigger: &str| {
        events
            .iter()
            .find(|e| e.0 == kind && e.1 == trigger)
            .unwrap_or_else(|| panic!("no {kind} event at {trigger:?} in {events:#?}"))
    };
    let bahrami = "Tariq Shah Bahrami".to_string();

    let met = find("MEET", "met");
    assert_eq!(
        met.2,
        [bahrami.clone(), "Mohammad Baqeri".to_string()],
        "he = Bahrami"
    );
    assert_eq!(
        (met.4.as_str(), met.5.as_deref()),
        ("Tehran", Some("2018-05-13"))
    );

    let talks = find("MEET", "holding talks with");
    assert_eq!(talks.2, [bahrami.clone(), "Amir Hatami".to_string()]);
    assert_eq!(talks.4, "Tehran");

    let visit = find("VISIT", "traveled to");
    assert_eq!(
        (&visit.2, &visit.3),
        (&vec![bahrami.clone()], &vec!["Iran".to_string()]),
        "the Afghan minister"
    );
    assert_eq!(visit.5.as_deref(), Some("2018-05-12"));
    let visit_tehran = find("VISIT", "visit to");
    assert_eq!(visit_tehran.4, "Tehran");

    let kabul = find("ATTACK", "attack");
    assert!(kabul.2.len() == 1 && is_daesh(&kabul.2[0]), "{kabul:?}");
    assert_eq!(
        (kabul.4.as_str(), kabul.5.as_deref()),
        ("Kabul", Some("2018-04"))
    );

    let farah = events
        .iter()
        .find(|e| e.0 == "ATTACK" && e.2 == ["Taliban"])
        .unwrap_or_else(|| panic!("no Taliban attack in {events:#?}"));
    assert_eq!(
        (farah.4.as_str(), farah.5.as_deref()),
        ("Farah Province", Some("2018-05-11"))
    );

    let invasion = find("INVADE", "invasion");
    assert_eq!(invasion.2, ["United States"]);
    assert_eq!(
        (invasion.4.as_str(), invasion.5.as_deref()),
        ("Afghanistan", Some("2001"))
    );
    let invaded = find("INVADE", "invaded");
    assert_eq!(
        (&invaded.2, &invaded.3),
        (
            &vec!["United States".to_string()],
            &vec!["Afghanistan".to_string()]
        )
    );

    let shamkhani = find("MEET", "sit down with");
    assert_eq!(
        shamkhani.2,
        [bahrami, "Ali Shamkhani".to_string()],
        "he is expected to sit down"
    );
    assert_eq!(
        (shamkhani.4.as_str(), shamkhani.5.as_deref()),
        ("Tehran", Some("2018-05-13"))
    );

    let cameo = |kind: &str| {
        article
            .events
            .iter()
            .find(|e| e.kind == kind)
            .map(|e| e.cameo.as_str())
    };
    assert_eq!(cameo("MEET"), Some("040"));
    assert_eq!(cameo("VISIT"), Some("042"));
    assert_eq!(cameo("INVADE"), Some("192"));
}

#[test]
fn fact_stages_run_alone() {
    // Without entities and times, facts keep their spans and lose only their links.
    for stage in ["quotes", "casualties", "events"] {
        let extractor = Extractor::builder().stages(&[stage]).build().unwrap();
        let article = extractor.extract(TEHRAN, &ExtractOptions::new());
        match stage {
            "quotes" => {
                assert!(article.quotes.len() >= 5, "{:?}", article.quotes);
                assert!(article.quotes.iter().all(|q| q.speaker.is_none()));
                assert!(article.quotes.iter().any(|q| q.speaker_start.is_some()));
            }
            "casualties" => {
                assert_eq!(article.casualties.len(), 3);
                assert!(article
                    .casualties
                    .iter()
                    .all(|c| c.perpetrator.is_none() && c.time.is_none()));
            }
            _ => assert!(article.events.is_empty(), "no actors without entities"),
        }
    }
}

#[test]
fn quotation_marks_paired_without_losing_the_story() {
    let extractor = Extractor::new();
    let options = ExtractOptions::new();
    let text = "“We will not leave,” the minister said on Friday.\n\n\
                “This is the first paragraph of a long statement.\n\n\
                “And this is the second one, which ends it,” he said.\n\n\
                A stray mark “ stands here, and one ”opens here but never closes.\n\n\
                \"Straight marks work too,\" said Ali Shamkhani.\n\n\
                Officials said the talks would resume next week.";
    let article = extractor.extract(text, &options);
    let texts: Vec<&str> = article.quotes.iter().map(|q| q.text.as_str()).collect();
    assert!(texts.contains(&"We will not leave"), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("This is the first") && t.ends_with("which ends it")),
        "one quote over two paragraphs: {texts:?}"
    );
    assert!(texts.contains(&"Straight marks work too"), "{texts:?}");
    assert!(
        texts.contains(&"the talks would resume next week"),
        "{texts:?}"
    );
    let straight = article
        .quotes
        .iter()
        .find(|q| q.text == "Straight marks work too")
        .unwrap();
    let speaker: String = text
        .chars()
        .skip(straight.speaker_start.unwrap())
        .take(straight.speaker_end.unwrap() - straight.speaker_start.unwrap())
        .collect();
    assert_eq!(speaker, "Ali Shamkhani");
}

#[test]
fn speakers_of_direct_quotes() {
    let text = "''It has the virtue of being responsible,'' Leonard Burman said of the plan.\n\n\
                “We won,” Smith said.\n\n\
                Jones continued: “They lost everything in the end.”\n\n\
                Limbaugh added:\n\n\
                “This reeks of fear and desperation, folks.”\n\n\
                Secretary General Ban Ki-moon condemned what he called a “brazen breach” of rules.\n\n\
                Said Ellis: “I don't get the sense she is interested.”\n\n\
                Cruz called Trump a “pathological liar.”";
    let article = Extractor::new().extract(text, &ExtractOptions::new());
    let pairs: Vec<(&str, String)> = article
        .quotes
        .iter()
        .map(|q| {
            let speaker = match (q.speaker_start, q.speaker_end) {
                (Some(start), Some(end)) => text.chars().skip(start).take(end - start).collect(),
                _ => "-".to_string(),
            };
            (q.text.as_str(), speaker)
        })
        .collect();
    for (quote, speaker) in [
        ("It has the virtue of being responsible", "Leonard Burman"),
        ("We won", "Smith"),
        ("They lost everything in the end", "Jones"),
        ("This reeks of fear and desperation, folks", "Limbaugh"),
        ("brazen breach", "Ban Ki-moon"),
        ("I don't get the sense she is interested", "Ellis"),
        ("pathological liar", "Cruz"),
    ] {
        assert!(
            pairs
                .iter()
                .any(|(q, s)| *q == quote && s.contains(speaker)),
            "{quote:?} by {speaker}: {pairs:#?}"
        );
    }
}

#[test]
fn hostile_input_is_safe() {
    let extractor = Extractor::new();
    let options = ExtractOptions::new();
    let marks = "\"".repeat(10_000);
    let curly = "“".repeat(5_000) + &"”".repeat(5_000);
    let mixed = "He said “yes” and “no” and \" and ” then „ok« ». ".repeat(500);
    let said = "said said said, said: \"".repeat(1_000);
    for text in [
        "",
        "\"",
        "“",
        "”",
        "said",
        ", said",
        "according to",
        marks.as_str(),
        curly.as_str(),
        mixed.as_str(),
        said.as_str(),
        "Köln 🙂 „Zitat“ sagte er.",
    ] {
        let article = extractor.extract(text, &options);
        let chars = text.chars().count();
        for q in &article.quotes {
            assert!(q.start <= q.end && q.end <= chars);
        }
        for e in &article.events {
            assert!(e.start <= e.end && e.end <= chars);
        }
    }
}

#[test]
fn a_described_speaker_before_the_cue_is_no_content() {
    // Real sentences (PolNeAR): the speaker and an appositive come before `said`, the content
    // after it; the last is the inverted attribution, content first.
    let cases = [
        (
            "The state's campaign chairman, Phil Lovas, said he cannot comment on the letter \
             because he has not seen it.",
            "he cannot comment on the letter because he has not seen it",
            "The state's campaign chairman, Phil Lovas",
        ),
        (
            "Rendell, a Clinton surrogate, said he'd battled through three bouts of walking \
             pneumonia in his gubernatorial campaigns.",
            "he'd battled through three bouts of walking pneumonia in his gubernatorial campaigns",
            "Rendell, a Clinton surrogate",
        ),
        // A name opens the sentence; a description or a relative clause stands before the cue.
        (
            "Phil Smith, a spokesman for the United Mine Workers of America, said the union \
             expected production to improve at the mine.",
            "the union expected production to improve at the mine",
            "Phil Smith",
        ),
        (
            "Derek Mitchell, who served as U.S. ambassador to Burma from 2012 until earlier this \
             year, said Clinton reached out to McConnell on Burma.",
            "Clinton reached out to McConnell on Burma",
            "Derek Mitchell",
        ),
        // A second verb of the sentence's subject.
        (
            "Donald Trump, her Republican opponent, bemoaned the unrest in Charlotte and said he \
             thought that drugs were a big factor in the violence.",
            "he thought that drugs were a big factor in the violence",
            "Donald Trump",
        ),
        (
            "The talks will go on, said Foreign Minister Sergei Lavrov.",
            "The talks will go on",
            "Foreign Minister Sergei Lavrov",
        ),
        (
            "Its first national television ad could start this week, said Brian Baker, a \
             longtime political adviser to the Ricketts family who oversees the campaign.",
            "Its first national television ad could start this week",
            "Brian Baker",
        ),
    ];
    for (text, content, speaker) in cases {
        let article = dateline::extract(text);
        let quote = article.quotes.first().expect("a quote");
        let chars = |s: usize, e: usize| -> String { text.chars().skip(s).take(e - s).collect() };
        assert_eq!(chars(quote.start, quote.end), content);
        let (s, e) = (quote.speaker_start.unwrap(), quote.speaker_end.unwrap());
        assert_eq!(chars(s, e), speaker);
    }
}

#[test]
fn a_title_or_a_word_in_quotation_marks_leaves_reported_speech_alone() {
    // PolNeAR: marks around a title or one word are no quote the cue could attribute.
    let cases = [
        (
            "As a reality TV boss on “The Apprentice,” Donald Trump repeatedly demeaned women \
             with sexist language, according to show insiders.",
            "Donald Trump repeatedly demeaned women with sexist language",
        ),
        (
            "More than 100,000 people took part in a nationwide “walk-in” at more than 2,000 \
             schools in 238 cities, according to the event organizer.",
            "More than 100,000 people took part in a nationwide “walk-in” at more than 2,000 \
             schools in 238 cities",
        ),
    ];
    for (text, content) in cases {
        let article = dateline::extract(text);
        let reported: Vec<&str> = article
            .quotes
            .iter()
            .filter(|q| q.kind == dateline::QuoteKind::Reported)
            .map(|q| q.text.as_str())
            .collect();
        assert!(
            reported.iter().any(|q| q.ends_with(content)),
            "{reported:?}"
        );
    }
}
