//! Unnamed sources as speakers: a noun phrase without a name that reports speech
//! (`a source said`, `officials said`, `the campaign says`, `a spokeswoman for the
//! mayor said`, `kata polisi`). They are found by the shape of the phrase, not by a
//! list of sentences: a determiner and lower-case words, or a bare plural or
//! collective noun. A prepositional tail (`for the mayor`) is left out of the span,
//! as the phrase's head is who speaks.

use super::super::doc::Doc;
use super::super::english_verbs;
use super::super::function_words::{CLAUSE_CONNECTIVES, QUANTIFIERS, SUBORDINATORS};
use super::super::lexicon::Lexicon;
use super::super::tokenizer::{is_possessive_mark, TokenKind};
use super::reporting::ROLE_NOUNS;

/// Words opening a noun phrase.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "another", "one", "two", "three", "some", "several", "many", "other", "most", "his", "her",
    "their", "its",
];
/// Nouns that name people or bodies collectively and speak without a determiner.
const COLLECTIVES: &[&str] = &["police", "polisi", "warga", "petugas", "pejabat", "saksi", "aparat", "staff"];
/// Plurals that speak as a sentence's first, capitalised word (`Officials said`);
/// elsewhere any lower-case plural does.
const SPEAKING_PLURALS: &[&str] = &[
    "officials",
    "sources",
    "analysts",
    "experts",
    "critics",
    "residents",
    "witnesses",
    "aides",
    "investigators",
    "prosecutors",
    "authorities",
    "lawmakers",
    "economists",
    "researchers",
    "voters",
    "supporters",
    "opponents",
    "proponents",
    "protesters",
    "activists",
    "advocates",
    "observers",
    "officers",
    "diplomats",
    "parents",
    "students",
    "teachers",
    "doctors",
    "nurses",
    "scientists",
    "workers",
    "employees",
    "farmers",
    "traders",
    "commuters",
    "locals",
];
/// Words that may end such a phrase without being its head noun.
const PRONOUN_HEADS: &[&str] = &["who", "which", "that", "also", "then", "now"];
/// Words that end the head of the phrase (`a spokeswoman for X`, `pejabat di X`).
const PHRASE_ENDS: &[&str] = &["for", "of", "at", "from", "with", "in", "on", "di", "dari", "untuk", "yang", "who"];
/// Longest head phrase, in words.
const MAX_WORDS: usize = 5;
/// Longest plural phrase without a determiner (`senior state officials`), in words.
const MAX_PLURAL_WORDS: usize = 3;

/// The unnamed source in tokens `a..b` (all of them, up to a prepositional tail),
/// as the token range of its head phrase.
pub fn unnamed_source(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    if a >= b {
        return None;
    }
    let end = (a..b).find(|&t| PHRASE_ENDS.contains(&doc.low(t)) && t > a).unwrap_or(b);
    let tail_named = (end..b).all(|t| doc.kind(t) == Some(TokenKind::Word) || doc.is_punct(t, '-'));
    if !tail_named || end - a > MAX_WORDS {
        return None;
    }
    let lower = |t: usize| doc.kind(t) == Some(TokenKind::Word) && !doc.is_capitalised(t);
    let first = doc.low(a);
    // The first word is capitalised only at a sentence start (`The campaign says`).
    let opener_ok = lower(a) || doc.is_sentence_initial(a);
    let rest_lower = (a + 1..end).all(lower);
    if DETERMINERS.contains(&first) && opener_ok && end > a + 1 && rest_lower {
        return Some((a, end));
    }
    // `the Green campaign`, `a Transport Department official`, `the city's transport
    // director`: names may modify the head, which is a lower-case noun; the phrase
    // speaks through the head (the speaker stage prefers an entity inside it).
    let determined =
        (DETERMINERS.contains(&first) && opener_ok) || is_possessor(doc, a) || possessive_name_ends(doc, a, end);
    let head_lower = end > a + 1 && lower(end - 1) && !PRONOUN_HEADS.contains(&doc.low(end - 1));
    let words = (a + 1..end).all(|t| doc.kind(t) == Some(TokenKind::Word));
    if determined && head_lower && words {
        return Some((a, end));
    }
    let plural = if lower(a) { is_plural(first) } else { SPEAKING_PLURALS.contains(&first) };
    let bare = end == a + 1 && opener_ok && (COLLECTIVES.contains(&first) || plural);
    bare.then_some((a, end))
}

/// Does the unnamed source in tokens `a..b` name one person: `seorang warga`, `salah
/// seorang guru`? Indonesian counts people, and only people, with `seorang`, so `ia`
/// or `-nya` may stand for such a source.
pub fn is_one_person_source(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b.min(a + 2)).any(|t| doc.low(t) == "seorang")
}

/// `seorang warga Kelurahan Sukamaju`, `salah seorang guru SD Negeri 3`: in tokens
/// `a..b`, a person counted with `seorang` and described by the words after it, places
/// and schools included; no name is given unless one is introduced (`bernama`,
/// `berinisial`), so the whole phrase is the source.
pub fn counted_person(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    let counted = doc.low(a) == "seorang" || (doc.low(a) == "salah" && doc.low(a + 1) == "seorang");
    let words = (a..b).all(|t| doc.kind(t) == Some(TokenKind::Word));
    let named = (a..b).any(|t| matches!(doc.low(t), "bernama" | "berinisial" | "named"));
    (counted && words && !named && b - a <= MAX_WORDS + 3).then_some((a, b))
}

/// A role phrase without a name in tokens `a..b` (`pejabat kementerian itu`, `warga
/// setempat`, `para saksi`, `juru bicara kepolisian`): a quantifier, a title, a role
/// noun or a collective, then lower-case words, up to a prepositional or relative
/// tail; as the token range of the phrase. The opening word is capitalised only at a
/// sentence start. Indonesian puts the head first, so the head is the opening word.
pub fn role_source(doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> Option<(usize, usize)> {
    let end = (a + 1..b).find(|&t| PHRASE_ENDS.contains(&doc.low(t))).unwrap_or(b);
    let first = doc.low(a);
    let lower = |t: usize| doc.kind(t) == Some(TokenKind::Word) && !doc.is_capitalised(t);
    let opener_ok = lower(a) || doc.is_sentence_initial(a);
    let head = QUANTIFIERS.contains(&first)
        || COLLECTIVES.contains(&first)
        || (ROLE_NOUNS.contains(&first) && !DETERMINERS.contains(&first))
        || lex.titles.contains(first);
    let rest_lower = (a + 1..end).all(lower);
    (head && opener_ok && rest_lower && end - a <= MAX_WORDS && b - end <= MAX_WORDS).then_some((a, end))
}

/// `federal prosecutors`, `local residents`: lower-case words ending in a plural
/// noun, up to a prepositional tail, two to [`MAX_PLURAL_WORDS`] words; as the token
/// range of the phrase. The opening word is capitalised only at a sentence start. (A
/// bare plural is read by [`unnamed_source`], which takes a capitalised one only from
/// the plurals listed as speaking.)
pub fn plural_phrase(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    let end = (a + 1..b).find(|&t| PHRASE_ENDS.contains(&doc.low(t))).unwrap_or(b);
    let lower = |t: usize| doc.kind(t) == Some(TokenKind::Word) && !doc.is_capitalised(t);
    let opener_ok = lower(a) || doc.is_sentence_initial(a);
    let head = doc.low(end - 1);
    let plural = is_plural(head) && !english_verbs::is_verb_form(head) && !PRONOUN_HEADS.contains(&head);
    let short = end - a >= 2 && end - a <= MAX_PLURAL_WORDS && b - end <= MAX_WORDS;
    (opener_ok && (a + 1..end).all(lower) && plural && short).then_some((a, end))
}

/// Is the lower-case word a plural that names people speaking (`officials`, `aides`)?
pub fn is_speaking_plural(low: &str) -> bool {
    SPEAKING_PLURALS.contains(&low)
}

/// Longest name in the possessive that opens a phrase (`Ann Lee's lawyer`), in words.
const MAX_POSSESSOR_WORDS: usize = 3;

/// `Ann Lee's lawyer`, `Northwind Bank’s economist`: capitalised words opening
/// `a..end`, the last of them a possessive, determine the phrase as `the` does.
fn possessive_name_ends(doc: &Doc, a: usize, end: usize) -> bool {
    let reach = end.min(a + MAX_POSSESSOR_WORDS);
    let possessor = (a..reach).find(|&t| t + 1 < end && is_possessor(doc, t));
    let clause_word = |t: usize| SUBORDINATORS.contains(&doc.low(t)) || CLAUSE_CONNECTIVES.contains(&doc.low(t));
    let name_word = |t: usize| doc.kind(t) == Some(TokenKind::Word) && doc.is_capitalised(t) && !clause_word(t);
    possessor.is_some_and(|k| (a..=k).all(name_word))
}

/// `city's`, `Roe’s`: a possessive, which determines a noun phrase as an article does.
/// English text has its `'s` as a token of its own (`Roe`, `’s`: see
/// [`split_possessives`](crate::analysis::tokenizer::split_possessives)); a word that
/// keeps it is read too.
pub fn is_possessive(low: &str) -> bool {
    low.len() > 2 && (low.ends_with("'s") || low.ends_with("’s"))
}

/// Is token `t` a possessor: a word in the possessive (`Roe’s`) or one followed by
/// its split-off `'s` (`Roe`, `’s`)?
pub fn is_possessor(doc: &Doc, t: usize) -> bool {
    let word = doc.kind(t) == Some(TokenKind::Word) && !is_possessive_mark(doc.low(t));
    word && (is_possessive(doc.low(t)) || is_possessive_mark(doc.low(t + 1)))
}

/// An English plural noun (`sources`, `officials`), not a verb form or `-ss` word.
pub fn is_plural(low: &str) -> bool {
    low.len() > 3 && low.ends_with('s') && !low.ends_with("ss") && !low.ends_with("us") && !low.ends_with("is")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of the phrase `read` finds over all of `text`'s tokens.
    fn read_phrase(text: &str, read: impl Fn(&Doc, usize) -> Option<(usize, usize)>) -> Option<String> {
        let doc = Doc::new(text);
        let (a, b) = read(&doc, doc.tokens.len())?;
        let (s, e) = doc.char_span(a, b)?;
        Some(text.chars().skip(s).take(e - s).collect())
    }

    fn source(text: &str) -> Option<String> {
        read_phrase(text, |doc, n| unnamed_source(doc, 0, n))
    }

    #[test]
    fn noun_phrases_without_a_name_are_sources() {
        assert_eq!(source("a source").as_deref(), Some("a source"));
        assert_eq!(source("officials").as_deref(), Some("officials"));
        assert_eq!(source("The campaign").as_deref(), Some("The campaign"));
        assert_eq!(source("a spokeswoman for the mayor").as_deref(), Some("a spokeswoman"));
        assert_eq!(source("polisi").as_deref(), Some("polisi"));
        assert_eq!(source("Jane Roe"), None);
        assert_eq!(source("analysis"), None);
        assert_eq!(source("the long and winding road that leads nowhere"), None);
        assert_eq!(source("Ann Lee’s lawyer").as_deref(), Some("Ann Lee’s lawyer"));
        assert_eq!(
            source("Harbour Trust's chief engineer at the port").as_deref(),
            Some("Harbour Trust's chief engineer")
        );
        assert_eq!(source("Ann Lee’s"), None);
        assert_eq!(source("Ann Lee and the engineer"), None);
        assert_eq!(source("When Lee’s appeal"), None);
    }

    fn role(text: &str) -> Option<String> {
        let lex = Lexicon::new();
        read_phrase(text, |doc, n| role_source(doc, &lex, 0, n))
    }

    #[test]
    fn role_phrases_without_a_name_are_sources() {
        assert_eq!(role("Pejabat dinas itu").as_deref(), Some("Pejabat dinas itu"));
        assert_eq!(role("para saksi di lokasi").as_deref(), Some("para saksi"));
        assert_eq!(role("Sejumlah pedagang").as_deref(), Some("Sejumlah pedagang"));
        assert_eq!(role("warga yang tinggal di tepi sungai").as_deref(), Some("warga"));
        assert_eq!(role("Pejabat Dinas Perhubungan"), None);
        assert_eq!(role("rumah itu"), None);
        assert_eq!(role("the mayor"), None);
    }

    fn plural(text: &str) -> Option<String> {
        read_phrase(text, |doc, n| plural_phrase(doc, 0, n))
    }

    #[test]
    fn lower_case_words_ending_in_a_plural_are_sources() {
        assert_eq!(plural("federal investigators in the case").as_deref(), Some("federal investigators"));
        assert_eq!(plural("Local farmers").as_deref(), Some("Local farmers"));
        assert_eq!(plural("the plan argues"), None);
        assert_eq!(plural("federal Investigators"), None);
        assert_eq!(plural("very many old and tired workers"), None);
        assert_eq!(plural("Opponents"), None);
    }
}
