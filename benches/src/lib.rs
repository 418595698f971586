//! Sample articles shared by the Criterion benches and the comparison scripts.

use std::path::{Path, PathBuf};

/// Every bench and the `throughput` binary link this library, so all of them measure the
/// pipeline with the allocator the CLI and the Python module use (see the workspace manifest).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One article: its text and publication date.
pub struct Sample {
    pub text: String,
    pub date: Option<String>,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("benches/ lies in the repository")
        .to_path_buf()
}

/// The committed sample: the seed story and 30 Wikinews articles.
pub fn committed_articles() -> Vec<Sample> {
    let root = repo_root();
    let seed =
        std::fs::read_to_string(root.join("examples/tehran.txt")).expect("examples/tehran.txt");
    let mut samples = vec![Sample {
        text: seed,
        date: Some("2018-05-13".into()),
    }];
    samples.extend(
        read_jsonl(&root.join("benches/data/wikinews.jsonl"), usize::MAX).unwrap_or_default(),
    );
    samples
}

/// The first 2,000 stories of a larger corpus read at run time, when there is one:
/// `DATELINE_BENCH_CORPUS`, else the Reuters development set in `../shared/eval/data`.
pub fn corpus_articles() -> Option<(String, Vec<Sample>)> {
    let path = std::env::var_os("DATELINE_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared/eval/data/reuters_datelines_dev.jsonl"));
    let samples = read_jsonl(&path, 2000)?;
    let name = path.file_stem()?.to_string_lossy().into_owned();
    Some((name, samples))
}

/// Reads up to `limit` lines of `{"text", "date" | "dct"}`.
pub fn read_jsonl(path: &Path, limit: usize) -> Option<Vec<Sample>> {
    let data = std::fs::read_to_string(path).ok()?;
    let samples = data
        .lines()
        .take(limit)
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|row| {
            let text = row["text"].as_str()?.to_string();
            let date = row
                .get("date")
                .or(row.get("dct"))
                .and_then(|d| d.as_str())
                .map(String::from);
            Some(Sample { text, date })
        })
        .collect();
    Some(samples)
}

/// Total size in bytes.
pub fn bytes(samples: &[Sample]) -> u64 {
    samples.iter().map(|s| s.text.len() as u64).sum()
}
