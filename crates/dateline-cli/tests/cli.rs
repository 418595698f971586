//! The `dateline` command: files, stdin, JSON Lines, and bad input that loses nothing.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn dateline(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dateline binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

const TEHRAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/tehran.txt");

#[test]
fn a_file_gives_one_pretty_article() {
    let out = dateline(&["extract", TEHRAN, "--date", "2018-05-13"], b"");
    assert!(out.status.success());
    let article: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(article["dateline"]["date"], "2018-05-13");
    assert_eq!(article["sentences"].as_array().unwrap().len(), 16);
}

#[test]
fn stdin_as_a_file() {
    let out = dateline(
        &["extract", "-"],
        b"LONDON, Jan. 5 (Reuters) - Prices rose.",
    );
    assert!(out.status.success());
    let article: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(article["dateline"]["agency"], "Reuters");
    assert_eq!(article["dateline"]["date"], "XXXX-01-05");
}

#[test]
fn jsonl_keeps_order_and_reports_every_bad_line() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"TEHRAN, May 13 - Iran said so.\", \"date\": \"2018-05-13\"}\n",
        "not json\n",
        "{\"id\": \"c\"}\n",
        "\n",
        "{\"id\": 4, \"text\": \"x\", \"date\": \"13/05/2018\"}\n",
        "{\"text\": \"KABUL, Afghanistan (AP) _ A bomb went off.\"}\n",
    );
    let out = dateline(&["extract", "--jsonl", "-"], input.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed record makes the exit code non-zero"
    );
    let records = json_lines(&out);
    assert_eq!(records.len(), 5, "one record per non-blank input line");
    assert_eq!(records[0]["id"], "a");
    assert_eq!(records[0]["dateline"]["date"], "2018-05-13");
    assert!(records[1]["error"]
        .as_str()
        .unwrap()
        .contains("not a JSON object"));
    assert_eq!(records[2]["id"], "c");
    assert!(records[2]["error"].as_str().unwrap().contains("text"));
    assert_eq!(records[3]["id"], 4);
    assert!(records[3]["error"].as_str().unwrap().contains("YYYY-MM-DD"));
    assert_eq!(records[4]["id"], serde_json::Value::Null);
    assert_eq!(records[4]["dateline"]["place"], "Kabul");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for line in ["line 2:", "line 3:", "line 5:"] {
        assert!(stderr.contains(line), "stderr names {line}: {stderr}");
    }
}

#[test]
fn invalid_utf8_is_an_error_record_naming_the_line() {
    let mut input =
        b"{\"id\": \"ok\", \"text\": \"Fine.\"}\n{\"id\": \"bad\", \"text\": \"caf".to_vec();
    input.extend_from_slice(&[0xE9, b'"', b'}', b'\n']);
    let out = dateline(&["extract", "--jsonl", "-"], &input);
    assert_eq!(out.status.code(), Some(1));
    let records = json_lines(&out);
    assert_eq!(records.len(), 2);
    assert!(records[1]["error"].as_str().unwrap().contains("UTF-8"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));
}

#[test]
fn large_batches_stay_in_order() {
    let input: String = (0..1500)
        .map(|n| format!("{{\"id\": \"{n}\", \"text\": \"LONDON, May 1 - Story {n}.\"}}\n"))
        .collect();
    let out = dateline(
        &["extract", "--jsonl", "-", "--threads", "2"],
        input.as_bytes(),
    );
    assert!(out.status.success());
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, (0..1500).map(|n| n.to_string()).collect::<Vec<_>>());
}

#[test]
fn a_bad_date_option_is_a_usage_error() {
    let out = dateline(&["extract", TEHRAN, "--date", "May 13"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn a_missing_file_is_reported() {
    let out = dateline(&["extract", "/nonexistent/story.txt"], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/story.txt"));
}

#[test]
fn a_closed_pipe_ends_with_a_clear_message() {
    let input: String = (0..3000)
        .map(|n| format!("{{\"id\": \"{n}\", \"text\": \"LONDON, May 1 - Story {n}.\"}}\n"))
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["extract", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away before any output
    child.stdin.take().unwrap().write_all(input.as_bytes()).ok();
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("broken pipe"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_full_disk_ends_with_a_clear_message() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["extract", TEHRAN])
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot write output"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
