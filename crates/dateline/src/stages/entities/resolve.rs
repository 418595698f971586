//! Choosing among places of one name, and what a place links to.
//!
//! `Alexandria`, `Georgia`, `Paris` name several places. The story tells which: the places it
//! names without doubt that lie in or near one of them, then the country of its dateline and
//! the countries it names, which weigh less than a great difference in size.

use std::collections::HashMap;

use super::gazetteer::{Gazetteer, Place, PlaceKind, Target};
use crate::article::{KbId, KbRef};

/// What the story says about where it happens.
#[derive(Debug, Default)]
pub(super) struct Setting {
    /// The country of the dateline's place.
    pub dateline_country: Option<&'static str>,
    /// How often each country is named (itself, by a place in it, or by its demonym).
    pub countries: HashMap<&'static str, usize>,
    /// First-level divisions named, as (country, division code).
    pub divisions: Vec<(&'static str, &'static str)>,
    /// Cities named without doubt: an ambiguous name near one of them is most likely the place
    /// near it (`London` beside `St. Thomas` is London, Ontario).
    anchors: Vec<u32>,
}

/// How far from a city named without doubt a namesake counts as its neighbour.
const NEAR_KM: f64 = 100.0;

/// What a candidate gains when the places named without doubt lie in it or near it: enough for
/// a state to beat a country of its name (`Atlanta` … `Georgia`), or a city to beat a
/// namesake a few dozen times its size (`St. Thomas` … `London`).
const NEIGHBOURHOOD: f64 = 6.0;

impl Setting {
    /// Counts what the unambiguous names tell.
    pub fn learn(&mut self, gazetteer: &Gazetteer, targets: &[Target]) {
        let [target] = targets else {
            return;
        };
        let country = match *target {
            Target::Place(p) => {
                let place = &gazetteer.places[p as usize];
                // Each place once: a long story names the same places again and again, and
                // every candidate is scored against all of them.
                match place.kind {
                    PlaceKind::Admin1
                        if !self.divisions.contains(&(place.country, place.division)) =>
                    {
                        self.divisions.push((place.country, place.division))
                    }
                    PlaceKind::City if place.lat.is_some() && !self.anchors.contains(&p) => {
                        self.anchors.push(p)
                    }
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
        targets.iter().copied().max_by(|a, b| {
            self.score(gazetteer, *a)
                .total_cmp(&self.score(gazetteer, *b))
        })
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
            PlaceKind::City => (place.population as f64 + 1.0).log10(),
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
    /// a city of it; for a division, a city in it or another division of its country (a list of
    /// states); for a city, its division or a city near it.
    fn is_neighbourhood(&self, gazetteer: &Gazetteer, place: &Place) -> bool {
        let mut anchors = self.anchors.iter().map(|&a| &gazetteer.places[a as usize]);
        match place.kind {
            PlaceKind::Country => anchors.any(|a| a.country == place.country),
            PlaceKind::Admin1 => {
                anchors.any(|a| a.country == place.country && a.division == place.division)
                    || self
                        .divisions
                        .iter()
                        .any(|&(c, d)| c == place.country && d != place.division)
            }
            PlaceKind::City => {
                self.divisions.contains(&(place.country, place.division))
                    || anchors.any(|a| !std::ptr::eq(a, place) && distance_km(a, place) <= NEAR_KM)
            }
            PlaceKind::Region => false,
        }
    }
}

/// The great-circle distance between two places, infinite when either has no coordinates.
fn distance_km(a: &Place, b: &Place) -> f64 {
    let (Some(lat1), Some(lon1), Some(lat2), Some(lon2)) = (a.lat, a.lon, b.lat, b.lon) else {
        return f64::INFINITY;
    };
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
        _ => ("dateline", KbId::Text(place.name.to_string())),
    };
    KbRef {
        source: source.to_string(),
        id,
        lat: place.lat,
        lon: place.lon,
    }
}
