//! Short mentions as the full name they stand for: `Putin` as the first longer
//! mention holding its words (`Vladimir Putin`), and, for `-nya` cues, a blended
//! nickname as its full name ([`aliases`](super::aliases)).

use super::super::doc::Doc;
use super::super::{Entity, Label};
use super::aliases::Aliases;
use super::headline::headline_end;
use super::names::{in_possessive, Mention};
use super::word_lists::WordLists;
use std::collections::HashMap;

fn words_in(doc: &Doc, start: usize, end: usize) -> Vec<String> {
    let text = doc.text_of(start, end);
    text.split_whitespace().map(str::to_string).collect()
}

/// Short PERSON mentions (`Putin`, `Roland`) as the first longer PERSON mention
/// holding all their words (`Vladimir Putin`, `Ajun Komisaris Roland Manurung`).
/// The entities' words are read once and indexed by word, and each short name is
/// looked up once, so a long document does not compare every speaker with every
/// entity.
pub struct FullMentions<'a> {
    doc: &'a Doc,
    entities: &'a [Entity],
    /// The words of each PERSON entity (empty for other labels).
    words: WordLists,
    /// PERSON entities holding a word, ascending.
    holding: HashMap<String, Vec<usize>>,
    /// The first PERSON entity with any word: the answer for a mention without words.
    first_worded: Option<usize>,
    known: HashMap<Vec<String>, Option<usize>>,
    aliases: Aliases,
}

impl<'a> FullMentions<'a> {
    pub fn new(doc: &'a Doc, entities: &'a [Entity]) -> FullMentions<'a> {
        // A headline's capitalised runs (`Senator Was Headed`) are no full names.
        let headline_end = headline_end(doc);
        // A name in the possessive (`Senator Joan Pell’s office said`) may be taken into
        // the SOURCE phrase it opens (see `attach`): a later `Pell` is not that phrase.
        let words = WordLists::new(entities.iter().map(|e| {
            if e.is(Label::Person) && e.start >= headline_end && !in_possessive(doc, e) {
                words_in(doc, e.start, e.end)
            } else {
                Vec::new()
            }
        }));
        let mut holding: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, ws) in words.iter() {
            for w in ws {
                let list = holding.entry(w.clone()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let first_worded = words.iter().position(|(_, ws)| !ws.is_empty());
        let aliases = Aliases::new(&words);
        FullMentions { doc, entities, words, holding, first_worded, known: HashMap::new(), aliases }
    }

    /// Where a mention that may name a person is in the text: a PERSON
    /// entity, or a name found in the text; `None` for anything else.
    fn person_range(&self, m: Mention) -> Option<(usize, usize)> {
        match m {
            Mention::Entity(i) => self.entities.get(i).filter(|e| e.is(Label::Person)).map(|e| (e.start, e.end)),
            Mention::New { start, end } | Mention::Cut { start, end } => Some((start, end)),
            Mention::Source { .. } => None,
        }
    }

    pub fn of(&mut self, m: Mention) -> Mention {
        let Some((start, end)) = self.person_range(m) else { return m };
        let words = words_in(self.doc, start, end);
        let longer = match self.known.get(&words) {
            Some(&found) => found,
            None => {
                let found = self.longer(&words);
                self.known.insert(words, found);
                found
            }
        };
        longer.map_or(m, Mention::Entity)
    }

    /// A one-word mention as the full name it is a short form of (`Wati`, `Jokowi`):
    /// for `-nya` cues only, as a name written at the cue is the mention itself.
    pub fn alias_of(&mut self, m: Mention) -> Mention {
        let Some((start, end)) = self.person_range(m) else { return m };
        match words_in(self.doc, start, end).as_slice() {
            [word] => self.aliases.full_name_of(word).map_or(m, Mention::Entity),
            _ => m,
        }
    }

    /// The first PERSON entity with more words than `words`, all of them among its own.
    fn longer(&self, words: &[String]) -> Option<usize> {
        let Some(first) = words.first() else { return self.first_worded };
        let full = |i: usize| self.words.get(i);
        let candidates = self.holding.get(first)?;
        candidates.iter().copied().find(|&i| full(i).len() > words.len() && words.iter().all(|w| full(i).contains(w)))
    }
}
