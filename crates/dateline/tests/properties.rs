//! Invariants that hold for every input, checked on generated news-like text.
//!
//! Every span lies inside the text on character boundaries and equals its reported text; every
//! entity id referred to exists; results are the same across runs and threads; the JSON parses
//! back to the same article.

mod common;

use common::{check, extractor};
use dateline::{Article, ExtractOptions};
use proptest::prelude::*;

/// Pieces of news text, odd characters and structure marks, glued at random.
fn news_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "TEHRAN, May 13 - ",
        "WASHINGTON (Reuters) - ",
        "KABUL, Afghanistan (AP) — ",
        "\n",
        "\n\n",
        "\r\n",
        "    ",
        "Afghanistan's Defense Minister Tariq Shah Bahrami ",
        "met ",
        "said ",
        "\"",
        "“",
        "”",
        "'",
        "on Friday",
        "last month",
        "more than 30 policemen",
        "killed ",
        "wounded 57 people",
        "Iran",
        "the US ",
        "Daesh",
        ". ",
        "? ",
        "Mr. ",
        "U.S. ",
        "Jan. 5",
        "1,000",
        "3.5",
        "(",
        ")",
        "—",
        "Source: Press TV",
        "Reporting by A B; Editing by C D",
        "Reuter",
        "é",
        "🙂",
        "東京",
        "\u{202e}",
        "\u{301}",
        "\0",
        "…",
        "  ",
        "Bahrami",
        "He ",
        "the minister ",
        "according to officials, ",
        "in Kabul",
        "2018",
        "XXXX",
        ":",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|parts| parts.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        news_like(),
        any::<String>(),
        "[A-Z][a-z]{0,8}( [A-Z][a-z]{0,8}){0,20}\\.?"
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: if std::env::var_os("CI").is_some() { 400 } else { 200 }, ..ProptestConfig::default() })]

    #[test]
    fn every_span_is_valid_and_every_id_exists(text in any_text(), dated in any::<bool>()) {
        let options = if dated { ExtractOptions::new().date("2018-05-13").unwrap() } else { ExtractOptions::new() };
        let article = extractor().extract(&text, &options);
        check("generated text", &text, &article);
        prop_assert_eq!(&extractor().extract(&text, &options), &article, "the same result twice");
    }
}

#[test]
fn results_are_the_same_across_threads() {
    let texts: Vec<String> = [
        include_str!("../../../examples/tehran.txt"),
        "LONDON, Jan. 5 (Reuters) - \"We will win,\" he said. Police killed 3 people.",
        "",
    ]
    .iter()
    .map(|t| t.repeat(3))
    .collect();
    let options = ExtractOptions::new().date("2018-05-13").unwrap();
    let serial: Vec<Article> = texts
        .iter()
        .map(|t| extractor().extract(t, &options))
        .collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                scope.spawn(|| {
                    texts
                        .iter()
                        .map(|t| extractor().extract(t, &options))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            assert_eq!(handle.join().unwrap(), serial);
        }
    });
    for (text, article) in texts.iter().zip(&serial) {
        check("threaded", text, article);
    }
}
