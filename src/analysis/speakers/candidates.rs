//! Who may have said a quotation: the candidates gathered around its cue from the
//! [`Context`] — the salient people (subjects of speech verbs, people introduced as
//! speakers, earlier speakers), the people named in the paragraphs before, the
//! mention the cue names, and, where the speaker may be a group or for the
//! inspector's full list, organisations and unnamed sources — ranked by
//! [`antecedents`](super::antecedents).

use super::super::entity::Label;
use super::super::language::Language;
use super::super::quotes::unnamed::is_one_person_source;
use super::antecedents::{rank_seen, Seen, MAX_CANDIDATE_MENTIONS, MAX_PARAGRAPHS_BACK};
use super::candidate_features::CandidateKind;
use super::coreference::Context;
use super::gender::{is_plural_source, Pronoun};
use super::names::{in_possessive, Mention};
use super::ranker::{Scored, SpeakerWeights};

/// Entities looked back over for organisations and unnamed sources.
const MAX_OTHER_ENTITIES: usize = 48;

/// What is asked: who spoke the quotation whose speaker stands at `pos`.
#[derive(Debug, Clone, Copy)]
pub struct Query {
    /// Char offset the candidates are counted back from (the quote's start, or its
    /// cue where that comes first).
    pub pos: usize,
    /// The word standing for the speaker.
    pub pronoun: Pronoun,
    /// The mention the cue names, if it names one.
    pub named: Option<Mention>,
    /// Organisations and unnamed sources too, and people beyond the paragraphs a
    /// pronoun reaches (the inspector's full list); `they` asks for groups as well.
    pub wide: bool,
}

impl Context<'_> {
    /// The candidates for `query`, best first.
    pub fn ranked(&self, query: &Query, weights: &SpeakerWeights) -> Vec<Scored<Mention>> {
        self.ranked_with(query, weights, Vec::new())
    }

    /// [`Context::ranked`] with more candidates seen (`more`, in any order).
    pub(super) fn ranked_with(&self, query: &Query, weights: &SpeakerWeights, more: Vec<Seen>) -> Vec<Scored<Mention>> {
        self.ranked_going_on(query, weights, more, None)
    }

    /// [`Context::ranked_with`], knowing who the next sentence says goes on speaking.
    pub(super) fn ranked_going_on(
        &self,
        query: &Query,
        weights: &SpeakerWeights,
        more: Vec<Seen>,
        goes_on: Option<Mention>,
    ) -> Vec<Scored<Mention>> {
        let mut seen = self.seen_people(query);
        if query.wide || query.pronoun == Pronoun::They {
            self.seen_groups(query, &mut seen);
        }
        seen.extend(more);
        // Nearest first, as the ranking breaks ties by nearness.
        seen.sort_by_key(|s| std::cmp::Reverse(s.at));
        if let Some(m) = query.named {
            self.add_named(query, m, &mut seen);
        }
        if let Some(m) = goes_on {
            self.add_going_on(query, m, &mut seen);
        }
        rank_seen(self.doc, self.lex, &seen, query.pronoun, weights)
    }

    /// The best candidate for a quote starting at `pos` whose cue (a token) names no
    /// one the name reader could read (`kata mereka`), or that has no cue.
    pub fn best_candidate(&self, pos: usize, cue: Option<usize>, weights: &SpeakerWeights) -> Option<Mention> {
        let pronoun = cue.map_or(Pronoun::None, |t| Pronoun::around_cue(self.doc, self.lex, t));
        let query = Query { pos, pronoun, named: None, wide: false };
        self.ranked(&query, weights).first().map(|s| s.who)
    }

    fn span_of(&self, m: Mention) -> Option<(usize, usize)> {
        match m {
            Mention::Entity(i) => self.index.entities.get(i).map(|e| (e.start, e.end)),
            Mention::New { start, end } | Mention::Cut { start, end } | Mention::Source { start, end } => {
                Some((start, end))
            }
        }
    }

    fn kind_of(&self, m: Mention) -> CandidateKind {
        let source = |start: usize, end: usize| {
            let (a, b) = (self.doc.token_at_or_after(start), self.doc.token_at_or_after(end));
            if is_one_person_source(self.doc, a, b) {
                return CandidateKind::Person;
            }
            CandidateKind::Source { plural: is_plural_source(self.doc, a, b) }
        };
        match m {
            Mention::Entity(i) => match self.index.entities.get(i) {
                Some(e) if e.is(Label::Org) || e.is(Label::Loc) => CandidateKind::Organisation,
                Some(e) if e.is(Label::Source) => source(e.start, e.end),
                _ => CandidateKind::Person,
            },
            Mention::Source { start, end } => source(start, end),
            Mention::New { .. } | Mention::Cut { .. } => CandidateKind::Person,
        }
    }

    fn sentence_at(&self, pos: usize) -> usize {
        let t = self.doc.token_at_or_after(pos).min(self.doc.tokens.len().saturating_sub(1));
        self.doc.sentence_of(t).unwrap_or(0)
    }

    /// The mention `who` seen at char `at` (its end, or the end of the quote it
    /// spoke), seen from `query`; none beyond reach.
    pub(super) fn seen(&self, query: &Query, who: Mention, at: Option<usize>, salient: bool) -> Option<Seen> {
        let (start, end) = self.span_of(who)?;
        let at = at.unwrap_or(end);
        // A paragraph opening at the quote itself is counted: `pos + 1`.
        let paragraphs_back = self.paragraphs.between(&self.doc.chars, at, query.pos + 1);
        if paragraphs_back > MAX_PARAGRAPHS_BACK && !query.wide {
            return None;
        }
        let sentences_back = self.sentence_at(query.pos).saturating_sub(self.sentence_at(at.saturating_sub(1)));
        Some(Seen {
            who,
            start,
            end,
            at,
            kind: self.kind_of(who),
            salient,
            last_speaker: false,
            last_direct_speaker: false,
            paragraph_speaker: false,
            named: false,
            goes_on: false,
            paragraphs_back,
            sentences_back,
        })
    }

    /// The salient people and the people named outside direct quotes before `query.pos`.
    fn seen_people(&self, query: &Query) -> Vec<Seen> {
        let pos = query.pos;
        let last_speaker = self.salient.last_speaker(pos);
        let last_direct = self.salient.last_direct_speaker(pos);
        let in_paragraph = self.paragraph_speakers(pos);
        let mut seen: Vec<Seen> = Vec::new();
        for (at, who) in self.salient.latest(pos).take(MAX_CANDIDATE_MENTIONS) {
            if let Some(mut s) = self.seen(query, who, Some(at), true) {
                s.last_speaker = Some(who) == last_speaker;
                s.last_direct_speaker = Some(who) == last_direct;
                s.paragraph_speaker = in_paragraph.contains(&who);
                seen.push(s);
            }
        }
        let k = self.unquoted.partition_point(|&i| self.index.entities.get(i).is_some_and(|e| e.end <= pos));
        for &i in self.unquoted.get(k.saturating_sub(MAX_CANDIDATE_MENTIONS)..k).unwrap_or(&[]).iter().rev() {
            // A salient mention is already in, where it stands.
            let listed = |s: &Seen| s.who == Mention::Entity(i) && s.at == s.end;
            if !seen.iter().any(listed) && !self.is_possessor(i) {
                seen.extend(self.seen(query, Mention::Entity(i), None, false));
            }
        }
        seen
    }

    /// `Mr. Tribe’s client`: a name in the possessive (its `'s` split off, in English)
    /// tells whose something is; it is no mention of a person who then speaks.
    fn is_possessor(&self, i: usize) -> bool {
        if self.doc.language != Language::English {
            return false;
        }
        self.index.entities.get(i).is_some_and(|e| in_possessive(self.doc, e))
    }

    /// Speakers of quotes ending in `pos`'s paragraph before it.
    fn paragraph_speakers(&self, pos: usize) -> Vec<Mention> {
        let spoken = self.salient.spoken_before(pos);
        let same = |&&(end, _): &&(usize, Mention)| self.paragraphs.between(&self.doc.chars, end, pos + 1) == 0;
        spoken.iter().rev().take_while(same).map(|&(_, who)| who).collect()
    }

    /// Organisations and unnamed sources ending before `query.pos` (and, for the
    /// inspector, people the name filter of the context leaves out).
    fn seen_groups(&self, query: &Query, seen: &mut Vec<Seen>) {
        let entities = self.index.entities;
        let k = entities.partition_point(|e| e.end <= query.pos);
        let from = k.saturating_sub(MAX_OTHER_ENTITIES);
        for i in (from..k).rev() {
            let Some(e) = entities.get(i).filter(|e| e.start >= self.headline_end) else { continue };
            let group = e.is(Label::Org) || e.is(Label::Source);
            let person = query.wide && e.is(Label::Person) && !seen.iter().any(|s| s.who == Mention::Entity(i));
            if group || person {
                seen.extend(self.seen(query, Mention::Entity(i), None, false));
            }
        }
    }

    /// The person who goes on speaking in the next sentence, marked; a mention after
    /// the quotation, it joins the earlier mentions of its name when ranked, else
    /// stands last (furthest), as it was named after the cue.
    fn add_going_on(&self, query: &Query, m: Mention, seen: &mut Vec<Seen>) {
        let wide = Query { wide: true, ..*query };
        if let Some(mut s) = self.seen(&wide, m, None, true) {
            s.goes_on = true;
            seen.push(s);
        }
    }

    /// The mention the cue names, marked, whether or not it was seen before.
    fn add_named(&self, query: &Query, m: Mention, seen: &mut Vec<Seen>) {
        let mut marked = false;
        for s in seen.iter_mut().filter(|s| s.who == m) {
            s.named = true;
            marked = true;
        }
        if !marked {
            let wide = Query { wide: true, ..*query };
            if let Some(mut s) = self.seen(&wide, m, None, true) {
                s.named = true;
                seen.insert(0, s);
            }
        }
    }
}
