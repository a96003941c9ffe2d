//! Quotation rules: direct quotes between quote marks with their speech cue, and
//! indirect speech (`X mengatakan …`, `Menurut X, …`, `X said …`).
//!
//! Quote marks are paired by position, not direction (Kompas opens with ”): a mark
//! after a space opens, a mark before a space or punctuation closes. A quote running
//! over several paragraphs re-opens each one with a mark and closes only at the end.

use super::doc::Doc;
use super::lexicon::Lexicon;
use super::tokenizer::TokenKind;
use super::QuoteKind;

/// Where to look for the speaker once entities are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerHint {
    /// The first PERSON (else ORG) entity among tokens `a..b`; failing that, a title
    /// word there (`kata Presiden`) points back to the last person with that title.
    Window(usize, usize),
    /// A pronoun or `-nya` cue: the last PERSON mentioned before this char offset.
    Pronoun(usize),
    None,
}

/// A quote found in the text, char offsets; the cue is a token index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawQuote {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub cue: Option<usize>,
    pub hint: SpeakerHint,
    pub confidence: f32,
}

const PRONOUNS: &[&str] = &["ia", "dia", "beliau", "he", "she", "they", "mereka"];
/// Words between a subject and its speech verb (`Putin juga mengatakan`).
const ADVERBS: &[&str] = &[
    "juga", "pun", "lalu", "kemudian", "telah", "sudah", "kembali", "also", "then", "later", "has", "had",
];
/// Longest direct quote considered, in chars; a longer "quote" is a stray mark.
const MAX_QUOTE: usize = 5000;

fn is_quote_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '„' | '‟' | '«' | '»')
}

/// Char spans of direct quotes, marks included.
pub fn direct_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (p, &c) in chars.iter().enumerate() {
        if !is_quote_mark(c) {
            continue;
        }
        let prev = p.checked_sub(1).and_then(|q| chars.get(q)).copied();
        let next = chars.get(p + 1).copied();
        let space_before = prev.is_none_or(|c| c.is_whitespace() || "([{—–-:".contains(c));
        let space_after = next.is_none_or(|c| c.is_whitespace() || ",.;:!?)]…—–".contains(c));
        let looks_open = c == '“' || c == '„' || c == '«' || (space_before && !space_after);
        if let Some(o) = open {
            let too_long = p - o > MAX_QUOTE;
            if too_long || !paragraphs_continue(chars, o, p) {
                open = None; // unclosed: forget the old opener and read this mark afresh
            } else if looks_open && !space_after {
                if !has_paragraph_break(chars, o, p) {
                    open = Some(p); // a stray opener before: restart here
                }
                continue;
            } else {
                out.push((o, p + 1));
                open = None;
                continue;
            }
        }
        if looks_open || !space_after {
            open = Some(p);
        }
    }
    out
}

fn has_paragraph_break(chars: &[char], a: usize, b: usize) -> bool {
    chars.get(a..b).is_some_and(|s| s.contains(&'\n'))
}

/// Every line break between `a` and `b` must be followed by a quote mark (the
/// convention for quotes running over paragraphs); otherwise the quote at `a` was
/// never closed.
fn paragraphs_continue(chars: &[char], a: usize, b: usize) -> bool {
    let mut i = a;
    while i < b {
        if chars.get(i) == Some(&'\n') {
            let mut j = i + 1;
            while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            if j < b && !chars.get(j).is_some_and(|&c| is_quote_mark(c)) {
                return false;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    true
}

/// Direct quotes with their cues and speaker hints.
pub fn find_direct(doc: &Doc, lex: &Lexicon) -> Vec<RawQuote> {
    let mut out = Vec::new();
    for (start, end) in direct_spans(&doc.chars) {
        let first_inside = doc.token_at_or_after(start + 1);
        let after = doc.token_at_or_after(end);
        let words = (first_inside..after)
            .filter(|&t| doc.kind(t) == Some(TokenKind::Word))
            .count();
        let found = cue_after(doc, lex, after).or_else(|| cue_before(doc, lex, first_inside.saturating_sub(1)));
        let quote = match found {
            Some((cue, hint)) => RawQuote {
                start,
                end,
                kind: QuoteKind::Direct,
                cue: Some(cue),
                hint,
                confidence: 0.8,
            },
            // Without a cue, short quoted phrases are mostly scare quotes or titles.
            None if words >= 6 => RawQuote {
                start,
                end,
                kind: QuoteKind::Direct,
                cue: None,
                hint: SpeakerHint::None,
                confidence: 0.4,
            },
            None => continue,
        };
        out.push(quote);
    }
    out
}

/// `,” kata Putin`, `,” ujarnya`, `,” said Mayor Helen Carter`, `,” Okafor told reporters`,
/// `,” he said`: the cue token and speaker hint after the closing mark at token `t`.
fn cue_after(doc: &Doc, lex: &Lexicon, mut t: usize) -> Option<(usize, SpeakerHint)> {
    while doc.is_punct(t, ',') {
        t += 1;
    }
    let low = doc.low(t);
    let quote_start = doc.tokens.get(t).map_or(0, |x| x.start);
    if lex.is_cue_after(low) || lex.cues_before.contains(low) {
        if lex.nya_cue_base(low).is_some() || low == "menurutnya" || PRONOUNS.contains(&doc.low(t + 1)) {
            return Some((t, SpeakerHint::Pronoun(quote_start)));
        }
        return Some((t, SpeakerHint::Window(t + 1, window_end(doc, t + 1))));
    }
    // Subject first: `Okafor told`, `he said`, `Putin menambahkan`.
    let mut v = t + 1;
    while doc.is_capitalised(v) && v < t + 4 {
        v += 1;
    }
    let verb = doc.low(v);
    if lex.cues_before.contains(verb) || lex.is_cue_after(verb) {
        if PRONOUNS.contains(&low) {
            return Some((v, SpeakerHint::Pronoun(quote_start)));
        }
        if doc.is_capitalised(t) {
            return Some((v, SpeakerHint::Window(t, v)));
        }
    }
    None
}

/// `Putin berkata, “…”`, `He said: "…"`: the verb just before the opening mark (token `t`).
fn cue_before(doc: &Doc, lex: &Lexicon, t: usize) -> Option<(usize, SpeakerHint)> {
    let mut v = t.checked_sub(1)?;
    while doc.is_punct(v, ',') || doc.is_punct(v, ':') {
        v = v.checked_sub(1)?;
    }
    let verb = doc.low(v);
    if !(lex.cues_before.contains(verb) || lex.is_cue_after(verb)) {
        return None;
    }
    let subject = subject_before(doc, v)?;
    Some((v, subject))
}

/// The speaker hint for the subject of the verb at token `v`.
fn subject_before(doc: &Doc, v: usize) -> Option<SpeakerHint> {
    let mut s = v.checked_sub(1)?;
    while ADVERBS.contains(&doc.low(s)) {
        s = s.checked_sub(1)?;
    }
    let pos = doc.tokens.get(s).map_or(0, |x| x.start);
    if PRONOUNS.contains(&doc.low(s)) {
        return Some(SpeakerHint::Pronoun(pos));
    }
    doc.is_capitalised(s).then_some(SpeakerHint::Window(s, s + 1))
}

/// Tokens after a cue where the speaker's name may be: up to the end of the sentence
/// (`kata Kepala Dusun Nglahar, Kelurahan Sumbersari, Wahyu Wibowo`).
fn window_end(doc: &Doc, from: usize) -> usize {
    let mut e = from;
    while e < from + 30 && e < doc.tokens.len() {
        let stop = doc.is_punct(e, '.')
            || doc
                .chars
                .get(doc.tokens.get(e).map_or(0, |x| x.start))
                .is_some_and(|&c| is_quote_mark(c));
        if stop || (e > from && doc.newline_after(e - 1)) {
            break;
        }
        e += 1;
    }
    e
}

/// Indirect speech: `X mengatakan (bahwa) …`, `X said (that) …`, `Menurut X, …`,
/// `According to X, …`, each up to the end of its sentence. Text inside direct quotes
/// is skipped.
pub fn find_indirect(doc: &Doc, lex: &Lexicon, direct: &[RawQuote]) -> Vec<RawQuote> {
    let inside = |t: usize| {
        let pos = doc.tokens.get(t).map_or(0, |x| x.start);
        direct.iter().any(|q| q.start <= pos && pos < q.end)
    };
    let mut out = Vec::new();
    for range in &doc.sentences {
        for v in range.clone() {
            if inside(v) || direct.iter().any(|q| q.cue == Some(v)) {
                continue;
            }
            let low = doc.low(v);
            let found = if low == "menurut" || low == "menurutnya" || (low == "according" && doc.low(v + 1) == "to") {
                according_to(doc, v, range.end)
            } else if lex.cues_before.contains(low) {
                subject_before(doc, v).map(|hint| (content_start(doc, v + 1), hint))
            } else {
                None
            };
            let Some((c, hint)) = found else { continue };
            let Some(q) = content_span(doc, c, range.end, &inside) else {
                continue;
            };
            out.push(RawQuote {
                start: q.0,
                end: q.1,
                kind: QuoteKind::Indirect,
                cue: Some(v),
                hint,
                confidence: 0.5,
            });
            break; // one report per sentence
        }
    }
    out
}

/// `Menurut Putin, …` / `menurutnya, …` / `According to the minister, …`:
/// (content start, speaker hint).
fn according_to(doc: &Doc, v: usize, sentence_end: usize) -> Option<(usize, SpeakerHint)> {
    let pos = doc.tokens.get(v).map_or(0, |x| x.start);
    if doc.low(v) == "menurutnya" {
        return Some((content_start(doc, v + 1), SpeakerHint::Pronoun(pos)));
    }
    let from = if doc.low(v) == "according" { v + 2 } else { v + 1 };
    let comma = (from..sentence_end.min(from + 10)).find(|&t| doc.is_punct(t, ','))?;
    Some((comma + 1, SpeakerHint::Window(from, comma)))
}

/// Skips `,` `:` `bahwa` `that` after a speech verb.
fn content_start(doc: &Doc, mut c: usize) -> usize {
    while doc.is_punct(c, ',') || doc.is_punct(c, ':') || matches!(doc.low(c), "bahwa" | "that") {
        c += 1;
    }
    c
}

/// Char span of the reported content `c..sentence_end`, without the final stop.
fn content_span(doc: &Doc, c: usize, sentence_end: usize, inside: &dyn Fn(usize) -> bool) -> Option<(usize, usize)> {
    let mut e = sentence_end;
    while e > c && doc.kind(e - 1) == Some(TokenKind::Punct) {
        e -= 1;
    }
    let words = (c..e).filter(|&t| doc.kind(t) == Some(TokenKind::Word)).count();
    if words < 3 || (c..e).any(inside) {
        return None;
    }
    let first = doc.tokens.get(c)?;
    if doc.chars.get(first.start).is_some_and(|&ch| is_quote_mark(ch)) {
        return None;
    }
    doc.char_span(c, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        direct_spans(&chars)
            .into_iter()
            .map(|(a, b)| text.chars().skip(a).take(b - a).collect())
            .collect()
    }

    #[test]
    fn pairs_curly_straight_and_kompas_style_marks() {
        assert_eq!(
            spans("“Satu dua,” kata A. \"Tiga,\" he said."),
            ["“Satu dua,”", "\"Tiga,\""]
        );
        assert_eq!(
            spans("”Saya minta,” kata Presiden. ”Lagi,” ujarnya."),
            ["”Saya minta,”", "”Lagi,”"]
        );
    }

    #[test]
    fn quote_over_two_paragraphs_is_one_span() {
        let text = "“Satu.\r\n\r\n“Dua,” kata Putin.";
        assert_eq!(spans(text), ["“Satu.\r\n\r\n“Dua,”"]);
    }

    #[test]
    fn unclosed_quote_does_not_swallow_the_next_paragraph() {
        assert_eq!(spans("“Satu dua.\n\nLain hal. “Tiga,” kata B."), ["“Tiga,”"]);
    }

    fn indirect(text: &str) -> Vec<String> {
        let sugg = super::super::Analyzer::new().analyze(text);
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

    #[test]
    fn offsets_are_code_points_with_emoji() {
        let text = "😀🇷🇺 “Halo dunia,” kata Putin.";
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(direct_spans(&chars), vec![(4, 17)]);
    }
}
