//! What a pronoun asks of its antecedent, and what a candidate offers: `he` and `she`
//! a gender, `they` a group (an organisation or a plural unnamed source), `ia`,
//! `dia`, `beliau` and a `-nya` cue a person of either gender.
//!
//! A person's gender is read from a title written with the name (`Mr.`, `Mrs.`,
//! `Ms.`, `Pak`, `Bu`, `Ibu`, `Bapak`), else from the given name, looked up in a list
//! of names that one gender clearly holds
//! (`assets/gazetteers/first_name_genders.txt`, see `assets/NOTICE`). A name the list
//! does not hold, or holds for both, has no gender: the pronoun then neither helps nor
//! hurts it.

use super::super::doc::Doc;
use super::super::lexicon::{lines, Lexicon};
use super::super::quotes::unnamed::is_speaking_plural;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const GENDERED_NAMES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/gazetteers/first_name_genders.txt"));

/// Titles that say a man is named after them.
const MALE_TITLES: &[&str] = &["mr", "mr.", "pak", "bapak", "sir", "tuan"];
/// Titles that say a woman is named after them.
const FEMALE_TITLES: &[&str] = &["mrs", "mrs.", "ms", "ms.", "bu", "ibu", "miss", "madam", "nyonya"];
/// Plural heads of an unnamed source (`officials`, `para pejabat`, `warga`).
const PLURAL_SOURCE_WORDS: &[&str] = &[
    "officials",
    "sources",
    "people",
    "residents",
    "experts",
    "analysts",
    "critics",
    "lawmakers",
    "investigators",
    "police",
    "warga",
    "para",
    "pihak",
    "polisi",
    "petugas",
    "aparat",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

/// What the word standing for the speaker asks of its antecedent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// `ia`, `dia`, `beliau`, a `-nya` cue: a person, of either gender.
    Person,
    /// `he`
    He,
    /// `she`
    She,
    /// `they`, `mereka`: a group more likely than one person.
    They,
    /// No pronoun: the cue names its speaker, or there is no cue.
    None,
}

impl Pronoun {
    fn from_word(low: &str) -> Option<Pronoun> {
        match low {
            "he" | "he’s" | "he's" => Some(Pronoun::He),
            "she" | "she’s" | "she's" => Some(Pronoun::She),
            "they" | "they’re" | "they're" | "mereka" => Some(Pronoun::They),
            "ia" | "dia" | "beliau" => Some(Pronoun::Person),
            _ => None,
        }
    }

    /// The pronoun standing for the speaker at or right after token `t` (`he said`,
    /// `kata dia`), or the `-nya` of a cue (`katanya`, `menurutnya`).
    pub fn at_token(doc: &Doc, lex: &Lexicon, t: usize) -> Pronoun {
        let low = doc.low(t);
        if let Some(p) = Pronoun::from_word(low) {
            return p;
        }
        if lex.nya_cue_base(low).is_some() || low == "menurutnya" {
            return Pronoun::Person;
        }
        Pronoun::from_word(doc.low(t + 1)).unwrap_or(Pronoun::None)
    }

    /// The pronoun around the cue token `t`: after it (`said he`, `kata dia`), on it
    /// (`katanya`) or right before it (`he said`, `she told`).
    pub fn around_cue(doc: &Doc, lex: &Lexicon, t: usize) -> Pronoun {
        match Pronoun::at_token(doc, lex, t) {
            Pronoun::None => t.checked_sub(1).and_then(|p| Pronoun::from_word(doc.low(p))).unwrap_or(Pronoun::None),
            p => p,
        }
    }
}

/// Gender by given name, lower case.
fn gendered_names() -> &'static FxHashMap<String, Gender> {
    static NAMES: OnceLock<FxHashMap<String, Gender>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let entry = |l: &str| {
            let (name, g) = l.split_once(' ')?;
            let gender = match g.trim() {
                "f" => Gender::Female,
                "m" => Gender::Male,
                _ => return None,
            };
            Some((name.to_string(), gender))
        };
        lines(GENDERED_NAMES).filter_map(entry).collect()
    })
}

/// The gender a title says (`Mrs.` → female); none for other words.
pub fn title_gender(low: &str) -> Option<Gender> {
    if MALE_TITLES.contains(&low) {
        Some(Gender::Male)
    } else if FEMALE_TITLES.contains(&low) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender most people with this given name (lower case) have, if one clearly does.
pub fn name_gender(low: &str) -> Option<Gender> {
    gendered_names().get(low).copied()
}

/// The gender of the person named in tokens `a..b`: a title right before the name or
/// opening it, else the first word that is no title, read as a given name.
pub fn gender_of(doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> Option<Gender> {
    let title_word = |t: usize| {
        let low = doc.low(t);
        let bare = low.strip_suffix('.').unwrap_or(low);
        title_gender(low).or_else(|| title_gender(bare))
    };
    // `Mr. Doe`: the title, then its full stop, then the name.
    let before = a.checked_sub(1).and_then(|p| match doc.is_punct(p, '.') {
        true => p.checked_sub(1).and_then(title_word),
        false => title_word(p),
    });
    if let Some(g) = before.or_else(|| (a..b).find_map(title_word)) {
        return Some(g);
    }
    let given = (a..b).find(|&t| doc.is_capitalised(t) && !lex.titles.contains(doc.low(t)))?;
    name_gender(doc.low(given))
}

/// Is the unnamed source in tokens `a..b` a group (`officials`, `para pejabat`)?
pub fn is_plural_source(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).any(|t| is_plural_source_word(doc.low(t)))
}

/// Is the lower-case word one that makes an unnamed source a group?
pub fn is_plural_source_word(low: &str) -> bool {
    PLURAL_SOURCE_WORDS.contains(&low) || is_speaking_plural(low)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens_of(doc: &Doc, word: &str) -> usize {
        (0..doc.tokens.len()).find(|&t| doc.word(t) == word).unwrap_or(usize::MAX)
    }

    #[test]
    fn gender_from_title_before_or_inside_and_from_the_given_name() {
        let lex = Lexicon::new();
        let doc = Doc::new("😀 Mrs. Okonkwo datang.\r\nKata Pak Darto, “ya”. Siti Rahayu pulang. Zyx Qwv pergi.");
        let o = tokens_of(&doc, "Okonkwo");
        assert_eq!(gender_of(&doc, &lex, o, o + 1), Some(Gender::Female));
        let p = tokens_of(&doc, "Pak");
        assert_eq!(gender_of(&doc, &lex, p, p + 2), Some(Gender::Male));
        let s = tokens_of(&doc, "Siti");
        assert_eq!(gender_of(&doc, &lex, s, s + 2), Some(Gender::Female));
        let z = tokens_of(&doc, "Zyx");
        assert_eq!(gender_of(&doc, &lex, z, z + 2), None, "an unknown name has no gender");
    }

    #[test]
    fn pronouns_around_a_cue() {
        let lex = Lexicon::new();
        let doc = Doc::new("“Ya,” she said. “Tidak,” katanya. “Nanti,” kata dia. They said so. He 😀 said.");
        assert_eq!(Pronoun::around_cue(&doc, &lex, tokens_of(&doc, "said")), Pronoun::She);
        assert_eq!(Pronoun::around_cue(&doc, &lex, tokens_of(&doc, "katanya")), Pronoun::Person);
        assert_eq!(Pronoun::around_cue(&doc, &lex, tokens_of(&doc, "kata")), Pronoun::Person);
        assert_eq!(Pronoun::at_token(&doc, &lex, tokens_of(&doc, "They")), Pronoun::They);
        assert_eq!(Pronoun::at_token(&doc, &lex, tokens_of(&doc, "😀")), Pronoun::None);
    }
}
