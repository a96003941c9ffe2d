//! Tokens for token-based formats (CoNLL, spaCy): Sorot's tokenizer, with
//! tokens split wherever a span starts or ends inside one, so that every span
//! aligns with tokens and none is lost or stretched.

use std::collections::BTreeSet;

use crate::analysis::code_points::CodePoints;
use crate::analysis::{sentences, tokenizer};

/// A token: code points `start..end` of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// Tokens of a text, cut at span boundaries, grouped in sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tokenized {
    pub tokens: Vec<Token>,
    /// Index of the first token of each sentence, ascending, starting at 0.
    pub sentence_starts: Vec<usize>,
    /// How many tokenizer tokens had to be cut at a span boundary.
    pub tokens_split: usize,
}

/// Tokenizes `chars`, cutting tokens at every offset in `cuts`.
pub fn tokenize(chars: &[char], cuts: &BTreeSet<usize>) -> Tokenized {
    let raw = tokenizer::tokenize(chars);
    let sentence_chars: Vec<usize> = sentences::split(&CodePoints::from_chars(chars), &raw)
        .iter()
        .filter_map(|range| raw.get(range.start).map(|t| t.start()))
        .collect();
    let mut tokens = Vec::with_capacity(raw.len());
    let mut tokens_split = 0;
    for t in &raw {
        let inner: Vec<usize> = cuts.range(t.start() + 1..t.end()).copied().collect();
        tokens_split += usize::from(!inner.is_empty());
        let mut start = t.start();
        for cut in inner.into_iter().chain([t.end()]) {
            tokens.push(Token { start, end: cut });
            start = cut;
        }
    }
    let sentence_starts = sentence_starts(&tokens, &sentence_chars);
    Tokenized { tokens, sentence_starts, tokens_split }
}

fn sentence_starts(tokens: &[Token], sentence_chars: &[usize]) -> Vec<usize> {
    let mut starts: Vec<usize> =
        sentence_chars.iter().filter_map(|&c| tokens.iter().position(|t| t.start == c)).collect();
    starts.insert(0, 0);
    starts.dedup();
    starts
}

impl Tokenized {
    /// Drops sentence breaks that fall inside one of `spans`, so that no span
    /// is cut in two by a blank line.
    pub fn keep_spans_whole(&mut self, spans: &[(usize, usize)]) {
        let tokens = &self.tokens;
        self.sentence_starts.retain(|&i| {
            let Some(at) = tokens.get(i).map(|t| t.start) else { return false };
            i == 0 || !spans.iter().any(|&(s, e)| s < at && at < e)
        });
    }

    /// The token indices `first..last+1` covered by `start..end`, if any token is.
    pub fn covering(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let first = self.tokens.iter().position(|t| t.start >= start && t.end <= end)?;
        let last = self.tokens.iter().rposition(|t| t.start >= start && t.end <= end)?;
        Some((first, last + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_cut_at_span_boundaries() {
        let chars: Vec<char> = "Korea-Rusia 😀 bertemu.\r\nIa pergi.".chars().collect();
        let cuts = BTreeSet::from([0, 5, 6, 11]);
        let tokenized = tokenize(&chars, &cuts);
        let texts: Vec<String> = tokenized.tokens.iter().map(|t| chars[t.start..t.end].iter().collect()).collect();
        assert_eq!(texts[..4], ["Korea", "-", "Rusia", "😀"]);
        assert_eq!(tokenized.tokens_split, 1);
        assert_eq!(tokenized.sentence_starts.len(), 2, "{texts:?}");
    }
}
