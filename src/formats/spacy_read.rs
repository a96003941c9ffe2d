//! Reading a DocBin message back into documents: strings by id, text from
//! tokens and spaces, entities from `ENT_IOB` / `ENT_TYPE`, spans from groups.

use std::collections::HashMap;

use super::draft::{Draft, SpanId};
use super::msgpack_docbin::*;
use super::spacy_docbin::{CUES, INCORRECT, OVERLAPPING, QUOTES, SPEAKERS};
use super::spacy_hash::string_id;
use super::{ImportSummary, CUE_OF, SAID_BY};
use crate::model::{Document, Status};

/// A span as read: group, label, id string, code points.
struct ReadSpan {
    group: String,
    label: String,
    id: String,
    start: usize,
    end: usize,
}

pub(crate) fn documents(message: &DocBinIn, summary: &mut ImportSummary) -> Result<Vec<Document>, String> {
    let strings: HashMap<u64, &str> = message.strings.iter().map(|s| (string_id(s), s.as_str())).collect();
    let lookup =
        |id: u64| strings.get(&id).copied().ok_or_else(|| format!("string id {id} is not in the DocBin's strings"));
    let column = |attr: u64| message.attrs.iter().position(|&a| a == attr);
    let orth = column(ORTH).ok_or("the DocBin has no ORTH attribute")?;
    let width = message.attrs.len();
    let values: Vec<u64> =
        message.tokens.chunks_exact(8).map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default())).collect();
    let lengths: Vec<usize> = message
        .lengths
        .chunks_exact(4)
        .map(|b| i32::from_le_bytes(b.try_into().unwrap_or_default()).max(0) as usize)
        .collect();
    let total: usize = lengths.iter().sum();
    if values.len() != total * width || message.spaces.len() != total {
        return Err(format!("token arrays do not match the lengths ({total} tokens)"));
    }
    let mut docs = Vec::new();
    let mut first = 0;
    for (i, &len) in lengths.iter().enumerate() {
        let cell = |token: usize, col: usize| values.get((first + token) * width + col).copied().unwrap_or(0);
        let mut text = String::new();
        let mut bounds = Vec::with_capacity(len);
        let mut at = 0;
        for t in 0..len {
            let word = lookup(cell(t, orth))?;
            let end = at + word.chars().count();
            bounds.push((at, end));
            text.push_str(word);
            at = end;
            if message.spaces.get(first + t) == Some(&1) {
                text.push(' ');
                at += 1;
            }
        }
        let mut spans = entities(&bounds, |t, attr| column(attr).map(|c| cell(t, c)), &lookup)?;
        let groups = message.span_groups.get(i).map(|b| b.as_slice()).unwrap_or_default();
        spans.extend(group_spans(groups, &lookup)?);
        docs.push(build(text, &spans, summary).map_err(|m| format!("document {}: {m}", i + 1))?);
        first += len;
    }
    Ok(docs)
}

fn entities<'s>(
    bounds: &[(usize, usize)],
    cell: impl Fn(usize, u64) -> Option<u64>,
    lookup: &impl Fn(u64) -> Result<&'s str, String>,
) -> Result<Vec<ReadSpan>, String> {
    let mut spans: Vec<ReadSpan> = Vec::new();
    let mut open: Option<ReadSpan> = None;
    for (t, &(start, end)) in bounds.iter().enumerate() {
        let iob = cell(t, ENT_IOB).unwrap_or(IOB_O);
        let label = cell(t, ENT_TYPE).unwrap_or(0);
        let continues = iob == IOB_I && open.as_ref().is_some_and(|o| o.label == lookup(label).unwrap_or_default());
        if continues {
            if let Some(o) = open.as_mut() {
                o.end = end;
            }
            continue;
        }
        spans.extend(open.take());
        if iob == IOB_B || iob == IOB_I {
            let label = lookup(label)?.to_owned();
            open = Some(ReadSpan { group: "ents".into(), label, id: String::new(), start, end });
        }
    }
    spans.extend(open);
    Ok(spans)
}

/// Spans of a document's `SpanGroups` bytes.
fn group_spans<'s>(bytes: &[u8], lookup: &impl Fn(u64) -> Result<&'s str, String>) -> Result<Vec<ReadSpan>, String> {
    // `[]` (or nothing, from old spaCy versions) means no groups.
    if bytes.is_empty() || bytes == [0x90] {
        return Ok(Vec::new());
    }
    let groups: SpanGroupsIn = rmp_serde::from_slice(bytes).map_err(|e| format!("bad span groups: {e}"))?;
    let keyed: Vec<(Vec<u8>, Option<String>)> = match groups {
        SpanGroupsIn::Keyed(map) => map.into_iter().map(|(b, keys)| (b.into_vec(), keys.into_iter().next())).collect(),
        SpanGroupsIn::List(list) => list.into_iter().map(|b| (b.into_vec(), None)).collect(),
    };
    let mut spans = Vec::new();
    for (bytes, key) in keyed {
        let group: SpanGroupMsg = rmp_serde::from_slice(&bytes).map_err(|e| format!("bad span group: {e}"))?;
        let name = key.unwrap_or(group.name);
        for record in &group.spans {
            let r = SpanRecord::from_bytes(record).ok_or_else(|| format!("bad span record in group {name}"))?;
            let offset = |n: i32| usize::try_from(n).map_err(|_| format!("negative offset in group {name}"));
            spans.push(ReadSpan {
                group: name.clone(),
                label: lookup(r.label)?.to_owned(),
                id: if r.id == 0 { String::new() } else { lookup(r.id)?.to_owned() },
                start: offset(r.start_char)?,
                end: offset(r.end_char)?,
            });
        }
    }
    Ok(spans)
}

/// Entities first (speakers refer to them), then quotes, cues and speakers.
fn build(text: String, spans: &[ReadSpan], summary: &mut ImportSummary) -> Result<Document, String> {
    let mut draft = Draft::new(text, None, "spacy");
    let mut entities: HashMap<(usize, usize, &str), SpanId> = HashMap::new();
    let mut quotes: HashMap<&str, SpanId> = HashMap::new();
    let in_group = |names: &'static [&'static str]| spans.iter().filter(move |s| names.contains(&s.group.as_str()));
    for s in in_group(&["ents", OVERLAPPING, INCORRECT]) {
        let status = if s.group == INCORRECT { Status::Rejected } else { Status::Accepted };
        let span = draft.span(s.start, s.end, &s.label, status)?;
        match span {
            SpanId::Entity(_) => entities.insert((s.start, s.end, s.label.as_str()), span),
            // A rejected quote keeps its id so that its cue still finds it.
            _ => quotes.insert(s.id.as_str(), span),
        };
    }
    for s in in_group(&[QUOTES]) {
        quotes.insert(s.id.as_str(), draft.span(s.start, s.end, &s.label, Status::Accepted)?);
    }
    let quote_of =
        |s: &ReadSpan| quotes.get(s.id.as_str()).cloned().ok_or_else(|| format!("no quote with id {:?}", s.id));
    for s in in_group(&[CUES]) {
        let cue = draft.span(s.start, s.end, &s.label, Status::Accepted)?;
        draft.relate(&cue, &quote_of(s)?, CUE_OF)?;
    }
    for s in in_group(&[SPEAKERS]) {
        let speaker = entities
            .get(&(s.start, s.end, s.label.as_str()))
            .cloned()
            .ok_or_else(|| format!("speaker {}..{} is not an entity", s.start, s.end))?;
        draft.relate(&quote_of(s)?, &speaker, SAID_BY)?;
    }
    draft.finish(summary)
}
