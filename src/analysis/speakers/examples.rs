//! A group that speaks with examples of its members set off after it: `Critics,
//! including two unions, said …`, `Beberapa bank, termasuk Bank Nusantara, menilai
//! …`, `…,” said several unions, including the dock workers`. The aside names
//! members of the group, so the group named before it speaks: not a person named
//! inside the aside, nor one named earlier in the article.

use super::super::english_verbs;
use super::super::function_words::{is_subject_edge, CLAUSE_CONNECTIVES, EXAMPLE_MARKERS, SUBORDINATORS};
use super::super::quotes::unnamed::{is_plural, plural_phrase, role_source, unnamed_source};
use super::super::tokenizer::TokenKind;
use super::super::Label;
use super::names::{Mention, Names};

/// Most words of a group named before its examples.
const MAX_GROUP_WORDS: usize = 5;
/// Most words of a group read by its shape alone (no determiner, no listed head).
const MAX_BARE_GROUP_WORDS: usize = 3;

impl Names<'_> {
    /// The group speaking as the subject in tokens `a..b` (before its verb) when that
    /// subject is a group followed by an aside of examples closed by a comma
    /// (`Critics, including two unions, said`): the group before the aside.
    pub fn subject_with_examples(&self, a: usize, b: usize) -> Option<Mention> {
        let doc = self.doc;
        let last = b.checked_sub(1).filter(|&l| l >= a)?;
        let from = doc.sentence_of(last).and_then(|i| doc.sentences.get(i)).map_or(a, |r| r.start).max(a);
        // The aside must reach the verb: only its closing comma and adverbs after it.
        let mut y = b;
        while y > from && (doc.kind(y - 1) == Some(TokenKind::Punct) || is_subject_edge(doc.low(y - 1))) {
            y -= 1;
        }
        if !(y..b).any(|t| doc.is_punct(t, ',')) {
            return None;
        }
        let opening = (from..y).rev().find(|&t| self.opens_examples(t))?;
        let x = (from..opening).rev().find(|&t| self.ends_clause(t)).map_or(from, |t| t + 1);
        self.group_before_examples(x, opening)
    }

    /// Tokens `a..b` after a cue (`said several unions, including …`) opening with a
    /// group followed by an aside of examples: the group before the aside.
    pub fn after_cue_with_examples(&self, a: usize, b: usize) -> Option<Mention> {
        let opening = (a..b).find(|&t| self.opens_examples(t) || self.doc.is_punct(t, '.'))?;
        if !self.opens_examples(opening) || (a..opening).any(|t| self.ends_clause(t)) {
            return None;
        }
        self.group_before_examples(a, opening)
    }

    /// Is token `t` the comma opening an aside of examples (`, including`, `, termasuk`)?
    fn opens_examples(&self, t: usize) -> bool {
        self.doc.is_punct(t, ',') && EXAMPLE_MARKERS.contains(&self.doc.low(t + 1))
    }

    /// Does token `t` end a clause before a subject: a comma, a colon, a dash, a
    /// bracket or a quote mark, or the last token of a line?
    fn ends_clause(&self, t: usize) -> bool {
        let doc = self.doc;
        let punct = doc.kind(t) == Some(TokenKind::Punct) && !doc.is_punct(t, '-') && !doc.is_punct(t, '\'');
        punct || doc.newline_after(t)
    }

    /// The group named in tokens `x..c` (before the comma at `c`), its clause's
    /// connectives stripped: an organisation the tagger found ending there
    /// (`Republicans`), else a noun phrase without a name (`Critics`, `several
    /// banks`, `serikat buruh`).
    fn group_before_examples(&self, x: usize, c: usize) -> Option<Mention> {
        let doc = self.doc;
        let mut x = x;
        while x < c && is_connective(doc.low(x)) {
            x += 1;
        }
        if x >= c || c - x > MAX_GROUP_WORDS {
            return None;
        }
        if let Some(i) = self.organisation_over(x, c) {
            return Some(Mention::Entity(i));
        }
        let (p, q) = unnamed_source(doc, x, c)
            .or_else(|| plural_phrase(doc, x, c))
            .or_else(|| role_source(doc, self.lex, x, c))
            .filter(|&(p, q)| p == x && q == c)
            .or_else(|| self.bare_group(x, c).then_some((x, c)))?;
        let (start, end) = doc.char_span(p, q)?;
        Some(Mention::Source { start, end })
    }

    /// An organisation entity lying within tokens `x..c` and ending at `c`.
    fn organisation_over(&self, x: usize, c: usize) -> Option<usize> {
        let i = self.entity_at(c.checked_sub(1)?)?;
        let e = self.entities.get(i).filter(|e| e.is(Label::Org))?;
        let (start, end) = self.doc.char_span(x, c)?;
        (e.start >= start && e.end == end).then_some(i)
    }

    /// A short phrase of lower-case words (the first capitalised only to open the
    /// sentence) that holds no verb (`Unions`, `Serikat buruh`): set off by examples,
    /// it names a group.
    fn bare_group(&self, x: usize, c: usize) -> bool {
        let doc = self.doc;
        let word = |t: usize| doc.kind(t) == Some(TokenKind::Word);
        let lower = |t: usize| word(t) && !doc.is_capitalised(t);
        let opener = lower(x) || (word(x) && doc.is_sentence_initial(x) && !doc.is_all_caps(x));
        let no_verb = (x..c).all(|t| !english_verbs::is_verb_form(doc.low(t)) && !is_connective(doc.low(t)));
        // A lone word is a group only as a plural (`Unions`, not `Yesterday`).
        let single_ok = c > x + 1 || is_plural(doc.low(x));
        c - x <= MAX_BARE_GROUP_WORDS && opener && (x + 1..c).all(lower) && no_verb && single_ok
    }
}

/// A connective or subordinator that opens a clause (`However`, `When`, `Namun`).
fn is_connective(low: &str) -> bool {
    CLAUSE_CONNECTIVES.contains(&low) || SUBORDINATORS.contains(&low)
}

#[cfg(test)]
mod tests {
    use super::super::super::quote_fixtures::speaker_texts as speakers;

    #[test]
    fn an_organisation_before_its_examples_speaks_not_the_member_named() {
        let text = "Mayor Tom Becker opened the bridge 😀. Republicans, including Senator Ann Ward, said the toll was too high.";
        assert_eq!(speakers(text), vec![Some("Republicans".to_string())]);
    }

    #[test]
    fn examples_inside_another_clause_leave_the_subject_alone() {
        let text = "The mayor praised all groups, including unions, and Ann Ward said the toll was too high 🌉.";
        assert_eq!(speakers(text), vec![Some("Ann Ward".to_string())]);
    }
}
