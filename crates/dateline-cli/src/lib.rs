//! The part of the `dateline` command that reads JSON Lines input, as a library so that it can
//! be tested and fuzzed on its own.

use dateline::{ExtractOptions, Extractor};
use serde::Deserialize;

/// An input line of `--jsonl`.
#[derive(Deserialize)]
struct InputRecord {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

/// The output line for one input line, or the error message and the error record.
pub fn extract_line(
    extractor: &Extractor,
    number: usize,
    line: &[u8],
    default_date: Option<dateline::Date>,
) -> Result<String, (String, String)> {
    let fail = |id: Option<&serde_json::Value>, message: String| {
        let record = serde_json::json!({ "id": id, "error": message });
        (format!("line {number}: {message}"), record.to_string())
    };
    let line = std::str::from_utf8(line).map_err(|e| {
        fail(
            None,
            format!("not UTF-8 (invalid byte at offset {})", e.valid_up_to()),
        )
    })?;
    let record: InputRecord = serde_json::from_str(line)
        .map_err(|e| fail(None, format!("not a JSON object with a \"text\": {e}")))?;
    let id = record.id.as_ref();
    let text = record
        .text
        .as_deref()
        .ok_or_else(|| fail(id, "no \"text\" field".to_string()))?;
    let date = match record.date.as_deref() {
        Some(date) => Some(dateline::parse_date(date).map_err(|e| fail(id, e.to_string()))?),
        None => default_date,
    };
    let id = id.map(|value| match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    Ok(extractor
        .extract(text, &ExtractOptions { date, id })
        .to_json())
}
