//! Time per byte on hostile input, beside normal news: cost must grow linearly with input.
//!
//! `cargo bench -p dateline-benches --bench hostile`. Each input is measured with
//! `Throughput::Bytes`; compare its MB/s with `hostile/news` (the committed sample articles).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline::{ExtractOptions, Extractor};
use dateline_benches::committed_articles;

/// The hostile inputs, by name. Sizes follow the performance issue: a 10 MB article, a million
/// capitalized words in a row, 100,000 quotation marks, a 5 MB line without spaces.
fn inputs() -> Vec<(&'static str, String)> {
    let news: String = committed_articles()
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let ten_mb = news.repeat(10_000_000 / news.len() + 1);
    let capitalized =
        "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett ".repeat(100_000);
    let quotes = "\"".repeat(100_000);
    let curly = "“He said” ".repeat(20_000);
    let no_spaces = "abcdefghij".repeat(500_000);
    let brackets = format!("{}Iran{}", "(".repeat(500_000), ")".repeat(500_000));
    vec![
        ("news", news),
        ("10 MB article", ten_mb),
        ("1M capitalized words", capitalized),
        ("100k quotation marks", quotes),
        ("20k curly quotes", curly),
        ("5 MB line without spaces", no_spaces),
        ("1M nested brackets", brackets),
    ]
}

fn hostile(c: &mut Criterion) {
    let extractor = Extractor::new();
    let options = ExtractOptions::new()
        .date("2018-05-13")
        .expect("a valid date");
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (name, text) in inputs() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(extractor.extract(&text, &options)))
        });
    }
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
