//! Character steps that the tokenizers of the structure, entity and time stages share.

/// What a byte is to the tokenizers, one bit each, so that they read ASCII text with one table
/// look-up a byte and decode a character only where a byte is not ASCII.
pub(super) const SPACE: u8 = 1;
pub(super) const LETTER: u8 = 2;
pub(super) const DIGIT: u8 = 4;
/// An ASCII capital letter, with [`LETTER`].
pub(super) const UPPER: u8 = 8;
/// A byte that is not ASCII (a part of a longer character).
pub(super) const NON_ASCII: u8 = 16;
/// `'`, `-` and `.`, which join the letters of a word in the structure stage's tokens.
pub(super) const JOINER: u8 = 32;
/// The bytes that may go on with a word after its ASCII letters and digits in the entity
/// stage's tokens, where hyphens split words: `.`, `&`, `'` and every byte that is not ASCII.
pub(super) const JOINS_WORD: u8 = 64;
/// The bytes that may go on with a number after its digits: `,`, `.`, `:` and `/`.
pub(super) const JOINS_NUMBER: u8 = 128;

/// The bits of every byte. [`SPACE`] is the ASCII part of `char::is_whitespace`.
pub(super) static BYTE_CLASS: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 256 {
        classes[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => SPACE,
            b'a'..=b'z' => LETTER,
            b'A'..=b'Z' => LETTER | UPPER,
            b'0'..=b'9' => DIGIT,
            b'\'' => JOINER | JOINS_WORD,
            b'.' => JOINER | JOINS_WORD | JOINS_NUMBER,
            b'-' => JOINER,
            b'&' => JOINS_WORD,
            b',' | b':' | b'/' => JOINS_NUMBER,
            0x80.. => NON_ASCII | JOINS_WORD,
            _ => 0,
        };
        b += 1;
    }
    classes
};

/// The character at byte `i` of `text` (a character boundary) and its length in bytes; ASCII
/// without decoding.
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes()[i] {
        b if b < 0x80 => (char::from(b), 1),
        _ => text[i..]
            .chars()
            .next()
            .map_or((char::REPLACEMENT_CHARACTER, 1), |c| (c, c.len_utf8())),
    }
}

/// Where a number that continues at byte `from` ends, at most at the end of `bytes`: over
/// ASCII digits, and over `,`, `.`, `:` and `/` with a digit after them.
#[inline(always)]
pub(super) fn number_end(bytes: &[u8], mut from: usize) -> usize {
    while let Some(&b) = bytes.get(from) {
        let continues = b.is_ascii_digit()
            || (matches!(b, b',' | b'.' | b':' | b'/')
                && bytes.get(from + 1).is_some_and(u8::is_ascii_digit));
        if !continues {
            break;
        }
        from += 1;
    }
    from
}
