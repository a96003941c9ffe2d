//! spaCy `.spacy` files: a DocBin, zlib-compressed msgpack (see
//! `msgpack_docbin`), with attributes `ORTH`, `ENT_IOB`, `ENT_TYPE`.
//!
//! Entities go to `doc.ents` (an entity overlapping an earlier, longer one to
//! `doc.spans["overlapping_entities"]`); quotes to `doc.spans["quotes"]`
//! (labels `DIRECT_QUOTE` / `INDIRECT_QUOTE`, `span.id_` the quote id); cues to
//! `doc.spans["cues"]` and each quote's speaker to `doc.spans["speakers"]`,
//! both with `id_` set to their quote's id; rejected spans to
//! `doc.spans["incorrect_spans"]`, the key spaCy's NER reads negatives from.
//! Tokens are Sorot's, cut at every span boundary, so every span aligns.

use std::collections::{BTreeSet, HashMap};
use std::io::{Read, Write};
use std::path::Path;

use serde_bytes::ByteBuf;

use super::draft::quote_label;
use super::msgpack_docbin::*;
use super::output::write_file;
use super::spacy_hash::string_id;
use super::spacy_tokens::{spacy_tokens, SpacyToken};
use super::{ExportSummary, FormatError, ImportSummary, CUE};
use crate::model::{Document, Status};

pub(crate) const ENTS: &str = "ents";
pub(crate) const OVERLAPPING: &str = "overlapping_entities";
pub(crate) const QUOTES: &str = "quotes";
pub(crate) const CUES: &str = "cues";
pub(crate) const SPEAKERS: &str = "speakers";
pub(crate) const INCORRECT: &str = "incorrect_spans";

/// A span to place: which group, label, id string, code points.
struct Placed {
    group: &'static str,
    label: String,
    id: String,
    start: usize,
    end: usize,
}

pub(crate) fn export(docs: &[Document], out: &Path, summary: &mut ExportSummary) -> Result<(), FormatError> {
    let attrs = vec![ORTH, ENT_IOB, ENT_TYPE];
    let mut message = DocBinOut {
        version: "0.1",
        attrs,
        tokens: ByteBuf::new(),
        spaces: ByteBuf::new(),
        lengths: ByteBuf::new(),
        strings: Vec::new(),
        cats: Vec::new(),
        flags: Vec::new(),
        span_groups: Vec::new(),
    };
    let mut strings = BTreeSet::new();
    for doc in docs {
        add_doc(doc, &mut message, &mut strings, summary)?;
    }
    // Python sorts str by code point; UTF-8 byte order is the same order.
    message.strings = strings.into_iter().collect();
    let packed = rmp_serde::to_vec_named(&message).map_err(|e| write_error(out, e))?;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&packed).map_err(|e| write_error(out, e))?;
    let bytes = encoder.finish().map_err(|e| write_error(out, e))?;
    write_file(out, &bytes, summary)
}

fn write_error(out: &Path, error: impl std::fmt::Display) -> FormatError {
    FormatError::Write { path: out.to_owned(), source: std::io::Error::other(error.to_string()) }
}

/// Where each annotation of `doc` goes.
fn placements(doc: &Document, summary: &mut ExportSummary) -> Vec<Placed> {
    let mut placed = Vec::new();
    let mut ents: Vec<(usize, usize)> = Vec::new();
    let mut entities: Vec<_> = doc.entities().iter().collect();
    entities.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    for e in entities {
        let group = if e.status == Status::Rejected {
            INCORRECT
        } else if ents.iter().any(|&(s, end)| s < e.end && e.start < end) {
            OVERLAPPING
        } else {
            ents.push((e.start, e.end));
            ENTS
        };
        placed.push(Placed { group, label: e.label.to_string(), id: String::new(), start: e.start, end: e.end });
    }
    for q in doc.quotes() {
        let group = if q.status == Status::Rejected { INCORRECT } else { QUOTES };
        placed.push(Placed {
            group,
            label: quote_label(q.kind).to_owned(),
            id: q.id.to_string(),
            start: q.start,
            end: q.end,
        });
        if let Some(cue) = &q.cue {
            placed.push(Placed {
                group: CUES,
                label: CUE.to_owned(),
                id: q.id.to_string(),
                start: cue.start,
                end: cue.end,
            });
        }
        if let Some(speaker) = q.speaker.as_deref().and_then(|id| doc.entity(id)) {
            let label = speaker.label.clone();
            placed.push(Placed {
                group: SPEAKERS,
                label: label.to_string(),
                id: q.id.to_string(),
                start: speaker.start,
                end: speaker.end,
            });
        }
    }
    let suggested = doc.entities().iter().filter(|e| e.status == Status::Suggested).count()
        + doc.quotes().iter().filter(|q| q.status == Status::Suggested).count();
    summary.lose(suggested, "review statuses of suggestions (spaCy has none: written as annotations)");
    placed
}

fn add_doc(
    doc: &Document,
    message: &mut DocBinOut,
    strings: &mut BTreeSet<String>,
    summary: &mut ExportSummary,
) -> Result<(), FormatError> {
    let placed = placements(doc, summary);
    summary.spans_written += placed.iter().filter(|p| p.group != SPEAKERS).count();
    let chars: Vec<char> = doc.text.chars().collect();
    let starts: BTreeSet<usize> = placed.iter().map(|p| p.start).collect();
    let ends: BTreeSet<usize> = placed.iter().map(|p| p.end).collect();
    let (tokens, split) = spacy_tokens(&chars, &starts, &ends);
    summary.adjust(split, "tokens split at span boundaries");
    let token_at_start: HashMap<usize, usize> = tokens.iter().enumerate().map(|(i, t)| (t.start, i)).collect();
    let token_at_end: HashMap<usize, usize> = tokens.iter().enumerate().map(|(i, t)| (t.end, i + 1)).collect();
    let mut iob = vec![(IOB_O, 0u64); tokens.len()];
    let mut groups: Vec<(&'static str, Vec<SpanRecord>)> = Vec::new();
    for p in &placed {
        let (Some(&first), Some(&end)) = (token_at_start.get(&p.start), token_at_end.get(&p.end)) else {
            summary.lose(1, "spans not on token boundaries");
            continue;
        };
        strings.insert(p.label.clone());
        let label = string_id(&p.label);
        if p.group == ENTS {
            for (i, slot) in iob.iter_mut().enumerate().take(end).skip(first) {
                *slot = (if i == first { IOB_B } else { IOB_I }, label);
            }
            continue;
        }
        if !p.id.is_empty() {
            strings.insert(p.id.clone());
        }
        let record = SpanRecord {
            id: string_id(&p.id),
            kb_id: 0,
            label,
            start: to_i32(first),
            end: to_i32(end),
            start_char: to_i32(p.start),
            end_char: to_i32(p.end),
        };
        match groups.iter_mut().find(|(name, _)| *name == p.group) {
            Some((_, records)) => records.push(record),
            None => groups.push((p.group, vec![record])),
        }
    }
    write_tokens(&chars, &tokens, &iob, message, strings);
    message.span_groups.push(span_groups_bytes(&groups)?);
    Ok(())
}

fn to_i32(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

fn write_tokens(
    chars: &[char],
    tokens: &[SpacyToken],
    iob: &[(u64, u64)],
    message: &mut DocBinOut,
    strings: &mut BTreeSet<String>,
) {
    strings.insert(String::new());
    for (token, &(tag, label)) in tokens.iter().zip(iob) {
        let text: String = chars.get(token.start..token.end).unwrap_or_default().iter().collect();
        for n in [string_id(&text), tag, label] {
            message.tokens.extend(n.to_le_bytes());
        }
        message.spaces.push(u8::from(token.space));
        strings.insert(text);
    }
    message.lengths.extend(to_i32(tokens.len()).to_le_bytes());
    message.cats.push(Default::default());
    message.flags.push(Flags::default());
}

fn span_groups_bytes(groups: &[(&'static str, Vec<SpanRecord>)]) -> Result<ByteBuf, FormatError> {
    let mut keyed = Vec::new();
    for (name, records) in groups {
        let group = SpanGroupMsg {
            name: (*name).to_owned(),
            attrs: HashMap::new(),
            spans: records.iter().map(|r| r.to_bytes()).collect(),
        };
        let bytes = rmp_serde::to_vec_named(&group).map_err(|e| write_error(Path::new(name), e))?;
        keyed.push((ByteBuf::from(bytes), (*name).to_owned()));
    }
    let bytes = rmp_serde::to_vec_named(&SpanGroupsOut(keyed)).map_err(|e| write_error(Path::new("span groups"), e))?;
    Ok(ByteBuf::from(bytes))
}

/// A DocBin inflating past this many bytes is refused as soon as it does, so
/// that a small file built to inflate to gigabytes costs no more than this.
pub(crate) const MAX_INFLATED_BYTES: u64 = 4 * crate::store::MAX_ARTICLE_BYTES;

pub(crate) fn import(path: &Path, summary: &mut ImportSummary) -> Result<Vec<Document>, FormatError> {
    let compressed = super::output::read_bytes(path)?;
    let bad = |message: String| FormatError::malformed(path, 0, message);
    let packed = inflate(&compressed, MAX_INFLATED_BYTES).map_err(bad)?;
    let message: DocBinIn = rmp_serde::from_slice(&packed).map_err(|e| bad(format!("not a DocBin message: {e}")))?;
    super::spacy_read::documents(&message, summary).map_err(bad)
}

/// zlib-inflates `compressed`, stopping with an error once past `limit` bytes.
pub(crate) fn inflate(compressed: &[u8], limit: u64) -> Result<Vec<u8>, String> {
    let mut packed = Vec::new();
    flate2::read::ZlibDecoder::new(compressed)
        .take(limit + 1)
        .read_to_end(&mut packed)
        .map_err(|e| format!("not a zlib-compressed DocBin: {e}"))?;
    if packed.len() as u64 > limit {
        return Err(format!("the DocBin inflates to more than {limit} bytes: refused before inflating further"));
    }
    Ok(packed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compressed(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn inflating_stops_at_the_limit() {
        let bomb = compressed(&vec![0u8; 3 << 20]);
        assert!(bomb.len() < 20_000, "{}", bomb.len());
        let error = inflate(&bomb, 1 << 20).unwrap_err();
        assert!(error.contains("more than 1048576 bytes"), "{error}");
        let text = "“Ya 😀,” kata Ana.\r\n".as_bytes();
        assert_eq!(inflate(&compressed(text), text.len() as u64).unwrap(), text);
    }
}
