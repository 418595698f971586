//! Hostile input: nothing panics, every result keeps the invariants, and nothing is lost.
//!
//! Sizes are small enough for CI; `benches/benches/hostile.rs` runs the big versions and
//! measures their time per byte.

mod common;

use common::{check, extractor};
use dateline::ExtractOptions;

fn run(name: &str, text: &str) {
    let options = ExtractOptions::new().date("2018-05-13").unwrap();
    let article = extractor().extract(text, &options);
    check(name, text, &article);
}

#[test]
fn empty_and_blank() {
    for text in ["", " ", "\n", "\t\r\n \u{a0}\u{2028}\u{3000}", "\r\r\r"] {
        let article = extractor().extract(text, &ExtractOptions::new());
        check("blank", text, &article);
        assert!(
            article.sentences.is_empty()
                && article.entities.is_empty()
                && article.dateline.is_none()
        );
    }
}

#[test]
fn a_megabyte_without_a_newline() {
    let line = "The minister said on Friday that Iran and Afghanistan met in Kabul, and 30 people were killed. ";
    let text = line.repeat(1_000_000 / line.len());
    run("1 MB line", &text);
    let no_spaces = "x".repeat(1_000_000);
    run("1 MB word", &no_spaces);
}

#[test]
fn a_hundred_thousand_quotation_marks() {
    run("straight", &"\"".repeat(100_000));
    run("curly", &"“ said ”".repeat(20_000));
    run(
        "unbalanced in story",
        &format!(
            "He said \"yes. {} And \"no\", she said.",
            "Iran met Iraq. ".repeat(1000)
        ),
    );
}

#[test]
fn a_hundred_thousand_capitalized_words() {
    let text = "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett ".repeat(10_000);
    run("capitalized", &text);
    run("all caps", &text.to_uppercase());
}

#[test]
fn deeply_nested_brackets() {
    let depth = 50_000;
    let text = format!("{}Iran said so{}", "(".repeat(depth), ")".repeat(depth));
    run("nested", &text);
    run("open only", &"([{<“'".repeat(depth / 6));
}

#[test]
fn every_unicode_category() {
    let text: String = (0u32..0x3_0000)
        .step_by(7)
        .filter_map(char::from_u32)
        .collect();
    run("every category", &text);
    run(
        "rtl",
        "طهران، 13 مايو - قال وزير الدفاع الأفغاني \u{202e}Tehran\u{202c} في طهران.",
    );
    run(
        "combining",
        "Ira\u{301}n\u{301} sai\u{308}d, Ka\u{303}bul. Q\u{20dd}.",
    );
    run(
        "emoji",
        "🙂 TEHRAN, May 13 - 👨‍👩‍👧 Iran 🇮🇷 said “🙂” on Friday.",
    );
    run(
        "nul and controls",
        "TEHRAN\0, May 13 - Iran\u{7} said\u{1b}[31m so.\u{0}",
    );
}

#[test]
fn mixed_line_ends_and_html() {
    run(
        "mixed",
        "TEHRAN, May 13 - Iran said so.\r\nIraq agreed.\rSyria did not.\n\r\nSource: Press TV\r",
    );
    run(
        "html",
        "<html><body><p>TEHRAN, May 13 - <b>Iran</b> said &quot;no&quot; on Friday.</p><script>var a = \"<\";</script></body></html>",
    );
}

/// The inputs with which the fuzzer (`fuzz/fuzz_targets/extract.rs`) once broke an invariant,
/// kept as its target reads them: the first byte picks the options, the rest is the text.
#[test]
fn inputs_the_fuzzer_found() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/data/fuzz")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let data = std::fs::read(&path).expect("a fuzz input");
        let Some((&choice, rest)) = data.split_first() else {
            continue;
        };
        let text = String::from_utf8_lossy(rest);
        let options = if choice & 1 == 1 {
            ExtractOptions::new().date("2018-05-13").unwrap()
        } else {
            ExtractOptions::new()
        };
        let article = extractor().extract(&text, &options);
        check(&path.display().to_string(), &text, &article);
    }
}
