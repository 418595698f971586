//! Shared by the integration tests: one extractor, and the invariants every article keeps.
//! Each test binary compiles this module and uses only some of it.
#![allow(dead_code)]

use std::sync::OnceLock;

use dateline::{Article, Extractor};

/// One extractor for the whole test binary: building it is the slow part.
pub fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

/// Asserts every invariant of an article extracted from `text` (see [`Article::validate`]),
/// and that its JSON parses back to the same article. `what` names the input in failures.
pub fn check(what: &str, text: &str, article: &Article) {
    if let Err(violation) = article.validate(text) {
        panic!(
            "{what}: {violation}\nin a text of {} bytes: {:?}",
            text.len(),
            text.chars().take(300).collect::<String>()
        );
    }
    let back: Article = serde_json::from_str(&article.to_json()).expect("the JSON parses back");
    assert_eq!(&back, article, "{what}: serde round trip");
}
