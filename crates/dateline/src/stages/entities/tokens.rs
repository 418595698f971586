//! Tokens as the entity stage needs them.
//!
//! Unlike the structure stage's tokens ([`crate::document::Document::tokens`]), possessives
//! (`Iran's` → `Iran` `'s`) and hyphens (`Paris-based` → `Paris` `-` `based`) are tokens of
//! their own, so that a name ends where the gazetteer's names end; a word goes on over `&`
//! (`AT&T`) and keeps the period of an abbreviation (`Inc.`); and the title, credit lines and
//! dateline are tokenized too.
//!
//! The two differ only around such marks, and a word with a digit is a code here: a word of
//! ASCII letters or a number of the structure stage's tokens that no such mark follows, and a
//! punctuation mark of one ASCII byte other than an apostrophe, are tokens here too. So a
//! sentence's tokens are copied from the structure stage's where they are those, and only the
//! rest of its text is read again ([`tokenize_sentence`]): the entity stage owns its tokens,
//! and the structure stage does most of the reading for them.

use std::ops::Range;

use super::gazetteer::WordList;
use crate::document::{Token, TokenKind};
use crate::stages::chars::{
    BYTE_CLASS, DIGIT, JOINS_NUMBER, JOINS_WORD, LETTER, NON_ASCII, SPACE, UPPER,
};

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
    read(text, range, true, abbreviations, out);
}

/// Appends the tokens of the sentence `range` of `text` to `out`, given its tokens as the
/// structure stage read them: `tokens[sentence_tokens]`, and the indices in `tokens` of its
/// words that are more than ASCII letters (and maybe of later ones), in order.
///
/// A structure token that is a token here too is copied: a word of ASCII letters or a number
/// that ends alike here ([`ends_alike`]), or a punctuation mark of one ASCII byte other than
/// an apostrophe. From the first other token of a stretch of tokens with no space between them
/// to the stretch's end, the text is read again: no token here reaches over a space, and what
/// the reading looks at past its end is only the space (or the sentence's end) after the
/// stretch.
pub(super) fn tokenize_sentence(
    text: &str,
    range: Range<usize>,
    tokens: &[Token],
    sentence_tokens: Range<usize>,
    words_not_all_letters: &[usize],
    abbreviations: &Abbreviations,
    out: &mut Vec<Tok>,
) {
    let bytes = &text.as_bytes()[..range.end];
    let mut words_to_read = words_not_all_letters.iter().copied();
    let mut next_to_read = words_to_read.next().unwrap_or(usize::MAX);
    // Where the token before ended: no token ends where the first one starts.
    let mut previous_end = usize::MAX;
    let mut t = sentence_tokens.start;
    while t < sentence_tokens.end {
        let token = &tokens[t];
        let spaced = token.start != previous_end;
        // The kind of the token here, and whether it is plain, if it is copied.
        let copied = match token.kind {
            TokenKind::Word
                if t != next_to_read
                    && ends_alike(text, bytes, token, JOINS_WORD, abbreviations) =>
            {
                Some((TokKind::Word, true))
            }
            // A number with a separator inside is not one word as the gazetteer reads words.
            TokenKind::Number if ends_alike(text, bytes, token, JOINS_NUMBER, abbreviations) => {
                let digits = bytes[token.start..token.end].iter().all(u8::is_ascii_digit);
                Some((TokKind::Number, digits))
            }
            // A mark of one byte is ASCII.
            TokenKind::Punct if token.end - token.start == 1 && bytes[token.start] != b'\'' => {
                Some((TokKind::Punct, false))
            }
            _ => None,
        };
        if let Some((kind, plain)) = copied {
            out.push(Tok {
                start: token.start,
                end: token.end,
                kind,
                spaced,
                plain,
                code: false,
                capitalized: bytes[token.start].is_ascii_uppercase(),
            });
            previous_end = token.end;
            t += 1;
            continue;
        }
        // The rest of the stretch, read again.
        let mut last = t;
        while last + 1 < sentence_tokens.end && tokens[last + 1].start == tokens[last].end {
            last += 1;
        }
        while next_to_read <= last {
            next_to_read = words_to_read.next().unwrap_or(usize::MAX);
        }
        previous_end = tokens[last].end;
        read(text, token.start..previous_end, spaced, abbreviations, out);
        t = last + 1;
    }
}

/// Whether the word of ASCII letters or the number `token` ends here where it ends among the
/// structure stage's tokens, as [`word`] reads it: before no byte of `goes_on` (the bytes
/// that may go on with it here), as most do, or as [`ends_before_mark`] says.
#[inline(always)]
fn ends_alike(
    text: &str,
    bytes: &[u8],
    token: &Token,
    goes_on: u8,
    abbreviations: &Abbreviations,
) -> bool {
    match bytes.get(token.end) {
        Some(&b) if BYTE_CLASS[usize::from(b)] & goes_on != 0 => {
            ends_before_mark(text, bytes, token, abbreviations)
        }
        _ => true,
    }
}

/// Whether the word of ASCII letters or the number `token`, before a byte that may go on with
/// it here, ends there all the same: the byte is an ASCII mark that no letter or digit
/// follows, and not a period the token keeps (`Inc.`). A byte outside ASCII at either place is
/// left to the reading again.
fn ends_before_mark(
    text: &str,
    bytes: &[u8],
    token: &Token,
    abbreviations: &Abbreviations,
) -> bool {
    let mark = bytes[token.end];
    let mark_ends = mark.is_ascii()
        && bytes
            .get(token.end + 1)
            .is_none_or(|&b| BYTE_CLASS[usize::from(b)] & (LETTER | DIGIT | NON_ASCII) == 0);
    // A sentence's last word, as most of them: the period stays a mark of its own unless the
    // word keeps it.
    mark_ends && {
        let first = WordStart {
            len: 1,
            number: token.kind == TokenKind::Number,
            capitalized: bytes[token.start].is_ascii_uppercase(),
        };
        mark != b'.' || !keeps_period(&text[token.start..token.end], first, abbreviations)
    }
}

/// Appends the tokens of `range` of `text` to `out`; `spaced` says whether white space (or
/// the segment's start) comes right before the range.
///
/// Works on bytes, as this runs over much of the text of every story: a table tells what an
/// ASCII byte is, and a character is decoded only where a byte is not ASCII.
fn read(
    text: &str,
    range: Range<usize>,
    mut spaced: bool,
    abbreviations: &Abbreviations,
    out: &mut Vec<Tok>,
) {
    // The bytes up to the end of the range, so that `get` tests the range's end too.
    let bytes = &text.as_bytes()[..range.end];
    let mut at = range.start;
    while let Some(&b) = bytes.get(at) {
        let class = BYTE_CLASS[usize::from(b)];
        // The common cases first: a space, a word or a number, a punctuation mark.
        if class & SPACE != 0 {
            at += 1;
            spaced = true;
            continue;
        }
        // A word's first byte tells what it is: the two ASCII cases each get a copy of `word`
        // in which what it tells is a constant.
        at = if class & LETTER != 0 {
            let first = WordStart {
                len: 1,
                number: false,
                capitalized: class & UPPER != 0,
            };
            word(text, bytes, at, first, spaced, abbreviations, out)
        } else if class & DIGIT != 0 {
            let first = WordStart {
                len: 1,
                number: true,
                capitalized: false,
            };
            word(text, bytes, at, first, spaced, abbreviations, out)
        } else if class & NON_ASCII == 0 && b != b'\'' {
            // Any other ASCII byte is a punctuation mark, but an apostrophe may be a possessive.
            out.push(Tok {
                start: at,
                end: at + 1,
                kind: TokKind::Punct,
                spaced,
                plain: false,
                code: false,
                capitalized: false,
            });
            at + 1
        } else if class & NON_ASCII == 0 {
            other(text, bytes, at, char::from(b), spaced, out)
        } else {
            let c = text[at..].chars().next().expect("a character starts here");
            if c.is_whitespace() {
                at += c.len_utf8();
                spaced = true;
                continue;
            } else if c.is_alphanumeric() {
                let first = WordStart {
                    len: c.len_utf8(),
                    number: false,
                    capitalized: c.is_uppercase(),
                };
                word(text, bytes, at, first, spaced, abbreviations, out)
            } else {
                other(text, bytes, at, c, spaced, out)
            }
        };
        // Most tokens end at a space: passed here, not by another turn of the loop.
        spaced = bytes
            .get(at)
            .is_some_and(|&b| BYTE_CLASS[usize::from(b)] & SPACE != 0);
        at += usize::from(spaced);
    }
}

/// What the first character of a word or a number tells about it.
#[derive(Clone, Copy)]
struct WordStart {
    /// Its length in bytes: 1 for an ASCII letter or digit.
    len: usize,
    /// An ASCII digit, which starts a number.
    number: bool,
    capitalized: bool,
}

/// The word or number that starts at `start` with the letter or digit `first`.
///
/// A number goes on over ASCII digits, and over `,`, `.`, `:` and `/` before a letter or a
/// digit. A word goes on over letters, digits and combining marks, over `.` and `&` before a
/// letter or a digit, and over an apostrophe before one unless it starts a possessive `'s`;
/// and it keeps a period after it as [`keeps_period`] says.
///
/// Pushes the token to `out` (here rather than in the caller, which keeps the token in
/// registers) and returns its end.
#[inline(always)]
fn word(
    text: &str,
    bytes: &[u8],
    start: usize,
    first: WordStart,
    spaced: bool,
    abbreviations: &Abbreviations,
    out: &mut Vec<Tok>,
) -> usize {
    let (joining, goes_on) = if first.number {
        (DIGIT, JOINS_NUMBER)
    } else {
        (DIGIT | LETTER, JOINS_WORD)
    };
    let (mut end, mut classes) = ascii_run(bytes, start, joining);
    let mut plain = first.len == 1;
    // Most words are ASCII letters and digits and end at a space or a mark that never joins
    // them (a period may join, or be kept): read here, with no character to decode.
    if bytes
        .get(end)
        .is_some_and(|&b| BYTE_CLASS[usize::from(b)] & goes_on != 0)
    {
        let rest = word_rest(text, bytes, start, end, first, abbreviations);
        plain &= rest.end == end;
        end = rest.end;
        classes |= rest.classes;
    }
    out.push(Tok {
        start,
        end,
        kind: if first.number {
            TokKind::Number
        } else {
            TokKind::Word
        },
        spaced,
        plain,
        code: !first.number && classes == DIGIT | LETTER,
        capitalized: first.capitalized,
    });
    end
}

/// Where the run of bytes of the classes `joining` ([`DIGIT`], or [`DIGIT`] and [`LETTER`])
/// that starts at `from` ends, and the classes it holds.
#[inline(always)]
fn ascii_run(bytes: &[u8], mut from: usize, joining: u8) -> (usize, u8) {
    let mut classes = 0;
    while let Some(&b) = bytes.get(from) {
        let class = BYTE_CLASS[usize::from(b)];
        if class & joining == 0 {
            break;
        }
        classes |= class;
        from += 1;
    }
    // Bits other than the two (`UPPER`) are left out only here, not for every byte.
    (from, classes & (DIGIT | LETTER))
}

/// The end of a word or a number (see [`word`]) that starts at `start` and goes on at `end`
/// with a character other than an ASCII letter or digit, and the [`DIGIT`] and [`LETTER`]
/// classes of its bytes from there. Read out of line, as few words go on so.
#[inline(never)]
fn word_rest(
    text: &str,
    bytes: &[u8],
    start: usize,
    mut end: usize,
    first: WordStart,
    abbreviations: &Abbreviations,
) -> WordRest {
    let joining = if first.number { DIGIT } else { DIGIT | LETTER };
    let mut classes = 0;
    while let Some(d) = char_at(text, end, bytes.len()) {
        let after = end + d.len_utf8();
        // Read only for the few characters that join when a letter or digit follows.
        let next_alnum = || char_at(text, after, bytes.len()).is_some_and(char::is_alphanumeric);
        let joins = if first.number {
            matches!(d, ',' | '.' | ':' | '/') && next_alnum()
        } else {
            d.is_alphanumeric()
                || is_mark(d)
                || (matches!(d, '.' | '&') && next_alnum())
                || (is_apostrophe(d) && next_alnum() && !is_possessive_s(text, end))
        };
        if !joins {
            break;
        }
        let run;
        (end, run) = ascii_run(bytes, after, joining);
        classes |= run;
    }
    if bytes.get(end) == Some(&b'.') && keeps_period(&text[start..end], first, abbreviations) {
        end += 1;
    }
    WordRest { end, classes }
}

/// The end of a word read on past its first ASCII letters and digits, and the classes of the
/// ASCII letters and digits read on the way.
struct WordRest {
    end: usize,
    classes: u8,
}

/// Whether `word`, before a period, keeps it: when it has one inside (`U.S.`), is an
/// abbreviation that keeps it (`Inc.`) or is a capital alone (`P.`). Asked only of the words
/// before a period.
fn keeps_period(word: &str, first: WordStart, abbreviations: &Abbreviations) -> bool {
    word.contains('.')
        || abbreviations.0.contains(word)
        || (word.len() == first.len && first.capitalized)
}

/// Pushes the token at `at`, where the character `c` is neither a letter, a digit nor a space:
/// a possessive (`'s`, or `'` after a plural: `Reuters'`) or a punctuation mark. Returns its
/// end, at most the end of `bytes` (a prefix of `text`), where a possessive `'s` may reach past.
fn other(text: &str, bytes: &[u8], at: usize, c: char, spaced: bool, out: &mut Vec<Tok>) -> usize {
    let len = c.len_utf8();
    let (kind, end) = if is_apostrophe(c) && is_possessive_s(text, at) {
        (TokKind::Possessive, at + len + 1)
    } else if is_apostrophe(c)
        && !spaced
        && text[..at].ends_with(['s', 'S'])
        && !text[at + len..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    {
        (TokKind::Possessive, at + len)
    } else {
        (TokKind::Punct, at + len)
    };
    let end = end.min(bytes.len());
    out.push(Tok {
        start: at,
        end,
        kind,
        spaced,
        plain: false,
        code: false,
        capitalized: c.is_uppercase(),
    });
    end
}

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

    /// Asserts that each sentence's tokens copied from the structure stage's are those a
    /// reading of the whole sentence gives.
    fn assert_copied_tokens_are_read(text: &str) {
        use crate::document::Document;
        use crate::stages::structure::Structure;
        use crate::stages::Stage;

        let abbreviations = Abbreviations(["Inc", "co", "Mr", "Jan"].into_iter().collect());
        let mut doc = Document::new(text, None, None);
        Structure::new().run(&mut doc);
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let (mut read, mut copied) = (Vec::new(), Vec::new());
            tokenize(text, sentence.clone(), &abbreviations, &mut read);
            let structure_tokens = doc.sentence_tokens[s].clone();
            let not_all_letters = &doc.words_not_all_letters;
            let from = not_all_letters.partition_point(|&w| w < structure_tokens.start);
            tokenize_sentence(
                text,
                sentence.clone(),
                &doc.tokens,
                structure_tokens,
                &not_all_letters[from..],
                &abbreviations,
                &mut copied,
            );
            assert_eq!(
                format!("{copied:?}"),
                format!("{read:?}"),
                "{}",
                &text[sentence.clone()]
            );
        }
    }

    #[test]
    fn sentence_tokens_copied_are_those_read() {
        assert_copied_tokens_are_read(
            "Iran's Paris-based U.S. unit. AT&T Inc. bought Reuters' 1,000. It rose 5.93. \
             The A350 and G7 met in Köln ½ “quoted” rock'n'roll 1,a 3:30/ 5, said P. \
             Simmons. J. R. Allen, O'Neill & co. 'tis x'1 A.B.C. fell 2.5% to 1990. \
             Mr. Smith met O’Neill at 3:30, AT& T and x&y on Jan. 5 at 7 a.m. Wait… 12.",
        );
    }

    proptest::proptest! {
        /// Any text made of the pieces where the two tokenizers differ: marks that join words
        /// or numbers, abbreviations, digits in words, characters outside ASCII.
        #[test]
        fn sentence_tokens_copied_are_those_read_in_any_text(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "Iran", "s", "Inc", "Mr", "A350", "G7", "3", "1990", "x", "U", "Köln", "½", " ",
                "  ", "\n", "\n\n", ".", ",", "'", "’", "-", "&", ":", "/", "%", "“", "”",
                "…", "!", "?", "(", ")", "\"",
            ]), 0..60)
        ) {
            assert_copied_tokens_are_read(&pieces.concat());
        }
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
