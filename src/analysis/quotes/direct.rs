//! Direct quotes: text between quote marks ([`marks`](super::marks)) with the speech
//! cue written next to it ([`cues`](super::cues)); a quote without a cue is kept only
//! when it is long enough not to be a scare quote or a title.

use super::super::doc::Doc;
use super::super::english_verbs;
use super::super::lexicon::Lexicon;
use super::super::tokenizer::TokenKind;
use super::super::QuoteKind;
use super::cues::{cue_after, cue_before, opens_sentence, subject_before, SpeakerHint};
use super::indonesian;
use super::marks::direct_spans;
use super::marks::is_mark_at;
use super::RawQuote;

/// Fewest words for a quote without a cue: shorter ones are scare quotes or titles.
const MIN_UNCUED_WORDS: usize = 6;
/// Most tokens of the reporter's words between a quote and the comma before its cue
/// (`“…” to drive the price up, she said`).
const MAX_LEAD_OUT_TOKENS: usize = 20;
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
        // `timestamp="1474387200"`, `“2-1”`: marks around no word quote no one.
        if words == 0 {
            continue;
        }
        let cued_after = cue_after(doc, lex, after, opening);
        // `The timetable was “a mess,” she added.`: the reporter's words before the
        // quote belong to what the speaker is reported to have said.
        let start = match cued_after {
            Some((v, _)) => lead_in_start(doc, lex, opening, v).unwrap_or(start),
            None => start,
        };
        // `“Nobody read the plan” before voting on it, she said.`: and the words after.
        let lead_out = cued_after.is_none().then(|| lead_out(doc, lex, start, end, opening)).flatten();
        let (end, cued_after) = match lead_out {
            Some((words_end, cue)) => (words_end, Some(cue)),
            None => (end, cued_after),
        };
        let found = cued_after
            .or_else(|| cue_before(doc, lex, opening))
            .or_else(|| (words >= MIN_UNCUED_WORDS).then(|| cue_earlier(doc, lex, opening)).flatten());
        let continues = out.last().is_some_and(|q| q.cue.is_some() && same_paragraph(doc, q.end, start));
        // `on Fox News’s “Fox and Friends.”`, `the bill, known as the “Clean Ports Act”`:
        // a title in English news, not words of the speaker before.
        let english = out.last().and_then(|q| q.cue).is_some_and(|v| indonesian::is_english(doc.low(v)));
        if found.is_none() && (continues && english || words >= MIN_UNCUED_WORDS) && is_title(doc, opening, after) {
            continue;
        }
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

/// `“Nobody read the plan” before voting on it, she said.`: a quote not closed by its
/// own punctuation, whose sentence goes on in the reporter's words to a comma and an
/// English cue, takes those words in (the end char of the words, the cue and its hint).
/// The words hold no quote mark and no speech verb of their own, and the cue ends its
/// sentence's report.
fn lead_out(
    doc: &Doc,
    lex: &Lexicon,
    start: usize,
    end: usize,
    opening: usize,
) -> Option<(usize, (usize, SpeakerHint))> {
    // A quote over several paragraphs is closed by its last one.
    let one_paragraph = doc.chars.range(start..end).is_some_and(|q| !q.contains('\n'));
    if !goes_on_unclosed(doc, end) || !one_paragraph {
        return None;
    }
    let after = doc.token_at_or_after(end);
    let sentence = doc.sentence_of(opening)?;
    let comma = (after..after + MAX_LEAD_OUT_TOKENS)
        .take_while(|&t| doc.sentence_of(t) == Some(sentence) && !doc.newline_after(t.saturating_sub(1)))
        .take_while(|&t| {
            let mark = doc.tokens.get(t).is_some_and(|x| is_mark_at(&doc.chars, x.start()));
            let verb = lex.cues_before.contains(doc.low(t)) && !doc.is_capitalised(t);
            !mark && !verb
        })
        .find(|&t| doc.is_punct(t, ','))?;
    let (v, hint) = cue_after(doc, lex, comma, opening)?;
    let english = english_verbs::is_inflected(doc.low(v)) || doc.low(v) == "say";
    let words_end = doc.tokens.get(comma - 1)?.end();
    (english && doc.sentence_of(v) == Some(sentence) && comma > after).then_some((words_end, (v, hint)))
}

/// Does the sentence of a quote ending at char `end` go on in the reporter's
/// lower-case words, the quote not closed by its own punctuation (`“budget cuts” and
/// new taxes`, not `“…,” she said`)?
pub(super) fn goes_on_unclosed(doc: &Doc, end: usize) -> bool {
    let closed = end.checked_sub(2).and_then(|k| doc.chars.get(k)).is_some_and(|c| ",.?!".contains(c));
    let after = doc.token_at_or_after(end);
    !closed && doc.kind(after) == Some(TokenKind::Word) && !doc.is_capitalised(after)
}

/// English words that a title leaves in lower case (`Friends of the Earth`).
const TITLE_SMALL_WORDS: &[&str] = &["of", "the", "and", "a", "an", "to", "in", "on", "for", "at", "by", "with", "or"];
/// Most words of a quoted title.
const MAX_TITLE_WORDS: usize = 10;

/// Is the quote whose opening mark is token `opening` (its words before token
/// `after`) a title or a name set inside a sentence (`titled “How to Run a Port”`,
/// `Marcia “Cia” Price`): right after a word, every word capitalised but English
/// function words, and a capitalised word first?
fn is_title(doc: &Doc, opening: usize, after: usize) -> bool {
    let inside = opening.checked_sub(1).is_some_and(|p| doc.kind(p) == Some(TokenKind::Word));
    let words: Vec<usize> = (opening + 1..after).filter(|&t| doc.kind(t) == Some(TokenKind::Word)).collect();
    let capitalised = |t: &usize| doc.is_capitalised(*t) || TITLE_SMALL_WORDS.contains(&doc.low(*t));
    inside
        && !opens_sentence(doc, opening)
        && words.len() <= MAX_TITLE_WORDS
        && words.first().is_some_and(|&t| doc.is_capitalised(t))
        && words.iter().all(capitalised)
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

#[cfg(test)]
mod tests {
    use super::super::super::{Analyzer, QuoteKind};

    /// The direct quotations of `text` with the text of their cue.
    fn direct(text: &str) -> Vec<(String, Option<String>)> {
        let slice = |a: usize, b: usize| text.chars().skip(a).take(b - a).collect::<String>();
        let s = Analyzer::new().analyze(text);
        s.quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| (slice(q.start, q.end), q.cue.map(|(a, b)| slice(a, b))))
            .collect()
    }

    #[test]
    fn the_reporters_words_after_an_open_quote_run_to_the_cue() {
        let text =
            "😀 Voting ended late.\r\n\r\n“Nobody read the plan” before voting on it, Senator Ann Lee said.\r\n\r\n\
                    \"The rules are clear\" for every district, she said.";
        let got = direct(text);
        let want = [
            ("“Nobody read the plan” before voting on it", Some("said")),
            ("\"The rules are clear\" for every district", Some("said")),
        ];
        assert_eq!(got.len(), want.len(), "{got:?}");
        for ((q, cue), (wq, wcue)) in got.iter().zip(want) {
            assert_eq!((q.as_str(), cue.as_deref()), (wq, wcue));
        }
    }

    #[test]
    fn marks_around_no_word_are_no_quotation() {
        let text =
            "😀 The final score was “2-1,” the coach said.\r\n<tweet timestamp=\"1474387200\">Fares rise</tweet>";
        assert!(direct(text).is_empty(), "{:?}", direct(text));
    }

    #[test]
    fn a_quote_closed_by_its_own_comma_takes_no_words_after() {
        let text = "😀 “The rules are clear,” she said, before the vote.\r\n\"The rules are fair,\" Lee said at noon.";
        let got: Vec<String> = direct(text).into_iter().map(|(q, _)| q).collect();
        assert_eq!(got, ["“The rules are clear,”", "\"The rules are fair,\""]);
    }
}
