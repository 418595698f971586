//! What the quote, casualty and event stages share: a phrase matcher for their curated word
//! lists, the closed-class words they read phrases with, counts written in digits or words,
//! and [`Story`], a view of one document that finds noun phrases, the entities they stand for
//! (names, pronouns, "the minister", "the terrorist group"), and the place and time of a fact.
//!
//! The knowledge is read once per process ([`knowledge`]); a `Story` is built once per stage
//! run and holds no per-token allocations.

use rustc_hash::FxHashSet;
use std::cell::Cell;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, PatternID, StartKind};

use crate::article::{Entity, Label, Timex, TimexType};
use crate::document::{Document, Token, TokenKind};
use crate::lexicon::{self, ShapeMap, Shapes, WordMap};

const FUNCTION_WORDS: &str = include_str!("../../data/facts/function_words.tsv");
const NUMBERS: &str = include_str!("../../data/facts/numbers.tsv");
const VAGUE_AMOUNTS: &str = include_str!("../../data/facts/vague_amounts.tsv");
const QUALIFIERS: &str = include_str!("../../data/facts/qualifiers.tsv");
const ARMED_GROUP_NOUNS: &str = include_str!("../../data/facts/armed_group_nouns.tsv");
/// The organizations gazetteer: its `kind` column tells which ones are armed groups.
const ORGANIZATIONS: &str = include_str!("../../data/orgs/organizations.tsv");
/// The phrase lists of the quote, casualty and event stages, read here only for the first
/// words of their phrases: a sentence without one is not searched for them.
const SPEECH_CUES: &str = include_str!("../../data/facts/speech_cues.tsv");
const CASUALTY_TRIGGERS: &str = include_str!("../../data/facts/casualty_triggers.tsv");
const EVENT_TRIGGERS: &str = include_str!("../../data/facts/event_triggers.tsv");

/// Longest noun phrase, in tokens, read as a speaker, actor or perpetrator.
const MAX_PHRASE_TOKENS: usize = 10;
/// Longest appositive, in tokens, between a speaker's name and the verb.
const MAX_APPOSITIVE_TOKENS: usize = 24;
/// How many sentences back a pronoun or a description looks for what it stands for.
const REFERENCE_SENTENCES: usize = 4;

/// How many sentences back a person pronoun or a description ("the minister") may find its
/// antecedent. Bounded so that the search stays linear in long texts; news stories rarely
/// refer further back.
const FAR_REFERENCE_SENTENCES: usize = 30;

/// Whole-word, ASCII-case-insensitive occurrences of a list of phrases, each with a value.
pub(super) struct Phrases<V> {
    /// Walked byte by byte from a phrase's first byte: the searches are anchored and end
    /// within a few bytes, where the setup of a general search would cost more than the walk.
    automaton: DFA,
    values: Vec<V>,
    /// The phrases that are one word of letters and digits, listed once and beginning no
    /// longer phrase, as most are (`said`, `killed`): at a word token that is one, the walk is
    /// answered by a lookup.
    single_words: ShapeMap<V>,
}

impl<V: Copy> Phrases<V> {
    pub fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> Phrases<V> {
        let (patterns, values): (Vec<&str>, Vec<V>) = entries.into_iter().unzip();
        // A DFA scans several times faster than an NFA; these lists are small enough for its
        // larger size and build time.
        let automaton = DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .expect("phrase lists are small enough for an automaton");
        let mut single_words = WordMap::new();
        for (n, &phrase) in patterns.iter().enumerate() {
            let begins = |other: &str| {
                other.len() >= phrase.len()
                    && other.as_bytes()[..phrase.len()].eq_ignore_ascii_case(phrase.as_bytes())
            };
            let alone = patterns
                .iter()
                .enumerate()
                .all(|(m, &other)| m == n || !begins(other));
            if alone && phrase.bytes().all(|b| b.is_ascii_alphanumeric()) {
                single_words.entry_or(phrase, values[n]);
            }
        }
        Phrases {
            automaton,
            values,
            single_words: single_words.freeze(),
        }
    }

    /// [`Phrases::at`] the start of a word token of ASCII letters and digits only, not a
    /// compound word: a word of [`Phrases::single_words`] is the longest phrase there, as no
    /// other phrase begins with it, and needs no walk.
    fn at_plain_word(&self, text: &str, token: Token, limit: usize) -> Option<(usize, V)> {
        let word = &text.as_bytes()[token.start..token.end];
        match self.single_words.get_alphanumeric(word) {
            Some(&value) if token.end <= limit => {
                is_whole_word(text, token.start, token.end).then_some((token.end, value))
            }
            _ => self.at(text, token.start, limit),
        }
    }

    /// The occurrences inside the byte range `range` of the story, in text order, each the
    /// longest phrase at its start and none overlapping the one before. Phrases start at
    /// words that `starts` marks as the first word of one of these phrases: other tokens
    /// are not searched.
    pub fn find<'a>(
        &'a self,
        story: &'a Story<'_>,
        range: Range<usize>,
        starts: WordClass,
    ) -> impl Iterator<Item = Found<V>> + 'a {
        let tokens = story.token_at(range.start)..story.token_at(range.end);
        self.find_in_tokens(story, tokens, range, starts)
    }

    /// [`Phrases::find`] over a whole sentence, whose tokens are known.
    pub fn find_in_sentence<'a>(
        &'a self,
        story: &'a Story<'_>,
        sentence: &Sentence,
        starts: WordClass,
    ) -> impl Iterator<Item = Found<V>> + 'a {
        self.find_in_tokens(
            story,
            sentence.tokens.clone(),
            sentence.range.clone(),
            starts,
        )
    }

    /// [`Phrases::find`] in the byte range `range`, whose tokens are `tokens`.
    fn find_in_tokens<'a>(
        &'a self,
        story: &'a Story<'_>,
        tokens: Range<usize>,
        range: Range<usize>,
        starts: WordClass,
    ) -> Occurrences<'a, V> {
        let bit = starts.bit();
        debug_assert!(
            bit & PHRASE_STARTS != 0,
            "{starts:?}: only the first words of phrases are listed"
        );
        let listed = story.phrase_start_tokens;
        let from = listed.partition_point(|&t| t < tokens.start);
        Occurrences {
            phrases: self,
            story,
            listed: listed[from..].iter(),
            tokens_end: tokens.end,
            bit,
            limit: range.end,
            searched_to: range.start,
            compound: None,
        }
    }

    /// The longest phrase that starts exactly at `start` and ends at a word boundary before
    /// `limit`: its end and value.
    pub fn at(&self, text: &str, start: usize, limit: usize) -> Option<(usize, V)> {
        if start >= limit || limit > text.len() {
            return None;
        }
        let dfa = &self.automaton;
        // The longest phrase that starts at `start`: the last match before the walk dies. A
        // match state may also carry a phrase that starts later, which is passed over.
        let phrase_at = |state, end: usize| {
            let pattern = dfa.match_pattern(state, 0);
            (end - dfa.pattern_len(pattern) == start).then_some((end, pattern))
        };
        let mut state = dfa.start_state(Anchored::Yes).ok()?;
        let mut longest: Option<(usize, PatternID)> = None;
        if dfa.is_match(state) {
            longest = phrase_at(state, start);
        }
        for (end, &byte) in (start + 1..).zip(&text.as_bytes()[start..limit]) {
            state = dfa.next_state(Anchored::Yes, state, byte);
            if dfa.is_special(state) {
                if dfa.is_dead(state) {
                    break;
                }
                if dfa.is_match(state) {
                    longest = phrase_at(state, end).or(longest);
                }
            }
        }
        longest
            .filter(|&(end, _)| is_whole_word(text, start, end))
            .map(|(end, pattern)| (end, self.values[pattern.as_usize()]))
    }
}

/// A phrase of a list found in a story.
#[derive(Debug, Clone)]
pub(super) struct Found<V> {
    /// Its bytes.
    pub range: Range<usize>,
    /// The token at or after its first byte to the token at or after its end, as
    /// [`Story::token_at`] finds them: the token of its first word, or the one after when the
    /// phrase starts inside a compound word.
    pub tokens: Range<usize>,
    pub value: V,
}

/// The search of [`Phrases::find`], in one loop over the listed words of a class and the
/// later parts of the compound ones: it runs over every sentence that holds such a word.
struct Occurrences<'a, V> {
    phrases: &'a Phrases<V>,
    story: &'a Story<'a>,
    /// The tokens that may start a phrase ([`Story::phrase_start_tokens`]), from the first in
    /// the searched tokens on.
    listed: std::slice::Iter<'a, usize>,
    /// The token after the searched ones.
    tokens_end: usize,
    /// The bit of the class whose words start the phrases.
    bit: u16,
    /// Where the searched bytes end.
    limit: usize,
    /// Where the last phrase found ends: the next starts there or later.
    searched_to: usize,
    /// A compound word whose later parts are still to search, and the start of the part last
    /// searched.
    compound: Option<(usize, usize)>,
}

impl<V: Copy> Iterator for Occurrences<'_, V> {
    type Item = Found<V>;

    #[inline]
    fn next(&mut self) -> Option<Found<V>> {
        let story = self.story;
        loop {
            // A token, where it is searched, and whether it is a plain word searched whole.
            let (t, start, plain) = match self.compound {
                Some((t, from)) => match next_part_start(story.text, story.tokens[t], from) {
                    Some(start) => {
                        self.compound = Some((t, start));
                        (t, start, false)
                    }
                    None => {
                        self.compound = None;
                        continue;
                    }
                },
                None => {
                    let &t = self.listed.next().filter(|&&t| t < self.tokens_end)?;
                    let classes = story.classes[t].get();
                    if classes & self.bit == 0 {
                        continue;
                    }
                    let start = story.tokens[t].start;
                    let compound = classes & COMPOUND != 0;
                    if compound {
                        self.compound = Some((t, start));
                    }
                    (t, start, !compound)
                }
            };
            if start < self.searched_to {
                continue;
            }
            let phrase = if plain {
                self.phrases
                    .at_plain_word(story.text, story.tokens[t], self.limit)
            } else {
                self.phrases.at(story.text, start, self.limit)
            };
            if let Some((end, value)) = phrase {
                self.searched_to = end;
                return Some(Found {
                    range: start..end,
                    tokens: story.tokens_from(t, start..end),
                    value,
                });
            }
        }
    }
}

/// Where the next part of a compound word starts after the part that starts at byte `from`
/// (the word's start for its first part): after the next character that is no letter or digit
/// (`car-bombed` holds `bombed`); `None` when no part is left.
fn next_part_start(text: &str, token: Token, from: usize) -> Option<usize> {
    let (i, c) = text[from..token.end]
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())?;
    let start = from + i + c.len_utf8();
    (start < token.end).then_some(start)
}

/// The first words of the phrases of a list, as [`next_part_start`] cuts words: `shot` of
/// `shot dead`, `so` of `so-called`.
fn phrase_first_words(data: &'static str) -> impl Iterator<Item = &'static str> {
    lexicon::words(data).filter_map(|phrase| {
        phrase
            .split(|c: char| !c.is_alphanumeric())
            .find(|part| !part.is_empty())
    })
}

/// No letter or digit touches the match on either side.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Whether `word`, of letters and digits only, is one of the words of `phrase` (its runs of
/// letters and digits), in any ASCII case. Found by comparing bytes where the first one
/// matches, not by cutting the phrase into words: it runs over the names and titles of every
/// entity before a description.
fn holds_word(phrase: &str, word: &str) -> bool {
    let (bytes, wanted) = (phrase.as_bytes(), word.as_bytes());
    let Some(&first) = wanted.first() else {
        return false;
    };
    let first = first.to_ascii_lowercase();
    let last_start = bytes.len().checked_sub(wanted.len());
    (0..last_start.map_or(0, |l| l + 1)).any(|i| {
        // A match starts and ends at character boundaries: `word` is whole characters.
        bytes[i].to_ascii_lowercase() == first
            && bytes[i..i + wanted.len()].eq_ignore_ascii_case(wanted)
            && !phrase[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && !phrase[i + wanted.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

/// Classes of the closed-class words in `data/facts/function_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordClass {
    Auxiliary,
    Boundary,
    Determiner,
    PersonPronoun,
    GroupPronoun,
    ThingPronoun,
    SpeakerPronoun,
    Locative,
    /// The first word of a speech cue (`data/facts/speech_cues.tsv`).
    StartsSpeechCue,
    /// The first word of a casualty trigger (`data/facts/casualty_triggers.tsv`).
    StartsCasualtyTrigger,
    /// The first word of an event trigger (`data/facts/event_triggers.tsv`).
    StartsEventTrigger,
}

/// The classes of the first words of phrases, which a word's parts carry too.
const PHRASE_STARTS: u16 = WordClass::StartsSpeechCue.bit()
    | WordClass::StartsCasualtyTrigger.bit()
    | WordClass::StartsEventTrigger.bit();

/// Set in a token's classes once its closed classes (all but [`PHRASE_STARTS`]) are looked up:
/// the first read of one does it (see [`Story::is`]). Most words are never asked about.
const CLOSED_CLASSES_READ: u16 = 1 << 15;

/// Set in the classes of a compound word, one of [`Document::compound_words`]: any other word
/// is ASCII letters and digits, one part with no inner start of a phrase.
const COMPOUND: u16 = 1 << 14;

impl WordClass {
    fn parse(name: &str) -> Option<WordClass> {
        Some(match name {
            "auxiliary" => WordClass::Auxiliary,
            "boundary" => WordClass::Boundary,
            "determiner" => WordClass::Determiner,
            "person_pronoun" => WordClass::PersonPronoun,
            "group_pronoun" => WordClass::GroupPronoun,
            "thing_pronoun" => WordClass::ThingPronoun,
            "speaker_pronoun" => WordClass::SpeakerPronoun,
            "locative" => WordClass::Locative,
            _ => return None,
        })
    }

    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// How a qualifier bends the number after it (`data/facts/qualifiers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    About,
    Nearly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberWord {
    /// Added to the running number: `twenty` `five`.
    Unit(u64),
    /// Multiplies the running number: `three hundred`, `two dozen`.
    Scale(u64),
}

/// The word lists every fact stage reads, loaded once per process.
pub(super) struct Knowledge {
    /// The classes of each closed-class word (`data/facts/function_words.tsv`).
    closed_classes: ShapeMap<u16>,
    /// The classes of each first word of a phrase ([`PHRASE_STARTS`]): a few hundred words.
    phrase_starts: ShapeMap<u16>,
    /// The shapes of those words: a test of a few instructions, run before a lookup, that
    /// most words of a story fail; and a second, on their first two letters, for the words
    /// that pass the first, as half of them do by chance (`dlrs` is shaped as `dies`, `pct`
    /// as `put`).
    phrase_start_shapes: Shapes,
    numbers: WordMap<NumberWord>,
    vague_amounts: Phrases<u64>,
    qualifiers: Phrases<Qualifier>,
    armed_group_nouns: WordMap<()>,
    /// Canonical names of the armed groups in the organizations gazetteer.
    armed_groups: FxHashSet<&'static str>,
}

pub(super) fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(Knowledge::load)
}

/// Reads the [`Knowledge`] now: each fact stage does as it is built, with the extractor, so that
/// the first story extracted does not wait for it.
pub(super) fn load_knowledge() {
    knowledge();
}

impl Knowledge {
    fn load() -> Knowledge {
        let add = |map: &mut WordMap<u16>, word: &str, class: WordClass| {
            if let Some(classes) = map.entry_or(word, 0) {
                *classes |= class.bit();
            }
        };
        let mut closed_classes: WordMap<u16> = WordMap::new();
        for row in lexicon::rows(FUNCTION_WORDS) {
            if let Some(class) = row.get(1).and_then(|c| WordClass::parse(c)) {
                add(&mut closed_classes, row[0], class);
            }
        }
        let mut phrase_starts: WordMap<u16> = WordMap::new();
        let mut phrase_start_shapes = Shapes::new();
        for (list, class) in [
            (SPEECH_CUES, WordClass::StartsSpeechCue),
            (CASUALTY_TRIGGERS, WordClass::StartsCasualtyTrigger),
            (EVENT_TRIGGERS, WordClass::StartsEventTrigger),
        ] {
            for word in phrase_first_words(list) {
                add(&mut phrase_starts, word, class);
                phrase_start_shapes.insert(word.as_bytes());
            }
        }
        let numbers = lexicon::rows(NUMBERS)
            .filter_map(|row| {
                let value = row.get(1)?.parse().ok()?;
                let word = match *row.get(2)? {
                    "scale" => NumberWord::Scale(value),
                    _ => NumberWord::Unit(value),
                };
                Some((row[0], word))
            })
            .collect();
        let vague_amounts = Phrases::new(
            lexicon::rows(VAGUE_AMOUNTS)
                .filter_map(|row| Some((row[0], row.get(1)?.parse().ok()?))),
        );
        let qualifiers = Phrases::new(lexicon::rows(QUALIFIERS).filter_map(|row| {
            let effect = match *row.get(1)? {
                "more_than" => Qualifier::MoreThan,
                "at_least" => Qualifier::AtLeast,
                "less_than" => Qualifier::LessThan,
                "at_most" => Qualifier::AtMost,
                "about" => Qualifier::About,
                "nearly" => Qualifier::Nearly,
                _ => return None,
            };
            Some((row[0], effect))
        }));
        let armed_groups = lexicon::rows(ORGANIZATIONS)
            .filter(|row| row.get(2) == Some(&"militant"))
            .map(|row| row[0])
            .collect();
        Knowledge {
            closed_classes: closed_classes.freeze(),
            phrase_starts: phrase_starts.freeze(),
            phrase_start_shapes,
            numbers,
            vague_amounts,
            qualifiers,
            armed_group_nouns: lexicon::words(ARMED_GROUP_NOUNS).map(|w| (w, ())).collect(),
            armed_groups,
        }
    }

    /// The closed classes of a word, as bits (see [`WordClass::bit`]); an adverb in `-ly`
    /// counts as an auxiliary, since it stands between a subject and its verb as they do
    /// (`has repeatedly said`). A word that is not `compound` (see [`COMPOUND`]) is ASCII
    /// letters and digits, whose key skips the tests for other bytes.
    fn closed_classes_of(&self, bytes: &[u8], compound: bool) -> u16 {
        let listed = if compound {
            self.closed_classes.get_bytes(bytes)
        } else {
            self.closed_classes.get_alphanumeric(bytes)
        };
        let mut classes = listed.copied().unwrap_or(0);
        if bytes.len() > 4 && bytes.ends_with(b"ly") && bytes[0].is_ascii_lowercase() {
            classes |= WordClass::Auxiliary.bit();
        }
        classes
    }

    /// The [`PHRASE_STARTS`] classes of a word of ASCII letters and digits only. Out of line:
    /// it runs for the few words of the shape of one, and the loop over every word that calls
    /// it keeps its registers.
    #[inline(never)]
    fn phrase_starts_of_alphanumeric(&self, word: &[u8]) -> u16 {
        self.phrase_starts
            .get_alphanumeric(word)
            .copied()
            .unwrap_or(0)
    }

    /// The [`PHRASE_STARTS`] classes of a compound word: those of its parts after the first
    /// (`bombed` of `car-bombed`). The word itself starts no phrase, as only letters and digits
    /// do (see [`phrase_first_words`]). Out of line, as it runs for few words.
    #[inline(never)]
    fn compound_phrase_starts(&self, word: &str) -> u16 {
        let mut classes = 0;
        if word.is_ascii() {
            // Cut at bytes, which for ASCII are the characters, with no decoding.
            let parts = word.as_bytes().split(|b| !b.is_ascii_alphanumeric());
            for part in parts.skip(1) {
                classes |= self.phrase_starts_of_alphanumeric(part);
            }
        } else {
            for part in word.split(|c: char| !c.is_alphanumeric()).skip(1) {
                classes |= self.phrase_starts.get(part).copied().unwrap_or(0);
            }
        }
        classes
    }

    /// The classes of every token of a document, for all the fact stages: the first words of
    /// phrases now, since a stage looks for them all over the story, and the closed classes of
    /// a word only when a stage first asks (see [`CLOSED_CLASSES_READ`]), as it does only
    /// near the phrases it finds. Marks the compound words ([`COMPOUND`]) and lists the tokens
    /// that may start a phrase too.
    pub fn token_classes(&self, doc: &mut Document<'_>) {
        if doc.word_classes.len() == doc.tokens.len() {
            return;
        }
        let (text, tokens) = (doc.text, &doc.tokens);
        let bytes = text.as_bytes();
        // Only the few tokens that start a phrase or are compound words have classes to write.
        let mut classes = vec![0; tokens.len()];
        let mut phrase_start_tokens = Vec::new();
        // The compound words first, whose parts after the first may start a phrase.
        for &i in &doc.compound_words {
            let t = tokens[i];
            let starts = self.compound_phrase_starts(&text[t.start..t.end]);
            classes[i] = COMPOUND | starts;
            if starts != 0 {
                phrase_start_tokens.push(i);
            }
        }
        let in_compounds = phrase_start_tokens.len();
        // Then every other word, whose shape rules most out, in a loop that holds little else.
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let word = &bytes[t.start..t.end];
            if self.phrase_start_shapes.may_hold(word)
                && self.phrase_start_shapes.may_begin(word)
                && classes[i] & COMPOUND == 0
            {
                let starts = self.phrase_starts_of_alphanumeric(word);
                if starts != 0 {
                    classes[i] = starts;
                    phrase_start_tokens.push(i);
                }
            }
        }
        if in_compounds > 0 {
            phrase_start_tokens.sort_unstable();
        }
        doc.word_classes = classes;
        doc.phrase_start_tokens = phrase_start_tokens;
    }
}

/// A count of people as written: `57`, `more than 30`, `a dozen`, `dozens`, `twenty-five`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Amount {
    /// Bytes from the qualifier (if any) to the end of the number.
    pub span: Range<usize>,
    /// The token after the amount.
    pub next: usize,
    pub count: Option<u64>,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub approximate: bool,
}

/// One sentence of the story, with its tokens and paragraph.
#[derive(Debug, Clone)]
pub(super) struct Sentence {
    pub range: Range<usize>,
    /// Indices into [`Story::tokens`].
    pub tokens: Range<usize>,
    pub paragraph: usize,
    /// Where the first sentence of its paragraph starts, in bytes.
    pub paragraph_start: usize,
}

/// A noun phrase read as a speaker, actor or perpetrator, and the entity it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Phrase {
    /// Indices into [`Story::tokens`].
    pub tokens: Range<usize>,
    /// Bytes.
    pub span: Range<usize>,
    /// Index into the article's entities.
    pub entity: Option<usize>,
}

/// A mention of an entity, in bytes.
#[derive(Debug, Clone, Copy)]
struct MentionAt {
    start: usize,
    end: usize,
    entity: usize,
}

/// One document as the fact stages read it.
pub(super) struct Story<'d> {
    pub text: &'d str,
    pub tokens: &'d [Token],
    pub sentences: &'d [Sentence],
    pub entities: &'d [Entity],
    pub timexes: &'d [Timex],
    /// Indexes into `timexes` by start, and by end: a fact looks up the times near it, which
    /// must not cost a pass over all of them in a long story.
    timexes_by_start: &'d [usize],
    timexes_by_end: &'d [usize],
    pub knowledge: &'static Knowledge,
    /// The [`WordClass`] bits of each token, its closed classes filled in as they are read
    /// (see [`Story::is`]); kept in the document for the next stage.
    classes: &'d [Cell<u16>],
    /// The tokens whose classes hold one of [`PHRASE_STARTS`], in order: a few in a hundred,
    /// which a search for phrases reads instead of the classes of every token.
    phrase_start_tokens: &'d [usize],
    /// Every mention of every entity, by start.
    mentions: &'d [MentionAt],
    /// The entity of the dateline's place.
    pub dateline_place: Option<usize>,
}

/// What a [`Story`] reads from a document besides its text, tokens and word classes. Built by
/// the first fact stage that runs and kept in [`Document::fact_index`] for the others: they
/// run after every stage that writes sentences, times or entities, and change none of these.
struct StoryIndex {
    sentences: Vec<Sentence>,
    timexes_by_start: Vec<usize>,
    timexes_by_end: Vec<usize>,
    mentions: Vec<MentionAt>,
    dateline_place: Option<usize>,
}

impl StoryIndex {
    fn new(doc: &Document<'_>) -> StoryIndex {
        let article = &doc.article;
        let timexes = &article.timexes;
        let mut timexes_by_start: Vec<usize> = (0..timexes.len()).collect();
        timexes_by_start.sort_by_key(|&i| (timexes[i].start, i));
        let mut timexes_by_end: Vec<usize> = (0..timexes.len()).collect();
        timexes_by_end.sort_by_key(|&i| (timexes[i].end, i));
        let count = article.entities.iter().map(|e| e.mentions.len()).sum();
        let mut mentions: Vec<MentionAt> = Vec::with_capacity(count);
        for (entity, e) in article.entities.iter().enumerate() {
            mentions.extend(e.mentions.iter().map(|m| MentionAt {
                start: m.start,
                end: m.end,
                entity,
            }));
        }
        mentions.sort_unstable_by_key(|m| (m.start, m.end, m.entity));
        let dateline_place = article
            .dateline
            .as_ref()
            .and_then(|d| d.place_entity.as_deref())
            .and_then(|id| article.entities.iter().position(|e| e.id == id));
        StoryIndex {
            sentences: sentences_of(doc),
            timexes_by_start,
            timexes_by_end,
            mentions,
            dateline_place,
        }
    }
}

/// The sentences of a document, with their tokens and paragraphs.
fn sentences_of(doc: &Document<'_>) -> Vec<Sentence> {
    let mut paragraph = 0;
    let mut paragraph_start = None;
    doc.sentences
        .iter()
        .zip(&doc.sentence_tokens)
        .map(|(range, tokens)| {
            while doc
                .paragraphs
                .get(paragraph)
                .is_some_and(|p| p.end < range.end)
            {
                paragraph += 1;
                paragraph_start = None;
            }
            Sentence {
                range: range.clone(),
                tokens: tokens.clone(),
                paragraph,
                paragraph_start: *paragraph_start.get_or_insert(range.start),
            }
        })
        .collect()
}

impl<'d> Story<'d> {
    pub fn new(doc: &'d mut Document<'_>) -> Story<'d> {
        let knowledge = knowledge();
        knowledge.token_classes(doc);
        if doc.fact_index.is_none() {
            doc.fact_index = Some(Box::new(StoryIndex::new(doc)));
        }
        // The word classes are written as they are read; the rest of the document is only read.
        let Document {
            text,
            tokens,
            word_classes,
            phrase_start_tokens,
            fact_index,
            article,
            ..
        } = doc;
        let index: &'d StoryIndex = fact_index
            .as_ref()
            .and_then(|index| index.downcast_ref())
            .expect("only the fact stages write the fact index");
        Story {
            text,
            tokens: tokens.as_slice(),
            sentences: &index.sentences,
            entities: &article.entities,
            timexes: &article.timexes,
            timexes_by_start: &index.timexes_by_start,
            timexes_by_end: &index.timexes_by_end,
            knowledge,
            classes: Cell::from_mut(word_classes.as_mut_slice()).as_slice_of_cells(),
            phrase_start_tokens,
            mentions: &index.mentions,
            dateline_place: index.dateline_place,
        }
    }

    /// The sentences that hold a word of `class`, one of [`PHRASE_STARTS`], with their indices.
    /// A stage that reads only those skips the others, found from the list of the words that
    /// may start a phrase, not by a search of each sentence.
    pub fn sentences_with(
        &self,
        class: WordClass,
    ) -> impl Iterator<Item = (usize, &'d Sentence)> + 'd {
        let mut words = self.tokens_of_class(0..self.tokens.len(), class).peekable();
        self.sentences
            .iter()
            .enumerate()
            .filter(move |(_, sentence)| {
                while words.next_if(|&t| t < sentence.tokens.start).is_some() {}
                words.peek().is_some_and(|&t| t < sentence.tokens.end)
            })
    }

    /// The tokens among `tokens` that are words of `class`, one of [`PHRASE_STARTS`], in order.
    fn tokens_of_class(
        &self,
        tokens: Range<usize>,
        class: WordClass,
    ) -> impl Iterator<Item = usize> + 'd {
        let (bit, classes) = (class.bit(), self.classes);
        debug_assert!(
            bit & PHRASE_STARTS != 0,
            "{class:?}: only the first words of phrases are listed"
        );
        let listed = self.phrase_start_tokens;
        let from = listed.partition_point(|&t| t < tokens.start);
        listed[from..]
            .iter()
            .copied()
            .take_while(move |&t| t < tokens.end)
            .filter(move |&t| classes[t].get() & bit != 0)
    }

    /// The timexes that start in `bytes`, by start (indexes into `timexes`).
    pub fn timexes_starting_in(&self, bytes: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let from = self
            .timexes_by_start
            .partition_point(|&i| self.timexes[i].start < bytes.start);
        self.timexes_by_start[from..]
            .iter()
            .copied()
            .take_while(move |&i| self.timexes[i].start < bytes.end)
    }

    /// The first timex that ends at byte `end`.
    fn timex_ending(&self, end: usize) -> Option<&'d Timex> {
        let timexes = self.timexes;
        let at = self
            .timexes_by_end
            .partition_point(|&i| timexes[i].end < end);
        let &i = self.timexes_by_end.get(at)?;
        (timexes[i].end == end).then(|| &timexes[i])
    }

    pub fn word(&self, token: usize) -> &'d str {
        let t = self.tokens[token];
        &self.text[t.start..t.end]
    }

    /// Whether a token is a word of `class`. A word's closed classes are looked up the first
    /// time one is asked for.
    #[inline]
    pub fn is(&self, token: usize, class: WordClass) -> bool {
        if class.bit() & PHRASE_STARTS != 0 {
            return self.classes[token].get() & class.bit() != 0;
        }
        self.classes_of(token) & class.bit() != 0
    }

    /// The classes of a token, its closed classes looked up if no one asked before.
    #[inline]
    fn classes_of(&self, token: usize) -> u16 {
        let classes = self.classes[token].get();
        if classes & CLOSED_CLASSES_READ == 0 {
            return self.read_closed_classes(token);
        }
        classes
    }

    /// Looks up the closed classes of a token not asked about before, and keeps them: its
    /// classes. A number or a punctuation mark has none. Out of line, as it runs once a token.
    #[inline(never)]
    fn read_closed_classes(&self, token: usize) -> u16 {
        let cell = &self.classes[token];
        let t = self.tokens[token];
        let classes = cell.get();
        let closed = if t.kind == TokenKind::Word {
            let word = &self.text.as_bytes()[t.start..t.end];
            self.knowledge
                .closed_classes_of(word, classes & COMPOUND != 0)
        } else {
            0
        };
        let classes = classes | closed | CLOSED_CLASSES_READ;
        cell.set(classes);
        classes
    }

    /// A word that only ever stands between a subject and its verb: an auxiliary, or an
    /// adverb in `-ly` (`has repeatedly said`).
    fn is_auxiliary(&self, token: usize) -> bool {
        self.is(token, WordClass::Auxiliary)
    }

    pub fn is_punct(&self, token: usize, punct: &str) -> bool {
        self.tokens[token].kind == TokenKind::Punct && self.word(token) == punct
    }

    /// The index of the token that starts at or after byte `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.start < at)
    }

    /// [`Story::token_at`] of the start and the end of `bytes`, which start in token `token`:
    /// found by a walk from that token over the few that `bytes` spans, not by a search of
    /// the story.
    fn tokens_from(&self, token: usize, bytes: Range<usize>) -> Range<usize> {
        let first = if bytes.start == self.tokens[token].start {
            token
        } else {
            token + 1
        };
        let spanned = self.tokens[first..]
            .iter()
            .take_while(|t| t.start < bytes.end)
            .count();
        first..first + spanned
    }

    pub fn entity_id(&self, entity: usize) -> String {
        self.entities[entity].id.clone()
    }

    /// The mention that covers a token.
    fn mention_covering(&self, token: usize) -> Option<MentionAt> {
        let t = self.tokens[token];
        let after = self.mentions.partition_point(|m| m.start <= t.start);
        self.mentions[..after]
            .iter()
            .rev()
            .take(4)
            .find(|m| m.end >= t.end)
            .copied()
    }

    /// The nearest mention that ends before byte `before` and after byte `floor`, of an entity
    /// (an index into the entities) that `wanted` accepts.
    fn nearest_mention_before(
        &self,
        before: usize,
        floor: usize,
        mut wanted: impl FnMut(usize) -> bool,
    ) -> Option<MentionAt> {
        let candidates = self.mentions.partition_point(|m| m.start < before);
        self.mentions[..candidates]
            .iter()
            .rev()
            .filter(|m| m.end <= before)
            .take_while(|m| m.start >= floor)
            .find(|m| wanted(m.entity))
            .copied()
    }

    /// The start of the sentence `back` sentences before the one holding byte `at`.
    fn sentences_back(&self, at: usize, back: usize) -> usize {
        let current = self.sentences.partition_point(|s| s.range.end <= at);
        self.sentences
            .get(current.saturating_sub(back))
            .map_or(0, |s| s.range.start)
    }

    /// What a pronoun stands for: the nearest person before it for `he`, the nearest group or
    /// organization for `they`, the nearest organization or place for `it`.
    pub fn resolve_pronoun(&self, token: usize) -> Option<usize> {
        let at = self.tokens[token].start;
        let near = self.sentences_back(at, REFERENCE_SENTENCES);
        let labels: &[Label] = if self.is(token, WordClass::PersonPronoun) {
            &[Label::Person]
        } else if self.is(token, WordClass::GroupPronoun) {
            &[Label::Org, Label::Norp]
        } else if self.is(token, WordClass::ThingPronoun) {
            &[Label::Org, Label::Gpe]
        } else {
            return None;
        };
        let floor = if labels == [Label::Person] {
            self.sentences_back(at, FAR_REFERENCE_SENTENCES)
        } else {
            near
        };
        self.nearest_mention_before(at, floor, |e| labels.contains(&self.entities[e].label))
            .map(|m| m.entity)
    }

    /// What a description stands for: `the terrorist group` → the nearest armed group named
    /// before; `the Afghan minister` → the nearest person whose title holds `minister`; `the
    /// ministry` → the nearest organization whose name holds `ministry`.
    pub fn resolve_description(&self, head: usize) -> Option<usize> {
        let word = self.word(head);
        let at = self.tokens[head].start;
        let floor = self.sentences_back(at, REFERENCE_SENTENCES);
        if self.knowledge.armed_group_nouns.get(word).is_some() {
            return self
                .nearest_mention_before(at, floor, |e| self.is_armed_group(e))
                .map(|m| m.entity);
        }
        // A word with other characters than letters and digits is no word of a phrase.
        if !word.chars().all(char::is_alphanumeric) {
            return None;
        }
        // Whether an entity's titles or name hold the word, read once an entity: most of those
        // named in thirty sentences are named more than once.
        let mut described: Vec<Option<bool>> = vec![None; self.entities.len()];
        let far = self.sentences_back(at, FAR_REFERENCE_SENTENCES);
        self.nearest_mention_before(at, far, |entity| {
            *described[entity].get_or_insert_with(|| {
                let e = &self.entities[entity];
                match e.label {
                    Label::Person => e.titles.iter().any(|t| holds_word(t, word)),
                    Label::Org => holds_word(&e.name, word),
                    _ => false,
                }
            })
        })
        .map(|m| m.entity)
    }

    /// The phrase of `tokens` when they are exactly one mention of a person, organization or
    /// place, such as a sentence opening with a name: `Derek Mitchell` in "Derek Mitchell,
    /// who served as ambassador, said …".
    pub fn name_at(&self, tokens: Range<usize>) -> Option<Phrase> {
        let last = tokens.end.checked_sub(1).filter(|&l| l >= tokens.start)?;
        let m = self.mention_covering(last)?;
        (m.start == self.tokens[tokens.start].start && m.end == self.tokens[last].end)
            .then(|| self.phrase(tokens))
            .filter(|p| p.entity.is_some())
    }

    /// The entity a noun phrase stands for: the name at its head, the pronoun's antecedent, or
    /// what its description refers to.
    pub fn referent(&self, tokens: Range<usize>) -> Option<usize> {
        let head = tokens.end.checked_sub(1).filter(|&h| h >= tokens.start)?;
        if let Some(m) = self.mention_covering(head) {
            let label = self.entities[m.entity].label;
            return matches!(label, Label::Person | Label::Org | Label::Gpe | Label::Norp)
                .then_some(m.entity);
        }
        if tokens.len() == 1 {
            return self.resolve_pronoun(head);
        }
        let opens_with_determiner = self.is(tokens.start, WordClass::Determiner)
            || self.word(tokens.start).ends_with("'s")
            || self.word(tokens.start).ends_with("’s");
        if opens_with_determiner && self.word(head).starts_with(char::is_lowercase) {
            return self.resolve_description(head);
        }
        None
    }

    /// The subject before a verb at token `verb`, not reaching before token `floor`: `Bahrami`
    /// in "Bahrami said", `Senior Iranian officials` in "Senior Iranian officials have warned",
    /// `John Smith, a spokesman,` in "John Smith, a spokesman, said".
    pub fn subject_before(&self, verb: usize, floor: usize) -> Option<Phrase> {
        let mut end = verb;
        loop {
            if end > floor && self.is_auxiliary(end - 1) {
                end -= 1;
            } else if let Some(timex) = self.timex_ending_at(end, floor) {
                // "Trump this week said".
                end = timex;
            } else {
                break;
            }
        }
        if end <= floor {
            return None;
        }
        if self.is_punct(end - 1, ",") {
            return self.appositive_subject(end - 1, floor);
        }
        // "the US which invaded", "a source who said": the subject is what the pronoun follows.
        let relative = self.word(end - 1);
        if ["which", "who", "that"]
            .iter()
            .any(|r| relative.eq_ignore_ascii_case(r))
        {
            let start = self.phrase_start(end - 1, floor);
            return (start < end - 1).then(|| self.phrase(start..end - 1));
        }
        let mut start = self.phrase_start(end, floor);
        // "… help of Mrs. Clinton's plan said": no subject opens with a preposition.
        while start < end
            && matches!(
                self.word(start),
                "of" | "for" | "by" | "with" | "about" | "than"
            )
        {
            start += 1;
        }
        (start < end).then(|| self.phrase(start..end))
    }

    /// The first token of a time expression that ends right before token `end`.
    fn timex_ending_at(&self, end: usize, floor: usize) -> Option<usize> {
        let before = end.checked_sub(1).filter(|&t| t >= floor)?;
        let last = self.tokens[before].end;
        let timex = self.timex_ending(last)?;
        let first = self.token_at(timex.start);
        (first >= floor && first < end).then_some(first)
    }

    /// "Smith, a spokesman for the ministry, said": the name before the appositive, with the
    /// appositive in the span. `comma` is the comma before the verb.
    fn appositive_subject(&self, comma: usize, floor: usize) -> Option<Phrase> {
        let window = comma.saturating_sub(MAX_APPOSITIVE_TOKENS).max(floor);
        let opening = (window..comma).rev().find(|&t| self.is_punct(t, ","))?;
        if opening <= floor || opening + 1 >= comma {
            return None;
        }
        let start = self.phrase_start(opening, floor);
        if start >= opening {
            return None;
        }
        // Either side may hold the name: "Smith, a spokesman," or "a spokesman, Smith,".
        let before = self.phrase(start..opening);
        let entity = before.entity.or_else(|| self.referent(opening + 1..comma));
        let named = entity.is_some() || self.word(start).starts_with(char::is_uppercase);
        named.then(|| Phrase {
            span: before.span.start..self.tokens[comma - 1].end,
            tokens: start..comma,
            entity,
        })
    }

    /// Where a noun phrase ending before token `end` starts: reading back over words until a
    /// clause boundary, punctuation, a locative word, a verb in `-ed`, or the length limit. A
    /// pronoun is a whole phrase.
    fn phrase_start(&self, end: usize, floor: usize) -> usize {
        let limit = end.saturating_sub(MAX_PHRASE_TOKENS).max(floor);
        let mut start = end;
        while start > limit {
            let t = start - 1;
            let word = self.word(t);
            // "Rep. Gwen Moore (D-Wis.) said": a bracket after a name belongs to it.
            if word == ")" {
                match (limit..t).rev().find(|&o| self.word(o) == "(") {
                    Some(open) if open > limit => {
                        start = open;
                        continue;
                    }
                    _ => break,
                }
            }
            let head = start == end;
            let pronoun = self.is_pronoun(t);
            let stops = match self.tokens[t].kind {
                TokenKind::Punct => !(word == "-" || word == "." && self.ends_abbreviation(t)),
                TokenKind::Number => false,
                TokenKind::Word => {
                    self.is(t, WordClass::Boundary)
                        || (self.is(t, WordClass::Locative) && self.mention_covering(t).is_none())
                        || (!head && (pronoun || self.is_auxiliary(t)))
                        || (word.starts_with(char::is_lowercase) && word.ends_with("ed"))
                }
            };
            if stops {
                break;
            }
            start = t;
            if head && pronoun {
                break;
            }
        }
        start
    }

    /// A period after a short capitalized word, which abbreviates a title or initial (`Mr.`,
    /// `Rep.`, `R.`), in the middle of a sentence.
    fn ends_abbreviation(&self, period: usize) -> bool {
        let Some(before) = period.checked_sub(1) else {
            return false;
        };
        let word = self.word(before);
        let followed = self.tokens.get(period + 1).is_some_and(|t| {
            t.start == self.tokens[period].end
                || self.text[self.tokens[period].end..t.start]
                    .chars()
                    .all(|c| c == ' ')
        });
        self.tokens[before].kind == TokenKind::Word
            && word.len() <= 4
            && word.starts_with(char::is_uppercase)
            && followed
    }

    fn is_pronoun(&self, token: usize) -> bool {
        const PRONOUNS: u16 = WordClass::PersonPronoun.bit()
            | WordClass::GroupPronoun.bit()
            | WordClass::ThingPronoun.bit()
            | WordClass::SpeakerPronoun.bit();
        let classes = self.classes_of(token);
        classes & PRONOUNS != 0 && classes & WordClass::Determiner.bit() == 0
    }

    /// A noun phrase from token `start`: `Baqeri`, `the poll`, `officials in Kabul` (up to the
    /// locative), stopping at punctuation, clause boundaries and `limit`.
    pub fn phrase_after(&self, start: usize, limit: usize) -> Option<Phrase> {
        let limit = limit.min(start + MAX_PHRASE_TOKENS).min(self.tokens.len());
        let mut end = start;
        while end < limit {
            let stops = match self.tokens[end].kind {
                // An initial's period ("Vann R. Newkirk") is inside the phrase; the last
                // one of the sentence is not.
                TokenKind::Punct => {
                    !(self.word(end) == "-" || self.word(end) == "." && end + 1 < limit)
                }
                TokenKind::Number => false,
                TokenKind::Word => {
                    end > start
                        && (self.is(end, WordClass::Boundary)
                            || self.is(end, WordClass::Locative)
                            || self.is_auxiliary(end))
                }
            };
            if stops {
                break;
            }
            end += 1;
        }
        (end > start).then(|| self.phrase(start..end))
    }

    /// Whether a phrase read after a cue is the subject of a clause that goes on after it: a
    /// pronoun with more words (`he cannot comment`), a word with a verb's contraction (`he'd
    /// battled`), or a phrase before an auxiliary (`the suing states were`).
    pub fn starts_clause(&self, phrase: &Phrase, limit: usize) -> bool {
        let more = phrase.tokens.end < limit.min(self.tokens.len());
        let pronoun = self.is_pronoun(phrase.tokens.start);
        let first = self.word(phrase.tokens.start);
        let contracted_verb = [
            "'d", "'ll", "'re", "'ve", "'m", "’d", "’ll", "’re", "’ve", "’m",
        ]
        .iter()
        .any(|ending| first.ends_with(ending));
        (pronoun && (phrase.tokens.len() > 1 || more))
            || contracted_verb
            || (more && self.is_auxiliary(phrase.tokens.end))
    }

    fn phrase(&self, tokens: Range<usize>) -> Phrase {
        Phrase {
            span: self.tokens[tokens.start].start..self.tokens[tokens.end - 1].end,
            entity: self.referent(tokens.clone()),
            tokens,
        }
    }

    /// The subject of a sentence's main clause, after an opening phrase such as "On Sunday,":
    /// who speaks in "…, saying …" and who acts in "… after holding talks with …".
    pub fn sentence_subject(&self, sentence: &Sentence, before: usize) -> Option<Phrase> {
        let tokens = sentence.tokens.clone();
        let mut start = tokens.start;
        let opening_comma =
            (start..before.min(start + MAX_PHRASE_TOKENS)).find(|&t| self.is_punct(t, ","));
        if let Some(comma) = opening_comma {
            let opening_has_name = (start..comma).any(|t| self.mention_covering(t).is_some());
            if !opening_has_name {
                start = comma + 1;
            }
        }
        // The subject ends at the first word that no name or description continues with.
        let mut end = start;
        let mut described = false;
        while end < before && end < start + MAX_PHRASE_TOKENS {
            let word = self.word(end);
            let continues = self.mention_covering(end).is_some()
                || (end == start && self.is(end, WordClass::Determiner))
                || (end == start && self.resolve_pronoun(end).is_some())
                || word.starts_with(char::is_uppercase)
                || word.ends_with("'s")
                || word.ends_with("’s")
                || (described
                    && word.starts_with(char::is_lowercase)
                    && !self.is_auxiliary(end)
                    && !self.is(end, WordClass::Boundary)
                    && !self.is(end, WordClass::Locative));
            if !continues || self.tokens[end].kind == TokenKind::Punct {
                break;
            }
            described |=
                self.is(end, WordClass::Determiner) || word.ends_with("'s") || word.ends_with("’s");
            end += 1;
            if end - start == 1 && self.resolve_pronoun(start).is_some() {
                break;
            }
        }
        (end > start).then(|| self.phrase(start..end))
    }

    /// The count that starts at token `start`, read no further than token `limit`.
    pub fn amount_at(&self, start: usize, limit: usize) -> Option<Amount> {
        let knowledge = self.knowledge;
        let text = self.text;
        let limit = limit.min(self.tokens.len());
        if start >= limit {
            return None;
        }
        let limit_byte = self.tokens[limit - 1].end;
        let mut t = start;
        let qualifier = knowledge
            .qualifiers
            .at(text, self.tokens[t].start, limit_byte)
            .map(|(end, q)| {
                t = self.token_at(end);
                q
            });
        if t >= limit {
            return None;
        }
        let (value, next, vague) = if let Some((end, least)) =
            knowledge
                .vague_amounts
                .at(text, self.tokens[t].start, limit_byte)
        {
            (least, self.token_at(end), true)
        } else {
            let (value, next) = self.number_at(t, limit)?;
            (value, next, false)
        };
        let span = self.tokens[start].start..self.tokens[next - 1].end;
        let mut amount = Amount {
            span,
            next,
            count: None,
            min: None,
            max: None,
            approximate: vague,
        };
        match (qualifier, vague) {
            (_, true) => amount.min = Some(value),
            (None, false) => {
                amount.count = Some(value);
                amount.min = Some(value);
                amount.max = Some(value);
            }
            (Some(Qualifier::MoreThan), _) => amount.min = Some(value.saturating_add(1)),
            (Some(Qualifier::AtLeast), _) => amount.min = Some(value),
            (Some(Qualifier::LessThan), _) => amount.max = Some(value.saturating_sub(1)),
            (Some(Qualifier::AtMost), _) => amount.max = Some(value),
            (Some(Qualifier::About), _) => {
                amount.count = Some(value);
                amount.approximate = true;
            }
            (Some(Qualifier::Nearly), _) => {
                amount.count = Some(value);
                amount.max = Some(value);
                amount.approximate = true;
            }
        }
        Some(amount)
    }

    /// A number in digits (`57`, `1,200`, `1.5 million`) or words (`twenty-five`, `a dozen`,
    /// `three hundred`) at token `start`: its value and the token after it. Money, percentages,
    /// clock times and ages are no counts of people.
    fn number_at(&self, start: usize, limit: usize) -> Option<(u64, usize)> {
        let before = start.checked_sub(1).map(|t| self.word(t));
        if before.is_some_and(|w| matches!(w, "$" | "€" | "£" | "¥" | "#" | "No.")) {
            return None;
        }
        let (value, next) = if self.tokens[start].kind == TokenKind::Number {
            let digits = self.word(start);
            if digits.contains(':') {
                return None;
            }
            let plain: String = digits.chars().filter(|&c| c != ',').collect();
            let value: f64 = plain.parse().ok()?;
            let next = start + 1;
            match self.scale_at(next, limit) {
                Some(scale) => ((value * scale as f64).round() as u64, next + 1),
                None if value.fract() == 0.0 => (value as u64, next),
                None => return None,
            }
        } else {
            self.number_words_at(start, limit)?
        };
        // `30-year-old`, `30 percent`, `30 km`: what follows says it is no head count.
        let after = (next < limit).then(|| self.word(next));
        if after.is_some_and(|w| {
            matches!(
                w,
                "%" | "percent"
                    | "per"
                    | "pct"
                    | "km"
                    | "miles"
                    | "kilometres"
                    | "kilometers"
                    | "metres"
                    | "meters"
                    | "feet"
                    | "years"
                    | "year"
                    | "months"
                    | "days"
                    | "hours"
                    | "minutes"
                    | "tons"
                    | "tonnes"
                    | "dollars"
                    | "euros"
                    | "pounds"
                    | "a.m."
                    | "p.m."
                    | "GMT"
            )
        }) {
            return None;
        }
        if after == Some("-") && next + 1 < limit {
            let unit = self.word(next + 1);
            if unit.starts_with("year") || unit.starts_with("month") || unit.starts_with("day") {
                return None;
            }
        }
        Some((value, next))
    }

    fn scale_at(&self, token: usize, limit: usize) -> Option<u64> {
        if token >= limit {
            return None;
        }
        match self.knowledge.numbers.get(self.word(token)) {
            Some(&NumberWord::Scale(scale)) if scale >= 1000 => Some(scale),
            _ => None,
        }
    }

    /// `twenty-five`, `three hundred and twelve`, `a dozen`, `two million`.
    fn number_words_at(&self, start: usize, limit: usize) -> Option<(u64, usize)> {
        let numbers = &self.knowledge.numbers;
        let mut total: u64 = 0;
        let mut current: u64 = 0;
        let mut seen_number = false;
        let mut t = start;
        if matches!(self.word(start), "a" | "an" | "A" | "An") {
            // "a dozen", "a hundred": the article counts one.
            let next_is_scale = start + 1 < limit
                && matches!(
                    numbers.get(self.word(start + 1)),
                    Some(NumberWord::Scale(_))
                );
            if !next_is_scale {
                return None;
            }
            current = 1;
            t += 1;
        }
        while t < limit {
            let word = self.word(t);
            if word.eq_ignore_ascii_case("and") && seen_number && t + 1 < limit {
                if numbers.get(self.word(t + 1)).is_some() {
                    t += 1;
                    continue;
                }
                break;
            }
            let mut parts = word.split('-');
            let mut any = false;
            let mut all_numbers = true;
            let (mut part_total, mut part_current) = (total, current);
            for part in &mut parts {
                match numbers.get(part) {
                    Some(&NumberWord::Unit(v)) => part_current = part_current.saturating_add(v),
                    Some(&NumberWord::Scale(v)) if v < 1000 => {
                        part_current = part_current.max(1).saturating_mul(v)
                    }
                    Some(&NumberWord::Scale(v)) => {
                        part_total =
                            part_total.saturating_add(part_current.max(1).saturating_mul(v));
                        part_current = 0;
                    }
                    None => all_numbers = false,
                }
                any = true;
            }
            if !any || !all_numbers {
                break;
            }
            total = part_total;
            current = part_current;
            seen_number = true;
            t += 1;
        }
        seen_number.then_some((total.saturating_add(current), t))
    }

    /// The timex a fact at byte `at` in `sentence` happened at: a date or time in the sentence
    /// (preferring a calendar value over `PRESENT_REF`, then one in the same clause, then the
    /// nearest), else the nearest one before it in the paragraph.
    pub fn time_of(&self, sentence: &Sentence, at: usize) -> Option<usize> {
        let dated = |t: &Timex| matches!(t.kind, TimexType::Date | TimexType::Time);
        let in_sentence = self
            .timexes_starting_in(sentence.range.clone())
            .map(|i| (i, &self.timexes[i]))
            .filter(|(_, t)| dated(t) && t.end <= sentence.range.end);
        let best = in_sentence.min_by_key(|(_, t)| {
            let vague = t.value.ends_with("_REF");
            (
                vague,
                self.crosses_clause(t.start.min(at), t.start.max(at)),
                t.start.abs_diff(at),
            )
        });
        if let Some((i, _)) = best {
            return Some(i);
        }
        self.timexes_starting_in(sentence.paragraph_start..sentence.range.start)
            .map(|i| (i, &self.timexes[i]))
            .filter(|(_, t)| dated(t) && t.end <= sentence.range.start)
            .filter(|(_, t)| !t.value.ends_with("_REF"))
            .max_by_key(|(_, t)| t.start)
            .map(|(i, _)| i)
    }

    /// A clause boundary (`and`, `which`, a comma) lies between two bytes of a sentence.
    fn crosses_clause(&self, from: usize, to: usize) -> bool {
        (self.token_at(from)..self.token_at(to))
            .any(|t| self.is_punct(t, ",") || self.is(t, WordClass::Boundary))
    }

    /// The place of a fact at byte `at` in sentence `sentence_index`: a place named there (the
    /// nearest, preferring one introduced by `in`, `at`, `near` within three words), else in the
    /// sentence before it in the same paragraph. With `introduced_only`, only places introduced
    /// that way count: a meeting "with Iran's defense minister" is not in Iran.
    pub fn place_of(
        &self,
        sentence_index: usize,
        at: usize,
        introduced_only: bool,
    ) -> Option<usize> {
        let sentence = self.sentences.get(sentence_index)?;
        let in_sentence = self.place_in(sentence, at, introduced_only);
        in_sentence.or_else(|| {
            let previous = sentence_index
                .checked_sub(1)
                .and_then(|p| self.sentences.get(p))
                .filter(|p| p.paragraph == sentence.paragraph)?;
            self.place_in(previous, at, introduced_only)
        })
    }

    fn place_in(&self, sentence: &Sentence, at: usize, introduced_only: bool) -> Option<usize> {
        let first = self
            .mentions
            .partition_point(|m| m.start < sentence.range.start);
        self.mentions[first..]
            .iter()
            .take_while(|m| m.end <= sentence.range.end)
            .filter(|m| {
                matches!(
                    self.entities[m.entity].label,
                    Label::Gpe | Label::Loc | Label::Fac
                )
            })
            .map(|m| {
                let token = self.token_at(m.start);
                let introduced = (token.saturating_sub(3).max(sentence.tokens.start)..token)
                    .any(|t| self.is(t, WordClass::Locative));
                (m, introduced)
            })
            .filter(|(_, introduced)| *introduced || !introduced_only)
            .min_by_key(|(m, introduced)| (!introduced, m.start.abs_diff(at)))
            .map(|(m, _)| m.entity)
    }

    /// The index of the sentence that holds byte `at`.
    pub fn sentence_index(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.end <= at);
        self.sentences
            .get(i)
            .filter(|s| s.range.start <= at)
            .map(|_| i)
    }

    /// The entity is an armed group of the organizations gazetteer.
    pub fn is_armed_group(&self, entity: usize) -> bool {
        let e = &self.entities[entity];
        e.label == Label::Org && self.knowledge.armed_groups.contains(e.name.as_str())
    }

    /// The nearest armed group named in the sentence before byte `at` or in the sentence
    /// before that.
    pub fn armed_group_before(&self, at: usize) -> Option<usize> {
        let floor = self.sentences_back(at, 1);
        self.nearest_mention_before(at, floor, |e| self.is_armed_group(e))
            .map(|m| m.entity)
    }

    /// The nearest actor named before token `before` in a sentence: a person, organization,
    /// country or group not read as a place (`in Kabul`), a pronoun for one, or a description
    /// of an armed group (`the terrorist group`).
    pub fn actor_before(
        &self,
        sentence: &Sentence,
        before: usize,
        within_clause: bool,
    ) -> Option<usize> {
        let clause_start = if within_clause {
            (sentence.tokens.start..before.min(sentence.tokens.end))
                .rev()
                .find(|&t| self.is(t, WordClass::Boundary) || self.is_punct(t, ","))
                .map_or(sentence.tokens.start, |t| t + 1)
        } else {
            sentence.tokens.start
        };
        (clause_start..before.min(sentence.tokens.end))
            .rev()
            .find_map(|t| {
                let after_locative = t > 0 && self.is(t - 1, WordClass::Locative);
                if let Some(m) = self.mention_covering(t) {
                    let first = self.token_at(m.start);
                    let placed = first > 0 && self.is(first - 1, WordClass::Locative);
                    let label = self.entities[m.entity].label;
                    let actor =
                        matches!(label, Label::Person | Label::Org | Label::Gpe | Label::Norp);
                    return (actor && !placed).then_some(m.entity);
                }
                if after_locative {
                    return None;
                }
                if self.is_pronoun(t) && !self.is(t, WordClass::SpeakerPronoun) {
                    // "Daesh … stepped up its attacks": a possessive speaks of the subject.
                    let subject = self
                        .sentence_subject(sentence, t)
                        .and_then(|p| p.entity)
                        .filter(|&e| self.entities[e].label != Label::Person);
                    let group = !self.is(t, WordClass::PersonPronoun);
                    return subject
                        .filter(|_| group)
                        .or_else(|| self.resolve_pronoun(t));
                }
                let described = t > 0 && self.is(t - 1, WordClass::Determiner)
                    || t > 1 && self.is(t - 2, WordClass::Determiner);
                if described && self.knowledge.armed_group_nouns.get(self.word(t)).is_some() {
                    return self.resolve_description(t);
                }
                None
            })
    }

    /// The entity named at a token.
    pub fn entity_named_at(&self, token: usize) -> Option<usize> {
        self.mention_covering(token).map(|m| m.entity)
    }

    /// A token that is a word of class `class`.
    pub fn is_class(&self, token: usize, class: WordClass) -> bool {
        self.is(token, class)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_word_finds_whole_words_in_any_case() {
        for phrase in [
            "Minister of Defense",
            "deputy prime minister",
            "Ministry of Köln-Minister",
            "ministers",
            "ex-minister",
            "éminister",
            "minister",
            "",
        ] {
            for word in ["minister", "MINISTER", "of", "köln", "m"] {
                let by_words = phrase
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(word));
                assert_eq!(holds_word(phrase, word), by_words, "{phrase:?} {word:?}");
            }
        }
    }

    #[test]
    fn a_plain_word_is_answered_as_the_automaton_answers() {
        let phrases = Phrases::new([
            ("said", 1),
            ("says", 2),
            ("say", 3),
            ("put", 4),
            ("put it", 5),
            ("told", 6),
            ("told", 7),
        ]);
        let text = "He said, Say says SAID saying put it put, told 5said";
        let mut start = 0;
        for word in text.split(' ') {
            let end = start + word.trim_end_matches(',').len();
            let token = Token {
                start,
                end,
                kind: TokenKind::Word,
            };
            for limit in [end - 1, end, end + 1, text.len()] {
                assert_eq!(
                    phrases.at_plain_word(text, token, limit),
                    phrases.at(text, start, limit),
                    "{word:?} {limit}"
                );
            }
            start += word.len() + 1;
        }
    }
}
