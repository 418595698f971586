//! Times the Rust pipeline over a JSON Lines corpus and prints one JSON line of figures.
//!
//! `cargo run --release -p dateline-benches --bin throughput -- CORPUS.jsonl [--limit N] [--threads N] [--stages a,b]`
//!
//! Extraction only: the corpus is read first and results are dropped, so the figure is the
//! pipeline's own speed. `benches/compare.py` runs this beside the CLI, Python and spaCy.

use std::time::Instant;

use dateline::{ExtractOptions, Extractor};
use dateline_benches::{bytes, read_jsonl};
use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1)?.parse::<usize>().ok())
    };
    let Some(path) = args.first() else {
        eprintln!(
            "usage: throughput CORPUS.jsonl [--limit N] [--threads N] [--stages structure,time]"
        );
        std::process::exit(2);
    };
    let limit = flag("--limit").unwrap_or(2000);
    let threads = flag("--threads").unwrap_or(1);
    let samples = read_jsonl(path.as_ref(), limit).unwrap_or_else(|| {
        eprintln!("cannot read {path}");
        std::process::exit(2);
    });
    let options: Vec<ExtractOptions> = samples
        .iter()
        .map(|s| {
            s.date
                .as_deref()
                .and_then(|d| ExtractOptions::new().date(d).ok())
                .unwrap_or_default()
        })
        .collect();

    let stages: Option<Vec<&str>> = args
        .iter()
        .position(|a| a == "--stages")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.split(',').collect());
    let built = Instant::now();
    let extractor = match &stages {
        Some(names) => Extractor::builder()
            .stages(names)
            .build()
            .unwrap_or_else(|e| {
                eprintln!("{e}");
                std::process::exit(2);
            }),
        None => Extractor::new(),
    };
    let build_seconds = built.elapsed().as_secs_f64();

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let started = Instant::now();
    let facts: usize = pool.install(|| {
        samples
            .par_iter()
            .zip(&options)
            .map(|(s, o)| extractor.extract(&s.text, o).entities.len())
            .sum()
    });
    let seconds = started.elapsed().as_secs_f64();
    let total = bytes(&samples);
    println!(
        "{{\"articles\": {}, \"bytes\": {total}, \"threads\": {threads}, \"seconds\": {seconds:.4}, \
         \"mb_per_s\": {:.2}, \"build_seconds\": {build_seconds:.4}, \"entities\": {facts}}}",
        samples.len(),
        total as f64 / seconds / 1e6
    );
}
