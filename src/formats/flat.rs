//! A document's annotations as one list of labelled spans and one of
//! relations: the shape every span-and-relation format shares.

use super::draft::quote_label;
use super::{CUE, CUE_OF, SAID_BY};
use crate::model::{Document, Status};

#[derive(Debug, Clone)]
pub(crate) struct FlatSpan {
    /// The model id; a cue's is `<quote id>-cue`.
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub text: String,
    pub status: Status,
    pub confidence: Option<f32>,
}

#[derive(Debug, Clone)]
pub(crate) struct FlatRelation {
    pub from: String,
    pub to: String,
    pub kind: &'static str,
}

/// Entities, then quotes, then cues; relations `SAID_BY` and `CUE_OF`.
pub(crate) fn flatten(doc: &Document) -> (Vec<FlatSpan>, Vec<FlatRelation>) {
    let mut spans: Vec<FlatSpan> = doc
        .entities()
        .iter()
        .map(|e| FlatSpan {
            id: e.id.to_string(),
            start: e.start,
            end: e.end,
            label: e.label.to_string(),
            text: e.text.to_string(),
            status: e.status,
            confidence: e.confidence,
        })
        .collect();
    let mut relations = Vec::new();
    for q in doc.quotes() {
        spans.push(FlatSpan {
            id: q.id.to_string(),
            start: q.start,
            end: q.end,
            label: quote_label(q.kind).to_owned(),
            text: q.text.to_string(),
            status: q.status,
            confidence: q.confidence,
        });
        if let Some(speaker) = &q.speaker {
            relations.push(FlatRelation { from: q.id.to_string(), to: speaker.to_string(), kind: SAID_BY });
        }
    }
    for q in doc.quotes() {
        if let Some(cue) = &q.cue {
            let id = format!("{}-cue", q.id);
            spans.push(FlatSpan {
                id: id.clone(),
                start: cue.start,
                end: cue.end,
                label: CUE.to_owned(),
                text: cue.text.to_string(),
                status: q.status,
                confidence: None,
            });
            relations.push(FlatRelation { from: id, to: q.id.to_string(), kind: CUE_OF });
        }
    }
    (spans, relations)
}
