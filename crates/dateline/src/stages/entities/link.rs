//! Gathering the mentions of one thing into one entity.
//!
//! Gazetteer names group by what they name (`the Islamic Republic` and `Iran` are one country;
//! `Afghan` groups under Afghanistan's demonym). Other names group by their text, a surname
//! joins the person whose full name ends with it (`Bahrami` → `Tariq Shah Bahrami`), the first
//! word of a company's name joins the company (`Magna` → `Magna International Inc`), a short
//! form in brackets joins the name it abbreviates, and names still unknown take the label the
//! rest of the document, or the words around them, give them.

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::gazetteer::{Cue, FindBuffers, Gazetteer, PlaceKind, Target};
use super::recognize::{Candidate, Class};
use super::resolve::{self, Setting};
use super::tokens::Tok;
use crate::article::Label;

/// Fewer people than this make a town small enough that a company's short name beats it.
const SMALL_TOWN: u64 = 100_000;

/// Room for a draft's first mentions, made with the draft: a vector made empty would grow to
/// as much at its first mention, by a longer way.
const FEW_MENTIONS: usize = 4;

/// One entity before it is written out.
#[derive(Debug)]
pub(super) struct Draft {
    pub label: Label,
    /// The gazetteer entry it is, if any.
    pub target: Option<Target>,
    /// The gazetteer place or demonym inside its name (`Iranian Armed Forces`).
    pub contained: Option<Target>,
    /// Indexes of its candidates, in text order.
    pub mentions: Vec<usize>,
}

/// Adds the country or division an organization's name starts with as a mention of its own,
/// as geoparsers read them: `Kentucky` in `Kentucky State Police`, `U.S.` in `U.S. Army`.
/// Not a city, even one that is a division too (`Stoke Mandeville Hospital`, `Tokyo Stock
/// Exchange`), nor a place after `of` (`University of Arizona`): news geoparsing corpora
/// leave those out more often than not.
pub(super) fn add_leading_places(
    text: &str,
    gazetteer: &Gazetteer,
    tokens: &[Tok],
    buffers: &mut FindBuffers,
    candidates: &mut Vec<Candidate>,
) {
    let mut found = Vec::new();
    for i in 0..candidates.len() {
        let c = &candidates[i];
        // Not an organization of the gazetteer: most are news outlets, named after their
        // town (`The New York Times`, `China Daily`).
        let org = matches!(c.class, Class::Named(Label::Org, _));
        if !org || c.range.len() < 2 {
            continue;
        }
        // Without the name's last character, so that the organization's own entry is not it.
        let Some(inside) = text.get(c.range.start..c.range.end - 1) else {
            continue;
        };
        found.clear();
        gazetteer.find(
            text,
            c.range.start..c.range.start + inside.len(),
            c.shouting,
            buffers,
            &mut found,
        );
        let Some(first) = found.first().filter(|f| f.range.start == c.range.start) else {
            continue;
        };
        let divisions: Vec<Target> = first
            .targets
            .iter()
            .copied()
            .filter(|t| {
                matches!(t, Target::Place(p)
                if matches!(gazetteer.places[*p as usize].kind,
                    PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2))
            })
            .collect();
        // `Tokyo Stock Exchange`, `New York Times`: a city's name, if a division's too.
        let names_city = first.targets.iter().any(|t| {
            matches!(t, Target::Place(p)
            if gazetteer.places[*p as usize].kind == PlaceKind::City)
        });
        if divisions.is_empty() || names_city || first.range == c.range {
            continue;
        }
        let last = tokens.partition_point(|t| t.end <= first.range.end);
        candidates.push(Candidate {
            range: first.range.clone(),
            tokens: c.tokens.start..last,
            class: Class::Known(divisions),
            cue: None,
            abbreviates: None,
            team_position: false,
            ..c.clone()
        });
    }
}

/// Groups the candidates into drafts. Candidates that turn out to be no name are left out.
/// `buffers` are the story's, reused for the few places looked up again.
pub(super) fn link(
    text: &str,
    gazetteer: &Gazetteer,
    setting: &Setting,
    candidates: &[Candidate],
    buffers: &mut FindBuffers,
) -> Vec<Draft> {
    // Sized once for every candidate (each starts one draft at most): the drafts and the maps
    // do not grow, name by name, as they fill.
    let mut drafts: Vec<Draft> = Vec::with_capacity(candidates.len());
    let mut by_target: FxHashMap<Target, usize> =
        FxHashMap::with_capacity_and_hasher(candidates.len(), Default::default());
    // Each name's text is hashed once, here: the sets and maps of names below are vectors
    // indexed by the text's number.
    let names = NameIds::new(text, candidates);
    let mut by_text: Vec<Option<usize>> = vec![None; names.len()];
    let mut of_candidate: Vec<Option<usize>> = vec![None; candidates.len()];
    let surface = |c: &Candidate| &text[c.range.clone()];

    // A town's name that is a team or a person once in the story is one throughout it.
    let is_local_place = |c: &Candidate| match &c.class {
        Class::Known(targets) => {
            matches!(setting.choose(gazetteer, targets), Some(Target::Place(p))
            if !gazetteer.places[p as usize].is_nation())
        }
        _ => false,
    };
    // A person may share a small town's name (`Clinton said`, `President Clinton`); a big
    // city's name before `said` stands for its government (`Baghdad said`).
    let is_small_town = |c: &Candidate| match &c.class {
        Class::Known(targets) => matches!(setting.choose(gazetteer, targets),
            Some(t @ Target::Place(_)) if !gazetteer.tells_country(t)),
        _ => false,
    };
    let mut marks = names.marks(|c| NameMarks {
        team: c.team_position && is_local_place(c),
        person: (matches!(c.cue, Some(Cue::PersonAfter | Cue::PersonBefore)) && is_small_town(c))
            || (c.class == Class::Named(Label::Person, None) && !surface(c).contains(' ')),
        aged: c.cue == Some(Cue::Age) && is_local_place(c),
        side: c.team_position,
    });
    // `Essex , Derbyshire and Surrey all closed in on victory`: the names listed beside a team
    // are teams too.
    let lists = coordinated(text, candidates);
    for list in &lists {
        if list.clone().any(|i| marks[names.of(i)].team) {
            for i in list.clone() {
                if is_local_place(&candidates[i]) {
                    marks[names.of(i)].team = true;
                }
            }
        }
    }
    let ends_in_common_word = |c: &Candidate| {
        let last = surface(c).rsplit(' ').next().unwrap_or("");
        surface(c).contains(' ')
            && !surface(c).contains('.')
            && gazetteer.is_common_word(last)
            && !gazetteer.is_surname(last)
    };
    // Towns stand as sides where the story lists results between two teams or more.
    let has_results = marks.iter().filter(|m| m.team).count() >= 2;

    let chosen = setting.choose_all(
        gazetteer,
        text,
        candidates,
        &names.of_candidate,
        names.len(),
    );
    // Gazetteer names, and names classified by evidence, first: they anchor the rest.
    for (i, c) in candidates.iter().enumerate() {
        let name = names.of(i);
        let (label, target, contained) = match &c.class {
            Class::Known(_) => {
                let Some(target) = chosen[i] else {
                    continue;
                };
                if marks[name].team && !c.locative && is_local_place(c) {
                    // A team named after its town, as results tables show (`Somerset 83`).
                    (Label::Org, None, Some(target))
                } else if (marks[name].person && is_small_town(c))
                    || (marks[name].aged && !c.locative)
                {
                    // `Clinton said`, `Duran, 45,`: a person who shares a town's name.
                    (Label::Person, None, None)
                } else {
                    (label_of(gazetteer, target), Some(target), None)
                }
            }
            // `Huddersfield 1 Crystal Palace 1`: where results put the sides, a name that
            // its given name made a person's but that ends in a common word no surname shares
            // is a team's (not `Wasim Akram 29.2-9-83-3`, nor with an initial: `P. Such 8-118`).
            Class::Named(Label::Person, None)
                if has_results && c.team_position && ends_in_common_word(c) =>
            {
                (Label::Org, None, None)
            }
            Class::Named(label, contained) => (*label, None, *contained),
            Class::Unknown | Class::Event => continue,
        };
        // A name joins the entity of its target, or else one of the same text and label: the
        // dateline's `NEW YORK` is a city, `NEW YORK 72 53` in a table below it a team.
        let existing = match target {
            Some(t) => by_target.get(&t).copied(),
            None => by_text[name].filter(|&d| drafts[d].label == label),
        };
        let d = existing.unwrap_or_else(|| {
            drafts.push(Draft {
                label,
                target,
                contained,
                mentions: Vec::with_capacity(FEW_MENTIONS),
            });
            drafts.len() - 1
        });
        drafts[d].mentions.push(i);
        of_candidate[i] = Some(d);
        if let Some(t) = target {
            by_target.insert(t, d);
        }
        by_text[name].get_or_insert(d);
    }

    // Abbreviations join what they abbreviate, and are known by their text from then on.
    for (i, c) in candidates.iter().enumerate() {
        let Some(start) = c.abbreviates else {
            continue;
        };
        let long = candidates.partition_point(|l| l.range.start < start);
        let Some(d) = of_candidate.get(long).copied().flatten() else {
            continue;
        };
        if let Some(old) = of_candidate[i] {
            drafts[old].mentions.retain(|&m| m != i);
        }
        drafts[d].mentions.push(i);
        of_candidate[i] = Some(d);
        by_text[names.of(i)] = Some(d);
    }

    // Persons by their surname or first name alone; then what is still unknown takes the label
    // its shape and the words around it suggest, several words first: the persons only their
    // shape makes persons (`Jansher Khan`) are then known by a name part too (`Jansher said`).
    let mut linking = Linking {
        text,
        gazetteer,
        setting,
        candidates,
        drafts,
        of_candidate,
        by_text,
        marks,
        has_results,
        lists,
        names,
    };
    let parts = linking.join_name_parts(Joining::AllNames);
    linking.join_organization_short_names();
    linking.guess_unknown(&parts, |c| surface(c).contains(' '));
    let parts = linking.join_name_parts(Joining::UnknownWords);
    linking.guess_unknown(&parts, |_| true);
    let Linking { mut drafts, .. } = linking;

    // Places the gazetteer's table of names lacks: a town of their name, if one fits, else
    // the place their name holds (`Greater Mumbai`, `Eastern China`).
    for draft in &mut drafts {
        if draft.target.is_none() && matches!(draft.label, Label::Gpe | Label::Loc) {
            if let Some(&first) = draft.mentions.first() {
                draft.target =
                    resolve::unlisted_place(setting, gazetteer, text, candidates, first, buffers)
                        .or_else(|| {
                            let name = &text[candidates[first].range.clone()];
                            let place = draft.contained.filter(|t| matches!(t, Target::Place(_)));
                            place.filter(|_| is_part_of_place(gazetteer, name))
                        });
            }
        }
    }

    drafts.retain(|d| !d.mentions.is_empty());
    for draft in &mut drafts {
        draft.mentions.sort_by_key(|&m| candidates[m].range.start);
        draft.mentions.dedup();
    }
    drafts
}

/// The drafts while names are joined to them, and what finds them.
struct Linking<'a> {
    text: &'a str,
    gazetteer: &'a Gazetteer,
    setting: &'a Setting,
    candidates: &'a [Candidate],
    drafts: Vec<Draft>,
    /// The draft of each candidate, if it has one yet.
    of_candidate: Vec<Option<usize>>,
    /// The first draft of each name's text, by its number in `names`.
    by_text: Vec<Option<usize>>,
    /// What the candidates of each name's text tell of it, by the text's number.
    marks: Vec<NameMarks>,
    /// Whether the story lists results between teams.
    has_results: bool,
    /// The runs of candidates listed one after another ([`coordinated`]), found once for the
    /// story: the candidates stay, only their drafts change.
    lists: Vec<Range<usize>>,
    names: NameIds<'a>,
}

/// A number for each distinct text of the story's names, so that what is known of a name's
/// text is kept in vectors, not in maps that hash the text at each look-up.
struct NameIds<'a> {
    ids: FxHashMap<&'a str, usize>,
    /// The number of each candidate's text.
    of_candidate: Vec<usize>,
    candidates: &'a [Candidate],
}

impl<'a> NameIds<'a> {
    fn new(text: &'a str, candidates: &'a [Candidate]) -> NameIds<'a> {
        let mut ids: FxHashMap<&str, usize> =
            FxHashMap::with_capacity_and_hasher(candidates.len(), Default::default());
        let of_candidate = candidates
            .iter()
            .map(|c| {
                let next = ids.len();
                *ids.entry(&text[c.range.clone()]).or_insert(next)
            })
            .collect();
        NameIds {
            ids,
            of_candidate,
            candidates,
        }
    }

    /// How many distinct texts there are.
    fn len(&self) -> usize {
        self.ids.len()
    }

    /// The number of candidate `i`'s text.
    fn of(&self, i: usize) -> usize {
        self.of_candidate[i]
    }

    /// The number of a text, if a candidate has it.
    fn get(&self, text: &str) -> Option<usize> {
        self.ids.get(text).copied()
    }

    /// The marks of each text: those that `marks` gives any of its candidates, read in one
    /// pass over the candidates.
    fn marks(&self, marks: impl Fn(&Candidate) -> NameMarks) -> Vec<NameMarks> {
        let mut marked = vec![NameMarks::default(); self.len()];
        for (c, &name) in self.candidates.iter().zip(&self.of_candidate) {
            let of_candidate = marks(c);
            let of_name = &mut marked[name];
            of_name.team |= of_candidate.team;
            of_name.person |= of_candidate.person;
            of_name.aged |= of_candidate.aged;
            of_name.side |= of_candidate.side;
        }
        marked
    }
}

/// What a name's text is, told by how one of its candidates stands in the story: a town's name
/// that is a team or a person once in the story is one throughout it.
#[derive(Clone, Copy, Default)]
struct NameMarks {
    /// A town's name where results put the sides (`Somerset 83`), or listed beside one.
    team: bool,
    /// A small town's name cued as a person's (`Clinton said`), or a single word that its shape
    /// made a person's.
    person: bool,
    /// A town's name with an age after it (`Duran, 45,`): a person, even one who shares a
    /// city's name.
    aged: bool,
    /// Stands where results put the sides of a match (`Forfar 2`).
    side: bool,
}

/// Which names may join a person by a part of the person's full name.
#[derive(Clone, Copy, PartialEq)]
enum Joining {
    /// Every name, gazetteer names too (`Jackson`).
    AllNames,
    /// Only unknown words not in capitals: the persons that only their shape made persons are
    /// less sure (`SMS Siemag`), so they take no gazetteer names and no acronyms.
    UnknownWords,
}

/// The words that start or end the full names of the story's persons.
struct NameParts<'a> {
    /// The person a word names; `None` where two persons share it (`Yeltsin` for `Boris
    /// Yeltsin` and `Naina Yeltsin`).
    persons: FxHashMap<&'a str, Option<usize>>,
    /// Whether each draft is a person named with a given name first.
    given_named: Vec<bool>,
}

impl<'a> Linking<'a> {
    fn surface(&self, i: usize) -> &'a str {
        &self.text[self.candidates[i].range.clone()]
    }

    fn name_parts(&self) -> NameParts<'a> {
        let mut parts = NameParts {
            // Sized once: a story's persons have rarely more name parts than it has names.
            persons: FxHashMap::with_capacity_and_hasher(self.names.len(), Default::default()),
            given_named: vec![false; self.drafts.len()],
        };
        for (d, draft) in self.drafts.iter().enumerate() {
            if draft.label != Label::Person {
                continue;
            }
            for &m in &draft.mentions {
                let mut words = self.surface(m).split_whitespace();
                let (Some(first), Some(last)) = (words.next(), words.last()) else {
                    continue; // one word
                };
                let given_named = self.gazetteer.is_given_name(first);
                // A name only its shape made a person's counts where a given name starts it
                // or a surname ends it (`Jansher Khan`, not `Hapoel Taibe`).
                let guessed = self.candidates[m].class == Class::Unknown;
                if guessed && !given_named && !self.gazetteer.is_surname(last) {
                    continue;
                }
                if given_named {
                    parts.given_named[d] = true;
                }
                for part in [last, first] {
                    let slot = parts.persons.entry(part).or_insert(Some(d));
                    if *slot != Some(d) {
                        *slot = None;
                    }
                }
            }
        }
        parts
    }

    /// Moves candidate `i` to draft `d`.
    fn assign(&mut self, i: usize, d: usize) {
        if let Some(old) = self.of_candidate[i] {
            self.drafts[old].mentions.retain(|&m| m != i);
        }
        self.drafts[d].mentions.push(i);
        self.of_candidate[i] = Some(d);
    }

    /// Joins the names that are one part of a person's full name to that person, and a
    /// person may take a country's name for theirs (`Georgia Stevens`, `Michael Jordan`).
    /// Returns the name parts it read, which joining changes not.
    fn join_name_parts(&mut self, joining: Joining) -> NameParts<'a> {
        let parts = self.name_parts();
        let gazetteer = self.gazetteer;
        for i in 0..self.candidates.len() {
            let c = &self.candidates[i];
            // Most candidates are no unknown name: those are passed over before their text is
            // read.
            if joining == Joining::UnknownWords && c.class != Class::Unknown {
                continue;
            }
            let name = self.surface(i);
            if joining == Joining::UnknownWords && !name.chars().any(char::is_lowercase) {
                continue;
            }
            // Asked only of the classes that join single words.
            let single_word = || !name.contains(' ');
            // `SHEARER` in a headline in capitals is `Shearer` of `Alan Shearer`.
            let person_part = || {
                let part = if c.shouting {
                    parts.persons.get(title_case(name).as_str())
                } else {
                    parts.persons.get(name)
                };
                part.copied().flatten()
            };
            let joined = match &c.class {
                // A known place that is also a person's name in this story: `Jackson`; a
                // country's or a big city's name only where nothing marks it a place
                // (`Georgia Stevens` … `Georgia began skating`).
                Class::Known(targets) if !c.shouting && single_word() => {
                    person_part().filter(|d| {
                        let places = || targets.iter().all(|t| matches!(t, Target::Place(_)));
                        let small = targets.iter().all(|t| {
                            matches!(t, Target::Place(p)
                            if gazetteer.places[*p as usize].population < 1_000_000)
                        });
                        let marked =
                            c.locative || matches!(c.cue, Some(Cue::PlaceBefore | Cue::PlaceAfter));
                        small || (places() && !marked && parts.given_named[*d])
                    })
                }
                Class::Named(Label::Person, _) if single_word() => person_part(),
                Class::Unknown => self.by_text[self.names.of(i)].or_else(person_part),
                _ => None,
            };
            if let Some(d) = joined.filter(|&d| self.of_candidate[i] != Some(d)) {
                self.assign(i, d);
            }
        }
        parts
    }

    /// Joins a word that starts an organization's name of several words to it: `Magna` after
    /// `Magna International Inc`, though a small town is named so, `Cofinec` after `Cofinec
    /// S.A.`. Not a word marked as a place's (`in Magna`) nor a common word (`General`).
    fn join_organization_short_names(&mut self) {
        // The organization each name's text starts, by the text's number: a first word no
        // candidate has alone joins nothing.
        let mut organizations: Vec<Option<Option<usize>>> = vec![None; self.names.len()];
        for (d, draft) in self.drafts.iter().enumerate() {
            if draft.label != Label::Org {
                continue;
            }
            for &m in &draft.mentions {
                let Some((first, _)) = self.surface(m).split_once(' ') else {
                    continue;
                };
                let Some(first) = self.names.get(first) else {
                    continue;
                };
                let slot = organizations[first].get_or_insert(Some(d));
                if *slot != Some(d) {
                    *slot = None;
                }
            }
        }
        let gazetteer = self.gazetteer;
        for i in 0..self.candidates.len() {
            let c = &self.candidates[i];
            let Some(Some(d)) = organizations[self.names.of(i)] else {
                continue;
            };
            let name = self.surface(i);
            let unmarked = !c.locative
                && !matches!(c.cue, Some(Cue::PlaceBefore | Cue::PlaceAfter))
                && !gazetteer.is_common_word(name);
            let joins = unmarked
                && match &c.class {
                    Class::Known(targets) => targets.iter().all(|t| {
                        matches!(t, Target::Place(p) if {
                            let place = &gazetteer.places[*p as usize];
                            matches!(place.kind, PlaceKind::City | PlaceKind::Town)
                                && place.population < SMALL_TOWN
                        })
                    }),
                    Class::Unknown => true,
                    _ => false,
                };
            if joins && self.of_candidate[i] != Some(d) {
                self.assign(i, d);
            }
        }
    }

    /// Whether unknown name `i` is a team's among results between teams (`Port Vale 2`,
    /// `Dacia Pitesti 4 1 2 1`): a name of several words where the sides stand, with no
    /// initial that makes it a player's (`P. Simmons 4-38`). A player's full name is known by
    /// its given name before it gets here.
    fn is_side(&self, i: usize) -> bool {
        let name = self.surface(i);
        self.has_results
            && self.candidates[i].cue.is_none()
            && self.marks[self.names.of(i)].side
            && name.contains(' ')
            && !name.contains('.')
    }

    /// Which candidates are listed among places: two or more that tell their country, and no
    /// more other names (`Rogaland, Vestfold, Buskerud, Oslo and Hedmark`, `Cairo, Giza, and
    /// Al-Minya`). A name no gazetteer knows there is a place too.
    fn listed_among_places(&self) -> Vec<bool> {
        let mut among_places = vec![false; self.candidates.len()];
        for list in &self.lists {
            let (mut places, mut others) = (0, 0);
            for m in list.clone() {
                let Some(d) = self.of_candidate[m] else {
                    continue;
                };
                let draft = &self.drafts[d];
                let place = matches!(draft.label, Label::Gpe | Label::Loc)
                    && draft
                        .target
                        .is_some_and(|t| self.gazetteer.tells_country(t));
                if place {
                    places += 1;
                } else {
                    others += 1;
                }
            }
            if places >= 2 && places >= others {
                for m in list.clone() {
                    among_places[m] = self.of_candidate[m].is_none();
                }
            }
        }
        among_places
    }

    /// Gives the unknown candidates that `which` picks the label their shape and the words
    /// around them suggest; a town the story points to is a place, unless it is a side in
    /// results (`Forfar 2`), and a word two persons' names share is a person's.
    fn guess_unknown(&mut self, parts: &NameParts<'a>, which: impl Fn(&Candidate) -> bool) {
        let among_places = self.listed_among_places();
        for (i, &listed_among_places) in among_places.iter().enumerate() {
            let c = &self.candidates[i];
            if self.of_candidate[i].is_some() || c.class != Class::Unknown || !which(c) {
                continue;
            }
            if is_product(
                self.text,
                self.candidates,
                &self.of_candidate,
                &self.drafts,
                i,
            ) {
                continue;
            }
            let name = self.surface(i);
            let town = !matches!(c.cue, Some(Cue::PersonAfter | Cue::PersonBefore | Cue::Age))
                && !self.marks[self.names.of(i)].side
                && self
                    .setting
                    .names_local_place(self.gazetteer, self.text, self.candidates, i);
            let label = if town || listed_among_places {
                Some(Label::Gpe)
            } else if self.is_side(i) {
                Some(Label::Org)
            } else if parts.persons.get(name) == Some(&None) {
                Some(Label::Person)
            } else {
                guess_label(self.gazetteer, name, c)
            };
            let Some(label) = label else {
                continue;
            };
            let drafts = &mut self.drafts;
            let d = *self.by_text[self.names.of(i)].get_or_insert_with(|| {
                drafts.push(Draft {
                    label,
                    target: None,
                    contained: None,
                    mentions: Vec::with_capacity(FEW_MENTIONS),
                });
                drafts.len() - 1
            });
            self.assign(i, d);
        }
    }
}

/// Whether an unknown name is a product of the organization named before it (`Apple's MacBook
/// Air`, `Boeing's 787 Dreamliner`) or of a model number (`the 787 Dreamliner`): a name, but
/// of no person, organization or place.
fn is_product(
    text: &str,
    candidates: &[Candidate],
    of_candidate: &[Option<usize>],
    drafts: &[Draft],
    i: usize,
) -> bool {
    let before = text[..candidates[i].range.start].trim_end();
    // `787`, `A380`, `KC-45`; not a rank or a count (`3 Dynamo Moscow`), nor a year.
    let model_number = before.rsplit(char::is_whitespace).next().is_some_and(|w| {
        let year = w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
        w.len() >= 3
            && w.ends_with(|c: char| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !year
    });
    let possessor_end = before
        .strip_suffix("'s")
        .or_else(|| before.strip_suffix("’s"))
        .map(str::len);
    let organization_before = possessor_end.is_some_and(|end| {
        candidates[..i]
            .iter()
            .rposition(|c| c.range.end == end)
            .and_then(|p| of_candidate[p])
            .is_some_and(|d| drafts[d].label == Label::Org)
    });
    model_number || organization_before
}

/// The label of an unknown name from its shape and cues, or `None` when it is likely no name
/// (a capitalized word that only starts a sentence).
fn guess_label(gazetteer: &Gazetteer, name: &str, candidate: &Candidate) -> Option<Label> {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = !name.chars().any(char::is_lowercase);
    // The first and last words, read without collecting the words.
    let mut words = name.split_whitespace();
    let first = words.next()?;
    let (last, one_word) = match words.next_back() {
        Some(last) => (last, false),
        None => (first, true),
    };
    if letters < 2 {
        return None; // a stray initial
    }
    // `Kurdish`; `ENGLISH` in a headline in capitals too, not `NATO`.
    if one_word && (!capitals || candidate.shouting) && gazetteer.is_group_adjective(name) {
        return Some(Label::Norp);
    }
    let common_word = one_word && gazetteer.is_common_word(name);
    if capitals && (2..=6).contains(&letters) && one_word {
        // An acronym (`YJC`, `NATO`), not a word in capitals (`NOTE -`, `home team in CAPS`).
        return (!common_word).then_some(Label::Org);
    }
    // `Officials said`, `Analysts said`: a common word that only its place at the start of a
    // sentence capitalizes is no name, whatever word follows it, unless it is a frequent
    // surname too (`Fox said`).
    if common_word && candidate.sentence_initial && !gazetteer.is_surname(name) {
        return None;
    }
    // `Texas A&M`, `AT&T`: an ampersand names no person.
    if name.contains('&') {
        return Some(Label::Org);
    }
    match candidate.cue {
        Some(Cue::PersonAfter | Cue::PersonBefore | Cue::Age) => return Some(Label::Person),
        Some(Cue::PlaceAfter) => return Some(Label::Gpe),
        Some(Cue::PlaceBefore) if one_word => return Some(Label::Gpe),
        _ => {}
    }
    if one_word && candidate.after_the && common_word && is_plural(name) {
        // `the Mariners`, `the Greens`: a plural word with a capital after `the` names a team
        // or a party, not many mariners.
        return Some(Label::Org);
    }
    if one_word && candidate.team_position && !common_word {
        // `Puchon 2 Chonbuk 1`: a name no gazetteer knows where results tables put the sides
        // is a team, even at the start of a line.
        return Some(Label::Org);
    }
    if one_word {
        // A word that only starts a sentence, or a capitalized common word no gazetteer knows
        // with nothing around it that makes it a name (a heading: `Fax`, `Shares`), is none.
        if candidate.sentence_initial || common_word {
            return None;
        }
        // A lone word is an organization (`Reuters`, `Gazprom`) unless it is a frequent
        // surname (`Stewart`).
        let person = !capitals && gazetteer.is_surname(name);
        return Some(if person { Label::Person } else { Label::Org });
    }
    // Several capitalized words with no given name first: a person's name (`Wasim Akram`)
    // unless one is an English word (`Port Vale`, `Advanced Medical`, `Brush Wellman`) and the
    // last is no surname after a first name that is no word (`Jansher Khan`), or the first is
    // a place's modifier (`St Mirren`, `Northern Alliance`).
    let has_common_word = name.split_whitespace().any(|w| gazetteer.is_common_word(w))
        && (gazetteer.is_common_word(first) || !gazetteer.is_surname(last));
    let organization = candidate.after_the || has_common_word || gazetteer.is_place_modifier(first);
    Some(if organization {
        Label::Org
    } else {
        Label::Person
    })
}

/// A word in capitals written as names are: `SHEARER` → `Shearer`.
fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .into_iter()
        .chain(chars.flat_map(char::to_lowercase))
        .collect()
}

/// Whether a name is a place's with words before it that tell a part of it: `Greater
/// Mumbai`, `Eastern China`, `North London`; not `Lake Erie` or `Mahim Bay`, whose other word
/// makes them another place.
fn is_part_of_place(gazetteer: &Gazetteer, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let parts = words
        .iter()
        .take_while(|w| gazetteer.is_generic_place_name(w))
        .count();
    let rest = &words[parts..];
    parts > 0
        && (1..=3).contains(&rest.len())
        && rest.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && gazetteer.place_word(w).is_none()
                && !gazetteer.is_generic_place_name(w)
        })
}

/// The runs of candidates listed one after another with only `,`, `and` or `or` between
/// them (`Essex , Derbyshire and Surrey`), as ranges of indexes into `candidates`; runs of one
/// left out.
fn coordinated(text: &str, candidates: &[Candidate]) -> Vec<Range<usize>> {
    let mut lists = Vec::new();
    let mut run_start = 0;
    for i in 1..=candidates.len() {
        // Candidates may overlap (`Iranian` inside `Iranian Armed Forces`).
        let listed_after_previous = candidates.get(i).is_some_and(|c| {
            let gap = candidates[i - 1].range.end..c.range.start;
            gap.start <= gap.end && is_list_separator(&text[gap])
        });
        if !listed_after_previous {
            if i - run_start > 1 {
                lists.push(run_start..i);
            }
            run_start = i;
        }
    }
    lists
}

/// Whether the text between two names lists them: `,`, `and`, `or`, `, and`, `, or`, on one
/// line.
fn is_list_separator(between: &str) -> bool {
    // Most names stand far apart: the words between them need no reading.
    const LONGEST: usize = ", and ".len() + 2;
    if between.len() > LONGEST || between.contains('\n') {
        return false;
    }
    let mut words = between.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(","), None, _)
            | (Some("and" | "or"), None, _)
            | (Some(","), Some("and" | "or"), None)
    )
}

/// Whether a word looks like an English plural: `Mariners`, not `Swiss` or `Status`.
pub(super) fn is_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
}

pub(super) fn label_of(gazetteer: &Gazetteer, target: Target) -> Label {
    match target {
        Target::Place(p) => gazetteer.places[p as usize].label,
        Target::Demonym(_) => Label::Norp,
        Target::Org(o) => gazetteer.orgs[o as usize].label,
        Target::User(u) => gazetteer.users[u as usize].label,
        Target::Title => Label::Person,
    }
}
