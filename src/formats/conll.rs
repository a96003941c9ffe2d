//! CoNLL NER: one `token TAG` line per token, a blank line after each
//! sentence, `-DOCSTART- O` before each document; tags in IOB2 or BIOES.
//!
//! Alignment policy: a span never has to give way to the tokenizer. Tokens are
//! split wherever an entity starts or ends inside one (`Korea-Rusia` with
//! `Korea` labelled becomes `Korea`, `-Rusia`), so every entity keeps exactly
//! its tokens; the summary counts the split tokens. Sentence breaks inside an
//! entity are dropped. What CoNLL cannot hold is reported as lost: overlapping
//! entities (the longer, earlier one is kept), quotes, cues and links,
//! rejected spans, and the original whitespace (import joins tokens with
//! spaces and sentences with line breaks).

use std::collections::BTreeSet;
use std::path::Path;

use super::draft::{check_label, Draft};
use super::output::{read_text, write_file};
use super::tokens::{tokenize, Tokenized};
use super::{ExportOptions, ExportSummary, FormatError, ImportSummary, TagScheme};
use crate::model::{Document, Entity, Status};

const DOCSTART: &str = "-DOCSTART-";

pub(crate) fn export(
    docs: &[Document],
    options: &ExportOptions,
    out: &Path,
    summary: &mut ExportSummary,
) -> Result<(), FormatError> {
    let mut text = String::new();
    for doc in docs {
        text.push_str(&format!("{DOCSTART} O\n\n"));
        text.push_str(&document_lines(doc, options.scheme, summary));
    }
    write_file(out, text.as_bytes(), summary)
}

/// Entities that can be tagged: not rejected, none overlapping a kept one
/// (earlier first, then longer).
fn taggable<'d>(doc: &'d Document, summary: &mut ExportSummary) -> Vec<&'d Entity> {
    let mut candidates: Vec<&Entity> = doc.entities().iter().filter(|e| e.status != Status::Rejected).collect();
    summary.lose(doc.entities().len() - candidates.len(), "rejected spans (CoNLL cannot mark negatives)");
    candidates.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    let mut kept: Vec<&Entity> = Vec::new();
    for e in candidates {
        if kept.iter().any(|k| k.start < e.end && e.start < k.end) {
            summary.lose(1, "overlapping entities (CoNLL has one tag per token)");
        } else {
            kept.push(e);
        }
    }
    kept
}

fn document_lines(doc: &Document, scheme: TagScheme, summary: &mut ExportSummary) -> String {
    let quotes = doc.quotes().len() + doc.quotes().iter().filter(|q| q.cue.is_some()).count();
    summary.lose(quotes, "quotes and cues with their links (CoNLL holds entity tags only)");
    let suggested = doc.entities().iter().filter(|e| e.status == Status::Suggested).count();
    summary.lose(suggested, "review statuses of suggestions (CoNLL has none: read back as accepted)");
    summary.lose(1, "documents' original whitespace (import joins tokens with spaces and sentences with line breaks)");
    let entities = taggable(doc, summary);
    let chars: Vec<char> = doc.text.chars().collect();
    let cuts: BTreeSet<usize> = entities.iter().flat_map(|e| [e.start, e.end]).collect();
    let mut tokenized = tokenize(&chars, &cuts);
    let ranges: Vec<(usize, usize)> = entities.iter().map(|e| (e.start, e.end)).collect();
    tokenized.keep_spans_whole(&ranges);
    summary.adjust(tokenized.tokens_split, "tokens split at span boundaries");
    let tags = tags_of(&tokenized, &entities, scheme, summary);
    let mut out = String::new();
    for (i, (token, tag)) in tokenized.tokens.iter().zip(&tags).enumerate() {
        if i > 0 && tokenized.sentence_starts.contains(&i) {
            out.push('\n');
        }
        let word: String = chars.get(token.start..token.end).unwrap_or_default().iter().collect();
        out.push_str(&format!("{word} {tag}\n"));
    }
    out.push('\n');
    out
}

fn tags_of(tokenized: &Tokenized, entities: &[&Entity], scheme: TagScheme, summary: &mut ExportSummary) -> Vec<String> {
    let mut tags = vec!["O".to_owned(); tokenized.tokens.len()];
    for entity in entities {
        let Some((first, end)) = tokenized.covering(entity.start, entity.end) else {
            summary.lose(1, "entities covering only whitespace");
            continue;
        };
        let covered = tokenized.tokens.get(first).map(|t| t.start) == Some(entity.start)
            && tokenized.tokens.get(end - 1).map(|t| t.end) == Some(entity.end);
        if !covered {
            summary.adjust(1, "entities trimmed of edge whitespace");
        }
        summary.spans_written += 1;
        for (i, tag) in tags.iter_mut().enumerate().take(end).skip(first) {
            let prefix = match (scheme, i == first, i + 1 == end) {
                (TagScheme::Bioes, true, true) => "S",
                (TagScheme::Bioes, false, true) => "E",
                (_, true, _) => "B",
                _ => "I",
            };
            *tag = format!("{prefix}-{}", entity.label);
        }
    }
    tags
}

pub(crate) fn import(path: &Path, summary: &mut ImportSummary) -> Result<Vec<Document>, FormatError> {
    let content = read_text(path)?;
    let mut docs = Vec::new();
    let mut reader = Reader::default();
    for (i, line) in content.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            [] => reader.end_sentence(),
            [first, ..] if *first == DOCSTART => docs.extend(reader.finish(path, summary)?),
            [word, .., tag] => reader.token(word, tag).map_err(|m| FormatError::malformed(path, i + 1, m))?,
            [_] => return Err(FormatError::malformed(path, i + 1, "a token line needs `TOKEN TAG`")),
        }
    }
    docs.extend(reader.finish(path, summary)?);
    Ok(docs)
}

/// Rebuilds one document's text and entities from tagged tokens.
#[derive(Default)]
struct Reader {
    text: String,
    /// Code points in `text`.
    len: usize,
    /// `(label, start, end)` of finished entities.
    entities: Vec<(String, usize, usize)>,
    /// The entity being read: label, start, end so far.
    open: Option<(String, usize, usize)>,
    at_sentence_start: bool,
}

impl Reader {
    fn token(&mut self, word: &str, tag: &str) -> Result<(), String> {
        if !self.text.is_empty() {
            self.text.push(if self.at_sentence_start { '\n' } else { ' ' });
            self.len += 1;
        }
        self.at_sentence_start = false;
        let (start, end) = (self.len, self.len + word.chars().count());
        self.text.push_str(word);
        self.len = end;
        if tag == "O" {
            self.close();
            return Ok(());
        }
        let (prefix, label) = tag.split_once('-').ok_or_else(|| format!("bad tag {tag:?}"))?;
        check_label(label)?;
        if !matches!(prefix, "B" | "I" | "E" | "L" | "S" | "U") {
            return Err(format!("bad tag {tag:?}: expected O or a B-, I-, E-, S- (L-, U-) prefix"));
        }
        // An I- after O or after another label starts an entity (IOB1 files do that).
        let continues = matches!(prefix, "I" | "E" | "L") && self.open.as_ref().is_some_and(|(l, _, _)| l == label);
        match &mut self.open {
            Some(open) if continues => open.2 = end,
            _ => {
                self.close();
                self.open = Some((label.to_owned(), start, end));
            }
        }
        if matches!(prefix, "E" | "L" | "S" | "U") {
            self.close();
        }
        Ok(())
    }

    fn close(&mut self) {
        self.entities.extend(self.open.take());
    }

    fn end_sentence(&mut self) {
        self.close();
        self.at_sentence_start = true;
    }

    /// The document read so far (none if it has no tokens); starts the next.
    fn finish(&mut self, path: &Path, summary: &mut ImportSummary) -> Result<Option<Document>, FormatError> {
        self.close();
        let read = std::mem::take(self);
        if read.text.is_empty() {
            return Ok(None);
        }
        let mut draft = Draft::new(read.text, None, "conll");
        for (label, start, end) in read.entities {
            draft.span(start, end, &label, Status::Accepted).map_err(|m| FormatError::malformed(path, 0, m))?;
        }
        draft.finish(summary).map(Some).map_err(|m| FormatError::malformed(path, 0, m))
    }
}
