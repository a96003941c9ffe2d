//! spaCy's view of a text: every character belongs to a token or is the one
//! space after a token (`token.whitespace_`), so line breaks and runs of
//! spaces become whitespace tokens, as spaCy's own tokenizer makes them.

use std::collections::BTreeSet;

use super::tokens::tokenize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SpacyToken {
    pub start: usize,
    pub end: usize,
    /// Followed by one space that belongs to no token.
    pub space: bool,
}

/// Tokens covering all of `chars`, cut so that every offset in `starts` is a
/// token start and every offset in `ends` a token end; and how many tokens
/// of the tokenizer had to be cut.
pub(crate) fn spacy_tokens(
    chars: &[char],
    starts: &BTreeSet<usize>,
    ends: &BTreeSet<usize>,
) -> (Vec<SpacyToken>, usize) {
    let cuts: BTreeSet<usize> = starts.union(ends).copied().collect();
    let words = tokenize(chars, &cuts);
    let mut out: Vec<SpacyToken> = Vec::new();
    let mut at = 0;
    for word in words.tokens.iter().copied().map(Some).chain([None]) {
        let gap_end = word.map_or(chars.len(), |w| w.start);
        at = absorb_space(&mut out, chars, at, gap_end, starts, ends);
        push_cut(&mut out, at, gap_end, &cuts);
        if let Some(w) = word {
            out.push(SpacyToken { start: w.start, end: w.end, space: false });
            at = w.end;
        }
    }
    (out, words.tokens_split)
}

/// Lets the previous token own the gap's first space unless a span starts at
/// it or ends right after it; returns where the rest of the gap starts.
fn absorb_space(
    out: &mut [SpacyToken],
    chars: &[char],
    at: usize,
    gap_end: usize,
    starts: &BTreeSet<usize>,
    ends: &BTreeSet<usize>,
) -> usize {
    let free = at < gap_end && chars.get(at) == Some(&' ') && !starts.contains(&at) && !ends.contains(&(at + 1));
    match out.last_mut() {
        Some(last) if free && last.end == at => {
            last.space = true;
            at + 1
        }
        _ => at,
    }
}

/// Whitespace `from..to` as tokens, cut at span boundaries.
fn push_cut(out: &mut Vec<SpacyToken>, from: usize, to: usize, cuts: &BTreeSet<usize>) {
    if from >= to {
        return;
    }
    let mut start = from;
    for cut in cuts.range(from + 1..to).copied().chain([to]) {
        if start < cut {
            out.push(SpacyToken { start, end: cut, space: false });
        }
        start = cut;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_becomes_tokens_except_one_space() {
        let chars: Vec<char> = " “Ya 😀,”  kata\r\nAna.".chars().collect();
        let (tokens, _) = spacy_tokens(&chars, &BTreeSet::new(), &BTreeSet::new());
        let rebuilt: String = tokens
            .iter()
            .map(|t| chars[t.start..t.end].iter().collect::<String>() + if t.space { " " } else { "" })
            .collect();
        assert_eq!(rebuilt, chars.iter().collect::<String>());
        let texts: Vec<String> = tokens.iter().map(|t| chars[t.start..t.end].iter().collect()).collect();
        assert!(texts.contains(&" ".to_owned()), "{texts:?}");
        assert!(texts.contains(&"\r\n".to_owned()), "{texts:?}");
    }
}
