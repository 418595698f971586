//! The time stage: every temporal expression of the story, normalized as a TimeML TIMEX3
//! (types DATE, TIME, DURATION, SET) against the story's date.
//!
//! Three steps, one module each:
//! - [`lexicon`]: one lookup per word token finds the words that can make up an expression
//!   (month and weekday names, units, number words, `ago`, `today`, …).
//! - [`atoms`] and [`grammar`]: around each number and head word, small parsers over the
//!   sentence's tokens recognize expressions and say what each one means ([`grammar::Expr`]),
//!   with the tense of the nearest verb. Sentences with no number and no head word are skipped.
//! - [`normalize`]: the meaning becomes a TIMEX3 value, computed from the publication date, else
//!   the dateline's date, with `jiff`.
//!
//! The dateline's own date (`TEHRAN, May 13 -`) is reported too, with the value the structure
//! stage gave it.

mod atoms;
mod grammar;
mod lexicon;
mod normalize;

use std::collections::HashMap;
use std::ops::Range;

use jiff::civil::Weekday;

use super::Stage;
use crate::article::{Timex, TimexType};
use crate::document::{Document, Token, TokenKind};
use grammar::{Expr, Mention, Sentence};
use lexicon::{Class, Lexicon};
use normalize::{Anchor, Normalizer};

pub(crate) struct Time {
    lexicon: Lexicon,
}

/// How many tokens before a head word or a number an expression may begin: `no more than two
/// weeks`, `at the end of the year`.
const REACH_BEFORE: usize = 6;
/// How many tokens after the last one it may go on: `May 13, 2018`, `5 p.m. EST, Nov. 6`.
const REACH_AFTER: usize = 8;

impl Time {
    pub fn new() -> Time {
        Time {
            lexicon: Lexicon::new(),
        }
    }
}

impl Stage for Time {
    fn run(&self, doc: &mut Document<'_>) {
        // The tokens of the title, then of the dateline, which the structure stage leaves out.
        let mut tokens = Vec::with_capacity(32);
        let mut mentions = self.recognize(doc, &mut tokens);
        read_with_next(doc.text, &mut mentions);
        let anchor = document_anchor(doc, &mentions);
        let mut timexes = Vec::with_capacity(mentions.len() + 1);
        if let Some(timex) = self.dateline_timex(doc, anchor, &mut tokens) {
            timexes.push(timex);
        }
        let mut normalizer = Normalizer::new(anchor);
        for mention in &mentions {
            let resolved = normalizer.resolve(mention);
            timexes.push(Timex {
                start: mention.start,
                end: mention.end,
                text: doc.text[mention.start..mention.end].to_string(),
                kind: resolved.kind,
                value: resolved.value,
                anchor: resolved
                    .anchored
                    .then(|| anchor.map(|a| a.source.to_string()))
                    .flatten(),
                modifier: mention.modifier.map(str::to_string),
            });
        }
        doc.article.timexes = timexes;
    }
}

/// Words that join the two ends of a range: `May and July of 2003`, `May 3 to July 5, 2003`.
const RANGE_JOINERS: &[&str] = &["and", "to", "through", "until", "-", "–", "—"];

/// What an expression takes from the next one in its sentence, or gives it:
/// - the first end of a range of dates takes the year the second writes: `between May and
///   July of 2003` is May 2003, whatever the story's date;
/// - the second end of a range of months that writes no year lies after the first, wherever
///   its tense alone would put it: `April-June` in a March story is this June, not last;
/// - a clock time with no day of its own takes the day written right after it: `at 9:00 GMT
///   on Friday` is on that Friday.
fn read_with_next(text: &str, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        if mentions[i].sentence != mentions[i - 1].sentence {
            continue;
        }
        // `None` where the two overlap.
        let Some(between) = text
            .get(mentions[i - 1].end..mentions[i].start)
            .map(str::trim)
        else {
            continue;
        };
        let joins_range = RANGE_JOINERS
            .iter()
            .any(|j| between.eq_ignore_ascii_case(j));
        let (first, second) = mentions.split_at_mut(i);
        if let (
            Expr::Calendar {
                year: None,
                month: start,
                day: None,
            },
            Expr::Calendar {
                year: year @ None,
                month: end,
                day: None,
            },
        ) = (&first[i - 1].expr, &mut second[0].expr)
        {
            if joins_range {
                *year = Some(grammar::YearRef::RangeStart(i32::from(*end < *start)));
            }
            continue;
        }
        match (&mut first[i - 1].expr, &second[0].expr) {
            (
                Expr::Calendar {
                    year: year @ None, ..
                },
                Expr::Calendar {
                    year: Some(written @ grammar::YearRef::Written(_)),
                    ..
                },
            ) if joins_range => {
                *year = Some(*written);
            }
            (
                Expr::Clock {
                    day: day @ None, ..
                },
                next @ (Expr::Weekday { .. } | Expr::Calendar { day: Some(_), .. } | Expr::Days(_)),
            ) if matches!(between, "on" | "," | "") => {
                *day = Some(Box::new(next.clone()));
            }
            _ => {}
        }
    }
}

impl Time {
    /// The expressions of the title and of every sentence, in text order. `tokens` is scratch
    /// space for the title's tokens.
    fn recognize(&self, doc: &Document<'_>, tokens: &mut Vec<Token>) -> Vec<Mention> {
        // Room for most stories, so that the vectors seldom grow.
        let mut mentions = Vec::with_capacity(16);
        let mut scratch = Scratch {
            heads: Vec::with_capacity(16),
            atoms: Vec::with_capacity(64),
        };
        if let Some(title) = &doc.article.title {
            let mut compounds = Vec::new();
            atoms::tokenize(doc.text, title.start..title.end, tokens, &mut compounds);
            let words = Compounds::of(&compounds, 0);
            self.recognize_in(doc.text, tokens, 0, words, &mut scratch, &mut mentions);
        }
        for (n, indices) in doc.sentence_tokens.iter().cloned().enumerate() {
            let words = Compounds::of(&doc.compound_words, indices.start);
            let tokens = &doc.tokens[indices];
            self.recognize_in(doc.text, tokens, n, words, &mut scratch, &mut mentions);
        }
        mentions
    }

    /// The expressions of one sentence. Every expression holds a number or a head word
    /// ([`Class::is_head`]), so the grammar only reads the stretches around them, and a sentence
    /// with none costs one cheap test per token. `number` is the sentence's
    /// ([`Sentence::number`]); `scratch` is reused from sentence to sentence.
    fn recognize_in<'l>(
        &'l self,
        text: &str,
        tokens: &'l [Token],
        number: usize,
        words: Compounds<'_>,
        scratch: &mut Scratch<'l>,
        mentions: &mut Vec<Mention>,
    ) {
        find_heads(&self.lexicon, text, tokens, words, &mut scratch.heads);
        let sentence = Sentence {
            tokens,
            lexicon: &self.lexicon,
            number,
        };
        let mut stretch: Option<Stretch> = None;
        for &n in &scratch.heads {
            let token = &tokens[n];
            let from = n.saturating_sub(REACH_BEFORE);
            let to = (n + 1 + REACH_AFTER).min(tokens.len());
            let bears_expression = !is_decimal_of_four(text, tokens, n);
            match &mut stretch {
                Some(open) if from <= open.tokens.end => {
                    open.tokens.end = to;
                    open.last_head_end = token.end;
                    open.bears_expression |= bears_expression;
                }
                _ => {
                    let around = Stretch {
                        tokens: from..to,
                        last_head_end: token.end,
                        bears_expression,
                    };
                    if let Some(done) = stretch.replace(around) {
                        done.parse(text, sentence, words, &mut scratch.atoms, mentions);
                    }
                }
            }
        }
        if let Some(done) = stretch {
            done.parse(text, sentence, words, &mut scratch.atoms, mentions);
        }
    }

    /// The dateline's date as a timex: its span is the month and day (and year) inside the
    /// dateline, its value the one the structure stage computed. `tokens` is scratch space.
    fn dateline_timex(
        &self,
        doc: &Document<'_>,
        anchor: Option<Anchor>,
        tokens: &mut Vec<Token>,
    ) -> Option<Timex> {
        let dateline = doc.article.dateline.as_ref()?;
        let value = dateline.date.clone()?;
        let span = self.date_in(doc.text, dateline.start..dateline.end, tokens)?;
        let text = &doc.text[span.clone()];
        let year_written = text.bytes().filter(u8::is_ascii_digit).count() >= 4;
        let from_publication = !year_written && anchor.is_some_and(|a| a.source == "date");
        Some(Timex {
            start: span.start,
            end: span.end,
            text: text.to_string(),
            kind: TimexType::Date,
            value,
            anchor: from_publication.then(|| "date".to_string()),
            modifier: None,
        })
    }

    /// The span of `May 13`, `Jan. 5` or `June 29, 2018` inside a dateline. `tokens` is
    /// scratch space.
    fn date_in(
        &self,
        text: &str,
        range: Range<usize>,
        tokens: &mut Vec<Token>,
    ) -> Option<Range<usize>> {
        tokens.clear();
        atoms::tokenize(text, range.clone(), tokens, &mut Vec::new());
        let month = tokens.iter().find(|t| {
            t.kind == TokenKind::Word
                && matches!(
                    self.lexicon
                        .class_of_bytes(&text.as_bytes()[t.start..t.end]),
                    Some(Class::Month(_))
                )
        })?;
        let bytes = text.as_bytes();
        let mut end = month.end;
        let skip = |at: &mut usize, allowed: &dyn Fn(u8) -> bool| {
            while *at < range.end && allowed(bytes[*at]) {
                *at += 1;
            }
        };
        let mut at = end;
        skip(&mut at, &|b| b == b'.' || b == b' ');
        let day_start = at;
        skip(&mut at, &|b| b.is_ascii_digit());
        if at == day_start {
            return None;
        }
        end = at;
        let mut year_at = at;
        skip(&mut year_at, &|b| b == b',' || b == b' ');
        let year_start = year_at;
        skip(&mut year_at, &|b| b.is_ascii_digit());
        if year_at - year_start == 4 {
            end = year_at;
        }
        Some(month.start..end)
    }
}

/// Which word tokens of a run of tokens may have parts ([`atoms::word_parts`]): the compound
/// words ([`Document::compound_words`], or the like for the title, which the time stage
/// tokenizes itself). Any other word is plain and is looked up whole, with no search for a
/// hyphen or an apostrophe in it.
#[derive(Clone, Copy)]
pub(super) struct Compounds<'a> {
    /// Indices of compound words from the run's first token on, ascending, counted from
    /// `base`.
    words: &'a [usize],
    /// The index of the run's first token, counted the same way.
    first: usize,
}

impl<'a> Compounds<'a> {
    fn of(words: &'a [usize], first: usize) -> Compounds<'a> {
        let from = words.partition_point(|&n| n < first);
        Compounds {
            words: &words[from..],
            first,
        }
    }

    /// The same for the run that starts `n` tokens later.
    fn from(self, n: usize) -> Compounds<'a> {
        Compounds::of(self.words, self.first + n)
    }

    /// Where the next compound word is, in tokens from the run's start (`usize::MAX` if
    /// there is none), and the list after it. Walked along with the tokens, this costs one
    /// comparison a word.
    #[inline]
    pub fn next(&mut self) -> usize {
        match self.words.split_first() {
            Some((&word, rest)) => {
                self.words = rest;
                word - self.first
            }
            None => usize::MAX,
        }
    }
}

/// Space that [`Time::recognize_in`] reuses from sentence to sentence; `'l` is the lexicon's
/// lifetime.
struct Scratch<'l> {
    /// The heads of the sentence ([`find_heads`]).
    heads: Vec<usize>,
    /// The atoms of the stretch being parsed ([`atoms::atoms`]).
    atoms: Vec<atoms::Atom<'l>>,
}

/// Fills `heads` with the tokens of a sentence that can head an expression: numbers
/// ([`number_is_head`]) and words that are or hold a head word ([`Class::is_head`]). It reads
/// every token of every story, so the plain words between two compound words are read in a
/// loop of their own that tests no compound index.
fn find_heads(
    lexicon: &Lexicon,
    text: &str,
    tokens: &[Token],
    mut compounds: Compounds<'_>,
    heads: &mut Vec<usize>,
) {
    heads.clear();
    let mut next = 0;
    loop {
        let plain_end = compounds.next().min(tokens.len());
        push_plain_heads(lexicon, text, tokens, next..plain_end, heads);
        let Some(compound) = tokens.get(plain_end) else {
            return;
        };
        if lexicon.has_head(text, compound) {
            heads.push(plain_end);
        }
        next = plain_end + 1;
    }
}

/// Pushes to `heads` the heads among tokens `range` of a sentence, none of them a compound
/// word. It reads nearly every token of every story, so it keeps to what fits in registers.
fn push_plain_heads(
    lexicon: &Lexicon,
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    heads: &mut Vec<usize>,
) {
    let bytes = text.as_bytes();
    let first = range.start;
    for (n, token) in tokens[range].iter().enumerate() {
        let head = match token.kind {
            TokenKind::Word => lexicon.is_plain_head(bytes, token),
            TokenKind::Number => number_is_head(text, tokens, first + n),
            TokenKind::Punct => false,
        };
        if head {
            heads.push(first + n);
        }
    }
}

/// Tokens of a sentence around one or more heads, where expressions may be.
struct Stretch {
    tokens: Range<usize>,
    /// Where the last head ends, in bytes. A head may be a compound word whose later part
    /// starts an expression (`end-January`, `three-month-to-three-year`).
    last_head_end: usize,
    /// Whether a head of the stretch can bear an expression: one that is not
    /// [`is_decimal_of_four`].
    bears_expression: bool,
}

impl Stretch {
    fn parse<'l>(
        self,
        text: &str,
        sentence: Sentence<'l>,
        words: Compounds<'_>,
        atoms: &mut Vec<atoms::Atom<'l>>,
        mentions: &mut Vec<Mention>,
    ) {
        if !self.bears_expression {
            return;
        }
        let words = words.from(self.tokens.start);
        let tokens = &sentence.tokens[self.tokens];
        atoms::atoms(text, tokens, words, sentence.lexicon, atoms);
        grammar::recognize(text, atoms, sentence, self.last_head_end, mentions);
    }
}

/// Whether number token `n` can make an expression without a head word near it: a year or an
/// ISO date (`1996`, `2018-05-13`), a clock time or a slashed date (`10:35`, `5/13/2018`), a
/// decade (`1990s`, `'90s`). Counts (`17 years`), days (`May 13`) and hours (`3 p.m.`) have
/// their head word.
fn number_is_head(text: &str, tokens: &[Token], n: usize) -> bool {
    let token = &tokens[n];
    token.end - token.start == 4 || number_is_head_in_form(text, tokens, n)
}

/// [`number_is_head`] for what the number is, not how long: a decade, a clock time or a
/// slashed date.
fn number_is_head_in_form(text: &str, tokens: &[Token], n: usize) -> bool {
    let token = &tokens[n];
    let number = &text.as_bytes()[token.start..token.end];
    let decade = tokens.get(n + 1).is_some_and(|next| {
        next.start == token.end && &text.as_bytes()[next.start..next.end] == b"s"
    });
    decade || number.iter().any(|&b| b == b':' || b == b'/')
}

/// Whether number token `n` is a head by its length alone, four characters as a year, though
/// one of them is a separator (`12.5`, `1.25`): neither a year nor anything else the grammar
/// reads. It still widens and extends the stretch of a head near it, as any head does, but a
/// stretch with no other head holds no expression and is not parsed: in business news, many
/// are.
fn is_decimal_of_four(text: &str, tokens: &[Token], n: usize) -> bool {
    let token = &tokens[n];
    let number = &text.as_bytes()[token.start..token.end];
    token.kind == TokenKind::Number
        && number.len() == 4
        && !number.iter().all(u8::is_ascii_digit)
        && !number_is_head_in_form(text, tokens, n)
}

/// Appends a number as `{:0width$}` writes it (`width` 0: as `{}` does). Values are built
/// this way, not with `format!`: the formatting machinery costs more than the rest of
/// normalizing an expression.
pub(super) fn push_number(out: &mut String, number: i64, width: usize) {
    if number < 0 {
        // Never in practice; the formatter pads after the sign.
        use std::fmt::Write;
        write!(out, "{number:0width$}").expect("a String takes any text");
        return;
    }
    push_unsigned(out, number.unsigned_abs(), width);
}

/// [`push_number`] for an unsigned number.
pub(super) fn push_unsigned(out: &mut String, number: u64, width: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = number;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for _ in digits.len() - at..width {
        out.push('0');
    }
    // One copy, not a push (and a capacity test) a digit.
    out.extend(digits[at..].iter().map(|&digit| char::from(digit)));
}

/// The anchor of the story: the publication date, else the dateline's date.
fn document_anchor(doc: &Document<'_>, mentions: &[Mention]) -> Option<Anchor> {
    if let Some(date) = doc.publication_date {
        return Some(Anchor::publication(date));
    }
    let value = doc.article.dateline.as_ref()?.date.as_deref()?;
    Anchor::from_dateline(value, story_weekday(mentions))
}

/// The weekday a story names most often on its own (`on Sunday`, not `last Sunday`): in a wire
/// story, the day of the dateline. Ties go to the one named first.
fn story_weekday(mentions: &[Mention]) -> Option<Weekday> {
    let mut counts: HashMap<i8, (usize, usize)> = HashMap::new();
    for (order, mention) in mentions.iter().enumerate() {
        let weekday = match &mention.expr {
            Expr::Weekday {
                weekday,
                shift: None,
            } => *weekday,
            Expr::PartOfDay { day, .. } => match **day {
                Expr::Weekday {
                    weekday,
                    shift: None,
                } => weekday,
                _ => continue,
            },
            _ => continue,
        };
        counts.entry(weekday).or_insert((0, order)).0 += 1;
    }
    let (&weekday, _) = counts
        .iter()
        .max_by_key(|(_, &(count, first))| (count, std::cmp::Reverse(first)))?;
    Weekday::from_monday_one_offset(weekday).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_the_formatter_writes_them() {
        for number in [
            0, 1, 7, 9, 10, 42, 99, 100, 199, 1987, 2018, 10_000, 123_456, -1, -42, -2018,
        ] {
            for width in [0, 2, 4] {
                let mut out = String::new();
                push_number(&mut out, number, width);
                assert_eq!(out, format!("{number:0width$}"), "{number} {width}");
            }
        }
    }
}
