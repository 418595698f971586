//! The quotes stage: direct quotes between quotation marks and reported speech, each with the
//! cue that introduces it and its speaker.
//!
//! 1. Quotation marks are paired paragraph by paragraph, so one stray mark costs at most its own
//!    paragraph. A quote that runs over paragraphs opens each of them with a mark and closes only
//!    at its end, as newspapers write it. Two apostrophes (`''`) count as a double mark.
//! 2. A direct quote finds its speaker after the closing mark (`"…," Baqeri said`, `"…," said
//!    Baqeri`), before the opening one (`Baqeri said: "…"`, `called it "…"`), or from the
//!    quote it continues.
//! 3. Reported speech comes from the speech cues of `data/facts/speech_cues.tsv`: `X said (that)
//!    …`, `…, X said`, `…, said X`, `according to X, …`, `…, saying …`.
//! 4. The speaker's noun phrase is kept as its span; [`Story`] links it to an entity through its
//!    name, a pronoun (`he said`) or a description (`the minister said`).

use std::ops::Range;

use super::facts_support::{self, Found, Phrase, Phrases, Sentence, Story, WordClass};
use super::Stage;
use crate::article::{Quote, QuoteKind};
use crate::document::{Document, TokenKind};
use crate::lexicon;

const SPEECH_CUES: &str = include_str!("../../data/facts/speech_cues.tsv");

/// How far after a closing mark, in tokens, the attribution of a quote may end: far enough for
/// a long appositive (`"…," Leonard E. Burman, director of the Tax Policy Center and a
/// professor at …, said`), as the speaker must still open the attribution.
const ATTRIBUTION_WINDOW: usize = 30;
/// A quote without any attribution is reported only from this many words: shorter ones are
/// mostly titles and scare quotes ("a “rant”").
const MIN_UNATTRIBUTED_WORDS: usize = 5;
/// How many tokens may stand between a speech cue and the opening mark it introduces
/// (`said on Friday: "…"`).
const CUE_TO_QUOTE_TOKENS: usize = 4;
/// Sentence-final attributions are short: `…, a source said in a statement on Friday.`
const MAX_TRAILING_ATTRIBUTION: usize = 10;
/// Words a speaker's phrase may have before the part read as its subject (`IMF chief
/// economist` before `Maury Obstfeld`).
const MAX_SPEAKER_LEAD: usize = 5;

/// How the words after a cue relate to it (the `frame` column of the cue data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// `said the trip…`, `said that…`, `…, sources said`.
    Clause,
    /// Only with `that` or a colon: `found that…`, `believes that…`.
    That,
    /// A hearer may stand between cue and content: `told reporters that…`.
    Listener,
    /// The content is the cue's object: `accused Iran of…`.
    Object,
    /// The speaker follows the cue: `according to police`.
    SourceAfter,
    /// Only before or after quotation marks, since without them the word says nothing of
    /// speech: `called it "a disaster"`, `"Why?" she asked`.
    Quoting,
}

pub(crate) struct Quotes {
    cues: Phrases<Frame>,
}

impl Quotes {
    pub fn new() -> Quotes {
        facts_support::load_knowledge();
        let cues = lexicon::rows(SPEECH_CUES).filter_map(|row| {
            let frame = match *row.get(2)? {
                "clause" => Frame::Clause,
                "that" => Frame::That,
                "listener" => Frame::Listener,
                "object" => Frame::Object,
                "source_after" => Frame::SourceAfter,
                "quoting" => Frame::Quoting,
                _ => return None,
            };
            Some((row[0], frame))
        });
        Quotes {
            cues: Phrases::new(cues),
        }
    }
}

/// A stretch between quotation marks.
#[derive(Debug, Clone)]
struct Marked {
    /// The content, without the marks.
    content: Range<usize>,
    /// Byte of the opening mark.
    open: usize,
    /// Byte after the closing mark (the content's end when the mark is missing).
    close: usize,
}

/// Who said a quote and with what cue: the speaker's span and entity id, if any, and the
/// cue as written.
type Attribution = (Option<(Range<usize>, Option<String>)>, String);

/// A quote on its way out, with the index of the quote it continues, if any.
struct Draft {
    quote: Quote,
    continues: Option<usize>,
}

impl Stage for Quotes {
    fn run(&self, doc: &mut Document<'_>) {
        let text = doc.text;
        let marks = MarkBytes::new(text);
        let marked = find_marked(&marks, &doc.paragraphs);
        let story = Story::new(doc);
        let mut reported = Vec::new();
        // The cues of one sentence at a time, in a vector kept over the sentences.
        let mut cues = Vec::new();
        for (_, sentence) in story.sentences_with(WordClass::StartsSpeechCue) {
            self.reported_speech(&story, sentence, &marked, &mut cues, &mut reported);
        }
        let mut drafts: Vec<Draft> = Vec::new();
        // The stretch before this one, when it became a quote.
        let mut previous: Option<&Marked> = None;
        for m in &marked {
            let last = previous.and_then(|p| Some((p, drafts.last()?)));
            let draft = self.direct_quote(&story, &marks, m, last, drafts.len().checked_sub(1));
            previous = draft.is_some().then_some(m);
            drafts.extend(draft);
        }
        let quotes = combine(drafts, reported);
        doc.article.quotes = quotes
            .into_iter()
            .map(|mut q| {
                q.text = text[q.start..q.end].to_string();
                q
            })
            .collect();
    }
}

impl Quotes {
    /// The direct quote of a marked stretch, with its speaker; `None` for short stretches no one
    /// is said to have spoken (titles, scare quotes). `previous` is the quote just before, with
    /// its index.
    fn direct_quote(
        &self,
        story: &Story<'_>,
        marks: &MarkBytes<'_>,
        marked: &Marked,
        previous: Option<(&Marked, &Draft)>,
        previous_index: Option<usize>,
    ) -> Option<Draft> {
        let text = story.text;
        let content = trim_content(text, marked.content.clone());
        if content.is_empty() {
            return None;
        }
        let attribution = self
            .attribution_after(story, marks, marked)
            .or_else(|| self.attribution_before(story, marked));
        let mut draft = Draft {
            quote: Quote {
                start: content.start,
                end: content.end,
                text: String::new(),
                kind: QuoteKind::Direct,
                speaker: None,
                speaker_start: None,
                speaker_end: None,
                cue: None,
            },
            continues: None,
        };
        if let Some((speaker, cue)) = attribution {
            if let Some((span, id)) = speaker {
                draft.quote.speaker = id;
                draft.quote.speaker_start = Some(span.start);
                draft.quote.speaker_end = Some(span.end);
            }
            draft.quote.cue = Some(cue);
            return Some(draft);
        }
        // More words of the speaker just quoted: after their attribution in the same paragraph
        // (`"A," he said. "B."`, one turn), or opening the next paragraph.
        if let Some((before, quoted)) = previous.filter(|(_, d)| d.quote.speaker_start.is_some()) {
            let gap = before.close..marked.open;
            let between = &text[gap.clone()];
            let holds_attribution = quoted.quote.speaker_start.is_some_and(|s| gap.contains(&s))
                && !between.contains('\n');
            let next_paragraph = between.trim().is_empty() && between.matches('\n').count() <= 2;
            if holds_attribution || next_paragraph {
                draft.quote.speaker.clone_from(&quoted.quote.speaker);
                draft.quote.speaker_start = quoted.quote.speaker_start;
                draft.quote.speaker_end = quoted.quote.speaker_end;
                draft.quote.cue.clone_from(&quoted.quote.cue);
                draft.continues = previous_index.filter(|_| holds_attribution);
                return Some(draft);
            }
        }
        let words = &text[content];
        (has_words(words, MIN_UNATTRIBUTED_WORDS) && !is_title(words)).then_some(draft)
    }

    /// `"…," Baqeri said.` or `"…," said Baqeri, the army chief.`: the speaker and the cue.
    /// The attribution may stand in the sentence after the closing mark, since a sentence ends
    /// at `?"` and `."`.
    fn attribution_after(
        &self,
        story: &Story<'_>,
        marks: &MarkBytes<'_>,
        marked: &Marked,
    ) -> Option<Attribution> {
        let first = story.token_at(marked.close);
        let sentence = &story.sentences[story.sentence_index(story.tokens.get(first)?.start)?];
        let window_end = (first + ATTRIBUTION_WINDOW).min(sentence.tokens.end);
        if first >= window_end {
            return None;
        }
        let limit = story.tokens[window_end - 1].end;
        let next_mark = marks.first_opening(marked.close..limit).unwrap_or(limit);
        // `"…" ― Sonya Herridge`: a dash signs the quote.
        if matches!(story.word(first), "―" | "—" | "–" | "--") {
            if let Some(name) = story.phrase_after(first + 1, sentence.tokens.end) {
                let id = name.entity.map(|e| story.entity_id(e));
                return Some((Some((name.span, id)), story.word(first).to_string()));
            }
        }
        let Found {
            range: cue_range,
            tokens: cue_tokens,
            value: frame,
        } = self.cues(story, marked.close..next_mark, sentence).next()?;
        // The attribution of a quote stands in its own paragraph.
        if frame == Frame::SourceAfter || story.text[marked.close..cue_range.start].contains('\n') {
            return None;
        }
        // `"…." Limbaugh continued: "…"`: a sentence after a finished quote that runs on into
        // the next quote introduces that one. (`"…?" he asked, "…"` goes on the first quote's
        // sentence, which its lower case shows.)
        let finished = story.text[..marked.content.end]
            .trim_end_matches(|c: char| c.is_whitespace() || QUOTATION_MARKS.contains(&c))
            .ends_with(['.', '?', '!']);
        let new_sentence = story.word(first).starts_with(char::is_uppercase);
        if finished && new_sentence && next_mark < limit {
            return None;
        }
        let (cue, cue_end) = (cue_tokens.start, cue_tokens.end);
        let only_punct_between = (first..cue).all(|t| story.tokens[t].kind == TokenKind::Punct);
        let speaker = if only_punct_between {
            story.phrase_after(cue_end, sentence.tokens.end)
        } else {
            // The subject must open the attribution: `"…," IMF chief economist Maury Obstfeld
            // said`, not `"…" The crowd cheered and the president said`.
            let subject = story.subject_before(cue, first)?;
            let gap = first..subject.tokens.start;
            let clean_gap = gap.len() <= MAX_SPEAKER_LEAD
                && gap.clone().all(|t| !story.is_class(t, WordClass::Boundary));
            clean_gap.then_some(subject)
        };
        let speaker = speaker.map(|p| (p.span, p.entity.map(|e| story.entity_id(e))));
        Some((speaker, story.text[cue_range].to_string()))
    }

    /// Speech cues in a range of a sentence ([`is_cue_case`]).
    fn cues<'a>(
        &'a self,
        story: &'a Story<'_>,
        range: Range<usize>,
        sentence: &'a Sentence,
    ) -> impl Iterator<Item = Found<Frame>> + 'a {
        self.cues
            .find(story, range, WordClass::StartsSpeechCue)
            .filter(move |cue| is_cue_case(story, &cue.range, sentence))
    }

    /// `Baqeri said: "…"`, `Trump tweeted that, "…"`, `Said Ellis: "…"`: the speaker and the
    /// cue. A quote opening a paragraph may be introduced by the colon ending the one before
    /// (`He said:¶"…"`).
    fn attribution_before(&self, story: &Story<'_>, marked: &Marked) -> Option<Attribution> {
        let index = story.sentence_index(marked.open)?;
        let open_token = story.token_at(marked.open);
        let ends_with_colon = open_token > 0 && story.is_punct(open_token - 1, ":");
        let mut sentence = &story.sentences[index];
        if ends_with_colon && index > 0 && sentence.tokens.start >= open_token.saturating_sub(1) {
            sentence = &story.sentences[index - 1];
        }
        let from = open_token
            .saturating_sub(ATTRIBUTION_WINDOW)
            .max(sentence.tokens.start);
        if from >= open_token {
            return None;
        }
        let search = story.tokens[from].start..marked.open;
        let Found {
            range: cue_range,
            tokens: cue_tokens,
            value: frame,
        } = self.cues(story, search, sentence).last()?;
        let (cue, cue_end) = (cue_tokens.start, cue_tokens.end);
        if open_token - cue_end > CUE_TO_QUOTE_TOKENS && !ends_with_colon {
            return None;
        }
        let cue_text = &story.text[cue_range.clone()];
        let speaker = if frame == Frame::SourceAfter || cue == sentence.tokens.start {
            story.phrase_after(cue_end, open_token)
        } else if cue_text.ends_with("ing") {
            // `"…," he said, adding, "…"`, `He defended it, saying, "…"`, `issued a statement
            // calling it "…"`: the speaker of the clause the participle hangs on.
            self.main_speaker(story, sentence, cue)
        } else {
            let subject = story.subject_before(cue, sentence.tokens.start);
            // `Ban condemned what he called a "brazen breach"`: the one who condemns.
            let what = subject
                .as_ref()
                .map(|s| s.tokens.start)
                .filter(|&s| s > sentence.tokens.start && s + 1 == cue)
                .map(|s| s - 1)
                .filter(|&w| story.word(w).eq_ignore_ascii_case("what"));
            match what {
                Some(what) => story.sentence_subject(sentence, what).or(subject),
                // `Clinton, the former secretary, stressed … and said: "…"`.
                None => subject.or_else(|| opening_subject(story, sentence, cue)),
            }
        };
        let speaker = speaker.map(|p| (p.span, p.entity.map(|e| story.entity_id(e))));
        Some((speaker, cue_text.to_string()))
    }

    /// Who speaks in the clause before token `before`: the subject of its speech cue (`"…,"
    /// he said, adding …`), else of the sentence (`He defended it, saying …`).
    fn main_speaker(
        &self,
        story: &Story<'_>,
        sentence: &Sentence,
        before: usize,
    ) -> Option<Phrase> {
        let earlier = story.tokens[sentence.tokens.start].start..story.tokens[before].start;
        let from_cue = self.cues(story, earlier, sentence).last().and_then(
            |Found {
                 range,
                 tokens,
                 value: frame,
             }| {
                let (cue, cue_end) = (tokens.start, tokens.end);
                // `"…," said Hester`: the speaker follows a cue that follows a quote.
                let lead = story.text[..range.start].trim_end().trim_end_matches(',');
                let inverted = frame == Frame::SourceAfter
                    || lead.ends_with(QUOTATION_MARKS)
                    || lead.ends_with(DOUBLED_APOSTROPHE);
                if inverted {
                    story.phrase_after(cue_end, before)
                } else {
                    story.subject_before(cue, sentence.tokens.start)
                }
            },
        );
        from_cue.or_else(|| opening_subject(story, sentence, before))
    }

    /// The reported speech of one sentence, outside its quotation marks. `cues` is scratch
    /// space for the sentence's speech cues.
    fn reported_speech(
        &self,
        story: &Story<'_>,
        sentence: &Sentence,
        marked: &[Marked],
        cues: &mut Vec<Found<Frame>>,
        out: &mut Vec<Quote>,
    ) {
        let inside_marks = |at: usize| {
            let i = marked.partition_point(|m| m.close <= at);
            marked.get(i).is_some_and(|m| m.open <= at)
        };
        // A cue just after a closing mark attributes that quote, not reported speech; not after
        // a title or a word in scare quotes (`“The Apprentice,”`, `a nationwide “walk-in”`).
        let attributes_quote = |cue: &Found<Frame>| {
            let i = marked.partition_point(|m| m.close <= cue.range.start);
            i.checked_sub(1).map(|p| &marked[p]).is_some_and(|m| {
                m.close >= sentence.range.start
                    && cue.tokens.start - story.token_at(m.close) <= ATTRIBUTION_WINDOW
                    && !is_title_or_word(&story.text[trim_content(story.text, m.content.clone())])
            })
        };
        cues.clear();
        cues.extend(
            self.cues
                .find_in_sentence(story, sentence, WordClass::StartsSpeechCue)
                .filter(|cue| is_cue_case(story, &cue.range, sentence))
                .filter(|cue| {
                    cue.value != Frame::Quoting
                        && !inside_marks(cue.range.start)
                        && !attributes_quote(cue)
                }),
        );
        for (n, cue) in cues.iter().enumerate() {
            // A later cue after a comma ("…, saying …") ends this one's content.
            let content_limit = cues[n + 1..]
                .iter()
                .map(|later| later.tokens.start)
                .find(|&t| t > 0 && story.is_punct(t - 1, ","))
                .map_or(sentence.tokens.end, |t| t - 1);
            if let Some(quote) = self.reported(story, sentence, cue, content_limit) {
                out.push(quote);
            }
        }
    }

    fn reported(
        &self,
        story: &Story<'_>,
        sentence: &Sentence,
        found: &Found<Frame>,
        content_limit: usize,
    ) -> Option<Quote> {
        let text = story.text;
        let (cue, after_cue, frame) = (found.tokens.start, found.tokens.end, found.value);
        let first = sentence.tokens.start;
        let cue_text = &text[found.range.clone()];
        let quote = |content: Range<usize>, speaker: Option<Phrase>| {
            let content = trim_content(text, content);
            has_words(&text[content.clone()], 2).then(|| Quote {
                start: content.start,
                end: content.end,
                text: String::new(),
                kind: QuoteKind::Reported,
                speaker: speaker
                    .as_ref()
                    .and_then(|p| p.entity)
                    .map(|e| story.entity_id(e)),
                speaker_start: speaker.as_ref().map(|p| p.span.start),
                speaker_end: speaker.as_ref().map(|p| p.span.end),
                cue: Some(cue_text.to_string()),
            })
        };
        let comma_before_cue = cue > first && story.is_punct(cue - 1, ",");

        if frame == Frame::SourceAfter {
            let speaker = story.phrase_after(after_cue, content_limit)?;
            let content = if comma_before_cue {
                story.tokens[first].start..story.tokens[cue - 1].start
            } else if cue == first || story.is_punct(cue - 1, "(") {
                let comma =
                    (speaker.tokens.end..content_limit).find(|&t| story.is_punct(t, ","))?;
                let from = comma + 1;
                story.tokens.get(from)?.start..sentence_end(story, content_limit)
            } else {
                story.tokens[first].start..story.tokens[cue].start
            };
            return quote(content, Some(speaker));
        }

        let participle = cue_text.ends_with("ing");
        // "…, said Baqeri." ends the sentence with the attribution; "…, Mitch McConnell, R-Ky.,
        // said Tuesday." has its speaker before the cue. When a clause follows the cue, what
        // comes before the speaker is no content but the speaker's description: "The state's
        // campaign chairman, Phil Lovas, said he cannot comment".
        let cue_ends_clause = content_limit.saturating_sub(after_cue) <= MAX_TRAILING_ATTRIBUTION;
        // "Phil Smith, a spokesman for the union, said the union expected …", "Derek Mitchell,
        // who served as ambassador, said Clinton …": a name opens the sentence, what stands
        // between its comma and the cue describes it, and the cue's clause follows.
        let opening_name = (comma_before_cue && !participle)
            .then(|| (first + 1..cue - 1).find(|&t| story.is_punct(t, ",")))
            .flatten()
            .and_then(|comma| story.name_at(first..comma));
        if let Some(speaker) = opening_name {
            if let Some(start) = self.content_start(story, after_cue, content_limit, frame) {
                let content = story.tokens[start].start..sentence_end(story, content_limit);
                return quote(content, Some(speaker));
            }
        }
        let appositive = comma_before_cue
            .then(|| story.subject_before(cue, first))
            .flatten()
            .filter(|s| s.tokens.start > first && story.is_punct(s.tokens.start - 1, ","));
        if let Some(speaker) = appositive.filter(|_| !participle && cue_ends_clause) {
            let content = story.tokens[first].start..story.tokens[speaker.tokens.start - 1].start;
            return quote(content, Some(speaker));
        }
        if comma_before_cue && frame == Frame::Clause && !participle {
            let speaker = story.phrase_after(after_cue, content_limit)?;
            // "…, Phil Lovas, said he cannot comment": the cue's own clause follows it, and
            // the words before the comma are its subject.
            if !story.starts_clause(&speaker, content_limit) {
                let rest = content_limit.saturating_sub(speaker.tokens.end);
                // "…, said Brian Baker, a longtime political adviser to …": a description of
                // the speaker may run to the end of the sentence.
                let described = speaker.tokens.end + 1 < content_limit
                    && story.is_punct(speaker.tokens.end, ",")
                    && story.is(speaker.tokens.end + 1, WordClass::Determiner);
                if rest <= MAX_TRAILING_ATTRIBUTION || described {
                    let content = story.tokens[first].start..story.tokens[cue - 1].start;
                    return quote(content, Some(speaker));
                }
                return None;
            }
        }
        // "…, saying …" speaks with the voice of the main clause's subject.
        let speaker = if participle && comma_before_cue {
            story.sentence_subject(sentence, cue - 1)
        } else {
            // "He claimed vast wealth and said it ensured …": a second verb of the main
            // clause's subject.
            let second_verb = cue > first && story.word(cue - 1).eq_ignore_ascii_case("and");
            let subject = match story.subject_before(cue, first) {
                None if second_verb => story.sentence_subject(sentence, cue - 1)?,
                subject => subject?,
            };
            if participle && subject.entity.is_none() {
                return None;
            }
            Some(subject)
        };
        let speaker_ref = speaker.as_ref()?;
        let after_comma =
            speaker_ref.tokens.start > first && story.is_punct(speaker_ref.tokens.start - 1, ",");
        // "Though that was seamless, he said, replacing her would be …": the whole sentence.
        if after_comma && after_cue < content_limit && story.is_punct(after_cue, ",") {
            let content = story.tokens[first].start..sentence_end(story, content_limit);
            return quote(content, speaker);
        }
        if let Some(start) = self.content_start(story, after_cue, content_limit, frame) {
            let content = story.tokens[start].start..sentence_end(story, content_limit);
            return quote(content, speaker);
        }
        // Nothing after the cue but adverbials: "…, a source said on Friday."
        let trailing = content_limit.saturating_sub(after_cue) <= MAX_TRAILING_ATTRIBUTION;
        if matches!(frame, Frame::Clause | Frame::Listener) && trailing && after_comma {
            let content =
                story.tokens[first].start..story.tokens[speaker_ref.tokens.start - 1].start;
            return quote(content, speaker);
        }
        None
    }

    /// Where the content after a cue starts: after `that` or a colon, after the hearer of
    /// `told`, after a time (`said on Friday that`); `None` when the cue ends its clause or
    /// what follows is no clause (`said to be`, `reported killed`).
    fn content_start(
        &self,
        story: &Story<'_>,
        after_cue: usize,
        limit: usize,
        frame: Frame,
    ) -> Option<usize> {
        let mut t = after_cue;
        let mut skipped_hearer = false;
        let mut skipped = 0;
        while t < limit && skipped < 3 {
            let word = story.word(t);
            if word.eq_ignore_ascii_case("that") || word == ":" {
                return (t + 1 < limit).then_some(t + 1);
            }
            if let Some(end) = self.time_after(story, t) {
                t = end;
                skipped += 1;
                continue;
            }
            if frame == Frame::Listener && !skipped_hearer {
                if let Some(hearer) = story.phrase_after(t, limit) {
                    skipped_hearer = true;
                    skipped += 1;
                    t = hearer.tokens.end;
                    continue;
                }
            }
            // "said in a statement that", "said at a news conference on Friday that".
            if story.is_class(t, WordClass::Locative) {
                let that_or_comma = (t + 1..(t + 8).min(limit)).find(|&u| {
                    story.word(u).eq_ignore_ascii_case("that") || story.is_punct(u, ",")
                })?;
                t = that_or_comma + 1;
                skipped += 1;
                if story.word(that_or_comma).eq_ignore_ascii_case("that") {
                    return (t < limit).then_some(t);
                }
                continue;
            }
            break;
        }
        if t >= limit || frame == Frame::That {
            return None;
        }
        let word = story.word(t);
        let opens_clause = match story.tokens[t].kind {
            TokenKind::Punct => false,
            TokenKind::Number => true,
            TokenKind::Word => !NO_CLAUSE_AFTER_CUE
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w)),
        };
        (opens_clause && frame != Frame::Object || frame == Frame::Object).then_some(t)
    }

    /// The token after a time phrase starting at token `t` (`on Friday`, `Friday`,
    /// `last week`).
    fn time_after(&self, story: &Story<'_>, t: usize) -> Option<usize> {
        let start = story.tokens[t].start;
        let next_start = story.tokens.get(t + 1).map_or(usize::MAX, |n| n.start);
        let timex = story
            .timexes_starting_in(start..next_start.saturating_add(1))
            .map(|i| &story.timexes[i])
            .find(|x| {
                x.start == start || (x.start > start && story.is_class(t, WordClass::Locative))
            })?;
        Some(story.token_at(timex.end))
    }
}

/// A cue is written in lower case except at the sentence start, which keeps out `States` and
/// `Reports` in names and headlines.
fn is_cue_case(story: &Story<'_>, cue: &Range<usize>, sentence: &Sentence) -> bool {
    cue.start == sentence.range.start || !story.text[cue.clone()].starts_with(char::is_uppercase)
}

/// Words after a cue that open no clause of reported speech (`said to be`, `reported killed`),
/// in any case.
const NO_CLAUSE_AFTER_CUE: &[&str] = &[
    "to",
    "of",
    "by",
    "about",
    "for",
    "with",
    "so",
    "yes",
    "no",
    "nothing",
    "anything",
    "something",
    "killed",
    "dead",
    "wounded",
    "injured",
    "missing",
];

/// The subject of a sentence's main clause, unless what opens the sentence is an adverbial
/// (`After saying …`, `At the convention …`), which names no speaker.
fn opening_subject(story: &Story<'_>, sentence: &Sentence, before: usize) -> Option<Phrase> {
    story.sentence_subject(sentence, before).filter(|p| {
        !story.is_class(p.tokens.start, WordClass::Boundary)
            && !story.is_class(p.tokens.start, WordClass::Locative)
    })
}

/// The byte where content ending before token `limit` ends.
fn sentence_end(story: &Story<'_>, limit: usize) -> usize {
    story
        .tokens
        .get(limit.saturating_sub(1))
        .map_or(story.text.len(), |t| t.end)
}

/// Direct quotes first, then reported speech; a direct quote inside reported content belongs
/// to it ("X said the plan was “a disaster”"), and a quote that continues an attributed one in
/// the same paragraph joins it (`"A," he said. "B."` is one turn).
fn combine(drafts: Vec<Draft>, reported: Vec<Quote>) -> Vec<Quote> {
    let reported_spans = Spans::new(reported.iter().map(|r| r.start..r.end));
    let inside_reported = |q: &Quote| reported_spans.strictly_covers(q.start..q.end);
    let mut quotes: Vec<Quote> = Vec::with_capacity(drafts.len() + reported.len());
    let mut position_of: Vec<Option<usize>> = Vec::with_capacity(drafts.len());
    for draft in drafts {
        if inside_reported(&draft.quote) {
            position_of.push(None);
            continue;
        }
        match draft
            .continues
            .and_then(|d| position_of.get(d).copied().flatten())
        {
            Some(p) => {
                quotes[p].end = draft.quote.end;
                position_of.push(Some(p));
            }
            None => {
                position_of.push(Some(quotes.len()));
                quotes.push(draft.quote);
            }
        }
    }
    let direct_spans = Spans::new(quotes.iter().map(|d| d.start..d.end));
    for r in reported {
        if !direct_spans.covers(r.start..r.end) {
            quotes.push(r);
        }
    }
    quotes.sort_by_key(|q| (q.start, q.end));
    quotes.dedup_by(|b, a| a.start == b.start && a.end == b.end);
    quotes
}

/// Byte spans, to ask whether one of them covers a span in time logarithmic in their number
/// (a story may hold thousands of quotes).
struct Spans {
    /// Starts, in order.
    starts: Vec<usize>,
    /// `max_end[k]`: the furthest end of the first `k` spans by start.
    max_end: Vec<usize>,
}

impl Spans {
    fn new(spans: impl Iterator<Item = Range<usize>>) -> Spans {
        let mut spans: Vec<Range<usize>> = spans.collect();
        spans.sort_by_key(|s| s.start);
        let mut max_end = Vec::with_capacity(spans.len() + 1);
        max_end.push(0);
        for s in &spans {
            max_end.push(s.end.max(*max_end.last().unwrap_or(&0)));
        }
        Spans {
            starts: spans.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    /// Whether a span starts at or before `span` and ends at or after it.
    fn covers(&self, span: Range<usize>) -> bool {
        let up_to = self.starts.partition_point(|&s| s <= span.start);
        up_to > 0 && self.max_end[up_to] >= span.end
    }

    /// Whether a span other than `span` itself covers it.
    fn strictly_covers(&self, span: Range<usize>) -> bool {
        let before = self.starts.partition_point(|&s| s < span.start);
        let up_to = self.starts.partition_point(|&s| s <= span.start);
        (before > 0 && self.max_end[before] >= span.end) || self.max_end[up_to] > span.end
    }
}

/// Pairs quotation marks paragraph by paragraph. A paragraph of quotation that ends inside a
/// quote carries it into the next one when that opens with a mark; otherwise the quote ends
/// with its paragraph, so a lost closing mark costs nothing beyond it.
fn find_marked(marks: &MarkBytes<'_>, paragraphs: &[Range<usize>]) -> Vec<Marked> {
    let text = marks.text;
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let mut skip_first_open = open.is_some();
        // The mark read last and the byte after it: a mark right after two apostrophes
        // follows a double mark, not an apostrophe.
        let mut last: Option<(char, usize)> = None;
        for (at, after, c) in marks.in_range(paragraph.clone()) {
            let previous = match last {
                Some((mark, last_end)) if last_end == at => Some(mark),
                _ => text[paragraph.start..at].chars().next_back(),
            };
            let next = text[after..paragraph.end].chars().next();
            last = Some((c, after));
            let Some(role) = mark_role(c, previous, next, open.is_some()) else {
                continue;
            };
            match role {
                Role::Open if skip_first_open => skip_first_open = false,
                Role::Open => {
                    if let Some((mark, content)) = open.take() {
                        out.push(Marked {
                            content: content..at,
                            open: mark,
                            close: at,
                        });
                    }
                    open = Some((at, after));
                }
                Role::Close => {
                    skip_first_open = false;
                    if let Some((mark, content)) = open.take() {
                        out.push(Marked {
                            content: content..at,
                            open: mark,
                            close: after,
                        });
                    }
                }
            }
        }
        if let Some((mark, content)) = open {
            // Only a paragraph of quotation continues into the next one: one that opens with
            // the mark, or introduces it (`he said: "…`).
            let lead = text.get(paragraph.start..mark).map_or("", str::trim_end);
            let quotation = lead.is_empty() || lead.ends_with([':', ',']);
            let next_opens = quotation
                && paragraphs.get(p + 1).is_some_and(|n| {
                    let body = &text[n.clone()];
                    body.starts_with(['"', '“', '„', '«']) || body.starts_with(DOUBLED_APOSTROPHE)
                });
            if !next_opens {
                out.push(Marked {
                    content: content..paragraph.end,
                    open: mark,
                    close: paragraph.end,
                });
                open = None;
            }
        }
    }
    if let Some((mark, content)) = open {
        let end = paragraphs.last().map_or(content, |p| p.end).max(content);
        out.push(Marked {
            content: content..end,
            open: mark,
            close: end,
        });
    }
    out
}

const QUOTATION_MARKS: &[char] = &['"', '“', '”', '„', '«', '»'];
/// A double quotation mark as typed on old newsroom systems.
const DOUBLED_APOSTROPHE: &str = "''";

/// Where the bytes that may start a quotation mark are in a story: `"`, `'`, and the first
/// bytes of the UTF-8 of `“ ” „` and of `« »`. Found once a story, with the vectorized searches
/// of `memchr`, for all the marks the stage reads: most of a story is no mark.
struct MarkBytes<'t> {
    text: &'t str,
    /// In text order.
    at: Vec<usize>,
}

impl<'t> MarkBytes<'t> {
    fn new(text: &'t str) -> MarkBytes<'t> {
        let bytes = text.as_bytes();
        let mut at: Vec<usize> = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).collect();
        // The first byte of `«` and `»`, rare in English news, costs a search of its own.
        let others = at.len();
        at.extend(memchr::memchr_iter(0xC2, bytes));
        if at.len() > others {
            at.sort_unstable();
        }
        MarkBytes { text, at }
    }

    /// The quotation marks in a range, left to right: where each starts and ends, and the mark
    /// it is; two apostrophes are one straight double mark (`''Yes,'' he said` in NYT copy),
    /// the first two of three.
    fn in_range(&self, range: Range<usize>) -> impl Iterator<Item = (usize, usize, char)> + '_ {
        let bytes = self.text.as_bytes();
        let first = self.at.partition_point(|&at| at < range.start);
        let mut candidates = self.at[first..]
            .iter()
            .copied()
            .take_while(move |&at| at < range.end);
        let mut at = range.start;
        std::iter::from_fn(move || {
            for start in candidates.by_ref() {
                if start < at {
                    continue;
                }
                let c = self.text[start..range.end].chars().next()?;
                at = start + c.len_utf8();
                if c == '\'' && at < range.end && bytes[at] == b'\'' {
                    at += 1;
                    return Some((start, at, '"'));
                }
                if QUOTATION_MARKS.contains(&c) {
                    return Some((start, at, c));
                }
            }
            None
        })
    }

    /// The first opening quotation mark in a range: `“`, `„`, `«`, a straight mark or two
    /// apostrophes.
    fn first_opening(&self, range: Range<usize>) -> Option<usize> {
        self.in_range(range)
            .find(|&(_, _, mark)| matches!(mark, '“' | '"' | '„' | '«'))
            .map(|(at, _, _)| at)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// Whether a character opens or closes a quote. Curly marks say which they are, unless the
/// space around them says otherwise (a typo'd `”Word`); a straight mark opens after a space
/// and closes before one, and otherwise toggles. A mark between two spaces is a stray.
fn mark_role(c: char, previous: Option<char>, next: Option<char>, is_open: bool) -> Option<Role> {
    let is_mark = QUOTATION_MARKS.contains(&c);
    // A mark with space on both sides touches no word: a stray, not a quote's edge.
    if !is_mark
        || (previous.is_some_and(char::is_whitespace) && next.is_some_and(char::is_whitespace))
    {
        return None;
    }
    let space_before = previous.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
    let space_after = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-".contains(n));
    match c {
        '“' | '„' | '«' => Some(if is_open && !space_before && space_after {
            Role::Close
        } else {
            Role::Open
        }),
        '”' | '»' => Some(if !is_open && space_before && !space_after {
            Role::Open
        } else {
            Role::Close
        }),
        '"' => Some(match (space_before, space_after) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ if is_open => Role::Close,
            _ => Role::Open,
        }),
        _ => None,
    }
}

/// A content range without surrounding spaces, quotation marks and final punctuation.
fn trim_content(text: &str, range: Range<usize>) -> Range<usize> {
    // A range read past its sentence's end comes out empty.
    let Some(slice) = text.get(range.clone()) else {
        return range.start..range.start;
    };
    let is_edge = |c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '„' | '«' | '»');
    // Doubled apostrophes are stripped a pair at a time: `trim_start_matches` and
    // `trim_end_matches` with a string set up a substring searcher on each call.
    let mut start_trimmed = slice.trim_start_matches(is_edge);
    while let Some(rest) = start_trimmed.strip_prefix(DOUBLED_APOSTROPHE) {
        start_trimmed = rest;
    }
    let start_trimmed = start_trimmed.trim_start_matches(is_edge);
    let start = range.start + (slice.len() - start_trimmed.len());
    // A lone apostrophe is no edge (`the members'`), but a doubled one is a mark.
    let mut trimmed = start_trimmed;
    loop {
        let mut shorter =
            trimmed.trim_end_matches(|c: char| is_edge(c) || matches!(c, ',' | ';' | ':' | '.'));
        while let Some(rest) = shorter.strip_suffix(DOUBLED_APOSTROPHE) {
            shorter = rest;
        }
        if shorter.len() == trimmed.len() {
            break;
        }
        trimmed = shorter;
    }
    start..start + trimmed.len()
}

/// Marked words that read as a title: every word capitalized (`The Apprentice`).
fn is_title(words: &str) -> bool {
    words
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()))
}

/// Marked words that no one is said to speak: a title, or a single word (`“walk-in”`).
fn is_title_or_word(words: &str) -> bool {
    !has_words(words, 2) || is_title(words)
}

/// The text has at least `n` words, runs of characters other than white space. Counts no
/// further than `n`: reported content may run for a long sentence. A loop over the characters:
/// `split_whitespace` costs several times as much a character.
fn has_words(text: &str, n: usize) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        let space = c.is_whitespace();
        if !space && !in_word {
            words += 1;
            if words >= n {
                return true;
            }
        }
        in_word = !space;
    }
    n == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_tell_what_covers_a_span() {
        let spans = Spans::new([10..20, 0..5, 12..30].into_iter());
        assert!(spans.covers(0..5) && spans.covers(14..25) && spans.covers(10..20));
        assert!(!spans.covers(4..8) && !spans.covers(25..31) && !spans.covers(40..41));
        // Strictly: another span, not the span itself.
        assert!(!spans.strictly_covers(0..5) && !spans.strictly_covers(12..30));
        assert!(spans.strictly_covers(12..20) && spans.strictly_covers(1..5));
        assert!(!Spans::new(std::iter::empty()).covers(0..1));
    }

    fn marked(text: &str) -> Vec<&str> {
        let paragraphs: Vec<Range<usize>> = {
            let mut out = Vec::new();
            let mut start = 0;
            for line in text.split('\n') {
                out.push(start..start + line.len());
                start += line.len() + 1;
            }
            out
        };
        find_marked(&MarkBytes::new(text), &paragraphs)
            .into_iter()
            .map(|m| &text[m.content])
            .collect()
    }

    #[test]
    fn marks_pair_within_and_across_paragraphs() {
        assert_eq!(
            marked("\"We won,\" he said. “Again.”"),
            ["We won,", "Again."]
        );
        assert_eq!(
            marked("“First part.\n“Second part,” he said."),
            ["First part.\n“Second part,"]
        );
        // A lost closing mark ends with its paragraph; the next paragraph is read afresh.
        assert_eq!(
            marked("“Lost mark.\nHe said “fine.”"),
            ["Lost mark.", "fine."]
        );
        assert_eq!(marked("”Typo opens,” she said."), ["Typo opens,"]);
        // Doubled apostrophes are a mark; a lone one is not.
        assert_eq!(
            marked("''The members' plan,'' he said, ''works.''"),
            ["The members' plan,", "works."]
        );
    }

    #[test]
    fn opening_marks_are_found_in_any_range() {
        let text = "He said, “Yes.” She said 'no'. «Oui» \"x\" #1 & co: \"y\" ''z''' ’ „a";
        let marks = MarkBytes::new(text);
        let expected: Vec<usize> = (0..text.len())
            .filter(|&i| matches!(text.as_bytes()[i], b'"' | b'\'' | 0xE2 | 0xC2))
            .collect();
        assert_eq!(marks.at, expected);
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for &from in &starts {
            for &to in starts.iter().filter(|&&to| to >= from) {
                // The first opening mark, read character by character.
                let slice = &text[from..to];
                let mark = slice.find(['“', '"', '„', '«']);
                let doubled = slice.find("''");
                let expected = mark.into_iter().chain(doubled).min().map(|i| from + i);
                assert_eq!(marks.first_opening(from..to), expected, "{from}..{to}");
            }
        }
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            " ",
            "one",
            " one ",
            "one two",
            "a\u{a0}b\tc\nd ",
            "  x  y  z",
        ] {
            for n in 0..6 {
                let expected = text.split_whitespace().count() >= n;
                assert_eq!(has_words(text, n), expected, "{text:?} {n}");
            }
        }
    }

    #[test]
    fn trimming() {
        let text = " “Hello, world,” ";
        assert_eq!(&text[trim_content(text, 0..text.len())], "Hello, world");
    }
}
