//! Tokenizer: splits text into words, numbers and punctuation with code-point offsets.
//!
//! Offsets are indices into the `&[char]` of the text (Unicode code points, end
//! exclusive), the unit the whole analysis module and the annotation model use.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, inner hyphens, apostrophes or dots: `Teritorial.Com`).
    Word,
    /// Starts with a digit: `2019`, `25/4/2019`, `1.000`, `3,5`.
    Number,
    /// Any other single character: punctuation, quote marks, symbols, emoji.
    Punct,
}

/// Offsets a token can hold: 30 bits, a thousand million code points, far above
/// the largest text Sorot reads (the store caps an article at 32 MiB, and
/// `sorot analyze --jsonl` a line at `--max-line-bytes`, at most 1 GiB). A text
/// beyond it is tokenized up to here (see [`tokenize`]).
pub const MAX_OFFSET: usize = (1 << 30) - 1;
const KIND_SHIFT: u32 = 30;
const OFFSET_MASK: u32 = (1 << KIND_SHIFT) - 1;

/// One token: `chars[start..end]`, in 8 bytes (a long text holds one per few
/// characters): the start, and the end with the kind in its top two bits.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end_and_kind: u32,
}

impl Token {
    /// The token `start..end`; `None` for an offset over [`MAX_OFFSET`].
    pub fn new(start: usize, end: usize, kind: TokenKind) -> Option<Token> {
        let narrow = |offset: usize| u32::try_from(offset).ok().filter(|&o| o <= OFFSET_MASK);
        let kind_bits: u32 = match kind {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Punct => 2,
        };
        Some(Token { start: narrow(start)?, end_and_kind: narrow(end)? | kind_bits << KIND_SHIFT })
    }

    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    #[inline]
    pub fn end(&self) -> usize {
        (self.end_and_kind & OFFSET_MASK) as usize
    }

    #[inline]
    pub fn kind(&self) -> TokenKind {
        match self.end_and_kind >> KIND_SHIFT {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            _ => TokenKind::Punct,
        }
    }

    /// The same token `by` code points later (a window's tokens in the whole
    /// text's offsets); `None` past [`MAX_OFFSET`].
    pub fn shifted(&self, by: usize) -> Option<Token> {
        Token::new(self.start().checked_add(by)?, self.end().checked_add(by)?, self.kind())
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("start", &self.start())
            .field("end", &self.end())
            .field("kind", &self.kind())
            .finish()
    }
}

/// Characters that never start a token of their own but belong to the one before
/// (combining accents, variation selectors, zero-width joiners in emoji sequences).
fn is_attached_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x200D | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF)
}

/// Whether `joiner` may glue the alphanumeric runs around it into one token.
/// Digits keep `/ . , : -` (dates, thousands, decimals, times); words keep hyphens
/// (`langkah-langkah`), apostrophes (`Ma’ruf`) and dots (`Teritorial.Com`). A comma
/// between letters is punctuation (`Kim,seperti`).
fn joins(prev: char, joiner: char, next: char) -> bool {
    match joiner {
        '-' | '\'' | '’' | '.' => prev.is_alphanumeric() && next.is_alphanumeric(),
        '/' | ',' | ':' => prev.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

/// Splits `chars` into tokens; whitespace separates and is dropped. Tokens end
/// at [`MAX_OFFSET`]: the chars of a longer text after it (no caller reads one)
/// get none.
pub fn tokenize(chars: &[char]) -> Vec<Token> {
    tokenize_by(|i| chars.get(i).copied())
}

/// [`tokenize`] of the characters `char_at` reads by index (`None` at the end),
/// for texts not held as a `&[char]` (see [`CodePoints`](super::code_points)).
pub fn tokenize_by(char_at: impl Fn(usize) -> Option<char>) -> Vec<Token> {
    let char_at = |i: usize| if i < MAX_OFFSET { char_at(i) } else { None };
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(c) = char_at(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i = word_end(char_at, i);
            let digits_only = (start..i).all(|k| char_at(k).is_none_or(|c| !c.is_alphabetic()));
            let kind = if c.is_ascii_digit() && digits_only { TokenKind::Number } else { TokenKind::Word };
            tokens.extend(Token::new(start, i, kind));
        } else {
            i += 1;
            while char_at(i).is_some_and(is_attached_mark) {
                i += 1;
            }
            tokens.extend(Token::new(start, i, TokenKind::Punct));
        }
    }
    // Grown by doubling, up to half the table would be spare: on a long text
    // that is more than the text itself.
    tokens.shrink_to_fit();
    tokens
}

/// Words whose `'s` is a contracted `is` or `us` (`it's`, `She’s`, `Let's`): they keep
/// it, as they are no possessor.
const CONTRACTING_WORDS: &[&str] = &["he", "she", "it", "that", "there", "what", "who", "here", "where", "how", "let"];

/// Splits an English possessive `'s` (`’s`) off the word it ends (`Pell's` →
/// `Pell`, `'s`), so that a name reads the same with and without it. Only a final
/// `s` after an apostrophe after a letter comes off (`Qur'an`, `Jum'at` have none),
/// and not from a pronoun's contraction; a plural possessive (`voters'`) already ends
/// its word, as an apostrophe joins letters only. The tokenizer itself does not
/// know the language: [`Doc`](super::doc::Doc) calls this for English text only.
/// Returns whether any token was split.
pub fn split_possessives(tokens: &mut Vec<Token>, char_at: impl Fn(usize) -> Option<char>) -> bool {
    let split_at = |t: &Token| possessive_start(t, &char_at);
    if !tokens.iter().any(|t| split_at(t).is_some()) {
        return false;
    }
    let mut out = Vec::with_capacity(tokens.len() + tokens.len() / 16);
    for t in tokens.iter() {
        match split_at(t) {
            Some(at) => {
                out.extend(Token::new(t.start(), at, TokenKind::Word));
                out.extend(Token::new(at, t.end(), TokenKind::Word));
            }
            None => out.push(*t),
        }
    }
    *tokens = out;
    true
}

/// The possessive `'s` (`’s`) as [`split_possessives`] leaves it, lower-cased.
pub fn is_possessive_mark(low: &str) -> bool {
    matches!(low, "'s" | "’s")
}

/// `he’s` → `he`, `that's` → `that`: a lower-cased word without its final `'s`
/// (`’s`), whether that is a contracted `is`/`has` or a possessive left on the word.
pub fn strip_final_s(low: &str) -> Option<&str> {
    low.strip_suffix("’s").or_else(|| low.strip_suffix("'s"))
}

/// Where the possessive `'s` of word `t` starts, if it ends in one.
fn possessive_start(t: &Token, char_at: impl Fn(usize) -> Option<char>) -> Option<usize> {
    let (start, end) = (t.start(), t.end());
    if t.kind() != TokenKind::Word || end < start + 3 {
        return None;
    }
    let apostrophe = end - 2;
    let ends_possessive = matches!(char_at(end - 1), Some('s' | 'S'))
        && matches!(char_at(apostrophe), Some('\'' | '’'))
        && char_at(apostrophe - 1).is_some_and(char::is_alphabetic);
    if !ends_possessive || apostrophe - start > 5 {
        return ends_possessive.then_some(apostrophe);
    }
    let stem: String = (start..apostrophe).filter_map(&char_at).flat_map(char::to_lowercase).collect();
    (!CONTRACTING_WORDS.contains(&stem.as_str())).then_some(apostrophe)
}

/// End of the word or number starting at `i` (which is alphanumeric).
fn word_end(char_at: impl Fn(usize) -> Option<char>, mut i: usize) -> usize {
    loop {
        while char_at(i).is_some_and(|c| c.is_alphanumeric() || is_attached_mark(c)) {
            i += 1;
        }
        match (i.checked_sub(1).and_then(&char_at), char_at(i), char_at(i + 1)) {
            (Some(p), Some(j), Some(n)) if joins(p, j, n) => i += 1,
            _ => return i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        tokenize(&chars).iter().map(|t| chars[t.start()..t.end()].iter().collect()).collect()
    }

    #[test]
    fn keeps_domains_dates_and_reduplication_whole() {
        assert_eq!(
            texts("Teritorial.Com – Kamis (25/4/2019) langkah-langkah"),
            ["Teritorial.Com", "–", "Kamis", "(", "25/4/2019", ")", "langkah-langkah"]
        );
    }

    #[test]
    fn comma_between_words_is_punctuation() {
        assert_eq!(texts("Kim,seperti"), ["Kim", ",", "seperti"]);
        assert_eq!(texts("Rp 1.000,50 naik"), ["Rp", "1.000,50", "naik"]);
    }

    #[test]
    fn quotes_and_trailing_dots_are_separate() {
        assert_eq!(texts("“Itu saja.”"), ["“", "Itu", "saja", ".", "”"]);
        assert_eq!(texts("Ma’ruf Amin"), ["Ma’ruf", "Amin"]);
    }

    #[test]
    fn offsets_are_code_points_with_emoji_and_crlf() {
        let s = "😀 Putin\r\nKim 🇷🇺 ok";
        let chars: Vec<char> = s.chars().collect();
        let toks = tokenize(&chars);
        let kim = toks.iter().find(|t| chars[t.start()..t.end()] == ['K', 'i', 'm']);
        let kim = kim.map(|t| (t.start(), t.end()));
        assert_eq!(kim, Some((9, 12)));
        let got: String = s.chars().skip(2).take(5).collect();
        assert_eq!(got, "Putin");
        assert_eq!(toks[0].kind(), TokenKind::Punct);
    }

    #[test]
    fn a_token_is_eight_bytes_and_keeps_its_offsets_and_kind_up_to_the_limit() {
        assert_eq!(std::mem::size_of::<Token>(), 8);
        for kind in [TokenKind::Word, TokenKind::Number, TokenKind::Punct] {
            let t = Token::new(MAX_OFFSET - 3, MAX_OFFSET, kind).unwrap();
            assert_eq!((t.start(), t.end(), t.kind()), (MAX_OFFSET - 3, MAX_OFFSET, kind));
        }
        assert_eq!(Token::new(0, MAX_OFFSET + 1, TokenKind::Word), None);
        assert_eq!(Token::new(u32::MAX as usize + 1, 1, TokenKind::Punct), None);
        let t = Token::new(2, 5, TokenKind::Number).unwrap();
        assert_eq!(t.shifted(10).map(|s| (s.start(), s.end(), s.kind())), Some((12, 15, TokenKind::Number)));
        assert_eq!(t.shifted(MAX_OFFSET), None);
    }

    fn split_texts(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let mut tokens = tokenize(&chars);
        split_possessives(&mut tokens, |i| chars.get(i).copied());
        tokens.iter().map(|t| chars[t.start()..t.end()].iter().collect()).collect()
    }

    #[test]
    fn a_possessive_s_comes_off_its_word_but_no_inner_apostrophe_does() {
        assert_eq!(split_texts("Joan Pell's office"), ["Joan", "Pell", "'s", "office"]);
        assert_eq!(
            split_texts("Microsoft’s chief, O’Neill’s aide"),
            ["Microsoft", "’s", "chief", ",", "O’Neill", "’s", "aide"]
        );
        assert_eq!(split_texts("Qur'an, Jum’at, ma'ruf"), ["Qur'an", ",", "Jum’at", ",", "ma'ruf"]);
        // A plural possessive already ends its word; a pronoun keeps its contracted `is`.
        assert_eq!(split_texts("the voters' club"), ["the", "voters", "'", "club"]);
        assert_eq!(split_texts("It's late, she’s sure"), ["It's", "late", ",", "she’s", "sure"]);
        assert_eq!(split_texts("the 1990's"), ["the", "1990's"]);
    }

    #[test]
    fn a_final_s_comes_off_with_either_apostrophe() {
        assert_eq!(strip_final_s("he’s"), Some("he"));
        assert_eq!(strip_final_s("that's"), Some("that"));
        assert_eq!(strip_final_s("hers"), None);
        assert_eq!(strip_final_s("’s"), Some(""));
    }

    #[test]
    fn split_possessives_keep_code_point_offsets_with_emoji_and_crlf() {
        let s = "😀 “Pell’s”\r\nRoe's";
        let chars: Vec<char> = s.chars().collect();
        let mut toks = tokenize(&chars);
        assert!(split_possessives(&mut toks, |i| chars.get(i).copied()));
        let spans: Vec<(usize, usize)> = toks.iter().map(|t| (t.start(), t.end())).collect();
        assert_eq!(spans, [(0, 1), (2, 3), (3, 7), (7, 9), (9, 10), (12, 15), (15, 17)]);
        assert!(toks.iter().all(|t| t.kind() != TokenKind::Number));
        let mut plain = tokenize(&['a', 'b']);
        assert!(!split_possessives(&mut plain, |i| ['a', 'b'].get(i).copied()));
    }

    #[test]
    fn numbers_and_words_are_kinds() {
        let chars: Vec<char> = "2019 Covid-19".chars().collect();
        let kinds: Vec<TokenKind> = tokenize(&chars).iter().map(|t| t.kind()).collect();
        assert_eq!(kinds, [TokenKind::Number, TokenKind::Word]);
    }
}
