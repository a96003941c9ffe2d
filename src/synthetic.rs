//! Long synthetic documents for benchmarks and stress tests: the bundled
//! samples repeated up to a size, with their suggestions repeated with them,
//! so that a 1 MB text carries some 20,000 realistic spans.

use crate::analysis::Analyzer;
use crate::annotate::suggest_document;
use crate::model::{Document, DocumentError, Entity, Quote};

const SAMPLES: [&str; 2] = [
    include_str!("../assets/samples/teritorial-putin-kim.txt"),
    include_str!("../assets/samples/harbour-bridge-vote.txt"),
];

/// A document of at least `min_bytes` of text and `min_spans` suggestions, made
/// of numbered copies of the samples, each with the analysis' suggestions for
/// it. (A better tagger suggests fewer spans per sample, so the span count is
/// asked for, not assumed from the size.)
pub fn large_document(min_bytes: usize, min_spans: usize, analyzer: &Analyzer) -> Result<Document, DocumentError> {
    let pieces: Vec<Document> = SAMPLES.iter().map(|s| suggest_document((*s).to_owned(), None, analyzer)).collect();
    let mut text = String::new();
    let mut chars = 0;
    let mut entities = Vec::new();
    let mut quotes = Vec::new();
    let mut copy = 0;
    // Samples without suggestions could never reach `min_spans`: size alone ends the loop then.
    let spans_grow = pieces.iter().any(|p| !p.entities().is_empty() || !p.quotes().is_empty());
    while text.len() < min_bytes || (spans_grow && entities.len() + quotes.len() < min_spans) {
        let piece = &pieces[copy % pieces.len()];
        let header = format!("Bagian {}\n\n", copy + 1);
        chars += header.chars().count();
        text.push_str(&header);
        entities.extend(piece.entities().iter().map(|e| shifted_entity(e, chars, copy)));
        quotes.extend(piece.quotes().iter().map(|q| shifted_quote(q, chars, copy)));
        text.push_str(&piece.text);
        text.push_str("\n\n");
        chars += piece.char_len() + 2;
        copy += 1;
    }
    Document::new(text, None).with_spans(entities, quotes).validated()
}

fn shifted_entity(entity: &Entity, by: usize, copy: usize) -> Entity {
    Entity {
        id: format!("{}-{copy}", entity.id).into(),
        start: entity.start + by,
        end: entity.end + by,
        ..entity.clone()
    }
}

fn shifted_quote(quote: &Quote, by: usize, copy: usize) -> Quote {
    let mut shifted = quote.clone();
    shifted.id = format!("{}-{copy}", quote.id).into();
    shifted.start += by;
    shifted.end += by;
    shifted.speaker = quote.speaker.as_ref().map(|s| compact_str::format_compact!("{s}-{copy}"));
    if let Some(cue) = shifted.cue.as_mut() {
        cue.start += by;
        cue.end += by;
    }
    shifted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_document_is_valid_and_as_big_as_asked() {
        let document = large_document(50_000, 0, &Analyzer::new()).unwrap();
        assert!(document.text.len() >= 50_000);
        let per_copy = document.entities().iter().filter(|e| e.id.ends_with("-0")).count();
        assert!(per_copy > 10);
        assert!(document.entities().len() >= per_copy * 15);
        let dense = large_document(1_000, 3_000, &Analyzer::new()).unwrap();
        assert!(dense.entities().len() + dense.quotes().len() >= 3_000, "the span count asked for wins over the size");
    }
}
