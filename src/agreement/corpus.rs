//! The annotators' layers matched up by document.
//!
//! Every document is compared on one text: the article as it is now when the
//! caller knows it (a project), else the first layer's. A version saved on
//! another text (the article was edited between annotators) is re-anchored the
//! way a single file is ([`reanchor`]): spans whose text is found again move with
//! it, the others are listed as [`Unanchored`]. The stretch of text that differs
//! is then left out of every figure, with every span of any annotator touching
//! it, so an edit of the article is never counted as a disagreement.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::model::anchor::reanchor;
use crate::model::{Detached, Document, DocumentError};

/// One annotator's documents, by a key shared across layers (a project's article
/// id, or a file's path relative to the annotator's folder).
#[derive(Debug, Clone, Default)]
pub struct Layer {
    pub annotator: String,
    pub documents: BTreeMap<String, Document>,
}

/// A span of one annotator that could not be placed on the compared text, and
/// so is in no figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unanchored {
    pub document: String,
    pub annotator: String,
    /// The span's id in that annotator's file.
    pub span: String,
    pub text: String,
    /// Its offsets in the text it was saved on.
    pub start: usize,
    pub end: usize,
}

/// One document as every layer that has it annotated it, on one text.
#[derive(Debug, Clone)]
pub struct AlignedDocument {
    pub key: String,
    pub text: String,
    /// `(annotator index, that annotator's version placed on `text`)`, by index.
    pub versions: Vec<(usize, Document)>,
    /// Code-point ranges of `text` left out of every figure (sorted, disjoint).
    pub excluded: Vec<(usize, usize)>,
    pub unanchored: Vec<Unanchored>,
}

/// The documents of several layers, matched up.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub annotators: Vec<String>,
    /// Documents two or more layers have, by key.
    pub documents: Vec<AlignedDocument>,
    /// `(document, annotator)` of documents only one layer has: not compared.
    pub single: Vec<(String, String)>,
}

#[derive(Debug, thiserror::Error)]
pub enum AgreementError {
    #[error("agreement needs at least two annotators, got {0}")]
    TooFewAnnotators(usize),
    #[error("two layers are both named {0}")]
    DuplicateAnnotator(String),
    #[error("{document} ({annotator}): the annotations could not be re-anchored onto the compared text: {source}")]
    Anchor { document: String, annotator: String, source: Box<DocumentError> },
}

impl Corpus {
    /// Matches `layers` up by document key. `texts` gives a document's text as it
    /// is now (a project's article); documents not in it are compared on the
    /// first layer's text.
    pub fn align(layers: Vec<Layer>, texts: &BTreeMap<String, String>) -> Result<Corpus, AgreementError> {
        if layers.len() < 2 {
            return Err(AgreementError::TooFewAnnotators(layers.len()));
        }
        let annotators: Vec<String> = layers.iter().map(|l| l.annotator.clone()).collect();
        for (i, name) in annotators.iter().enumerate() {
            if annotators[..i].contains(name) {
                return Err(AgreementError::DuplicateAnnotator(name.clone()));
            }
        }
        let mut by_key: BTreeMap<String, Vec<(usize, Document)>> = BTreeMap::new();
        for (index, layer) in layers.into_iter().enumerate() {
            for (key, doc) in layer.documents {
                by_key.entry(key).or_default().push((index, doc));
            }
        }
        let mut corpus = Corpus { annotators, ..Corpus::default() };
        for (key, versions) in by_key {
            if let [(index, _)] = versions.as_slice() {
                corpus.single.push((key, corpus.annotators[*index].clone()));
                continue;
            }
            let text = texts.get(&key).cloned().unwrap_or_else(|| versions[0].1.text.to_string());
            let aligned = align_document(key, text, versions, &corpus.annotators)?;
            corpus.documents.push(aligned);
        }
        Ok(corpus)
    }
}

fn align_document(
    key: String,
    text: String,
    versions: Vec<(usize, Document)>,
    annotators: &[String],
) -> Result<AlignedDocument, AgreementError> {
    let mut changed = Vec::new();
    let mut unanchored = Vec::new();
    let mut placed = Vec::with_capacity(versions.len());
    for (index, doc) in versions {
        let annotator = &annotators[index];
        if doc.text != text {
            changed.extend(changed_lines(&text, &doc.text));
        }
        let (doc, _) = reanchor(doc, text.clone()).map_err(|source| AgreementError::Anchor {
            document: key.clone(),
            annotator: annotator.clone(),
            source: Box::new(source),
        })?;
        unanchored.extend(doc.detached.iter().map(|d| unanchored_of(&key, annotator, d)));
        placed.push((index, doc));
    }
    let excluded = excluded_ranges(changed, &placed);
    Ok(AlignedDocument { key, text, versions: placed, excluded, unanchored })
}

fn unanchored_of(document: &str, annotator: &str, detached: &Detached) -> Unanchored {
    let (span, text, start, end) = match detached {
        Detached::Entity(e) => (&e.id, &e.text, e.start, e.end),
        Detached::Quote(q) => (&q.id, &q.text, q.start, q.end),
    };
    Unanchored {
        document: document.to_owned(),
        annotator: annotator.to_owned(),
        span: span.to_string(),
        text: text.to_string(),
        start,
        end,
    }
}

/// The lines of `reference` (code-point ranges, line break included) that
/// `other` does not have: where the article was edited. Lines are matched as a
/// multiset, so moved paragraphs count as unchanged and an edit at the top does
/// not hide the rest of the document.
pub fn changed_lines(reference: &str, other: &str) -> Vec<(usize, usize)> {
    let mut available: HashMap<&str, usize> = HashMap::new();
    for line in other.split_inclusive('\n') {
        *available.entry(line).or_default() += 1;
    }
    let mut changed = Vec::new();
    let mut at = 0;
    for line in reference.split_inclusive('\n') {
        let len = line.chars().count();
        match available.get_mut(line) {
            Some(count) if *count > 0 => *count -= 1,
            _ => changed.push((at, at + len)),
        }
        at += len;
    }
    changed
}

/// True when `start..end` shares a code point with `range`.
pub fn touches(start: usize, end: usize, range: (usize, usize)) -> bool {
    start < range.1 && range.0 < end
}

/// The changed regions grown by every span touching them, until no span of any
/// version half-overlaps what is left out; merged and sorted.
fn excluded_ranges(changed: Vec<(usize, usize)>, versions: &[(usize, Document)]) -> Vec<(usize, usize)> {
    let mut ranges = changed;
    let spans: Vec<(usize, usize)> = versions
        .iter()
        .flat_map(|(_, d)| {
            let entities = d.entities().iter().map(|e| (e.start, e.end));
            entities.chain(d.quotes().iter().map(|q| (q.start, q.end)))
        })
        .collect();
    loop {
        let grown: Vec<(usize, usize)> = spans
            .iter()
            .filter(|&&(s, e)| ranges.iter().any(|&r| touches(s, e, r)))
            .filter(|&&(s, e)| !ranges.iter().any(|&(rs, re)| rs <= s && e <= re))
            .copied()
            .collect();
        if grown.is_empty() {
            return merged(ranges);
        }
        ranges.extend(grown);
        ranges = merged(ranges);
    }
}

fn merged(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuoteKind;

    fn doc(text: &str, spans: &[(&str, &str)]) -> Document {
        let mut doc = Document::new(text.into(), None);
        for (needle, label) in spans {
            let at = text[..text.find(needle).unwrap()].chars().count();
            let end = at + needle.chars().count();
            let edit = if *label == "QUOTE" {
                doc.add_quote_edit(at, end, QuoteKind::Direct).unwrap()
            } else {
                doc.add_entity_edit(at, end, label).unwrap()
            };
            doc.apply(&edit).unwrap();
        }
        doc
    }

    fn layer(name: &str, docs: Vec<(&str, Document)>) -> Layer {
        Layer { annotator: name.into(), documents: docs.into_iter().map(|(k, d)| (k.to_owned(), d)).collect() }
    }

    #[test]
    fn documents_of_one_layer_only_are_listed_not_compared() {
        let a = layer("ana", vec![("x", doc("Ana 😀", &[])), ("only-a", doc("Budi", &[]))]);
        let b = layer("budi", vec![("x", doc("Ana 😀", &[]))]);
        let corpus = Corpus::align(vec![a, b], &BTreeMap::new()).unwrap();
        assert_eq!(corpus.documents.len(), 1);
        assert_eq!(corpus.single, vec![("only-a".to_owned(), "ana".to_owned())]);
    }

    #[test]
    fn too_few_or_twice_named_annotators_are_refused() {
        let a = layer("ana", vec![]);
        assert!(matches!(Corpus::align(vec![a.clone()], &BTreeMap::new()), Err(AgreementError::TooFewAnnotators(1))));
        let twice = Corpus::align(vec![a.clone(), a], &BTreeMap::new());
        assert!(matches!(twice, Err(AgreementError::DuplicateAnnotator(n)) if n == "ana"));
    }

    #[test]
    fn an_edited_article_is_re_anchored_and_the_edit_left_out() {
        let old = "“Kami 😀 siap,” kata Ana.\r\nBudi di Bandung.\r\n";
        let new = "Judul 🎉\r\n“Kami 😀 siap,” kata Ana.\r\nBudi di Surabaya.\r\n";
        let a = layer("ana", vec![("x", doc(new, &[("Ana", "PERSON"), ("Surabaya", "LOC")]))]);
        let b = layer("budi", vec![("x", doc(old, &[("Ana", "PERSON"), ("Bandung", "LOC"), ("Budi", "PERSON")]))]);
        let corpus = Corpus::align(vec![a, b], &BTreeMap::new()).unwrap();
        let aligned = &corpus.documents[0];
        assert_eq!(aligned.text, new);
        // Bandung is gone from the compared text: reported, not counted.
        assert_eq!(aligned.unanchored.len(), 1);
        assert_eq!(
            (aligned.unanchored[0].annotator.as_str(), aligned.unanchored[0].text.as_str()),
            ("budi", "Bandung")
        );
        let (_, budi) = &aligned.versions[1];
        let ana = budi.entities().iter().find(|e| e.text == "Ana").unwrap();
        assert_eq!(budi.slice(ana.start, ana.end), Some("Ana"));
        // The new title and the edited line are left out, with every span on them;
        // the quotation's line is compared.
        let line = |needle: &str| {
            let start = new[..new.find(needle).unwrap()].chars().count();
            (start, start + needle.chars().count())
        };
        assert_eq!(aligned.excluded, vec![line("Judul 🎉\r\n"), line("Budi di Surabaya.\r\n")]);
    }

    #[test]
    fn changed_regions_and_touching() {
        let old = "Satu 😀\r\nDua\r\nTiga\r\n";
        assert_eq!(changed_lines(old, "Satu 😀\r\nDua!\r\nTiga\r\n"), vec![(8, 13)]);
        assert_eq!(changed_lines("Tiga\r\nSatu 😀\r\nDua\r\n", old), vec![], "moved lines are unchanged");
        assert_eq!(changed_lines(old, old), vec![]);
        assert!(touches(2, 5, (4, 9)) && !touches(2, 4, (4, 9)));
        assert_eq!(merged(vec![(5, 9), (0, 3), (2, 6)]), vec![(0, 9)]);
    }
}
