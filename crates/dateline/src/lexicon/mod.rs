//! Built-in data, embedded in the binary, and the small readers over it.
//!
//! Data files live in `crates/dateline/data/` (see its README for sources and licenses). They
//! are tab-separated: one header comment line starting with `#`, then one entry a line, with
//! `|` between the values of a list field.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The rows of an embedded data file: comment and blank lines skipped, fields split on tabs.
pub(crate) fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').map(str::trim).collect())
}

/// The words of a one-word-a-line embedded data file.
pub(crate) fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    rows(data).filter_map(|row| row.first().copied())
}

const MONTHS: &str = include_str!("../../data/calendar/months.tsv");

/// The month number (1–12) of a month name or abbreviation, in any case, with or without a
/// final period: `May`, `JAN.`, `Sept`.
pub(crate) fn month_number(word: &str) -> Option<i8> {
    static TABLE: OnceLock<HashMap<String, i8>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        rows(MONTHS)
            .filter_map(|row| Some((row[0].to_ascii_lowercase(), row.get(1)?.parse().ok()?)))
            .collect()
    });
    let word = word.strip_suffix('.').unwrap_or(word);
    if word.len() < 3 || word.len() > 9 {
        return None;
    }
    table.get(word.to_ascii_lowercase().as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_any_case() {
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("FEb"), Some(2));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mayday"), None);
    }
}
