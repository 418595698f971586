//! Choosing among places of one name, and what a place links to.
//!
//! `Alexandria`, `Georgia`, `Paris` name several places. The story tells which: the country of
//! its dateline, the countries and states of the places it names without doubt, and failing
//! those, the bigger place.

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
}

impl Setting {
    /// Counts what the unambiguous names tell.
    pub fn learn(&mut self, gazetteer: &Gazetteer, targets: &[Target]) {
        let [target] = targets else {
            return;
        };
        let country = match *target {
            Target::Place(p) => {
                let place = &gazetteer.places[p as usize];
                if place.kind == PlaceKind::Admin1 {
                    self.divisions.push((place.country, place.division));
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

    fn score(&self, gazetteer: &Gazetteer, target: Target) -> f64 {
        let place = match target {
            Target::Place(p) => &gazetteer.places[p as usize],
            // An organization of this name is what a known name most often means.
            Target::Org(_) => return 9.0,
            _ => return 0.0,
        };
        let size = match place.kind {
            // Countries and states are what a bare name means unless the story says otherwise.
            PlaceKind::Country => 14.0,
            PlaceKind::Admin1 => 6.0,
            PlaceKind::Region => 5.5,
            PlaceKind::City => (place.population as f64 + 1.0).log10(),
        };
        let mentions = self.countries.get(place.country).copied().unwrap_or(0) as f64;
        let in_dateline_country = self.dateline_country == Some(place.country);
        let in_named_division = place.kind == PlaceKind::City
            && self.divisions.contains(&(place.country, place.division));
        size + mentions.min(3.0)
            + if in_dateline_country { 3.0 } else { 0.0 }
            + if in_named_division { 4.0 } else { 0.0 }
    }
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
