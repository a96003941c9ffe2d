//! Speaker linking, the last stage: who said each quote.
//!
//! Takes the [`Doc`], the entities (sorted, disjoint) and the quotes with their
//! speaker hints from [`quotes`](super::quotes); gives each quote's speaker as an
//! index into the entities, which gain a PERSON entity for every speaker the entity
//! stage missed ([`attach`]), so that every speaker is an entity of the document.
//!
//! Names written after or before a cue are read by [`names`] and [`subjects`];
//! pronouns and `-nya` cues by ranking the candidates ([`candidates`], described by
//! [`candidate_features`], scored by [`ranker`]; pronoun agreement in [`gender`]).
//! [`api`] gives the same ranking to callers outside the analysis. A short mention (`Putin`) resolves to
//! the first full mention containing its words (`Vladimir Putin`, [`full_mentions`]).

pub mod aliases;
pub mod antecedents;
pub mod api;
pub mod attach;
pub mod candidate_features;
pub mod candidates;
pub mod coreference;
pub mod examples;
pub mod full_mentions;
pub mod gender;
pub mod groups;
pub mod headline;
pub mod names;
pub mod organisation_subjects;
pub mod ranker;
pub mod reading;
pub mod role_spans;
pub mod salient;
pub mod subjects;
pub mod word_lists;

#[cfg(test)]
mod api_tests;
#[cfg(test)]
mod rule_fixtures;

use super::doc::Doc;
use super::lexicon::Lexicon;
use super::quotes::RawQuote;
use super::{Entity, QuoteKind};
use attach::attach;
use coreference::Context;
use full_mentions::FullMentions;
use names::{Mention, Names};
use ranker::SpeakerWeights;
use reading::{read_hint, HintReading};

pub use attach::SPEAKER_SOURCE;

/// Speakers of `quotes` (sorted by start) as indices into `entities`, which gains an
/// entity for every speaker it lacked (kept sorted and disjoint).
pub fn link(doc: &Doc, lex: &Lexicon, entities: &mut Vec<Entity>, quotes: &[RawQuote]) -> Vec<Option<usize>> {
    link_with(doc, lex, entities, quotes, &SpeakerWeights::default())
}

/// [`link`] with the ranker's weights of a project.
pub fn link_with(
    doc: &Doc,
    lex: &Lexicon,
    entities: &mut Vec<Entity>,
    quotes: &[RawQuote],
    weights: &SpeakerWeights,
) -> Vec<Option<usize>> {
    let mentions = resolve_all(doc, lex, entities, quotes, weights);
    attach(&doc.chars, entities, &mentions)
}

/// How a quote's speaker was read at its cue.
enum Read {
    /// Named by the cue (or the quote before): taken as read.
    Named(Option<Mention>),
    /// A pronoun resolved by the ranker: its speaker is named by its fullest alias.
    Pronoun(Option<Mention>),
    /// Read from a name at the cue, which may be missing: then the ranker chooses.
    Unread(Option<Mention>),
}

/// The person a pronoun (or `-nya` cue) at char `pos` stands for: the ranker's best
/// that agrees with it (the one the next sentence says goes on speaking weighs in).
fn pronoun_speaker(context: &Context, pos: usize, q: &RawQuote, weights: &SpeakerWeights) -> Option<Mention> {
    context.pronoun(pos, pos.min(q.start), q.end, weights)
}

/// The speaker mention of each quote.
pub fn resolve_all(
    doc: &Doc,
    lex: &Lexicon,
    entities: &[Entity],
    quotes: &[RawQuote],
    weights: &SpeakerWeights,
) -> Vec<Option<Mention>> {
    let names = Names::new(doc, lex, entities);
    let mut context = Context::new(doc, lex, entities, quotes);
    let mut full = FullMentions::new(doc, entities);
    let mut out: Vec<Option<Mention>> = Vec::with_capacity(quotes.len());
    let mut last_direct: Option<Mention> = None;
    for q in quotes {
        let cue = q.cue.and_then(|t| doc.tokens.get(t)).map_or(q.start, |x| x.start());
        context.follow_pronoun_subjects(cue.min(q.start), weights);
        let read = match read_hint(&names, &context, q, weights) {
            HintReading::Continued => Read::Named(last_direct),
            HintReading::Named(m) => Read::Named(m),
            HintReading::Pronoun(pos) => Read::Pronoun(pronoun_speaker(&context, pos, q, weights)),
            HintReading::Unread(m) => Read::Unread(m),
        };
        // No cue, or a cue whose name could not be read: the ranker's best candidate
        // within reach (a suggestion the annotator reviews, with the runner-up shown).
        let found = match read {
            Read::Unread(None) => context.best_candidate(q.start, q.cue, weights).map(|m| full.of(m)),
            Read::Named(m) | Read::Unread(m) => m.map(|m| full.of(m)),
            Read::Pronoun(m) => m.map(|m| {
                let named = full.of(m);
                full.alias_of(named)
            }),
        };
        match found {
            Some(m) if names.is_personal(m) => context.spoke(q, m),
            Some(m @ Mention::Source { .. }) => context.spoke_as_group(q, m),
            _ => {}
        }
        if q.kind == QuoteKind::Direct {
            last_direct = found;
        }
        // The context keeps the organisation as it was read; the quote's speaker is
        // the role phrase it stands for where the tagger took one for it.
        out.push(found.map(|m| names.role_span_as_source(m)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Analyzer, QuoteKind};

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let s = Analyzer::new().analyze(text);
        let slice = |a: usize, b: usize| text.chars().skip(a).take(b - a).collect::<String>();
        s.quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| (slice(q.start, q.end), q.speaker.and_then(|i| s.entities.get(i)).map(|e| slice(e.start, e.end))))
            .collect()
    }

    #[test]
    fn short_mention_and_nya_resolve_to_the_full_name() {
        let text = "😀 Kepala Dinas Kesehatan Bambang Santoso hadir.\r\n\r\n“Kami siap,” kata Bambang.\r\n\r\n“Semua aman 🇷🇺,” ujarnya.";
        let got = speakers(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|(_, who)| who.as_deref() == Some("Bambang Santoso")), "{got:?}");
    }

    #[test]
    fn pronoun_after_cue_goes_to_last_person() {
        let text = "Mayor Helen Carter spoke 😀.\r\n“We will build it,” she said.";
        assert_eq!(speakers(text).first().and_then(|(_, w)| w.clone()).as_deref(), Some("Helen Carter"));
    }

    #[test]
    fn a_quote_without_a_cue_goes_to_the_person_of_its_paragraph_not_the_one_before() {
        let text = "Governor Tom Becker 🙂 visited the port.\r\n\r\nSenator Maria Lopez opposed the plan. \
                    \"It will not pass this year.\"";
        let got = speakers(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got.first().and_then(|(_, w)| w.clone()).as_deref(), Some("Maria Lopez"), "{got:?}");
    }

    #[test]
    fn news_agency_is_a_source_not_the_speaker() {
        let text = "“Itu saja,” kata Putin usai bertemu Kim, seperti dilansir Reuters.";
        let got = speakers(text);
        assert_ne!(got.first().and_then(|(_, w)| w.clone()).as_deref(), Some("Reuters"), "{got:?}");
    }
}
