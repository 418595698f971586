//! Built-in data, embedded in the binary, and the small readers over it.
//!
//! Data files live in `crates/dateline/data/` (see its README for sources and licenses). They
//! are tab-separated: one header comment line starting with `#`, then one entry a line, with
//! `|` between the values of a list field.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

/// The rows of an embedded data file: comment and blank lines skipped, fields split on tabs.
pub(crate) fn rows(data: &'static str) -> impl Iterator<Item = Row> {
    data.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(Row::new)
}

/// Most fields a row of a data file has; the test of the embedded files checks it.
const MAX_FIELDS: usize = 12;

/// The fields of one row, held without an allocation: the data files have a hundred thousand
/// rows, read each time an extractor is built. Reads as a slice of its fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    fields: [&'static str; MAX_FIELDS],
    len: usize,
}

impl Row {
    fn new(line: &'static str) -> Row {
        let mut row = Row {
            fields: [""; MAX_FIELDS],
            len: 0,
        };
        // Tabs are ASCII, so cutting at their bytes leaves whole characters on either side.
        let mut start = 0;
        let tabs = line.bytes().enumerate().filter(|&(_, b)| b == b'\t');
        for end in tabs.map(|(i, _)| i).chain([line.len()]) {
            if row.len == MAX_FIELDS {
                break;
            }
            row.fields[row.len] = line[start..end].trim_ascii();
            row.len += 1;
            start = end + 1;
        }
        row
    }
}

impl std::ops::Deref for Row {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        &self.fields[..self.len]
    }
}

/// The words of a one-word-a-line embedded data file.
pub(crate) fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    rows(data).filter_map(|row| row.first().copied())
}

/// Words of a word list, looked up in any ASCII case: the lists that stages read for every
/// token of a story. A key is the word's bytes, lower-cased and packed into one integer, and
/// is hashed with one multiplication; no lookup allocates or compares strings.
pub(crate) struct WordMap<V> {
    map: HashMap<u128, V, BuildHasherDefault<KeyHasher>>,
}

/// Longest word a [`WordMap`] holds, in bytes.
pub(crate) const LONGEST_WORD: usize = 16;

impl<V> WordMap<V> {
    pub fn new() -> WordMap<V> {
        WordMap {
            map: HashMap::default(),
        }
    }

    /// The value of a word, inserted with `default` first if it has none. `None` for a word
    /// no map can hold (longer than [`LONGEST_WORD`], or not ASCII).
    pub fn entry_or(&mut self, word: &str, default: V) -> Option<&mut V> {
        Some(
            self.map
                .entry(word_key(word.as_bytes())?)
                .or_insert(default),
        )
    }

    pub fn get(&self, word: &str) -> Option<&V> {
        self.map.get(&word_key_fast(word.as_bytes())?)
    }

    /// [`WordMap::get`] for a word given as bytes, with the faster [`word_key_fast`]: for
    /// lookups that run for many tokens.
    #[inline]
    pub fn get_bytes(&self, word: &[u8]) -> Option<&V> {
        self.map.get(&word_key_fast(word)?)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.map.values_mut()
    }

    /// The map made ready for reading only, as a [`ShapeMap`].
    pub fn freeze(self) -> ShapeMap<V> {
        let mut entries: Vec<(usize, u128, V)> = self
            .map
            .into_iter()
            .map(|(key, value)| (key_shape(key), key, value))
            .collect();
        entries.sort_by_key(|&(shape, key, _)| (shape, key));
        assert!(
            entries.len() <= usize::from(u16::MAX),
            "a word list of under 65536 words"
        );
        // The number of words of each shape, then the sums that make them starts.
        let mut starts: Box<[u16; SHAPE_COUNT + 1]> = vec![0; SHAPE_COUNT + 1]
            .into_boxed_slice()
            .try_into()
            .expect("as many starts as shapes, and one");
        for &(shape, ..) in &entries {
            starts[shape + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let (keys, values) = entries
            .into_iter()
            .map(|(_, key, value)| (key, value))
            .unzip();
        ShapeMap {
            starts,
            keys,
            values,
        }
    }
}

/// A [`WordMap`] frozen for reading, its words grouped by shape (see [`Shapes`]). A lookup
/// finds the words of the word's shape with two loads, most often none, and compares keys with
/// those few: no hashing, no probing.
pub(crate) struct ShapeMap<V> {
    /// Where the words of each shape start in `keys` and `values`; the last entry is their
    /// number.
    starts: Box<[u16; SHAPE_COUNT + 1]>,
    keys: Vec<u128>,
    values: Vec<V>,
}

/// How many shapes there are: a length from 0 to [`LONGEST_WORD`] with two five-bit bytes.
const SHAPE_COUNT: usize = (LONGEST_WORD + 1) << 10;

impl<V> ShapeMap<V> {
    /// The value of a word, in any ASCII case.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        self.get_bytes(word.as_bytes())
    }

    /// [`ShapeMap::get`] for a word given as bytes.
    #[inline]
    pub fn get_bytes(&self, word: &[u8]) -> Option<&V> {
        let words = self.words_shaped_as(word)?;
        self.find(words, word_key_fast(word)?)
    }

    /// [`ShapeMap::get`] for a word of ASCII letters and digits only, as every word token is
    /// that the structure stage does not list as compound: its key skips the tests for other
    /// bytes (see [`alphanumeric_key`]).
    #[inline]
    pub fn get_alphanumeric(&self, word: &[u8]) -> Option<&V> {
        debug_assert!(word.iter().all(u8::is_ascii_alphanumeric), "{word:?}");
        let words = self.words_shaped_as(word)?;
        self.find(words, alphanumeric_key(word)?)
    }

    /// Where the words of the shape of `word` are; `None` when there are none.
    #[inline(always)]
    fn words_shaped_as(&self, word: &[u8]) -> Option<Range<usize>> {
        let shape = shape(word)?;
        let words = usize::from(self.starts[shape])..usize::from(self.starts[shape + 1]);
        (!words.is_empty()).then_some(words)
    }

    fn find(&self, words: Range<usize>, key: u128) -> Option<&V> {
        let at = self.keys[words.clone()].iter().position(|&k| k == key)?;
        self.values.get(words.start + at)
    }
}

/// The shape of the word of a key (see [`shape`]).
fn key_shape(key: u128) -> usize {
    let bytes = key.to_le_bytes();
    let len = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    shape(&bytes[..len]).unwrap_or(0)
}

/// A word's shape: its length (1 to [`LONGEST_WORD`]) with the low five bits of its first and
/// last bytes, which are the same for a letter's two cases. `None` for an empty word or one
/// longer than any a [`WordMap`] holds.
#[inline(always)]
fn shape(word: &[u8]) -> Option<usize> {
    let (&first, &last) = (word.first()?, word.last()?);
    (word.len() <= LONGEST_WORD)
        .then(|| word.len() << 10 | usize::from(first & 31) << 5 | usize::from(last & 31))
}

impl<V> FromIterator<(&'static str, V)> for WordMap<V> {
    /// Words no map can hold are left out; of a word given twice, the last value stays.
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(entries: I) -> WordMap<V> {
        let mut map = WordMap::new();
        for (word, value) in entries {
            if let Some(key) = word_key(word.as_bytes()) {
                map.map.insert(key, value);
            }
        }
        map
    }
}

/// A set of word shapes (see [`shape`]). A test before a
/// [`WordMap`] lookup that most words of a story fail: a shape costs a few loads, a lookup a
/// hash and a probe. Where many words pass it by chance (`dlrs` is shaped as `dies`, `company`
/// as `century`), [`Shapes::may_begin`] is a second test, on the words' first two bytes.
pub(crate) struct Shapes {
    /// For each length and the low five bits of a first byte (the same for a letter's two
    /// cases), one bit for the low five bits of the last byte of each word so long and so
    /// begun.
    ends: Box<Rows>,
    /// The same with the second byte for the last (the first again in a one-byte word).
    beginnings: Box<Rows>,
}

/// For each length up to [`LONGEST_WORD`] and each five bits, 32 bits.
type Rows = [[u32; 32]; LONGEST_WORD + 1];

impl Shapes {
    pub fn new() -> Shapes {
        Shapes {
            ends: Box::new([[0; 32]; LONGEST_WORD + 1]),
            beginnings: Box::new([[0; 32]; LONGEST_WORD + 1]),
        }
    }

    /// Adds a word's shape; a word with none (see [`shape`]) is never asked for.
    pub fn insert(&mut self, word: &[u8]) {
        if shape(word).is_some() {
            let (first, second, last) = (
                word[0],
                *word.get(1).unwrap_or(&word[0]),
                word[word.len() - 1],
            );
            self.ends[word.len()][usize::from(first & 31)] |= 1 << (last & 31);
            self.beginnings[word.len()][usize::from(first & 31)] |= 1 << (second & 31);
        }
    }

    /// Whether a word of this shape may be in the set: no if it is longer than any word a
    /// [`WordMap`] holds.
    #[inline]
    pub fn may_hold(&self, word: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return false;
        };
        self.may_hold_ends(word.len(), first, last)
    }

    /// [`Shapes::may_hold`] for a word of `len` bytes given by its first and last, for a
    /// caller that reads them from a token without making a slice.
    #[inline(always)]
    pub fn may_hold_ends(&self, len: usize, first: u8, last: u8) -> bool {
        self.ends
            .get(len)
            .is_some_and(|row| row[usize::from(first & 31)] >> (last & 31) & 1 != 0)
    }

    /// Whether a word of the set may be as long as `word` and begin with its first two bytes.
    #[inline(always)]
    pub fn may_begin(&self, word: &[u8]) -> bool {
        let (Some(&first), Some(row)) = (word.first(), self.beginnings.get(word.len())) else {
            return false;
        };
        let second = *word.get(1).unwrap_or(&first);
        row[usize::from(first & 31)] >> (second & 31) & 1 != 0
    }
}

/// The key of a word: its ASCII bytes, lower-cased, packed into one integer. Words longer
/// than [`LONGEST_WORD`] bytes or with a non-ASCII character or a NUL have none.
pub(crate) fn word_key(word: &[u8]) -> Option<u128> {
    if word.len() > LONGEST_WORD {
        return None;
    }
    // The bytes in a fixed buffer, lower-cased together: a loop the compiler turns into a few
    // vector instructions.
    let mut bytes = [0u8; LONGEST_WORD];
    bytes[..word.len()].copy_from_slice(word);
    // A NUL would be read as the padding after a shorter word.
    if word.iter().any(|&b| b >= 0x80 || b == 0) {
        return None;
    }
    for b in &mut bytes {
        *b |= u8::from(b.is_ascii_uppercase()) << 5;
    }
    Some(u128::from_le_bytes(bytes))
}

/// [`word_key`], computed without copying the word into a buffer: the bytes are read with two
/// loads of eight, four, two or one bytes that overlap where the word is shorter than both, and
/// tested and lower-cased eight at a time. A fraction of the cost of the copy.
#[inline(always)]
pub(crate) fn word_key_fast(word: &[u8]) -> Option<u128> {
    let len = word.len();
    let (low, high) = halves(word)?;
    // No byte from 0x80 up, and no NUL within the word (the padding after it is all NUL).
    let nul = |half: u64, bytes: usize| {
        // Padding bytes made 0x01, so that only the word's own NULs show.
        let filled = half | (ONES & !in_word(bytes));
        filled.wrapping_sub(ONES) & !filled & HIGHS != 0
    };
    if (low | high) & HIGHS != 0 || nul(low, len) || (len > 8 && nul(high, len - 8)) {
        return None;
    }
    Some(u128::from(ascii_lowercase8(low)) | u128::from(ascii_lowercase8(high)) << 64)
}

/// [`word_key`] of a word of ASCII letters and digits: no byte needs a test, and each byte of
/// the word is lower-cased by setting its 0x20 bit, which digits and lower-case letters have.
#[inline(always)]
pub(crate) fn alphanumeric_key(word: &[u8]) -> Option<u128> {
    let len = word.len();
    let (low, high) = halves(word)?;
    let low = low | ((ONES * 0x20) & in_word(len));
    let high = high | ((ONES * 0x20) & in_word(len.saturating_sub(8)));
    Some(u128::from(low) | u128::from(high) << 64)
}

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// A mask of the first `bytes` bytes of a half of a key.
#[inline(always)]
fn in_word(bytes: usize) -> u64 {
    match bytes {
        0 => 0,
        8.. => u64::MAX,
        n => (1 << (8 * n)) - 1,
    }
}

/// The bytes of a word as the two halves of a key, bytes 0 to 7 and 8 to 15, first byte
/// lowest and NUL after the word; `None` for a word longer than [`LONGEST_WORD`].
#[inline(always)]
fn halves(word: &[u8]) -> Option<(u64, u64)> {
    let len = word.len();
    match len {
        0..=8 => Some((load_le(word), 0)),
        9..=LONGEST_WORD => {
            let first = u64::from_le_bytes(word[..8].try_into().ok()?);
            let last = u64::from_le_bytes(word[len - 8..].try_into().ok()?);
            Some((first, last >> (8 * (16 - len))))
        }
        _ => None,
    }
}

/// Up to eight bytes as one integer, first byte lowest, read with two loads that overlap where
/// the bytes are fewer than the two hold, rather than byte by byte.
#[inline(always)]
pub(crate) fn load_le(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    match len {
        0 => 0,
        1 => u64::from(bytes[0]),
        2..=3 => {
            let first = u16::from_le_bytes([bytes[0], bytes[1]]);
            let last = u16::from_le_bytes([bytes[len - 2], bytes[len - 1]]);
            u64::from(first) | u64::from(last) << (8 * (len - 2))
        }
        4..=7 => {
            let first = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            let last = u32::from_le_bytes([
                bytes[len - 4],
                bytes[len - 3],
                bytes[len - 2],
                bytes[len - 1],
            ]);
            u64::from(first) | u64::from(last) << (8 * (len - 4))
        }
        8 => u64::from_le_bytes([
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
        ]),
        _ => panic!("at most eight bytes, not {len}"),
    }
}

/// Eight bytes in ASCII lower case at once: each byte from `A` to `Z` gains 0x20; the others,
/// non-ASCII bytes among them, stay as they are.
#[inline(always)]
pub(crate) fn ascii_lowercase8(piece: u64) -> u64 {
    const LOW_BITS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let low = piece & LOW_BITS;
    // A byte's top bit, once its low seven bits are added to, tells whether they reach `A`
    // (0x41) and whether they go beyond `Z` (0x5a); no sum carries into the next byte.
    let from_a = low + ONES * 0x3f;
    let beyond_z = low + ONES * 0x25;
    let capitals = from_a & !beyond_z & !piece & HIGHS;
    piece | capitals >> 2
}

/// Hashes a [`word_key`] with one multiplication: a general hasher costs more than the rest
/// of a lookup.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(SPREAD);
        }
    }

    fn write_u128(&mut self, key: u128) {
        let folded = key as u64 ^ ((key >> 64) as u64).rotate_left(29);
        self.0 = folded.wrapping_mul(SPREAD);
    }

    fn finish(&self) -> u64 {
        // The multiplication leaves its best bits high; the table takes its bucket from the low
        // ones.
        self.0.rotate_left(26)
    }
}

/// An odd constant with well-spread bits (2^64 divided by the golden ratio).
const SPREAD: u64 = 0x9E37_79B9_7F4A_7C15;

const MONTHS: &str = include_str!("../../data/calendar/months.tsv");

/// The month number (1–12) of a month name or abbreviation, in any case, with or without a
/// final period: `May`, `JAN.`, `Sept`.
pub(crate) fn month_number(word: &str) -> Option<i8> {
    static TABLE: OnceLock<WordMap<i8>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        rows(MONTHS)
            .filter_map(|row| Some((row[0], row.get(1)?.parse().ok()?)))
            .collect()
    });
    let word = word.strip_suffix('.').unwrap_or(word);
    if word.len() < 3 || word.len() > 9 {
        return None;
    }
    table.get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_loads_read_the_bytes_in_order() {
        for len in 0..=8 {
            let bytes: Vec<u8> = (1..=len).collect();
            let expected = bytes.iter().rev().fold(0, |n, &b| n << 8 | u64::from(b));
            assert_eq!(load_le(&bytes), expected);
        }
    }

    #[test]
    fn eight_bytes_lower_as_one_by_one() {
        for first in (0..=255u8).step_by(8) {
            let bytes: [u8; 8] = std::array::from_fn(|i| first + i as u8);
            let lowered = ascii_lowercase8(u64::from_le_bytes(bytes)).to_le_bytes();
            assert_eq!(lowered, bytes.map(|b| b.to_ascii_lowercase()));
        }
    }

    #[test]
    fn every_row_of_the_data_files_fits_a_row() {
        let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("the data directory") {
                let path = entry.expect("a directory entry").path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                for (n, line) in text.lines().enumerate() {
                    let fields = line.split('\t').count();
                    assert!(
                        fields <= MAX_FIELDS,
                        "{}:{}: {fields} fields, more than a Row holds",
                        path.display(),
                        n + 1
                    );
                }
            }
        }
    }

    #[test]
    fn fast_keys_are_the_keys() {
        let mut words: Vec<Vec<u8>> = [
            "",
            "a",
            "A",
            "an",
            "May",
            "MAY",
            "the",
            "Sept.",
            "Friday's",
            "twenty-four",
            "Thanksgiving",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "Köln",
            "@[`{",
            "Z",
        ]
        .iter()
        .map(|w| w.as_bytes().to_vec())
        .collect();
        for len in 0..=17 {
            for b in [
                0u8, 1, b'@', b'A', b'Z', b'[', b'`', b'a', b'z', b'{', 0x7F, 0x80, 0xFF,
            ] {
                for at in 0..len {
                    let mut word: Vec<u8> = (0..len).map(|i| b'a' + i as u8).collect();
                    word[at] = b;
                    words.push(word);
                }
            }
        }
        for word in &words {
            assert_eq!(word_key_fast(word), word_key(word), "{word:?}");
            if word.iter().all(u8::is_ascii_alphanumeric) {
                assert_eq!(alphanumeric_key(word), word_key(word), "{word:?}");
            }
        }
    }

    #[test]
    fn frozen_maps_find_what_word_maps_do() {
        let words = [
            "a",
            "A",
            "the",
            "May",
            "Sept.",
            "twenty-four",
            "Thanksgiving",
            "x1",
        ];
        let map: WordMap<usize> = words.iter().copied().zip(0..).collect();
        let expected: Vec<Option<usize>> = words.iter().map(|w| map.get(w).copied()).collect();
        let frozen = map.freeze();
        for (word, expected) in words.iter().zip(expected) {
            assert_eq!(frozen.get(word).copied(), expected, "{word}");
            assert_eq!(
                frozen.get(&word.to_uppercase()).copied(),
                expected,
                "{word}"
            );
        }
        assert_eq!(frozen.get_alphanumeric(b"THE"), Some(&2));
        for absent in ["", "an", "thee", "Köln", "abcdefghijklmnopq"] {
            assert_eq!(frozen.get(absent), None, "{absent}");
        }
    }

    #[test]
    fn months_in_any_case() {
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("FEb"), Some(2));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mayday"), None);
    }
}
