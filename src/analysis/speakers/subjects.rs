//! The subject of a speech verb as its speaker: `Okafor told`, `Kepala Dinas Budi
//! mengatakan`, `Budi, Kepala Dinas, Kamis (7/3/2024), mengatakan`, read with the
//! name reader of [`names`](super::names), also where the tagger missed
//! the name or swallowed it into an organisation. A subject that holds no name is
//! read by its word class ([`UnnamedSubject`]): a pronoun, a thing, or a noun phrase.

use super::super::english_verbs;
use super::super::function_words::{is_subject_edge, IMPERSONAL_PRONOUNS, PRONOUNS};
use super::super::quotes::marks::is_mark_at;
use super::super::quotes::unnamed::{plural_phrase, role_source, unnamed_source};
use super::super::tokenizer::{strip_final_s, TokenKind};
use super::groups::is_group_pronoun;
use super::names::{names_a_person, Mention, Names};

/// Most words of a subject read as a noun phrase without a name, after its edges
/// are stripped.
const MAX_SUBJECT_WORDS: usize = 6;

/// What a speech verb's subject is when read by word class, its clause's
/// connectives and adverbs stripped (`Yesterday, however, it`, `He recently`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnnamedSubject {
    /// `he`, `she`, `ia`, `dia`, `beliau` at this token: a person spoken of before.
    Pronoun(usize),
    /// `they`, `mereka` at this token: a group spoken of before.
    Group(usize),
    /// `it`, `this`, `itu`: a thing, which speaks for no one named here.
    Impersonal,
    /// A noun phrase without a name in these tokens (`the report`, `pejabat itu`).
    Phrase(usize, usize),
}

/// A word's form without a contracted `is` (`he’s` → `he`).
fn uncontracted(low: &str) -> &str {
    strip_final_s(low).unwrap_or(low)
}

impl Names<'_> {
    /// The subject in tokens `a..b` read by word class: the clause after the last
    /// comma, dash, bracket or quote mark, its connectives and adverbs stripped from
    /// both edges (`Yesterday, however, it` → `it`, `He recently` → `He`), as a lone
    /// pronoun or a bounded noun phrase without a name; none for anything else.
    pub fn unnamed_subject(&self, a: usize, b: usize) -> Option<UnnamedSubject> {
        let (x, y) = self.stripped_clause(a, b)?;
        if y == x + 1 {
            let low = uncontracted(self.doc.low(x));
            if PRONOUNS.contains(&low) {
                return Some(UnnamedSubject::Pronoun(x));
            }
            if is_group_pronoun(low) {
                return Some(UnnamedSubject::Group(x));
            }
            if IMPERSONAL_PRONOUNS.contains(&low) {
                return Some(UnnamedSubject::Impersonal);
            }
        }
        let words = (x..y).all(|t| self.doc.kind(t) == Some(TokenKind::Word) || self.doc.is_punct(t, '-'));
        if !words || y - x > MAX_SUBJECT_WORDS {
            return None;
        }
        let doc = self.doc;
        let (p, q) = unnamed_source(doc, x, y)
            .or_else(|| plural_phrase(doc, x, y))
            .or_else(|| role_source(doc, self.lex, x, y))?;
        // `the talks collapsed`: a phrase ending in a verb is a clause, no subject.
        let verb_head = q.checked_sub(1).is_some_and(|h| english_verbs::is_verb_form(doc.low(h)));
        (!verb_head).then_some(UnnamedSubject::Phrase(p, q))
    }

    /// Tokens of the subject's clause in `a..b` (within the sentence of its last
    /// token): the part after the last comma, dash, bracket or quote mark, or, where
    /// that part is an apposition set off by commas (`Officials at X, a division of
    /// Y,`), the part before it; without the connectives and adverbs at its edges,
    /// nor a demonstrative left over from a connective (`Sementara itu`).
    pub(super) fn stripped_clause(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        let last = b.checked_sub(1).filter(|&l| l >= a)?;
        let from = doc.sentence_of(last).and_then(|i| doc.sentences.get(i)).map_or(a, |r| r.start).max(a);
        let y = self.strip_tail(from, b);
        let x = self.part_start(from, y);
        let set_off = (y..b).any(|t| doc.is_punct(t, ',')) && x > from + 1 && doc.is_punct(x - 1, ',');
        let (x, y) = if set_off {
            let y = self.strip_tail(from, x - 1);
            (self.part_start(from, y), y)
        } else {
            (x, y)
        };
        let x = self.strip_head(x, y);
        (x < y).then_some((x, y))
    }

    /// Is token `t` a clause boundary: a comma, dash, bracket, colon or quote mark, or
    /// the last token of a line?
    fn is_boundary(&self, t: usize) -> bool {
        let doc = self.doc;
        let mark = doc.kind(t) == Some(TokenKind::Punct)
            && doc.tokens.get(t).is_some_and(|k| is_mark_at(&doc.chars, k.start()));
        mark || [',', ';', ':', '—', '–', '(', ')'].iter().any(|&c| doc.is_punct(t, c)) || doc.newline_after(t)
    }

    /// The first token after the last boundary in `from..y`.
    pub(super) fn part_start(&self, from: usize, y: usize) -> usize {
        (from..y).rev().find(|&t| self.is_boundary(t)).map_or(from, |t| t + 1)
    }

    /// `y` moved back over punctuation, adverbs and connectives (`He recently`).
    fn strip_tail(&self, from: usize, mut y: usize) -> usize {
        let doc = self.doc;
        while y > from && (doc.kind(y - 1) == Some(TokenKind::Punct) || is_subject_edge(doc.low(y - 1))) {
            y -= 1;
        }
        y
    }

    /// `x` moved on over punctuation, connectives and adverbs (`however`, `namun`),
    /// and over a demonstrative that a connective leaves (`Sementara itu`, `Selain itu`).
    pub(super) fn strip_head(&self, mut x: usize, y: usize) -> usize {
        let doc = self.doc;
        let mut stripped = false;
        while x < y && (doc.kind(x) == Some(TokenKind::Punct) || is_subject_edge(doc.low(x))) {
            stripped |= doc.kind(x) == Some(TokenKind::Word);
            x += 1;
        }
        if stripped && x + 1 < y && matches!(doc.low(x), "itu" | "ini") {
            x += 1;
        }
        x
    }

    /// The subject of a speech verb, in tokens `a..b` before it: the name right before
    /// the verb (`Okafor told`, `Kepala Dinas Budi mengatakan`), else, after an
    /// apposition or a date (`Budi, Kepala Dinas, Senin, mengatakan`), the first person
    /// of the clause.
    pub fn subject(&self, a: usize, b: usize) -> Option<Mention> {
        let last = b.checked_sub(1)?;
        // `pertengahan Maret lalu mengaku`: a date is not the subject; look for the person.
        let dated = self.lex.calendar.contains(self.doc.low(last));
        if self.doc.is_capitalised(last) && !dated {
            return self.capitals_before(a, b);
        }
        self.clause_subject(a, b)
    }

    /// The subject in the capitalised words right before the verb at token `b`.
    fn capitals_before(&self, a: usize, b: usize) -> Option<Mention> {
        if let Some(run) = self.run_before(a, b) {
            // A lone capitalised word opening the sentence is mostly a noun
            // (`Opponents argued`), and one after a common noun names a people or a
            // place (`sebagian umat Katolik menilai`): a speaker only if the tagger
            // says so.
            let opener = self.doc.is_sentence_initial(run.0) && !self.english_name_opens(run.0, b);
            let lone = run.1 - run.0 == 1 && (opener || self.after_noun(run.0));
            if lone && !self.lex.first_names.contains(self.doc.low(run.0)) {
                return self.is_person_at(run.0).map(Mention::Entity);
            }
            return self.mention(run);
        }
        // `After meeting Mayor Lee, the Sierra Club said`: the organisation opening the
        // clause speaks, not a person named before it.
        if let Some(m) = self.organisation_opening(a, b) {
            return Some(m);
        }
        // `Yudhistira dari PT Rumah Bambu mengatakan`: the person before the organisation.
        if let Some(i) = (a..b).rev().find_map(|t| self.is_person_at(t)) {
            return Some(Mention::Entity(i));
        }
        // `CEO 88 Niaga Nusantara Lim Wei Sheng memperkirakan`: swallowed into the office.
        if let Some((x, y)) = self.entity_tail(a, b) {
            let (start, end) = self.doc.char_span(x, y)?;
            return Some(Mention::Cut { start, end });
        }
        // `Menteri … Bidang Politik, Hukum, dan Keamanan`: the role goes on over its fields.
        let mut s = b.checked_sub(1)?;
        while s > a && (self.doc.is_capitalised(s - 1) || self.is_listed_field(s - 1)) {
            s -= 1;
        }
        self.role(s, b)
    }

    /// `Barrows says …`, `Okafor told …`: in English a capitalised word opening the
    /// sentence right before an inflected speech verb is a surname, unless it is a word
    /// that opens sentences (`Opponents`, `Officials`, `Today`).
    fn english_name_opens(&self, t: usize, verb: usize) -> bool {
        let english_verb = english_verbs::is_inflected(self.doc.low(verb));
        english_verb && verb == t + 1 && !self.lex.stop.contains(self.doc.low(t))
    }

    /// Is token `t` right after a lower-case common word that no cue or title is
    /// (`umat` of `umat Muslim`, `warga` of `warga Jakarta`)?
    fn after_noun(&self, t: usize) -> bool {
        let Some(p) = t.checked_sub(1) else { return false };
        let low = self.doc.low(p);
        let plain = self.doc.kind(p) == Some(TokenKind::Word) && !self.doc.is_capitalised(p);
        plain && self.lex.common.contains(low) && !self.lex.titles.contains(low) && !self.lex.is_cue_after(low)
    }

    /// The person heading a clause whose verb is not next to a name: the one right
    /// before the first comma (`Kepala Asosiasi X (Ax) Budi Santoso, pekan lalu,
    /// menyampaikan`), else the first one, else a name read from capitals before the
    /// first comma where the tagger missed it or swallowed it into an organisation
    /// (`Direktur Kajian Pusat Data Ekonomi Rizal Effendi, saat dihubungi, mengatakan`).
    fn clause_subject(&self, a: usize, b: usize) -> Option<Mention> {
        let named = |i: usize| self.entities.get(i).is_some_and(|e| names_a_person(self.doc, self.lex, e));
        // `Lee’s lawyer, Ruth Olsen, said`: a name in the possessive heads no subject.
        let heads = |t: usize| self.is_person_at(t).filter(|&i| named(i) && !self.is_possessor_entity(i));
        let comma = (a..b).find(|&t| self.doc.is_punct(t, ','));
        let before_comma = comma.and_then(|c| c.checked_sub(1)).filter(|&t| t >= a).and_then(heads);
        if let Some(i) = before_comma {
            return Some(Mention::Entity(i));
        }
        let first = (a..b).find_map(heads).map(Mention::Entity);
        let named = first.or_else(|| comma.and_then(|c| self.name_before_comma(a, c)));
        // `Northwind Bank (NWB) said`, `Northwind Bank, a lender in Ohio, said`.
        named.or_else(|| self.organisation_opening(a, b))
    }

    /// A name read from capitals right before the comma at token `c`: a run of name
    /// words (not a lone sentence opener), or the tail of an organisation.
    fn name_before_comma(&self, a: usize, c: usize) -> Option<Mention> {
        // A given name inside an organisation's name (`Universitas Tunas Bangsa`) is no person.
        let placed = |t: usize| self.entity_at(t).is_some_and(|i| self.is_person_at(t) != Some(i));
        if let Some(run) = self.run_before(a, c).filter(|&(s, e)| !(s..e).any(placed)) {
            let lone = run.1 - run.0 == 1 && self.doc.is_sentence_initial(run.0);
            return (!lone || self.lex.first_names.contains(self.doc.low(run.0))).then(|| self.mention(run)).flatten();
        }
        let (x, y) = self.entity_tail(a, c)?;
        let (start, end) = self.doc.char_span(x, y)?;
        Some(Mention::Cut { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::doc::Doc;
    use super::super::super::lexicon::Lexicon;
    use super::*;

    /// The class of the subject written before the last word of `text` (its verb),
    /// with the phrase's text for a noun phrase.
    fn class(text: &str) -> Option<(UnnamedSubject, String)> {
        let doc = Doc::new(text);
        let lex = Lexicon::new();
        let names = Names::new(&doc, &lex, &[]);
        let verb = doc.tokens.len().checked_sub(1)?;
        let found = names.unnamed_subject(0, verb)?;
        let phrase = match found {
            UnnamedSubject::Phrase(a, b) => doc.tokens_text(a, b),
            _ => String::new(),
        };
        Some((found, phrase))
    }

    fn phrase(text: &str) -> Option<String> {
        class(text).and_then(|(c, p)| matches!(c, UnnamedSubject::Phrase(..)).then_some(p))
    }

    #[test]
    fn pronouns_and_things_are_read_past_the_adverbs_at_their_edges() {
        assert!(matches!(class("😀 He recently said"), Some((UnnamedSubject::Pronoun(1), _))));
        assert!(matches!(class("Ia kemudian mengatakan"), Some((UnnamedSubject::Pronoun(0), _))));
        assert!(matches!(class("Mereka juga mengatakan"), Some((UnnamedSubject::Group(0), _))));
        assert!(matches!(class("Yesterday, however, it said"), Some((UnnamedSubject::Impersonal, _))));
        assert!(matches!(class("Sementara itu, itu menunjukkan"), Some((UnnamedSubject::Impersonal, _))));
    }

    #[test]
    fn noun_phrases_without_a_name_are_read_from_the_clause_boundary() {
        assert_eq!(phrase("Meanwhile, the report has said").as_deref(), Some("the report"));
        assert_eq!(phrase("Police have not said").as_deref(), Some("Police"));
        assert_eq!(phrase("Namun warga setempat mengaku").as_deref(), Some("warga setempat"));
        assert_eq!(phrase("Officials at the port, a unit of the ministry, said").as_deref(), Some("Officials"));
        assert_eq!(phrase("Pejabat itu, yang baru dilantik, mengatakan").as_deref(), Some("Pejabat itu"));
        assert_eq!(phrase("In May, local fishing crews said").as_deref(), Some("local fishing crews"));
    }

    #[test]
    fn clauses_long_phrases_and_names_are_no_unnamed_subject() {
        assert_eq!(class("the talks collapsed after an hour, said"), None);
        assert_eq!(class("the very long list of all the small harbour towns said"), None);
        assert_eq!(class("Tom Becker said"), None);
        assert_eq!(class("We said"), None);
    }
}
