//! The events stage: meetings, visits, attacks, invasions, accusations, threats, arrests and
//! statements, with CAMEO codes, their actors and targets as entities, place and time.
//!
//! Triggers come from `data/facts/event_triggers.tsv`, found in one automaton pass. The roles
//! column says how the names around a trigger take part: in `mutual` events (`met`) the subject
//! and the object are all actors; in `directed` ones (`visited`, `invaded`) the object is the
//! target; a `by_agent` noun (`attack`, `invasion`) takes its actor from the name before it
//! (`the US invasion`), after `by`, or from the clause around it (`the group claimed an
//! attack`). A trigger without a subject of its own (`after holding talks with`, `and is
//! expected to sit down with`) shares the subject of the sentence's previous event, else the
//! sentence's subject.

use super::facts_support::{self, Found, Phrases, Sentence, Story, WordClass};
use super::Stage;
use crate::article::{Event, Label};
use crate::document::{Document, TokenKind};
use crate::lexicon;

const TRIGGERS: &str = include_str!("../../data/facts/event_triggers.tsv");

/// How far after a trigger, in tokens, its object may be named.
const OBJECT_WINDOW: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Roles {
    Mutual,
    Directed,
    Subject,
    ByAgent,
}

#[derive(Debug, Clone, Copy)]
struct Trigger {
    kind: &'static str,
    cameo: &'static str,
    roles: Roles,
}

pub(crate) struct Events {
    triggers: Phrases<Trigger>,
}

impl Events {
    pub fn new() -> Events {
        facts_support::load_knowledge();
        let triggers = lexicon::rows(TRIGGERS).filter_map(|row| {
            let roles = match *row.get(3)? {
                "mutual" => Roles::Mutual,
                "directed" => Roles::Directed,
                "subject" => Roles::Subject,
                "by_agent" => Roles::ByAgent,
                _ => return None,
            };
            Some((
                row[0],
                Trigger {
                    kind: row.get(1)?,
                    cameo: row.get(2)?,
                    roles,
                },
            ))
        });
        Events {
            triggers: Phrases::new(triggers),
        }
    }
}

impl Stage for Events {
    fn run(&self, doc: &mut Document<'_>) {
        let story = Story::new(doc);
        let mut events: Vec<Event> = Vec::new();
        for (index, sentence) in story.sentences_with(WordClass::StartsEventTrigger) {
            let first_of_sentence = events.len();
            let mut sentence_actor: Option<usize> = None;
            for found in
                self.triggers
                    .find_in_sentence(&story, sentence, WordClass::StartsEventTrigger)
            {
                if story.text[found.range.clone()].starts_with(char::is_uppercase)
                    && found.range.start != sentence.range.start
                {
                    continue;
                }
                let Some(event) = self.read(&story, index, sentence, found, &mut sentence_actor)
                else {
                    continue;
                };
                // One event per kind and actors in a sentence: "their attacks … in assaults".
                let repeated = events[first_of_sentence..]
                    .iter()
                    .any(|e| e.kind == event.kind && e.actors == event.actors);
                if !repeated {
                    events.push(event);
                }
            }
        }
        doc.article.events = events;
    }
}

impl Events {
    fn read(
        &self,
        story: &Story<'_>,
        index: usize,
        sentence: &Sentence,
        found: Found<Trigger>,
        sentence_actor: &mut Option<usize>,
    ) -> Option<Event> {
        let Found {
            range,
            tokens,
            value: trigger,
        } = found;
        let first = sentence.tokens.start;
        let (token, after) = (tokens.start, tokens.end);
        let end = sentence.tokens.end;
        let own_subject = match trigger.roles {
            Roles::ByAgent => self.agent_of_noun(story, sentence, token, after),
            _ => story.subject_before(token, first).and_then(|p| p.entity),
        };
        let actor = own_subject.or(*sentence_actor).or_else(|| {
            story
                .sentence_subject(sentence, token)
                .and_then(|p| p.entity)
        })?;
        *sentence_actor = Some(actor);
        let object = match trigger.roles {
            Roles::Mutual | Roles::Directed | Roles::ByAgent => self
                .object_after(story, after, end, trigger)
                .filter(|&o| o != actor),
            Roles::Subject => None,
        };
        let mut actors = vec![story.entity_id(actor)];
        let mut targets = Vec::new();
        match (trigger.roles, object) {
            (Roles::Mutual, Some(o)) => actors.push(story.entity_id(o)),
            (_, Some(o)) => targets.push(story.entity_id(o)),
            (_, None) => {}
        }
        // An attack or invasion happens where its target is; a meeting or visit where the
        // story places it, else where the story was filed.
        let target_place =
            object.filter(|&o| matches!(story.entities[o].label, Label::Gpe | Label::Loc));
        let location = match trigger.kind {
            "MEET" | "VISIT" | "STATEMENT" => story
                .place_of(index, range.start, true)
                .or(target_place)
                .or(story.dateline_place),
            _ => target_place.or_else(|| story.place_of(index, range.start, false)),
        };
        Some(Event {
            kind: trigger.kind.to_string(),
            cameo: trigger.cameo.to_string(),
            trigger: story.text[range.clone()].to_string(),
            start: range.start,
            end: range.end,
            actors,
            targets,
            location: location.map(|e| story.entity_id(e)),
            time: story.time_of(sentence, range.start),
        })
    }

    /// The actor of an event noun: the name before it (`the US invasion`, `their attacks`),
    /// the agent after `by`, or the actor named earlier in the clause (`the terrorist group
    /// claimed an attack`).
    fn agent_of_noun(
        &self,
        story: &Story<'_>,
        sentence: &Sentence,
        noun: usize,
        after: usize,
    ) -> Option<usize> {
        let end = sentence.tokens.end;
        if after < end && story.word(after).eq_ignore_ascii_case("by") {
            if let Some(agent) = story.phrase_after(after + 1, end).and_then(|p| p.entity) {
                return Some(agent);
            }
        }
        story.actor_before(sentence, noun, true)
    }

    /// The object of a trigger: the first person named after it (`met Chief of Staff … Major
    /// General Mohammad Baqeri`), else the first other name, within the clause.
    fn object_after(
        &self,
        story: &Story<'_>,
        after: usize,
        end: usize,
        trigger: Trigger,
    ) -> Option<usize> {
        let window = (after + OBJECT_WINDOW).min(end);
        let clause_end = (after..window)
            .find(|&t| {
                story.tokens[t].kind == TokenKind::Punct
                    && matches!(story.word(t), "," | ";" | ":" | ".")
            })
            .unwrap_or(window);
        if after >= clause_end {
            return None;
        }
        // Names after `in`, `at`, `near` are places the event happens, not its object.
        let named: Vec<usize> = (after..clause_end)
            .filter(|&t| t == after || !story.is_class(t - 1, WordClass::Locative))
            .filter_map(|t| story.entity_named_at(t))
            .collect();
        let person = named
            .iter()
            .copied()
            .find(|&e| story.entities[e].label == Label::Person);
        let wanted_person = trigger.kind == "MEET";
        if wanted_person {
            return person.or_else(|| named.first().copied());
        }
        named.first().copied()
    }
}
