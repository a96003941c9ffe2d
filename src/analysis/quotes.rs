//! Quotation finding: direct quotes between quote marks with their speech cue
//! ([`quote_marks`](super::quote_marks), [`cues`](super::cues)) and indirect speech
//! ([`indirect`](super::indirect)). Speakers are linked later, in
//! [`speakers`](super::speakers), once entities are known.

use super::cues::{cue_after, cue_before, SpeakerHint};
use super::doc::Doc;
use super::lexicon::Lexicon;
use super::quote_marks::direct_spans;
use super::tokenizer::TokenKind;
use super::QuoteKind;

pub use super::indirect::find_indirect;

/// Fewest words for a quote without a cue: shorter ones are scare quotes or titles.
const MIN_UNCUED_WORDS: usize = 6;

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

/// Direct quotes with their cues and speaker hints.
pub fn find_direct(doc: &Doc, lex: &Lexicon) -> Vec<RawQuote> {
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

#[cfg(test)]
mod tests {
    use super::super::{Analyzer, QuoteKind};

    fn indirect(text: &str) -> Vec<String> {
        let sugg = Analyzer::new().analyze(text);
        sugg.quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| text.chars().skip(q.start).take(q.end - q.start).collect())
            .collect()
    }

    #[test]
    fn indirect_speech_runs_to_the_end_of_the_sentence() {
        let text =
            "😀 Presiden Vladimir Putin mengatakan Korut siap berunding.\r\nMenurut Putin, jaminan itu harus kuat.";
        assert_eq!(indirect(text), ["Korut siap berunding", "jaminan itu harus kuat"]);
        let text = "Councillor David Okafor said the money should go to roads.";
        assert_eq!(indirect(text), ["the money should go to roads"]);
    }

    #[test]
    fn cue_of_a_direct_quote_is_not_indirect_speech() {
        assert!(indirect("“We are asked to pay,” Okafor told reporters outside City Hall.").is_empty());
    }
}
