//! Organisations in English text named by a capitalised run ending in a word that
//! heads organisation names (`General Elections Commission`, `Harbour Workers
//! Union`). The tagger, trained on Indonesian, knows `Komisi` and `Partai` but not
//! their English heads, and leaves such a name out or starts it late; in English
//! every word of the name is capitalised, so the run is the name. Names joined by `&`
//! (`Castillo & Sons`, `Baker & Lane`) name one firm, which the tagger cuts in two.

use super::super::doc::Doc;
use super::super::english_verbs;
use super::super::language::Language;
use super::super::lexicon::Lexicon;
use super::super::tokenizer::{is_possessive_mark, TokenKind};
use super::super::{Label, Span};
use super::english_adjectives;
use super::places::tokens_taken;

/// Source name of spans this pass adds.
pub const SOURCE: &str = "tagger:english-organisation";
/// Confidence of an added name: the run is read, not scored.
const CONFIDENCE: f32 = 0.5;
/// The most words of a name read back from its head.
const MAX_WORDS: usize = 6;

/// Lower-cased nouns that head organisation names in English.
const HEADS: &[&str] = &[
    "agency",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "commission",
    "committee",
    "council",
    "court",
    "department",
    "federation",
    "foundation",
    "institute",
    "ministry",
    "party",
    "tribunal",
    "union",
    "university",
];
/// Capitalised function words that open a sentence, not a name.
const OPENERS: &[&str] = &["the", "a", "an", "this", "that", "its", "their", "our", "his", "her"];

/// Adds, in English `doc`, each untagged capitalised run of two or more words ending
/// in an organisation head as an ORG (`spans` sorted and disjoint before and after).
pub fn add_untagged(doc: &Doc, spans: &mut Vec<Span>) {
    if doc.language != Language::English {
        return;
    }
    let taken = tokens_taken(doc, spans);
    let free_name_word = |t: usize| {
        let word = doc.kind(t) == Some(TokenKind::Word) && doc.is_capitalised(t) && !doc.is_all_caps(t);
        word && !taken.get(t).copied().unwrap_or(true) && !OPENERS.contains(&doc.low(t))
    };
    let mut added = Vec::new();
    for head in (0..doc.tokens.len()).filter(|&t| HEADS.contains(&doc.low(t)) && free_name_word(t)) {
        if doc.is_title_case_sentence(head) {
            continue;
        }
        let mut start = head;
        while start > 0 && head - start + 1 < MAX_WORDS && free_name_word(start - 1) && !doc.newline_after(start - 1) {
            start -= 1;
        }
        // `Federal Bureau of Investigation`: the name goes on after `of`.
        let mut end = head + 1;
        if doc.low(end) == "of" && free_name_word(end + 1) && !doc.is_capitalised(end) {
            end += 1;
            while end < head + MAX_WORDS && free_name_word(end) {
                end += 1;
            }
        }
        if start < head {
            added.push(Span::new(start, end, Label::Org, SOURCE, CONFIDENCE));
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }
}

/// Most capitalised words on each side of a firm's `&`.
const MAX_PARTNER_WORDS: usize = 3;

/// Makes, in English `doc`, each run of capitalised words joined by `&` (`Castillo &
/// Sons`) one ORG, in place of the names tagged inside it (`spans` sorted and
/// disjoint before and after). Not in a title-case headline, where every word is
/// capitalised.
pub fn join_ampersand_firms(doc: &Doc, spans: &mut Vec<Span>) {
    if doc.language != Language::English {
        return;
    }
    let name_word = |t: usize| doc.kind(t) == Some(TokenKind::Word) && doc.is_capitalised(t);
    let joined =
        |t: usize| t > 0 && name_word(t - 1) && name_word(t + 1) && !doc.newline_after(t - 1) && !doc.newline_after(t);
    let mut firms: Vec<(usize, usize)> = Vec::new();
    for amp in (1..doc.tokens.len()).filter(|&t| doc.is_punct(t, '&') && joined(t)) {
        if doc.is_title_case_sentence(amp) {
            continue;
        }
        let mut start = amp - 1;
        while start > 0
            && amp - start < MAX_PARTNER_WORDS
            && name_word(start - 1)
            && !OPENERS.contains(&doc.low(start - 1))
        {
            start -= 1;
        }
        let mut end = amp + 2;
        while end < amp + 1 + MAX_PARTNER_WORDS && name_word(end) && !doc.newline_after(end - 1) {
            end += 1;
        }
        // `Smith & Jones & Brown`: a second `&` goes on the same firm.
        match firms.last_mut() {
            Some(last) if start < last.1 => last.1 = end,
            _ => firms.push((start, end)),
        }
    }
    if firms.is_empty() {
        return;
    }
    // A place or a date inside the run, or a name reaching past its ends, stays as it
    // is, and the run is then no firm.
    let other = |s: &Span| !matches!(s.label, Label::Person | Label::Org);
    firms.retain(|&(a, b)| !spans.iter().any(|s| s.start < b && a < s.end && (other(s) || s.start < a || s.end > b)));
    spans.retain(|s| !firms.iter().any(|&(a, b)| a <= s.start && s.end <= b));
    spans.extend(firms.iter().map(|&(a, b)| Span::new(a, b, Label::Org, SOURCE, CONFIDENCE)));
    spans.sort_by_key(|s| s.start);
}

/// Makes, in English `doc`, each PERSON name right after the article `the` an ORG
/// (`the Ledger reported`, `told the Courier`): English writes no article before a
/// person's name, so a name after one is a newspaper, a firm or a body that the tagger,
/// trained on Indonesian, read as a person. A family named in the plural (`the
/// Harrises`, where `Harris` is a person elsewhere) stays people, and so does a name
/// that modifies the noun after it (`the George Ruiz administration`).
pub fn articled_names_are_organisations(doc: &Doc, spans: &mut [Span]) {
    if doc.language != Language::English {
        return;
    }
    let people: Vec<&str> =
        spans.iter().filter(|s| s.label == Label::Person && s.end == s.start + 1).map(|s| doc.low(s.start)).collect();
    let family = |s: &Span| {
        let low = doc.low(s.end - 1);
        let stem = |suffix: &str| low.strip_suffix(suffix).is_some_and(|w| people.contains(&w));
        stem("s") || stem("es")
    };
    let articled = |s: &Span| s.label == Label::Person && s.start > 0 && doc.low(s.start - 1) == "the";
    let keep = |s: &Span| family(s) || modifies_noun_after(doc, s.end);
    let relabel: Vec<usize> = (0..spans.len()).filter(|&i| articled(&spans[i]) && !keep(&spans[i])).collect();
    for i in relabel {
        if let Some(s) = spans.get_mut(i) {
            s.label = Label::Org;
        }
    }
}

/// Lower-case words that may follow a name that is the head of its phrase (`the
/// Ledger on Monday`, `the Courier and …`, `the Ledger, which …`).
const AFTER_HEAD: &[&str] = &[
    "on", "in", "at", "for", "to", "of", "with", "by", "from", "and", "or", "but", "who", "which", "that", "last",
    "this", "earlier", "also", "has", "had", "have", "is", "was", "will", "would", "did", "does", "not",
];

/// Is token `t` a lower-case noun after a name, the name modifying it (`the George Ruiz
/// administration`)? Not a function word, a verb (`the Ledger reported`) or a possessive.
fn modifies_noun_after(doc: &Doc, t: usize) -> bool {
    let low = doc.low(t);
    let lower = doc.kind(t) == Some(TokenKind::Word) && !doc.is_capitalised(t) && !is_possessive_mark(low);
    let verb = english_verbs::is_verb_form(low) || english_verbs::is_inflected(low);
    lower && !verb && !AFTER_HEAD.contains(&low)
}

/// Adds, in English `doc`, each untagged run of capitalised words after the article
/// `the` that speaks as an ORG: before a reporting verb (`the Courier reported`, `the
/// NAACP said`), or after `according to the` or `told the`. English writes no article
/// before a person's name, so the speaker is a paper, a firm or a body. Not a title
/// (`the President said`), a lone adjective (`the Republican said`: a person) or a
/// name modifying a noun (`told the Harbour FM audience`), nor one going on after `of`
/// or `for` (`according to the Centre for Coastal Research`), which is left as it was.
pub fn add_articled_speakers(doc: &Doc, lex: &Lexicon, spans: &mut Vec<Span>) {
    if doc.language != Language::English {
        return;
    }
    let taken = tokens_taken(doc, spans);
    let free_name_word = |t: usize| {
        let word = doc.kind(t) == Some(TokenKind::Word) && doc.is_capitalised(t);
        word && !taken.get(t).copied().unwrap_or(true) && !lex.titles.contains(doc.low(t))
    };
    let mut added = Vec::new();
    for the in (0..doc.tokens.len()).filter(|&t| doc.low(t) == "the" && free_name_word(t + 1)) {
        if doc.is_title_case_sentence(the + 1) {
            continue;
        }
        let mut end = the + 1;
        while end < the + 1 + MAX_WORDS && free_name_word(end) && !doc.newline_after(end - 1) {
            end += 1;
        }
        // `the Centre for Coastal Research`: a name going on after `of` or `for` is
        // left to the other passes (the speaker stage reads its parts on its own).
        let goes_on = matches!(doc.low(end), "of" | "for") && doc.is_capitalised(end + 1);
        let lone_adjective = end == the + 2 && english_adjectives::is_lone_adjective(doc.low(the + 1));
        let speaks = || {
            let verb = doc.kind(end) == Some(TokenKind::Word) && !doc.is_capitalised(end);
            let before = |k: usize, word: &str| the.checked_sub(k).is_some_and(|p| doc.low(p) == word);
            (verb && english_verbs::is_inflected(doc.low(end)))
                || (before(2, "according") && before(1, "to"))
                || before(1, "told")
        };
        // `told the RT America audience`: a name modifying a noun is not the one spoken to.
        if !lone_adjective && !goes_on && !modifies_noun_after(doc, end) && speaks() {
            added.push(Span::new(the + 1, end, Label::Org, SOURCE, CONFIDENCE));
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }
}
