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
use super::super::token_bytes::TokenBytes;
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
    pub fn hits(&self, text: &str, doc: &Doc) -> Hits {
        let Some(ac) = &self.automaton else {
            return Hits::default();
        };
        let Some(align) = TokenBytes::new(text, &doc.tokens) else {
            return Hits::default();
        };
        // Every (token, name length, hit) found, sorted into each token's order:
        // one flat list rather than a list per token (most tokens have none).
        let mut found: Vec<(usize, std::cmp::Reverse<usize>, Hit)> = Vec::new();
        for m in ac.find_overlapping_iter(text) {
            let Some((ts, te)) = align.tokens(m.start(), m.end()) else {
                continue;
            };
            let Some(&(label, list)) = self.info.get(m.pattern().as_usize()) else {
                continue;
            };
            let len = te - ts;
            for t in ts..te {
                let position = match (len, t - ts) {
                    (1, _) => 0,
                    (_, 0) => 1,
                    (_, k) if k + 1 == len => 3,
                    _ => 2,
                };
                found.push((t, std::cmp::Reverse(len), pack(label, list, position)));
            }
        }
        found.sort_unstable();
        Hits::from_sorted(&found)
    }
}

/// Name-list hits of each token of a document (at most [`MAX_HITS`], longest names
/// first), stored one after another with where each token's begin.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Hits {
    /// Tokens with hits and where their hits begin in `hits`, by token.
    starts: Vec<(usize, usize)>,
    hits: Vec<Hit>,
}

impl Hits {
    /// From (token, name length reversed, hit) sorted: the longest names first, a
    /// hit kept once.
    fn from_sorted(found: &[(usize, std::cmp::Reverse<usize>, Hit)]) -> Hits {
        let mut out = Hits::default();
        for &(t, _, h) in found {
            if out.starts.last().is_none_or(|&(last, _)| last != t) {
                out.starts.push((t, out.hits.len()));
            }
            let mine = out.starts.last().and_then(|&(_, s)| out.hits.get(s..)).unwrap_or(&[]);
            if !mine.contains(&h) && mine.len() < MAX_HITS {
                out.hits.push(h);
            }
        }
        out
    }

    /// The hits of each token of `tokens`, in order: one search for the first,
    /// then a walk (a search per token costs cache misses on long documents).
    pub fn of_each(&self, tokens: std::ops::Range<usize>) -> Vec<&[Hit]> {
        let mut out: Vec<&[Hit]> = vec![&[]; tokens.len()];
        let first = self.starts.partition_point(|&(t, _)| t < tokens.start);
        for (k, &(t, start)) in self.starts.iter().enumerate().skip(first) {
            if t >= tokens.end {
                break;
            }
            let end = self.starts.get(k + 1).map_or(self.hits.len(), |&(_, s)| s);
            if let (Some(slot), Some(hits)) = (out.get_mut(t - tokens.start), self.hits.get(start..end)) {
                *slot = hits;
            }
        }
        out
    }

    /// The hits of token `i` (none past the end).
    pub fn of(&self, i: usize) -> &[Hit] {
        let Ok(k) = self.starts.binary_search_by_key(&i, |&(t, _)| t) else { return &[] };
        let start = self.starts.get(k).map_or(0, |&(_, s)| s);
        let end = self.starts.get(k + 1).map_or(self.hits.len(), |&(_, s)| s);
        self.hits.get(start..end).unwrap_or(&[])
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

    #[test]
    fn hits_of_a_stretch_are_those_of_each_token_with_emoji_and_crlf() {
        let lex = Lexicon::new();
        let index = NameIndex::new(&lex);
        let text = "“Kami 😀 siap,” kata Joko Widodo di Jakarta.\r\nWarga Surabaya dan Bandung datang.";
        let doc = Doc::new(text);
        let hits = index.hits(text, &doc);
        let n = doc.tokens.len();
        assert!((0..n).any(|t| !hits.of(t).is_empty()), "some listed name is found");
        for start in 0..n {
            for end in start..=n + 2 {
                let each = hits.of_each(start..end);
                let one_by_one: Vec<&[Hit]> = (start..end).map(|t| hits.of(t)).collect();
                assert_eq!(each, one_by_one, "{start}..{end}");
            }
        }
    }
}
