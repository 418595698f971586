//! `Extractor::extract` on any text, with and without a publication date: it must not panic,
//! and every article must keep its invariants (`Article::validate`) and survive a JSON round
//! trip.
#![no_main]

use std::sync::OnceLock;

use dateline::{Article, ExtractOptions, Extractor};
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options; the rest is the text (invalid UTF-8 replaced, as a
    // caller reading bytes would).
    let Some((&choice, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let options = if choice & 1 == 1 { ExtractOptions::new().date("2018-05-13").unwrap() } else { ExtractOptions::new() };
    let article = extractor().extract(&text, &options);
    if let Err(violation) = article.validate(&text) {
        panic!("{violation}");
    }
    let back: Article = serde_json::from_str(&article.to_json()).expect("the JSON parses back");
    assert_eq!(back, article);
});
