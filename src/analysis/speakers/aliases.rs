//! Short forms of a person's name that share no whole word with it: blends of the
//! names' first syllables (`Jokowi` for `Joko Widodo`, `Zulhas` for `Zulkifli Hasan`).
//! Indonesian news calls people by these once they are introduced, so a `-nya` cue
//! whose nearest mention is such a form still belongs to the full name. Clipped names
//! (`Wati` for `Sri Murwati`) are left alone: they are written as names of their
//! own, and the annotated news marks them as the speaker as often as the full name.

use super::word_lists::WordLists;
use std::collections::HashMap;

/// Shortest alias looked up: shorter words (`Ali`) are names of their own.
const MIN_ALIAS_CHARS: usize = 4;
/// Least a blend keeps of the first name (`Jok` of `Joko`), and the leading chars by
/// which candidate names are indexed.
const KEY_CHARS: usize = 3;
/// Least a blend keeps of the second name (`Wi` of `Widodo`).
const MIN_BLEND_TAIL: usize = 2;

/// Multi-word names indexed by the first chars of their first word, which a blend
/// keeps, so that an alias is compared only with the names that could contain it.
pub struct Aliases {
    /// Lower-case words of each name (empty for entities that are not names).
    names: WordLists,
    /// Names whose first word starts with a key, ascending.
    by_key: HashMap<String, Vec<usize>>,
    known: HashMap<String, Option<usize>>,
}

fn key(word: &str) -> Option<String> {
    (word.chars().count() >= KEY_CHARS).then(|| word.chars().take(KEY_CHARS).collect())
}

impl Aliases {
    /// `names[i]`: the words of entity `i` if it is a person's name, else empty.
    pub fn new(names: &WordLists) -> Aliases {
        let names =
            names.map(|ws| if ws.len() >= 2 { ws.iter().map(|w| w.to_lowercase()).collect() } else { Vec::new() });
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, ws) in names.iter() {
            if let Some(k) = ws.first().and_then(|w| key(w)) {
                by_key.entry(k).or_default().push(i);
            }
        }
        Aliases { names, by_key, known: HashMap::new() }
    }

    /// The first multi-word name that `word` is a blend of.
    pub fn full_name_of(&mut self, word: &str) -> Option<usize> {
        let low = word.to_lowercase();
        if let Some(&found) = self.known.get(&low) {
            return found;
        }
        let found = self.find(&low);
        self.known.insert(low, found);
        found
    }

    fn find(&self, low: &str) -> Option<usize> {
        if low.chars().count() < MIN_ALIAS_CHARS || !low.chars().all(char::is_alphabetic) {
            return None;
        }
        let candidates = self.by_key.get(&key(low)?)?;
        candidates.iter().copied().find(|&i| is_alias(low, self.names.get(i)))
    }
}

/// Is `low` a blend of the first of `words` with a later one (`jokowi` of `joko widodo`)?
fn is_alias(low: &str, words: &[String]) -> bool {
    words.split_first().is_some_and(|(first, rest)| rest.iter().any(|w| is_blend(low, first, w)))
}

fn is_blend(low: &str, first: &str, second: &str) -> bool {
    let chars: Vec<char> = low.chars().collect();
    (KEY_CHARS..=chars.len().saturating_sub(MIN_BLEND_TAIL)).any(|cut| {
        let (head, tail): (String, String) = (chars[..cut].iter().collect(), chars[cut..].iter().collect());
        first.starts_with(&head) && second.starts_with(&tail)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn blends_find_the_full_name() {
        let names = [words("Sri Murwati"), words("Budi"), words("Joko Widodo"), words("Zulkifli Hasan")];
        let mut aliases = Aliases::new(&WordLists::new(names));
        assert_eq!(aliases.full_name_of("Wati"), None, "clipped names stay as written");
        assert_eq!(aliases.full_name_of("Zulhas"), Some(3));
        assert_eq!(aliases.full_name_of("Jokowi"), Some(2));
        assert_eq!(aliases.full_name_of("Jokowi"), Some(2));
        assert_eq!(aliases.full_name_of("Budiman"), None);
        assert_eq!(aliases.full_name_of("Widodo"), None, "a whole word is no blend");
    }
}
