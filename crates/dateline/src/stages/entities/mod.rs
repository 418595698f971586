//! The entity stage: names of persons, organizations and places, grouped into entities.
//!
//! It reads the story's sentences, the title, the credit lines and the dateline — nothing else
//! is story text — in four steps:
//! 1. [`recognize`]: gazetteer names and capitalized names classified by the evidence in them;
//! 2. names in capitals (headlines) matched against the names found elsewhere in the story;
//! 3. [`link`]: mentions of one thing gathered into one entity, with the places resolved
//!    ([`resolve`]) in the setting the story gives;
//! 4. [`roles`]: titles and affiliations; then the entities are written out, numbered in order
//!    of first mention.

mod gazetteer;
mod link;
mod nominals;
mod recognize;
mod resolve;
mod roles;
mod tokens;
mod user;

use rustc_hash::{FxHashMap, FxHashSet};
use std::hash::Hasher;
use std::ops::Range;

use gazetteer::{FindBuffers, Gazetteer, PlaceKind, Target, WordList};
use link::Draft;
use recognize::{Candidate, Class, Recognizer, SegmentBuffers};
use resolve::Setting;
use roles::Roles;
use tokens::{Abbreviations, Tok, TokKind};
pub(crate) use user::read_file as read_user_file;
pub use user::{EntitiesFormat, UserEntity};

use super::Stage;
use crate::article::{CreditRole, Entity, KbId, KbRef, Label, Mention};
use crate::document::Document;
use crate::lexicon::rows;

const ABBREVIATIONS: &str = include_str!("../../../data/structure/abbreviations.tsv");
const TITLE_MODIFIERS: &str = include_str!("../../../data/entities/title_modifiers.txt");
const NOMINAL_HEADS: &str = include_str!("../../../data/entities/nominal_heads.tsv");

/// Longest name, in words, looked up again in text written in capitals.
const MAX_SHOUTED_WORDS: usize = 6;

pub(crate) struct Entities {
    gazetteer: Gazetteer,
    abbreviations: Abbreviations,
    title_modifiers: FxHashSet<&'static str>,
    /// Head nouns of descriptions that stand for a named entity, with the entity's label.
    nominal_heads: WordList<&'static str, Label>,
}

impl Entities {
    pub fn new(users: Vec<UserEntity>) -> Entities {
        Entities {
            gazetteer: Gazetteer::new(users),
            abbreviations: Abbreviations(rows(ABBREVIATIONS).map(|row| row[0]).collect()),
            title_modifiers: crate::lexicon::words(TITLE_MODIFIERS).collect(),
            nominal_heads: rows(NOMINAL_HEADS)
                .filter_map(|row| Some((row[0], gazetteer::label_named(row.get(1)?))))
                .collect(),
        }
    }
}

/// A stretch of text read for names, as tokens.
struct Segment {
    tokens: Range<usize>,
    /// Written in capitals: case tells nothing.
    shouting: bool,
}

impl Stage for Entities {
    fn run(&self, doc: &mut Document<'_>) {
        let text = doc.text;
        let (tokens, segments) = self.tokenize(doc);
        let recognizer = Recognizer {
            text,
            gazetteer: &self.gazetteer,
            tokens: &tokens,
        };
        // Sized once for the story: news has about one name in twelve tokens, rarely one in
        // six, so the list seldom grows as the segments fill it.
        let mut candidates = Vec::with_capacity(tokens.len() / 6);
        let mut titles = Vec::new();
        let mut buffers = SegmentBuffers::default();
        for segment in &segments {
            recognizer.segment(
                segment.tokens.clone(),
                segment.shouting,
                &mut buffers,
                &mut candidates,
                &mut titles,
            );
        }
        let dateline_place = self.add_required(doc, &tokens, &mut buffers.find, &mut candidates);
        self.find_shouted_names(text, &tokens, &segments, &mut candidates);
        candidates.retain(|c| !is_currency_code(text, &c.range));
        link::add_leading_places(
            text,
            &self.gazetteer,
            &tokens,
            &mut buffers.find,
            &mut candidates,
        );
        candidates.sort_by_key(|c| c.range.start);

        let setting =
            Setting::of_story(&self.gazetteer, text, &candidates, dateline_place.as_ref());
        setting.drop_stray_divisions(&self.gazetteer, text, &mut candidates);
        let drafts = link::link(
            text,
            &self.gazetteer,
            &setting,
            &candidates,
            &mut buffers.find,
        );
        let mut draft_of = vec![None; candidates.len()];
        for (d, draft) in drafts.iter().enumerate() {
            for &m in &draft.mentions {
                draft_of[m] = Some(d);
            }
        }
        let segment_starts: Vec<usize> = segments.iter().map(|s| s.tokens.start).collect();
        titles.sort_by_key(|r| r.start);
        let is_modifier = |w: &str| self.title_modifiers.contains(w);
        let roles = Roles {
            text,
            tokens: &tokens,
            titles: &titles,
            segment_starts: &segment_starts,
            candidates: &candidates,
            draft_of: &draft_of,
            drafts: &drafts,
            is_modifier: &is_modifier,
        };
        let shouting: Vec<bool> = segments.iter().map(|s| s.shouting).collect();
        let descriptions = nominals::Nominals {
            text,
            tokens: &tokens,
            segment_starts: &segment_starts,
            candidates: &candidates,
            draft_of: &draft_of,
            drafts: &drafts,
            heads: &self.nominal_heads,
        }
        .find(&shouting);
        let entities = self.write(text, &candidates, &drafts, &roles, &descriptions);
        if let (Some(place), Some(dateline)) = (dateline_place, doc.article.dateline.as_mut()) {
            dateline.place_entity = candidates
                .iter()
                .position(|c| c.range == place)
                .and_then(|c| draft_of[c])
                .and_then(|d| entities.iter().find(|(i, _)| *i == d))
                .map(|(_, e)| e.id.clone());
        }
        doc.article.entities = entities.into_iter().map(|(_, e)| e).collect();
    }
}

impl Entities {
    /// Tokens of the title, dateline, credits and sentences, and the segments they form. A
    /// sentence's tokens are mostly copied from the structure stage's (see [`tokens`]).
    fn tokenize(&self, doc: &Document<'_>) -> (Vec<Tok>, Vec<Segment>) {
        let article = &doc.article;
        // Each range with its sentence's number, if it is a sentence.
        let mut ranges: Vec<(Range<usize>, Option<usize>)> =
            doc.sentences.iter().cloned().zip((0..).map(Some)).collect();
        ranges.extend(article.title.as_ref().map(|t| (t.start..t.end, None)));
        ranges.extend(article.dateline.as_ref().map(|d| (d.start..d.end, None)));
        ranges.extend(article.credits.iter().map(|c| (c.start..c.end, None)));
        ranges.sort_by_key(|(r, _)| r.start);
        let mut tokens = Vec::with_capacity(doc.text.len() / 5);
        let mut segments = Vec::with_capacity(ranges.len());
        let mut read_to = 0;
        // The words other than ASCII letters of the sentences not read yet.
        let mut words_not_all_letters = &doc.words_not_all_letters[..];
        for (whole_range, sentence) in ranges {
            // A credit line that the sentence after it overlaps is read once.
            let range = whole_range.start.max(read_to)..whole_range.end;
            if range.is_empty() {
                continue;
            }
            read_to = range.end;
            let start = tokens.len();
            match sentence {
                // A sentence read whole: the structure stage's tokens cover it.
                Some(s) if range == whole_range => {
                    let sentence_tokens = doc.sentence_tokens[s].clone();
                    // Passed one by one: there are few before a sentence's first token.
                    let before = words_not_all_letters
                        .iter()
                        .take_while(|&&w| w < sentence_tokens.start)
                        .count();
                    words_not_all_letters = &words_not_all_letters[before..];
                    tokens::tokenize_sentence(
                        doc.text,
                        range.clone(),
                        &doc.tokens,
                        sentence_tokens,
                        words_not_all_letters,
                        &self.abbreviations,
                        &mut tokens,
                    );
                }
                _ => tokens::tokenize(doc.text, range.clone(), &self.abbreviations, &mut tokens),
            }
            if tokens.len() > start {
                let text = &doc.text[range.clone()];
                let headline = article
                    .title
                    .as_ref()
                    .is_some_and(|t| t.start == range.start);
                segments.push(Segment {
                    tokens: start..tokens.len(),
                    shouting: is_shouting(text) || (headline && is_title_case(text)),
                });
            }
        }
        (tokens, segments)
    }

    /// Makes sure the dateline's place and the names in credit lines are mentions, whatever the
    /// recognizer made of them. Returns the dateline place's range.
    fn add_required(
        &self,
        doc: &Document<'_>,
        tokens: &[Tok],
        buffers: &mut FindBuffers,
        candidates: &mut Vec<Candidate>,
    ) -> Option<Range<usize>> {
        let mut required: Vec<(Range<usize>, Label)> = Vec::new();
        let dateline_place = doc.article.dateline.as_ref().and_then(|d| {
            let at = find_ignoring_case(&doc.text[d.start..d.end], &d.place)?;
            Some(d.start + at..d.start + at + d.place.len())
        });
        if let Some(place) = &dateline_place {
            required.push((place.clone(), Label::Gpe));
            // The region written after the place: `LOUISVILLE, KY`, `HOLLIDAY, Mo.`.
            let region = doc.article.dateline.as_ref().and_then(|d| {
                let region = d.region.as_deref()?;
                let after = doc.text.get(place.end..d.end)?;
                let at = place.end + after.find(region)?;
                Some(at..at + region.len())
            });
            required.extend(region.map(|r| (r, Label::Gpe)));
        }
        for credit in &doc.article.credits {
            let line = &doc.text[credit.start..credit.end];
            let label = match credit.role {
                CreditRole::Source | CreditRole::Agency => Label::Org,
                _ => Label::Person,
            };
            for name in std::iter::once(&credit.name).chain(&credit.alias) {
                if let Some(at) = line.find(name.as_str()) {
                    required.push((credit.start + at..credit.start + at + name.len(), label));
                }
            }
        }
        for (range, label) in required {
            if let Some(found) = candidates.iter_mut().find(|c| c.range == range) {
                // The dateline names where the story is: a place, whatever else it names.
                found.locative |= label == Label::Gpe;
                // A name no gazetteer knows (`HOLLIDAY, Mo.`) is of the label its line tells.
                if found.class == Class::Unknown {
                    found.class = Class::Named(label, None);
                }
                continue;
            }
            candidates.retain(|c| c.range.end <= range.start || c.range.start >= range.end);
            let first = tokens.partition_point(|t| t.start < range.start);
            let last = tokens.partition_point(|t| t.end <= range.end);
            if first >= last {
                continue;
            }
            let mut targets = Vec::new();
            let mut found = Vec::new();
            self.gazetteer
                .find(doc.text, range.clone(), false, buffers, &mut found);
            if let Some(f) = found.into_iter().find(|f| f.range == range) {
                targets = f.targets;
            }
            candidates.push(Candidate {
                range,
                tokens: first..last,
                class: if targets.is_empty() {
                    Class::Named(label, None)
                } else {
                    Class::Known(targets)
                },
                sentence_initial: false,
                after_the: false,
                team_position: false,
                // The dateline names where the story is: a place, whatever else it names.
                locative: label == Label::Gpe,
                shouting: false,
                cue: None,
                abbreviates: None,
            });
        }
        dateline_place
    }

    /// In text written in capitals, finds the names the rest of the story has in mixed case:
    /// `LEICESTERSHIRE` after `Leicestershire`.
    fn find_shouted_names(
        &self,
        text: &str,
        tokens: &[Tok],
        segments: &[Segment],
        candidates: &mut Vec<Candidate>,
    ) {
        // Most stories have no text in capitals: then there is nothing to look up.
        if !segments.iter().any(|s| s.shouting) {
            return;
        }
        // Tokens already in a name: found in capitals, or required (the dateline's place).
        #[derive(Clone, Copy, PartialEq)]
        enum Taken {
            Free,
            InCapitals,
            Required,
        }
        let mut taken = vec![Taken::Free; tokens.len()];
        for c in candidates.iter() {
            let by = if c.shouting {
                Taken::InCapitals
            } else {
                Taken::Required
            };
            taken[c.tokens.clone()].fill(by);
        }
        // A name starts at a word in capitals that no name has taken yet. How those words start
        // rules out most names of the rest of the story before they are hashed.
        let starts_name = |t: usize| taken[t] == Taken::Free && tokens[t].kind == TokKind::Word;
        let mut shouted_openings = Openings::default();
        for segment in segments.iter().filter(|s| s.shouting) {
            for t in segment.tokens.clone().filter(|&t| starts_name(t)) {
                shouted_openings.insert(&text[tokens[t].start..]);
            }
        }
        // The names of the rest of the story, by the hash of their text in lower case, and the
        // surnames of its persons (`SHEARER` after `Alan Shearer`, `None`); of names written
        // alike, the last one's candidate, a whole name's before a surname's.
        let in_mixed_case = || {
            candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.shouting && !c.sentence_initial)
        };
        let surnames = in_mixed_case()
            .filter(|(_, c)| matches!(c.class, Class::Named(Label::Person, _)))
            .filter_map(|(_, c)| text[c.range.clone()].rsplit_once(' '))
            .filter(|&(_, surname)| {
                let gazetteer = &self.gazetteer;
                shouted_openings.may_open(surname)
                    && surname.chars().count() >= 3
                    && (gazetteer.is_surname(surname) || !gazetteer.is_common_word(surname))
            })
            .map(|(_, surname)| (surname, None));
        let names = in_mixed_case()
            .map(|(i, c)| (&text[c.range.clone()], Some(i)))
            .filter(|&(name, _)| shouted_openings.may_open(name));
        // The longest of them in lower case, in bytes: no longer stretch of text is hashed. How
        // they start: no stretch that starts otherwise is hashed.
        let mut longest_name = 0;
        let mut known_openings = Openings::default();
        let known: FxHashMap<u64, Option<usize>> = surnames
            .chain(names)
            .map(|(name, c)| {
                let (hash, written) = lowercase_hash(name);
                longest_name = longest_name.max(written);
                known_openings.insert(name);
                (hash, c)
            })
            .collect();
        if known.is_empty() {
            return;
        }
        let mut found = Vec::new();
        for segment in segments.iter().filter(|s| s.shouting) {
            let mut t = segment.tokens.start;
            while t < segment.tokens.end {
                if !starts_name(t) || !known_openings.may_open(&text[tokens[t].start..]) {
                    t += 1;
                    continue;
                }
                // The hashes of the stretches of one word and more from `t` that end with a
                // word, each hashed on from the one before, not from `t` again.
                let mut hashes = [None; MAX_SHOUTED_WORDS];
                let mut hasher = LowercaseHasher::default();
                let mut hashed_to = tokens[t].start;
                for n in 1..=MAX_SHOUTED_WORDS.min(segment.tokens.end - t) {
                    let last = &tokens[t + n - 1];
                    hasher.write(&text[hashed_to..last.end]);
                    hashed_to = last.end;
                    // No name is as long, nor as long as any stretch after this one.
                    if hasher.written > longest_name {
                        break;
                    }
                    if last.kind == TokKind::Word {
                        hashes[n - 1] = Some(hasher.finish());
                    }
                }
                let longest = (1..=MAX_SHOUTED_WORDS)
                    .rev()
                    .find_map(|n| known.get(&hashes[n - 1]?).map(|&c| (n, c)));
                // A longer name than one the gazetteer found in capitals replaces it (`LINDSEY
                // GRAHAM`, not the town of `GRAHAM`).
                let fits = |n: usize| !taken[t..t + n].contains(&Taken::Required);
                match longest {
                    Some((n, c)) if fits(n) => {
                        let class = match c {
                            Some(c) => candidates[c].class.clone(),
                            None => Class::Named(Label::Person, None),
                        };
                        found.push(Candidate {
                            range: tokens[t].start..tokens[t + n - 1].end,
                            tokens: t..t + n,
                            class,
                            sentence_initial: false,
                            after_the: false,
                            team_position: false,
                            locative: false,
                            shouting: true,
                            cue: None,
                            abbreviates: None,
                        });
                        t += n;
                    }
                    _ => t += 1,
                }
            }
        }
        candidates.retain(|c| {
            !(c.shouting
                && found
                    .iter()
                    .any(|f| f.range.start <= c.range.start && c.range.end <= f.range.end))
        });
        candidates.extend(found);
    }

    /// Writes the drafts out as entities numbered by first mention, with the descriptions
    /// that stand for them among their mentions. Returns each entity with the index of its
    /// draft.
    fn write(
        &self,
        text: &str,
        candidates: &[Candidate],
        drafts: &[Draft],
        roles: &Roles<'_>,
        descriptions: &[(usize, Range<usize>)],
    ) -> Vec<(usize, Entity)> {
        let mut order: Vec<usize> = (0..drafts.len()).collect();
        order.sort_by_key(|&d| candidates[drafts[d].mentions[0]].range.start);
        // Each draft's entity number, written out only where an id is: no map of ids to copy
        // them from.
        let mut number_of = vec![0; drafts.len()];
        for (n, &d) in order.iter().enumerate() {
            number_of[d] = n + 1;
        }
        let id_of = |d: usize| entity_id(number_of[d]);
        // The entity of a country, for places, demonyms and organizations in it.
        let country_draft: FxHashMap<&str, usize> = drafts
            .iter()
            .enumerate()
            .filter_map(|(d, draft)| match draft.target {
                Some(Target::Place(p)) => {
                    let place = &self.gazetteer.places[p as usize];
                    (place.kind == PlaceKind::Country).then_some((place.country, d))
                }
                _ => None,
            })
            .collect();
        let mut out = Vec::with_capacity(drafts.len());
        for &d in &order {
            let draft = &drafts[d];
            let names = draft.mentions.iter().map(|&m| candidates[m].range.clone());
            let described = descriptions
                .iter()
                .filter(|(of, _)| *of == d)
                .map(|(_, r)| r.clone());
            let mut mentions: Vec<Mention> = names
                .chain(described)
                .map(|r| Mention {
                    start: r.start,
                    end: r.end,
                    text: text[r].to_string(),
                })
                .collect();
            mentions.sort_by_key(|m| m.start);
            let (mut country, kb) = self.country_and_kb(draft);
            let mut titles = Vec::new();
            let mut affiliation = None;
            if draft.label == Label::Person {
                let role = roles.of_person(&draft.mentions);
                titles = role.titles;
                affiliation = role.affiliation.filter(|&a| a != d);
            } else if let Some(c) = country {
                affiliation = country_draft.get(c).copied().filter(|&a| a != d);
            }
            if country.is_none() {
                country = affiliation.and_then(|a| self.country_and_kb(&drafts[a]).0);
            }
            out.push((
                d,
                Entity {
                    id: id_of(d),
                    label: draft.label,
                    name: self.canonical_name(text, candidates, draft),
                    titles,
                    affiliation: affiliation.map(id_of),
                    country: country.map(String::from),
                    kb,
                    mentions,
                },
            ));
        }
        out
    }

    fn country_and_kb(&self, draft: &Draft) -> (Option<&'static str>, Option<KbRef>) {
        let gazetteer = &self.gazetteer;
        let country_of = |target: Option<Target>| match target? {
            Target::Place(p) | Target::Demonym(p) => {
                Some(gazetteer.places[p as usize].country).filter(|c| !c.is_empty())
            }
            Target::Org(o) => Some(gazetteer.orgs[o as usize].country).filter(|c| !c.is_empty()),
            _ => None,
        };
        let kb = match draft.target {
            Some(Target::Place(p)) => Some(resolve::kb_of(&gazetteer.places[p as usize])),
            Some(Target::User(u)) => gazetteer.users[u as usize].kb.as_ref().map(|id| KbRef {
                source: "user".to_string(),
                id: KbId::Text(id.clone()),
                lat: None,
                lon: None,
            }),
            _ => None,
        };
        (country_of(draft.target).or(country_of(draft.contained)), kb)
    }

    /// The gazetteer's name for countries, organizations and user entries; else the longest
    /// mention, preferring one in mixed case.
    fn canonical_name(&self, text: &str, candidates: &[Candidate], draft: &Draft) -> String {
        let gazetteer = &self.gazetteer;
        match draft.target {
            Some(Target::Place(p)) if gazetteer.places[p as usize].kind == PlaceKind::Country => {
                return gazetteer.places[p as usize].name.to_string();
            }
            Some(Target::Org(o)) => return gazetteer.orgs[o as usize].name.to_string(),
            Some(Target::User(u)) => return gazetteer.users[u as usize].name.clone(),
            _ => {}
        }
        let best = draft
            .mentions
            .iter()
            .map(|&m| &text[candidates[m].range.clone()])
            .max_by_key(|name| (!is_shouting(name), name.len()))
            .unwrap_or("");
        let name = words_spaced_once(best);
        match draft.target {
            Some(Target::Place(p)) if is_shouting(&name) => {
                gazetteer.places[p as usize].name.to_string()
            }
            _ => name,
        }
    }
}

/// The words of a name joined by single spaces. Most names are written so already, in ASCII:
/// those are copied whole, without looking for words in them character by character.
fn words_spaced_once(name: &str) -> String {
    // One pass over the bytes, each read with the one before it; before the first stands a
    // space, so that a name that starts with one, has two in a row or ends with one is read
    // as words.
    let mut before = b' ';
    let spaced_once = name.bytes().all(|b| {
        let plain = b.is_ascii() && !(b'\t'..=b'\r').contains(&b) && !(b == b' ' && before == b' ');
        before = b;
        plain
    }) && before != b' ';
    if spaced_once {
        return name.to_string();
    }
    let mut joined = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    joined
}

/// An entity's id: `E` and its number (`E12`), its digits written one by one: `format!` and
/// `to_string` cost more than the rest of the entity's writing.
fn entity_id(number: usize) -> String {
    let mut id = String::with_capacity(8);
    id.push('E');
    let mut place = 1;
    while place * 10 <= number {
        place *= 10;
    }
    while place > 0 {
        id.push(char::from(b'0' + (number / place % 10) as u8));
        place /= 10;
    }
    id
}

/// A country's code written against a dollar sign, which makes it a currency: `US$460`,
/// `$US 15`, `NZ$`.
fn is_currency_code(text: &str, name: &Range<usize>) -> bool {
    text[name.end..].starts_with('$') || text[..name.start].ends_with('$')
}

/// The hash of a text in lower case, without writing it out, and how many bytes it has so
/// written.
fn lowercase_hash(text: &str) -> (u64, usize) {
    let mut hasher = LowercaseHasher::default();
    hasher.write(text);
    (hasher.finish(), hasher.written)
}

/// Hashes text in lower case as it is fed: pieces fed one after the other hash as the text
/// they make up.
#[derive(Default)]
struct LowercaseHasher {
    hasher: rustc_hash::FxHasher,
    /// How many bytes the text fed has in lower case.
    written: usize,
}

impl LowercaseHasher {
    fn write(&mut self, text: &str) {
        if text.is_ascii() {
            for b in text.bytes() {
                self.hasher.write_u8(b.to_ascii_lowercase());
            }
            self.written += text.len();
        } else {
            for c in text.chars().flat_map(char::to_lowercase) {
                let mut bytes = [0; 4];
                for &b in c.encode_utf8(&mut bytes).as_bytes() {
                    self.hasher.write_u8(b);
                }
                self.written += c.len_utf8();
            }
        }
    }

    fn finish(&self) -> u64 {
        self.hasher.finish()
    }
}

/// How some texts open: their first two bytes in lower case, as bits of a small table. A text
/// may be one of them, in any case, only if it opens as one of them does; most texts are ruled
/// out so without being hashed. A text that opens with other than two ASCII bytes, whose lower
/// case may be of another length or ASCII, is never ruled out, and a table that holds one rules
/// nothing out.
#[derive(Default)]
struct Openings {
    /// One bit for each pair of bytes, their low five bits each: pairs alike there share it.
    bits: [u64; 16],
    /// Holds a text that opens with other than two ASCII bytes.
    all: bool,
}

impl Openings {
    fn key(text: &str) -> Option<usize> {
        match text.as_bytes() {
            [a, b, ..] if a.is_ascii() && b.is_ascii() => {
                let low_bits = |byte: &u8| usize::from(byte.to_ascii_lowercase() & 31);
                Some(low_bits(a) << 5 | low_bits(b))
            }
            _ => None,
        }
    }

    fn insert(&mut self, text: &str) {
        match Self::key(text) {
            Some(key) => self.bits[key / 64] |= 1 << (key % 64),
            None => self.all = true,
        }
    }

    /// Whether `text` may open as one of the texts held.
    fn may_open(&self, text: &str) -> bool {
        self.all || Self::key(text).is_none_or(|key| self.bits[key / 64] & 1 << (key % 64) != 0)
    }
}

/// Text without lower-case letters and with a few capitals: a headline in capitals. Read once,
/// counting the capitals on the way to the first lower-case letter; byte by byte while the
/// text is ASCII, as most is, and as characters from the first byte that is not.
fn is_shouting(text: &str) -> bool {
    let mut capitals = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if !b.is_ascii() {
            // All bytes before are ASCII: `i` starts a character.
            for c in text[i..].chars() {
                if c.is_lowercase() {
                    return false;
                }
                capitals += usize::from(c.is_uppercase());
            }
            break;
        }
        if b.is_ascii_lowercase() {
            return false;
        }
        capitals += usize::from(b.is_ascii_uppercase());
    }
    capitals > 3
}

/// A headline in title case (`Trump Could Address Clean Energy, Lindsey Graham Says`): every
/// word of four letters or more capitalized, so that case tells no name, as in capitals.
fn is_title_case(text: &str) -> bool {
    let mut long_words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .peekable();
    long_words.peek().is_some() && long_words.all(|w| w.starts_with(char::is_uppercase))
}

/// The byte offset of `needle` in `haystack`, ignoring ASCII case.
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    haystack.char_indices().map(|(i, _)| i).find(|&i| {
        haystack
            .get(i..i + needle.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(needle))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_spaced_once_as_their_words_joined() {
        for name in [
            "Alan Shearer",
            "New  York",
            " Paris",
            "Paris ",
            "Port\nVale",
            "Sao\u{a0}Paulo",
            "Zürich Airport",
            "",
        ] {
            let joined = name.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(words_spaced_once(name), joined, "{name:?}");
        }
    }

    #[test]
    fn entity_ids_are_e_and_the_number() {
        for n in [0, 1, 9, 10, 99, 100, 1234] {
            assert_eq!(entity_id(n), format!("E{n}"));
        }
    }
}
