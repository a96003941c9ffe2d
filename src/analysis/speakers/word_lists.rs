//! The words of each entity, with each distinct list of words stored once: news
//! text names the same people again and again, and a hostile text of one repeated
//! name would otherwise hold a vector of strings per mention (the largest part of
//! the speaker pass's memory on dense text).

use std::collections::HashMap;

/// Per entity, the index of its word list among the distinct lists.
pub struct WordLists {
    lists: Vec<Vec<String>>,
    list_of: Vec<usize>,
}

impl WordLists {
    /// Collects the lists in entity order, storing each distinct list once.
    pub fn new(per_entity: impl IntoIterator<Item = Vec<String>>) -> WordLists {
        let mut lists: Vec<Vec<String>> = Vec::new();
        let mut seen: HashMap<Vec<String>, usize> = HashMap::new();
        let list_of = per_entity
            .into_iter()
            .map(|words| {
                *seen.entry(words).or_insert_with_key(|words| {
                    lists.push(words.clone());
                    lists.len() - 1
                })
            })
            .collect();
        WordLists { lists, list_of }
    }

    /// The words of entity `i`; none past the end.
    pub fn get(&self, i: usize) -> &[String] {
        self.list_of.get(i).and_then(|&l| self.lists.get(l)).map_or(&[][..], Vec::as_slice)
    }

    fn len(&self) -> usize {
        self.list_of.len()
    }

    /// The same entities with each distinct list turned into another by `f`.
    pub fn map(&self, f: impl Fn(&[String]) -> Vec<String>) -> WordLists {
        WordLists { lists: self.lists.iter().map(|ws| f(ws)).collect(), list_of: self.list_of.clone() }
    }

    /// Entities in order with their words.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &[String])> + '_ {
        (0..self.len()).map(|i| (i, self.get(i)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn repeated_lists_are_stored_once_and_read_per_entity() {
        let lists = WordLists::new([words("Joko Widodo 😀"), words(""), words("Joko Widodo 😀"), words("Ani")]);
        assert_eq!(lists.len(), 4);
        assert_eq!(lists.lists.len(), 3, "one copy of the repeated name");
        assert_eq!(lists.get(2), words("Joko Widodo 😀").as_slice());
        assert!(lists.get(1).is_empty() && lists.get(4).is_empty());
        let lower = lists.map(|ws| ws.iter().map(|w| w.to_lowercase()).collect());
        assert_eq!(lower.get(3), ["ani"]);
    }
}
