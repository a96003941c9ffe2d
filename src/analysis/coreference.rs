//! Pronoun and `-nya` speakers: `”…,” katanya.`, `”…,” kata dia.`, `Ia mengatakan, …`.
//!
//! Kompas writes `X mengatakan, …` or `X, role, menilai …` and then `”…,” katanya.`,
//! often naming other people in between, so a pronoun goes to the latest *salient*
//! person: the speaker of a quote (direct or reported), or a person who is the subject
//! of a verb (`Budi, Kepala Dinas, Senin, meminta …`) or introduced by `menurut`,
//! `disampaikan`, `lanjut`. Without one nearby, the last person named outside a quote.

use super::cues::PRONOUNS;
use super::doc::Doc;
use super::lexicon::Lexicon;
use super::quotes::RawQuote;
use super::speaker_names::Mention;
use super::{EntitySuggestion, QuoteKind};

/// Paragraphs that may separate a pronoun from the quote whose speaker it continues.
const MAX_PARAGRAPHS: usize = 2;
/// Words that introduce a speaker named after them (`Menurut Budi`, `Hal senada disampaikan Budi`).
const INTRODUCERS: &[&str] = &["menurut", "disampaikan", "diungkapkan", "dikatakan", "dijelaskan", "according"];
/// Words skipped between a subject and its verb.
const SUBJECT_GAP: &[&str] =
    &["juga", "pun", "lalu", "kemudian", "telah", "sudah", "kembali", "pula", "sempat", "also"];
/// Comma-separated asides skipped between a subject and its verb, and their longest length.
const MAX_ASIDES: usize = 3;
const MAX_ASIDE_TOKENS: usize = 20;

/// What a pronoun may refer to at some point of the document.
pub struct Context<'a> {
    doc: &'a Doc,
    entities: &'a [EntitySuggestion],
    direct: Vec<(usize, usize)>,
    /// Salient people in text order: (char offset, mention).
    events: Vec<(usize, Mention)>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Doc, lex: &Lexicon, entities: &'a [EntitySuggestion], quotes: &[RawQuote]) -> Context<'a> {
        let direct: Vec<(usize, usize)> =
            quotes.iter().filter(|q| q.kind == QuoteKind::Direct).map(|q| (q.start, q.end)).collect();
        let quoted = |e: &EntitySuggestion| direct.iter().any(|&(a, b)| a <= e.start && e.end <= b);
        let events = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.label == "PERSON" && !quoted(e) && is_salient(doc, lex, e))
            .map(|(i, e)| (e.end, Mention::Entity(i)))
            .collect();
        Context { doc, entities, direct, events }
    }

    /// Records the speaker of a quote; quotes come in text order.
    pub fn spoke(&mut self, q: &RawQuote, who: Mention) {
        let at = self.events.partition_point(|&(p, _)| p <= q.end);
        self.events.insert(at, (q.end, who));
    }

    /// The person a pronoun at char `pos` refers to.
    pub fn pronoun(&self, pos: usize) -> Option<Mention> {
        let recent = self.events.iter().rev().find(|&&(p, _)| p <= pos);
        if let Some(&(p, who)) = recent {
            if paragraphs_between(self.doc, p, pos) <= MAX_PARAGRAPHS {
                return Some(who);
            }
        }
        self.last_person_before(pos).map(Mention::Entity)
    }

    fn last_person_before(&self, pos: usize) -> Option<usize> {
        let quoted = |e: &EntitySuggestion| self.direct.iter().any(|&(a, b)| a <= e.start && e.end <= b);
        self.entities.iter().rposition(|e| e.label == "PERSON" && e.end <= pos && !quoted(e))
    }
}

/// Is this person mention the subject of a verb, or introduced as a speaker?
fn is_salient(doc: &Doc, lex: &Lexicon, e: &EntitySuggestion) -> bool {
    let a = doc.token_at_or_after(e.start);
    let b = doc.token_at_or_after(e.end);
    introduced(doc, lex, a) || verb_follows(doc, lex, b)
}

/// `Menurut Guru Besar … Budi`, `lanjut Budi`: an introducing word before the name and
/// its role words.
fn introduced(doc: &Doc, lex: &Lexicon, a: usize) -> bool {
    let mut t = a;
    while t > 0 && a - t < 12 && (doc.is_capitalised(t - 1) || doc.low(t - 1) == "dan") {
        t -= 1;
    }
    let Some(before) = t.checked_sub(1) else { return false };
    let low = doc.low(before);
    INTRODUCERS.contains(&low) || lex.cues_after.contains(low)
}

/// `Budi menilai`, `Budi, Kepala Dinas, Senin (20/4), mengatakan`: a verb after the name
/// once asides between commas are skipped.
fn verb_follows(doc: &Doc, lex: &Lexicon, mut t: usize) -> bool {
    let sentence = doc.sentence_of.get(t.saturating_sub(1)).copied();
    for _ in 0..MAX_ASIDES {
        if !doc.is_punct(t, ',') {
            break;
        }
        let close = (t + 1..t + MAX_ASIDE_TOKENS).find(|&c| doc.is_punct(c, ','));
        match close {
            Some(c) if doc.sentence_of.get(c).copied() == sentence => t = c + 1,
            _ => return false,
        }
    }
    while SUBJECT_GAP.contains(&doc.low(t)) {
        t += 1;
    }
    let low = doc.low(t);
    let verb_like = low.starts_with("me") || low.starts_with("ber") || lex.cues_before.contains(low);
    verb_like && !doc.is_capitalised(t) && !PRONOUNS.contains(&low)
}

/// Paragraphs (non-empty lines) started between two char offsets.
pub fn paragraphs_between(doc: &Doc, a: usize, b: usize) -> usize {
    let Some(gap) = doc.chars.get(a.min(b)..b) else { return 0 };
    let mut count = 0;
    let mut fresh = false;
    for &c in gap {
        if c == '\n' {
            fresh = true;
        } else if fresh && !c.is_whitespace() {
            count += 1;
            fresh = false;
        }
    }
    count
}
