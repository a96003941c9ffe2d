//! The BIO tag set over PERSON / ORG / LOC and the transitions it allows.
//!
//! `I-X` may only follow `B-X` or `I-X`: the decoder never produces an inside tag
//! without its beginning, so every decoded sequence reads back as whole spans.

use super::super::Label;

/// Labels the tagger learns, in tag order.
pub const LABELS: [Label; 3] = [Label::Person, Label::Org, Label::Loc];
/// `O` plus a `B-` and an `I-` tag per label.
pub const NUM_TAGS: usize = 1 + 2 * LABELS.len();

/// One BIO tag: 0 is `O`, `1 + 2k` is `B-` of label `k`, `2 + 2k` its `I-`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tag(u8);

impl Tag {
    pub const O: Tag = Tag(0);

    pub fn begin(label: Label) -> Option<Tag> {
        let k = LABELS.iter().position(|&l| l == label)?;
        u8::try_from(1 + 2 * k).ok().map(Tag)
    }

    pub fn inside(label: Label) -> Option<Tag> {
        Tag::begin(label).map(|t| Tag(t.0 + 1))
    }

    /// The tag with this index, if it is one.
    pub fn from_index(i: usize) -> Option<Tag> {
        (i < NUM_TAGS).then(|| u8::try_from(i).ok().map(Tag)).flatten()
    }

    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    pub fn label(self) -> Option<Label> {
        let k = usize::from(self.0).checked_sub(1)? / 2;
        LABELS.get(k).copied()
    }

    pub fn is_inside(self) -> bool {
        self.0 != 0 && self.0.is_multiple_of(2)
    }
}

/// May `next` follow `prev` (`None`: the start of a sentence)?
pub fn allowed(prev: Option<Tag>, next: Tag) -> bool {
    if !next.is_inside() {
        return true;
    }
    prev.is_some_and(|p| p != Tag::O && p.label() == next.label())
}

/// Tags of `n` tokens from labelled token spans (`start..end`); later spans never
/// overwrite earlier ones.
pub fn tags_from_spans(n: usize, spans: &[(usize, usize, Label)]) -> Vec<Tag> {
    let mut tags = vec![Tag::O; n];
    for &(s, e, label) in spans {
        let (Some(b), Some(i)) = (Tag::begin(label), Tag::inside(label)) else {
            continue;
        };
        if tags.get(s..e).is_none_or(|r| r.iter().any(|&t| t != Tag::O)) {
            continue;
        }
        for (k, slot) in tags.iter_mut().enumerate().take(e).skip(s) {
            *slot = if k == s { b } else { i };
        }
    }
    tags
}

/// Token spans (`start..end`, label) of a tag sequence.
pub fn spans_from_tags(tags: &[Tag]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Label)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = t.is_inside() && open.is_some_and(|(_, l)| Some(l) == t.label());
        if continues {
            continue;
        }
        if let Some((s, l)) = open.take() {
            out.push((s, i, l));
        }
        open = t.label().map(|l| (i, l));
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), l));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_needs_its_own_beginning() {
        let (bp, ip, io) = (Tag::begin(Label::Person), Tag::inside(Label::Person), Tag::inside(Label::Org));
        let (bp, ip, io) = (bp.unwrap(), ip.unwrap(), io.unwrap());
        assert!(allowed(Some(bp), ip) && allowed(Some(ip), ip));
        assert!(!allowed(None, ip) && !allowed(Some(Tag::O), ip) && !allowed(Some(bp), io));
        assert!(allowed(Some(Tag::O), bp) && allowed(None, Tag::O));
    }

    #[test]
    fn spans_round_trip() {
        let spans = vec![(0, 2, Label::Person), (3, 4, Label::Loc), (4, 6, Label::Loc)];
        let tags = tags_from_spans(7, &spans);
        assert_eq!(spans_from_tags(&tags), spans);
    }
}
