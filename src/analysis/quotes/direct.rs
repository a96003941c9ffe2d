//! Direct quotes: text between quote marks ([`marks`](super::marks)) with the speech
//! cue written next to it ([`cues`](super::cues)); a quote without a cue is kept only
//! when it is long enough not to be a scare quote or a title.

use super::super::doc::Doc;
use super::super::english_verbs;
use super::super::lexicon::Lexicon;
use super::super::tokenizer::TokenKind;
use super::super::QuoteKind;
use super::cues::{cue_after, cue_before, opens_sentence, subject_before, SpeakerHint};
use super::marks::direct_spans;
use super::marks::is_mark_at;
use super::RawQuote;

/// Fewest words for a quote without a cue: shorter ones are scare quotes or titles.
const MIN_UNCUED_WORDS: usize = 6;
/// Furthest a speech verb may stand before the quote it introduces inside a report.
const MAX_CUE_DISTANCE: usize = 8;
/// Longest stretch of text (chars) between a quote and the uncued one that goes on
/// with it in the same paragraph (`“…,” Obama said. “…”`; English news often puts a
/// long apposition between: `“…,” said Jane Roe, a pollster who … . “…”`).
const MAX_CONTINUATION_GAP: usize = 300;

/// Direct quotes with their cues and speaker hints.
pub fn find(doc: &Doc, lex: &Lexicon) -> Vec<RawQuote> {
    let mut out: Vec<RawQuote> = Vec::new();
    for (start, end) in direct_spans(&doc.chars) {
        let first_inside = doc.token_at_or_after(start + 1);
        let opening = first_inside.saturating_sub(1);
        let after = doc.token_at_or_after(end);
        let words = (first_inside..after).filter(|&t| doc.kind(t) == Some(TokenKind::Word)).count();
        let cued_after = cue_after(doc, lex, after, opening);
        // `The timetable was “a mess,” she added.`: the reporter's words before the
        // quote belong to what the speaker is reported to have said.
        let start = match cued_after {
            Some((v, _)) => lead_in_start(doc, lex, opening, v).unwrap_or(start),
            None => start,
        };
        let found = cued_after
            .or_else(|| cue_before(doc, lex, opening))
            .or_else(|| (words >= MIN_UNCUED_WORDS).then(|| cue_earlier(doc, lex, opening)).flatten());
        let continues = out.last().is_some_and(|q| q.cue.is_some() && same_paragraph(doc, q.end, start));
        let (cue, hint, confidence) = match found {
            Some((cue, hint)) => (Some(cue), hint, 0.8),
            None if continues => (None, SpeakerHint::Continued, 0.6),
            None if words >= MIN_UNCUED_WORDS => (None, SpeakerHint::None, 0.4),
            None => continue,
        };
        out.push(RawQuote { start, end, kind: QuoteKind::Direct, cue, hint, confidence });
    }
    out
}

/// `The new timetable was “a complete mess,” she added.`, `… is “a mess,” says Roe`:
/// a quote inside its sentence whose English cue follows it takes in the sentence's
/// words before it (char offset of the sentence start), when they are at least two
/// words with no quote mark and no speech verb of their own.
fn lead_in_start(doc: &Doc, lex: &Lexicon, opening: usize, cue: usize) -> Option<usize> {
    let low = doc.low(cue);
    if opens_sentence(doc, opening) || !(english_verbs::is_inflected(low) || low == "say") {
        return None;
    }
    let sentence_start = doc.sentence_of(opening).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    let words = (sentence_start..opening).filter(|&t| doc.kind(t) == Some(TokenKind::Word)).count();
    let plain = (sentence_start..opening).all(|t| {
        let mark = doc.tokens.get(t).is_some_and(|x| is_mark_at(&doc.chars, x.start()));
        let verb = lex.cues_before.contains(doc.low(t)) && !doc.is_capitalised(t);
        !mark && !verb && !doc.is_punct(t, ':')
    });
    (words >= 2 && plain).then(|| doc.tokens.get(sentence_start).map(|x| x.start())).flatten()
}

/// Is there no line break between chars `a` and `b`?
fn same_paragraph(doc: &Doc, a: usize, b: usize) -> bool {
    doc.chars.range(a..b).is_some_and(|gap| gap.len() <= MAX_CONTINUATION_GAP && !gap.contains('\n'))
}

/// `The mayor says the plan “will cost far more than we were told”`: a quote taken
/// into a report, its speech verb a few words before the opening mark at token
/// `opening`, in the same sentence. Only for quotes long enough to keep without a cue:
/// shorter ones in a report are mostly scare quotes.
fn cue_earlier(doc: &Doc, lex: &Lexicon, opening: usize) -> Option<(usize, SpeakerHint)> {
    let sentence_start = doc.sentence_of(opening).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    let floor = sentence_start.max(opening.saturating_sub(MAX_CUE_DISTANCE));
    let v = (floor..opening).rev().find(|&v| lex.cues_before.contains(doc.low(v)) && !doc.is_capitalised(v))?;
    if (v..opening).any(|t| doc.is_punct(t, '.') || doc.is_punct(t, '“') || doc.is_punct(t, '"')) {
        return None;
    }
    Some((v, subject_before(doc, v)?))
}
