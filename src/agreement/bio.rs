//! BIO tags of tokens, for the token-level figures (κ, α).
//!
//! The tokens are Sorot's tokenizer's, each cut at every boundary of the
//! compared annotators' entities, exactly as the CoNLL export cuts a token at
//! its own spans' boundaries; so a two-annotator comparison sees the tokens of
//! both annotators' CoNLL exports cut at each other's boundaries. Which
//! entities are tagged follows the CoNLL export too: where entities overlap,
//! the earlier (then longer) one is kept. Tokens inside a left-out range are
//! not units.

use std::collections::{BTreeMap, BTreeSet};

use super::corpus::touches;
use super::spans::EntitySpan;
use crate::analysis::tokenizer::Token;

/// A tag as a small number: 0 is `O`, `2·l + 1` is `B-` and `2·l + 2` is `I-` of label `l`.
pub type Tag = u32;

pub const OUTSIDE: Tag = 0;

/// Labels numbered for tags, in name order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelIds {
    names: Vec<String>,
    ids: BTreeMap<String, u32>,
}

impl LabelIds {
    pub fn new<'a>(labels: impl IntoIterator<Item = &'a str>) -> Self {
        let names: Vec<String> = labels.into_iter().collect::<BTreeSet<_>>().into_iter().map(str::to_owned).collect();
        let ids = names.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
        Self { names, ids }
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    pub fn id(&self, label: &str) -> Option<u32> {
        self.ids.get(label).copied()
    }

    /// `B-LABEL`, `I-LABEL` or `O`.
    pub fn tag_name(&self, tag: Tag) -> String {
        match label_of(tag).and_then(|l| self.names.get(l as usize)) {
            Some(name) if tag % 2 == 1 => format!("B-{name}"),
            Some(name) => format!("I-{name}"),
            None => "O".to_owned(),
        }
    }
}

/// The label number of a tag (`None` for `O`).
pub fn label_of(tag: Tag) -> Option<u32> {
    (tag != OUTSIDE).then(|| (tag - 1) / 2)
}

/// `tag` as seen when only `label` is compared: other labels' tags become `O`.
pub fn only_label(tag: Tag, label: u32) -> Tag {
    if label_of(tag) == Some(label) {
        tag
    } else {
        OUTSIDE
    }
}

/// The compared tokens of one document and each annotator's tag for each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tagged {
    /// Code-point ranges.
    pub tokens: Vec<(usize, usize)>,
    /// One tag sequence per annotator, in the order given, each as long as `tokens`.
    pub tags: Vec<Vec<Tag>>,
}

/// Tags `raw` (the document's tokenizer tokens) for each of `versions`.
pub fn tag_tokens(raw: &[Token], versions: &[&[EntitySpan]], excluded: &[(usize, usize)], labels: &LabelIds) -> Tagged {
    let kept: Vec<Vec<&EntitySpan>> = versions.iter().map(|v| taggable(v)).collect();
    let cuts: BTreeSet<usize> = kept.iter().flatten().flat_map(|e| [e.start, e.end]).collect();
    let tokens = cut_tokens(raw, &cuts, excluded);
    let tags = kept.iter().map(|entities| tags_of(&tokens, entities, labels)).collect();
    Tagged { tokens, tags }
}

/// The entities a CoNLL export would tag: earlier first, then longer; none
/// overlapping one already kept.
fn taggable(entities: &[EntitySpan]) -> Vec<&EntitySpan> {
    let mut candidates: Vec<&EntitySpan> = entities.iter().collect();
    candidates.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    let mut kept: Vec<&EntitySpan> = Vec::with_capacity(candidates.len());
    // Sorted by start: a span overlaps a kept one exactly when it starts before
    // the furthest end kept so far.
    let mut reach = None;
    for e in candidates {
        if reach.is_none_or(|end| end <= e.start) {
            reach = Some(e.end);
            kept.push(e);
        }
    }
    kept
}

fn cut_tokens(raw: &[Token], cuts: &BTreeSet<usize>, excluded: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tokens = Vec::with_capacity(raw.len());
    for t in raw {
        let mut start = t.start();
        for cut in cuts.range(t.start() + 1..t.end()).copied().chain([t.end()]) {
            if !excluded.iter().any(|&r| touches(start, cut, r)) {
                tokens.push((start, cut));
            }
            start = cut;
        }
    }
    tokens
}

fn tags_of(tokens: &[(usize, usize)], entities: &[&EntitySpan], labels: &LabelIds) -> Vec<Tag> {
    let mut tags = vec![OUTSIDE; tokens.len()];
    for entity in entities {
        let Some(label) = labels.id(&entity.label) else { continue };
        let first = tokens.partition_point(|t| t.0 < entity.start);
        let end = tokens.partition_point(|t| t.1 <= entity.end);
        for (i, tag) in tags.iter_mut().enumerate().take(end).skip(first) {
            *tag = if i == first { 2 * label + 1 } else { 2 * label + 2 };
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokenizer::tokenize;

    fn span(start: usize, end: usize, label: &str) -> EntitySpan {
        EntitySpan { start, end, label: label.into() }
    }

    fn names(tagged: &Tagged, labels: &LabelIds, who: usize) -> Vec<String> {
        tagged.tags[who].iter().map(|&t| labels.tag_name(t)).collect()
    }

    #[test]
    fn tokens_are_cut_at_either_annotators_boundaries() {
        let text = "“Korea-Rusia 😀,” kata Ana.\r\nBudi pergi.";
        let chars: Vec<char> = text.chars().collect();
        let raw = tokenize(&chars);
        let labels = LabelIds::new(["LOC", "PERSON"]);
        // One annotator marks Korea only, the other Korea-Rusia; both mark Ana.
        let a = [span(1, 6, "LOC"), span(22, 25, "PERSON")];
        let b = [span(1, 12, "LOC"), span(22, 25, "PERSON"), span(28, 32, "PERSON")];
        let tagged = tag_tokens(&raw, &[&a, &b], &[], &labels);
        let words: Vec<String> = tagged.tokens.iter().map(|&(s, e)| chars[s..e].iter().collect()).collect();
        let korea = words.iter().position(|w| w == "Korea").unwrap();
        assert_eq!(words[korea + 1], "-Rusia", "{words:?}");
        assert_eq!(names(&tagged, &labels, 0)[korea..korea + 2], ["B-LOC", "O"]);
        assert_eq!(names(&tagged, &labels, 1)[korea..korea + 2], ["B-LOC", "I-LOC"]);
        let budi = words.iter().position(|w| w == "Budi").unwrap();
        assert_eq!(
            (names(&tagged, &labels, 0)[budi].as_str(), names(&tagged, &labels, 1)[budi].as_str()),
            ("O", "B-PERSON")
        );
        // Leaving out the second line drops its tokens.
        let fewer = tag_tokens(&raw, &[&a, &b], &[(28, chars.len())], &labels);
        assert_eq!(fewer.tokens.len(), budi);
    }

    #[test]
    fn overlapping_entities_keep_the_earlier_then_longer_as_conll_does() {
        let spans = [span(4, 8, "ORG"), span(0, 8, "ORG"), span(0, 3, "PERSON"), span(9, 12, "LOC")];
        let kept: Vec<(usize, usize)> = taggable(&spans).iter().map(|e| (e.start, e.end)).collect();
        assert_eq!(kept, [(0, 8), (9, 12)]);
    }

    #[test]
    fn tags_by_label() {
        let labels = LabelIds::new(["PERSON", "LOC", "PERSON"]);
        assert_eq!(labels.names(), ["LOC", "PERSON"]);
        let b_person = 2 * labels.id("PERSON").unwrap() + 1;
        assert_eq!(labels.tag_name(b_person), "B-PERSON");
        assert_eq!(only_label(b_person, labels.id("LOC").unwrap()), OUTSIDE);
        assert_eq!(only_label(b_person + 1, labels.id("PERSON").unwrap()), b_person + 1);
    }
}
