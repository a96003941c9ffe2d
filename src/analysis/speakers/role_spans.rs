//! A role phrase that the tagger took whole for an organisation (`a Homeland
//! Security Department official`, `The Green Party nominee`, `Juru bicara Polda
//! Metro`): when it speaks it names a person of the organisation, not the
//! organisation, and no name is written in it, so it is an unnamed source
//! (docs/formats.md: a named speaker is a PERSON or ORG, an unnamed one a SOURCE).
//! A name ending such a span is cut out as a PERSON by the name reader before this.

use super::super::function_words::ROLE_HEADS;
use super::super::quotes::reporting::ROLE_NOUNS;
use super::super::tokenizer::TokenKind;
use super::super::{Entity, Label};
use super::names::{Mention, Names};

/// Lower-case words that may open the phrase before the tagger's span (`a`, `the`).
const ARTICLES: &[&str] = &["a", "an", "the", "one"];

impl Names<'_> {
    /// The speaker `m` with an organisation span that is a role phrase read as an
    /// unnamed source over the span (and an article right before it); any other
    /// speaker as it is.
    pub fn role_span_as_source(&self, m: Mention) -> Mention {
        let Some(e) = self.organisation_of(m) else { return m };
        let first = self.doc.token_at_or_after(e.start);
        let Some(last) = self.doc.token_at_or_after(e.end).checked_sub(1).filter(|&l| l > first) else { return m };
        if !(self.role_last(last) || self.role_first(first)) {
            return m;
        }
        let article = first.checked_sub(1).filter(|&p| self.is_article(p));
        let start = article.and_then(|p| self.doc.tokens.get(p)).map_or(e.start, |t| t.start());
        Mention::Source { start, end: e.end }
    }

    /// The organisation entity that `m` is, or holds it: a new span inside one
    /// would end up as that entity (`Raya` read as a name at the end of the
    /// tagger's `juru bicara Dinas Jalan Raya`). A name cut off its end is not.
    fn organisation_of(&self, m: Mention) -> Option<&Entity> {
        let (i, inside) = match m {
            Mention::Entity(i) => (i, None),
            Mention::New { start, end } => (self.index.at(start)?, Some((start, end))),
            Mention::Cut { .. } | Mention::Source { .. } => return None,
        };
        let e = self.entities.get(i).filter(|e| e.is(Label::Org))?;
        inside.is_none_or(|(start, end)| e.start <= start && end <= e.end).then_some(e)
    }

    /// `… Department official`, `The Green Party nominee`: a lower-case role noun
    /// ending the span (English puts the head last).
    fn role_last(&self, last: usize) -> bool {
        let low = self.doc.low(last);
        self.is_lower_word(last) && (ROLE_HEADS.contains(&low) || self.lex.titles.contains(low))
    }

    /// `Juru bicara Polda Metro`, `pengamat politik Universitas X`: a role noun
    /// opening the span with a lower-case word after it (Indonesian puts the head
    /// first; a capitalised office name such as `Kepala Dinas Kesehatan` is not read
    /// so).
    fn role_first(&self, first: usize) -> bool {
        let low = self.doc.low(first);
        let role = (ROLE_NOUNS.contains(&low) && !ARTICLES.contains(&low)) || self.lex.titles.contains(low);
        role && self.is_lower_word(first + 1)
    }

    fn is_lower_word(&self, t: usize) -> bool {
        self.doc.kind(t) == Some(TokenKind::Word) && !self.doc.is_capitalised(t)
    }

    /// A lower-case article right before the span (`a` of `a Homeland Security
    /// Department official`), in the same line.
    fn is_article(&self, p: usize) -> bool {
        self.is_lower_word(p) && ARTICLES.contains(&self.doc.low(p)) && !self.doc.newline_after(p)
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::quote_fixtures::{speakers_of, tagged_analyzer};
    use super::super::super::Label;

    /// Each quote's speaker as (text, label), with `tagged` as the entity stage.
    fn speakers(text: &str, tagged: &[(&'static str, Label)]) -> Vec<Option<(String, String)>> {
        speakers_of(&tagged_analyzer(tagged), text)
    }

    #[test]
    fn an_english_role_phrase_tagged_as_an_organisation_speaks_as_a_source() {
        let text = "Senator Ann Ward spoke first 🙂.\r\n“The toll is too high,” a Harbour Board official said.";
        let got = speakers(text, &[("Ann Ward", Label::Person), ("Harbour Board official", Label::Org)]);
        assert_eq!(got, vec![Some(("a Harbour Board official".to_string(), "SOURCE".to_string()))]);
    }

    #[test]
    fn an_indonesian_role_phrase_tagged_as_an_organisation_speaks_as_a_source() {
        let text = "Wali Kota Budi Santoso datang 😀.\r\n\"Jalan sudah dibuka,\" kata juru bicara Dinas Jalan Raya.";
        let got = speakers(text, &[("Budi Santoso", Label::Person), ("juru bicara Dinas Jalan Raya", Label::Org)]);
        assert_eq!(got, vec![Some(("juru bicara Dinas Jalan Raya".to_string(), "SOURCE".to_string()))]);
    }

    #[test]
    fn an_organisation_without_a_role_keeps_its_label() {
        let text = "Mayor Tom Becker spoke 🙂.\r\n“We vote in May,” the Harbour Board said.";
        let got = speakers(text, &[("Tom Becker", Label::Person), ("Harbour Board", Label::Org)]);
        assert_eq!(got, vec![Some(("Harbour Board".to_string(), "ORG".to_string()))]);
    }
}
