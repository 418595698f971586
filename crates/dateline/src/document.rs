//! The shared working state that the stages pass along.
//!
//! A [`Document`] is built once per input. The structure stage fills in paragraphs, sentences
//! and tokens; every later stage reads those and adds its own facts to [`Document::article`].
//! Inside the pipeline all offsets are byte offsets into [`Document::text`]; they become
//! character offsets once, in [`Document::finish`].

use std::any::Any;
use std::ops::Range;

use jiff::civil::Date;

use crate::article::Article;

/// One article on its way through the pipeline.
#[derive(Debug)]
pub struct Document<'t> {
    pub text: &'t str,
    /// The publication date given by the caller, if any.
    pub publication_date: Option<Date>,
    /// Story paragraphs (title, dateline and credit lines left out), in text order.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences, in text order; each lies inside one paragraph.
    pub sentences: Vec<Range<usize>>,
    /// Word, number and punctuation tokens of the sentences, in text order: the structure
    /// stage's, which every later stage reads. The entity stage keeps tokens of its own, which
    /// split possessives and hyphens off and keep the periods of abbreviations, copied from
    /// these where they are alike.
    pub tokens: Vec<Token>,
    /// The tokens of each sentence, as indices into [`Document::tokens`]: found once by the
    /// structure stage for every stage that reads a sentence's tokens.
    pub sentence_tokens: Vec<Range<usize>>,
    /// The indices in [`Document::tokens`] of the words that are more than ASCII letters and
    /// digits, in order: words with a hyphen, an apostrophe or a period inside them, or with a
    /// character outside ASCII (`al-Qaeda`, `don't`, `U.S.`, `Köln`). Any other word is one
    /// plain ASCII word, which a stage can read without looking for its parts.
    pub compound_words: Vec<usize>,
    /// The indices in [`Document::tokens`] of the words that are more than ASCII letters, in
    /// order: the compound words and the words with an ASCII digit (`A350`, `G7`). Noted as
    /// the structure stage reads them, so that the entity stage, whose tokens differ in such
    /// words, reads only those again.
    pub words_not_all_letters: Vec<usize>,
    /// The word-class bits of each token (auxiliary, pronoun, first word of a speech cue …),
    /// set by the first fact stage that reads them and shared with the others: the first words
    /// of phrases for every token at once, the other classes of a word when it is first asked
    /// about.
    pub word_classes: Vec<u16>,
    /// The tokens that may start a phrase a fact stage looks for (a speech cue, a casualty or
    /// event trigger), in order: set with [`Document::word_classes`].
    pub phrase_start_tokens: Vec<usize>,
    /// What the fact stages read from the finished sentences, times and entities, built by
    /// the first of them that runs and shared with the others (its type is theirs to know).
    pub fact_index: Option<Box<dyn Any + Send + Sync>>,
    /// The facts found so far, in byte offsets.
    pub article: Article,
}

/// A token of a sentence. Whitespace is not a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and dots (`don't`, `al-Qaeda`, `U.S.`).
    Word,
    /// Digits, with inner separators (`1,000`, `5.93`, `15:30`).
    Number,
    /// Any other single character.
    Punct,
}

impl<'t> Document<'t> {
    pub fn new(text: &'t str, publication_date: Option<Date>, id: Option<String>) -> Document<'t> {
        Document {
            text,
            publication_date,
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            tokens: Vec::new(),
            sentence_tokens: Vec::new(),
            compound_words: Vec::new(),
            words_not_all_letters: Vec::new(),
            word_classes: Vec::new(),
            phrase_start_tokens: Vec::new(),
            fact_index: None,
            article: Article {
                id,
                ..Article::default()
            },
        }
    }

    /// Ends the pipeline: converts every offset to characters and returns the article.
    pub fn finish(self) -> Article {
        let mut article = self.article;
        if !self.text.is_ascii() {
            let chars = CharOffsets::new(self.text);
            article.map_offsets(|byte| chars.char_offset(byte));
        }
        article
    }
}

/// Converts byte offsets to character offsets in O(1) per lookup, with a table of one entry per
/// 64 bytes instead of one per byte.
struct CharOffsets<'t> {
    text: &'t str,
    /// Characters before each 64-byte block.
    chars_before_block: Vec<usize>,
}

const BLOCK: usize = 64;

impl<'t> CharOffsets<'t> {
    fn new(text: &'t str) -> CharOffsets<'t> {
        let bytes = text.as_bytes();
        let mut chars_before_block = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for block in bytes.chunks(BLOCK) {
            chars_before_block.push(count);
            count += block.iter().filter(|&&b| !is_utf8_continuation(b)).count();
        }
        chars_before_block.push(count);
        CharOffsets {
            text,
            chars_before_block,
        }
    }

    fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let block = byte / BLOCK;
        let within = &self.text.as_bytes()[block * BLOCK..byte];
        self.chars_before_block[block]
            + within.iter().filter(|&&b| !is_utf8_continuation(b)).count()
    }
}

fn is_utf8_continuation(byte: u8) -> bool {
    byte & 0b1100_0000 == 0b1000_0000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_agree_with_char_indices() {
        let text = "Köln 🙂 — 東京, façade. ".repeat(20);
        let chars = CharOffsets::new(&text);
        for (n, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(chars.char_offset(byte), n);
        }
        assert_eq!(chars.char_offset(text.len()), text.chars().count());
    }
}
