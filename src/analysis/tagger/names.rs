//! Name lists as tagger features: which listed names cover each token, from which
//! list, and where in the name the token sits; and, for each capitalised word, the
//! labels of the listed names it is a word of (`Drake` in a person's name,
//! `Mojokerto` in places'), which also speaks for new names made of known words.
//!
//! Unlike [`super::super::gazetteer`], this index leaves out the names drawn from the
//! training sets (`train_entities.tsv`): every training entity would be "listed", and
//! the tagger would learn to trust the lists far more than they deserve on new text.

use super::super::doc::Doc;
use super::super::lexicon::{self, Lexicon};
use super::super::Label;
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

/// Which list a name came from: the lists differ in how much they can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Manual = 0,
    Regions = 1,
    Dbpedia = 2,
}

/// Most list hits kept per token (the longest names come first).
pub const MAX_HITS: usize = 3;

/// One list hit on a token, packed: label, list, position (0 single, 1 first, 2 inside, 3 last).
pub type Hit = u16;

fn pack(label: Label, list: List, position: u16) -> Hit {
    (label_code(label) << 4) | ((list as u16) << 2) | position
}

/// A label and position code of a hit without its list (for features shared by all lists).
pub fn without_list(hit: Hit) -> u16 {
    hit & !0b1100
}

pub struct NameIndex {
    automaton: Option<AhoCorasick>,
    info: Vec<(Label, List)>,
    /// Lower-case words of listed names: a bit per label ([`label_bit`]).
    words: FxHashMap<String, u8>,
}

/// Marks a capitalised word in [`NameIndex::word_labels`], listed or not.
pub const CAPITALISED: u8 = 1 << 7;

/// A label's bit in [`NameIndex::word_labels`].
pub fn label_bit(label: Label) -> u8 {
    1 << label_code(label)
}

fn label_code(label: Label) -> u16 {
    match label {
        Label::Person => 0,
        Label::Org => 1,
        Label::Loc => 2,
        Label::Date | Label::Source => 3,
    }
}

impl NameIndex {
    pub fn new(lex: &Lexicon) -> NameIndex {
        let mut patterns: Vec<&'static str> = Vec::new();
        let mut info = Vec::new();
        let mut words: FxHashMap<String, u8> = FxHashMap::default();
        let mut add = |name: &'static str, label: Label, list: List| {
            add_words(lex, name, label, &mut words);
            let lower = name.to_lowercase();
            let one_word = !name.contains(' ');
            // A lone common word (`Harapan`) says nothing: the word features know it.
            if one_word && list == List::Dbpedia && (lex.common.contains(&lower) || lex.stop.contains(&lower)) {
                return;
            }
            if name.chars().count() >= 2 {
                patterns.push(name);
                info.push((label, list));
            }
        };
        for line in lexicon::lines(lexicon::MANUAL) {
            if let Some((label, name)) = line.split_once('\t').and_then(|(l, n)| Some((Label::parse(l)?, n.trim()))) {
                add(name, label, List::Manual);
            }
        }
        for name in lexicon::lines(lexicon::WILAYAH) {
            add(name, Label::Loc, List::Regions);
        }
        for (text, label) in [
            (lexicon::DBPEDIA_PLACE, Label::Loc),
            (lexicon::DBPEDIA_PERSON, Label::Person),
            (lexicon::DBPEDIA_ORG, Label::Org),
        ] {
            for name in lexicon::lines(text) {
                add(name, label, List::Dbpedia);
            }
        }
        let automaton = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&patterns).ok();
        NameIndex { automaton, info, words }
    }

    /// Per token: for a capitalised word, [`CAPITALISED`] and the labels of the listed
    /// names it is a word of; 0 for other tokens.
    pub fn word_labels(&self, doc: &Doc) -> Vec<u8> {
        let mark = |t: usize| CAPITALISED | self.words.get(doc.low(t)).copied().unwrap_or(0);
        (0..doc.tokens.len()).map(|t| if doc.is_capitalised(t) { mark(t) } else { 0 }).collect()
    }

    /// Hits per token of `doc` (whose text is `text`), longest names first.
    pub fn hits(&self, text: &str, doc: &Doc) -> Vec<Vec<Hit>> {
        let mut found: Vec<Vec<(usize, Hit)>> = vec![Vec::new(); doc.tokens.len()];
        let Some(ac) = &self.automaton else {
            return vec![Vec::new(); doc.tokens.len()];
        };
        let align = Alignment::new(text, doc);
        for m in ac.find_overlapping_iter(text) {
            let Some((ts, te)) = align.tokens(m.start(), m.end()) else {
                continue;
            };
            let Some(&(label, list)) = self.info.get(m.pattern().as_usize()) else {
                continue;
            };
            let len = te - ts;
            for (t, slot) in found.iter_mut().enumerate().take(te).skip(ts) {
                let position = match (len, t - ts) {
                    (1, _) => 0,
                    (_, 0) => 1,
                    (_, k) if k + 1 == len => 3,
                    _ => 2,
                };
                slot.push((len, pack(label, list, position)));
            }
        }
        found
            .into_iter()
            .map(|mut v| {
                v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                let mut hits: Vec<Hit> = Vec::new();
                for (_, h) in v {
                    if !hits.contains(&h) && hits.len() < MAX_HITS {
                        hits.push(h);
                    }
                }
                hits
            })
            .collect()
    }
}

/// Records the words of `name` under `label`, leaving out plain words (`dan`, `Kota`
/// as in `Kota Bandung`), which say nothing about the name they stand in.
fn add_words(lex: &Lexicon, name: &str, label: Label, words: &mut FxHashMap<String, u8>) {
    for w in name.split_whitespace() {
        let low = w.to_lowercase();
        if low.chars().count() < 2 || lex.common.contains(&low) || lex.stop.contains(&low) {
            continue;
        }
        *words.entry(low).or_insert(0) |= label_bit(label);
    }
}

/// Byte offsets of the text to token indices, for matches that start and end on
/// token boundaries.
struct Alignment {
    start_at_byte: Vec<u32>,
    end_at_byte: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Alignment {
    fn new(text: &str, doc: &Doc) -> Alignment {
        let mut char_to_byte = Vec::with_capacity(doc.chars.len() + 1);
        char_to_byte.extend(text.char_indices().map(|(b, _)| b));
        char_to_byte.push(text.len());
        let mut start_at_byte = vec![NONE; text.len() + 1];
        let mut end_at_byte = vec![NONE; text.len() + 1];
        for (i, t) in doc.tokens.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(NONE);
            if let Some(slot) = char_to_byte.get(t.start).and_then(|&b| start_at_byte.get_mut(b)) {
                *slot = i;
            }
            if let Some(slot) = char_to_byte.get(t.end).and_then(|&b| end_at_byte.get_mut(b)) {
                *slot = i;
            }
        }
        Alignment { start_at_byte, end_at_byte }
    }

    /// Token range `start..end` of the byte range, if it is token-aligned.
    fn tokens(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let s = *self.start_at_byte.get(a).filter(|&&s| s != NONE)?;
        let e = *self.end_at_byte.get(b).filter(|&&e| e != NONE)?;
        (e >= s).then_some((s as usize, e as usize + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_listed_names_are_marked_with_their_labels() {
        let lex = Lexicon::new();
        let index = NameIndex::new(&lex);
        // `Nair` stands in a listed person's name, `Mojokerto` in places' names; plain
        // and lower-case words are never marked.
        let doc = Doc::new("Kata Priya Nair di Mojokerto dan nair.");
        let marks = index.word_labels(&doc);
        assert_ne!(marks[2] & label_bit(Label::Person), 0, "{marks:?}");
        assert_ne!(marks[4] & label_bit(Label::Loc), 0, "{marks:?}");
        assert_eq!((marks[1], marks[3], marks[5], marks[6]), (CAPITALISED, 0, 0, 0), "{marks:?}");
    }
}
