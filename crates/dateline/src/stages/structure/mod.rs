//! The structure stage: title, dateline, credits, paragraphs, sentences and tokens.
//!
//! It reads the article line by line. The first few lines may hold a headline, a byline and the
//! dateline; the lines after the dateline may hold a second, agency dateline; the last lines
//! may hold credits (`Source: …`, `Reporting by …`, `Reuter`). Everything else is story text,
//! cut into paragraphs (blank lines, indented paragraph starts, or one line a paragraph when
//! the text is not hard-wrapped) and then into sentences.

mod credits;
mod dateline;
mod scan;
mod sentences;

use std::ops::Range;

use credits::{CreditReader, LineCredit};
use sentences::{SentenceSplitter, Tokens};

use super::Stage;
use crate::article::{Credit, Dateline, TextRange, Title};
use crate::document::Document;
use crate::lexicon;

/// How many non-blank lines at the top may come before the dateline (headline, byline).
const HEADER_LINES: usize = 5;
/// Lines longer than this are story text, never a headline, byline or credit.
const MAX_HEADER_LINE: usize = 200;
/// How many non-blank lines at the end are read for credits.
const TRAILER_LINES: usize = 4;
/// A text whose lines are all at most this long is taken to be hard-wrapped.
const WRAP_WIDTH: usize = 100;

const AGENCIES: &str = include_str!("../../../data/structure/agencies.txt");

pub(crate) struct Structure {
    credits: CreditReader,
    sentences: SentenceSplitter,
    /// Agencies that sign off a story or stand bare in a dateline.
    agencies: Vec<&'static str>,
}

/// A line of the text, without its line break.
#[derive(Debug, Clone)]
struct Line {
    range: Range<usize>,
    /// Bytes of leading spaces and tabs.
    indent: usize,
    /// Where story text starts on this line; `None` for blank, title and credit lines.
    body_from: Option<usize>,
}

impl Line {
    fn content(&self) -> Range<usize> {
        self.range.start + self.indent..self.range.end
    }
}

impl Structure {
    pub fn new() -> Structure {
        let agencies: Vec<&'static str> = lexicon::words(AGENCIES).collect();
        Structure {
            credits: CreditReader::new(agencies.clone()),
            sentences: SentenceSplitter::new(),
            agencies,
        }
    }
}

impl Stage for Structure {
    fn run(&self, doc: &mut Document<'_>) {
        let text = doc.text;
        let mut lines = split_lines(text);
        let mut non_blank: Vec<usize> = Vec::with_capacity(lines.len());
        non_blank.extend((0..lines.len()).filter(|&i| lines[i].body_from.is_some()));

        let dateline_line = self.read_header(doc, &mut lines, &non_blank);
        if let Some(at) = dateline_line {
            self.read_agency_line(doc, &mut lines, &non_blank, at);
        }
        self.read_trailer(doc, &mut lines, &non_blank, dateline_line);

        doc.paragraphs = paragraphs(text, &lines);
        // Room for all but the rarest stories, so that the vectors seldom grow.
        let mut sentences = Vec::with_capacity(text.len() / 32 + 1);
        let mut tokens = Tokens::with_capacity(text.len() / 4);
        for paragraph in &doc.paragraphs {
            self.sentences
                .split(text, paragraph.clone(), &mut sentences, &mut tokens);
        }
        doc.article.paragraphs = doc
            .paragraphs
            .iter()
            .map(|r| TextRange {
                start: r.start,
                end: r.end,
            })
            .collect();
        doc.article.sentences = sentences
            .iter()
            .map(|r| TextRange {
                start: r.start,
                end: r.end,
            })
            .collect();
        doc.sentence_tokens = tokens.sentence_tokens;
        doc.sentences = sentences;
        doc.tokens = tokens.tokens;
        doc.compound_words = tokens.compound_words;
        doc.words_not_all_letters = tokens.words_not_all_letters;
    }
}

impl Structure {
    /// Reads headline, byline and dateline from the top lines. Returns the index (into
    /// `non_blank`) of the dateline's line.
    fn read_header(
        &self,
        doc: &mut Document<'_>,
        lines: &mut [Line],
        non_blank: &[usize],
    ) -> Option<usize> {
        let text = doc.text;
        let mut header_lines: Vec<usize> = Vec::new();
        let header = &non_blank[..non_blank.len().min(HEADER_LINES)];
        for (n, &i) in header.iter().enumerate() {
            let content = lines[i].content();
            let line = &text[content.clone()];
            if let Some(found) = dateline::parse(line, &self.agencies) {
                // `PRESS DIGEST - Iraq - Aug 22` reads as a dateline with neither date nor
                // agency; when a dated one follows (`BAGHDAD 1996-08-22`), it was a headline.
                let bare = found.date.is_none() && found.agency.is_none();
                if bare && self.dated_dateline_follows(text, lines, &header[n + 1..]) {
                    header_lines.push(i);
                    continue;
                }
                let span = content.start + found.span.start..content.start + found.span.end;
                let at = |r: Range<usize>| content.start + r.start..content.start + r.end;
                let date = found.date.and_then(|d| d.value(doc.publication_date));
                doc.article.dateline = Some(Dateline {
                    start: span.start,
                    end: span.end,
                    text: text[span.clone()].to_string(),
                    place: title_case_if_capitals(&text[at(found.place)]),
                    place_entity: None,
                    region: found
                        .region
                        .map(|r| text[at(r)].trim_end_matches(',').to_string()),
                    date,
                    agency: found.agency.map(|r| text[at(r)].to_string()),
                });
                lines[i].body_from = Some(span.end);
                // Lines above the dateline: the first is the title, a name alone on a line
                // is the byline; any other line stays story text.
                if let Some((&first, others)) = header_lines.split_first() {
                    doc.article.title = Some(title(text, lines[first].content()));
                    lines[first].body_from = None;
                    for &h in others {
                        let content = lines[h].content();
                        if let Some(byline) = self.credits.bare_byline(&text[content.clone()]) {
                            add_credits(doc, content.start, vec![byline]);
                            lines[h].body_from = None;
                        }
                    }
                }
                return Some(n);
            }
            // Story text ends the header: a dateline comes before it.
            if line.len() > MAX_HEADER_LINE || is_prose(line) {
                break;
            }
            let found = self.credits.read(line);
            if !found.is_empty() {
                add_credits(doc, content.start, found);
                lines[i].body_from = None;
            } else {
                header_lines.push(i);
            }
        }
        // No dateline: the first line is a headline when it stands apart from the story.
        if let Some(&first) = non_blank.first() {
            if lines[first].body_from.is_some() && looks_like_headline(text, lines, first) {
                doc.article.title = Some(title(text, lines[first].content()));
                lines[first].body_from = None;
            }
        }
        None
    }

    /// Whether one of the header lines after a bare dateline holds a dateline with a date.
    fn dated_dateline_follows(&self, text: &str, lines: &[Line], later: &[usize]) -> bool {
        later.iter().any(|&i| {
            dateline::parse(&text[lines[i].content()], &self.agencies)
                .is_some_and(|found| found.date.is_some())
        })
    }

    /// A second dateline-shaped line with an agency, right after the dateline:
    /// `TEHRAN, Young Journalists Club (YJC) –`.
    fn read_agency_line(
        &self,
        doc: &mut Document<'_>,
        lines: &mut [Line],
        non_blank: &[usize],
        dateline_at: usize,
    ) {
        for &i in non_blank.iter().skip(dateline_at + 1).take(2) {
            let content = lines[i].content();
            let line = &doc.text[content.clone()];
            let Some(found) = dateline::parse(line, &self.agencies) else {
                continue;
            };
            if let Some(credit) = CreditReader::agency_line(line, &found) {
                lines[i].body_from = Some(content.start + found.span.end);
                add_credits(doc, content.start, vec![credit]);
                return;
            }
        }
    }

    /// Credit lines at the end of the story.
    fn read_trailer(
        &self,
        doc: &mut Document<'_>,
        lines: &mut [Line],
        non_blank: &[usize],
        dateline_at: Option<usize>,
    ) {
        let first_allowed = dateline_at.map_or(0, |d| d + 1);
        let from = non_blank
            .len()
            .saturating_sub(TRAILER_LINES)
            .max(first_allowed);
        for &i in &non_blank[from.min(non_blank.len())..] {
            if lines[i].body_from != Some(lines[i].range.start) {
                continue; // already a header line, or a dateline line
            }
            let content = lines[i].content();
            let found = self.credits.read(&doc.text[content.clone()]);
            if !found.is_empty() {
                add_credits(doc, content.start, found);
                lines[i].body_from = None;
            }
        }
    }
}

fn add_credits(doc: &mut Document<'_>, line_start: usize, found: Vec<LineCredit>) {
    for credit in found {
        let (start, end) = (
            line_start + credit.range.start,
            line_start + credit.range.end,
        );
        doc.article.credits.push(Credit {
            start,
            end,
            text: doc.text[start..end].to_string(),
            name: credit.name,
            role: credit.role,
            alias: credit.alias,
        });
    }
    doc.article.credits.sort_by_key(|c| c.start);
}

fn title(text: &str, range: Range<usize>) -> Title {
    let trimmed = text[range.clone()].trim_end();
    Title {
        start: range.start,
        end: range.start + trimmed.len(),
        text: trimmed.to_string(),
    }
}

/// A first line that is short and set apart: followed by a blank line, or written in capitals,
/// and not ending like a sentence of story text.
fn looks_like_headline(text: &str, lines: &[Line], first: usize) -> bool {
    let line = text[lines[first].content()].trim_end();
    if line.len() > MAX_HEADER_LINE || line.is_empty() {
        return false;
    }
    let followed_by_blank = lines.get(first + 1).is_some_and(|l| l.body_from.is_none());
    let has_more = lines[first + 1..].iter().any(|l| l.body_from.is_some());
    let capitals = !line.chars().any(char::is_lowercase) && line.chars().any(char::is_uppercase);
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .collect();
    let capitalized = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    let title_case = !words.is_empty() && capitalized * 10 >= words.len() * 7;
    has_more
        && (capitals || (followed_by_blank && (title_case || !line.ends_with(['.', '"', '”']))))
}

/// A line of story text, not a headline or a byline: long, with words mostly in lower case,
/// ending a sentence (`Tap sales began on Monday and are held daily from 07.00 GMT.`).
fn is_prose(line: &str) -> bool {
    // The words are counted only for the few lines that pass the cheap tests.
    let words = || line.split_ascii_whitespace();
    line.len() > 60
        && line.trim_end().ends_with(['.', '!', '?'])
        && words()
            .filter(|w| w.as_bytes()[0].is_ascii_lowercase())
            .count()
            * 2
            > words().count()
}

/// Splits the text into lines on `\n`, `\r\n` and `\r`.
fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(text.len() / 32 + 1);
    let bytes = text.as_bytes();
    let mut start = 0;
    loop {
        let Some(end) = find_line_break(bytes, start) else {
            lines.push(line(text, start..bytes.len()));
            return lines;
        };
        lines.push(line(text, start..end));
        start = end + 1;
        if bytes[end] == b'\r' && bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
    }
}

/// The first `\n` or `\r` at or after `from`. Eight bytes at a time are tested for a byte
/// below 0x0E (the two line breaks and a few other controls, the tab among them).
fn find_line_break(bytes: &[u8], from: usize) -> Option<usize> {
    scan::find(
        bytes,
        from,
        |word| scan::below(word, 0x0E),
        |b| b == b'\n' || b == b'\r',
    )
}

/// The line at `range` (without its line break).
#[inline]
fn line(text: &str, range: Range<usize>) -> Line {
    let line = &text.as_bytes()[range.clone()];
    let indent = line
        .iter()
        .position(|&b| b != b' ' && b != b'\t')
        .unwrap_or(line.len());
    // Most lines go on with an ASCII letter or sign after their indent: no need to trim them.
    let blank = match line.get(indent) {
        None => true,
        Some(&b) if b.is_ascii() && !(b.is_ascii_whitespace() || b == 0x0B) => false,
        Some(_) => text[range.start + indent..range.end].trim().is_empty(),
    };
    Line {
        body_from: (!blank).then_some(range.start),
        range,
        indent,
    }
}

/// Groups story lines into paragraphs.
///
/// A blank or non-story line always ends a paragraph. When paragraph starts are indented
/// (Reuters-21578 style, continuation lines not), every indented line starts one. Otherwise, in
/// hard-wrapped text (all lines at most [`WRAP_WIDTH`] long) a line continues the paragraph
/// when its first word would not have fit at the end of the previous line — a wrapping editor
/// breaks a line only there — or when the previous line ends mid-sentence near the width; in
/// text that is not wrapped, every line is a paragraph.
fn paragraphs(text: &str, lines: &[Line]) -> Vec<Range<usize>> {
    let story = || lines.iter().filter(|l| l.body_from.is_some());
    let indented_starts = story().any(|l| l.indent >= 2) && story().any(|l| l.indent == 0);
    let widest = story().map(|l| l.range.len()).max().unwrap_or(0);
    let wrapped = widest <= WRAP_WIDTH && story().nth(1).is_some();

    let mut paragraphs: Vec<Range<usize>> = Vec::with_capacity(lines.len());
    let mut open: Option<Range<usize>> = None;
    let mut previous: Option<&Line> = None;
    for line in lines {
        let Some(from) = line.body_from else {
            paragraphs.extend(open.take());
            previous = None;
            continue;
        };
        let content = trimmed(
            text,
            from.max(line.range.start + line.indent)..line.range.end,
        );
        if content.is_empty() {
            continue;
        }
        let piece = &text[content.clone()];
        let continues = match previous {
            None => false,
            Some(_) if indented_starts => line.indent < 2,
            Some(prev) if wrapped => {
                let prev_text = text[prev.range.clone()].trim_end();
                let first_word = piece.split_whitespace().next().unwrap_or("");
                let would_not_fit = prev_text.len() + 1 + first_word.len() > widest;
                let ends_sentence = prev_text.ends_with(['.', '!', '?', ':', '"', '”']);
                would_not_fit || (!ends_sentence && prev_text.len() * 10 >= widest * 9)
            }
            Some(_) => false,
        };
        open = match open.take() {
            Some(paragraph) if continues => Some(paragraph.start..content.end),
            Some(paragraph) => {
                paragraphs.push(paragraph);
                Some(content)
            }
            None => Some(content),
        };
        previous = Some(line);
    }
    paragraphs.extend(open);
    paragraphs
}

/// The part of `range` that `str::trim` leaves. ASCII white space is trimmed byte by byte;
/// only an end that is not ASCII (which may be white space such as U+00A0) needs the full test.
#[inline]
pub(super) fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let space = |b: u8| b.is_ascii_whitespace() || b == 0x0B;
    let (mut start, mut end) = (range.start, range.end);
    while start < end && space(bytes[start]) {
        start += 1;
    }
    while end > start && space(bytes[end - 1]) {
        end -= 1;
    }
    if start < end && (bytes[start] >= 0x80 || bytes[end - 1] >= 0x80) {
        let piece = &text[start..end];
        let lead = piece.len() - piece.trim_start().len();
        return start + lead..start + lead + piece.trim().len();
    }
    start..end
}

/// `TEHRAN` → `Tehran`, `JOHN O'NEILL` → `John O'Neill`; text with lower-case letters is kept.
pub(super) fn title_case_if_capitals(name: &str) -> String {
    if name.is_ascii() {
        // The same, byte by byte: for ASCII the character tests are the byte tests.
        if name.bytes().any(|b| b.is_ascii_lowercase()) {
            return name.to_string();
        }
        let mut out = String::with_capacity(name.len());
        let mut word_start = true;
        for b in name.bytes() {
            out.push(char::from(if word_start {
                b
            } else {
                b.to_ascii_lowercase()
            }));
            word_start = !b.is_ascii_alphabetic();
        }
        return out;
    }
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case() {
        assert_eq!(title_case_if_capitals("JOHN O'NEILL"), "John O'Neill");
        assert_eq!(title_case_if_capitals("MT. LAUREL"), "Mt. Laurel");
        assert_eq!(title_case_if_capitals("Janie Gabbett"), "Janie Gabbett");
    }
}
