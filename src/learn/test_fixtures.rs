//! What the learning tests build their documents from: spans found by their
//! words (in code points, so curly quotes and emoji count as one each), entities,
//! quotations and validated documents. Each test keeps its own text, written for
//! the construction it checks; only the way spans are made is shared.

use crate::model::{Document, DoneMark, Entity, Quote, QuoteKind, Status};

/// The code points `[start, end)` of the first occurrence of `word` in `text`.
pub fn span_of(text: &str, word: &str) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let needle: Vec<char> = word.chars().collect();
    let start = chars
        .windows(needle.len().max(1))
        .position(|w| w == needle.as_slice())
        .unwrap_or_else(|| panic!("{word:?} is not in {text:?}"));
    (start, start + needle.len())
}

/// Every occurrence of `word` in `text`, in code points.
pub fn spans_of(text: &str, word: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let needle: Vec<char> = word.chars().collect();
    chars
        .windows(needle.len().max(1))
        .enumerate()
        .filter(|(_, w)| *w == needle.as_slice())
        .map(|(start, _)| (start, start + needle.len()))
        .collect()
}

/// An entity over the first `word` of `text`, as the tagger would suggest it
/// (no confidence), with `status`.
pub fn entity(id: &str, text: &str, word: &str, label: &str, status: Status) -> Entity {
    let (start, end) = span_of(text, word);
    Entity {
        id: id.into(),
        start,
        end,
        label: label.into(),
        text: word.into(),
        status,
        source: "tagger".into(),
        confidence: None,
        annotator: None,
        changed_at: None,
    }
}

/// A direct quotation over the first `quoted` of `text`, with no speaker and no
/// cue (set them with struct update syntax).
pub fn quote(id: &str, text: &str, quoted: &str, status: Status) -> Quote {
    let (start, end) = span_of(text, quoted);
    Quote {
        id: id.into(),
        start,
        end,
        text: quoted.into(),
        kind: QuoteKind::Direct,
        speaker: None,
        cue: None,
        status,
        source: "rules:quote".into(),
        confidence: None,
        annotator: None,
        changed_at: None,
    }
}

/// `text` with these spans, checked valid (which adds any label they use).
pub fn document(text: &str, entities: Vec<Entity>, quotes: Vec<Quote>) -> Document {
    Document::new(text.to_owned(), None).with_spans(entities, quotes).validated().expect("a valid test document")
}

/// The same, marked done.
pub fn done_document(text: &str, entities: Vec<Entity>, quotes: Vec<Quote>) -> Document {
    let mut doc = document(text, entities, quotes);
    doc.done = Some(DoneMark::default());
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_count_code_points_across_curly_quotes_emoji_and_crlf() {
        let text = "“Ya 😀,” kata Ani.\r\nAni pulang.";
        assert_eq!(span_of(text, "Ani"), (13, 16));
        assert_eq!(spans_of(text, "Ani"), vec![(13, 16), (19, 22)]);
        let e = entity("e1", text, "Ani", "PERSON", Status::Accepted);
        let doc = done_document(text, vec![e], vec![quote("q1", text, "“Ya 😀,”", Status::Suggested)]);
        assert_eq!(doc.entities()[0].text, "Ani");
        assert_eq!(doc.quotes()[0].end, 7);
        assert!(doc.done.is_some());
    }
}
