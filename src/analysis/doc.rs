//! The analysed document: characters, tokens, sentences and per-token word forms,
//! computed once and shared by every rule.

use super::code_points::CodePoints;
use super::indices::Indices;
use super::language::{self, Language};
use super::sentences;
use super::tokenizer::{self, Token, TokenKind};
use std::ops::Range;

pub struct Doc {
    /// The text's characters by code point, two bytes each for nearly every text.
    pub chars: CodePoints,
    pub tokens: Vec<Token>,
    /// Token text, one entry per token (see [`Doc::word`]).
    words: Packed,
    /// Lower-cased token text (see [`Doc::low`]).
    lower: LowerCase,
    pub sentences: Vec<Range<usize>>,
    /// Sentence index of each token (see [`Doc::sentence_of`]).
    sentence_index: Indices,
    /// Per sentence: its first token that is not punctuation (its end if none), so
    /// that asking whether a token opens its sentence does not rescan the sentence.
    first_word: Indices,
    /// Per sentence: is it a title-case line? Computed once, since every token asks.
    title_case: Vec<bool>,
    /// The language of the running text (see [`language::detect`]).
    pub language: Language,
}

impl Doc {
    pub fn new(text: &str) -> Doc {
        let chars = CodePoints::new(text);
        let mut tokens = tokenizer::tokenize_by(|i| chars.get(i));
        let (mut words, mut lower) = word_forms(text, chars.len(), &tokens);
        let language = language::detect((0..tokens.len()).map(|i| lower.get(i, &words)));
        // English possessives come off their word (`Pell's` → `Pell`, `'s`) once the
        // language is known, read from the words as written.
        if language == Language::English && tokenizer::split_possessives(&mut tokens, |i| chars.get(i)) {
            (words, lower) = word_forms(text, chars.len(), &tokens);
        }
        let sentences = sentences::split(&chars, &tokens);
        let sentence_index = sentence_index(&sentences, tokens.len());
        let mut doc = Doc {
            chars,
            tokens,
            words,
            lower,
            sentences,
            sentence_index,
            first_word: Indices::with_capacity(0),
            title_case: Vec::new(),
            language,
        };
        let mut first_word = Indices::with_capacity(doc.sentences.len());
        doc.sentences.iter().for_each(|r| first_word.push(doc.first_non_punct(r.clone())));
        doc.first_word = first_word;
        doc.title_case = doc.sentences.iter().map(|r| doc.title_case_range(r.clone())).collect();
        doc
    }

    fn first_non_punct(&self, range: Range<usize>) -> usize {
        let end = range.end;
        range.into_iter().find(|&j| self.kind(j) != Some(TokenKind::Punct)).unwrap_or(end)
    }

    /// Index of the sentence holding token `i`; `None` past the last token.
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        self.sentence_index.get(i)
    }

    #[inline]
    pub fn word(&self, i: usize) -> &str {
        self.words.get(i)
    }

    #[inline]
    pub fn low(&self, i: usize) -> &str {
        self.lower.get(i, &self.words)
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind())
    }

    /// A word starting with an upper-case letter (`Putin`, `AS`, `Teritorial.Com`).
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word) && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// A word written entirely in capitals (`KPK`, `AS`).
    pub fn is_all_caps(&self, i: usize) -> bool {
        let w = self.word(i);
        self.kind(i) == Some(TokenKind::Word)
            && w.chars().any(char::is_alphabetic)
            && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    }

    /// Is token `i` the first word of its sentence (only punctuation before it)?
    pub fn is_sentence_initial(&self, i: usize) -> bool {
        match self.sentence_of(i).and_then(|s| self.first_word.get(s)) {
            Some(first) => i <= first,
            None => self.opens_first_sentence(i),
        }
    }

    /// A token index past the end is judged against the first sentence.
    fn opens_first_sentence(&self, i: usize) -> bool {
        let Some(range) = self.sentences.first() else { return true };
        (range.start..i).all(|j| self.kind(j) == Some(TokenKind::Punct))
    }

    /// Is token `i` in a title-case line (a headline: most words capitalised, no full
    /// stop at the end)?
    pub fn is_title_case_sentence(&self, i: usize) -> bool {
        self.sentence_of(i).and_then(|s| self.title_case.get(s)).copied().unwrap_or(false)
    }

    fn title_case_range(&self, range: Range<usize>) -> bool {
        let last = range.end.saturating_sub(1);
        if self.is_punct(last, '.') || self.is_punct(last, '!') || self.is_punct(last, '?') {
            return false;
        }
        let words = range.clone().filter(|&t| self.kind(t) == Some(TokenKind::Word));
        let (n, caps) = words.fold((0, 0), |(n, c), t| (n + 1, c + usize::from(self.is_capitalised(t))));
        n >= 3 && caps * 10 >= n * 7
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(TokenKind::Punct)
            && self.chars.get(self.tokens.get(i).map_or(usize::MAX, |t| t.start())) == Some(c)
    }

    /// Character span of tokens `start..end`.
    pub fn char_span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let a = self.tokens.get(start)?.start();
        let b = self.tokens.get(end.checked_sub(1)?)?.end();
        (end > start).then_some((a, b))
    }

    /// Index of the first token starting at or after char `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start() < pos)
    }

    /// The text of chars `start..end` (empty if out of range).
    pub fn text_of(&self, start: usize, end: usize) -> String {
        self.chars.range(start..end).map(|r| r.to_string()).unwrap_or_default()
    }

    /// The text of tokens `start..end` (empty if out of range).
    pub fn tokens_text(&self, start: usize, end: usize) -> String {
        self.char_span(start, end).map(|(a, b)| self.text_of(a, b)).unwrap_or_default()
    }

    /// Whether a line break separates tokens `a` and `a + 1`.
    pub fn newline_after(&self, a: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(a + 1)) {
            (Some(x), Some(y)) => self.chars.range(x.end()..y.start()).is_some_and(|g| g.contains('\n')),
            _ => false,
        }
    }
}

/// Each token's text and its lower case. Tokens come in order: one walk through
/// the text finds each one's bytes.
fn word_forms(text: &str, chars: usize, tokens: &[Token]) -> (Packed, LowerCase) {
    let mut words = Packed::with_capacity(chars, tokens.len());
    let mut lower = LowerCase::with_capacity(chars);
    let mut bytes = ByteWalk::new(text);
    for t in tokens {
        let (start, end) = (bytes.byte_of(t.start()), bytes.byte_of(t.end()));
        words.push_str(text.get(start..end).unwrap_or(""));
        lower.push(&words);
    }
    (words, lower)
}

/// Byte offsets of a text's char offsets asked in ascending order (each may be
/// asked again), found in one walk through the text.
struct ByteWalk<'t> {
    len: usize,
    starts: std::str::CharIndices<'t>,
    /// The byte offset of the last char offset asked.
    last_byte: usize,
    /// The char offset `starts` yields next.
    next_char: usize,
}

impl<'t> ByteWalk<'t> {
    fn new(text: &'t str) -> ByteWalk<'t> {
        ByteWalk { len: text.len(), starts: text.char_indices(), last_byte: 0, next_char: 0 }
    }

    /// The byte offset of char `at` (the text's length at or past its end);
    /// an offset before the last one asked gets the last one's.
    fn byte_of(&mut self, at: usize) -> usize {
        if at < self.next_char {
            return self.last_byte;
        }
        let byte = self.starts.nth(at - self.next_char).map_or(self.len, |(byte, _)| byte);
        self.last_byte = byte;
        self.next_char = at + 1;
        byte
    }
}

/// The sentence of each of `count` tokens; a token outside every range (there is
/// none, as the sentences cover the tokens) counts as in the first.
fn sentence_index(sentences: &[Range<usize>], count: usize) -> Indices {
    let mut index = Indices::with_capacity(count);
    for (s, range) in sentences.iter().enumerate() {
        while index.len() < range.start.min(count) {
            index.push(0);
        }
        for _ in index.len()..range.end.min(count) {
            index.push(s);
        }
    }
    while index.len() < count {
        index.push(0);
    }
    index
}

/// Strings stored one after another in one buffer, with where each ends: the
/// words of a document without an allocation per token.
struct Packed {
    text: String,
    ends: Indices,
}

/// String `i` of `text` cut at `ends`, empty past the end.
#[inline]
fn nth<'t>(text: &'t str, ends: &Indices, i: usize) -> &'t str {
    let start = i.checked_sub(1).and_then(|p| ends.get(p)).unwrap_or(0);
    let end = ends.get(i).unwrap_or(start);
    text.get(start..end).unwrap_or("")
}

impl Packed {
    fn with_capacity(chars: usize, count: usize) -> Packed {
        Packed { text: String::with_capacity(chars), ends: Indices::with_capacity(count) }
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// String `i`, empty past the end.
    fn get(&self, i: usize) -> &str {
        nth(&self.text, &self.ends, i)
    }

    fn push_str(&mut self, word: &str) {
        self.text.push_str(word);
        self.ends.push(self.text.len());
    }
}

/// The words lower-cased, in one buffer. While every word's lower case is as
/// long as the word (nearly always), its ends are the words' own and are not
/// stored a second time: on a long text that table is as large as the text.
struct LowerCase {
    text: String,
    /// Where each lower-cased word ends, once one differs in length from its word.
    ends: Option<Indices>,
}

impl LowerCase {
    fn with_capacity(chars: usize) -> LowerCase {
        LowerCase { text: String::with_capacity(chars), ends: None }
    }

    /// Word `i` lower-cased; `words` are the words this was built from.
    #[inline]
    fn get<'a>(&'a self, i: usize, words: &'a Packed) -> &'a str {
        nth(&self.text, self.ends.as_ref().unwrap_or(&words.ends), i)
    }

    /// Appends the last of `words` lower-cased exactly as `str::to_lowercase`
    /// would (which treats a final sigma specially); ASCII, nearly every word,
    /// needs no allocation.
    fn push(&mut self, words: &Packed) {
        let Some(last) = words.len().checked_sub(1) else { return };
        let word = words.get(last);
        if word.is_ascii() {
            self.text.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            self.text.push_str(&word.to_lowercase());
        }
        match &mut self.ends {
            Some(ends) => ends.push(self.text.len()),
            // Every word so far as long as its lower case: the words' ends serve.
            None if self.text.len() == words.text.len() => {}
            None => {
                let mut ends = Indices::with_capacity(words.ends.len());
                (0..last).filter_map(|i| words.ends.get(i)).for_each(|end| ends.push(end));
                ends.push(self.text.len());
                self.ends = Some(ends);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_lower_case_forms_by_token_with_emoji_crlf_and_final_sigma() {
        let doc = Doc::new("“ΟΔΟΣ” 😀 Jakarta\r\nİstanbul KPK");
        let words: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.word(i)).collect();
        let lower: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.low(i)).collect();
        assert!(words.contains(&"ΟΔΟΣ") && words.contains(&"Jakarta") && words.contains(&"KPK"), "{words:?}");
        for (w, l) in words.iter().zip(&lower) {
            assert_eq!(*l, w.to_lowercase(), "lower case of {w}");
        }
        assert!(
            lower.iter().any(|l| l.ends_with('\u{3c2}')),
            "a final sigma, as str::to_lowercase makes it: {lower:?}"
        );
        assert_eq!(doc.word(doc.tokens.len()), "");
    }

    #[test]
    fn lower_case_forms_longer_than_their_word_keep_every_later_word_right() {
        // `İ` lower-cases to two chars (`i̇`), three bytes for its two: the ends part.
        let doc = Doc::new("“Kami” İstanbul 😀 KPK\r\nSİAP ΟΔΟΣ ok");
        let words: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.word(i)).collect();
        let lower: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.low(i)).collect();
        assert!(doc.lower.ends.is_some(), "the ends are stored once a length differs");
        for (w, l) in words.iter().zip(&lower) {
            assert_eq!(*l, w.to_lowercase(), "lower case of {w}");
        }
        assert_eq!(lower.last(), Some(&"ok"));
        let ascii = Doc::new("“Kami siap,” kata Joko.\r\nDi 😀 JAKARTA");
        assert!(ascii.lower.ends.is_none(), "same lengths: the words' ends serve");
        assert_eq!(ascii.low(ascii.tokens.len() - 1), "jakarta");
        assert_eq!(ascii.low(ascii.tokens.len()), "");
    }
}
