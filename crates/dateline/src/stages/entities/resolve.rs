//! Choosing among places of one name, and what a place links to.
//!
//! `Alexandria`, `Georgia`, `Paris` name several places. The story tells which: a division
//! written right after the name (`Paris, Texas`, `London, Ont.`), the places it names without
//! doubt that lie in or near one of them, then the country of its dateline and the countries
//! it names, which weigh less than a great difference in size. Towns too small for the table
//! of names (`Edmonton, Ky.`) compete only where such evidence points to them.

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::gazetteer::{is_plain_spelling, FindBuffers, Gazetteer, Place, PlaceKind, Target};
use super::recognize::{Candidate, Class};
use crate::article::{KbId, KbRef, Label};

/// What the story says about where it happens.
#[derive(Debug, Default)]
pub(super) struct Setting {
    /// The country of the dateline's place.
    dateline_country: Option<&'static str>,
    /// How often each country is named (itself, by a place in it, or by its demonym).
    countries: FxHashMap<&'static str, usize>,
    /// First-level divisions named, as (country, GeoNames division code).
    divisions: Vec<(&'static str, &'static str)>,
    /// Cities and counties named without doubt, and the dateline's place: an ambiguous name
    /// near one of them is most likely the place near it (`London` beside `St. Thomas` is
    /// London, Ontario; `Hinton` beside `Plymouth County` is Hinton, Iowa).
    anchors: Vec<Anchor>,
}

/// A place named without doubt, with its point read once for the story: every candidate's
/// places are measured against it.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    place: u32,
    point: (f64, f64),
}

/// What a country's capital gains over its size: enough for `Washington` to be the city, not
/// the state, unless the story names other states.
const CAPITAL: f64 = 1.0;

/// How far from a city named without doubt a namesake counts as its neighbour.
const NEAR_KM: f64 = 100.0;

/// The biggest place near which a town is taken for the story's: a story that names a town or
/// a small city is local news about the places around it, while a city of millions has too
/// many villages about it to tell one (`Toronto` near Sydney is Toronto, Ontario).
const LOCAL_ANCHOR_MAX_POPULATION: u64 = 200_000;

/// What a candidate gains when the places named without doubt lie in it or near it: enough for
/// a state to beat a country of its name (`Atlanta` … `Georgia`), or a city to beat a
/// namesake a few dozen times its size (`St. Thomas` … `London`).
const NEIGHBOURHOOD: f64 = 6.0;

impl Setting {
    /// What the story's names tell: the places and countries named without doubt, also inside
    /// organizations' names, then the dateline's place (`range`).
    pub fn of_story(
        gazetteer: &Gazetteer,
        text: &str,
        candidates: &[Candidate],
        dateline: Option<&Range<usize>>,
    ) -> Setting {
        let mut setting = Setting::default();
        for c in candidates {
            match &c.class {
                Class::Known(targets) if is_generic(gazetteer, text, c) => {
                    let specific: Vec<Target> = targets
                        .iter()
                        .copied()
                        .filter(|&t| !is_division(gazetteer, t))
                        .collect();
                    setting.learn(gazetteer, &specific)
                }
                Class::Known(targets) => setting.learn(gazetteer, targets),
                // `Kentucky State Police` tells the story is in Kentucky.
                Class::Named(_, Some(contained)) => {
                    setting.learn(gazetteer, std::slice::from_ref(contained))
                }
                _ => {}
            }
        }
        if let Some(at) = dateline.and_then(|r| candidates.iter().position(|c| c.range == *r)) {
            setting.learn_dateline(gazetteer, text, candidates, at);
        }
        setting
    }

    /// Leaves out the first-level divisions named only with compass points and kinds of
    /// division (`EASTERN DIVISION` over a baseball table, `Northern Region`) where the story
    /// names none of their countries; a candidate left with no target is no name.
    pub fn drop_stray_divisions(
        &self,
        gazetteer: &Gazetteer,
        text: &str,
        candidates: &mut Vec<Candidate>,
    ) {
        let stray = |t: &Target| {
            is_division(gazetteer, *t)
                && !place_of(gazetteer, *t).is_some_and(|p| self.names_country(p.country))
        };
        candidates.retain_mut(|c| {
            let Class::Known(targets) = &mut c.class else {
                return true;
            };
            // The name's words are read only where it has a stray division to leave out.
            if !targets.iter().any(stray)
                || !gazetteer.is_generic_place_name(&text[c.range.clone()])
            {
                return true;
            }
            targets.retain(|t| !stray(t));
            !targets.is_empty()
        });
    }

    /// What the dateline's place (candidate `at`) tells: its country weighs on every name, and
    /// the places near it are the story's neighbours.
    fn learn_dateline(
        &mut self,
        gazetteer: &Gazetteer,
        text: &str,
        candidates: &[Candidate],
        at: usize,
    ) {
        let place = if qualifier(gazetteer, text, candidates, at).is_some() {
            // `LONDON, Ky.`: the division written after it tells which.
            self.choose_at(gazetteer, text, candidates, at, |i| {
                qualifier(gazetteer, text, candidates, i)
            })
        } else {
            biggest_place(gazetteer, &candidates[at].class)
        };
        let Some(Target::Place(p)) = place else {
            return;
        };
        let place = &gazetteer.places[p as usize];
        self.dateline_country = Some(place.country).filter(|c| !c.is_empty());
        if matches!(place.kind, PlaceKind::City | PlaceKind::Town) {
            self.add_anchor(p, place);
        }
    }

    /// Adds place `p` to the anchors, once, if its point is known: the point is read only the
    /// first time, though a long story names the same city again and again.
    fn add_anchor(&mut self, p: u32, place: &Place) {
        if self.anchors.iter().any(|a| a.place == p) {
            return;
        }
        if let Some(point) = place.point() {
            self.anchors.push(Anchor { place: p, point });
        }
    }

    /// Counts what the unambiguous names tell.
    fn learn(&mut self, gazetteer: &Gazetteer, targets: &[Target]) {
        let target = match targets {
            [target] => target,
            // `Red Deer`, the city, and the county around it of its name.
            [a, b] => match (place_of(gazetteer, *a), place_of(gazetteer, *b)) {
                (Some(pa), Some(pb)) if is_county_of(pb, pa) => a,
                (Some(pa), Some(pb)) if is_county_of(pa, pb) => b,
                _ => return,
            },
            _ => return,
        };
        let country = match *target {
            Target::Place(p) => {
                let place = &gazetteer.places[p as usize];
                // Each place once: a long story names the same places again and again, and
                // every candidate is scored against all of them.
                match place.kind {
                    // Not a division that news treats as a country (`England`): too big to
                    // tell which of its towns a name means.
                    PlaceKind::Admin1
                        if !place.nation
                            && !self.divisions.contains(&(place.country, place.division)) =>
                    {
                        self.divisions.push((place.country, place.division))
                    }
                    PlaceKind::City | PlaceKind::Admin2 => self.add_anchor(p, place),
                    _ => {}
                }
                place.country
            }
            Target::Demonym(p) => gazetteer.places[p as usize].country,
            Target::Org(o) => gazetteer.orgs[o as usize].country,
            _ => return,
        };
        if !country.is_empty() {
            *self.countries.entry(country).or_default() += 1;
        }
    }

    /// The most likely target of a name, ranked by [`Setting::score`]. User entries win.
    pub fn choose(&self, gazetteer: &Gazetteer, targets: &[Target]) -> Option<Target> {
        if let Some(user) = targets.iter().find(|t| matches!(t, Target::User(_))) {
            return Some(*user);
        }
        // Each target scored once, not again at each comparison; a lone target needs none.
        if let [only] = targets {
            return Some(*only);
        }
        targets
            .iter()
            .map(|&t| (t, self.score(gazetteer, t)))
            .max_by(|(_, a), (_, b)| a.total_cmp(b))
            .map(|(t, _)| t)
    }

    /// The target of each candidate that is a gazetteer name, one per name: a name written
    /// once with its division (`Paris, Texas`) is that place throughout the story.
    /// `text_ids` numbers each candidate's text, alike for alike texts, below `texts`.
    pub fn choose_all(
        &self,
        gazetteer: &Gazetteer,
        text: &str,
        candidates: &[Candidate],
        text_ids: &[usize],
        texts: usize,
    ) -> Vec<Option<Target>> {
        // Each candidate's qualifier, read once: a candidate's choice looks at its own and at
        // the one before it.
        let qualifiers: Vec<Option<&[Target]>> = (0..candidates.len())
            .map(|at| qualifier(gazetteer, text, candidates, at))
            .collect();
        let choose_at =
            |at: usize| self.choose_at(gazetteer, text, candidates, at, |i| qualifiers[i]);
        let name_of = |c: &Candidate| text[c.range.clone()].to_lowercase();
        let mut qualified: FxHashMap<String, Target> = FxHashMap::default();
        for (at, candidate) in candidates.iter().enumerate() {
            if qualifiers[at].is_some() {
                if let Some(target) = choose_at(at) {
                    qualified.entry(name_of(candidate)).or_insert(target);
                }
            }
        }
        // Most stories qualify no name: then no name is written out in lower case to look up.
        let qualified_as = |c: &Candidate| {
            if qualified.is_empty() {
                None
            } else {
                qualified.get(&name_of(c)).copied()
            }
        };
        // A name with no division written after it, that qualifies none and is no state's,
        // is chosen for by its targets and its text alone: its mentions alike in both are
        // chosen for once.
        let mut unqualified: Vec<Option<(&[Target], Option<Target>)>> = vec![None; texts];
        let stands_alone = |at: usize, c: &Candidate| {
            qualifiers[at].is_none()
                && (at == 0 || qualifiers[at - 1].is_none())
                && !is_followed_by_state(text, c)
        };
        candidates
            .iter()
            .enumerate()
            .map(|(at, c)| match &c.class {
                Class::Known(targets) => qualified_as(c).or_else(|| {
                    if !stands_alone(at, c) {
                        return choose_at(at);
                    }
                    match unqualified[text_ids[at]] {
                        Some((chosen_among, chosen)) if chosen_among == targets => chosen,
                        Some(_) => choose_at(at),
                        None => {
                            let chosen = choose_at(at);
                            unqualified[text_ids[at]] = Some((targets, chosen));
                            chosen
                        }
                    }
                }),
                _ => None,
            })
            .collect()
    }

    /// The most likely target of candidate `at`, in the context of the candidates around it
    /// ([`Setting::choose_in_context`]). `qualifier_of` gives a candidate's [`qualifier`],
    /// which a caller choosing for every candidate reads once for each.
    fn choose_at<'c>(
        &self,
        gazetteer: &Gazetteer,
        text: &str,
        candidates: &'c [Candidate],
        at: usize,
        qualifier_of: impl Fn(usize) -> Option<&'c [Target]>,
    ) -> Option<Target> {
        let head = at
            .checked_sub(1)
            .filter(|&h| qualifier_of(h).is_some())
            .map(|h| &candidates[h]);
        self.choose_in_context(gazetteer, text, &candidates[at], head, qualifier_of(at))
    }

    /// The most likely target of `candidate`: its gazetteer targets and the towns of its name,
    /// of those in the division or country written right after it (`qualifier`) if any are
    /// (`Paris, Texas`); a division or country written after a place (`head`) is chosen by it.
    /// A town competes only so qualified or where [`Setting::points_to`] it.
    fn choose_in_context(
        &self,
        gazetteer: &Gazetteer,
        text: &str,
        candidate: &Candidate,
        head: Option<&Candidate>,
        qualifier: Option<&[Target]>,
    ) -> Option<Target> {
        let known: &[Target] = match &candidate.class {
            Class::Known(targets) => targets,
            _ => &[],
        };
        if known.iter().any(|t| matches!(t, Target::User(_))) {
            return self.choose(gazetteer, known);
        }
        if let Some(head) = head {
            return self.choose_qualifier(gazetteer, text, head, known);
        }
        if is_followed_by_state(text, candidate) {
            let states: Vec<Target> = known
                .iter()
                .copied()
                .filter(|t| place_of(gazetteer, *t).is_some_and(|p| p.kind == PlaceKind::Admin1))
                .collect();
            if !states.is_empty() {
                return self.choose(gazetteer, &states);
            }
        }
        // A bare name of a country or a state means it, whatever village shares the name.
        let names_division = known.iter().any(|t| {
            place_of(gazetteer, *t).is_some_and(|p| {
                matches!(
                    p.kind,
                    PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region
                )
            })
        });
        // Where no town could compete, none is looked up.
        let towns_compete = qualifier.is_some() || !names_division;
        let mut towns = towns_compete
            .then(|| gazetteer.local_named(&text[candidate.range.clone()]))
            .into_iter()
            .flatten()
            .map(Target::Place)
            .filter(|t| {
                let town = place_of(gazetteer, *t);
                town.is_some_and(|town| match qualifier {
                    Some(q) => in_any(gazetteer, town, q),
                    None => !names_division && self.points_to(gazetteer, town),
                })
            })
            .peekable();
        // Most names have no town competing and no qualifier: their own targets are all there
        // is to choose from, with no list to gather.
        if qualifier.is_none() && towns.peek().is_none() {
            return self.choose(gazetteer, known);
        }
        let mut all: Vec<Target> = known.iter().copied().chain(towns).collect();
        if let Some(q) = qualifier {
            let within =
                |t: &Target| place_of(gazetteer, *t).is_some_and(|p| in_any(gazetteer, p, q));
            if all.iter().any(within) {
                all.retain(within);
            }
        }
        self.choose(gazetteer, &all)
    }

    /// The division or country a name written after a place stands for (`known` its targets):
    /// `New York` in `Buffalo, New York` is the state, `Georgia` in `Blakely, Georgia` the
    /// state that has a Blakely.
    fn choose_qualifier(
        &self,
        gazetteer: &Gazetteer,
        text: &str,
        head: &Candidate,
        known: &[Target],
    ) -> Option<Target> {
        let divisions: Vec<Target> = known
            .iter()
            .copied()
            .filter(|t| {
                place_of(gazetteer, *t)
                    .is_some_and(|p| matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Country))
            })
            .collect();
        let head_targets: &[Target] = match &head.class {
            Class::Known(targets) => targets,
            _ => &[],
        };
        let head_places: Vec<&Place> = head_targets
            .iter()
            .filter_map(|t| place_of(gazetteer, *t))
            .chain(
                gazetteer
                    .local_named(&text[head.range.clone()])
                    .map(|p| &gazetteer.places[p as usize]),
            )
            .collect();
        let holding: Vec<Target> = divisions
            .iter()
            .copied()
            .filter(|d| {
                head_places
                    .iter()
                    .any(|p| in_any(gazetteer, p, std::slice::from_ref(d)))
            })
            .collect();
        let choices = if holding.is_empty() {
            divisions
        } else {
            holding
        };
        self.choose(gazetteer, &choices)
    }

    /// Whether candidate `at`, a name nothing else tells the kind of, names a town the story
    /// points to: one in the division written after it (`Innisfail, Alta.`) or near a small
    /// place the story names (`Innisfail` beside Red Deer).
    pub fn names_local_place(
        &self,
        gazetteer: &Gazetteer,
        text: &str,
        candidates: &[Candidate],
        at: usize,
    ) -> bool {
        let qualifier = qualifier(gazetteer, text, candidates, at);
        // Where nothing points to a town, none is looked up.
        if qualifier.is_none() && !self.has_small_anchor(gazetteer) {
            return false;
        }
        gazetteer
            .local_named(&text[candidates[at].range.clone()])
            .map(|p| &gazetteer.places[p as usize])
            // Not a county: `Derbyshire` alone is as often the cricket team.
            .filter(|place| place.kind == PlaceKind::Town)
            .any(|place| match qualifier {
                Some(q) => in_any(gazetteer, place, q),
                None => self.points_to(gazetteer, place),
            })
    }

    /// Whether the story names a country: itself, a place in it or its demonym, or by its
    /// dateline.
    fn names_country(&self, country: &str) -> bool {
        self.countries.contains_key(country) || self.dateline_country == Some(country)
    }

    /// Whether the story names a place small enough for [`Setting::points_to`] a town near it.
    fn has_small_anchor(&self, gazetteer: &Gazetteer) -> bool {
        self.anchors
            .iter()
            .any(|a| gazetteer.places[a.place as usize].population < LOCAL_ANCHOR_MAX_POPULATION)
    }

    /// Whether the story points to a place kept out of the table of names: a county in or near
    /// its places ([`Setting::is_neighbourhood`]), a town near a small place it names.
    fn points_to(&self, gazetteer: &Gazetteer, place: &Place) -> bool {
        match place.kind {
            PlaceKind::Town => {
                let small_anchors = || {
                    self.anchors.iter().filter(|a| {
                        let anchor = &gazetteer.places[a.place as usize];
                        anchor.population < LOCAL_ANCHOR_MAX_POPULATION
                            && !std::ptr::eq(anchor, place)
                    })
                };
                // The town's point is read from its text only where an anchor may be near it.
                small_anchors().next().is_some()
                    && place
                        .point()
                        .is_some_and(|point| small_anchors().any(|a| is_near(a.point, point)))
            }
            _ => self.is_neighbourhood(gazetteer, place),
        }
    }

    /// The best of the places of `name` kept out of the table of names, of those the story
    /// points to: in the division or country written after it, or where
    /// [`Setting::points_to`] them, or in a country the story names.
    fn local_place(
        &self,
        gazetteer: &Gazetteer,
        name: &str,
        qualifier: Option<&[Target]>,
    ) -> Option<Target> {
        let places: Vec<Target> = gazetteer
            .local_named(name)
            .filter(|&p| {
                let place = &gazetteer.places[p as usize];
                match qualifier {
                    Some(q) => in_any(gazetteer, place, q),
                    None => self.points_to(gazetteer, place) || self.names_country(place.country),
                }
            })
            .map(Target::Place)
            .collect();
        self.choose(gazetteer, &places)
    }

    /// How likely a target is: its size, plus what the story says of its country, plus
    /// [`NEIGHBOURHOOD`] when places named without doubt lie in it or near it.
    fn score(&self, gazetteer: &Gazetteer, target: Target) -> f64 {
        let place = match target {
            Target::Place(p) => &gazetteer.places[p as usize],
            // An organization of this name is what a known name most often means.
            Target::Org(_) => return 9.0,
            _ => return 0.0,
        };
        let size = match place.kind {
            // Countries and states are what a bare name means unless the story says otherwise.
            PlaceKind::Country => 12.0,
            PlaceKind::Admin1 => 6.0,
            PlaceKind::Region => 5.5,
            // A county weighs as a town of some 30,000 people, an airport as a big town.
            PlaceKind::Admin2 => 4.5,
            PlaceKind::Facility => 5.0,
            PlaceKind::City | PlaceKind::Town => {
                (place.population as f64 + 1.0).log10() + if place.capital { CAPITAL } else { 0.0 }
            }
        };
        // The story's countries weigh less than a hundredfold difference in size: `Paris` in a
        // story from the United States is still Paris, France, unless more tells otherwise.
        let mentions = self
            .countries
            .get(place.country)
            .copied()
            .unwrap_or(0)
            .min(2) as f64;
        let in_dateline_country = self.dateline_country == Some(place.country);
        let country = 0.5 * mentions + if in_dateline_country { 1.0 } else { 0.0 };
        let neighbourhood = if self.is_neighbourhood(gazetteer, place) {
            NEIGHBOURHOOD
        } else {
            0.0
        };
        size + country + neighbourhood
    }

    /// Whether the places the story names without doubt lie in or near `place`: for a country,
    /// a city of it; for a division, a city in it of another name or another division of its
    /// country (a list of states); for a county or a town, its division or a city near it.
    fn is_neighbourhood(&self, gazetteer: &Gazetteer, place: &Place) -> bool {
        let mut anchors = self
            .anchors
            .iter()
            .map(|a| &gazetteer.places[a.place as usize]);
        let other_anchors = || {
            self.anchors
                .iter()
                .filter(|a| !std::ptr::eq(&gazetteer.places[a.place as usize], place))
        };
        // The place's point is read from its text only where there is an anchor to measure.
        let near_an_anchor = || {
            other_anchors().next().is_some()
                && place
                    .point()
                    .is_some_and(|point| other_anchors().any(|a| is_near(a.point, point)))
        };
        match place.kind {
            PlaceKind::Country => anchors.any(|a| a.country == place.country),
            // Not a city of the division's name: `Tehran` is the city in Tehran province.
            PlaceKind::Admin1 => {
                anchors.any(|a| {
                    a.country == place.country
                        && a.division == place.division
                        && !same_name(a.name, place.name)
                }) || self
                    .divisions
                    .iter()
                    .any(|&(c, d)| c == place.country && d != place.division)
            }
            PlaceKind::Admin2 | PlaceKind::City | PlaceKind::Town => {
                self.divisions.contains(&(place.country, place.division)) || near_an_anchor()
            }
            PlaceKind::Facility => near_an_anchor(),
            PlaceKind::Region => false,
        }
    }
}

/// Whether a known candidate may be a first-level division named only with generic words.
fn is_generic(gazetteer: &Gazetteer, text: &str, c: &Candidate) -> bool {
    let Class::Known(targets) = &c.class else {
        return false;
    };
    targets.iter().any(|&t| is_division(gazetteer, t))
        && gazetteer.is_generic_place_name(&text[c.range.clone()])
}

fn is_division(gazetteer: &Gazetteer, target: Target) -> bool {
    place_of(gazetteer, target).is_some_and(|p| p.kind == PlaceKind::Admin1)
}

/// A place found without a gazetteer entry (`Innisfail, Alta.`, `City of Santa Ana`,
/// `Metcalfe`): the town of its name that the story points to, or the gazetteer place its name
/// holds once the words of a division's kind are left out (`City of`, `County`).
pub(super) fn unlisted_place(
    setting: &Setting,
    gazetteer: &Gazetteer,
    text: &str,
    candidates: &[Candidate],
    at: usize,
    buffers: &mut FindBuffers,
) -> Option<Target> {
    let qualifier = qualifier(gazetteer, text, candidates, at);
    let range = candidates[at].range.clone();
    if let Some(town) = setting.local_place(gazetteer, &text[range.clone()], qualifier) {
        return Some(town);
    }
    let inner = without_division_words(gazetteer, text, range)?;
    let mut found = Vec::new();
    gazetteer.find(text, inner.clone(), false, buffers, &mut found);
    match found.into_iter().find(|f| f.range == inner) {
        Some(f) => {
            let places: Vec<Target> = f
                .targets
                .into_iter()
                .filter(|t| {
                    place_of(gazetteer, *t)
                        .is_some_and(|p| qualifier.is_none_or(|q| in_any(gazetteer, p, q)))
                })
                .collect();
            setting.choose(gazetteer, &places)
        }
        None => setting.local_place(gazetteer, &text[inner], qualifier),
    }
}

/// The span of a name without the words that say what kind of division it is: `Santa Ana` in
/// `City of Santa Ana`, `Plymouth` in `Plymouth County`. `None` when no such word is there.
fn without_division_words(
    gazetteer: &Gazetteer,
    text: &str,
    range: Range<usize>,
) -> Option<Range<usize>> {
    let is_division_word = |w: &str| {
        gazetteer.place_word(w.trim_end_matches('.')) == Some(Label::Gpe)
            || w.eq_ignore_ascii_case("co.")
    };
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut at = range.start;
    for word in text[range.clone()].split_whitespace() {
        let start = at + text[at..range.end].find(word)?;
        words.push(start..start + word.len());
        at = start + word.len();
    }
    let mut kept = &words[..];
    // `City of …`, `County of …`
    if let [first, of, rest @ ..] = kept {
        if is_division_word(&text[first.clone()]) && &text[of.clone()] == "of" && !rest.is_empty() {
            kept = rest;
        }
    }
    while let [rest @ .., last] = kept {
        if rest.is_empty() || !is_division_word(&text[last.clone()]) {
            break;
        }
        kept = rest;
    }
    let (first, last) = (kept.first()?, kept.last()?);
    (kept.len() < words.len()).then_some(first.start..last.end)
}

/// `New York state`, `Washington state`: a name written before `state`, which makes it the
/// state of the name.
fn is_followed_by_state(text: &str, candidate: &Candidate) -> bool {
    text[candidate.range.end..]
        .trim_start_matches(' ')
        .strip_prefix("state")
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

/// The divisions or countries written right after candidate `at`, after a comma: `Texas` in
/// `Paris, Texas`, `Ky.` in `LONDON, Ky.`, `New York` (the state) in `Buffalo, New York`. Not
/// after a country's name: `Iraq, Iran` is a list.
fn qualifier<'c>(
    gazetteer: &Gazetteer,
    text: &str,
    candidates: &'c [Candidate],
    at: usize,
) -> Option<&'c [Target]> {
    let (place, next) = (candidates.get(at)?, candidates.get(at + 1)?);
    // What the next name is, told by its class, rules out most names before the text between
    // them is read.
    let Class::Known(targets) = &next.class else {
        return None;
    };
    let divisions = targets.iter().any(|t| {
        place_of(gazetteer, *t)
            .is_some_and(|p| matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Country))
    });
    if !divisions {
        return None;
    }
    let between = text.get(place.range.end..next.range.start)?;
    if between.trim() != "," {
        return None;
    }
    if let Class::Known(targets) = &place.class {
        let country = |t: &Target| {
            place_of(gazetteer, *t)
                .is_some_and(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Region))
        };
        if targets.iter().any(country) {
            return None;
        }
    }
    Some(targets)
}

/// Whether `place` lies in one of `areas` (first-level divisions or countries).
fn in_any(gazetteer: &Gazetteer, place: &Place, areas: &[Target]) -> bool {
    areas
        .iter()
        .filter_map(|t| place_of(gazetteer, *t))
        .any(|area| {
            area.country == place.country
                && (area.kind == PlaceKind::Country || area.division == place.division)
        })
}

/// A dateline names a well-known place: the country, else the biggest place of its name.
fn biggest_place(gazetteer: &Gazetteer, class: &Class) -> Option<Target> {
    let Class::Known(targets) = class else {
        return None;
    };
    targets
        .iter()
        .copied()
        .filter_map(|t| Some((t, place_of(gazetteer, t)?)))
        .max_by_key(|(_, p)| (p.kind == PlaceKind::Country, p.population))
        .map(|(t, _)| t)
}

/// Whether `county` is a second-level division about `city`, which then is what their name
/// stands for.
fn is_county_of(county: &Place, city: &Place) -> bool {
    county.kind == PlaceKind::Admin2
        && city.kind == PlaceKind::City
        && county
            .point()
            .zip(city.point())
            .is_some_and(|(a, b)| is_near(a, b))
}

/// Two names alike but for accents: `Tehran` and `Tehrān`.
fn same_name(a: &str, b: &str) -> bool {
    a == b || is_plain_spelling(a, b) || is_plain_spelling(b, a)
}

fn place_of(gazetteer: &Gazetteer, target: Target) -> Option<&Place> {
    match target {
        Target::Place(p) => gazetteer.places.get(p as usize),
        _ => None,
    }
}

/// Whether two points (latitude, longitude) lie within [`NEAR_KM`] of each other. Most pairs
/// a story gives are told apart by their latitudes alone, without the trigonometry of the
/// distance: a degree of latitude is 111.2 km everywhere, and no two points are nearer than
/// their latitudes' gap.
fn is_near(a: (f64, f64), b: (f64, f64)) -> bool {
    // A kilometre to spare, so that rounding never decides.
    let latitude_gap_km = (a.0 - b.0).abs() * 111.19;
    latitude_gap_km <= NEAR_KM + 1.0 && distance_km(a, b) <= NEAR_KM
}

/// The great-circle distance between two points (latitude, longitude).
fn distance_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (lat1, lat2) = (lat1.to_radians(), lat2.to_radians());
    let half_dlat = (lat2 - lat1) / 2.0;
    let half_dlon = (lon2 - lon1).to_radians() / 2.0;
    let h = half_dlat.sin().powi(2) + lat1.cos() * lat2.cos() * half_dlon.sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// The knowledge-base reference of a place: GeoNames when it has an id, else its ISO 3166-2
/// code or its name in dateline's own region list, always with coordinates when known.
pub(super) fn kb_of(place: &Place) -> KbRef {
    let (source, id) = match (place.geonameid, place.code) {
        (Some(id), _) => ("geonames", KbId::Number(id)),
        (None, Some(code)) if place.kind == PlaceKind::Admin1 => {
            ("iso3166-2", KbId::Text(code.to_string()))
        }
        (None, Some(code)) if place.kind == PlaceKind::Facility => {
            ("iata", KbId::Text(code.to_string()))
        }
        _ => ("dateline", KbId::Text(place.name.to_string())),
    };
    let point = place.point();
    KbRef {
        source: source.to_string(),
        id,
        lat: point.map(|(lat, _)| lat),
        lon: point.map(|(_, lon)| lon),
    }
}
