//! Adjectives of nation, party and faith (`Russian`, `American`, `Democratic`,
//! `Hispanic`) are capitalised in English but name no person, organisation or place
//! when they stand alone (`the Russian government`, `a Democratic senator`). The
//! tagger, trained on Indonesian where such words are lower case (`pemerintah
//! Rusia` names the country), reads them as names. Inside a longer name (`Russian
//! Federation`, `Democratic National Committee`) they stay.

use super::super::doc::Doc;
use super::super::language::Language;
use super::super::Span;

/// Singular adjectives only: plurals (`Democrats`, `Americans`) are groups that may
/// speak. Words that are also given names (`Christian`) are left out.
const ADJECTIVES: &[&str] = &[
    "american",
    "african-american",
    "asian-american",
    "british",
    "english",
    "european",
    "russian",
    "ukrainian",
    "chinese",
    "japanese",
    "korean",
    "indian",
    "indonesian",
    "australian",
    "canadian",
    "mexican",
    "french",
    "german",
    "italian",
    "spanish",
    "israeli",
    "palestinian",
    "iranian",
    "iraqi",
    "syrian",
    "turkish",
    "arab",
    "african",
    "hispanic",
    "latino",
    "latina",
    "democratic",
    "republican",
    "liberal",
    "conservative",
    "muslim",
    "jewish",
    "catholic",
    "protestant",
    "evangelical",
];

/// In English text, drops a name that is one such adjective.
pub fn drop_lone_adjectives(doc: &Doc, spans: &mut Vec<Span>) {
    if doc.language == Language::English {
        spans.retain(|s| !(s.end == s.start + 1 && is_lone_adjective(doc.low(s.start))));
    }
}

pub(super) fn is_lone_adjective(low: &str) -> bool {
    ADJECTIVES.contains(&low)
}

#[cfg(test)]
mod tests {
    use super::super::super::english_fixtures::entities;

    #[test]
    fn a_lone_adjective_of_nation_party_or_faith_is_no_name() {
        let got = entities(
            "The Russian government and a Democratic senator met 😀.\r\n\
             Officials of the Russian Federation and the Democratic National Committee said “no”.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert!(!names.contains(&"Russian") && !names.contains(&"Democratic"), "{got:?}");
        assert!(names.contains(&"Democratic National Committee"), "{got:?}");
    }
}
