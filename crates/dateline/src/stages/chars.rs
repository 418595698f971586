//! Character steps that the tokenizers of the structure and time stages share.

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
