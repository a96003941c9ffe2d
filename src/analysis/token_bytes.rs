//! Token ranges of byte ranges: an Aho-Corasick automaton finds names in the text
//! by byte offset, the analysis works on tokens. One pair of 32-bit byte offsets
//! per token, searched by bisection; tables indexed by every byte or character
//! of the text cost several times the text on long documents.

use super::tokenizer::Token;

/// The byte range of each token of a text.
pub struct TokenBytes {
    bytes: Vec<(u32, u32)>,
}

impl TokenBytes {
    /// The byte ranges of `tokens` (code-point ranges of `text`, in order); `None`
    /// for a text too long for 32-bit offsets (far beyond the article size limit)
    /// or tokens out of order.
    pub fn new(text: &str, tokens: &[Token]) -> Option<TokenBytes> {
        let mut bytes = Vec::with_capacity(tokens.len());
        // Tokens come in order, so one walk through the text finds every offset.
        let (mut chars, mut at_char, mut at_byte) = (text.chars(), 0, 0);
        let mut byte_of = |char_index: usize| -> Option<u32> {
            while at_char < char_index {
                at_byte += chars.next()?.len_utf8();
                at_char += 1;
            }
            (at_char == char_index).then_some(()).and_then(|()| u32::try_from(at_byte).ok())
        };
        for t in tokens {
            let start = byte_of(t.start())?;
            bytes.push((start, byte_of(t.end())?));
        }
        Some(TokenBytes { bytes })
    }

    /// Tokens `first..last + 1` of the byte range `a..b`, if a token starts at `a`
    /// and a token at or after it ends at `b`.
    pub fn tokens(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let (a, b) = (u32::try_from(a).ok()?, u32::try_from(b).ok()?);
        let s = self.bytes.binary_search_by_key(&a, |&(start, _)| start).ok()?;
        let e = s + self.bytes.get(s..)?.partition_point(|&(_, end)| end < b);
        (self.bytes.get(e)?.1 == b).then_some((s, e + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokenizer::tokenize;
    use super::*;

    #[test]
    fn byte_ranges_map_to_tokens_with_curly_quotes_emoji_and_crlf() {
        let text = "“Kami 😀 siap,”\r\nkata Joko Widodo.";
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize(&chars);
        let bytes = TokenBytes::new(text, &tokens).unwrap();
        let at = |s: &str| text.find(s).unwrap();
        let joko = at("Joko");
        let words = |r: (usize, usize)| -> Vec<String> {
            tokens[r.0..r.1].iter().map(|t| chars[t.start()..t.end()].iter().collect()).collect()
        };
        assert_eq!(
            bytes.tokens(joko, joko + "Joko Widodo".len()).map(words),
            Some(vec!["Joko".into(), "Widodo".into()])
        );
        assert_eq!(bytes.tokens(at("siap"), at("siap") + 4).map(words), Some(vec!["siap".into()]));
        assert_eq!(bytes.tokens(at("😀"), at("😀") + 4).map(words), Some(vec!["😀".into()]));
        // Not on token boundaries, or reversed: no tokens.
        assert_eq!(bytes.tokens(joko + 1, joko + 4), None);
        assert_eq!(bytes.tokens(joko, joko + 2), None);
        assert_eq!(bytes.tokens(joko + 5, joko + 4), None);
        assert_eq!(bytes.tokens(text.len() + 1, text.len() + 2), None);
    }
}
