//! Tagging a document a block at a time: whole sentences grouped into blocks of a
//! bounded number of tokens, their features extracted and scored in chunks of that
//! size and dropped once scored. A feature row takes some 400 bytes per token, the
//! emission scores 28, so a document's features at once would cost about 100 times
//! its text on text dense with names; a block's cost is bounded.
//!
//! Viterbi decodes each sentence on its own and a token's features do not depend
//! on the block it is extracted in, so blocking leaves the result unchanged.

use super::features::Extractor;
use super::viterbi::Scores;
use super::weights::Weights;
use std::ops::Range;

/// Most tokens a block of several sentences spans, and the size of the chunks in
/// which features are extracted (a longer sentence is a block of its own, scored
/// chunk by chunk): some 1.6 MB of features, small next to the analyser's tables.
pub const BLOCK_TOKENS: usize = 4096;

/// Consecutive sentences and the tokens they span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Indices into the document's sentences.
    pub sentences: Range<usize>,
    /// From the first sentence's first token to the last one's end.
    pub tokens: Range<usize>,
}

/// Groups `sentences` (token ranges in document order) into blocks spanning at most
/// `max_tokens` tokens each, or a single sentence longer than that.
pub fn of_sentences(sentences: &[Range<usize>], max_tokens: usize) -> impl Iterator<Item = Block> + '_ {
    let mut next = 0;
    std::iter::from_fn(move || {
        let first = sentences.get(next)?;
        let mut block = Block { sentences: next..next + 1, tokens: first.clone() };
        while let Some(range) = sentences.get(block.sentences.end) {
            let tokens = block.tokens.start.min(range.start)..block.tokens.end.max(range.end);
            if tokens.len() > max_tokens {
                break;
            }
            block = Block { sentences: block.sentences.start..block.sentences.end + 1, tokens };
        }
        next = block.sentences.end;
        Some(block)
    })
}

/// Emission scores of `tokens`, their features extracted [`BLOCK_TOKENS`] at a time.
pub fn emissions(weights: &Weights, extractor: &mut Extractor, tokens: Range<usize>) -> Vec<Scores> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut at = tokens.start;
    while at < tokens.end {
        let upto = at.saturating_add(BLOCK_TOKENS).min(tokens.end);
        let features = extractor.extract(at..upto);
        out.extend(weights.emissions(&features, 0..features.len()));
        at = upto;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::super::doc::Doc;
    use super::super::super::lexicon::Lexicon;
    use super::super::evidence::Evidence;
    use super::super::features;
    use super::*;
    use std::sync::Arc;

    #[test]
    fn blocks_hold_whole_sentences_and_a_long_one_alone() {
        let sentences = [0..3, 3..5, 5..20, 20..21, 21..22];
        let blocks: Vec<Range<usize>> = of_sentences(&sentences, 5).map(|b| b.tokens).collect();
        assert_eq!(blocks, [0..5, 5..20, 20..22]);
        let by_sentence: Vec<Range<usize>> = of_sentences(&sentences, 5).map(|b| b.sentences).collect();
        assert_eq!(by_sentence, [0..2, 2..3, 3..5]);
        assert_eq!(of_sentences(&[], 5).count(), 0);
    }

    /// Features extracted in blocks of any size, in order, are those of the whole
    /// document, on text with curly quotes, an emoji, CRLF and a run of capitalised
    /// words across a block edge.
    #[test]
    fn features_do_not_depend_on_the_blocks() {
        let lex = Arc::new(Lexicon::new());
        let evidence = Evidence::new(&lex);
        let text = "“Kami siap 😀,” kata Joko Widodo di Jakarta.\r\nBadan Pusat Statistik Provinsi Jawa Barat \
                    mencatat kenaikan. Warga Bandung datang.\r\n“Itu benar,” ujar Sri Mulyani Indrawati.";
        let doc = Doc::new(text);
        let facts = evidence.facts(text, &doc);
        let input = facts.input(&doc, &lex, 18, Some(1));
        let whole = features::extract(&input);
        let n = doc.tokens.len();
        for size in [1, 2, 3, 5, 7, n] {
            let mut extractor = Extractor::new(input);
            let mut start = 0;
            while start < n {
                let end = (start + size).min(n);
                let block = extractor.extract(start..end);
                for i in start..end {
                    assert_eq!(block.token(i - start), whole.token(i), "token {i} in blocks of {size}");
                }
                start = end;
            }
        }
    }
}
