//! `dateline`: structured facts from news articles on the command line.
//!
//! ```text
//! dateline extract story.txt --date 2018-05-13     one pretty JSON Article per file
//! dateline extract --jsonl corpus.jsonl > out.jsonl one Article per input line, in order
//! ```

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dateline::{ExtractOptions, Extractor};
use dateline_cli::extract_line;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

/// See the workspace manifest for why the CLI does not use the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "dateline",
    version,
    about = "Structured, evidence-linked facts from news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract facts from articles and print them as JSON (see CONTRACT.md).
    Extract(ExtractArgs),
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Plain-text article files; `-` reads standard input.
    #[arg(required_unless_present = "jsonl")]
    files: Vec<PathBuf>,
    /// Read JSON Lines of {"id", "text", "date"} from this file (`-` for standard input) and
    /// print one Article per line, in input order.
    #[arg(long, value_name = "IN", conflicts_with = "files")]
    jsonl: Option<PathBuf>,
    /// Publication date (YYYY-MM-DD) for relative dates; in JSONL input, the default for lines
    /// without a "date".
    #[arg(long)]
    date: Option<String>,
    /// Worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Command::Extract(args) = cli.command;
    match run(args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("dateline: {message}");
            ExitCode::from(2)
        }
    }
}

/// Runs the extraction. `Ok(false)` when some records failed (each was reported).
fn run(args: ExtractArgs) -> Result<bool, String> {
    if let Some(threads) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global()
            .map_err(|e| format!("cannot start {threads} threads: {e}"))?;
    }
    let default_date = match &args.date {
        Some(date) => Some(dateline::parse_date(date).map_err(|e| format!("--date: {e}"))?),
        None => None,
    };
    let extractor = Extractor::new();
    let stdout = io::stdout().lock();
    let mut out = BufWriter::with_capacity(1 << 16, stdout);
    let ok = match &args.jsonl {
        Some(path) => extract_jsonl(&extractor, open(path)?, default_date, &mut out)?,
        None => extract_files(&extractor, &args.files, default_date, &mut out)?,
    };
    out.flush().map_err(write_error)?;
    Ok(ok)
}

fn open(path: &PathBuf) -> Result<Box<dyn Read>, String> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(io::stdin().lock()));
    }
    File::open(path)
        .map(|f| Box::new(f) as Box<dyn Read>)
        .map_err(|e| format!("cannot open {}: {e}", path.display()))
}

fn write_error(e: io::Error) -> String {
    if e.kind() == io::ErrorKind::BrokenPipe {
        "output closed before all records were written (broken pipe)".to_string()
    } else {
        format!("cannot write output: {e}")
    }
}

/// One pretty JSON Article per file. A file that cannot be read is reported and skipped.
fn extract_files(
    extractor: &Extractor,
    files: &[PathBuf],
    date: Option<dateline::Date>,
    out: &mut impl Write,
) -> Result<bool, String> {
    let mut ok = true;
    for path in files {
        let mut bytes = Vec::new();
        if let Err(message) = open(path).and_then(|mut f| {
            f.read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))
        }) {
            eprintln!("dateline: {message}");
            ok = false;
            continue;
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                eprintln!(
                    "dateline: {} is not UTF-8 text (invalid byte at offset {}); convert it first, e.g. with iconv",
                    path.display(),
                    e.utf8_error().valid_up_to()
                );
                ok = false;
                continue;
            }
        };
        let options = ExtractOptions { date, id: None };
        let article = extractor.extract(&text, &options);
        writeln!(out, "{}", article.to_json_pretty()).map_err(write_error)?;
    }
    Ok(ok)
}

/// How many lines are read before they are extracted in parallel and written in order.
const BATCH_LINES: usize = 512;

/// One Article per input line, in order. A bad line is reported on stderr with its number, and
/// an `{"id", "error"}` record takes its place in the output.
fn extract_jsonl(
    extractor: &Extractor,
    input: Box<dyn Read>,
    default_date: Option<dateline::Date>,
    out: &mut impl Write,
) -> Result<bool, String> {
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let progress = progress_bar();
    let mut ok = true;
    let mut line_number = 0usize;
    let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH_LINES);
    loop {
        let mut line = Vec::new();
        let read = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("cannot read input: {e}"))?;
        if read > 0 {
            line_number += 1;
            if !line.iter().all(u8::is_ascii_whitespace) {
                batch.push((line_number, line));
            }
        }
        if batch.len() == BATCH_LINES || (read == 0 && !batch.is_empty()) {
            let results: Vec<Result<String, (String, String)>> = batch
                .par_iter()
                .map(|(number, line)| extract_line(extractor, *number, line, default_date))
                .collect();
            for result in results {
                let record = result.unwrap_or_else(|(message, record)| {
                    eprintln!("dateline: {message}");
                    ok = false;
                    record
                });
                writeln!(out, "{record}").map_err(write_error)?;
            }
            if let Some(bar) = &progress {
                bar.inc(batch.len() as u64);
            }
            batch.clear();
        }
        if read == 0 {
            break;
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(ok)
}

/// A spinner counting records, shown only when stderr is a terminal.
fn progress_bar() -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} articles, {per_sec}, {elapsed}")
            .unwrap_or(ProgressStyle::default_spinner()),
    );
    Some(bar)
}
