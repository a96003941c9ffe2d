//! What a `they` (`mereka`) written as a speaker stands for: a group named just
//! before — an organisation, an unnamed source that spoke (`Officials said …`), or
//! a plural unnamed group named in passing (`The police closed the road.`, `para
//! nelayan`) — in the same or the previous paragraph. Without one the `they` stays an unnamed source:
//! `They say …` at the head of an article is the generic, unnamed "they".

use super::super::quotes::unnamed::is_plural;
use super::super::tokenizer::TokenKind;
use super::candidate_features::{Agreement, CandidateKind};
use super::candidates::Query;
use super::coreference::Context;
use super::gender::{is_plural_source_word, Pronoun};
use super::names::Mention;
use super::ranker::{Scored, SpeakerWeights};

/// Paragraphs a `they` reaches back: its own and the one before.
const MAX_GROUP_PARAGRAPHS: u32 = 1;
/// Tokens looked back over for a group named in passing.
const MAX_GROUP_TOKENS: usize = 80;
/// The Indonesian marker of a plural of people (`para pejabat`).
const PLURAL_MARKER: &str = "para";
/// Determiners kept with a group's noun (`the police`, `para pejabat`).
const GROUP_DETERMINERS: &[&str] = &["the", "para", "many", "some", "several"];

/// Is the word a pronoun that stands for a group (`they`, `mereka`)?
pub fn is_group_pronoun(low: &str) -> bool {
    matches!(low, "they" | "mereka")
}

impl Context<'_> {
    /// The group a `they` written as the speaker at char `pos` refers to: the best
    /// ranked candidate that agrees with `they` (an organisation or a plural unnamed
    /// source) within [`MAX_GROUP_PARAGRAPHS`]; none when the text names no group nearby.
    pub fn group_antecedent(&self, pos: usize, weights: &SpeakerWeights) -> Option<Mention> {
        let query = Query { pos, pronoun: Pronoun::They, named: None, wide: false };
        let mut more = Vec::new();
        for (at, who, last) in self.group_speakers_before(pos) {
            if let Some(mut s) = self.seen(&query, who, Some(at), true) {
                s.last_speaker = last;
                more.push(s);
            }
        }
        more.extend(self.groups_named_before(pos).into_iter().filter_map(|who| self.seen(&query, who, None, false)));
        let ranked = self.ranked_with(&query, weights, more);
        ranked.iter().find(|s| self.may_be_they(s)).map(|s| s.who)
    }

    /// A candidate that `they` may stand for: a group near enough, and, for an
    /// organisation, one that spoke or whose name is a plural (`Democrats`): news
    /// writes `it` for a singular organisation that has not spoken.
    fn may_be_they(&self, s: &Scored<Mention>) -> bool {
        let f = &s.features;
        let near = f.paragraphs_back <= MAX_GROUP_PARAGRAPHS && f.agreement == Agreement::Agrees;
        let organisation = f.kind == Some(CandidateKind::Organisation);
        near && (!organisation || f.speech_subject || self.plural_name(s.who))
    }

    /// Is the mention's last word a plural (`House Democrats`, `the Harbour Pilots`)?
    fn plural_name(&self, who: Mention) -> bool {
        let Mention::Entity(i) = who else { return false };
        let Some(e) = self.index.entities.get(i) else { return false };
        let last = self.doc.token_at_or_after(e.end).checked_sub(1);
        last.is_some_and(|t| is_plural(self.doc.low(t)))
    }

    /// Groups that spoke before `pos` (latest first), with whether the latest of them
    /// spoke after every person that did (the last speaker).
    pub(super) fn group_speakers_before(&self, pos: usize) -> impl Iterator<Item = (usize, Mention, bool)> + '_ {
        let k = self.group_speakers.partition_point(|&(e, _)| e <= pos);
        let last_person = self.salient.last_spoken_end(pos);
        let spoken = self.group_speakers.get(..k).unwrap_or(&[]);
        spoken
            .iter()
            .rev()
            .enumerate()
            .map(move |(n, &(at, who))| (at, who, n == 0 && last_person.is_none_or(|p| at >= p)))
    }

    /// `para nelayan`, `para guru`: Indonesian marks a plural of people with `para`,
    /// so a lower-case noun right after it names a group, whether listed or not.
    fn after_plural_marker(&self, t: usize) -> bool {
        let doc = self.doc;
        let marked = t.checked_sub(1).is_some_and(|p| doc.low(p) == PLURAL_MARKER);
        marked && doc.kind(t) == Some(TokenKind::Word) && !doc.is_capitalised(t)
    }

    /// Plural groups named outside direct quotes in the tokens before `pos`
    /// (`the police`, `officials`, `warga`), latest first, as unnamed-source mentions.
    pub(super) fn groups_named_before(&self, pos: usize) -> Vec<Mention> {
        let doc = self.doc;
        let end = doc.token_at_or_after(pos);
        let from = end.saturating_sub(MAX_GROUP_TOKENS);
        let mut out = Vec::new();
        for t in (from..end).rev() {
            let low = doc.low(t);
            let written_as_noun = !doc.is_capitalised(t) || doc.is_sentence_initial(t);
            let listed = is_plural_source_word(low) && low != "pihak" && !GROUP_DETERMINERS.contains(&low);
            if !(listed || self.after_plural_marker(t)) || !written_as_noun {
                continue;
            }
            let a = if t > 0 && GROUP_DETERMINERS.contains(&doc.low(t - 1)) { t - 1 } else { t };
            let Some((start, end)) = doc.char_span(a, t + 1) else { continue };
            if !self.direct.covers_range(start, end) {
                out.push(Mention::Source { start, end });
            }
        }
        out
    }
}
