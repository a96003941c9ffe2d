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

    #[test]
    fn numbers_and_words_are_kinds() {
        let chars: Vec<char> = "2019 Covid-19".chars().collect();
        let kinds: Vec<TokenKind> = tokenize(&chars).iter().map(|t| t.kind()).collect();
        assert_eq!(kinds, [TokenKind::Number, TokenKind::Word]);
    }
}
