//! Throughput of the whole pipeline and of each stage, and the cost of building an Extractor.
//!
//! `cargo bench -p dateline-benches` (add `-- pipeline` etc. to pick a group). A stage alone is
//! measured as an extractor running `structure` plus that stage, since every stage reads the
//! structure stage's output; subtract `stage/structure` for the stage's own share.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline::{ExtractOptions, Extractor};
use dateline_benches::{bytes, committed_articles, corpus_articles, Sample};

fn run_all(extractor: &Extractor, samples: &[(Sample, ExtractOptions)]) {
    for (sample, options) in samples {
        black_box(extractor.extract(&sample.text, options));
    }
}

fn with_options(samples: Vec<Sample>) -> Vec<(Sample, ExtractOptions)> {
    samples
        .into_iter()
        .map(|s| {
            let options = s
                .date
                .as_deref()
                .and_then(|d| ExtractOptions::new().date(d).ok())
                .unwrap_or_default();
            (s, options)
        })
        .collect()
}

fn build(c: &mut Criterion) {
    c.bench_function("build/extractor", |b| {
        b.iter(|| black_box(Extractor::new()))
    });
}

fn pipeline(c: &mut Criterion) {
    let mut corpora = vec![("sample".to_string(), committed_articles())];
    corpora.extend(corpus_articles());
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("pipeline");
    for (name, samples) in corpora {
        group.throughput(Throughput::Bytes(bytes(&samples)));
        let samples = with_options(samples);
        group.bench_function(name, |b| b.iter(|| run_all(&extractor, &samples)));
    }
    group.finish();
}

fn stages(c: &mut Criterion) {
    let samples = committed_articles();
    let mut group = c.benchmark_group("stage");
    group.throughput(Throughput::Bytes(bytes(&samples)));
    let samples = with_options(samples);
    for stage in Extractor::new().stage_names() {
        let extractor = Extractor::builder()
            .stages(&[stage])
            .build()
            .expect("a known stage");
        group.bench_function(stage, |b| b.iter(|| run_all(&extractor, &samples)));
    }
    group.finish();
}

criterion_group!(benches, build, pipeline, stages);
criterion_main!(benches);
