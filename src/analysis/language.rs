//! Which language a document is written in, read from its commonest words.
//!
//! Sorot reads Indonesian and English news. Most rules need no decision (a cue word
//! is in one language or the other), but a few read a word's shape, and shapes mean
//! different things in the two: a lower-case word after a name ends an English name
//! (`Northwind Bank security`) but may belong to an Indonesian one. Function words are
//! the surest sign of a language: every sentence has some, and the two lists share none.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// The language of a document's running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Indonesian,
    English,
}

/// Frequent English function words, none of them an Indonesian word.
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "he", "she", "it", "by", "at", "from",
    "has", "have", "are", "were", "said", "this", "which", "who", "would", "will", "an", "but", "not", "their",
];

/// Frequent Indonesian function words, none of them an English word.
const INDONESIAN: &[&str] = &[
    "yang", "dan", "di", "itu", "dengan", "untuk", "ini", "dari", "dalam", "tidak", "akan", "pada", "ke", "kata",
    "juga", "adalah", "oleh", "karena", "bahwa", "ia", "sudah", "telah", "tersebut", "mereka", "saat",
];

/// Words read: a few paragraphs tell the language, and a long document costs no more.
const WORDS_READ: usize = 400;

/// The language most of `words` (lower-cased; the first [`WORDS_READ`]) are function
/// words of; Indonesian on a tie, the language Sorot was first built for (a title, a
/// name list).
pub fn detect<'w>(words: impl IntoIterator<Item = &'w str>) -> Language {
    let function_words = function_words();
    let (mut english, mut indonesian) = (0usize, 0usize);
    for word in words.into_iter().take(WORDS_READ) {
        match function_words.get(word) {
            Some(Language::English) => english += 1,
            Some(Language::Indonesian) => indonesian += 1,
            None => {}
        }
    }
    if english > indonesian {
        Language::English
    } else {
        Language::Indonesian
    }
}

/// Both lists by word, built once: every document asks for every word it reads.
fn function_words() -> &'static FxHashMap<&'static str, Language> {
    static WORDS: OnceLock<FxHashMap<&'static str, Language>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let english = ENGLISH.iter().map(|&w| (w, Language::English));
        english.chain(INDONESIAN.iter().map(|&w| (w, Language::Indonesian))).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Language {
        let lower = text.to_lowercase();
        detect(lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()))
    }

    #[test]
    fn news_in_either_language_is_told_apart() {
        assert_eq!(of("“Kami siap 😀,” kata Ana di Jakarta.\r\nIa menuturkan, kafe itu tutup."), Language::Indonesian);
        assert_eq!(
            of("“We’re ready 😀,” said Ana in Jakarta.\r\nShe added that the café was closed."),
            Language::English
        );
    }

    #[test]
    fn english_quoted_in_indonesian_news_stays_indonesian() {
        let text = "Menurut Budi, slogan “the people first” itu sudah dipakai sejak dulu dan tidak akan diganti.";
        assert_eq!(of(text), Language::Indonesian);
    }

    #[test]
    fn no_function_word_at_all_is_indonesian() {
        assert_eq!(of("Jakarta 😀 Bandung"), Language::Indonesian);
        assert_eq!(of(""), Language::Indonesian);
    }
}
