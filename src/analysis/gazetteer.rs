//! Gazetteer matching: names from the embedded lists found in the text with one
//! Aho-Corasick automaton, kept only where they line up with token boundaries.

use super::code_points::CodePoints;
use super::lexicon::{self, Lexicon};
use super::token_bytes::TokenBytes;
use super::tokenizer::Token;
use super::Label;
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

/// A gazetteer hit in token indices, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub label: Label,
}

/// The longest hit starting at each token of a text ([`Gazetteer::matches`]),
/// 8 bytes a token: the start is the token's own index and the end fits in 32
/// bits (a text has at most [`MAX_OFFSET`](super::tokenizer::MAX_OFFSET)
/// tokens). Read back as [`GazMatch`].
pub struct GazMatches {
    best: Vec<Option<(u32, Label)>>,
}

impl GazMatches {
    /// The hit starting at token `i`, if any.
    pub fn get(&self, i: usize) -> Option<GazMatch> {
        let (end, label) = self.best.get(i).copied().flatten()?;
        Some(GazMatch { start: i, end: end as usize, label })
    }

    /// Keeps `end` as the hit at token `start` if it is the longest there.
    fn offer(&mut self, start: usize, end: usize, label: Label) {
        let (Some(slot), Ok(end)) = (self.best.get_mut(start), u32::try_from(end)) else { return };
        if slot.is_none_or(|(e, _)| e < end) {
            *slot = Some((end, label));
        }
    }
}

/// Which lists go into a [`Gazetteer`].
#[derive(Debug, Clone, Copy)]
pub struct Lists {
    /// The names drawn from the NER training sets (`train_entities.tsv`). The tagger's
    /// rule features leave them out: on its own training data they would be always right.
    pub training_names: bool,
}

pub struct Gazetteer {
    automaton: Option<AhoCorasick>,
    labels: Vec<Label>,
    /// Lower-cased one-word names of the hand-made and region lists, for ALL-CAPS
    /// datelines such as `JAKARTA, KOMPAS —`.
    upper_case: FxHashMap<String, Label>,
}

impl Gazetteer {
    /// Builds the automaton. Earlier lists win when a name appears in several
    /// (the hand-made list first, DBpedia, the noisiest, last).
    pub fn new(lex: &Lexicon) -> Gazetteer {
        Gazetteer::with_lists(lex, Lists { training_names: true })
    }

    /// Builds from the chosen lists.
    pub fn with_lists(lex: &Lexicon, lists: Lists) -> Gazetteer {
        let mut index: FxHashMap<&str, Label> = FxHashMap::default();
        let mut patterns: Vec<&str> = Vec::new();
        let mut labels = Vec::new();
        let mut upper_case = FxHashMap::default();
        let mut add = |name: &'static str, label: Label, curated: bool| {
            let one_word = !name.contains(' ');
            // A lone common or stop word (`Hal`, `Share`) is never a name on its own.
            // Curated lists are trusted (`AS` is a country even though `as` is a word).
            if (one_word && !curated && is_common(lex, name)) || index.contains_key(name) {
                return;
            }
            if curated && one_word {
                upper_case.insert(name.to_lowercase(), label);
            }
            index.insert(name, label);
            patterns.push(name);
            labels.push(label);
        };
        for (label, name) in lexicon::lines(lexicon::MANUAL).filter_map(labelled) {
            add(name, label, true);
        }
        for name in lexicon::lines(lexicon::WILAYAH) {
            add(name, Label::Loc, true);
        }
        let training = if lists.training_names { lexicon::TRAIN_ENTITIES } else { "" };
        for (label, name) in lexicon::lines(training).filter_map(labelled) {
            add(name, label, false);
        }
        for (text, label) in [
            (lexicon::DBPEDIA_PLACE, Label::Loc),
            (lexicon::DBPEDIA_PERSON, Label::Person),
            (lexicon::DBPEDIA_ORG, Label::Org),
        ] {
            for name in lexicon::lines(text) {
                add(name, label, false);
            }
        }
        let automaton = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&patterns).ok();
        Gazetteer { automaton, labels, upper_case }
    }

    /// Longest token-aligned match starting at each token, by start token.
    pub fn matches(&self, text: &str, chars: &CodePoints, tokens: &[Token]) -> GazMatches {
        let mut best = GazMatches { best: vec![None; tokens.len()] };
        let bytes = TokenBytes::new(text, tokens);
        if let (Some(ac), Some(bytes)) = (&self.automaton, bytes) {
            for m in ac.find_overlapping_iter(text) {
                let Some((ts, te)) = bytes.tokens(m.start(), m.end()) else {
                    continue;
                };
                let Some(&label) = self.labels.get(m.pattern().as_usize()) else {
                    continue;
                };
                best.offer(ts, te, label);
            }
        }
        self.add_upper_case(chars, tokens, &mut best);
        best
    }

    fn add_upper_case(&self, chars: &CodePoints, tokens: &[Token], best: &mut GazMatches) {
        for (i, t) in tokens.iter().enumerate() {
            let Some(letters) = chars.range(t.start()..t.end()) else { continue };
            // Checked on the characters first: only ALL-CAPS words build a string.
            let all_caps = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase() || !c.is_alphabetic());
            if !all_caps {
                continue;
            }
            let word = letters.to_string();
            if let (Some(&label), Some(slot)) = (self.upper_case.get(&word.to_lowercase()), best.best.get_mut(i)) {
                if slot.is_none() {
                    *slot = u32::try_from(i + 1).ok().map(|end| (end, label));
                }
            }
        }
    }
}

fn is_common(lex: &Lexicon, name: &str) -> bool {
    let lower = name.to_lowercase();
    lex.common.contains(&lower) || lex.stop.contains(&lower) || lex.calendar.contains(&lower)
}

/// `LABEL<TAB>name` lines.
fn labelled(line: &'static str) -> Option<(Label, &'static str)> {
    let (label, name) = line.split_once('\t')?;
    Some((Label::parse(label)?, name.trim()))
}

#[cfg(test)]
mod tests {
    use super::super::tokenizer::tokenize;
    use super::*;

    fn labels(text: &str) -> Vec<(String, Label)> {
        let lex = Lexicon::new();
        let gaz = Gazetteer::new(&lex);
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize(&chars);
        let found = gaz.matches(text, &CodePoints::new(text), &tokens);
        (0..tokens.len())
            .filter_map(|i| found.get(i))
            .filter_map(|m| {
                let a = tokens.get(m.start)?.start();
                let b = tokens.get(m.end - 1)?.end();
                Some((chars[a..b].iter().collect(), m.label))
            })
            .collect()
    }

    #[test]
    fn finds_aligned_names_after_emoji_and_crlf() {
        let got = labels("😀 Korea Utara\r\ndan Reuters");
        assert!(got.contains(&("Korea Utara".to_string(), Label::Loc)), "{got:?}");
        assert!(got.contains(&("Reuters".to_string(), Label::Org)), "{got:?}");
    }

    #[test]
    fn ignores_matches_inside_words() {
        let got = labels("KASUS Asam");
        assert!(!got.iter().any(|(t, _)| t == "AS"), "{got:?}");
    }

    #[test]
    fn all_caps_dateline_is_found() {
        let got = labels("JAKARTA, KOMPAS —");
        assert!(got.contains(&("JAKARTA".to_string(), Label::Loc)), "{got:?}");
    }
}
