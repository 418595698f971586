//! One line of `dateline extract --jsonl` input: either an article or an error record, both
//! valid JSON, never a panic.
#![no_main]

use std::sync::OnceLock;

use dateline::Extractor;
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

fuzz_target!(|data: &[u8]| {
    let output = match dateline_cli::extract_line(extractor(), 1, data, None) {
        Ok(article) => article,
        Err((message, record)) => {
            assert!(message.starts_with("line 1: "));
            record
        }
    };
    let value: serde_json::Value = serde_json::from_str(&output).expect("every output line is JSON");
    assert!(value.is_object());
});
