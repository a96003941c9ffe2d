//! The speaker ranking for callers outside the analysis (the inspector, a project's
//! learning): text, entities and quotations in — as plain spans with string labels,
//! code-point offsets — and every candidate speaker of one quotation out, best first,
//! with its score and features. The analysis knows nothing of the caller's model.
//!
//! The ranking is the one the analysis uses for `-nya` cues and pronouns; where the
//! cue names its speaker, that mention carries the decisive feature, so the same
//! ranking can be shown for every quotation.

use super::super::doc::Doc;
use super::super::entity::{Entity, Label};
use super::super::intervals::EntityIndex;
use super::super::lexicon::Lexicon;
use super::super::quotes::{self, RawQuote, SpeakerHint};
use super::super::QuoteKind;
use super::candidate_features::CandidateFeatures;
use super::candidates::Query;
use super::coreference::Context;
use super::full_mentions::FullMentions;
use super::gender::Pronoun;
use super::names::{Mention, Names};
use super::ranker::SpeakerWeights;
use super::reading::{read_hint, HintReading};
use std::sync::OnceLock;

/// Source of the entities handed in.
const GIVEN_SOURCE: &str = "given";

/// An entity as the caller holds it: code points, end exclusive, label as a string
/// (`PERSON`, `ORG`, `SOURCE`, …; other labels are never candidates).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EntityRef<'a> {
    pub start: usize,
    pub end: usize,
    pub label: &'a str,
}

/// A quotation as the caller holds it: code points, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct QuoteRef {
    pub start: usize,
    pub end: usize,
    /// The speech verb, if known (`kata`, `ujarnya`, `said`).
    pub cue: Option<(usize, usize)>,
    /// Its speaker, an index into the entities, if known: earlier quotes' speakers
    /// are the last and the paragraph's speakers.
    pub speaker: Option<usize>,
    /// Direct speech (between quote marks): names inside it are not candidates.
    pub direct: bool,
}

/// One candidate speaker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankedCandidate {
    /// Index into the entities handed in.
    pub entity: usize,
    pub score: f32,
    pub features: CandidateFeatures,
}

fn shared_lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::new)
}

/// Every candidate speaker of `quotes[quote]`, best first, one per name (the mention
/// that stands for it: the named one, else a salient one, else the nearest). Empty
/// if `quote` is out of range. Spans past the text or empty are ignored, and of
/// overlapping entities the first (by start) is read.
pub fn rank_speakers(
    text: &str,
    entities: &[EntityRef],
    quotes: &[QuoteRef],
    quote: usize,
    weights: &SpeakerWeights,
) -> Vec<RankedCandidate> {
    rank_speakers_with(shared_lexicon(), text, entities, quotes, quote, weights)
}

/// [`rank_speakers`] with the word lists of an [`Analyzer`](super::super::Analyzer)
/// (a project's own cues).
pub fn rank_speakers_with(
    lex: &Lexicon,
    text: &str,
    entities: &[EntityRef],
    quotes: &[QuoteRef],
    quote: usize,
    weights: &SpeakerWeights,
) -> Vec<RankedCandidate> {
    let Some(target) = quotes.get(quote) else { return Vec::new() };
    let doc = Doc::new(text);
    let (sorted, original) = sorted_entities(entities, doc.chars.len());
    let position: Vec<Option<usize>> = inverse(&original, entities.len());
    let raw: Vec<RawQuote> = quotes.iter().map(raw_quote).collect();
    let mut context = Context::new(&doc, lex, &sorted, &raw);
    let mut earlier: Vec<&QuoteRef> = quotes.iter().filter(|q| q.end <= target.start).collect();
    earlier.sort_by_key(|q| q.end);
    let mut last_direct = None;
    // As the analysis reads them: a pronoun subject before a quote is followed first.
    let opening = |q: &QuoteRef| q.cue.map_or(q.start, |(c, _)| c.min(q.start));
    for q in earlier {
        context.follow_pronoun_subjects(opening(q), weights);
        let speaker = q.speaker.and_then(|s| position.get(s).copied().flatten()).map(Mention::Entity);
        if let Some(m) = speaker {
            context.spoke(&raw_quote(q), m);
        }
        if q.direct {
            last_direct = speaker;
        }
    }
    context.follow_pronoun_subjects(opening(target), weights);
    let names = Names::new(&doc, lex, &sorted);
    let CueReading { pos, pronoun, named } = read_cue(&names, &context, target, last_direct, weights);
    let query = Query { pos: pos.min(target.start), pronoun, named, wide: true };
    // As the analysis reads a `-nya` or pronoun cue: the one who goes on speaking next.
    let goes_on = (pronoun != Pronoun::None).then(|| context.continued(target.end)).flatten();
    let ranked = context.ranked_going_on(&query, weights, Vec::new(), goes_on);
    let entity_of = |m: Mention| match m {
        Mention::Entity(i) => original.get(i).copied(),
        _ => None,
    };
    ranked
        .into_iter()
        .filter_map(|s| Some(RankedCandidate { entity: entity_of(s.who)?, score: s.score, features: s.features }))
        .collect()
}

fn raw_quote(q: &QuoteRef) -> RawQuote {
    let kind = if q.direct { QuoteKind::Direct } else { QuoteKind::Indirect };
    RawQuote { start: q.start, end: q.end, kind, cue: None, hint: SpeakerHint::None, confidence: 1.0 }
}

/// The entities as the analysis reads them (sorted, disjoint, within the text,
/// known labels) and, for each, its index among those handed in.
fn sorted_entities(entities: &[EntityRef], len: usize) -> (Vec<Entity>, Vec<usize>) {
    let mut kept: Vec<(Entity, usize)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.start < e.end && e.end <= len)
        .filter_map(|(i, e)| {
            let label = Label::parse(e.label)?;
            Some((Entity { start: e.start, end: e.end, label, source: GIVEN_SOURCE, confidence: 1.0 }, i))
        })
        .collect();
    kept.sort_by_key(|(e, i)| (e.start, e.end, *i));
    let mut last_end = 0;
    kept.retain(|(e, _)| {
        let keep = e.start >= last_end;
        if keep {
            last_end = e.end;
        }
        keep
    });
    kept.into_iter().unzip()
}

/// For each index handed in, its position among the sorted entities.
fn inverse(original: &[usize], len: usize) -> Vec<Option<usize>> {
    let mut out = vec![None; len];
    for (k, &i) in original.iter().enumerate() {
        if let Some(slot) = out.get_mut(i) {
            *slot = Some(k);
        }
    }
    out
}

/// Where the speaker of a quotation is written, as the ranking's query takes it.
struct CueReading {
    /// The char the candidates are ranked from: the pronoun, else the cue, else the quote.
    pos: usize,
    /// The pronoun standing for the speaker, if the speaker is not named.
    pronoun: Pronoun,
    /// The entity the cue names (or the analysis' rules settle on).
    named: Option<Mention>,
}

/// Where the speaker of `target` is written, read as the analysis reads it
/// ([`read_hint`]): the quote finder reads the text again, and its quote with the
/// same cue (else the one overlapping `target` most) gives the hint. `last_direct`
/// is the speaker of the direct quote before (for a quote that goes on).
fn read_cue(
    names: &Names,
    context: &Context,
    target: &QuoteRef,
    last_direct: Option<Mention>,
    weights: &SpeakerWeights,
) -> CueReading {
    let (doc, lex) = (names.doc, names.lex);
    let cue_token = target.cue.map(|(a, _)| doc.token_at_or_after(a));
    let found = quotes::find(doc, lex);
    let overlap = |q: &RawQuote| q.end.min(target.end).saturating_sub(q.start.max(target.start));
    let same_cue = cue_token.and_then(|t| found.iter().find(|q| q.cue == Some(t)));
    let raw = same_cue.or_else(|| found.iter().filter(|q| overlap(q) > 0).max_by_key(|q| overlap(q)));
    let cue = cue_token.or_else(|| raw.and_then(|q| q.cue));
    let cue_pos = cue.and_then(|t| doc.tokens.get(t)).map_or(target.start, |t| t.start());
    let around_cue = cue.map_or(Pronoun::None, |t| Pronoun::around_cue(doc, lex, t));
    let as_named = |m: Option<Mention>| {
        m.map(|m| FullMentions::new(doc, names.entities).of(m)).and_then(|m| as_entity(&names.index, m))
    };
    let reading = raw.map_or(HintReading::Unread(None), |q| read_hint(names, context, q, weights));
    match reading {
        HintReading::Pronoun(at) => {
            let pronoun = Pronoun::at_token(doc, lex, doc.token_at_or_after(at));
            CueReading { pos: at, pronoun, named: None }
        }
        HintReading::Continued => CueReading { pos: cue_pos, pronoun: Pronoun::None, named: last_direct },
        // `It said`: nobody named before stands for a thing; no pronoun ranks them.
        HintReading::Named(None) => CueReading { pos: cue_pos, pronoun: Pronoun::None, named: None },
        // A speaker that is not among the entities handed in (an unnamed `they` the
        // caller has no span for) is ranked by the pronoun at the cue.
        HintReading::Named(m) | HintReading::Unread(m) => {
            let named = as_named(m);
            let pronoun = if named.is_some() { Pronoun::None } else { around_cue };
            CueReading { pos: cue_pos, pronoun, named }
        }
    }
}

/// A mention as one of the entities: itself, or the entity holding its span.
fn as_entity(index: &EntityIndex, m: Mention) -> Option<Mention> {
    match m {
        Mention::Entity(_) => Some(m),
        Mention::New { start, end } | Mention::Cut { start, end } | Mention::Source { start, end } => {
            (start..end).find_map(|p| index.at(p)).map(Mention::Entity)
        }
    }
}
