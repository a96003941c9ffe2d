//! Indirect speech: `X mengatakan (bahwa) …`, `X menyatakan …`, `Menurut X, …`,
//! `X said (that) …`, `According to X, …`, and cues set off by commas
//! ([`asides`](super::asides): `Namun, kata X, …`). The quote span is the reported content,
//! from after the cue to the end of its sentence; the cue and the speaker are kept
//! apart. Text inside direct quotes is never reported speech.

use super::super::doc::Doc;
use super::super::english_verbs;
use super::super::function_words::{PRONOUNS, SPEECH_SUBJECT_GAP};
use super::super::intervals::Cover;
use super::super::lexicon::Lexicon;
use super::super::tokenizer::TokenKind;
use super::super::QuoteKind;
use super::asides::aside_cue;
use super::cues::{subject_before, SpeakerHint};
use super::marks::is_mark_at;
use super::reporting::{skip_apposition, MIN_CONTENT_WORDS, ROLE_NOUNS};
use super::unnamed::unnamed_source;
use super::RawQuote;
use std::collections::HashSet;

/// Most words after a verb that ends its sentence (`…, Carter told reporters on Monday.`).
const MAX_TAIL_WORDS: usize = 5;
/// Longest speaker phrase between a comma and a verb ending the sentence.
const MAX_SUBJECT_TOKENS: usize = 8;
/// Most words of a setting between a speech verb and its `that`.
const MAX_SETTING_WORDS: usize = 5;
/// Words of a setting between a speech verb and its `that`: whom it was told to, how
/// and when (capitalised words, such as days and outlets, are taken too).
const SETTING_WORDS: &[&str] = &[
    "reporters",
    "journalists",
    "a",
    "an",
    "the",
    "in",
    "on",
    "at",
    "via",
    "by",
    "during",
    "to",
    "statement",
    "interview",
    "email",
    "e-mail",
    "news",
    "conference",
    "last",
    "this",
    "week",
    "night",
    "morning",
    "afternoon",
    "evening",
    "earlier",
    "later",
    "today",
    "yesterday",
    "also",
    "kepada",
    "wartawan",
    "dalam",
    "di",
    "pada",
    "saat",
    "keterangan",
    "tertulis",
    "resmi",
];

/// English auxiliaries and common finite verbs that end a subject noun phrase.
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "may", "might", "should",
    "must", "did", "does", "do", "filed", "made", "took", "gave", "sent", "met", "spoke", "went", "came",
];
/// Forms of `be` before a participle that reports (`is saying`, `were warning`).
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "been", "be", "’s", "'s"];
/// Prepositions opening a setting after a verb (`said in an interview`).
const SETTING_PREPOSITIONS: &[&str] = &["in", "at", "on", "during", "by", "after", "before", "from", "via", "with"];
/// Conjunctions opening a clause of time or cause after a verb (`said when …`): what
/// the speaker did then, not what was said.
const TIME_CLAUSES: &[&str] = &["when", "while", "after", "before", "because", "since", "until", "as"];

/// Indirect reports, at most one per sentence, and which of the `direct` quotes each
/// report takes in: `X said the plan “will cost far more”` reports in its own words
/// and quotes a part, and the report with the quote inside is one quotation (`taken`
/// is indexed like `direct`).
pub fn find(doc: &Doc, lex: &Lexicon, direct: &[RawQuote]) -> (Vec<RawQuote>, Vec<bool>) {
    let facts = TokenFacts::new(doc, direct);
    let mut out = Vec::new();
    let mut taken = vec![false; direct.len()];
    for range in &doc.sentences {
        for v in range.clone() {
            if facts.inside(v, v + 1) || facts.cues.contains(&v) {
                continue;
            }
            let Some((c, e, hint)) = report_at(doc, lex, v, range.end) else { continue };
            let Some((start, end)) = content_span(doc, c, e, &facts) else { continue };
            let inner = quotes_within(direct, start, end);
            let end = inner.clone().filter_map(|k| direct.get(k)).map(|q| q.end).fold(end, usize::max);
            let mixed = !inner.is_empty();
            for k in inner {
                if let Some(slot) = taken.get_mut(k) {
                    *slot = true;
                }
            }
            let confidence = if hint == SpeakerHint::None { 0.3 } else { 0.5 };
            // A report quoting the speaker's words is a direct quotation in part.
            let kind = if mixed { QuoteKind::Direct } else { QuoteKind::Indirect };
            out.push(RawQuote { start, end, kind, cue: Some(v), hint, confidence });
            break;
        }
    }
    (out, taken)
}

/// Indices of the direct quotes (sorted by start) opening inside chars `start..end`.
fn quotes_within(direct: &[RawQuote], start: usize, end: usize) -> std::ops::Range<usize> {
    direct.partition_point(|q| q.start < start)..direct.partition_point(|q| q.start < end)
}

/// What the sentence loop asks of token ranges, as prefix counts computed once: a
/// long sentence with many speech verbs would otherwise be rescanned per verb, and
/// every token checked against every direct quote. Counts are 32-bit: a text has
/// at most [`MAX_OFFSET`](super::super::tokenizer::MAX_OFFSET) tokens, and three tables a token are large on a long text.
struct TokenFacts {
    /// `inside[t]`: tokens before `t` that start inside a direct quote.
    inside: Vec<u32>,
    /// `words[t]`: word tokens before `t`.
    words: Vec<u32>,
    /// `quoted_words[t]`: word tokens before `t` that start inside a direct quote.
    quoted_words: Vec<u32>,
    /// Cue tokens of the direct quotes, but not of a quote that a report takes in
    /// (`X said the plan “will cost more”`): there the verb reports.
    cues: HashSet<usize>,
}

impl TokenFacts {
    fn new(doc: &Doc, direct: &[RawQuote]) -> TokenFacts {
        let quoted = Cover::new(direct.iter().map(|q| (q.start, q.end)));
        let prefix = |hit: &dyn Fn(usize) -> bool| {
            let mut n = 0;
            let mut out = Vec::with_capacity(doc.tokens.len() + 1);
            out.push(0);
            out.extend((0..doc.tokens.len()).map(|t| {
                n += u32::from(hit(t));
                n
            }));
            out
        };
        let is_quoted = |t: usize| doc.tokens.get(t).is_some_and(|x| quoted.covers_point(x.start()));
        let is_word = |t: usize| doc.kind(t) == Some(TokenKind::Word);
        let inside = prefix(&is_quoted);
        let words = prefix(&is_word);
        let quoted_words = prefix(&|t| is_word(t) && is_quoted(t));
        let cues = direct.iter().filter(|q| !taken_into_report(doc, q)).filter_map(|q| q.cue).collect();
        TokenFacts { inside, words, quoted_words, cues }
    }

    fn count(prefix: &[u32], a: usize, b: usize) -> usize {
        match (prefix.get(a), prefix.get(b)) {
            (Some(x), Some(y)) if a < b => (y - x) as usize,
            _ => 0,
        }
    }

    /// Does a token of `a..b` start inside a direct quote?
    fn inside(&self, a: usize, b: usize) -> bool {
        TokenFacts::count(&self.inside, a, b) > 0
    }

    fn words(&self, a: usize, b: usize) -> usize {
        TokenFacts::count(&self.words, a, b)
    }

    /// Words of `a..b` outside the direct quotes.
    fn words_outside(&self, a: usize, b: usize) -> usize {
        self.words(a, b) - TokenFacts::count(&self.quoted_words, a, b)
    }
}

/// Is the direct quote `q` taken into a report: its cue before it with words between
/// (`says the ad “will run …”`), rather than right before its mark (`said: “…”`)?
fn taken_into_report(doc: &Doc, q: &RawQuote) -> bool {
    let Some(v) = q.cue else { return false };
    let opening = doc.token_at_or_after(q.start);
    v < opening && (v + 1..opening).any(|t| doc.kind(t) == Some(TokenKind::Word) && !is_that(doc, t))
}

/// A reporting construction whose cue is token `v`: the tokens of its content (up to
/// the sentence end, mostly) and the speaker hint.
fn report_at(doc: &Doc, lex: &Lexicon, v: usize, sentence_end: usize) -> Option<(usize, usize, SpeakerHint)> {
    let low = doc.low(v);
    if low == "menurut" || low == "menurutnya" || (low == "according" && doc.low(v + 1) == "to") {
        let before = || trailing_report(doc, lex, v, v + 2, sentence_end);
        return according_to(doc, lex, v, sentence_end).map(|(c, hint)| (c, sentence_end, hint)).or_else(before);
    }
    // Only a verb that can follow what it reports (`said`, `told`, not `menyampaikan`,
    // whose object follows it) ends a sentence as a cue.
    let follows = lex.is_cue_after(low) && !doc.is_capitalised(v);
    if let Some(found) = follows.then(|| trailing_cue(doc, lex, v, sentence_end)).flatten() {
        return Some(found);
    }
    // `Namun, kata Budi, …`; else `Roe, a pollster, said the …`: the subject before.
    if v > 0 && doc.is_punct(v - 1, ',') && lex.is_cue_after(low) && !doc.is_capitalised(v) {
        if let Some(found) = aside_cue(doc, lex, v, sentence_end) {
            return Some(found);
        }
    }
    // `said to be …` is not a report; a capitalised verb is part of a title.
    if !lex.cues_before.contains(low) || doc.low(v + 1) == "to" || doc.is_capitalised(v) {
        return None;
    }
    // `drivers reporting faults`: a participle reports only as a clause of its own
    // (`…, saying …`) or after a form of `be` (`is saying`).
    let before = v.checked_sub(1).map_or("", |p| doc.low(p));
    let be = BE_FORMS.contains(&before) || before.ends_with("’s") || before.ends_with("'s");
    if english_verbs::is_participle(low) && !doc.is_punct(v.wrapping_sub(1), ',') && !be {
        return None;
    }
    let clause = english_verbs::is_participle(low) && doc.is_punct(v.wrapping_sub(1), ',');
    let hint = clause.then(|| participle_subject(doc, lex, v)).flatten().or_else(|| subject_before(doc, v))?;
    let c = content_start(doc, v + 1);
    (!is_setting_only(doc, lex, v, c, sentence_end)).then_some((c, sentence_end, hint))
}

/// `“…,” the fire chief said, adding that …`, `A county court refused the request, saying …`: a
/// participle set off by a comma reports for the subject of the clause before it,
/// the subject of an earlier speech verb in the sentence, else the noun phrase
/// opening the sentence (up to its verb: an auxiliary or a past form).
fn participle_subject(doc: &Doc, lex: &Lexicon, v: usize) -> Option<SpeakerHint> {
    let sentence = doc.sentence_of(v).and_then(|i| doc.sentences.get(i))?;
    let earlier = (sentence.start..v.saturating_sub(1)).rev().find(|&u| {
        let low = doc.low(u);
        !doc.is_capitalised(u) && lex.is_cue_after(low) && !english_verbs::is_participle(low)
    });
    if let Some(u) = earlier {
        return subject_before(doc, u);
    }
    let a = (sentence.start..v).find(|&t| doc.kind(t) == Some(TokenKind::Word))?;
    let end = (a + 1..v.min(a + MAX_SUBJECT_TOKENS + 1)).find(|&t| is_finite_verb(doc, t))?;
    if let Some((x, y)) = unnamed_source(doc, a, end) {
        return Some(SpeakerHint::Source(x, y));
    }
    (a..end).any(|t| doc.is_capitalised(t)).then_some(SpeakerHint::Subject(a, end))
}

/// An English auxiliary or a lower-case past form (`has`, `will`, `rejected`): where a
/// subject noun phrase ends.
fn is_finite_verb(doc: &Doc, t: usize) -> bool {
    let low = doc.low(t);
    let lower = doc.kind(t) == Some(TokenKind::Word) && !doc.is_capitalised(t);
    lower && (AUXILIARIES.contains(&low) || (low.len() > 4 && low.ends_with("ed")) || english_verbs::is_inflected(low))
}

/// Is what follows the verb at token `v` from token `c` only a setting or an
/// addressee, not a report (`said in an interview.`, `said at a rally on Monday.`,
/// `told The Daily Ledger on Friday.`, `said when the depot closed`)? A short rest that
/// opens with a preposition, a conjunction of time, or (after `tell`) a name.
fn is_setting_only(doc: &Doc, lex: &Lexicon, v: usize, c: usize, end: usize) -> bool {
    let first = doc.low(c);
    if TIME_CLAUSES.contains(&first) {
        return true;
    }
    let short = (c..end).filter(|&t| doc.kind(t) == Some(TokenKind::Word)).count() <= MAX_TAIL_WORDS;
    let addressee = matches!(doc.low(v), "told" | "tells" | "tell" | "telling") && doc.is_capitalised(c);
    short && (SETTING_PREPOSITIONS.contains(&first) || addressee) && !lex.cues_before.contains(first)
}

/// `…, a source said.`, `…, Carter told reporters.`, `…, he added.`: the report
/// before a comma, its speaker between the comma and the verb at token `v`, and at
/// most a short setting after the verb.
fn trailing_cue(doc: &Doc, lex: &Lexicon, v: usize, sentence_end: usize) -> Option<(usize, usize, SpeakerHint)> {
    let after = (v + 1..sentence_end).filter(|&t| doc.kind(t) == Some(TokenKind::Word)).count();
    let tail_plain = (v + 1..sentence_end).all(|t| !doc.is_punct(t, ','));
    if after > MAX_TAIL_WORDS || !tail_plain {
        return None;
    }
    let mut s = v.checked_sub(1)?;
    while SPEECH_SUBJECT_GAP.contains(&doc.low(s)) {
        s = s.checked_sub(1)?;
    }
    let floor = s.saturating_sub(MAX_SUBJECT_TOKENS);
    let comma = (floor..=s).rev().find(|&t| doc.is_punct(t, ','))?;
    let (a, b) = (comma + 1, s + 1);
    let hint = if b == a + 1 && PRONOUNS.contains(&doc.low(a)) {
        SpeakerHint::Pronoun(doc.tokens.get(a).map_or(0, |x| x.start()))
    } else if let Some((x, y)) = unnamed_source(doc, a, b) {
        SpeakerHint::Source(x, y)
    } else if (a..b).all(|t| doc.is_capitalised(t) || lex.titles.contains(doc.low(t)) || titled_stop(doc, lex, t))
        && b > a
    {
        SpeakerHint::Subject(a, b)
    } else {
        return None;
    };
    let start = doc.sentence_of(v).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    (start < comma).then_some((start, comma, hint))
}

/// The stop of an abbreviated title (`Mr.`, `Sen.`) inside a name.
fn titled_stop(doc: &Doc, lex: &Lexicon, t: usize) -> bool {
    doc.is_punct(t, '.') && t > 0 && lex.titles.contains(doc.low(t - 1)) && doc.is_capitalised(t - 1)
}

/// `…, according to the poll.`: the report before the comma at token `v - 1`, its
/// source in tokens `from..` up to the end of the sentence.
fn trailing_report(
    doc: &Doc,
    lex: &Lexicon,
    v: usize,
    from: usize,
    sentence_end: usize,
) -> Option<(usize, usize, SpeakerHint)> {
    let comma = v.checked_sub(1).filter(|&c| doc.is_punct(c, ','))?;
    let mut end = sentence_end;
    while end > from && doc.kind(end - 1) == Some(TokenKind::Punct) {
        end -= 1;
    }
    if end <= from || end - from > MAX_SUBJECT_TOKENS || (from..end).any(|t| doc.is_punct(t, ',')) {
        return None;
    }
    let hint = match unnamed_source(doc, from, end) {
        Some((x, y)) => SpeakerHint::Source(x, y),
        None if doc.is_capitalised(from) || lex.titles.contains(doc.low(from)) => SpeakerHint::After(from, end),
        None => return None,
    };
    let start = doc.sentence_of(v).and_then(|i| doc.sentences.get(i)).map(|r| r.start)?;
    (start < comma).then_some((start, comma, hint))
}

/// `Menurut Putin, …` / `menurutnya, …` / `According to the minister, …`.
fn according_to(doc: &Doc, lex: &Lexicon, v: usize, sentence_end: usize) -> Option<(usize, SpeakerHint)> {
    let pos = doc.tokens.get(v).map_or(0, |x| x.start());
    if doc.low(v) == "menurutnya" {
        return Some((content_start(doc, v + 1), SpeakerHint::Pronoun(pos)));
    }
    let from = if doc.low(v) == "according" { v + 2 } else { v + 1 };
    let comma = (from..sentence_end.min(from + 12)).find(|&t| doc.is_punct(t, ','))?;
    if PRONOUNS.contains(&doc.low(from)) && comma == from + 1 {
        return Some((comma + 1, SpeakerHint::Pronoun(pos)));
    }
    // `Menurut data …`, `menurut pantauan Kompas`: a source that is not a person.
    let first = doc.low(from);
    if !doc.is_capitalised(from) && !lex.titles.contains(first) && !ROLE_NOUNS.contains(&first) {
        return None;
    }
    Some((skip_apposition(doc, lex, comma + 1, sentence_end), SpeakerHint::After(from, comma)))
}

/// Skips `,` `:` `bahwa` `that` after a speech verb, and a short setting before a
/// `that` (`said Friday that`, `told reporters that`, `mengatakan kepada wartawan bahwa`).
fn content_start(doc: &Doc, mut c: usize) -> usize {
    let setting = (c..c + MAX_SETTING_WORDS + 1)
        .take_while(|&t| doc.is_capitalised(t) || SETTING_WORDS.contains(&doc.low(t)) || is_that(doc, t))
        .find(|&t| is_that(doc, t));
    if let Some(that) = setting {
        c = that;
    }
    while doc.is_punct(c, ',') || doc.is_punct(c, ':') || is_that(doc, c) {
        c += 1;
    }
    c
}

fn is_that(doc: &Doc, t: usize) -> bool {
    matches!(doc.low(t), "bahwa" | "that")
}

/// Char span of the reported content in tokens `c..end`, without the final stop.
fn content_span(doc: &Doc, c: usize, end: usize, facts: &TokenFacts) -> Option<(usize, usize)> {
    let mut e = end;
    while e > c && doc.kind(e - 1) == Some(TokenKind::Punct) {
        e -= 1;
    }
    // A report may quote a part (`the plan “will cost more”`, `fare dodging “would be
    // odd”`), but not open with a quote.
    // A report that opens with a quote and goes on in the reporter's words (`that,
    // “no ferry will sail” unless …`) needs a clause of its own after it.
    let quoting = facts.inside(c, e);
    let opens_quoted = facts.inside(c, c + 1) || doc.tokens.get(c).is_some_and(|x| is_mark_at(&doc.chars, x.start()));
    let own_words = if opens_quoted {
        MIN_CONTENT_WORDS + 1
    } else if quoting {
        1
    } else {
        MIN_CONTENT_WORDS
    };
    if facts.words(c, e) < MIN_CONTENT_WORDS || facts.words_outside(c, e) < own_words {
        return None;
    }
    doc.char_span(c, e)
}

#[cfg(test)]
mod tests {
    use super::super::super::{Analyzer, QuoteKind};

    fn indirect(text: &str) -> Vec<String> {
        let sugg = Analyzer::new().analyze(text);
        sugg.quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| text.chars().skip(q.start).take(q.end - q.start).collect())
            .collect()
    }

    #[test]
    fn indirect_speech_runs_to_the_end_of_the_sentence() {
        let text =
            "😀 Presiden Vladimir Putin mengatakan Korut siap berunding.\r\nMenurut Putin, jaminan itu harus kuat.";
        assert_eq!(indirect(text), ["Korut siap berunding", "jaminan itu harus kuat"]);
        let text = "Councillor David Okafor said the money should go to roads.";
        assert_eq!(indirect(text), ["the money should go to roads"]);
    }

    #[test]
    fn cue_of_a_direct_quote_is_not_indirect_speech() {
        assert!(indirect("“We are asked to pay,” Okafor told reporters outside City Hall.").is_empty());
    }
}
