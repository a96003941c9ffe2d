//! How a quote's speaker hint is read: the one reading that the analysis
//! ([`resolve_all`](super::resolve_all)) and the inspector's ranking
//! ([`api`](super::api)) share, so that the inspector's first candidate is the
//! analysis' speaker. A subject that holds no name is read by its word class
//! ([`UnnamedSubject`]): a pronoun is ranked with agreement, `they` goes through the
//! group rule, `it` is nobody named, a noun phrase speaks as an unnamed source.

use super::super::doc::Doc;
use super::super::quotes::{RawQuote, SpeakerHint};
use super::coreference::Context;
use super::groups::is_group_pronoun;
use super::names::{Mention, Names};
use super::ranker::SpeakerWeights;
use super::subjects::UnnamedSubject;

/// A quote's speaker as read at its cue, before any ranking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HintReading {
    /// The speaker of the direct quote before (`SpeakerHint::Continued`).
    Continued,
    /// Named by the cue, or settled by a rule of the language (`it` is nobody named).
    Named(Option<Mention>),
    /// A pronoun or `-nya` cue at this char: the ranker's best that agrees with it.
    Pronoun(usize),
    /// Read from a name at the cue, which may be missing: then the ranker chooses.
    Unread(Option<Mention>),
}

/// The reading of `q`'s hint, with `context` holding the speakers before it.
pub fn read_hint(names: &Names, context: &Context, q: &RawQuote, weights: &SpeakerWeights) -> HintReading {
    let doc = names.doc;
    match q.hint {
        SpeakerHint::Continued => HintReading::Continued,
        SpeakerHint::After(a, b) => HintReading::Unread(names.after_cue(a, b)),
        SpeakerHint::Subject(a, b) => read_subject(names, context, q, weights, (a, b)),
        SpeakerHint::Pronoun(pos) => HintReading::Pronoun(pos),
        // `They say …`: the group named just before, else the unnamed "they".
        SpeakerHint::Source(a, b) if b == a + 1 && is_group_pronoun(doc.low(a)) => {
            HintReading::Named(group_or_source(names, context, a, q, weights))
        }
        SpeakerHint::Source(a, b) => HintReading::Named(names.source(a, b)),
        SpeakerHint::None => HintReading::Unread(None),
    }
}

/// The reading of a subject in tokens `a..b` before a speech verb.
fn read_subject(
    names: &Names,
    context: &Context,
    q: &RawQuote,
    weights: &SpeakerWeights,
    (a, b): (usize, usize),
) -> HintReading {
    // `Critics, including two unions, said`: the group before its examples.
    if let Some(group) = names.subject_with_examples(a, b) {
        return HintReading::Named(Some(group));
    }
    match names.unnamed_subject(a, b) {
        Some(UnnamedSubject::Pronoun(t)) => HintReading::Pronoun(char_at(names.doc, t, q)),
        Some(UnnamedSubject::Group(t)) => HintReading::Named(group_or_source(names, context, t, q, weights)),
        // `It said …`: a thing (a report, a letter) speaks; no person named
        // before stands for it.
        Some(UnnamedSubject::Impersonal) => HintReading::Named(None),
        Some(UnnamedSubject::Phrase(x, y)) => HintReading::Unread(
            names.role_of_organisation(x, y).or_else(|| names.subject(a, b)).or_else(|| names.source(x, y)),
        ),
        None => HintReading::Unread(names.subject(a, b)),
    }
}

/// The char where token `t` starts (the quote's start if there is no such token).
fn char_at(doc: &Doc, t: usize, q: &RawQuote) -> usize {
    doc.tokens.get(t).map_or(q.start, |x| x.start())
}

/// The speaker `they` (`mereka`) at token `t` stands for: the group named or speaking
/// just before, else the unnamed "they" itself.
fn group_or_source(
    names: &Names,
    context: &Context,
    t: usize,
    q: &RawQuote,
    weights: &SpeakerWeights,
) -> Option<Mention> {
    let at = char_at(names.doc, t, q);
    context.group_antecedent(at.min(q.start), weights).or_else(|| names.source(t, t + 1))
}
