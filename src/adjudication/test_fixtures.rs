//! One annotator's version of a short article, for the adjudication tests:
//! entities found by their words, and the article's one quotation with its speaker.

use crate::model::{Document, QuoteKind};

/// The code points `needle` covers in `text` (its first occurrence).
pub fn span(text: &str, needle: &str) -> (usize, usize) {
    let start = text[..text.find(needle).expect("the needle is in the text")].chars().count();
    (start, start + needle.chars().count())
}

/// `text` with each `(words, label)` as an entity (a `None` label: none), then
/// `quote` as a direct quotation said by the entity whose text is `speaker`.
pub fn version(text: &str, entities: &[(&str, Option<&str>)], quote: &str, speaker: &str) -> Document {
    let mut doc = Document::new(text.into(), None);
    for (needle, label) in entities {
        if let Some(label) = label {
            let (s, e) = span(text, needle);
            doc.apply(&doc.add_entity_edit(s, e, label).unwrap()).unwrap();
        }
    }
    let (s, e) = span(text, quote);
    doc.apply(&doc.add_quote_edit(s, e, QuoteKind::Direct).unwrap()).unwrap();
    let speaker = doc.entities().iter().find(|e| e.text == speaker).unwrap().id.to_string();
    let quote = doc.quotes()[0].id.to_string();
    doc.apply(&doc.speaker_edit(&quote, Some(&speaker)).unwrap()).unwrap();
    doc
}
