//! An organisation as the subject of a speech verb: `The Sierra Club said`,
//! `Northwind Bank (NWB) said`, `Northwind Bank, a lender in Ohio, said`, `PT Jasa
//! Marga (Persero) mengakui`. The name reader of [`subjects`](super::subjects) looks
//! for a person first; when the subject's clause opens with an organisation the
//! tagger found, that organisation speaks, not a person named earlier in the
//! sentence (`After meeting Mayor Lee, the Sierra Club said`) or in the article.

use super::super::Label;
use super::names::{Mention, Names};

/// Words that may stand before an organisation opening its clause (`the Sierra
/// Club`, `pihak PT Jasa Marga`): they make it no less the subject.
const ORGANISATION_DETERMINERS: &[&str] = &["the", "pihak"];

impl Names<'_> {
    /// The organisation that is the subject in tokens `a..b` (before its verb): an ORG
    /// entity ending the subject's clause, or ending its part before a bracket or an
    /// apposition, with nothing before it in its clause but a determiner; not one
    /// whose last words are a person's name the tagger swallowed
    /// ([`entity_tail`](Names::entity_tail)).
    pub fn organisation_opening(&self, a: usize, b: usize) -> Option<Mention> {
        let (from, y) = self.stripped_clause(a, b)?;
        let i = self.entity_at(y.checked_sub(1)?)?;
        let e = self.entities.get(i).filter(|e| e.is(Label::Org))?;
        let first = self.doc.token_at_or_after(e.start);
        if first < a || self.entity_tail(first, y).is_some() {
            return None;
        }
        let clause = self.part_start(a.min(from), first);
        let x = self.strip_head(clause, first);
        let determined = (x..first).all(|t| ORGANISATION_DETERMINERS.contains(&self.doc.low(t)));
        determined.then_some(Mention::Entity(i))
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::quote_fixtures::speaker_texts as speakers;

    #[test]
    fn a_person_before_the_organisation_of_the_clause_still_speaks() {
        let text = "Wali Kota Budi Santoso datang 😀. Yudhistira dari PT Rumah Bambu mengatakan harga bambu naik.";
        assert_eq!(speakers(text), vec![Some("Yudhistira".to_string())]);
    }

    #[test]
    fn an_organisation_in_brackets_speaks_in_english_too() {
        let text = "Mayor Tom Becker opened the bridge 🌉.\r\nNorthwind Bank (NWB) said rates will rise.";
        assert_eq!(speakers(text), vec![Some("Northwind Bank (NWB)".to_string())]);
    }
}
