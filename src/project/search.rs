//! Search across a project: text in the articles, spans by label and text, and
//! bulk review of one surface form ("accept every suggested `Jakarta` as LOC").
//!
//! Searches run over [`Corpus`] documents: the saved annotations where there are
//! some, else the article text with no spans. Offsets in hits are code points,
//! ready to jump to.

use std::ops::Range;

use rayon::prelude::*;

use super::decode::decode_entry;
use super::layout::Layout;
use super::open::{load_saved, save_document};
use super::scan::{ArticleEntry, ArticleId};
use super::settings::{edit_count, ProjectChange};
use crate::model::{Document, Edit, SpanRef, Status};
use crate::store::AnnotationFileError;

/// The project's documents as searched: id and document (saved or bare text).
pub type Corpus = Vec<(ArticleId, Document)>;

/// Loads every article's document on all cores; unreadable ones are left out
/// (the document list reports them).
pub fn load_corpus(layout: &Layout, entries: &[ArticleEntry]) -> Corpus {
    entries
        .par_iter()
        .filter_map(|entry| {
            let doc = match load_saved(layout, &entry.id) {
                Ok(Some(doc)) => doc,
                _ => Document::new(decode_entry(entry).ok()?.text, None),
            };
            Some((entry.id.clone(), doc))
        })
        .collect()
}

/// Where a hit is.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub article: ArticleId,
    pub start: usize,
    pub end: usize,
    /// The span found, for span searches.
    pub span: Option<SpanRef>,
    /// The line of text around the hit, for the result list.
    pub context: String,
}

/// A text to find, folded once, with its failure table.
#[derive(Debug, Clone)]
pub struct Needle {
    folded: Vec<char>,
    table: Vec<usize>,
}

impl Needle {
    /// `None` for an empty text: it would match everywhere.
    pub fn new(text: &str) -> Option<Self> {
        let folded: Vec<char> = text.chars().map(fold).collect();
        if folded.is_empty() {
            return None;
        }
        let table = partial_matches(&folded);
        Some(Self { folded, table })
    }
}

/// Every case-insensitive occurrence of `needle` in the corpus, up to `limit`,
/// in corpus order. Documents are searched on all cores, each folded as it is
/// read (no folded copy of the text is built): 100,000 short articles take
/// well under a second.
pub fn search_text(corpus: &Corpus, needle: &str, limit: usize) -> Vec<Hit> {
    let Some(needle) = Needle::new(needle) else { return Vec::new() };
    let mut hits = Vec::new();
    // A chunk at a time, so that a common word stops at the limit early.
    for chunk in corpus.chunks(SEARCH_CHUNK) {
        if hits.len() >= limit {
            break;
        }
        let left = limit - hits.len();
        let per_document: Vec<Vec<Hit>> = chunk.par_iter().map(|(id, doc)| text_hits(id, doc, &needle, left)).collect();
        hits.extend(per_document.into_iter().flatten().take(left));
    }
    hits
}

/// The first `limit` occurrences of `needle` in one document.
pub fn text_hits(id: &ArticleId, doc: &Document, needle: &Needle, limit: usize) -> Vec<Hit> {
    text_hits_in(id, &doc.text, needle, limit)
}

/// [`text_hits`] in a text alone (no document, no offset index built: a
/// search across a project reads just the texts).
pub fn text_hits_in(id: &ArticleId, text: &str, needle: &Needle, limit: usize) -> Vec<Hit> {
    let mut found = Vec::new();
    if limit == 0 {
        return found;
    }
    for_each_folded_match(text, &needle.folded, &needle.table, |chars, bytes| {
        let context = context_of(text, bytes.clone());
        found.push(Hit { article: id.clone(), start: chars.start, end: chars.end, span: None, context });
        found.len() < limit
    });
    found
}

/// Documents searched together on all cores before the limit is checked.
const SEARCH_CHUNK: usize = 1_024;

/// Calls `found(chars, bytes)` (where it is in code points and in bytes) for
/// each non-overlapping occurrence of `needle` (already folded) in `text`
/// folded, left to right, while it returns true. Knuth-Morris-Pratt over
/// folded characters: folding maps one character to one, so the offsets are
/// the text's own.
fn for_each_folded_match(
    text: &str,
    needle: &[char],
    table: &[usize],
    mut found: impl FnMut(Range<usize>, Range<usize>) -> bool,
) {
    let mut matched = 0;
    for (at, (byte, c)) in text.char_indices().enumerate() {
        let folded = if c.is_ascii() { c.to_ascii_lowercase() } else { fold(c) };
        while matched > 0 && needle.get(matched) != Some(&folded) {
            matched = table.get(matched - 1).copied().unwrap_or(0);
        }
        if needle.get(matched) == Some(&folded) {
            matched += 1;
        }
        if matched == needle.len() {
            let end = byte + c.len_utf8();
            // The match's first byte: `matched` characters back from its end.
            let start = text[..end].char_indices().rev().nth(matched - 1).map_or(0, |(b, _)| b);
            if !found(at + 1 - matched..at + 1, start..end) {
                return;
            }
            // Non-overlapping, like `str::match_indices`: start afresh after a match.
            matched = 0;
        }
    }
}

/// For each prefix of `needle`, the length of its longest proper prefix that is
/// also its suffix (the KMP failure table).
fn partial_matches(needle: &[char]) -> Vec<usize> {
    let mut table = vec![0; needle.len()];
    let mut k = 0;
    for i in 1..needle.len() {
        while k > 0 && needle.get(i) != needle.get(k) {
            k = table.get(k - 1).copied().unwrap_or(0);
        }
        if needle.get(i) == needle.get(k) {
            k += 1;
        }
        if let Some(slot) = table.get_mut(i) {
            *slot = k;
        }
    }
    table
}

/// A character's lower case when that is one character; itself otherwise.
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Characters of the line kept before a hit, and after it.
const CONTEXT_BEFORE: usize = 40;
const CONTEXT_AFTER: usize = 80;
/// Characters of a long hit (a quotation) shown before it is cut.
const CONTEXT_HIT: usize = 160;

/// The line around the hit at `bytes`, trimmed, cut with `…` to a few dozen
/// characters either side: a hit in an article written on one long line costs
/// a short string, and finding it does not scan the whole line.
fn context_of(text: &str, bytes: Range<usize>) -> String {
    let (from, to) = (bytes.start, bytes.end);
    if from > to || !text.is_char_boundary(from) || !text.is_char_boundary(to) || to > text.len() {
        return String::new();
    }
    let (line_start, cut_before) = reach_back(text, from, CONTEXT_BEFORE);
    let hit_end = text[from..to].char_indices().nth(CONTEXT_HIT).map(|(i, _)| from + i);
    let (line_end, cut_after) = match hit_end {
        Some(cut) => (cut, true),
        None => reach_forward(text, to, CONTEXT_AFTER),
    };
    let mut context = String::with_capacity(line_end - line_start + 8);
    if cut_before {
        context.push('…');
    }
    context.push_str(text[line_start..line_end].trim());
    if cut_after {
        context.push('…');
    }
    context
}

/// [`context_of`] a span given in code points.
fn span_context(doc: &Document, start: usize, end: usize) -> String {
    match (doc.byte_of(start), doc.byte_of(end)) {
        (Some(from), Some(to)) => context_of(&doc.text, from..to),
        _ => String::new(),
    }
}

/// Where the context before byte `from` starts: at most `chars` characters
/// back, never past a line break; true when the line was cut.
fn reach_back(text: &str, from: usize, chars: usize) -> (usize, bool) {
    let mut start = from;
    for (taken, (at, c)) in text[..from].char_indices().rev().enumerate() {
        if c == '\n' {
            return (start, false);
        }
        if taken == chars {
            return (start, true);
        }
        start = at;
    }
    (start, false)
}

/// Where the context after byte `to` ends: at most `chars` characters on,
/// never past a line break; true when the line was cut.
fn reach_forward(text: &str, to: usize, chars: usize) -> (usize, bool) {
    for (taken, (at, c)) in text[to..].char_indices().enumerate() {
        if c == '\n' {
            return (to + at, false);
        }
        if taken == chars {
            return (to + at, true);
        }
    }
    (text.len(), false)
}

/// Which spans to find ("all PERSON spans 'Putin'").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpanQuery {
    /// An entity label; `None`: any label, and quotes too.
    pub label: Option<String>,
    /// Case-insensitive part of the span's text; empty: any.
    pub text: String,
    /// The whole span text must match, not a part.
    pub exact: bool,
    pub status: Option<Status>,
}

impl SpanQuery {
    fn text_matches(&self, text: &str) -> bool {
        let (text, needle): (String, String) =
            (text.chars().map(fold).collect(), self.text.chars().map(fold).collect());
        if self.exact {
            text == needle
        } else {
            text.contains(&needle)
        }
    }
}

/// The spans matching `query`, in document order.
pub fn search_spans(corpus: &Corpus, query: &SpanQuery) -> Vec<Hit> {
    corpus.iter().flat_map(|(id, doc)| span_hits(id, doc, query, usize::MAX)).collect()
}

/// The first `limit` spans of one document matching `query`: entities, then
/// (when no label is asked for) quotations.
pub fn span_hits(id: &ArticleId, doc: &Document, query: &SpanQuery, limit: usize) -> Vec<Hit> {
    let status_ok = |s: Status| query.status.is_none_or(|q| q == s);
    let entities = doc
        .entities()
        .iter()
        .filter(|e| query.label.as_ref().is_none_or(|l| *l == e.label) && status_ok(e.status))
        .filter(|e| query.text_matches(&e.text))
        .map(|e| (SpanRef::Entity(e.id.clone()), e.start, e.end));
    let quotes = doc
        .quotes()
        .iter()
        .filter(|_| query.label.is_none())
        .filter(|q| status_ok(q.status) && query.text_matches(&q.text))
        .map(|q| (SpanRef::Quote(q.id.clone()), q.start, q.end));
    entities
        .chain(quotes)
        .take(limit)
        .map(|(span, start, end)| Hit {
            article: id.clone(),
            start,
            end,
            span: Some(span),
            context: span_context(doc, start, end),
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Reject,
}

/// One bulk review: every *suggested* entity whose text is exactly `surface`
/// accepted as `label` (relabelled if needed) or, if labelled `label`, rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BulkReview<'a> {
    pub surface: &'a str,
    pub label: &'a str,
    pub decision: Decision,
    /// Stamped on every changed span.
    pub who: Option<&'a str>,
    /// RFC 3339 UTC.
    pub when: &'a str,
}

/// `review` on one document as one undoable edit; `None` when nothing matches.
pub fn bulk_review_edit(doc: &Document, review: &BulkReview) -> Option<Edit> {
    let edits: Vec<Edit> = doc
        .entities()
        .iter()
        .filter(|e| e.status == Status::Suggested && e.text == review.surface)
        .filter(|e| review.decision == Decision::Accept || e.label == review.label)
        .map(|e| {
            let mut after = e.clone();
            match review.decision {
                Decision::Accept => {
                    after.status = Status::Accepted;
                    after.label = review.label.into();
                }
                Decision::Reject => after.status = Status::Rejected,
            }
            Edit::Entity { before: Some(e.clone()), after: Some(after) }
        })
        .collect();
    if edits.is_empty() {
        return None;
    }
    // An accepted label the document lacks joins its schema in the same step.
    let label = doc.label_added_edit(review.label).filter(|_| review.decision == Decision::Accept);
    Some(Edit::Batch(label.into_iter().chain(edits).collect()).stamped(review.who, review.when))
}

/// [`bulk_review_edit`] over every saved document of the project, each file
/// written atomically. The document open in the app is `skip`ped: give it the
/// edit through its history instead, so it can be undone there.
pub fn bulk_review_project(
    layout: &Layout,
    entries: &[ArticleEntry],
    skip: Option<&ArticleId>,
    review: &BulkReview,
) -> ProjectChange {
    let mut change = ProjectChange::default();
    for entry in entries.iter().filter(|e| Some(&e.id) != skip) {
        match review_saved(layout, &entry.id, review) {
            Ok(0) => {}
            Ok(spans) => {
                change.documents += 1;
                change.spans += spans;
            }
            Err(error) => change.failures.push(error),
        }
    }
    change
}

fn review_saved(layout: &Layout, id: &ArticleId, review: &BulkReview) -> Result<usize, AnnotationFileError> {
    let Some(mut doc) = load_saved(layout, id)? else { return Ok(0) };
    let Some(edit) = bulk_review_edit(&doc, review) else { return Ok(0) };
    if doc.apply(&edit).is_err() {
        return Ok(0); // computed from this very document: cannot be stale
    }
    save_document(layout, id, &doc)?;
    Ok(edit_count(&edit))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the search finds, by the plain method: fold the whole text, then
    /// `match_indices`, offsets turned into code points.
    fn reference(text: &str, needle: &str) -> Vec<(usize, usize)> {
        let folded: String = text.chars().map(fold).collect();
        let needle: String = needle.chars().map(fold).collect();
        folded
            .match_indices(&needle)
            .map(|(byte, _)| {
                let start = folded[..byte].chars().count();
                (start, start + needle.chars().count())
            })
            .collect()
    }

    fn found(text: &str, needle: &str) -> Vec<(usize, usize)> {
        let needle: Vec<char> = needle.chars().map(fold).collect();
        let mut out = Vec::new();
        for_each_folded_match(text, &needle, &partial_matches(&needle), |chars, bytes| {
            let in_chars: String = text.chars().skip(chars.start).take(chars.len()).collect();
            assert_eq!(&text[bytes], in_chars, "bytes and code points agree");
            out.push((chars.start, chars.end));
            true
        });
        out
    }

    #[test]
    fn finds_what_folding_the_whole_text_finds_with_curly_quotes_emoji_and_crlf() {
        let text = "“Jakarta 😀 JAKARTA,” kata\r\nwarga jakarta. aaaa abab ababab İstanbul \u{212a}ota Kota";
        for needle in ["jakarta", "JaKaRtA", "😀 jak", "aa", "abab", "ta,” k", "\r\nwarga", "kota", "İst", "x"] {
            assert_eq!(found(text, needle), reference(text, needle), "{needle:?}");
        }
        assert_eq!(found(text, "jakarta").first(), Some(&(1, 8)));
    }

    #[test]
    fn search_text_keeps_corpus_order_and_the_limit() {
        let doc = |text: &str| Document::new(text.to_owned(), None);
        let id = |path: &str| ArticleId { path: path.to_owned(), line: None };
        let corpus: Corpus = vec![
            (id("a.txt"), doc("Bandung dan bandung.\r\nLagi Bandung")),
            (id("b.txt"), doc("Tidak ada.")),
            (id("c.txt"), doc("😀 BANDUNG")),
        ];
        let hits = search_text(&corpus, "bandung", 10);
        let places: Vec<(&str, usize)> = hits.iter().map(|h| (h.article.path.as_str(), h.start)).collect();
        assert_eq!(places, [("a.txt", 0), ("a.txt", 12), ("a.txt", 27), ("c.txt", 2)]);
        assert_eq!(hits[2].context, "Lagi Bandung");
        assert_eq!(search_text(&corpus, "bandung", 2).len(), 2);
        assert!(search_text(&corpus, "", 10).is_empty());
    }

    #[test]
    fn context_is_a_short_piece_of_the_line_even_on_a_very_long_line() {
        let id = ArticleId { path: "a.txt".into(), line: None };
        let long_line =
            format!("{}“Kata 😀 Bandung,” ujarnya.{}\r\nBaris dua.", "x ".repeat(5_000), " y".repeat(5_000));
        let doc = Document::new(long_line, None);
        let hits = text_hits(&id, &doc, &Needle::new("bandung").unwrap(), 10);
        assert_eq!(hits.len(), 1);
        let context = &hits[0].context;
        assert!(context.starts_with('…') && context.ends_with('…'), "{context}");
        assert!(context.contains("“Kata 😀 Bandung,” ujarnya."), "{context}");
        assert!(context.chars().count() <= CONTEXT_BEFORE + 7 + CONTEXT_AFTER + 2, "{context}");
        let line_two = text_hits(&id, &doc, &Needle::new("dua").unwrap(), 10);
        assert_eq!(line_two[0].context, "Baris dua.", "the line break bounds it, CR and all");
        let (start, end) = (hits[0].start, hits[0].end);
        assert_eq!(doc.text.chars().skip(start).take(end - start).collect::<String>(), "Bandung");
    }
}
