//! Tokens as the entity stage needs them.
//!
//! Unlike the structure stage's tokens, possessives (`Iran's` → `Iran` `'s`) and hyphens
//! (`Paris-based` → `Paris` `-` `based`) are tokens of their own, so that a name ends where the
//! gazetteer's names end; and the title, credit lines and dateline are tokenized too.

use std::ops::Range;

use super::gazetteer::WordList;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokKind {
    Word,
    Number,
    /// `'s`, `’s`, or a bare apostrophe after a plural (`Reuters'`).
    Possessive,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace (or the segment start) right before the token.
    pub spaced: bool,
    /// Made of ASCII letters and digits only: one word as the gazetteer reads words.
    pub plain: bool,
    /// A word with both ASCII letters and digits: a model or a code (`A350`, `AK47`, `Q2`).
    /// Noted while the word is read, since the recognizer asks it of nearly every word.
    pub code: bool,
    /// Starts with a capital letter, as most words the recognizer reads are asked.
    pub capitalized: bool,
}

impl Tok {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Abbreviations that keep their period as part of the word (`Inc.`, `Sen.`).
pub(super) struct Abbreviations(pub WordList<&'static str>);

/// Appends the tokens of `range` of `text` to `out`.
pub(super) fn tokenize(
    text: &str,
    range: Range<usize>,
    abbreviations: &Abbreviations,
    out: &mut Vec<Tok>,
) {
    let bytes = text.as_bytes();
    let mut at = range.start;
    let mut spaced = true;
    while at < range.end {
        let Some(c) = char_at(text, at, range.end) else {
            break;
        };
        if c.is_whitespace() {
            at += c.len_utf8();
            spaced = true;
            continue;
        }
        let start = at;
        let kind;
        let mut plain = false;
        let mut code = false;
        if c.is_alphanumeric() {
            let digits = c.is_ascii_digit();
            plain = c.is_ascii();
            // Every ASCII letter and digit of a word is read here, in the common case below:
            // the characters joined after a closer look are all other characters.
            let joining = if digits { DIGIT } else { DIGIT | LETTER };
            let mut classes = 0;
            let mut end = start;
            loop {
                // The common case: ASCII letters and digits join without looking further.
                for &b in &bytes[end..range.end] {
                    let class = ASCII_CLASS[usize::from(b)] & joining;
                    if class == 0 {
                        break;
                    }
                    classes |= class;
                    end += 1;
                }
                if end >= range.end {
                    break;
                }
                let b = bytes[end];
                // Most words end at a space or a mark that never joins: no character to decode.
                if b.is_ascii() && !matches!(b, b',' | b'.' | b':' | b'/' | b'&' | b'\'') {
                    break;
                }
                let Some(d) = char_at(text, end, range.end) else {
                    break;
                };
                let after = end + d.len_utf8();
                // Read only for the few characters that join when a letter or digit follows:
                // most words end at a space.
                let next_alnum =
                    || char_at(text, after, range.end).is_some_and(char::is_alphanumeric);
                let joins = if digits {
                    d.is_ascii_digit() || (matches!(d, ',' | '.' | ':' | '/') && next_alnum())
                } else {
                    d.is_alphanumeric()
                        || is_mark(d)
                        || (matches!(d, '.' | '&') && next_alnum())
                        || (is_apostrophe(d) && next_alnum() && !is_possessive_s(text, end))
                };
                if !joins {
                    break;
                }
                plain = false;
                end = after;
            }
            // The word is sliced only before a period: most words end at a space.
            let keeps_period = bytes.get(end) == Some(&b'.') && {
                let word = &text[start..end];
                word.contains('.')
                    || abbreviations.0.contains(word)
                    || (word.chars().count() == 1 && c.is_uppercase())
            };
            if keeps_period && end < range.end {
                end += 1;
                plain = false;
            }
            kind = if digits {
                TokKind::Number
            } else {
                TokKind::Word
            };
            code = kind == TokKind::Word && classes == DIGIT | LETTER;
            at = end;
        } else if is_apostrophe(c) && is_possessive_s(text, at) {
            kind = TokKind::Possessive;
            at += c.len_utf8() + 1;
        } else if is_apostrophe(c)
            && !spaced
            && text[..at].ends_with(['s', 'S'])
            && !text[at + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            kind = TokKind::Possessive;
            at += c.len_utf8();
        } else {
            kind = TokKind::Punct;
            at += c.len_utf8();
        }
        out.push(Tok {
            start,
            end: at.min(range.end),
            kind,
            spaced,
            plain,
            code,
            capitalized: c.is_uppercase(),
        });
        spaced = false;
    }
}

/// [`ASCII_CLASS`] of an ASCII digit.
const DIGIT: u8 = 1;
/// [`ASCII_CLASS`] of an ASCII letter.
const LETTER: u8 = 2;

/// Each byte's class: [`DIGIT`], [`LETTER`], or 0 for every other byte. One look-up tells
/// whether a byte goes on with a word, as most of a word's bytes do.
static ASCII_CLASS: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 256 {
        classes[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            _ => 0,
        };
        b += 1;
    }
    classes
};

/// The character at byte `at` (a character boundary) if `at` is before `limit`, decoded only
/// where the byte is not ASCII.
#[inline]
fn char_at(text: &str, at: usize, limit: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        _ if at >= limit => None,
        b if b < 0x80 => Some(b as char),
        _ => text[at..limit].chars().next(),
    }
}

/// `'s` followed by no letter: the possessive ending, not `'sup`.
fn is_possessive_s(text: &str, apostrophe: usize) -> bool {
    let Some(c) = text[apostrophe..].chars().next() else {
        return false;
    };
    if !is_apostrophe(c) {
        return false;
    }
    let after = &text[apostrophe + c.len_utf8()..];
    after.starts_with(['s', 'S']) && !after[1..].chars().next().is_some_and(char::is_alphanumeric)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Combining marks that belong to the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let abbreviations = Abbreviations(["Inc"].into_iter().collect());
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &abbreviations, &mut out);
        out.iter().map(|t| &text[t.range()]).collect()
    }

    #[test]
    fn possessives_hyphens_and_periods() {
        assert_eq!(
            words("Iran's Paris-based U.S. 's Acme Inc. P. Simmons O'Neill Reuters' 1,000."),
            [
                "Iran", "'s", "Paris", "-", "based", "U.S.", "'s", "Acme", "Inc.", "P.", "Simmons",
                "O'Neill", "Reuters", "'", "1,000", "."
            ]
        );
    }
}
