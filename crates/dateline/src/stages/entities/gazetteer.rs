//! The built-in and user gazetteers, compiled once into one table of names.
//!
//! Every name the stage knows in advance — countries, their demonyms, first-level divisions,
//! cities, regions, organizations, person titles and the user's own entries — becomes one
//! pattern: the ASCII-lowercased name with single spaces. The entries behind a pattern keep the
//! name as written, so that the case of the text can be checked against it afterwards ("US"
//! the country is found, "us" is not).
//!
//! Names are looked up word by word rather than with an Aho-Corasick automaton: over the
//! 150,000 names here an automaton takes about a second to build (measured: 0.8–1.5 s for
//! contiguous and non-contiguous NFAs), while a hash table of whole names and their starts
//! builds in a few tens of milliseconds and finds the leftmost-longest name at each word with
//! one hash lookup for the words that may start one: most words are ruled out by their shape
//! (length, first and last byte) before they are hashed.

use std::borrow::{Borrow, Cow};
use std::hash::{Hash, Hasher};

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::tokens::{Tok, TokKind};
use super::user::UserEntity;
use crate::article::Label;
use crate::lexicon::{ascii_lowercase8, load_le, rows, words, Row, Shapes, LONGEST_WORD};
use crate::stages::chars::{BYTE_CLASS, DIGIT, LETTER, NON_ASCII};

const COUNTRIES: &str = include_str!("../../../data/places/countries.tsv");
const COUNTRIES_EXTRA: &str = include_str!("../../../data/places/countries_extra.tsv");
const ADMIN1: &str = include_str!("../../../data/places/admin1.tsv");
const CITIES: &str = include_str!("../../../data/places/cities.tsv");
const ADMIN2: &str = include_str!("../../../data/places/admin2.tsv");
const TOWNS: &str = include_str!("../../../data/places/towns.tsv");
const REGIONS: &str = include_str!("../../../data/places/regions.tsv");
const AIRPORTS: &str = include_str!("../../../data/places/airports.tsv");
const ORGANIZATIONS: &str = include_str!("../../../data/orgs/organizations.tsv");
const TITLES: &str = include_str!("../../../data/people/titles.tsv");
const GIVEN_NAMES: &str = include_str!("../../../data/people/given_names.txt");
const GIVEN_NAMES_EXTRA: &str = include_str!("../../../data/people/given_names_extra.txt");
const GIVEN_NAMES_STOP: &str = include_str!("../../../data/people/given_names_stop.txt");
const NOT_PLACES: &str = include_str!("../../../data/places/not_places.txt");
const EVENT_WORDS: &str = include_str!("../../../data/entities/event_words.txt");
const EVENT_FIRST_WORDS: &str = include_str!("../../../data/entities/event_first_words.txt");
const UNIT_WORDS: &str = include_str!("../../../data/entities/unit_words.txt");
const DISEASE_WORDS: &str = include_str!("../../../data/entities/disease_words.txt");
const GROUP_WORDS: &str = include_str!("../../../data/entities/group_words.txt");
const PLACE_MODIFIERS: &str = include_str!("../../../data/entities/place_modifiers.txt");
const GENERIC_PLACE_WORDS: &str = include_str!("../../../data/entities/generic_place_words.txt");
const NAME_PARTICLES: &str = include_str!("../../../data/people/name_particles.txt");
const ORG_WORDS: &str = include_str!("../../../data/entities/org_words.tsv");
const PLACE_WORDS: &str = include_str!("../../../data/entities/place_words.tsv");
const NOT_NAMES: &str = include_str!("../../../data/entities/not_names.txt");
/// The time stage's words: its time zones (`GMT`, `EST`) are no names either.
const TIME_WORDS: &str = include_str!("../../../data/time/words.tsv");
const WEEKDAYS: &str = include_str!("../../../data/time/weekdays.tsv");
const NOMINALS: &str = include_str!("../../../data/entities/nominals.tsv");
const CUES: &str = include_str!("../../../data/entities/cues.tsv");
const ADJECTIVE_ENDINGS: &str = include_str!("../../../data/entities/adjective_endings.txt");
const COMMON_WORDS: &str = include_str!("../../../data/english/common_words.txt");
const SURNAMES: &str = include_str!("../../../data/people/surnames.txt");

/// Cities below this population are known only by their main name: GeoNames' alternate names
/// of small places are mostly other languages' spellings that collide with English words.
const CITY_ALIAS_MIN_POPULATION: u64 = 100_000;

/// About how many names the built-in data adds (some 91,000 patterns of 96,000 entries), to
/// size the tables once.
const NAMES: usize = 100_000;

/// A place of the built-in gazetteer.
#[derive(Debug)]
pub(crate) struct Place {
    pub name: &'static str,
    pub label: Label,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code, empty for places in no single country (seas, continents).
    pub country: &'static str,
    pub geonameid: Option<u64>,
    /// The ISO 3166-2 code of a first-level division (`AF-FRA`), which has no GeoNames id.
    pub code: Option<&'static str>,
    /// GeoNames' code of the first-level division a place lies in, or of a division itself
    /// (`TX` for Texas, `01` for Alberta); empty when unknown.
    pub division: &'static str,
    /// Latitude and longitude, when the data has them: read once, when the gazetteer is
    /// built, since stories ask for the points of thousands of places.
    point: Option<(f64, f64)>,
    pub population: u64,
    /// A country's capital, what a bare name most often means (`Washington`).
    pub capital: bool,
    /// A country in all but ISO's lists (`England`, `Scotland`): its teams are national.
    pub nation: bool,
}

impl Place {
    /// A place of `kind` with only its name, country and point known: a GPE in no division,
    /// with no GeoNames id and no population.
    fn new(
        kind: PlaceKind,
        name: &'static str,
        country: &'static str,
        lat: &'static str,
        lon: &'static str,
    ) -> Place {
        Place {
            name,
            label: Label::Gpe,
            kind,
            country,
            geonameid: None,
            code: None,
            division: "",
            point: parse_degrees(lat).zip(parse_degrees(lon)),
            population: 0,
            capital: false,
            nation: false,
        }
    }

    /// Latitude and longitude, when the data has them.
    pub fn point(&self) -> Option<(f64, f64)> {
        self.point
    }

    /// A country, or a division that news treats as one (`England`).
    pub fn is_nation(&self) -> bool {
        self.kind == PlaceKind::Country || self.nation
    }
}

/// A coordinate as the data writes it (`-33.86785`), parsed as `str::parse` does, faster:
/// with at most fifteen digits, the number without its point and the power of ten it is
/// divided by are both exact, and one division rounds as a correctly rounded parse does.
/// Other forms are left to `str::parse`. The gazetteer reads the points of a hundred thousand
/// places each time it is built.
fn parse_degrees(text: &str) -> Option<f64> {
    const POWERS_OF_TEN: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // Digits, and more digits after a point if there is one: read in one pass.
    let mut number = 0u64;
    let mut digits = 0;
    let mut point = None;
    for (i, &b) in unsigned.as_bytes().iter().enumerate() {
        match b {
            b'0'..=b'9' if digits < 15 => {
                number = number * 10 + u64::from(b - b'0');
                digits += 1;
            }
            b'.' if point.is_none() && i > 0 => point = Some(i),
            _ => return text.parse().ok(),
        }
    }
    let fraction = point.map_or(0, |point| unsigned.len() - point - 1);
    if digits == 0 || (point.is_some() && fraction == 0) {
        return text.parse().ok();
    }
    let value = number as f64 / POWERS_OF_TEN[fraction];
    Some(if negative { -value } else { value })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceKind {
    Country,
    Admin1,
    /// A second-level division: a county, a department, a district.
    Admin2,
    City,
    /// A place below the cities' 15,000 people, known only by [`Gazetteer::local_named`].
    Town,
    Region,
    /// A building or site with a name of its own: an airport (`Heathrow`).
    Facility,
}

/// An organization of the built-in gazetteer.
#[derive(Debug)]
pub(crate) struct Org {
    pub name: &'static str,
    pub label: Label,
    pub country: &'static str,
    /// A business (the data's kind `company`), whose name may start its products' names
    /// (`Airbus A380`).
    pub company: bool,
}

/// What a gazetteer name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    Place(u32),
    /// A nationality word (`Afghan`); the index is the country's place.
    Demonym(u32),
    Org(u32),
    User(u32),
    /// A person's title or office (`Defense Minister`).
    Title,
}

/// One name of one target, as written in the data.
#[derive(Debug, Clone)]
struct Entry {
    written: Cow<'static, str>,
    target: Target,
}

/// A gazetteer name found in the text, with the targets whose written form fits its case.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub range: Range<usize>,
    pub targets: Vec<Target>,
}

/// The role a word plays in organization names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrgWord {
    /// Ends or starts an organization's name: `Council`, `Ministry of …`.
    Head,
    /// A legal form written last: `Inc`, `Ltd`.
    Suffix,
    /// Starts an organization's name: `Air Canada` (not `MacBook Air`).
    Prefix,
    /// Ends a newspaper's name after a place's or a people's: `Vancouver Sun`, `Irish Times`
    /// (not `the rising sun`).
    Press,
}

/// What a word near a capitalized name says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// A speech or person verb right after the name: `said`, `told`.
    PersonAfter,
    /// An age between commas right after the name (`Duran, 45,`): only a person has one,
    /// whatever town shares the name.
    Age,
    /// A word right before a person's name: a scorecard's `c` (caught by) and `b` (bowled
    /// by).
    PersonBefore,
    /// A preposition of place right before the name: `in`, `near`.
    PlaceBefore,
    /// A word after a hyphen or after the name that makes it a place: `-based`, `-born`.
    PlaceAfter,
    /// A preposition before a place or an organization alike (`at Headingley`, `at Reuters`):
    /// it tells nothing of a name's kind, only that a place name after it is used as a place.
    Locative,
    /// `v`, `vs`: between two sides of a match (`Birmingham v Barnsley`).
    Versus,
    /// A member of a team right after the team's name: `Surrey captain`, `Ajax coach`.
    TeamMember,
    /// A word for a place or a direction before `of` and a place's name: `the town of
    /// Tavildara`, `east of Longyear`. Words that are [`Cue::PlaceAfter`] do the same
    /// (`the province of Farah`).
    PlaceNoun,
}

pub(crate) struct Gazetteer {
    /// Every pattern (lowercased name, single spaces) and every start of one that ends with a
    /// word, by [`PatternHash`]: a trie of words in one hash table. See [`Trie`].
    names: Trie,
    /// The same for the patterns that text starting in lower case may fit (titles, names
    /// written in lower case): a small table, since most words of a story are looked up here.
    lower_names: Trie,
    /// The shapes of the words that may start a pattern of the table they are looked up in:
    /// most words of a story start none, and are ruled out by one test of their shape.
    name_starts: StartShapes,
    /// For each pattern, its entries' range in `entries`.
    pattern_entries: Vec<Range<u32>>,
    entries: Vec<Entry>,
    pub places: Vec<Place>,
    pub orgs: Vec<Org>,
    pub users: Vec<UserEntity>,
    /// ISO code → the country's index in `places`.
    countries: FxHashMap<&'static str, u32>,
    /// The places that only the story's setting points to (towns, and counties of one word).
    local: LocalNames,
    given_names: FxHashSet<&'static str>,
    particles: WordList<&'static str>,
    org_words: WordList<&'static str, OrgWord>,
    place_words: WordList<&'static str, Label>,
    /// The place words that also start a place's name: `Fort Hood`, `Cape Cod`.
    place_first_words: FxHashSet<&'static str>,
    not_names: WordList<Cow<'static, str>>,
    /// The weekdays' names in lower case, as the time stage's lexicon writes them.
    weekdays: Vec<&'static str>,
    event_words: WordList<&'static str>,
    /// Units written in capitals, no name after a number: `GB`, `GHz`.
    unit_words: WordList<&'static str>,
    /// The words that start events' names, each as its words: `Hurricane`, `Tropical Storm`.
    event_first_words: Vec<Vec<&'static str>>,
    /// Words after a place's name that make it a disease's (`West Nile virus`).
    disease_words: WordList<&'static str>,
    group_words: WordList<&'static str>,
    place_modifiers: WordList<&'static str>,
    /// Compass points and kinds of division, in lower case (`eastern`, `division`).
    generic_place_words: FxHashSet<&'static str>,
    /// Titles written as part of the name they precede (`Mother Teresa`).
    titles_in_name: FxHashSet<&'static str>,
    cues: WordList<&'static str, Cue>,
    adjective_endings: Vec<&'static str>,
    /// English words written in lower case (`note`, `fax`, `port`): a capitalized one that no
    /// gazetteer knows is more likely a heading or a product than a name.
    common_words: FxHashSet<&'static str>,
    /// Frequent surnames (`Khan`, `Woods`, `Stewart`), capitalized.
    surnames: FxHashSet<&'static str>,
}

impl Gazetteer {
    pub fn new(users: Vec<UserEntity>) -> Gazetteer {
        let mut builder = Builder::with_capacity(NAMES);
        // User entries come first: among entries of one name, earlier ones win.
        for (i, user) in users.iter().enumerate() {
            for name in std::iter::once(&user.name).chain(&user.aliases) {
                builder.add(Cow::Owned(name.clone()), Target::User(i as u32));
            }
        }
        let places = builder.add_places();
        let local = LocalNames::new(std::mem::take(&mut builder.local));
        let orgs = builder.add_orgs();
        builder.add_titles();
        let countries = places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == PlaceKind::Country)
            .map(|(i, p)| (p.country, i as u32))
            .collect();
        let mut gazetteer = Gazetteer {
            names: Trie::with_capacity(0),
            lower_names: Trie::with_capacity(0),
            name_starts: StartShapes::new(),
            pattern_entries: Vec::new(),
            entries: Vec::new(),
            places,
            orgs,
            users,
            countries,
            local,
            given_names: {
                let stop: FxHashSet<&str> = words(GIVEN_NAMES_STOP).collect();
                words(GIVEN_NAMES)
                    .chain(words(GIVEN_NAMES_EXTRA))
                    .filter(|n| !stop.contains(n))
                    .collect()
            },
            particles: words(NAME_PARTICLES).collect(),
            org_words: rows(ORG_WORDS)
                .filter_map(|row| {
                    let role = match *row.get(1)? {
                        "suffix" => OrgWord::Suffix,
                        "prefix" => OrgWord::Prefix,
                        "press" => OrgWord::Press,
                        _ => OrgWord::Head,
                    };
                    Some((row[0], role))
                })
                .collect(),
            place_words: rows(PLACE_WORDS)
                .map(|row| (row[0], label_named(row.get(1).copied().unwrap_or("GPE"))))
                .collect(),
            place_first_words: rows(PLACE_WORDS)
                .filter(|row| row.get(2) == Some(&"first"))
                .map(|row| row[0])
                .collect(),
            not_names: words(NOT_NAMES)
                .map(Cow::Borrowed)
                .chain(
                    rows(TIME_WORDS)
                        .filter(|row| row.get(1) == Some(&"zone"))
                        .map(|row| Cow::Owned(row[0].to_ascii_uppercase())),
                )
                .collect(),
            weekdays: rows(WEEKDAYS).map(|row| row[0]).collect(),
            event_words: words(EVENT_WORDS).collect(),
            unit_words: words(UNIT_WORDS).collect(),
            event_first_words: words(EVENT_FIRST_WORDS)
                .map(|w| w.split(' ').collect())
                .collect(),
            disease_words: words(DISEASE_WORDS).collect(),
            group_words: words(GROUP_WORDS).collect(),
            place_modifiers: words(PLACE_MODIFIERS).collect(),
            generic_place_words: words(GENERIC_PLACE_WORDS).collect(),
            titles_in_name: rows(TITLES)
                .filter(|row| row.get(2) == Some(&"yes"))
                .map(|row| row[0])
                .collect(),
            cues: rows(CUES)
                .filter_map(|row| {
                    let cue = match *row.get(1)? {
                        "person_after" => Cue::PersonAfter,
                        "person_before" => Cue::PersonBefore,
                        "place_before" => Cue::PlaceBefore,
                        "place_after" => Cue::PlaceAfter,
                        "locative" => Cue::Locative,
                        "versus" => Cue::Versus,
                        "place_noun" => Cue::PlaceNoun,
                        "team_member" => Cue::TeamMember,
                        _ => return None,
                    };
                    Some((row[0], cue))
                })
                .collect(),
            adjective_endings: words(ADJECTIVE_ENDINGS).collect(),
            common_words: COMMON_WORDS.lines().collect(),
            surnames: SURNAMES.lines().collect(),
        };
        gazetteer.add_nominals(&mut builder);
        let (names, lower_names, name_starts, pattern_entries, entries) = builder.compile();
        gazetteer.names = names;
        gazetteer.lower_names = lower_names;
        gazetteer.name_starts = name_starts;
        gazetteer.pattern_entries = pattern_entries;
        gazetteer.entries = entries;
        gazetteer
    }

    /// `the Islamic Republic` → Iran: descriptions that name one country or organization.
    fn add_nominals(&self, builder: &mut Builder) {
        for row in rows(NOMINALS) {
            let (Some(&phrase), Some(&kind), Some(&key)) = (row.first(), row.get(1), row.get(2))
            else {
                continue;
            };
            let target = match kind {
                "country" => self.country(key).map(Target::Place),
                _ => self
                    .orgs
                    .iter()
                    .position(|o| o.name == key)
                    .map(|i| Target::Org(i as u32)),
            };
            if let Some(target) = target {
                builder.add(Cow::Borrowed(phrase), target);
            }
        }
    }

    /// Every gazetteer name in `range` of `text` that starts and ends on a word boundary and
    /// whose case fits. Leftmost-longest: `New York Times` wins over `New York`.
    /// `shouting` is set for text in capitals, where only longer names are trusted.
    pub fn find(
        &self,
        text: &str,
        range: Range<usize>,
        shouting: bool,
        buffers: &mut FindBuffers,
        out: &mut Vec<Found>,
    ) {
        buffers.words.clear();
        buffers.words.extend(Words::new(text, range));
        self.find_words(text, shouting, buffers, out);
    }

    /// [`Gazetteer::find`] over a stretch already cut into tokens: their words are the same,
    /// and most tokens are one word without reading their letters again. Always inlined into
    /// its one caller, the recognizer's reading of a segment: the compiler otherwise leaves it
    /// out of line once that grows, and the gazetteer's search then costs more.
    #[inline(always)]
    pub fn find_in_tokens(
        &self,
        text: &str,
        tokens: &[Tok],
        shouting: bool,
        buffers: &mut FindBuffers,
        out: &mut Vec<Found>,
    ) {
        buffers.words.clear();
        for token in tokens.iter().filter(|t| t.kind != TokKind::Punct) {
            // Most tokens are one word after a space, which no word before goes on into.
            if token.plain && token.spaced {
                buffers.words.push(token.range());
                continue;
            }
            let mut add = |word: Range<usize>| match buffers.words.last_mut() {
                // Letters and digits side by side are one word (`5th`, `3M`).
                Some(last) if last.end == word.start => last.end = word.end,
                _ => buffers.words.push(word),
            };
            if token.plain {
                add(token.range());
            } else {
                Words::new(text, token.range()).for_each(add);
            }
        }
        self.find_words(text, shouting, buffers, out);
    }

    /// The names that start at the words of `buffers.words`.
    fn find_words(
        &self,
        text: &str,
        shouting: bool,
        buffers: &mut FindBuffers,
        out: &mut Vec<Found>,
    ) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < buffers.words.len() {
            // Most words start no pattern, and most of those are ruled out by their shape
            // alone, here, before anything else is done for them, even choosing their table.
            // Words are read from the text's bytes: their ends are known to be characters'
            // ends, and slicing the text would test it again.
            let word = buffers.words[i].clone();
            if !self.name_starts.may_start(&bytes[word.clone()]) {
                i += 1;
                continue;
            }
            let names = self.names_starting(text, word.start);
            match self.longest_at(text, names, i, shouting, buffers) {
                Some((found, last_word)) => {
                    out.push(found);
                    i = last_word + 1;
                }
                None => i += 1,
            }
        }
    }

    /// The table of the names that text starting at byte `start` may be: text that starts in
    /// lower case fits only names written so, and titles, a few of all.
    fn names_starting(&self, text: &str, start: usize) -> &Trie {
        let lower = match text.as_bytes()[start] {
            b if b.is_ascii() => b.is_ascii_lowercase(),
            _ => text[start..].chars().next().is_some_and(char::is_lowercase),
        };
        if lower {
            &self.lower_names
        } else {
            &self.names
        }
    }

    /// The longest name of `names` starting at word `first` of `buffers.words` whose case
    /// fits, and the index of its last word.
    ///
    /// The name's pattern is hashed word by word, reading on while the words so far start
    /// some pattern; the patterns met on the way are then tried longest first.
    fn longest_at(
        &self,
        text: &str,
        names: &Trie,
        first: usize,
        shouting: bool,
        buffers: &mut FindBuffers,
    ) -> Option<(Found, usize)> {
        let FindBuffers { words, ends } = buffers;
        let bytes = text.as_bytes();
        let start = words[first].start;
        let mut hash = PatternHash::default();
        hash.push(word_hash(bytes, words[first].clone()));
        let mut node = names.get(&hash)?;
        // The patterns that end where a word ends, or one byte later, at its period (`U.S.`).
        ends.clear();
        let mut last = first;
        loop {
            let end = words[last].end;
            if let Some(pattern) = node {
                ends.push((last, end, pattern));
            }
            if bytes.get(end) == Some(&b'.') {
                let mut with_period = hash.clone();
                with_period.push(piece_hash(b"."));
                if let Some(Some(pattern)) = names.get(&with_period) {
                    ends.push((last, end + 1, pattern));
                }
            }
            let Some(next) = words.get(last + 1) else {
                break;
            };
            hash.push_gap(&text[end..next.start]);
            hash.push(word_hash(bytes, next.clone()));
            match names.get(&hash) {
                Some(next_node) => node = next_node,
                None => break,
            }
            last += 1;
        }
        for &(last, end, pattern) in ends.iter().rev() {
            if !ends_word(text, end) {
                continue;
            }
            let written = &text[start..end];
            let entries = self.pattern_entries[pattern as usize].clone();
            let targets: Vec<Target> = self.entries[entries.start as usize..entries.end as usize]
                .iter()
                .filter(|e| case_fits(written, &e.written, shouting, e.target))
                .map(|e| e.target)
                .collect();
            if !targets.is_empty() {
                return Some((
                    Found {
                        range: start..end,
                        targets,
                    },
                    last,
                ));
            }
        }
        None
    }

    /// Whether a name inside an organization's name tells its country: a demonym, a country
    /// or division, or a big city (`Paris Police Department`), not a village that happens to
    /// share a word with it.
    pub fn tells_country(&self, target: Target) -> bool {
        match target {
            Target::Demonym(_) => true,
            Target::Place(p) => {
                let place = &self.places[p as usize];
                place.kind != PlaceKind::City || place.population >= CITY_ALIAS_MIN_POPULATION
            }
            _ => false,
        }
    }

    /// A business's name from the table of organizations.
    pub fn is_company(&self, target: Target) -> bool {
        matches!(target, Target::Org(o) if self.orgs[o as usize].company)
    }

    /// A country's name or a nationality word.
    pub fn is_country_or_demonym(&self, target: Target) -> bool {
        match target {
            Target::Demonym(_) => true,
            Target::Place(p) => self.places[p as usize].kind == PlaceKind::Country,
            _ => false,
        }
    }

    /// The places named `name` (any case and spacing) that are found only where the story's
    /// setting points to them.
    pub fn local_named(&self, name: &str) -> impl Iterator<Item = u32> + '_ {
        self.local.named(pattern_hash(name))
    }

    pub fn country(&self, iso2: &str) -> Option<u32> {
        self.countries.get(iso2).copied()
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }

    /// Whether a word may end an organization's name: a head or a legal form.
    pub fn ends_organization(&self, word: &str) -> bool {
        matches!(self.org_word(word), Some(OrgWord::Head | OrgWord::Suffix))
    }

    pub fn org_word(&self, word: &str) -> Option<OrgWord> {
        self.org_words
            .get(word)
            .or_else(|| self.org_words.get(word.strip_suffix('.')?))
            .or_else(|| {
                // `N.V.`, `S.A.`: a legal form written with full stops.
                let inner_stops = word.trim_end_matches('.').contains('.');
                inner_stops.then(|| self.org_words.get(word.replace('.', "").as_str()))?
            })
            .copied()
    }

    /// `Province`, `River`: the label of a place named with this word.
    pub fn place_word(&self, word: &str) -> Option<Label> {
        self.place_words.get(word).copied()
    }

    /// `Fort`, `Cape`: the label of a place whose name this word starts.
    pub fn place_first_word(&self, word: &str) -> Option<Label> {
        self.place_first_words
            .contains(word)
            .then(|| self.place_word(word))
            .flatten()
    }

    /// Capitalized words that do not start a name: `The`, `However`, `Monday`.
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word)
    }

    /// `Saturday`, in any case.
    pub fn is_weekday(&self, word: &str) -> bool {
        self.weekdays
            .iter()
            .any(|day| day.eq_ignore_ascii_case(word))
    }

    /// `Kurdish`, `European`: a word shaped like an adjective of a people or region.
    pub fn is_group_adjective(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        self.adjective_endings.iter().any(|e| {
            bytes.len() >= e.len()
                && bytes[bytes.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
        })
    }

    /// Whether a word, in lower case, is a common English word (`NOTE`, `Fax`, `Port`).
    pub fn is_common_word(&self, word: &str) -> bool {
        let mut lower = [0u8; 24];
        if word.len() > lower.len() || !word.is_ascii() {
            return false;
        }
        let lower = &mut lower[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|w| self.common_words.contains(w))
    }

    /// A frequent surname: `Khan`, `Woods`.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// `Cup`, `Revolution`: the last word of an event's name.
    pub fn is_event_word(&self, word: &str) -> bool {
        self.event_words.contains(word)
    }

    /// `GB`, `MW`: a unit, as written.
    pub fn is_unit_word(&self, word: &str) -> bool {
        self.unit_words.contains(word)
    }

    /// Whether a name of `count` words, the first two of which are given, starts like an
    /// event's and goes on after that start: `Hurricane Katrina`, `Tropical Storm Irene`.
    pub fn starts_event(&self, count: usize, first: &str, second: &str) -> bool {
        self.event_first_words.iter().any(|start| match start[..] {
            [one] => count > 1 && first == one,
            [one, two] => count > 2 && first == one && second == two,
            _ => false,
        })
    }

    /// Whether a word after a place's name makes it a disease's: `virus`, `fever`.
    pub fn is_disease_word(&self, word: &str) -> bool {
        self.disease_words.contains(word)
    }

    /// `Serb`, `Moslem`, `Republican`: a people or group that is no country's demonym.
    pub fn is_group_word(&self, word: &str) -> bool {
        self.group_words.contains(word)
    }

    /// `Northern`, `Downtown`: a word before a place's name that keeps it a place.
    pub fn is_place_modifier(&self, word: &str) -> bool {
        self.place_modifiers.contains(word)
    }

    /// Whether a title is written as part of the name it precedes (`Mother Teresa`).
    pub fn is_title_in_name(&self, title: &str) -> bool {
        self.titles_in_name.contains(title)
    }

    /// Whether a name is made only of compass points and kinds of division (`Eastern
    /// Division`, `North-West`, `Upper East Region`): it tells no place by itself.
    pub fn is_generic_place_name(&self, name: &str) -> bool {
        name.split([' ', '-']).filter(|w| !w.is_empty()).all(|w| {
            w.is_ascii()
                && self
                    .generic_place_words
                    .contains(w.to_ascii_lowercase().as_str())
        })
    }

    /// What a word beside a name says of it; words in capitals (`MINNESOTA AT MILWAUKEE`)
    /// are read as the same words in lower case.
    pub fn cue(&self, word: &str) -> Option<Cue> {
        // Most words beside a name are marks or capitalized words: the shapes of the cues rule
        // them out before they are hashed.
        if let Some(&cue) = self.cues.get(word) {
            return Some(cue);
        }
        let mut lower = [0u8; 16];
        let capitals = word.len() <= lower.len() && word.bytes().all(|b| b.is_ascii_uppercase());
        if !capitals {
            return None;
        }
        let lower = &mut lower[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).ok()?;
        self.cues.get(lower).copied()
    }
}

/// A small word list (with what it says of each word, if anything), looked up first by the
/// word's shape ([`Shapes`]: its length, first and last byte). Most words asked about are in
/// none of these lists, and most are then ruled out by the shape alone, without being hashed.
pub(crate) struct WordList<K, V = ()> {
    words: FxHashMap<K, V>,
    /// The shapes of the listed words up to [`LONGEST_WORD`] bytes; longer words have none,
    /// and are always looked up.
    shapes: Shapes,
}

impl<K: Borrow<str> + Hash + Eq, V> WordList<K, V> {
    /// Inlined, so that a word the shapes rule out costs no call.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        if word.len() <= LONGEST_WORD && !self.shapes.may_hold(word.as_bytes()) {
            return None;
        }
        self.words.get(word)
    }
}

impl<K: Borrow<str> + Hash + Eq> WordList<K> {
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

/// Collects as a map does: of a word listed twice, the last value.
impl<K: Borrow<str> + Hash + Eq, V> FromIterator<(K, V)> for WordList<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        let mut list = WordList {
            words: FxHashMap::default(),
            shapes: Shapes::new(),
        };
        for (word, value) in items {
            list.shapes.insert(word.borrow().as_bytes());
            list.words.insert(word, value);
        }
        list
    }
}

impl<K: Borrow<str> + Hash + Eq> FromIterator<K> for WordList<K> {
    fn from_iter<I: IntoIterator<Item = K>>(words: I) -> Self {
        words.into_iter().map(|word| (word, ())).collect()
    }
}

/// Collects entries and patterns before compiling the lookup tables.
struct Builder {
    /// Pattern (lowercased name, single spaces) → its index, in order of first addition.
    patterns: FxHashMap<Box<str>, u32>,
    /// Every entry with its pattern's index, in the order added.
    entries: Vec<(u32, Entry)>,
    /// Places kept out of the table of names, by the hash of their names' patterns: a
    /// village's or a one-word county's name is too often a word, a surname or a team to be
    /// found wherever it is written.
    local: Vec<(u64, u32)>,
    /// A reused buffer for the pattern being added.
    key: String,
}

impl Builder {
    fn with_capacity(names: usize) -> Builder {
        Builder {
            patterns: FxHashMap::with_capacity_and_hasher(names, Default::default()),
            entries: Vec::with_capacity(names),
            local: Vec::new(),
            key: String::new(),
        }
    }

    fn add(&mut self, written: Cow<'static, str>, target: Target) {
        normalize_into(&written, &mut self.key);
        if self.key.is_empty() {
            return;
        }
        let next = self.patterns.len() as u32;
        let pattern = match self.patterns.get(self.key.as_str()) {
            Some(&i) => i,
            None => {
                self.patterns.insert(self.key.as_str().into(), next);
                next
            }
        };
        self.entries.push((pattern, Entry { written, target }));
    }

    fn add_local(&mut self, written: &str, place: u32) {
        if !written.trim().is_empty() {
            self.local.push((pattern_hash(written), place));
        }
    }

    fn add_places(&mut self) -> Vec<Place> {
        let mut places = Vec::new();
        // Towns named like ordinary words (`Police`, `Most`, `Of`) are not found by that name.
        let not_places: FxHashSet<&str> = words(NOT_PLACES).collect();
        let extra: FxHashMap<&str, Row> = rows(COUNTRIES_EXTRA).map(|row| (row[0], row)).collect();
        let mut capitals: FxHashMap<&str, &str> = FxHashMap::default();
        for row in rows(COUNTRIES) {
            let [iso2, _, id, name, lat, lon, capital, population, ..] = row[..] else {
                continue;
            };
            capitals.insert(iso2, capital);
            let index = places.len() as u32;
            places.push(Place {
                geonameid: id.parse().ok(),
                population: population.parse().unwrap_or(0),
                ..Place::new(PlaceKind::Country, name, iso2, lat, lon)
            });
            let more = extra.get(iso2);
            let field =
                |row: Option<&Row>, i: usize| row.and_then(|r| r.get(i).copied()).unwrap_or("");
            let dropped: Vec<&str> = field(more, 3).split('|').collect();
            let aliases = field(Some(&row), 9)
                .split('|')
                .chain(field(more, 1).split('|'))
                .filter(|a| !dropped.contains(a));
            for alias in std::iter::once(name).chain(aliases) {
                self.add(Cow::Borrowed(alias), Target::Place(index));
            }
            for demonym in field(Some(&row), 10)
                .split('|')
                .chain(field(more, 2).split('|'))
            {
                self.add(Cow::Borrowed(demonym), Target::Demonym(index));
            }
        }
        for row in rows(ADMIN1) {
            let [country, code, id, division, name, kind, lat, lon, ..] = row[..] else {
                continue;
            };
            let index = places.len() as u32;
            places.push(Place {
                geonameid: id.parse().ok(),
                code: Some(code),
                division,
                nation: kind == "Country",
                ..Place::new(PlaceKind::Admin1, name, country, lat, lon)
            });
            let aliases = row.get(8).copied().unwrap_or("").split('|');
            for alias in std::iter::once(name)
                .chain(aliases)
                .filter(|a| !not_places.contains(a))
            {
                self.add(Cow::Borrowed(alias), Target::Place(index));
            }
        }
        for row in rows(CITIES) {
            let [id, name, lat, lon, country, division, population, ..] = row[..] else {
                continue;
            };
            let index = places.len() as u32;
            let population: u64 = population.parse().unwrap_or(0);
            places.push(Place {
                geonameid: id.parse().ok(),
                division,
                population,
                capital: capitals.get(country) == Some(&name),
                ..Place::new(PlaceKind::City, name, country, lat, lon)
            });
            let aliases = row.get(7).copied().unwrap_or("").split('|');
            let aliases = aliases
                .filter(|a| population >= CITY_ALIAS_MIN_POPULATION || is_plain_spelling(a, name));
            for alias in std::iter::once(name)
                .chain(aliases)
                .filter(|a| !not_places.contains(a))
            {
                self.add(Cow::Borrowed(alias), Target::Place(index));
            }
        }
        for row in rows(ADMIN2) {
            let [id, name, country, division, lat, lon, ..] = row[..] else {
                continue;
            };
            let index = places.len() as u32;
            places.push(Place {
                geonameid: id.parse().ok(),
                division,
                ..Place::new(PlaceKind::Admin2, name, country, lat, lon)
            });
            let aliases = row.get(6).copied().unwrap_or("").split('|');
            for alias in std::iter::once(name)
                .chain(aliases)
                .filter(|a| !not_places.contains(a))
            {
                // `Metcalfe County` is a place wherever it is written; `Derbyshire` may be a
                // cricket team.
                if name.contains(' ') {
                    self.add(Cow::Borrowed(alias), Target::Place(index));
                } else {
                    self.add_local(alias, index);
                }
            }
        }
        for row in rows(TOWNS) {
            let [id, name, lat, lon, country, division, population, aliases, ..] = row[..] else {
                continue;
            };
            let index = places.len() as u32;
            places.push(Place {
                geonameid: id.parse().ok(),
                division,
                population: population.parse().unwrap_or(0),
                ..Place::new(PlaceKind::Town, name, country, lat, lon)
            });
            for alias in std::iter::once(name).chain(aliases.split('|')) {
                self.add_local(alias, index);
            }
        }
        for row in rows(REGIONS) {
            let [name, label, country, lat, lon, ..] = row[..] else {
                continue;
            };
            let index = places.len() as u32;
            places.push(Place {
                label: label_named(label),
                ..Place::new(PlaceKind::Region, name, country, lat, lon)
            });
            let aliases = row.get(5).copied().unwrap_or("").split('|');
            for alias in std::iter::once(name).chain(aliases) {
                self.add(Cow::Borrowed(alias), Target::Place(index));
            }
        }
        for row in rows(AIRPORTS) {
            let [iata, name, country, lat, lon, ..] = row[..] else {
                continue;
            };
            let index = places.len() as u32;
            places.push(Place {
                label: Label::Fac,
                code: Some(iata),
                ..Place::new(PlaceKind::Facility, name, country, lat, lon)
            });
            let aliases = row.get(5).copied().unwrap_or("").split('|');
            for alias in std::iter::once(name).chain(aliases) {
                self.add(Cow::Borrowed(alias), Target::Place(index));
            }
        }
        places
    }

    fn add_orgs(&mut self) -> Vec<Org> {
        let mut orgs = Vec::new();
        for row in rows(ORGANIZATIONS) {
            let [name, label, kind, country, ..] = row[..] else {
                continue;
            };
            let index = orgs.len() as u32;
            orgs.push(Org {
                name,
                label: label_named(label),
                country,
                company: kind == "company",
            });
            let aliases = row.get(4).copied().unwrap_or("").split('|');
            for alias in std::iter::once(name).chain(aliases) {
                self.add(Cow::Borrowed(alias), Target::Org(index));
                // `The New York Times` is also written `the New York Times` and `New York Times`.
                if let Some(bare) = alias.strip_prefix("The ") {
                    self.add(Cow::Borrowed(bare), Target::Org(index));
                }
                if let Some(other) = other_spelling(alias) {
                    self.add(Cow::Owned(other), Target::Org(index));
                }
            }
        }
        orgs
    }

    fn add_titles(&mut self) {
        for title in words(TITLES) {
            self.add(Cow::Borrowed(title), Target::Title);
        }
    }

    /// The lookup tables: the tries of all patterns and of the ones lower-case text may fit,
    /// and the entries of each pattern in the order added, without repeats.
    fn compile(self) -> (Trie, Trie, StartShapes, Vec<Range<u32>>, Vec<Entry>) {
        // Group the entries by pattern, each group in the order added: a counting sort.
        let mut pattern_entries: Vec<Range<u32>> = vec![0..0; self.patterns.len()];
        for (pattern, _) in &self.entries {
            pattern_entries[*pattern as usize].end += 1;
        }
        let mut next = 0;
        for group in &mut pattern_entries {
            let count = group.end;
            *group = next..next;
            next += count;
        }
        let mut order = vec![0; self.entries.len()];
        for (i, (pattern, _)) in self.entries.iter().enumerate() {
            let group = &mut pattern_entries[*pattern as usize];
            order[group.end as usize] = i;
            group.end += 1;
        }
        // Then drop repeats, which are rare: the same name of the same target twice.
        let mut entries: Vec<Entry> = Vec::with_capacity(self.entries.len());
        for group in &mut pattern_entries {
            let start = entries.len();
            for &i in &order[group.start as usize..group.end as usize] {
                let entry = &self.entries[i].1;
                let repeated = entries[start..]
                    .iter()
                    .any(|e| e.target == entry.target && e.written == entry.written);
                if !repeated {
                    entries.push(entry.clone());
                }
            }
            *group = start as u32..entries.len() as u32;
        }

        let mut names = Trie::with_capacity(self.patterns.len() * 2);
        let mut lower_names = Trie::with_capacity(0);
        let mut name_starts = StartShapes::new();
        for (pattern, &index) in &self.patterns {
            names.insert(pattern, index);
            // Whether text starting in lower case may fit one of its entries (see `case_fits`).
            let range = &pattern_entries[index as usize];
            let lower = entries[range.start as usize..range.end as usize]
                .iter()
                .any(|e| {
                    e.target == Target::Title
                        || e.written.chars().next().is_some_and(char::is_lowercase)
                });
            name_starts.insert(pattern, lower);
            if lower {
                lower_names.insert(pattern, index);
            }
        }
        (names, lower_names, name_starts, pattern_entries, entries)
    }
}

/// Patterns and their starts, in one hash table keyed by [`PatternHash`]: each start of a
/// pattern that ends with a word (`new`, `new york` of `new york times`) maps to the pattern
/// it is, if any. Reading a name word by word thus costs one lookup a word, and stops at the
/// first word that continues no pattern. The table holds hashes, not texts: two of its some
/// 130,000 keys (100,000 patterns and their starts) sharing a 64-bit hash is as good as
/// impossible.
///
/// The keys being hashes already, the table is a plain one of open addressing rather than a
/// map that would hash them again: a key's slot is found from its low bits (an FxHash's best
/// mixed, see `FxHasher::finish`), or in the slots after it. Made with room for the keys
/// expected at most half full, so that a look-up, of a key there or not, reads a slot or two:
/// the search looks up some 160,000 words in 2,000 stories.
struct Trie {
    /// The key in each slot, if any.
    keys: Vec<u64>,
    /// What the key in each slot is: [`Trie::EMPTY`] for a free slot, [`Trie::START`] for a
    /// start that is no pattern, else [`Trie::PATTERN`] plus the pattern's index. Kept apart
    /// from the keys, which would otherwise be padded.
    values: Vec<u32>,
    /// How many slots hold a key.
    len: usize,
}

impl Trie {
    const EMPTY: u32 = 0;
    const START: u32 = 1;
    const PATTERN: u32 = 2;

    fn with_capacity(capacity: usize) -> Trie {
        let slots = (2 * capacity).next_power_of_two().max(16);
        Trie {
            keys: vec![0; slots],
            values: vec![Self::EMPTY; slots],
            len: 0,
        }
    }

    /// Adds a pattern (normalized as [`normalize_into`] does) and its starts.
    fn insert(&mut self, pattern: &str, index: u32) {
        let bytes = pattern.as_bytes();
        let mut hash = PatternHash::default();
        let mut at = 0;
        for word in Words::new(pattern, 0..pattern.len()) {
            hash.push_gap(&pattern[at..word.start]);
            hash.push(piece_hash(&bytes[word.clone()]));
            at = word.end;
            self.set(hash.finish(), Self::START, false);
        }
        // What follows the last word, such as its period (`u.s.`), as a piece of its own. A
        // pattern of no word is never found, since text is read from a word.
        if at < pattern.len() {
            hash.push(piece_hash(&bytes[at..]));
        }
        self.set(hash.finish(), Self::PATTERN + index, true);
    }

    /// Gives `key` the value `value`, or, unless `overwrite`, only if it has none.
    fn set(&mut self, key: u64, value: u32, overwrite: bool) {
        if 2 * (self.len + 1) > self.keys.len() {
            let mut larger = Trie::with_capacity(self.keys.len());
            for (&key, &value) in self.keys.iter().zip(&self.values) {
                if value != Self::EMPTY {
                    larger.set(key, value, false);
                }
            }
            *self = larger;
        }
        let at = self.slot(key);
        if self.values[at] == Self::EMPTY {
            self.keys[at] = key;
            self.values[at] = value;
            self.len += 1;
        } else if overwrite {
            self.values[at] = value;
        }
    }

    /// The slot that holds `key`, or the free one where it would go.
    #[inline]
    fn slot(&self, key: u64) -> usize {
        let mask = self.keys.len() - 1;
        let mut at = key as usize & mask;
        while self.values[at] != Self::EMPTY && self.keys[at] != key {
            at = (at + 1) & mask;
        }
        at
    }

    /// `None` when no pattern starts so; else the pattern it is, if it is one.
    #[inline]
    fn get(&self, hash: &PatternHash) -> Option<Option<u32>> {
        match self.values[self.slot(hash.finish())] {
            Self::EMPTY => None,
            Self::START => Some(None),
            value => Some(Some(value - Self::PATTERN)),
        }
    }
}

/// The shapes of the patterns' first words as text may write them, to rule out the words that
/// start no pattern before they are hashed: a word's length, its first byte as written, and
/// five bits of its last, which a letter's two cases share.
///
/// The case of a word's first letter also chooses the table it is looked up in (see
/// [`Gazetteer::names_starting`]), so each table's first words are added in the case that
/// leads there: capitalized for the table of all patterns, as written for the patterns that
/// text in lower case may fit. One test, made before the table is chosen, thus rules out the
/// words that start no pattern of theirs. Words longer than the shapes hold are never ruled
/// out.
struct StartShapes(Box<[u64; START_SHAPE_WORDS]>);

/// How many `u64` the bits of all start shapes take: a length up to [`LONGEST_WORD`], any first
/// byte, and five bits of the last.
const START_SHAPE_WORDS: usize = ((LONGEST_WORD + 1) << 13) / 64;

impl StartShapes {
    fn new() -> StartShapes {
        StartShapes(Box::new([0; START_SHAPE_WORDS]))
    }

    /// Adds the first word of `pattern` for the table of all patterns and, if text in lower
    /// case may fit the pattern (`lower`), for the table of those.
    fn insert(&mut self, pattern: &str, lower: bool) {
        let Some(word) = Words::new(pattern, 0..pattern.len()).next() else {
            return;
        };
        let word = &pattern.as_bytes()[word];
        let (first, last) = (word[0], word[word.len() - 1]);
        if word.len() <= LONGEST_WORD {
            self.add(Self::shape(word.len(), first.to_ascii_uppercase(), last));
            if lower {
                self.add(Self::shape(word.len(), first, last));
            }
        }
    }

    fn add(&mut self, shape: usize) {
        self.0[shape / 64] |= 1 << (shape % 64);
    }

    /// Whether a pattern may start with `word`, as the text writes it.
    #[inline]
    fn may_start(&self, word: &[u8]) -> bool {
        if word.len() > LONGEST_WORD {
            return true;
        }
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return false;
        };
        let shape = Self::shape(word.len(), first, last);
        self.0[shape / 64] & 1 << (shape % 64) != 0
    }

    /// The shape of a word of `len` bytes, up to [`LONGEST_WORD`], from its first and last.
    fn shape(len: usize, first: u8, last: u8) -> usize {
        len << 13 | usize::from(first) << 5 | usize::from(last & 31)
    }
}

/// The places known only by [`Gazetteer::local_named`], as (hash of a name's pattern, index
/// into `places`), sorted, with an index of where each bucket of hashes starts: a look-up
/// searches the few entries of one bucket, not the whole table, whose every step would be a
/// cache miss.
struct LocalNames {
    entries: Vec<(u64, u32)>,
    /// `bucket_starts[b]` is the first entry whose hash's top [`LocalNames::BUCKET_BITS`]
    /// bits are `b` or more; one more element closes the last bucket.
    bucket_starts: Vec<u32>,
}

impl LocalNames {
    /// 16,384 buckets for some 60,000 names: a few entries each.
    const BUCKET_BITS: u32 = 14;

    fn new(mut entries: Vec<(u64, u32)>) -> LocalNames {
        entries.sort_unstable();
        let bucket_starts = (0..=1u64 << Self::BUCKET_BITS)
            .map(|bucket| entries.partition_point(|&(h, _)| Self::bucket(h) < bucket) as u32)
            .collect();
        LocalNames {
            entries,
            bucket_starts,
        }
    }

    fn bucket(hash: u64) -> u64 {
        hash >> (u64::BITS - Self::BUCKET_BITS)
    }

    fn named(&self, hash: u64) -> impl Iterator<Item = u32> + '_ {
        let bucket = Self::bucket(hash) as usize;
        let entries = &self.entries
            [self.bucket_starts[bucket] as usize..self.bucket_starts[bucket + 1] as usize];
        let first = entries.partition_point(|&(h, _)| h < hash);
        entries[first..]
            .iter()
            .take_while(move |&&(h, _)| h == hash)
            .map(|&(_, place)| place)
    }
}

/// The hash of a name's pattern, fed piece by piece as the text has it: each word by its
/// [`piece_hash`], white space between words as one space, so that text and pattern hash
/// alike.
#[derive(Default, Clone)]
struct PatternHash(FxHasher);

impl PatternHash {
    /// Feeds a piece of the pattern (a word, a character between words, or the text after the
    /// last word) by its [`piece_hash`].
    fn push(&mut self, piece_hash: u64) {
        self.0.write_u64(piece_hash);
    }

    /// Feeds the text between two words as a pattern has it: white space runs as one space,
    /// and none before an apostrophe (text split into tokens writes `Moody 's`). Inlined for
    /// the gap of most names, one space; the others are fed out of line.
    #[inline]
    fn push_gap(&mut self, gap: &str) {
        if gap == " " {
            self.push_space();
        } else {
            self.push_other_gap(gap);
        }
    }

    /// [`PatternHash::push_gap`] for a gap other than one space.
    #[inline(never)]
    fn push_other_gap(&mut self, gap: &str) {
        let mut space = false;
        for c in gap.chars() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space && !matches!(c, '\'' | '’') {
                self.push_space();
            }
            space = false;
            let mut bytes = [0; 4];
            self.push(piece_hash(c.encode_utf8(&mut bytes).as_bytes()));
        }
        if space {
            self.push_space();
        }
    }

    /// Feeds the one space between two words.
    fn push_space(&mut self) {
        self.0.write_u8(b' ');
    }

    fn finish(&self) -> u64 {
        self.0.finish()
    }
}

/// The hash of a piece of a name in ASCII lower case, read and lowered eight bytes at a time,
/// not letter by letter.
fn piece_hash(piece: &[u8]) -> u64 {
    let mut hash = FxHasher::default();
    let mut chunks = piece.chunks_exact(8);
    for chunk in &mut chunks {
        let chunk = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        hash.write_u64(ascii_lowercase8(chunk));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        hash.write_u64(ascii_lowercase8(load_le(rest)));
    }
    hash.finish()
}

/// The [`piece_hash`] of the word at `word` of `bytes`, read with one load of eight bytes, or
/// two, where the text goes on that far: most words are no longer than sixteen bytes (the
/// longer names' first words among them: `International`), and the bytes after them are
/// masked off. Always inlined: the search calls it for every word it hashes, and a call
/// costs about as much as the hash.
#[inline(always)]
fn word_hash(bytes: &[u8], word: Range<usize>) -> u64 {
    let load = |at: usize| {
        let eight = bytes.get(at..at + 8)?;
        Some(u64::from_le_bytes(eight.try_into().expect("eight bytes")))
    };
    let lowered = |eight: u64, len: usize| ascii_lowercase8(eight & u64::MAX >> (64 - 8 * len));
    let mut hash = FxHasher::default();
    match word.len() {
        len @ 1..=8 => match load(word.start) {
            Some(first) => hash.write_u64(lowered(first, len)),
            None => return piece_hash(&bytes[word]),
        },
        len @ 9..=16 => match load(word.start).zip(load(word.start + 8)) {
            Some((first, second)) => {
                hash.write_u64(ascii_lowercase8(first));
                hash.write_u64(lowered(second, len - 8));
            }
            None => return piece_hash(&bytes[word]),
        },
        _ => return piece_hash(&bytes[word]),
    }
    hash.finish()
}

/// Buffers reused across calls of [`Gazetteer::find`].
pub(crate) struct FindBuffers {
    /// The words of the text searched.
    words: Vec<Range<usize>>,
    /// The patterns a name may be, as (last word, end, pattern), shortest first.
    ends: Vec<(usize, usize, u32)>,
}

/// Made once a story, with room for the words of nearly every segment and the patterns met
/// along nearly every name, so that they are not grown anew in each story.
impl Default for FindBuffers {
    fn default() -> Self {
        const WORDS: usize = 128;
        const ENDS: usize = 8;
        FindBuffers {
            words: Vec::with_capacity(WORDS),
            ends: Vec::with_capacity(ENDS),
        }
    }
}

/// The words of `range` of `text`: maximal runs of letters, digits and combining marks.
struct Words<'t> {
    text: &'t str,
    at: usize,
    end: usize,
}

impl<'t> Words<'t> {
    fn new(text: &'t str, range: Range<usize>) -> Words<'t> {
        Words {
            text,
            at: range.start,
            end: range.end,
        }
    }

    /// Moves past the characters that are (or, with `in_word` false, are not) in a word:
    /// runs of ASCII bytes, most of a story, with one look-up of its class a byte, and the
    /// characters that are not ASCII one by one, decoded.
    fn skip_while_in_word(&mut self, in_word: bool) {
        let bytes = &self.text.as_bytes()[..self.end];
        while let Some(rest) = bytes.get(self.at..) {
            let class = |b: &u8| BYTE_CLASS[usize::from(*b)];
            let run = if in_word {
                rest.iter().position(|b| class(b) & (LETTER | DIGIT) == 0)
            } else {
                rest.iter()
                    .position(|b| class(b) & (LETTER | DIGIT | NON_ASCII) != 0)
            };
            let Some(run) = run else {
                self.at = self.end;
                return;
            };
            self.at += run;
            // An ASCII byte ends the run; a character that is not ASCII may go on with it.
            if rest[run].is_ascii() {
                return;
            }
            let (inside, len) = self.in_word(self.at);
            if inside != in_word {
                return;
            }
            self.at += len;
        }
    }

    /// Whether the character at byte `at` belongs in a word, and its length.
    fn in_word(&self, at: usize) -> (bool, usize) {
        match self.text.as_bytes()[at] {
            b if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
            _ => self.text[at..self.end]
                .chars()
                .next()
                .map_or((false, 1), |c| {
                    (c.is_alphanumeric() || is_combining_mark(c), c.len_utf8())
                }),
        }
    }
}

impl Iterator for Words<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        self.skip_while_in_word(false);
        if self.at >= self.end {
            return None;
        }
        let start = self.at;
        self.skip_while_in_word(true);
        Some(start..self.at)
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The hash of `name`'s pattern (see [`normalize_into`]), computed without building it. Two
/// of the 60,000 local names sharing a 64-bit hash is as good as impossible.
fn pattern_hash(name: &str) -> u64 {
    if name.is_ascii() {
        // Most names: their white space is the ASCII bytes `char::is_whitespace` takes (from
        // tab to carriage return, and the space), found without decoding characters.
        let words = name
            .as_bytes()
            .split(|&b| matches!(b, b'\t'..=b'\r' | b' '))
            .filter(|word| !word.is_empty());
        words_hash(words)
    } else {
        words_hash(name.split_whitespace().map(str::as_bytes))
    }
}

/// The hash of a pattern of these words, with one space between two.
fn words_hash<'w>(words: impl Iterator<Item = &'w [u8]>) -> u64 {
    let mut hash = PatternHash::default();
    for (n, word) in words.enumerate() {
        if n > 0 {
            hash.push_space();
        }
        hash.push(piece_hash(word));
    }
    hash.finish()
}

/// Writes `name` into `key` as a pattern: ASCII-lowercased, white space runs as one space.
fn normalize_into(name: &str, key: &mut String) {
    key.clear();
    for (n, word) in name.split_whitespace().enumerate() {
        if n > 0 {
            key.push(' ');
        }
        key.push_str(word);
    }
    key.make_ascii_lowercase();
}

pub(crate) fn label_named(label: &str) -> Label {
    match label {
        "PERSON" | "PER" => Label::Person,
        "ORG" => Label::Org,
        "LOC" => Label::Loc,
        "NORP" => Label::Norp,
        "FAC" => Label::Fac,
        _ => Label::Gpe,
    }
}

/// Spellings that British and American English write differently inside names.
const SPELLINGS: &[(&str, &str)] = &[
    ("ization", "isation"),
    ("Co-operation", "Cooperation"),
    ("Defense", "Defence"),
    ("Center", "Centre"),
    ("Labor", "Labour"),
];

/// The name in the other spelling (`Organisation for Security and Co-operation in Europe` for
/// `Organization for Security and Cooperation in Europe`), if it has a word spelled both ways.
fn other_spelling(name: &str) -> Option<String> {
    let mut other = name.to_string();
    for (a, b) in SPELLINGS {
        if other.contains(a) {
            other = other.replace(a, b);
        } else if other.contains(b) {
            other = other.replace(b, a);
        }
    }
    (other != name).then_some(other)
}

/// An alias that only drops the accents of the name (`Lavasan` for `Lavāsān`).
pub(crate) fn is_plain_spelling(alias: &str, name: &str) -> bool {
    alias.is_ascii()
        && alias.len() < name.len()
        && alias.chars().count() == name.chars().count()
        && alias
            .chars()
            .zip(name.chars())
            .all(|(a, n)| a == n || !n.is_ascii())
}

/// Whether the text's spelling of a name fits the entry's: the same, or capitalized at the
/// start of a sentence (`The Islamic Republic`), or in capitals (`TEHRAN`) when the name is
/// long enough not to be a common word. Titles are matched in any case (`defense minister`).
fn case_fits(text: &str, written: &str, shouting: bool, target: Target) -> bool {
    // Counted only where asked: most names are found as written, in text not in capitals.
    let letters = || written.chars().filter(|c| c.is_alphabetic()).count();
    let as_written = text == written;
    // An abbreviation with its periods (`N.J.` in `NEWARK, N.J. (AP)`) is no word in capitals.
    let abbreviation = || as_written && written.contains('.');
    if shouting && letters() < 4 && !abbreviation() {
        return false;
    }
    if as_written || target == Target::Title {
        return true;
    }
    let capitals = !text.chars().any(char::is_lowercase);
    if capitals {
        return letters() >= 4;
    }
    // A capital first letter, and letters that differ only from lower case in the name to
    // upper case in the text (`KwaZulu-Natal` for `Kwazulu-Natal`), never the other way.
    if !text.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let (mut t, mut w) = (text.chars().peekable(), written.chars());
    loop {
        let mut a = t.next();
        // `Moody 's` for `Moody's`, as text split into tokens writes it.
        if a.is_some_and(char::is_whitespace) && matches!(t.peek(), Some('\'' | '’')) {
            a = t.next();
        }
        match (a, w.next()) {
            (None, None) => return true,
            (Some(a), Some(b))
                if a == b
                    || (a.is_uppercase()
                        && b.is_lowercase()
                        && a.to_lowercase().eq(b.to_lowercase())) => {}
            _ => return false,
        }
    }
}

pub(crate) fn ends_word(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degrees_parse_as_str_parse_does() {
        for text in [
            "35.75936",
            "-33.86785",
            "0",
            "-0.0",
            "51.37601",
            "179.99999",
            "-0.00001",
            "12.",
            ".5",
            "+1.5",
            "1e3",
            "",
            "-",
            "abc",
            "12.3.4",
            "1234567890.123456789",
        ] {
            let expected: Option<f64> = text.parse().ok();
            assert_eq!(
                parse_degrees(text).map(f64::to_bits),
                expected.map(f64::to_bits),
                "{text}"
            );
        }
        // Every field of the places' data, coordinates among them.
        let places = [COUNTRIES, ADMIN1, CITIES, ADMIN2, TOWNS, REGIONS, AIRPORTS];
        for text in places
            .into_iter()
            .flat_map(rows)
            .flat_map(|row| row.to_vec())
        {
            let expected: Option<f64> = text.parse().ok();
            assert_eq!(
                parse_degrees(text).map(f64::to_bits),
                expected.map(f64::to_bits),
                "{text}"
            );
        }
    }

    #[test]
    fn words_hash_as_their_pieces() {
        // Words of one to eight bytes and of nine to sixteen, and longer, and at the end.
        let text = "A Tokyo-based Überfirma, WASHINGTONIANS and the u.s. Internationalism \
                    Inter-Governmental Internationalists Internationalism";
        for word in Words::new(text, 0..text.len()) {
            let bytes = text.as_bytes();
            assert_eq!(
                word_hash(bytes, word.clone()),
                piece_hash(&bytes[word.clone()]),
                "{}",
                &text[word]
            );
        }
    }

    #[test]
    fn names_hash_as_their_patterns() {
        for name in [
            "Dera Ismail Khan",
            "  dera\tismail\u{b}\n KHAN ",
            "Lavāsān",
            "Ban\u{a0}Na",
            "x\u{1c}y",
            "",
        ] {
            let mut pattern = String::new();
            normalize_into(name, &mut pattern);
            let mut expected = PatternHash::default();
            for (n, word) in pattern.split(' ').filter(|w| !w.is_empty()).enumerate() {
                if n > 0 {
                    expected.push_space();
                }
                expected.push(piece_hash(word.as_bytes()));
            }
            assert_eq!(pattern_hash(name), expected.finish(), "{name:?}");
        }
    }
}
