//! Byte searches that test eight bytes at a time, for the scans that run over every byte of a
//! story or of its header lines, where most bytes are not the ones sought.
//!
//! A `u64` holds eight bytes of the text, first byte lowest. The bit trick that finds a byte
//! below `n` in such a word (`x - n·0x01… & !x & 0x80…`) sets the high bit of each such byte;
//! a borrow can set a wrong one above a right one, but never below, so the lowest flag is exact
//! and the word has none when it has no such byte.

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// Flags on the bytes of `word` below `n` (at most 0x80).
#[inline]
pub(super) fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS
}

/// Flags on the bytes of `word` equal to `b`.
#[inline]
pub(super) fn equal(word: u64, b: u8) -> u64 {
    below(word ^ (ONES * u64::from(b)), 1)
}

/// The first byte at or after `from` that `is_match` accepts. `flags` tests eight bytes at once
/// and must flag some byte of every word that holds a match, the first match or one before it
/// lowest: the bytes are read one by one only from the lowest flag on.
#[inline]
pub(super) fn find(
    bytes: &[u8],
    from: usize,
    flags: impl Fn(u64) -> u64,
    is_match: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut at = from;
    let chunks = bytes[from..].chunks_exact(8);
    let tail = chunks.remainder();
    for chunk in chunks {
        let found = flags(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        if found != 0 {
            let first = found.trailing_zeros() as usize / 8;
            if let Some(i) = chunk[first..].iter().position(|&b| is_match(b)) {
                return Some(at + first + i);
            }
        }
        at += 8;
    }
    tail.iter().position(|&b| is_match(b)).map(|i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_match_anywhere() {
        let text = b"abc-defgh_ijklmnopqrstuvwxyz\n\t-";
        let dash = |from| find(text, from, |w| equal(w, b'-'), |b| b == b'-');
        assert_eq!(dash(0), Some(3));
        assert_eq!(dash(4), Some(30));
        assert_eq!(dash(31), None);
        let control = find(text, 0, |w| below(w, 0x0E), |b| b < 0x0E);
        assert_eq!(control, Some(28));
        // Other controls before the line break are flagged too, and passed over.
        let line = b"a\tb\x0bc\x0c\x01d\x02e\tf\x0bgh\ni\r";
        let line_break = |from| find(line, from, |w| below(w, 0x0E), |b| b == b'\n' || b == b'\r');
        assert_eq!(line_break(0), Some(15));
        assert_eq!(line_break(16), Some(17));
        for n in 0..text.len() {
            let expected = text[n..].iter().position(|&b| b == b'_').map(|i| n + i);
            assert_eq!(find(text, n, |w| equal(w, b'_'), |b| b == b'_'), expected);
        }
    }
}
