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

/// One token: `chars[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
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

/// Splits `chars` into tokens; whitespace separates and is dropped.
pub fn tokenize(chars: &[char]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i = word_end(chars, i);
            let digits_only = chars.get(start..i).unwrap_or(&[]).iter().all(|c| !c.is_alphabetic());
            let kind = if c.is_ascii_digit() && digits_only { TokenKind::Number } else { TokenKind::Word };
            tokens.push(Token { start, end: i, kind });
        } else {
            i += 1;
            while chars.get(i).is_some_and(|&c| is_attached_mark(c)) {
                i += 1;
            }
            tokens.push(Token { start, end: i, kind: TokenKind::Punct });
        }
    }
    tokens
}

/// End of the word or number starting at `i` (which is alphanumeric).
fn word_end(chars: &[char], mut i: usize) -> usize {
    loop {
        while chars.get(i).is_some_and(|&c| c.is_alphanumeric() || is_attached_mark(c)) {
            i += 1;
        }
        match (chars.get(i.wrapping_sub(1)), chars.get(i), chars.get(i + 1)) {
            (Some(&p), Some(&j), Some(&n)) if i > 0 && joins(p, j, n) => i += 1,
            _ => return i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        tokenize(&chars).iter().map(|t| chars[t.start..t.end].iter().collect()).collect()
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
        let kim = toks.iter().find(|t| chars[t.start..t.end] == ['K', 'i', 'm']);
        let kim = kim.map(|t| (t.start, t.end));
        assert_eq!(kim, Some((9, 12)));
        let got: String = s.chars().skip(2).take(5).collect();
        assert_eq!(got, "Putin");
        assert_eq!(toks[0].kind, TokenKind::Punct);
    }

    #[test]
    fn numbers_and_words_are_kinds() {
        let chars: Vec<char> = "2019 Covid-19".chars().collect();
        let kinds: Vec<TokenKind> = tokenize(&chars).iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TokenKind::Number, TokenKind::Word]);
    }
}
