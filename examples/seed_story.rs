//! Reads the seed story and prints what dateline found, fact by fact.
//!
//! `cargo run --release -p dateline --example seed_story` (from the repository root).

use dateline::{Article, ExtractOptions, Extractor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/tehran.txt");
    let text = std::fs::read_to_string(path)?;
    let extractor = Extractor::new();
    let article = extractor.extract(&text, &ExtractOptions::new().date("2018-05-13")?);

    let span = |start: usize, end: usize| &text[Article::byte_span(&text, start, end)];
    if let Some(d) = &article.dateline {
        println!(
            "dateline  {:?}: {} {}",
            d.text,
            d.place,
            d.date.as_deref().unwrap_or("?")
        );
    }
    for c in &article.credits {
        println!("credit    {:?} ({:?})", c.name, c.role);
    }
    println!("sentences {}", article.sentences.len());
    for e in &article.entities {
        let mentions: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
        println!(
            "entity    {} {:?} {:?} {:?}",
            e.id, e.label, e.name, mentions
        );
    }
    for t in &article.timexes {
        println!("time      {:?} = {}", span(t.start, t.end), t.value);
    }
    for q in &article.quotes {
        println!("quote     {:?} by {:?}", span(q.start, q.end), q.speaker);
    }
    for c in &article.casualties {
        println!("casualty  {:?}: {:?} {:?}", c.text, c.kind, c.min);
    }
    for e in &article.events {
        println!("event     {} {:?} {:?}", e.kind, e.trigger, e.actors);
    }
    Ok(())
}
