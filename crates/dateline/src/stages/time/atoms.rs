//! The units the grammar reads: the sentence's tokens, with hyphenated words taken apart
//! (`third-quarter` is `third` + `quarter`), a possessive `'s` split off, and each word that is
//! in the lexicon marked with its class.

use std::ops::Range;

use crate::document::{Token, TokenKind};
use crate::stages::chars::{char_at, number_end};

use super::lexicon::{Class, Lexicon};
use super::Compounds;

/// What separates an atom from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gap {
    /// White space, or the start of the sentence.
    Space,
    /// A hyphen between the two, with no space: `five-year`, `mid-1990s`, `2018-05-13`.
    Hyphen,
    /// Nothing: `1990s`, `13th`, `Friday's`.
    None,
}

/// A unit the grammar reads. `'l` is the lexicon's lifetime: a word's class is a reference
/// into it, so that an atom is 32 bytes, not 48, to write for every token of a stretch.
#[derive(Debug, Clone, Copy)]
pub(super) struct Atom<'l> {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    pub gap: Gap,
    pub class: Option<&'l Class>,
}

/// Fills `out` with the atoms of `tokens`, each word with its class in the lexicon.
pub(super) fn atoms<'l>(
    text: &str,
    tokens: &[Token],
    mut words: Compounds<'_>,
    lexicon: &'l Lexicon,
    out: &mut Vec<Atom<'l>>,
) {
    out.clear();
    // Where the token before ends: no token ends at `usize::MAX`, so the first has a space
    // before it.
    let mut previous_end = usize::MAX;
    let mut pending_hyphen = false;
    let mut next_compound = words.next();
    for (n, token) in tokens.iter().enumerate() {
        let glued_before = previous_end == token.start;
        if token.kind == TokenKind::Punct
            && &text.as_bytes()[token.start..token.end] == b"-"
            && glued_before
            && tokens.get(n + 1).is_some_and(|t| t.start == token.end)
        {
            pending_hyphen = true;
            previous_end = token.end;
            continue;
        }
        let gap = match (pending_hyphen, glued_before) {
            (true, _) => Gap::Hyphen,
            (false, true) => Gap::None,
            (false, false) => Gap::Space,
        };
        pending_hyphen = false;
        previous_end = token.end;
        if token.kind == TokenKind::Word && n == next_compound {
            next_compound = words.next();
            push_word_parts(text, token, gap, lexicon, out);
            continue;
        }
        // A plain word (one atom) or a number or punctuation.
        let class = match token.kind {
            TokenKind::Word => lexicon.class_of_plain(&text.as_bytes()[token.start..token.end]),
            _ => None,
        };
        out.push(Atom {
            start: token.start,
            end: token.end,
            kind: token.kind,
            gap,
            class,
        });
    }
}

/// Tokens of a stretch of text that the structure stage does not tokenize (the title), by the
/// same rules in short: letters with inner `'`, `-` and `.` (and the final `.` of a word with an
/// inner one: `a.m.`); digits with inner `,` `.` `:` `/`; any other character alone. The indices
/// of the words that are more than ASCII letters and digits go to `compounds`, as
/// [`crate::document::Document::compound_words`] has them for the story's tokens.
pub(super) fn tokenize(
    text: &str,
    range: Range<usize>,
    out: &mut Vec<Token>,
    compounds: &mut Vec<usize>,
) {
    // The bytes up to the end of the range, so that `get` tests the range's end too. ASCII is
    // read byte by byte; a character is decoded only where a byte is not ASCII.
    let bytes = &text.as_bytes()[..range.end];
    let mut i = range.start;
    while let Some(&b) = bytes.get(i) {
        let (c, c_len) = char_at(text, i);
        if is_whitespace(c) {
            i += c_len;
            continue;
        }
        let (kind, end) = if is_alphabetic(c) {
            let (end, plain) = word_end(text, bytes, i + c_len);
            if !(plain && b.is_ascii()) {
                compounds.push(out.len());
            }
            (TokenKind::Word, end)
        } else if b.is_ascii_digit() {
            (TokenKind::Number, number_end(bytes, i + 1))
        } else {
            (TokenKind::Punct, i + c_len)
        };
        out.push(Token {
            start: i,
            end,
            kind,
        });
        i = end;
    }
}

/// Where a word of [`tokenize`] that continues at `from` ends, and whether what follows its
/// first character is ASCII letters and digits only: over letters and digits, and over `'`,
/// `’`, `-` and `.` with a letter or digit after them; a word with such an inner period keeps
/// a final one (`a.m.`).
fn word_end(text: &str, bytes: &[u8], mut end: usize) -> (usize, bool) {
    let mut plain = true;
    let mut inner_period = false;
    while let Some(&d) = bytes.get(end) {
        if d.is_ascii_alphanumeric() {
            end += 1;
            continue;
        }
        let (d, d_len) = char_at(text, end);
        let joined = || {
            matches!(d, '\'' | '’' | '-' | '.')
                && bytes.get(end + d_len).is_some()
                && is_alphanumeric(char_at(text, end + d_len).0)
        };
        if is_alphanumeric(d) || joined() {
            inner_period |= d == '.';
            plain = false;
            end += d_len;
        } else {
            if inner_period && d == '.' {
                end += 1;
            }
            break;
        }
    }
    (end, plain)
}

/// `char::is_whitespace`, `char::is_alphabetic` and `char::is_alphanumeric`, with the ASCII
/// answer first.
#[inline]
fn is_whitespace(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t'..='\r')
    } else {
        c.is_whitespace()
    }
}

#[inline]
fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic()
    }
}

#[inline]
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// A word token as atoms: split at inner hyphens, and before a final `'s` or `’s`.
fn push_word_parts<'l>(
    text: &str,
    token: &Token,
    first_gap: Gap,
    lexicon: &'l Lexicon,
    out: &mut Vec<Atom<'l>>,
) {
    let mut gap = first_gap;
    let mut previous_end = token.start;
    word_parts(text, token, |start, end| {
        if start > previous_end {
            gap = Gap::Hyphen;
        }
        out.push(Atom {
            class: lexicon.class_of_bytes(&text.as_bytes()[start..end]),
            ..atom(start, end, TokenKind::Word, gap)
        });
        gap = Gap::None;
        previous_end = end;
    });
}

/// Calls `part` with the byte range of each part of a word token: the pieces between its inner
/// hyphens, and a final `'s` or `’s` on its own. On bytes: a `str` split costs more than the
/// search in a short word.
pub(super) fn word_parts(text: &str, token: &Token, mut part: impl FnMut(usize, usize)) {
    let bytes = text.as_bytes();
    let word = &bytes[token.start..token.end];
    // Most words have neither a hyphen nor an apostrophe (0xE2 begins `’`): one part.
    if !word.iter().any(|&b| b == b'-' || b == b'\'' || b == 0xE2) {
        part(token.start, token.end);
        return;
    }
    let possessive = if word.ends_with(b"'s") {
        "'s".len()
    } else if word.ends_with("’s".as_bytes()) {
        "’s".len()
    } else {
        0
    };
    // A word that is all `'s` is its own stem.
    let stem_end = if possessive > 0 && word.len() > possessive {
        token.end - possessive
    } else {
        token.end
    };
    let mut piece_start = token.start;
    for (at, &b) in (token.start..stem_end).zip(&bytes[token.start..stem_end]) {
        if b == b'-' {
            if at > piece_start {
                part(piece_start, at);
            }
            piece_start = at + 1;
        }
    }
    if stem_end > piece_start {
        part(piece_start, stem_end);
    }
    if stem_end < token.end {
        part(stem_end, token.end);
    }
}

fn atom<'l>(start: usize, end: usize, kind: TokenKind, gap: Gap) -> Atom<'l> {
    Atom {
        start,
        end,
        kind,
        gap,
        class: None,
    }
}
