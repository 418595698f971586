//! The casualties stage: how many people were killed, injured, kidnapped, arrested, displaced
//! or went missing, who they were, who did it, where and when.
//!
//! The trigger words of `data/facts/casualty_triggers.tsv` are found in one automaton pass;
//! sentences without one cost nothing more. Around each trigger a count is read, with its
//! qualifier (`more than 30`, `dozens`), and the victims' noun after it (`policemen`). A number
//! that is not next to a trigger in one of these shapes is never reported, so ages, years,
//! money and "30 policemen were deployed" stay out:
//! - `killed 57 people`, `killing at least 12` (the count is the object);
//! - `57 people were killed`, `30 policemen died`, `57 dead`, `a soldier was wounded`;
//! - `the death toll rose to 57`.

use std::ops::Range;

use super::facts_support::{self, Amount, Found, Phrases, Sentence, Story, WordClass};
use super::Stage;
use crate::article::{Casualty, CasualtyKind};
use crate::document::{Document, TokenKind};
use crate::lexicon;

const TRIGGERS: &str = include_str!("../../data/facts/casualty_triggers.tsv");
const VICTIMS: &str = include_str!("../../data/facts/victim_nouns.tsv");

/// Words allowed between a count and its victims' noun (`57 Afghan soldiers`).
const MAX_VICTIM_MODIFIERS: usize = 3;
/// How far after `death toll` its number may come (`the death toll has risen to 57`).
const TOLL_WINDOW: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// `killed 57 people` or `57 people were killed`.
    Verb,
    /// `30 people died`, `57 deaths`.
    AfterCount,
    /// `57 dead`, `12 missing`: as `AfterCount`, but never before a noun (`4,000 dead birds`).
    Adjective,
    /// `the death toll rose to 57`.
    Toll,
}

#[derive(Debug, Clone, Copy)]
struct Trigger {
    kind: CasualtyKind,
    frame: Frame,
}

/// Whether a victims' noun names one person or many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Number {
    Singular,
    Plural,
}

pub(crate) struct Casualties {
    triggers: Phrases<Trigger>,
    victims: Phrases<Number>,
}

impl Casualties {
    pub fn new() -> Casualties {
        facts_support::load_knowledge();
        let triggers = lexicon::rows(TRIGGERS).filter_map(|row| {
            let kind = match *row.get(1)? {
                "killed" => CasualtyKind::Killed,
                "injured" => CasualtyKind::Injured,
                "missing" => CasualtyKind::Missing,
                "kidnapped" => CasualtyKind::Kidnapped,
                "arrested" => CasualtyKind::Arrested,
                "displaced" => CasualtyKind::Displaced,
                _ => return None,
            };
            let frame = match *row.get(2)? {
                "verb" => Frame::Verb,
                "after_count" => Frame::AfterCount,
                "adjective" => Frame::Adjective,
                "toll" => Frame::Toll,
                _ => return None,
            };
            Some((row[0], Trigger { kind, frame }))
        });
        let victims = lexicon::rows(VICTIMS).map(|row| {
            let number = match row.get(1) {
                Some(&"singular") => Number::Singular,
                _ => Number::Plural,
            };
            (row[0], number)
        });
        Casualties {
            triggers: Phrases::new(triggers),
            victims: Phrases::new(victims),
        }
    }
}

/// A count and the victims' noun that goes with it.
struct Counted {
    amount: Amount,
    victims: Option<Range<usize>>,
    /// Token after the victims, or after the count when there are none.
    next: usize,
}

impl Stage for Casualties {
    fn run(&self, doc: &mut Document<'_>) {
        let story = Story::new(doc);
        let mut found: Vec<Casualty> = Vec::new();
        for (index, sentence) in story.sentences_with(WordClass::StartsCasualtyTrigger) {
            for trigger in
                self.triggers
                    .find_in_sentence(&story, sentence, WordClass::StartsCasualtyTrigger)
            {
                let Some(casualty) = self.read(&story, index, sentence, trigger) else {
                    continue;
                };
                // "were killed" and "killed" may both read one count: keep the first.
                if !found
                    .iter()
                    .any(|c| c.start < casualty.end && casualty.start < c.end)
                {
                    found.push(casualty);
                }
            }
        }
        doc.article.casualties = found;
    }
}

impl Casualties {
    fn read(
        &self,
        story: &Story<'_>,
        index: usize,
        sentence: &Sentence,
        found: Found<Trigger>,
    ) -> Option<Casualty> {
        let Found {
            range: trigger_range,
            tokens,
            value: trigger,
        } = found;
        let text = story.text;
        if text[trigger_range.clone()].starts_with(char::is_uppercase)
            && trigger_range.start != sentence.range.start
        {
            return None;
        }
        let (trigger_token, after) = (tokens.start, tokens.end);
        let end = sentence.tokens.end;
        let (counted, active) = match trigger.frame {
            Frame::Verb => match self.count_after(story, after, end) {
                Some(c) => (c, true),
                None => (
                    self.count_before(story, trigger_token, sentence.tokens.start)?,
                    false,
                ),
            },
            Frame::AfterCount | Frame::Adjective => {
                // "4,000 dead birds": an adjective before a noun describes what follows it,
                // unlike "one man is dead following an accident".
                let predicative =
                    trigger_token > 0 && story.is_class(trigger_token - 1, WordClass::Auxiliary);
                let attributive = trigger.frame == Frame::Adjective
                    && !predicative
                    && after < end
                    && story.tokens[after].kind == TokenKind::Word
                    && story.word(after).starts_with(char::is_lowercase)
                    && !story.is_class(after, WordClass::Boundary)
                    && !story.is_class(after, WordClass::Locative)
                    && !story.is_class(after, WordClass::Auxiliary);
                if attributive {
                    return None;
                }
                (
                    self.count_before(story, trigger_token, sentence.tokens.start)?,
                    false,
                )
            }
            Frame::Toll => {
                // The first number after the toll is its value: "the toll at 194 deaths".
                let window = (after + TOLL_WINDOW).min(end);
                let amount = (after..window).find_map(|t| story.amount_at(t, end))?;
                let next = amount.next;
                (
                    Counted {
                        amount,
                        victims: None,
                        next,
                    },
                    true,
                )
            }
        };
        let span_start = trigger_range.start.min(counted.amount.span.start);
        let span_end = trigger_range.end.max(
            counted
                .victims
                .as_ref()
                .map_or(counted.amount.span.end, |v| v.end),
        );
        let perpetrator = self.perpetrator(story, sentence, trigger_token, &counted, active);
        Some(Casualty {
            start: span_start,
            end: span_end,
            text: text[span_start..span_end].to_string(),
            kind: trigger.kind,
            count: counted.amount.count,
            min: counted.amount.min,
            max: counted.amount.max,
            approximate: counted.amount.approximate,
            victims: counted.victims.map(|v| text[v].to_string()),
            perpetrator: perpetrator.map(|e| story.entity_id(e)),
            location: story
                .place_of(index, trigger_range.start, false)
                .map(|e| story.entity_id(e)),
            time: story.time_of(sentence, trigger_range.start),
        })
    }

    /// `57 people`, `more than 30 policemen`, `dozens of civilians`, `12` at token `start`.
    fn count_after(&self, story: &Story<'_>, start: usize, end: usize) -> Option<Counted> {
        let Some(amount) = story.amount_at(start, end) else {
            return self.one_victim(story, start, end);
        };
        let mut t = amount.next;
        // "wounded 56 more": more of the people just counted.
        if t < end && story.word(t) == "more" {
            return Some(Counted {
                amount,
                victims: None,
                next: t + 1,
            });
        }
        if t < end && story.word(t).eq_ignore_ascii_case("of") {
            t += 1;
        }
        for skipped in 0..=MAX_VICTIM_MODIFIERS {
            let at = t + skipped;
            if at >= end || story.tokens[at].kind != TokenKind::Word {
                break;
            }
            if let Some(victims) = self.victims_at(story, at, end) {
                let next = story.token_at(victims.end);
                return Some(Counted {
                    amount,
                    victims: Some(victims),
                    next,
                });
            }
        }
        // A bare count ends its phrase: "killing 57 and wounding 100", "killed 12 in Kabul".
        let bare = t >= end
            || story.tokens[t].kind == TokenKind::Punct
            || story.is_class(t, WordClass::Boundary)
            || story.is_class(t, WordClass::Locative);
        let next = amount.next;
        bare.then_some(Counted {
            amount,
            victims: None,
            next,
        })
    }

    /// "killed an off-duty police officer": one person, named by a singular noun after `a`,
    /// `an` or `one` and a few modifiers.
    fn one_victim(&self, story: &Story<'_>, article: usize, end: usize) -> Option<Counted> {
        let one = article < end
            && matches!(
                story.word(article).to_ascii_lowercase().as_str(),
                "a" | "an" | "one"
            );
        if !one {
            return None;
        }
        let limit = story.tokens[end - 1].end;
        let (noun_token, noun_end) = (article + 1..(article + 2 + MAX_VICTIM_MODIFIERS).min(end))
            .take_while(|&t| story.tokens[t].kind == TokenKind::Word || story.word(t) == "-")
            .find_map(
                |t| match self.victims.at(story.text, story.tokens[t].start, limit) {
                    Some((noun_end, Number::Singular)) => Some((t, noun_end)),
                    _ => None,
                },
            )?;
        Some(Counted {
            amount: single(story, article),
            victims: Some(story.tokens[noun_token].start..noun_end),
            next: story.token_at(noun_end),
        })
    }

    /// The victims' noun at token `t`: one of the curated nouns, or a plural name of a people
    /// (`Afghans`, `Americans`).
    fn victims_at(&self, story: &Story<'_>, t: usize, end: usize) -> Option<Range<usize>> {
        // A caller may reach one token past the verb, which may end the story.
        let end = end.min(story.tokens.len());
        if t >= end {
            return None;
        }
        let limit = story.tokens[end - 1].end;
        if let Some((noun_end, _)) = self.victims.at(story.text, story.tokens[t].start, limit) {
            return Some(story.tokens[t].start..noun_end);
        }
        let word = story.word(t);
        let plural_name = word.starts_with(char::is_uppercase)
            && word.ends_with('s')
            && word.len() > 3
            && story.amount_at(t, t + 1).is_none();
        let followed_by_noun = t + 1 < end
            && story.tokens[t + 1].kind == TokenKind::Word
            && story.word(t + 1).starts_with(char::is_lowercase)
            && self
                .victims
                .at(story.text, story.tokens[t + 1].start, limit)
                .is_some();
        (plural_name && !followed_by_noun).then(|| story.tokens[t].start..story.tokens[t].end)
    }

    /// The count before a trigger: `57 people were killed`, `30 policemen died`, `57 dead`,
    /// `a soldier was wounded`.
    fn count_before(&self, story: &Story<'_>, trigger: usize, floor: usize) -> Option<Counted> {
        let mut end = trigger;
        while end > floor
            && (story.is_class(end - 1, WordClass::Auxiliary)
                || matches!(
                    story.word(end - 1),
                    "reported" | "feared" | "believed" | "confirmed" | "found"
                ))
        {
            end -= 1;
        }
        // "dozens more injured".
        if end > floor && story.word(end - 1) == "more" {
            end -= 1;
        }
        if end <= floor {
            return None;
        }
        // The victims' noun ends right before the verb.
        let victims = (end.saturating_sub(3).max(floor)..end).find_map(|t| {
            self.victims_at(story, t, end + 1)
                .filter(|v| v.end == story.tokens[end - 1].end)
                .map(|v| (t, v))
        });
        let before_count = victims.as_ref().map_or(end, |(t, _)| *t);
        // The longest count (qualifier included) that ends within a few modifiers of it.
        let lowest = before_count
            .saturating_sub(MAX_VICTIM_MODIFIERS + 4)
            .max(floor);
        let mut best: Option<Amount> = None;
        for start in (lowest..before_count).rev() {
            let Some(amount) = story.amount_at(start, before_count) else {
                continue;
            };
            let modifiers = amount.next..before_count;
            let plain_words = modifiers.len() <= MAX_VICTIM_MODIFIERS
                && modifiers
                    .clone()
                    .all(|m| story.tokens[m].kind == TokenKind::Word);
            let adjacent = victims.is_some() && plain_words || amount.next == before_count;
            if adjacent {
                best = Some(amount);
            }
        }
        if let Some(amount) = best {
            return Some(Counted {
                amount,
                victims: victims.map(|(_, v)| v),
                next: trigger,
            });
        }
        // "a policeman was killed": one person.
        let (noun_token, noun) = victims?;
        let one = noun_token.checked_sub(1).filter(|&t| t >= floor)?;
        let singular = self
            .victims
            .at(story.text, noun.start, noun.end)
            .map(|(_, n)| n)
            == Some(Number::Singular);
        let article = matches!(
            story.word(one).to_ascii_lowercase().as_str(),
            "a" | "an" | "one"
        );
        (singular && article).then(|| Counted {
            amount: single(story, one),
            victims: Some(noun),
            next: trigger,
        })
    }

    /// Who did it: the agent after `by` ("killed by the Taliban"), the subject of an active
    /// verb ("they killed"), the actor named earlier in the sentence ("the terrorist group
    /// claimed an attack … that killed 57 people"), else an armed group named in the sentence
    /// before.
    fn perpetrator(
        &self,
        story: &Story<'_>,
        sentence: &Sentence,
        trigger: usize,
        counted: &Counted,
        active: bool,
    ) -> Option<usize> {
        let end = sentence.tokens.end;
        let by = (counted.next..(counted.next + 3).min(end))
            .chain(trigger + 1..(trigger + 3).min(end))
            .find(|&t| story.word(t).eq_ignore_ascii_case("by"));
        if let Some(agent) = by
            .and_then(|t| story.phrase_after(t + 1, end))
            .and_then(|p| p.entity)
        {
            return Some(agent);
        }
        let before = if active {
            trigger
        } else {
            story.token_at(counted.amount.span.start)
        };
        story
            .actor_before(sentence, before, false)
            .filter(|&e| active || story.is_armed_group(e))
            .or_else(|| story.armed_group_before(story.tokens[trigger].start))
    }
}

/// The count of one person, written as `a`, `an` or `one` at token `article`.
fn single(story: &Story<'_>, article: usize) -> Amount {
    Amount {
        span: story.tokens[article].start..story.tokens[article].end,
        next: article + 1,
        count: Some(1),
        min: Some(1),
        max: Some(1),
        approximate: false,
    }
}
