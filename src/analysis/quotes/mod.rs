//! Quotation finding, the stage after entities and before speakers.
//!
//! Takes the tokenized [`Doc`] and the word lists; gives [`RawQuote`]s in text order:
//! direct quotes between quote marks ([`direct`], [`marks`]) and indirect reports
//! ([`indirect`], with cues set off by commas in [`asides`]), each with its cue token
//! ([`cues`]) and a [`SpeakerHint`] saying where the speaker is written. Entities are
//! not read here: the [`speakers`](super::speakers) stage turns hints into entities.

pub mod asides;
pub mod cues;
pub mod direct;
pub mod indirect;
pub mod indonesian;
pub mod marks;
pub mod reporting;
pub mod source_phrase;
pub mod unnamed;

use super::doc::Doc;
use super::lexicon::Lexicon;
use super::QuoteKind;
pub use cues::SpeakerHint;

/// A quote found in the text, char offsets; the cue is a token index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawQuote {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub cue: Option<usize>,
    pub hint: SpeakerHint,
    pub confidence: f32,
}

/// Direct and indirect quotes of `doc`, sorted by position.
pub fn find(doc: &Doc, lex: &Lexicon) -> Vec<RawQuote> {
    let direct = direct::find(doc, lex);
    let (mut reports, taken) = indirect::find(doc, lex, &direct);
    for q in &mut reports {
        if let Some(v) = q.cue {
            q.hint = source_phrase::noun_phrase_source(doc, v, q.hint);
        }
    }
    let kept = direct.into_iter().zip(taken).filter(|(_, taken)| !taken).map(|(q, _)| q);
    let mut all: Vec<RawQuote> = kept.chain(reports).collect();
    all.sort_by_key(|q| (q.start, q.end));
    all
}
