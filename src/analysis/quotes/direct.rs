//! Direct quotes: text between quote marks ([`marks`](super::marks)) with the speech
//! cue written next to it ([`cues`](super::cues)); a quote without a cue is kept only
//! when it is long enough not to be a scare quote or a title.

use super::super::doc::Doc;
use super::super::lexicon::Lexicon;
use super::super::tokenizer::TokenKind;
use super::super::QuoteKind;
use super::cues::{cue_after, cue_before, SpeakerHint};
use super::marks::direct_spans;
use super::RawQuote;

/// Fewest words for a quote without a cue: shorter ones are scare quotes or titles.
const MIN_UNCUED_WORDS: usize = 6;

/// Direct quotes with their cues and speaker hints.
pub fn find(doc: &Doc, lex: &Lexicon) -> Vec<RawQuote> {
    let mut out = Vec::new();
    for (start, end) in direct_spans(&doc.chars) {
        let first_inside = doc.token_at_or_after(start + 1);
        let after = doc.token_at_or_after(end);
        let words = (first_inside..after).filter(|&t| doc.kind(t) == Some(TokenKind::Word)).count();
        let found = cue_after(doc, lex, after).or_else(|| cue_before(doc, lex, first_inside.saturating_sub(1)));
        let (cue, hint, confidence) = match found {
            Some((cue, hint)) => (Some(cue), hint, 0.8),
            None if words >= MIN_UNCUED_WORDS => (None, SpeakerHint::None, 0.4),
            None => continue,
        };
        out.push(RawQuote { start, end, kind: QuoteKind::Direct, cue, hint, confidence });
    }
    out
}
