//! Sentence boundaries and tokens inside a paragraph.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis, followed by closing quotes or brackets (which
//! stay with it), white space, and a capital letter, digit or opening quote. A period after an
//! abbreviation is not an end: never after a title (`Mr.`, `Gen.`), not after a month before a
//! number (`Jan. 5`), and after other abbreviations (`Inc.`, `U.S.`, `Pa.`) only when a typical
//! sentence opener follows (`The`, `He`, …). Initials (`J. R.`) and decimals never end one.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::document::{Token, TokenKind};
use crate::lexicon;
use crate::stages::chars::{
    char_at, number_end, BYTE_CLASS, DIGIT, JOINER, LETTER, NON_ASCII, SPACE,
};

const ABBREVIATIONS: &str = include_str!("../../../data/structure/abbreviations.tsv");
const SENTENCE_OPENERS: &str = include_str!("../../../data/structure/sentence_openers.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbreviation {
    Title,
    Month,
    Other,
}

pub(super) struct SentenceSplitter {
    // Looked up at every candidate sentence end: a cheap hash, not the default SipHash.
    abbreviations: FxHashMap<&'static str, Abbreviation>,
    openers: FxHashSet<&'static str>,
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '}'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«'];

impl SentenceSplitter {
    pub fn new() -> SentenceSplitter {
        let abbreviations = lexicon::rows(ABBREVIATIONS)
            .map(|row| {
                let kind = match row.get(1).copied() {
                    Some("title") => Abbreviation::Title,
                    Some("month") => Abbreviation::Month,
                    _ => Abbreviation::Other,
                };
                (row[0], kind)
            })
            .collect();
        SentenceSplitter {
            abbreviations,
            openers: lexicon::words(SENTENCE_OPENERS).collect(),
        }
    }

    /// Appends the sentences of the paragraph `range` of `text` to `sentences`, and their
    /// tokens to `tokens`.
    ///
    /// The paragraph is tokenized first, in one pass, and the tokens tell where a sentence may
    /// end, so that no second scan of its bytes is needed. Tokenizing the whole paragraph gives
    /// the same tokens as tokenizing each sentence: sentences cover the paragraph but for white
    /// space, and a sentence ends before white space, where no token can continue.
    pub fn split(
        &self,
        text: &str,
        range: Range<usize>,
        sentences: &mut Vec<Range<usize>>,
        tokens: &mut Tokens,
    ) {
        tokens.terminators.clear();
        let first_token = tokens.tokens.len();
        let first_sentence = sentences.len();
        tokenize(text, range.clone(), tokens);
        let paragraph = &text[range.clone()];
        let mut start = 0;
        // Where the scan for the next terminator resumes, as in a scan of every byte: a run of
        // terminators and closers is read whole, and the terminators inside it start no run.
        let mut resume = 0;
        for &at in tokens.terminators.iter() {
            let i = at - range.start;
            if i < resume {
                continue;
            }
            let terminator_len = if paragraph.as_bytes()[i] < 0x80 {
                1
            } else {
                '…'.len_utf8()
            };
            // Take the whole run of terminators (`?!`, `...`) and the closers after it.
            let mut end = i + terminator_len;
            while let Some(c) = paragraph[end..].chars().next() {
                if matches!(c, '.' | '!' | '?' | '…') || CLOSERS.contains(&c) {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            if self.is_boundary(paragraph, start, i, end) {
                push_sentence(text, range.start, start..end, sentences);
                start = end;
            }
            resume = end;
        }
        push_sentence(text, range.start, start..paragraph.len(), sentences);
        // The tokens of each sentence, among the paragraph's: no token of another paragraph
        // lies inside one.
        let paragraph_tokens = &tokens.tokens[first_token..];
        for sentence in &sentences[first_sentence..] {
            let first = paragraph_tokens.partition_point(|t| t.start < sentence.start);
            let last = paragraph_tokens.partition_point(|t| t.end <= sentence.end);
            let (first, last) = (first_token + first, first_token + last.max(first));
            tokens.sentence_tokens.push(first..last);
        }
    }

    /// Whether the terminator run `at..end` ends the sentence that began at `sentence_start`.
    fn is_boundary(&self, text: &str, sentence_start: usize, at: usize, end: usize) -> bool {
        let after = &text[end..];
        let next_start = after.trim_start();
        if next_start.len() == after.len() {
            return false; // no white space after: `5.93`, `U.S.-led`, `...and`
        }
        let Some(next) = next_start.chars().next() else {
            return true;
        };
        let next_word = next_start
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let opens = next.is_uppercase() || next.is_ascii_digit() || OPENERS.contains(&next);
        if !opens {
            return false;
        }
        let run = &text[at..end];
        if run.starts_with('!') || run.starts_with('?') {
            return true;
        }
        let ellipsis = run.starts_with("...") || run.starts_with('…');
        let word = word_before(&text[sentence_start..at]);
        let strong = !ellipsis
            && match self.abbreviation(word) {
                Some(Abbreviation::Title) => return false,
                Some(Abbreviation::Month) => !next.is_ascii_digit(),
                Some(Abbreviation::Other) => false,
                None => !is_initial_or_acronym(word),
            };
        strong || self.openers.contains(&next_word)
    }

    fn abbreviation(&self, word: &str) -> Option<Abbreviation> {
        self.abbreviations.get(word).copied()
    }
}

/// The word just before a period: `Gen` in `Maj. Gen.`, `U.S` in `the U.S.`.
fn word_before(text: &str) -> &str {
    let start = text
        .rfind(|c: char| c.is_whitespace() || OPENERS.contains(&c) || c == '-')
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    &text[start..]
}

/// `J` (an initial) or `U.S`, `N.J`, `a.m` (letters with inner periods).
fn is_initial_or_acronym(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => {
            word.contains('.')
                && word
                    .split('.')
                    .all(|part| part.chars().count() <= 2 && !part.is_empty())
        }
    }
}

/// Appends `range` of the paragraph at `offset` of `text`, trimmed, unless it is all space.
fn push_sentence(text: &str, offset: usize, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let sentence = super::trimmed(text, offset + range.start..offset + range.end);
    if !sentence.is_empty() {
        out.push(sentence);
    }
}

/// What the tokenizer writes.
#[derive(Default)]
pub(super) struct Tokens {
    pub tokens: Vec<Token>,
    /// [`crate::document::Document::compound_words`].
    pub compound_words: Vec<usize>,
    /// [`crate::document::Document::words_not_all_letters`].
    pub words_not_all_letters: Vec<usize>,
    /// [`crate::document::Document::sentence_tokens`].
    pub sentence_tokens: Vec<Range<usize>>,
    /// Where sentences may end in the paragraph last read: each `.`, `!`, `?` or `…` token and
    /// the final period of a word that keeps one (`U.S.`). Other periods, inside words and
    /// numbers, are followed by a letter or a digit and end nothing.
    terminators: Vec<usize>,
}

impl Tokens {
    pub fn with_capacity(tokens: usize) -> Tokens {
        Tokens {
            tokens: Vec::with_capacity(tokens),
            compound_words: Vec::with_capacity(tokens / 8),
            words_not_all_letters: Vec::with_capacity(tokens / 8),
            // Room for a sentence every eight tokens, as `Structure::run` makes for the sentences.
            sentence_tokens: Vec::with_capacity(tokens / 8 + 1),
            terminators: Vec::with_capacity(64),
        }
    }

    /// Appends a word, and marks it compound, or more than letters, if it is.
    #[inline(always)]
    fn push_word(&mut self, start: usize, word: WordEnd) {
        if word.compound || word.digit {
            if word.compound {
                self.compound_words.push(self.tokens.len());
            }
            self.words_not_all_letters.push(self.tokens.len());
        }
        if word.period {
            self.terminators.push(word.end - 1);
        }
        self.tokens.push(Token {
            start,
            end: word.end,
            kind: TokenKind::Word,
        });
    }
}

/// Appends the tokens of `range` of `text` to `out`: words (with inner `'`, `’`, `-`, `.`),
/// numbers (with inner `,`, `.`, `:`, `/`) and single punctuation characters, and the places
/// where a sentence may end.
///
/// Works on bytes, decoding a character only where a byte is not ASCII: this runs over every
/// byte of every story. (Kept out of line: inlined into its caller, its loop gets worse
/// register allocation.)
#[inline(never)]
pub(super) fn tokenize(text: &str, range: Range<usize>, out: &mut Tokens) {
    // The bytes up to the end of the range, so that `get` tests the range's end too.
    let bytes = &text.as_bytes()[..range.end];
    let mut i = range.start;
    while let Some(&b) = bytes.get(i) {
        let class = BYTE_CLASS[usize::from(b)];
        // The common cases first: a word, a space.
        let (kind, end) = if class & LETTER != 0 {
            let word = word_end(text, bytes, i + 1, false);
            out.push_word(i, word);
            i = after_space(bytes, word.end);
            continue;
        } else if class & SPACE != 0 {
            i += 1;
            continue;
        } else if class & DIGIT != 0 {
            (TokenKind::Number, number_end(bytes, i + 1))
        } else if class & NON_ASCII == 0 {
            if matches!(b, b'.' | b'!' | b'?') {
                out.terminators.push(i);
            }
            (TokenKind::Punct, i + 1)
        } else {
            let (c, len) = char_at(text, i);
            if c.is_alphabetic() {
                let word = word_end(text, bytes, i + len, true);
                out.push_word(i, word);
                i = word.end;
                continue;
            } else if c.is_whitespace() {
                i += len;
                continue;
            } else {
                if c == '…' {
                    out.terminators.push(i);
                }
                (TokenKind::Punct, i + len)
            }
        };
        out.tokens.push(Token {
            start: i,
            end,
            kind,
        });
        i = after_space(bytes, end);
    }
}

/// Where the text goes on after a token that ends at `at`: past the byte there if it is a
/// space, as after most tokens, so that the space costs no turn of the tokenizer's loop.
#[inline(always)]
fn after_space(bytes: &[u8], at: usize) -> usize {
    let space = bytes
        .get(at)
        .is_some_and(|&b| BYTE_CLASS[usize::from(b)] & SPACE != 0);
    at + usize::from(space)
}

/// The end of a word, and what it holds.
#[derive(Clone, Copy)]
struct WordEnd {
    end: usize,
    /// More than ASCII letters and digits.
    compound: bool,
    /// Holds an ASCII digit.
    digit: bool,
    /// Ends with a period it keeps (`U.S.`).
    period: bool,
}

/// Where a word that continues at `from` ends, at most at the end of `bytes` (a prefix of
/// `text`): over letters, digits and combining marks, and over `'`, `’`, `-` and `.` between
/// a letter before and one after. A word with an inner period keeps its final one (`U.S.`).
/// `compound` says whether the word so far is.
#[inline(always)]
fn word_end(text: &str, bytes: &[u8], mut from: usize, mut compound: bool) -> WordEnd {
    let mut inner_period = false;
    let mut digit = false;
    while let Some(&b) = bytes.get(from) {
        let class = BYTE_CLASS[usize::from(b)];
        // The common case first: ASCII letters; then the end of the word, or a digit.
        if class & LETTER != 0 {
            from += 1;
            continue;
        }
        if class & (DIGIT | JOINER | NON_ASCII) == 0 {
            break;
        }
        match b {
            b'0'..=b'9' => {
                digit = true;
                from += 1;
            }
            b'\'' | b'-' | b'.' if letter_at(text, bytes, from + 1) => {
                inner_period |= b == b'.';
                compound = true;
                from += 1;
            }
            b'.' if inner_period => {
                return WordEnd {
                    end: from + 1,
                    compound,
                    digit,
                    period: true,
                };
            }
            0x80.. => {
                let (c, len) = char_at(text, from);
                if c.is_alphanumeric()
                    || is_mark(c)
                    || (c == '’' && letter_at(text, bytes, from + len))
                {
                    compound = true;
                    from += len;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    WordEnd {
        end: from,
        compound,
        digit,
        period: false,
    }
}

/// Whether a letter starts at byte `i` of `text`, before the end of `bytes`.
#[inline]
fn letter_at(text: &str, bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => char_at(text, i).0.is_alphabetic(),
        None => false,
    }
}

/// Combining marks continue a word (`e` + U+0301).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        SentenceSplitter::new().split(text, 0..text.len(), &mut out, &mut Tokens::default());
        out.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_initials_decimals() {
        assert_eq!(
            sentences("Mr. Smith met Gen. J. R. Allen in the U.S. on Jan. 5. Shares rose 5.93 pct. The U.S. Army said so."),
            ["Mr. Smith met Gen. J. R. Allen in the U.S. on Jan. 5.", "Shares rose 5.93 pct.", "The U.S. Army said so."]
        );
        assert_eq!(
            sentences(
                "It was sold to Acme Inc. The deal closed. He lives in Scranton, Pa. He said no."
            ),
            [
                "It was sold to Acme Inc.",
                "The deal closed.",
                "He lives in Scranton, Pa.",
                "He said no."
            ]
        );
    }

    #[test]
    fn quotes_and_brackets_stay() {
        assert_eq!(
            sentences(
                "\"We will win,\" he said. \"Never.\" (It was late.) Then? Yes! Wait... what"
            ),
            [
                "\"We will win,\" he said.",
                "\"Never.\"",
                "(It was late.)",
                "Then?",
                "Yes!",
                "Wait... what"
            ]
        );
    }

    #[test]
    fn tokens() {
        let text = "Al-Qaeda's U.S. unit paid $1,000.50 at 15:30.";
        let mut out = Tokens::default();
        tokenize(text, 0..text.len(), &mut out);
        let words: Vec<&str> = out.tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "Al-Qaeda's",
                "U.S.",
                "unit",
                "paid",
                "$",
                "1,000.50",
                "at",
                "15:30",
                "."
            ]
        );
    }
}
