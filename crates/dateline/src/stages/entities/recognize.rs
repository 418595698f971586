//! Finding the names in one segment of text and telling what each is.
//!
//! A segment (a sentence, the title, a credit line, the dateline) is read as tokens. Gazetteer
//! names and person titles are found first; then runs of capitalized words, with the small
//! words that may join them (`of`, `the`, `bin`), are cut into names at titles and classified
//! by the evidence inside them: a gazetteer name, an organization's head word (`Council`), a
//! place word (`Province`), a given name or a title before them. Names without such evidence
//! stay [`Class::Unknown`] for the linker, which sees the whole document.

use std::ops::Range;

use super::gazetteer::{Cue, FindBuffers, Found, Gazetteer, OrgWord, PlaceKind, Target};
use super::tokens::{Tok, TokKind};
use crate::article::Label;

/// What a candidate name is, as far as its segment tells.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Class {
    /// A gazetteer name: one target, or several for an ambiguous place name.
    Known(Vec<Target>),
    /// Classified by evidence, with the gazetteer place or demonym it contains, if any.
    Named(Label, Option<Target>),
    /// Capitalized, with nothing to tell what it is.
    Unknown,
    /// The name of an event (`World Cup`, `Islamic Revolution`): no entity, but a name that a
    /// title may hold (`Leader of the Islamic Revolution`).
    Event,
}

#[derive(Debug, Clone)]
pub(super) struct Candidate {
    /// Byte range of the name in the text.
    pub range: Range<usize>,
    /// Token range in the document's token list.
    pub tokens: Range<usize>,
    pub class: Class,
    /// The first word of a sentence or a quotation, capitalized whatever it is.
    pub sentence_initial: bool,
    /// From text in capitals, where case tells nothing.
    pub shouting: bool,
    /// What the words around it say.
    pub cue: Option<Cue>,
    /// Right after `the`, which persons' names rarely are.
    pub after_the: bool,
    /// Where a team stands: right before a number in results tables (`Somerset 83`,
    /// `CHICAGO 5`) or beside `v` in fixtures (`Birmingham v Barnsley`).
    pub team_position: bool,
    /// Right after a preposition of place (`in`, `at`): a place name so written is a place.
    pub locative: bool,
    /// A short form in brackets right after a name: `Young Journalists Club (YJC)`. The value
    /// is where the name it abbreviates starts.
    pub abbreviates: Option<usize>,
}

/// One piece of a run of capitalized words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// A gazetteer name (index into the segment's finds).
    Known(usize),
    /// A person's title or office.
    Title,
    /// A capitalized word the gazetteer does not know.
    Word,
    /// A lower-case word that may join names: `of`, `the`, `and`, `bin`, or a hyphen.
    Joiner,
}

/// The words of a group of pieces: how many, and those at either end ("" where there are
/// too few); and whether it holds a joiner or a gazetteer name, noted in the same pass.
#[derive(Default)]
struct GroupWords<'t> {
    count: usize,
    first: &'t str,
    second: &'t str,
    second_last: &'t str,
    last: &'t str,
    has_joiner: bool,
    has_known: bool,
}

/// The words right before and right after a name in its segment, and what they cue: read and
/// looked up once for the several tests on a name's surroundings.
#[derive(Clone, Copy)]
struct Beside<'t> {
    word_before: Option<&'t str>,
    word_after: Option<&'t str>,
    before: Option<Cue>,
    after: Option<Cue>,
    /// A number follows (not an ordinal), and it is a date as datelines write it
    /// (`1996-08-30`).
    number_after: bool,
    date_after: bool,
    /// An ordinal in figures follows: `15th`.
    ordinal_after: bool,
}

impl Beside<'_> {
    /// Whether the name is written as a place: after a preposition of place (`in`, `at`), or
    /// before a date as datelines are (`LONDON 1996-08-30`).
    fn is_locative(&self) -> bool {
        matches!(self.before, Some(Cue::PlaceBefore | Cue::Locative)) || self.date_after
    }

    /// Whether the name stands where results tables and fixtures put teams.
    fn is_team_position(&self) -> bool {
        // Not a date: `LONDON 1996-08-30`.
        let before_number = self.number_after && !self.date_after;
        // `Surrey captain Chris Lewis`, `Ajax coach`: a member of a team after its name.
        let member_after = self.after == Some(Cue::TeamMember);
        before_number
            || member_after
            || self.after == Some(Cue::Versus)
            || self.before == Some(Cue::Versus)
    }
}

/// Buffers reused from one segment to the next: a story has dozens of segments, and reading
/// one should allocate only for the names it finds.
pub(super) struct SegmentBuffers {
    /// For the gazetteer's search.
    pub find: FindBuffers,
    /// The gazetteer names of the segment.
    finds: Vec<Found>,
    /// Which find starts at each token of the segment, and the token after it. Kept as long
    /// as the longest segment read so far, with only the entries of `find_starts` set.
    find_at: Vec<Option<(usize, usize)>>,
    /// Where the finds start, as offsets into the segment, in order.
    find_starts: Vec<usize>,
    /// The pieces of the run being read.
    pieces: Vec<(Range<usize>, Piece)>,
}

/// Made once a story, with room for the names and pieces of nearly every sentence, so that
/// they are not grown anew in each story.
impl Default for SegmentBuffers {
    fn default() -> Self {
        const NAMES: usize = 32;
        const TOKENS: usize = 128;
        SegmentBuffers {
            find: FindBuffers::default(),
            finds: Vec::with_capacity(NAMES),
            find_at: Vec::with_capacity(TOKENS),
            find_starts: Vec::with_capacity(NAMES),
            pieces: Vec::with_capacity(NAMES),
        }
    }
}

/// Reads the names of one segment. `tokens` is the document's token list, of which this
/// segment's are `seg`; title tokens are added to `titles`.
pub(super) struct Recognizer<'a> {
    pub text: &'a str,
    pub gazetteer: &'a Gazetteer,
    pub tokens: &'a [Tok],
}

impl Recognizer<'_> {
    pub fn segment(
        &self,
        seg: Range<usize>,
        shouting: bool,
        buffers: &mut SegmentBuffers,
        out: &mut Vec<Candidate>,
        titles: &mut Vec<Range<usize>>,
    ) {
        if seg.is_empty() || seg.end > self.tokens.len() {
            return;
        }
        let SegmentBuffers {
            find,
            finds,
            find_at,
            find_starts,
            pieces,
        } = buffers;
        finds.clear();
        self.gazetteer
            .find_in_tokens(self.text, &self.tokens[seg.clone()], shouting, find, finds);
        // Which find starts at each token, and where it ends (exclusive token index). Only the
        // few entries the last segment set are cleared, not the whole table.
        for &start in find_starts.iter() {
            find_at[start] = None;
        }
        find_starts.clear();
        if find_at.len() < seg.len() {
            find_at.resize(seg.len(), None);
        }
        let mut next = seg.start;
        for (f, found) in finds.iter().enumerate() {
            let Some(start) = (next..seg.end).find(|&t| self.tokens[t].start == found.range.start)
            else {
                continue;
            };
            let Some(end) = (start..seg.end).find(|&t| self.tokens[t].end == found.range.end)
            else {
                continue;
            };
            find_at[start - seg.start] = Some((f, end + 1));
            find_starts.push(start - seg.start);
            next = end + 1;
        }

        let first_candidate = out.len();
        // The finds that start at or after `t`.
        let mut finds_ahead = find_starts
            .iter()
            .map(|&start| seg.start + start)
            .peekable();
        let mut t = seg.start;
        while t < seg.end {
            // Most tokens are lower-case words, numbers and marks outside the gazetteer's
            // names: no run starts at them (see `run`), and they are passed over before the
            // tests below, which would all come to that. Codes go on to those tests. A run may
            // also start where a find does: the tokens are searched up to the next one.
            while finds_ahead.next_if(|&start| start < t).is_some() {}
            let next_find = finds_ahead.peek().copied().unwrap_or(seg.end);
            let may_start_run =
                |tok: &Tok| tok.code || (!shouting && tok.kind == TokKind::Word && tok.capitalized);
            t = match self.tokens[t..next_find].iter().position(may_start_run) {
                Some(skipped) => t + skipped,
                None if next_find < seg.end => next_find,
                None => break,
            };
            // `8 GB`, `600 MW`: a unit is no name, though `GB` is a country's code.
            if self.is_unit_of_number(t) {
                t += 1;
                continue;
            }
            // `A350 XWB`, `AK47`, `Q2`: a model or a code, with the capitalized words after it,
            // names no person, organization or place.
            if find_at[t - seg.start].is_none() && self.is_code(t) {
                t = self.after_model(seg.clone(), t, find_at);
                continue;
            }
            // `iPod Nano`, `iTunes Music Store`: the capitalized words after a brand written in
            // camel case go on with the product's name, even those a gazetteer knows (`Store`).
            // Asked first of the word at `t`, whose case is already known, so that the word
            // before it is read only before a capital.
            let capitalized_word = |t: usize| {
                t < seg.end && self.tokens[t].kind == TokKind::Word && self.is_capitalized(t)
            };
            if !shouting && capitalized_word(t) && t > seg.start && self.is_camel_case(t - 1) {
                while capitalized_word(t) {
                    t += 1;
                }
                continue;
            }
            // `The`, `Monday`: a capitalized word that cannot start a name, as many sentences'
            // first words, is passed over before a run is read from it.
            if find_at[t - seg.start].is_none() && self.is_not_name_start(self.word(t)) {
                t += 1;
                continue;
            }
            let end = self.run(seg.clone(), t, shouting, find_at, finds, pieces);
            if pieces.is_empty() {
                t += 1;
                continue;
            }
            // `Airbus A380`, `Boeing 787 Dreamliner`: a company's name before a model starts
            // the product's name, which is no organization's.
            if self.is_maker_of_model(seg.clone(), pieces, finds, end) {
                t = self.after_model(seg.clone(), end, find_at);
                continue;
            }
            for (range, piece) in pieces.iter() {
                if *piece == Piece::Title {
                    titles.push(range.clone());
                }
            }
            self.classify_run(seg.clone(), pieces, finds, shouting, out);
            t = end;
        }
        self.find_abbreviations(seg, first_candidate, out);
    }

    /// Writes into `pieces` the run of name pieces starting at token `t`, a gazetteer name or
    /// a capitalized word that may start a name; returns the token after it.
    fn run(
        &self,
        seg: Range<usize>,
        t: usize,
        shouting: bool,
        find_at: &[Option<(usize, usize)>],
        finds: &[Found],
        pieces: &mut Vec<(Range<usize>, Piece)>,
    ) -> usize {
        pieces.clear();
        let mut t = t;
        while t < seg.end {
            if let Some((f, end)) = find_at[t - seg.start] {
                let title = finds[f].targets.iter().all(|x| matches!(x, Target::Title));
                if title && self.title_is_name_word(seg.clone(), t..end, find_at, pieces) {
                    pieces.push((t..end, Piece::Word));
                    t = end;
                    continue;
                }
                // A title in lower case (`the defense minister`) is a title only before a name.
                let piece = if title { Piece::Title } else { Piece::Known(f) };
                if title
                    && !self.is_capitalized(t)
                    && !self.name_follows(end, seg.end, find_at, seg.start)
                {
                    break;
                }
                pieces.push((t..end, piece));
                t = end;
                continue;
            }
            let tok = self.tokens[t];
            // Sliced only where read: most tokens are lower-case words that end no run.
            let word = || &self.text[tok.range()];
            // `St. Michael's Hospital`, `St Mark's Cathedral`: a saint's possessive inside the
            // name of what is named after the saint; not before a known name (`St Gallen's
            // Brazilian player`).
            if tok.kind == TokKind::Possessive
                && !shouting
                && self.follows_saint(pieces)
                && t + 1 < seg.end
                && find_at[t + 1 - seg.start].is_none()
                && self.tokens[t + 1].kind == TokKind::Word
                && self.is_capitalized(t + 1)
            {
                pieces.push((t..t + 1, Piece::Joiner));
                t += 1;
                continue;
            }
            if tok.kind != TokKind::Word || shouting {
                if tok.kind == TokKind::Punct && word() == "-" && !tok.spaced && !pieces.is_empty()
                {
                    // `Bashar al-Assad`, `Chester-le-Street`: a hyphen inside a name.
                    if self.name_follows(t + 1, seg.end, find_at, seg.start)
                        && !self.tokens.get(t + 1).is_some_and(|n| n.spaced)
                    {
                        pieces.push((t..t + 1, Piece::Joiner));
                        t += 1;
                        continue;
                    }
                }
                // `Douglas & Lomason`: an ampersand between names.
                if word() == "&" && !shouting && !pieces.is_empty() {
                    let next_capitalized = self
                        .tokens
                        .get(t + 1)
                        .is_some_and(|n| n.kind == TokKind::Word && self.is_capitalized(t + 1));
                    if next_capitalized && t + 1 < seg.end {
                        pieces.push((t..t + 1, Piece::Joiner));
                        t += 1;
                        continue;
                    }
                }
                break;
            }
            if self.is_code(t) {
                break;
            }
            if self.is_capitalized(t) {
                // `in Toronto Saturday`: a weekday after a name is when, not part of the name.
                if !pieces.is_empty() && self.gazetteer.is_weekday(word()) {
                    break;
                }
                pieces.push((t..t + 1, Piece::Word));
                t += 1;
                continue;
            }
            let joins = !pieces.is_empty()
                && (matches!(word(), "of" | "the" | "and" | "for" | "on" | "&")
                    || self.is_particle(t))
                && self.name_follows(t + 1, seg.end, find_at, seg.start);
            // `bin Laden` and `al-Assad` may also start a name after a given name.
            if joins {
                pieces.push((t..t + 1, Piece::Joiner));
                t += 1;
                continue;
            }
            break;
        }
        while pieces.last().is_some_and(|(_, p)| *p == Piece::Joiner) {
            pieces.pop();
        }
        let end = pieces
            .last()
            .map_or(t + 1, |(r, _)| r.end)
            .max(t.min(seg.end));
        end.max(1)
    }

    /// A particle of a person's name at token `t`: `bin`, `al`. One that is an English word
    /// too only when a hyphen joins it to the name (`as-Sadr`), before another particle (`van
    /// der Westhuizen`), or, if it is no two-letter word (`at`, `as`), between a given name
    /// and a capitalized word (`Vincent van Gogh`, not `India at Partition`).
    fn is_particle(&self, t: usize) -> bool {
        let word = self.word(t);
        let next = self.tokens.get(t + 1);
        let between_names = || {
            word.len() > 2
                && t > 0
                && next.is_some()
                && self.is_capitalized(t + 1)
                && self.gazetteer.is_given_name(self.word(t - 1))
        };
        self.gazetteer.is_particle(word)
            && (!self.gazetteer.is_common_word(word)
                || (self.word(t + 1) == "-" && next.is_some_and(|n| !n.spaced))
                || (next.is_some() && self.gazetteer.is_particle(self.word(t + 1)))
                || between_names())
    }

    /// Where a group that starts with a person's name has its first `and` or `of`, if a name
    /// follows it that is more than a legal form (not `Arthur Yates and Co`). The person's
    /// name is a given name and other words, which may be towns' names (`Harvey`), but no
    /// organization's word or division's name.
    fn person_before_joiner(
        &self,
        group: &[(Range<usize>, Piece)],
        finds: &[Found],
    ) -> Option<usize> {
        let at = group
            .iter()
            .position(|(r, p)| *p == Piece::Joiner && matches!(self.word(r.start), "and" | "of"))?;
        let (person, rest) = (&group[..at], &group[at + 1..]);
        let word_of = |(r, _): &(Range<usize>, Piece)| without_periods(self.word(r.start));
        let name_word = |piece: &(Range<usize>, Piece)| {
            let town = match piece.1 {
                Piece::Word => true,
                Piece::Known(f) => finds[f]
                    .targets
                    .iter()
                    .all(|&t| matches!(t, Target::Place(_)) && !self.is_country_or_division(t)),
                _ => false,
            };
            town && piece.0.len() == 1 && self.gazetteer.org_word(word_of(piece)).is_none()
        };
        let is_person = person.len() >= 2
            && self.gazetteer.is_given_name(word_of(&person[0]))
            && person.iter().all(name_word);
        let legal_form_only = match rest {
            [piece] => self.gazetteer.org_word(word_of(piece)).is_some(),
            _ => false,
        };
        (is_person && !legal_form_only).then_some(at)
    }

    /// Whether token `t` is a word of letters and digits: a model or a code (`A350`, `Q2`).
    fn is_code(&self, t: usize) -> bool {
        self.tokens[t].code
    }

    /// Whether token `t` is a word in camel case, as brands are written: `iPod`, `eBay`.
    fn is_camel_case(&self, t: usize) -> bool {
        let mut letters = self.word(t).chars();
        self.tokens[t].kind == TokKind::Word
            && letters.next().is_some_and(char::is_lowercase)
            && letters.next().is_some_and(char::is_uppercase)
    }

    /// Whether token `t` designates a model: a code (`A380`), or a number of three digits that
    /// no other number follows, as in results tables and scores (`787`; not `Honda 178 6.` or
    /// `beat Shell 120-103`).
    fn is_model(&self, seg: Range<usize>, t: usize) -> bool {
        if !seg.contains(&t) {
            return false;
        }
        if self.is_code(t) {
            return true;
        }
        let word = self.word(t);
        let number = |t: usize| seg.contains(&t) && self.tokens[t].kind == TokKind::Number;
        let score = seg.contains(&(t + 1)) && self.word(t + 1) == "-" && number(t + 2);
        number(t)
            && word.len() == 3
            && word.bytes().all(|b| b.is_ascii_digit())
            && !number(t + 1)
            && !score
    }

    /// Whether `pieces`, ending before token `end`, are a company's name written before one of
    /// its models: `Airbus A380`, `Boeing 787`.
    fn is_maker_of_model(
        &self,
        seg: Range<usize>,
        pieces: &[(Range<usize>, Piece)],
        finds: &[Found],
        end: usize,
    ) -> bool {
        let [(_, Piece::Known(f))] = pieces else {
            return false;
        };
        let company = finds[*f]
            .targets
            .iter()
            .all(|&t| self.gazetteer.is_company(t));
        company && self.is_model(seg, end)
    }

    /// The token after the model at token `t` and the rest of its name: the number after a
    /// hyphen (`A330-200`, `737-800`) and the capitalized words no gazetteer knows (`A350
    /// XWB`, `787 Dreamliner`).
    fn after_model(
        &self,
        seg: Range<usize>,
        t: usize,
        find_at: &[Option<(usize, usize)>],
    ) -> usize {
        let mut t = t + 1;
        let joined = |t: usize| seg.contains(&t) && !self.tokens[t].spaced;
        if joined(t) && self.word(t) == "-" && joined(t + 1) {
            t += 2;
        }
        while t < seg.end
            && find_at[t - seg.start].is_none()
            && self.tokens[t].kind == TokKind::Word
            && self.is_capitalized(t)
        {
            t += 1;
        }
        t
    }

    /// Whether token `t` is a unit right after a number: `8 GB`, `600 MW`.
    fn is_unit_of_number(&self, t: usize) -> bool {
        t > 0
            && self.tokens[t - 1].kind == TokKind::Number
            && self.tokens[t].kind == TokKind::Word
            && self.gazetteer.is_unit_word(self.word(t))
    }

    /// Whether the pieces are a saint's name: `St.`, `St` or `Saint`, and one word.
    fn follows_saint(&self, pieces: &[(Range<usize>, Piece)]) -> bool {
        match pieces {
            [.., (saint, Piece::Word), (name, Piece::Word)] => {
                saint.len() == 1
                    && name.len() == 1
                    && matches!(self.word(saint.start), "St." | "St" | "Saint")
            }
            _ => false,
        }
    }

    /// A country, or a first-level division (`Texas`, `Queensland`).
    fn is_country_or_division(&self, target: Target) -> bool {
        matches!(target, Target::Place(p)
            if matches!(self.gazetteer.places[p as usize].kind, PlaceKind::Country | PlaceKind::Admin1))
    }

    /// Whether a capitalized word cannot start a name (`The`, `Monday`); a letter with a
    /// full stop is an initial whatever the letter (`A. Giles`, not the article `A`).
    fn is_not_name_start(&self, word: &str) -> bool {
        let initial = word.len() == 2 && word.ends_with('.');
        !initial && self.gazetteer.is_not_name(without_periods(word))
    }

    /// Whether the one-word title found at `title` is a word of a name, not a person's title:
    /// after a given name with no name after it, it is the surname (`John Major says`); right
    /// before an organization's last word, it starts the organization's name (`Major League
    /// Baseball`, `General Assembly`). `pieces` are those read so far.
    fn title_is_name_word(
        &self,
        seg: Range<usize>,
        title: Range<usize>,
        find_at: &[Option<(usize, usize)>],
        pieces: &[(Range<usize>, Piece)],
    ) -> bool {
        if title.len() != 1 {
            return false;
        }
        let (t, next) = (title.start, title.end);
        let after_given_name = match pieces {
            [(r, Piece::Word)] | [.., (_, Piece::Title), (r, Piece::Word)] => {
                r.len() == 1 && self.gazetteer.is_given_name(self.word(r.start))
            }
            _ => false,
        };
        let surname = after_given_name
            && self.is_capitalized(t)
            && !self.name_follows(next, seg.end, find_at, seg.start);
        let before_organization_end = seg.contains(&next)
            && find_at[next - seg.start].is_none()
            && self.is_capitalized(next)
            && self.gazetteer.ends_organization(self.word(next));
        surname || before_organization_end
    }

    fn is_capitalized(&self, t: usize) -> bool {
        self.tokens[t].capitalized
    }

    /// Whether a name word (capitalized, or a gazetteer name) or a joiner leading to one starts
    /// at token `t`.
    fn name_follows(
        &self,
        t: usize,
        seg_end: usize,
        find_at: &[Option<(usize, usize)>],
        seg_start: usize,
    ) -> bool {
        // Look at most three tokens ahead, across joiners (`-`, `al`, `de`).
        for t in t..t + 3 {
            if t >= seg_end {
                return false;
            }
            if find_at[t - seg_start].is_some() {
                return true;
            }
            let tok = self.tokens[t];
            let word = &self.text[tok.range()];
            if tok.kind == TokKind::Word && self.is_capitalized(t) {
                return !self.is_not_name_start(word);
            }
            let joiner = (tok.kind == TokKind::Punct && word == "-")
                || matches!(word, "the" | "al" | "el" | "de" | "la" | "le")
                || self.is_particle(t);
            if !joiner {
                return false;
            }
        }
        false
    }

    /// Cuts a run into names at titles, joiners and known names, and classifies each.
    fn classify_run(
        &self,
        seg: Range<usize>,
        pieces: &[(Range<usize>, Piece)],
        finds: &[Found],
        shouting: bool,
        out: &mut Vec<Candidate>,
    ) {
        let mut after_title = false;
        // The first token of a title that is part of the name after it (`Mother Teresa`).
        let mut title_in_name = None;
        // The group being read is the pieces from here to the next title; no joiner starts it.
        let mut group_start = 0;
        for (i, piece) in pieces.iter().enumerate() {
            if piece.1 == Piece::Title {
                let before = out.len();
                let group = &pieces[group_start..i];
                self.classify_group(seg.clone(), group, finds, after_title, shouting, out);
                self.take_title_into_name(title_in_name, &mut out[before..]);
                group_start = i + 1;
                let titled_before = after_title;
                // A title right before a name marks a person; `Chief of Staff of …` does not.
                after_title = pieces.get(i + 1).is_some_and(|(_, p)| *p != Piece::Joiner);
                // `Granville County Fire Marshal Doug Logan`: the untitled name right before a
                // title of a person is where the person serves, not another person.
                if after_title && !titled_before {
                    for c in &mut out[before..] {
                        if c.class == Class::Named(Label::Person, None)
                            && c.tokens.end == piece.0.start
                        {
                            c.class = Class::Unknown;
                        }
                    }
                }
                let title =
                    &self.text[self.tokens[piece.0.start].start..self.tokens[piece.0.end - 1].end];
                title_in_name = (after_title && self.gazetteer.is_title_in_name(title))
                    .then_some(piece.0.start);
                continue;
            }
            if group_start == i && piece.1 == Piece::Joiner {
                group_start = i + 1;
            }
        }
        let before = out.len();
        let group = &pieces[group_start..];
        self.classify_group(seg, group, finds, after_title, shouting, out);
        self.take_title_into_name(title_in_name, &mut out[before..]);
    }

    /// Starts the person's name that follows a title written as part of it at the title
    /// (`Mother Teresa`); `found` are the candidates read right after the title.
    fn take_title_into_name(&self, title: Option<usize>, found: &mut [Candidate]) {
        let (Some(title), Some(first)) = (title, found.first_mut()) else {
            return;
        };
        if matches!(first.class, Class::Named(Label::Person, _)) {
            first.tokens.start = title;
            first.range.start = self.tokens[title].start;
        }
    }

    /// Classifies one group of pieces between titles; may cut it into several names.
    fn classify_group(
        &self,
        seg: Range<usize>,
        group: &[(Range<usize>, Piece)],
        finds: &[Found],
        after_title: bool,
        shouting: bool,
        out: &mut Vec<Candidate>,
    ) {
        let mut group = group;
        while group.last().is_some_and(|(_, p)| *p == Piece::Joiner) {
            group = &group[..group.len() - 1];
        }
        let Some(first) = group.first() else {
            return;
        };
        let sentence_initial = self.is_sentence_initial(seg.start, first.0.start);
        let group_start = (first.0.start, sentence_initial);
        let push = |out: &mut Vec<Candidate>, pieces: &[(Range<usize>, Piece)], class: Class| {
            self.push(seg.clone(), pieces, class, shouting, group_start, out);
        };

        // `Serb`, `Moslem`: a people or group, whatever town shares its name.
        if let [(r, piece)] = group {
            if r.len() == 1 && self.gazetteer.is_group_word(self.word(r.start)) {
                push(out, group, Class::Named(Label::Norp, None));
                return;
            }
            // One capitalized word that no gazetteer knows, as over a third of the groups are:
            // the tests below read several words, a joiner or a known name, and none applies.
            // Only a title before it tells what it is.
            if *piece == Piece::Word {
                let class = if after_title {
                    Class::Named(Label::Person, None)
                } else {
                    Class::Unknown
                };
                push(out, group, class);
                return;
            }
        }
        let words = self.group_words(group);
        let last_word = words.last;
        let is_head = |w: &str| self.gazetteer.ends_organization(w);
        // The gazetteer place or people the group names, asked only of the names that keep it.
        let contained = || {
            group.iter().find_map(|(_, p)| match p {
                Piece::Known(f) => finds[*f]
                    .targets
                    .iter()
                    .copied()
                    .find(|t| self.gazetteer.tells_country(*t)),
                _ => None,
            })
        };
        // Most groups have no joiner: they are searched for one once, with their words, not
        // again by each test of the joiners below.
        let joined = words.has_joiner;
        let joiner_where = |is: &dyn Fn(usize, &str) -> bool| {
            if !joined {
                return None;
            }
            let mut pieces = group.iter().enumerate();
            pieces.position(|(i, (r, p))| *p == Piece::Joiner && is(i, self.word(r.start)))
        };
        // `Bosnian Serb`, `Roman Catholic`, `Latin American`: a people or group with a word
        // that narrows it.
        // Not a person's name that ends like one (`Richard Finn`).
        let demonym_last = matches!(group.last(), Some((_, Piece::Known(f)))
            if finds[*f].targets.iter().all(|t| matches!(t, Target::Demonym(_))))
            && !self.gazetteer.is_given_name(words.first);
        if (2..=3).contains(&words.count)
            && !joined
            && !after_title
            && (self.gazetteer.is_group_word(last_word) || demonym_last)
        {
            push(out, group, Class::Named(Label::Norp, None));
            return;
        }
        // `World Cup`, `Islamic Revolution`, `Hurricane Katrina`: an event, which is no entity
        // of these kinds.
        // Asked only of names of several words, which are the fewer.
        let event_start = || {
            self.gazetteer
                .starts_event(words.count, words.first, words.second)
        };
        if words.count > 1 && (self.gazetteer.is_event_word(last_word) || event_start()) {
            push(out, group, Class::Event);
            return;
        }
        // `Douglas & Lomason`, `Marks & Spencer`: an ampersand joins the names on either side
        // into a firm's, up to any other joiner (`analyst John Casesa of Schroder Wertheim &
        // Co`).
        let is_joiner =
            |(r, p): &(Range<usize>, Piece)| *p == Piece::Joiner && self.word(r.start) != "&";
        if let Some(at) = joiner_where(&|_, word| word == "&") {
            let start = group[..at].iter().rposition(is_joiner).map_or(0, |j| j + 1);
            let end = group[at..]
                .iter()
                .position(is_joiner)
                .map_or(group.len(), |j| at + j);
            if start < at && at + 1 < end {
                if start > 0 {
                    self.classify_group(
                        seg.clone(),
                        &group[..start],
                        finds,
                        after_title,
                        shouting,
                        out,
                    );
                }
                push(
                    out,
                    &group[start..end],
                    Class::Named(Label::Org, contained()),
                );
                let rest = &group[end..];
                let rest = &rest[rest.iter().take_while(|(_, p)| *p == Piece::Joiner).count()..];
                if !rest.is_empty() {
                    self.classify_group(seg, rest, finds, false, shouting, out);
                }
                return;
            }
        }
        // `West Nile virus`, `Marburg virus`: a place that names a disease is no place here; a
        // country stays one (`United States flu season`).
        let before_disease = || {
            group
                .last()
                .is_some_and(|(r, _)| self.gazetteer.is_disease_word(self.word(r.end)))
        };
        let no_country = || {
            group.iter().all(|(_, p)| match p {
                Piece::Known(f) => finds[*f].targets.iter().all(|&t| {
                    matches!(t, Target::Place(_)) && !self.gazetteer.is_country_or_demonym(t)
                }),
                _ => true,
            })
        };
        // The group's own pieces are read first: the word after a group that holds no
        // gazetteer name is not looked up.
        if words.has_known && before_disease() && no_country() {
            push(out, group, Class::Event);
            return;
        }
        // One gazetteer name alone; after a title, a town's name is a person's (`President
        // Clinton`). A town named like an English word is no name when it only starts a
        // sentence (`To bat :`, `Can you`).
        if let [(r, Piece::Known(f))] = group {
            let targets = &finds[*f].targets;
            let towns = self.all_cities(&finds[*f]);
            if towns
                && sentence_initial
                && r.len() == 1
                && self.gazetteer.is_common_word(words.first)
                && !self.beside(seg.clone(), r.clone()).is_locative()
            {
                return;
            }
            let class = if after_title && towns {
                Class::Named(Label::Person, None)
            } else {
                Class::Known(targets.clone())
            };
            push(out, group, class);
            return;
        }
        // `Haiti and the Dominican Republic`, `Kisumu and Rift Valley`: two names, though the
        // last word is a place's or an organization's.
        if let Some(at) = joined.then(|| self.list_joiner(group, finds)).flatten() {
            let second = &group[at + 1..];
            let second = &second[second
                .iter()
                .take_while(|(_, p)| *p == Piece::Joiner)
                .count()..];
            self.classify_group(seg.clone(), &group[..at], finds, after_title, shouting, out);
            self.classify_group(seg, second, finds, false, shouting, out);
            return;
        }
        // An organization's name and words that are no person's: a part or product of it
        // (`Apple Computer`, `Boeing Commercial Airplanes`).
        if let [(_, Piece::Known(f)), rest @ ..] = group {
            let org = finds[*f]
                .targets
                .iter()
                .all(|t| matches!(t, Target::Org(_)));
            let words_only = !rest.is_empty() && rest.iter().all(|(_, p)| *p == Piece::Word);
            // `Airbus A380`, `Boeing KC-767`: a model of the maker's, whose name is the
            // maker's alone.
            let model = words_only
                && (self
                    .word(rest[0].0.start)
                    .contains(|c: char| c.is_ascii_digit())
                    || self.number_joined_at(group[group.len() - 1].0.end));
            if org && model {
                push(out, &group[..1], Class::Known(finds[*f].targets.clone()));
                return;
            }
            if org && words_only && !self.gazetteer.is_given_name(self.word(rest[0].0.start)) {
                push(out, group, Class::Named(Label::Org, None));
                return;
            }
        }
        // Words before an organization's name: its team or product (`Reynard Honda`,
        // `Penske Mercedes-Benz`).
        if let [(_, Piece::Word), .., (_, Piece::Known(f))] = group {
            let org = finds[*f]
                .targets
                .iter()
                .all(|t| matches!(t, Target::Org(_)));
            if org && !self.gazetteer.is_given_name(words.first) {
                push(out, group, Class::Named(Label::Org, None));
                return;
            }
        }
        // `Johnson Controls Inc and Lear Corp`: a legal form before `and` ends a firm's name.
        if let Some(at) = joiner_where(&|i, word| {
            word == "and"
                && i > 0
                && self.gazetteer.org_word(self.word(group[i - 1].0.end - 1))
                    == Some(OrgWord::Suffix)
        }) {
            self.classify_group(seg.clone(), &group[..at], finds, after_title, shouting, out);
            self.classify_group(seg, &group[at + 1..], finds, false, shouting, out);
            return;
        }
        // `Vancouver Sun`, `Irish Times`: a place's or a people's name and a newspaper's word;
        // not a place named like a word (`Airport Express`).
        if let [(_, Piece::Known(f)), (w, Piece::Word)] = group {
            let place_or_people = finds[*f].targets.iter().any(|t| match t {
                Target::Place(p) => {
                    self.gazetteer.places[*p as usize].kind != PlaceKind::Facility
                        && !self.gazetteer.is_common_word(words.first)
                }
                Target::Demonym(_) => true,
                _ => false,
            });
            if place_or_people
                && w.len() == 1
                && self.gazetteer.org_word(words.second) == Some(OrgWord::Press)
            {
                push(out, group, Class::Named(Label::Org, contained()));
                return;
            }
        }
        // An organization: its head word last (`Iranian Armed Forces`, `Acme Inc`), or first
        // before `of` (`Ministry of Defense`, `University of Texas`), or a word that starts
        // organizations' names first (`Air Canada`). The first word is looked up once for
        // both, and only where the last is no head word.
        let head_or_prefix_first = || match self.gazetteer.org_word(words.first) {
            Some(OrgWord::Prefix) => true,
            Some(OrgWord::Head | OrgWord::Suffix) => words.count > 2 && head_first_of(group, self),
            _ => false,
        };
        if words.count > 1 && (is_head(last_word) || head_or_prefix_first()) {
            // `James Harvey and Jennifer Hurley of the Moss Landing Marine Laboratories`: a
            // person's name first is no part of the organization after `and` or `of`.
            if let Some(at) = self.person_before_joiner(group, finds) {
                let rest = &group[at + 1..];
                let rest = &rest[rest.iter().take_while(|(_, p)| *p == Piece::Joiner).count()..];
                self.classify_group(seg.clone(), &group[..at], finds, after_title, shouting, out);
                self.classify_group(seg, rest, finds, false, shouting, out);
                return;
            }
            push(out, group, Class::Named(Label::Org, contained()));
            // `Iranian` in `Iranian Armed Forces` is a nationality mention of its own.
            for piece in group {
                if let Piece::Known(f) = piece.1 {
                    if let [demonym @ Target::Demonym(_)] = finds[f].targets[..] {
                        push(
                            out,
                            std::slice::from_ref(piece),
                            Class::Known(vec![demonym]),
                        );
                    }
                }
            }
            return;
        }
        // A place word: `Farah Province`, `Gulf of Mexico`.
        if words.count > 1 {
            let place_label = self
                .gazetteer
                .place_word(last_word)
                .or_else(|| {
                    let word_of = head_first_of(group, self);
                    word_of.then(|| self.gazetteer.place_word(words.first))?
                })
                .or_else(|| self.gazetteer.place_first_word(words.first));
            if let Some(label) = place_label {
                // `Box Elder School District`, `Metro Police District`: an organization's
                // district.
                let organization_before = words.count > 2
                    && self.gazetteer.org_word(words.second_last) == Some(OrgWord::Head);
                let label = if organization_before {
                    Label::Org
                } else {
                    label
                };
                push(out, group, Class::Named(label, contained()));
                return;
            }
        }
        // `Northern Virginia`, `Greater Cairo`: a part of the place, a place itself.
        if let [(_, Piece::Word), (_, Piece::Known(f))] = group {
            let place = finds[*f]
                .targets
                .iter()
                .find(|t| matches!(t, Target::Place(_)));
            if let (true, Some(&place)) = (self.gazetteer.is_place_modifier(words.first), place) {
                let label = super::link::label_of(self.gazetteer, place);
                push(out, group, Class::Named(label, Some(place)));
                return;
            }
        }
        // A word that is no given name before a city: a club or company named after it
        // (`Bayern Munich`, `Werder Bremen`), not a place (`Northern Virginia`).
        if let [(w, Piece::Word), (_, Piece::Known(f))] = group {
            let word = words.first;
            if self.all_cities(&finds[*f])
                && w.len() == 1
                && !self.gazetteer.is_given_name(word)
                && !self.gazetteer.is_place_modifier(word)
                && !self.gazetteer.is_not_name(word)
                && !is_initial(word)
            {
                push(out, group, Class::Named(Label::Org, contained()));
                return;
            }
        }
        // A city's name and a plural word: a team (`Sydney Bulldogs`, `Chicago Bulls`), even
        // when the city's name is also a given name.
        if let [(_, Piece::Known(f)), (w, Piece::Word)] = group {
            let word = words.second;
            if self.all_cities(&finds[*f])
                && w.len() == 1
                && super::link::is_plural(word)
                && self.gazetteer.is_common_word(word)
                && !self.gazetteer.is_surname(word)
            {
                push(out, group, Class::Named(Label::Org, contained()));
                return;
            }
        }
        // A town's, a region's or an organization's name right before a city's, with no comma
        // between: a club named after both (`Werder Bremen`, `Bayern Munich`, `Bayer
        // Leverkusen`); two places are written `Paris, Texas`.
        if let [(_, Piece::Known(a)), (_, Piece::Known(b))] = group {
            let towns_or_orgs = finds[*a].targets.iter().all(|t| match t {
                Target::Place(_) => !self.gazetteer.is_country_or_demonym(*t),
                Target::Org(_) => true,
                _ => false,
            });
            let city = finds[*b].targets.iter().any(|t| {
                matches!(t, Target::Place(p)
                    if self.gazetteer.places[*p as usize].kind == PlaceKind::City)
            });
            // `Marco Rubio`, `Campbell Paterson`: a given name and a surname that towns share.
            let person = after_title
                || (self.gazetteer.is_given_name(words.first)
                    && self.gazetteer.is_surname(last_word));
            if towns_or_orgs && city && person {
                push(out, group, Class::Named(Label::Person, None));
                return;
            }
            if towns_or_orgs && city && !self.gazetteer.is_place_modifier(words.first) {
                push(out, group, Class::Named(Label::Org, contained()));
                return;
            }
        }
        // Known names side by side, or a known name and then a person (`Supreme National
        // Security Council Ali Shamkhani`): each on its own.
        if let Some(cut) = self.cut_point(group, finds, after_title) {
            self.classify_group(
                seg.clone(),
                &group[..cut],
                finds,
                after_title,
                shouting,
                out,
            );
            self.classify_group(seg, &group[cut..], finds, false, shouting, out);
            return;
        }
        // Joiners that only organizations and places carry: `Iraq and Syria` is two names.
        if let Some(at) =
            joiner_where(&|_, word| matches!(word, "and" | "&" | "of" | "for" | "on" | "the"))
        {
            self.classify_group(seg.clone(), &group[..at], finds, after_title, shouting, out);
            self.classify_group(seg, &group[at + 1..], finds, false, shouting, out);
            return;
        }
        // A country's or a first-level division's name is part of no person's name, unless a
        // given name comes first (`Chad Smith`, `Georgia May Jagger`).
        let names_division = |piece: &(Range<usize>, Piece)| match piece.1 {
            Piece::Known(f) => finds[f]
                .targets
                .iter()
                .all(|&t| self.is_country_or_division(t)),
            _ => false,
        };
        // `Al-Minya`, `El-Arish`: an article joined to the name, not the given name `Al`.
        let article_first = matches!(group, [(r, Piece::Word), (hyphen, Piece::Joiner), ..]
            if r.len() == 1
                && self.word(hyphen.start) == "-"
                && self.gazetteer.is_particle(&words.first.to_ascii_lowercase()));
        let person = after_title
            || (words.count > 1
                && !self.follows_the(first.0.start)
                && !article_first
                && (self.gazetteer.is_given_name(words.first)
                    // Initials, not a known name written with full stops (`U.S. Transportation`).
                    || (is_initial(words.first) && !matches!(first.1, Piece::Known(_)))))
            || (joined
                && group.iter().enumerate().any(|(i, (r, p))| {
                    *p == Piece::Joiner
                        && self.is_particle(r.start)
                        && !group.get(i + 1).is_some_and(names_division)
                }));
        if person {
            push(out, group, Class::Named(Label::Person, None));
            return;
        }
        // A sentence's first word before a known name is rarely part of it: `Senior Iranian`.
        if sentence_initial && group.len() > 1 && matches!(group[1].1, Piece::Known(_)) {
            self.classify_group(seg, &group[1..], finds, false, shouting, out);
            return;
        }
        // Words before a country's or a division's name are an organization's (`Costco
        // Canada`, `Stade de France`). One after it may be a surname (`Ogun Temizkanoglu`).
        if group.last().is_some_and(names_division) {
            push(out, group, Class::Named(Label::Org, contained()));
            return;
        }
        push(out, group, Class::Unknown);
    }

    /// The words of a group as [`Recognizer::classify_group`] reads them: word tokens, without
    /// a final period; and the kinds of its pieces. Counted, not collected: a story has
    /// thousands of groups.
    fn group_words(&self, group: &[(Range<usize>, Piece)]) -> GroupWords<'_> {
        let mut words = GroupWords::default();
        // Most pieces are one token: the tokens are read piece by piece, with no iterator
        // chained over them.
        for (range, piece) in group {
            words.has_joiner |= *piece == Piece::Joiner;
            words.has_known |= matches!(piece, Piece::Known(_));
            for tok in &self.tokens[range.clone()] {
                if tok.kind != TokKind::Word {
                    continue;
                }
                let word = without_periods(&self.text[tok.range()]);
                match words.count {
                    0 => words.first = word,
                    1 => words.second = word,
                    _ => {}
                }
                words.second_last = words.last;
                words.last = word;
                words.count += 1;
            }
        }
        words
    }

    /// Where a group is two names joined by `and`: before `the` (`Haiti and the Dominican
    /// Republic`), or after a place the gazetteer knows (`Kisumu and Rift Valley`), unless an
    /// organization's head word ends the group (`Saint Peter and Saint Paul Coptic Orthodox
    /// Church`). Other organizations keep their `and` (`Ministry of Trade and Industry`), and
    /// firms their `&`.
    fn list_joiner(&self, group: &[(Range<usize>, Piece)], finds: &[Found]) -> Option<usize> {
        let at = group
            .iter()
            .position(|(r, p)| *p == Piece::Joiner && self.word(r.start) == "and")?;
        let before_the = group
            .get(at + 1)
            .is_some_and(|(r, p)| *p == Piece::Joiner && self.word(r.start) == "the");
        let place_first = matches!(group[0].1, Piece::Known(f)
            if finds[f].targets.iter().all(|t| matches!(t, Target::Place(_))));
        let last = group[group.len() - 1].0.end - 1;
        let organization_last = self.gazetteer.ends_organization(self.word(last));
        let after_place = at == 1 && place_first && !organization_last;
        (at > 0 && at + 1 < group.len() && (before_the || after_place)).then_some(at)
    }

    /// `-767` at token `t`, joined to the word before it: the rest of a model's name.
    fn number_joined_at(&self, t: usize) -> bool {
        let joined = |t: usize| self.tokens.get(t).is_some_and(|tok| !tok.spaced);
        self.word(t) == "-"
            && joined(t)
            && joined(t + 1)
            && self.tokens[t + 1].kind == TokKind::Number
    }

    /// Whether every place a gazetteer name may be is a city.
    fn all_cities(&self, found: &Found) -> bool {
        !found.targets.is_empty()
            && found.targets.iter().all(|t| {
                matches!(t, Target::Place(p)
                    if self.gazetteer.places[*p as usize].kind == PlaceKind::City)
            })
    }

    /// Whether a gazetteer name is only small towns' (cities that tell no country).
    fn is_small_town(&self, found: &Found) -> bool {
        found.targets.iter().all(|&t| match t {
            Target::Place(p) => {
                self.gazetteer.places[p as usize].kind == PlaceKind::City
                    && !self.gazetteer.tells_country(t)
            }
            _ => false,
        })
    }

    /// Whether a group is a person's name that starts with a given name a small town shares
    /// (`Lawrence Lindsey`, `Wayne Riley`) rather than several names: the words after it are
    /// unknown words, particles or small towns' names, and the last is a surname. No country,
    /// division, big city or people is among them.
    fn is_person_of_towns(&self, group: &[(Range<usize>, Piece)], finds: &[Found]) -> bool {
        let [(first, Piece::Known(a)), rest @ ..] = group else {
            return false;
        };
        let small_towns = |f: &Found| self.is_small_town(f);
        let name_part = |(r, piece): &(Range<usize>, Piece)| {
            r.len() == 1
                && match piece {
                    Piece::Word => true,
                    Piece::Known(f) => {
                        small_towns(&finds[*f]) || self.gazetteer.is_particle(self.word(r.start))
                    }
                    Piece::Joiner => self.is_particle(r.start),
                    Piece::Title => false,
                }
        };
        let Some((last, _)) = rest.last() else {
            return false;
        };
        first.len() == 1
            && rest.len() <= 3
            && rest.iter().all(name_part)
            && self.gazetteer.is_given_name(self.word(first.start))
            && self.gazetteer.is_surname(self.word(last.start))
            && small_towns(&finds[*a])
    }

    /// Where a group holds a gazetteer name followed by more words that start a person's
    /// name, or several gazetteer names: the piece index to cut at. After a title, a given
    /// name and a small town's name are a person's (`Sen. Marco Rubio of Florida`).
    fn cut_point(
        &self,
        group: &[(Range<usize>, Piece)],
        finds: &[Found],
        after_title: bool,
    ) -> Option<usize> {
        if self.is_person_of_towns(group, finds) {
            return None;
        }
        let given_name_at = |i: usize| {
            group.get(i).is_some_and(|(r, _)| {
                r.len() == 1 && self.gazetteer.is_given_name(self.word(r.start))
            })
        };
        let titled_person = after_title
            && given_name_at(0)
            && matches!(group.get(1), Some((r, Piece::Known(f)))
                if r.len() == 1 && self.is_small_town(&finds[*f]));
        // `Mary Joe Fernandez`: a place's name that is a given name too, another given name
        // and a surname are one person's (not `German Anke Huber`, `Taylor Asset Managers`).
        let two_given_names = match group {
            [(_, Piece::Known(f)), (_, Piece::Word), (last, Piece::Word)] => {
                finds[*f]
                    .targets
                    .iter()
                    .all(|t| matches!(t, Target::Place(_)))
                    && given_name_at(0)
                    && given_name_at(1)
                    && !self.gazetteer.is_common_word(self.word(last.start))
            }
            _ => false,
        };
        if two_given_names {
            return None;
        }
        // `Abu Ammar`: a particle that a town's name shares starts a person's name.
        let particle_first = matches!(group, [(r, Piece::Known(_)), (_, Piece::Word), ..]
            if r.len() == 1
                && self.gazetteer.is_particle(&self.word(r.start).to_ascii_lowercase()));
        let known = |p: &Piece| matches!(p, Piece::Known(_));
        for i in (if titled_person || particle_first {
            2
        } else {
            1
        })..group.len()
        {
            let (before, after) = (&group[i - 1].1, &group[i].1);
            let after_word = self.word(group[i].0.start);
            let person_starts = *after == Piece::Word && self.gazetteer.is_given_name(after_word);
            let demonym_before = matches!(before, Piece::Known(f) if finds[*f].targets.iter().all(|t| matches!(t, Target::Demonym(_))));
            if known(before) && (known(after) || (person_starts && !demonym_before)) {
                return Some(i);
            }
            // An organization's head word followed by a person: `Council Ali Shamkhani`.
            // The head word is looked up only before a given name, which most words are not.
            if *before == Piece::Word
                && person_starts
                && self.gazetteer.org_word(self.word(group[i - 1].0.start)) == Some(OrgWord::Head)
            {
                return Some(i);
            }
            if demonym_before && person_starts {
                return Some(i);
            }
        }
        None
    }

    /// Adds the name that `pieces` make up. `group_start` is the first token of the group
    /// they are cut from and whether it starts a sentence, already known for the names that
    /// start there, as most do.
    fn push(
        &self,
        seg: Range<usize>,
        pieces: &[(Range<usize>, Piece)],
        class: Class,
        shouting: bool,
        group_start: (usize, bool),
        out: &mut Vec<Candidate>,
    ) {
        let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
            return;
        };
        let tokens = first.0.start..last.0.end;
        let range = self.tokens[tokens.start].start..self.tokens[tokens.end - 1].end;
        let beside = self.beside(seg.clone(), tokens.clone());
        let sentence_initial = match group_start {
            (start, initial) if start == tokens.start => initial,
            _ => self.is_sentence_initial(seg.start, tokens.start),
        };
        // The word before may be the previous segment's.
        let after_the = match beside.word_before {
            Some(word) => word.eq_ignore_ascii_case("the"),
            None => self.follows_the(tokens.start),
        };
        out.push(Candidate {
            sentence_initial,
            after_the,
            team_position: beside.is_team_position(),
            locative: beside.is_locative(),
            cue: self.cue(seg.clone(), tokens.clone(), beside).or_else(|| {
                // `20-year-old Tiger Woods`; not a known place's name, which may stand for
                // where the person is from (`a 40-year-old Missouri woman`).
                let unknown = !matches!(class, Class::Known(_));
                (unknown && self.after_age(seg.clone(), tokens.start)).then_some(Cue::PersonBefore)
            }),
            range,
            tokens,
            class,
            shouting,
            abbreviates: None,
        });
    }

    /// The words right before and right after a name at `tokens`, and what they cue.
    fn beside(&self, seg: Range<usize>, tokens: Range<usize>) -> Beside<'_> {
        // The word at token `t` of the segment and its cue. Every cue is a word: the marks and
        // numbers beside a name are not looked up.
        let word_and_cue = |t: usize| {
            let word = seg.contains(&t).then(|| self.word(t))?;
            let is_word = self.tokens[t].kind == TokKind::Word;
            Some((word, is_word.then(|| self.gazetteer.cue(word)).flatten()))
        };
        let before = tokens.start.checked_sub(1).and_then(word_and_cue);
        let after = word_and_cue(tokens.end);
        let figure_after = after.is_some() && self.tokens[tokens.end].kind == TokKind::Number;
        let ordinal_after = figure_after && self.is_ordinal_figure(tokens.end);
        let number_after = figure_after && !ordinal_after;
        Beside {
            word_before: before.map(|(word, _)| word),
            word_after: after.map(|(word, _)| word),
            before: before.and_then(|(_, cue)| cue),
            after: after.and_then(|(_, cue)| cue),
            number_after,
            date_after: number_after && self.is_date(tokens.end),
            ordinal_after,
        }
    }

    /// Whether the number at token `t` starts a date as datelines write it, `1996-08-30`; a
    /// score does not (`Surrey 429-7`).
    fn is_date(&self, t: usize) -> bool {
        self.word(t).len() == 4
            && self.word(t + 1) == "-"
            && self
                .tokens
                .get(t + 2)
                .is_some_and(|n| n.kind == TokKind::Number)
    }

    /// A person's age between commas starts at token `t`: `Duran , 45 , takes on`. `word` is
    /// the word at `t`.
    fn before_age(&self, seg: Range<usize>, t: usize, word: &str) -> bool {
        let age = t + 1;
        word == ","
            && seg.contains(&(age + 1))
            && self.word(age + 1) == ","
            && self.tokens[age].kind == TokKind::Number
            && self.word(age).parse::<u8>().is_ok_and(|years| years < 120)
    }

    /// Whether the words of the segment before token `t` end with an age: `20-year-old`.
    fn after_age(&self, seg: Range<usize>, t: usize) -> bool {
        // Every character but spaces is in a token: the text before `t` ends with the token
        // before it, which ends with `old` if it ends with the age.
        if t == seg.start {
            return false;
        }
        let last = self.word(t - 1).as_bytes();
        if last.len() < 3 || !last[last.len() - 3..].eq_ignore_ascii_case(b"old") {
            return false;
        }
        let start = self.tokens[seg.start].start;
        let before = self.text[start..self.tokens[t].start].trim_end().as_bytes();
        let age = b"-year-old";
        before.len() > age.len() && before[before.len() - age.len()..].eq_ignore_ascii_case(age)
    }

    /// Whether token `t` is an ordinal in figures: `15th`, `2nd` (a number and its suffix).
    fn is_ordinal_figure(&self, t: usize) -> bool {
        let suffix = t + 1;
        self.tokens
            .get(t)
            .is_some_and(|tok| tok.kind == TokKind::Number)
            && self.tokens.get(suffix).is_some_and(|tok| !tok.spaced)
            && matches!(self.word(suffix), "st" | "nd" | "rd" | "th")
    }

    /// Whether the ordinal at token `t` (`15th`), right after a name, is the minute a scorer
    /// scored in, as match reports list goals: `( Driller 15th , Trulsen 54th min )`,
    /// `Sobotzik 67th penalty`.
    fn is_scoring_minute(&self, seg: Range<usize>, t: usize) -> bool {
        let after = t + 2;
        !seg.contains(&after)
            || matches!(
                self.word(after),
                ")" | "," | ";" | "min" | "minute" | "pen" | "penalty"
            )
    }

    fn follows_the(&self, t: usize) -> bool {
        t > 0 && self.word(t - 1).eq_ignore_ascii_case("the")
    }

    /// The first word of the segment, or of a quotation or bracket inside it.
    fn is_sentence_initial(&self, seg_start: usize, t: usize) -> bool {
        // Only marks open quotations and brackets (a bare apostrophe may be a possessive's):
        // the text of words and numbers is not compared.
        let opens = |tok: &Tok| {
            matches!(tok.kind, TokKind::Punct | TokKind::Possessive)
                && matches!(&self.text[tok.range()], "\"" | "“" | "‘" | "'" | "(" | "[")
        };
        let before = self.tokens[seg_start..t]
            .iter()
            .rev()
            .find(|tok| !opens(tok));
        match before {
            None => true,
            Some(tok) => {
                t - seg_start <= 3
                    && matches!(
                        &self.text[tok.range()],
                        ":" | "—" | "–" | "-" | "." | "?" | "!"
                    )
            }
        }
    }

    fn cue(&self, seg: Range<usize>, tokens: Range<usize>, beside: Beside) -> Option<Cue> {
        let word_at = |t: usize| -> Option<&str> {
            (seg.contains(&t)).then(|| &self.text[self.tokens[t].range()])
        };
        if let Some(after) = beside.word_after {
            if self.before_age(seg.clone(), tokens.end, after) {
                return Some(Cue::Age);
            }
        }
        if beside.ordinal_after && self.is_scoring_minute(seg.clone(), tokens.end) {
            return Some(Cue::PersonAfter);
        }
        if let Some(after) = beside.word_after {
            let cue = match after {
                "-" => word_at(tokens.end + 1).and_then(|w| self.gazetteer.cue(w)),
                "," | "'s" | "’s" => None,
                _ => beside.after,
            };
            // Only the cues that follow what they mark: `in` after a name (`Glowacki in the
            // park`) points to the next one.
            if let Some(cue @ (Cue::PersonAfter | Cue::PlaceAfter)) = cue {
                return Some(cue);
            }
        }
        let before = beside.word_before?;
        let place_noun_of = before == "of"
            && tokens
                .start
                .checked_sub(2)
                .and_then(word_at)
                .and_then(|w| self.gazetteer.cue(w))
                .is_some_and(|c| matches!(c, Cue::PlaceNoun | Cue::PlaceAfter));
        if place_noun_of {
            return Some(Cue::PlaceBefore);
        }
        beside
            .before
            .filter(|c| matches!(c, Cue::PlaceBefore | Cue::PersonBefore))
    }

    /// `Young Journalists Club (YJC)`: a word in capitals in brackets right after a candidate,
    /// whose letters are the initials of the candidate's capitalized words.
    /// `first` is the segment's first candidate.
    fn find_abbreviations(&self, seg: Range<usize>, first: usize, out: &mut [Candidate]) {
        for i in first.max(1)..out.len() {
            let (short, long) = (&out[i], &out[i - 1]);
            let t = short.tokens.start;
            let bracketed = t >= seg.start + 2
                && short.tokens.len() == 1
                && self.word(t - 1) == "("
                && long.tokens.end == t - 1
                && self
                    .tokens
                    .get(t + 1)
                    .is_some_and(|_| self.word(t + 1) == ")");
            if !bracketed {
                continue;
            }
            let initials: String = long
                .tokens
                .clone()
                .map(|t| self.word(t))
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .filter_map(|w| w.chars().next())
                .collect();
            let acronym = self.word(t);
            let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.len() >= 2 && is_subsequence(&letters, &initials) {
                out[i].abbreviates = Some(out[i - 1].range.start);
            }
        }
    }

    fn word(&self, t: usize) -> &str {
        self.tokens.get(t).map_or("", |tok| &self.text[tok.range()])
    }
}

/// Whether the group starts `Word of …`.
fn head_first_of(group: &[(Range<usize>, Piece)], recognizer: &Recognizer<'_>) -> bool {
    group
        .get(1)
        .is_some_and(|(r, _)| recognizer.word(r.start) == "of")
}

/// The word without the periods it ends with (`Inc.`, `U.S.`). Most words end with none, and
/// are returned as they are, not searched from their end.
fn without_periods(word: &str) -> &str {
    if word.ends_with('.') {
        word.trim_end_matches('.')
    } else {
        word
    }
}

/// `P`, `J.R`: a person's initials.
fn is_initial(word: &str) -> bool {
    !word.is_empty()
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase))
}

/// Whether `short` starts with the first letter of `long` and every letter of it appears in
/// `long` in order (case-insensitive).
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut long = long.chars().flat_map(char::to_uppercase).peekable();
    let mut short = short.chars().flat_map(char::to_uppercase).peekable();
    if short.peek() != long.peek() {
        return false;
    }
    short.all(|c| long.any(|l| l == c))
}
