//! The output record: one [`Article`] per input text, exactly as `CONTRACT.md` describes it.
//!
//! Every fact carries its evidence span (`start`/`end`). In a returned `Article` those are
//! *character* offsets (Unicode scalar values, end-exclusive), so `text[start:end]` in Python is
//! the evidence. [`Article::byte_span`] turns one back into a byte range for Rust slicing.
//!
//! Cross references between facts are by id: an entity's `affiliation`, a quote's `speaker` and
//! an event's `actors` name entity ids (`"E1"`); `time` in casualties and events is an index into
//! [`Article::timexes`].

use serde::{Deserialize, Serialize};

/// Everything dateline found in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The id given with the input, passed through unchanged.
    pub id: Option<String>,
    /// A headline line written before the dateline.
    #[serde(default)]
    pub title: Option<Title>,
    pub dateline: Option<Dateline>,
    #[serde(default)]
    pub credits: Vec<Credit>,
    /// Story paragraphs, without title, dateline and credit lines.
    #[serde(default)]
    pub paragraphs: Vec<TextRange>,
    #[serde(default)]
    pub sentences: Vec<TextRange>,
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub timexes: Vec<Timex>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub casualties: Vec<Casualty>,
    #[serde(default)]
    pub events: Vec<Event>,
}

/// A stretch of the text with no facts of its own: a paragraph or a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRange {
    pub start: usize,
    pub end: usize,
}

/// The headline: a line before the dateline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Title {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// `TEHRAN, May 13 -`, `KABUL, Afghanistan (AP) —`, `WASHINGTON (Reuters) -`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The place as written (`TEHRAN`, `PLYMOUTH MEETING`), without the region after it.
    pub place: String,
    /// The entity the place was resolved to, when the entity stage ran.
    pub place_entity: Option<String>,
    /// What follows the place before the date: a state, province or country (`Pa`, `N.J.`,
    /// `Afghanistan`).
    #[serde(default)]
    pub region: Option<String>,
    /// TIMEX3 value of the dateline date: `2018-05-13`, or `XXXX-05-13` without a publication
    /// date.
    pub date: Option<String>,
    /// The agency in brackets: `Reuters`, `AP`, `Xinhua`.
    pub agency: Option<String>,
}

/// A line or part of a line that says who wrote or supplied the story. Never part of a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credit {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Who is credited: `Press TV`, `Young Journalists Club`, `John Smith`.
    pub name: String,
    pub role: CreditRole,
    /// A short form written beside the name: `YJC`.
    #[serde(default)]
    pub alias: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CreditRole {
    /// `Source: Press TV`.
    Source,
    /// A news agency: `(Reuters)`, `TEHRAN, Young Journalists Club (YJC) –`, a trailing `Reuter`.
    Agency,
    /// A byline: `By JOHN SMITH, Associated Press`.
    Author,
    /// `Reporting by …`, `Additional reporting by …`.
    Reporter,
    /// `Writing by …`.
    Writer,
    /// `Editing by …`.
    Editor,
}

/// Entity labels, named as in OntoNotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Label {
    #[serde(rename = "PERSON")]
    Person,
    #[serde(rename = "ORG")]
    Org,
    /// Countries, cities, states, provinces.
    #[serde(rename = "GPE")]
    Gpe,
    /// Non-political places: regions, rivers, mountains.
    #[serde(rename = "LOC")]
    Loc,
    /// Nationalities, religious and political groups.
    #[serde(rename = "NORP")]
    Norp,
    /// Buildings, airports, roads, bridges.
    #[serde(rename = "FAC")]
    Fac,
}

/// One thing the story talks about, with every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `E1`, `E2`, … in order of first mention.
    pub id: String,
    pub label: Label,
    /// The canonical name: the fullest form in the story, or the gazetteer's name.
    pub name: String,
    #[serde(default)]
    pub titles: Vec<String>,
    /// The id of the entity this one belongs to: a minister's country, a city's country.
    #[serde(default)]
    pub affiliation: Option<String>,
    /// ISO 3166-1 alpha-2 code of the entity's country.
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub kb: Option<KbRef>,
    pub mentions: Vec<Mention>,
}

/// A link to a knowledge base entry: a GeoNames place, or a user's own id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KbRef {
    /// `geonames`, or the source a user gave.
    pub source: String,
    pub id: KbId,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum KbId {
    Number(u64),
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A temporal expression, normalized as a TimeML TIMEX3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// `2018-05-11`, `2018-W19`, `PAST_REF`, `P17Y`, `XXXX-WXX-6`.
    pub value: String,
    /// What the value was computed from: `"date"` (the publication date), `"dateline"`, or
    /// `null` when the text fixes it alone.
    pub anchor: Option<String>,
    /// TIMEX3 `mod`: `APPROX`, `START`, `MID`, `END`, `MORE_THAN`, `LESS_THAN`.
    #[serde(default, rename = "mod")]
    pub modifier: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// Direct or reported speech. `start`/`end` cover the content without quotation marks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    /// The speaker's entity id, when the speaker is a named entity.
    pub speaker: Option<String>,
    /// The speaker's span in the text, even when it is no entity (`Senior Iranian officials`).
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    /// The speech verb or phrase: `said`, `according to`.
    pub cue: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Reported,
}

/// `killed more than 30 policemen`: who was harmed, how many, by whom, where and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Casualty {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: CasualtyKind,
    /// The number as written, when it is exact.
    pub count: Option<u64>,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub approximate: bool,
    pub victims: Option<String>,
    /// Entity id of who carried out or claimed the attack.
    pub perpetrator: Option<String>,
    /// Entity id of the place.
    pub location: Option<String>,
    /// Index into [`Article::timexes`].
    pub time: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CasualtyKind {
    Killed,
    Injured,
    Missing,
    Kidnapped,
    Arrested,
    Displaced,
}

/// Who did what to whom: a meeting, a visit, an attack, an accusation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `MEET`, `VISIT`, `ATTACK`, `ACCUSE`, `THREATEN`, `ARREST`, `STATEMENT`, `INVADE`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The CAMEO code: `040`, `042`, `190`.
    pub cameo: String,
    pub trigger: String,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub targets: Vec<String>,
    pub location: Option<String>,
    /// Index into [`Article::timexes`].
    pub time: Option<usize>,
}

impl Article {
    /// Serializes the article as one line of JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self)
            .expect("an Article always serializes: it holds no maps with non-string keys")
    }

    /// Serializes the article as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self)
            .expect("an Article always serializes: it holds no maps with non-string keys")
    }

    /// The byte range in `text` of a character-offset span of this article.
    ///
    /// ```
    /// let text = "KÖLN, May 2 - Rain.";
    /// let article = dateline::extract(text);
    /// let s = article.sentences[0];
    /// assert_eq!(&text[dateline::Article::byte_span(text, s.start, s.end)], "Rain.");
    /// ```
    pub fn byte_span(text: &str, start: usize, end: usize) -> std::ops::Range<usize> {
        let mut indices = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()));
        let byte_start = indices.nth(start).unwrap_or(text.len());
        let byte_end = if end > start {
            indices.nth(end - start - 1).unwrap_or(text.len())
        } else {
            byte_start
        };
        byte_start..byte_end
    }

    /// Checks the article against the text it was extracted from: every span lies inside the
    /// text and its reported `text` is what the span covers; an entity's mentions are in text
    /// order, each once; every entity id referred to exists; every `time` index points into
    /// `timexes`; count bounds are ordered. Returns the
    /// first violation found. dateline's own tests and fuzz targets assert this; it is public
    /// so that callers who store or transform articles can check them too.
    pub fn validate(&self, text: &str) -> Result<(), String> {
        let chars: Vec<char> = text.chars().collect();
        let covered =
            |what: &str, start: usize, end: usize, reported: Option<&str>| -> Result<(), String> {
                if start > end || end > chars.len() {
                    return Err(format!(
                        "{what}: span {start}..{end} outside a text of {} characters",
                        chars.len()
                    ));
                }
                match reported {
                    Some(r) if !chars[start..end].iter().copied().eq(r.chars()) => Err(format!(
                        "{what}: span {start}..{end} does not cover its text {r:?}"
                    )),
                    _ => Ok(()),
                }
            };
        let ids: Vec<&str> = self.entities.iter().map(|e| e.id.as_str()).collect();
        let known = |what: &str, id: Option<&str>| match id {
            Some(id) if !ids.contains(&id) => Err(format!("{what}: unknown entity id {id}")),
            _ => Ok(()),
        };
        let timex = |what: &str, index: Option<usize>| match index {
            Some(i) if i >= self.timexes.len() => {
                Err(format!("{what}: time index {i} out of range"))
            }
            _ => Ok(()),
        };
        if let Some(t) = &self.title {
            covered("title", t.start, t.end, Some(&t.text))?;
        }
        if let Some(d) = &self.dateline {
            covered("dateline", d.start, d.end, Some(&d.text))?;
            known("dateline place", d.place_entity.as_deref())?;
        }
        for c in &self.credits {
            covered("credit", c.start, c.end, Some(&c.text))?;
        }
        for r in self.paragraphs.iter().chain(&self.sentences) {
            covered("paragraph or sentence", r.start, r.end, None)?;
        }
        for e in &self.entities {
            for m in &e.mentions {
                covered(
                    &format!("mention of {}", e.id),
                    m.start,
                    m.end,
                    Some(&m.text),
                )?;
            }
            // Mentions are in text order, each once.
            if let Some(pair) = e
                .mentions
                .windows(2)
                .find(|p| (p[0].start, p[0].end) >= (p[1].start, p[1].end))
            {
                return Err(format!(
                    "mentions of {}: {}..{} and {}..{} are repeated or out of order",
                    e.id, pair[0].start, pair[0].end, pair[1].start, pair[1].end
                ));
            }
            known(
                &format!("affiliation of {}", e.id),
                e.affiliation.as_deref(),
            )?;
        }
        for t in &self.timexes {
            covered("timex", t.start, t.end, Some(&t.text))?;
        }
        for q in &self.quotes {
            covered("quote", q.start, q.end, Some(&q.text))?;
            if let (Some(s), Some(e)) = (q.speaker_start, q.speaker_end) {
                covered("quote speaker", s, e, None)?;
            }
            known("quote speaker", q.speaker.as_deref())?;
        }
        for c in &self.casualties {
            covered("casualty", c.start, c.end, Some(&c.text))?;
            known("perpetrator", c.perpetrator.as_deref())?;
            known("casualty location", c.location.as_deref())?;
            timex("casualty", c.time)?;
            if let (Some(min), Some(max)) = (c.min, c.max) {
                if min > max {
                    return Err(format!("casualty {:?}: min {min} above max {max}", c.text));
                }
            }
        }
        for e in &self.events {
            covered("event trigger", e.start, e.end, Some(&e.trigger))?;
            for id in e.actors.iter().chain(&e.targets) {
                known("event participant", Some(id))?;
            }
            known("event location", e.location.as_deref())?;
            timex("event", e.time)?;
        }
        Ok(())
    }

    /// Rewrites every offset in the article with `convert`. The pipeline works in byte offsets
    /// and calls this once, at the end, to turn them into character offsets.
    pub(crate) fn map_offsets(&mut self, convert: impl Fn(usize) -> usize) {
        let span = |start: &mut usize, end: &mut usize| {
            *start = convert(*start);
            *end = convert(*end);
        };
        if let Some(t) = &mut self.title {
            span(&mut t.start, &mut t.end);
        }
        if let Some(d) = &mut self.dateline {
            span(&mut d.start, &mut d.end);
        }
        for c in &mut self.credits {
            span(&mut c.start, &mut c.end);
        }
        for r in self.paragraphs.iter_mut().chain(self.sentences.iter_mut()) {
            span(&mut r.start, &mut r.end);
        }
        for m in self.entities.iter_mut().flat_map(|e| e.mentions.iter_mut()) {
            span(&mut m.start, &mut m.end);
        }
        for t in &mut self.timexes {
            span(&mut t.start, &mut t.end);
        }
        for q in &mut self.quotes {
            span(&mut q.start, &mut q.end);
            if let (Some(s), Some(e)) = (&mut q.speaker_start, &mut q.speaker_end) {
                span(s, e);
            }
        }
        for c in &mut self.casualties {
            span(&mut c.start, &mut c.end);
        }
        for e in &mut self.events {
            span(&mut e.start, &mut e.end);
        }
    }
}
