//! Sentence splitter over tokens.
//!
//! Splits at line breaks and at `. ! ? …` followed by a capitalised word, a digit or an
//! opening quote. Closing quotes and brackets right after the stop stay in the sentence
//! (`… Itu saja.” kata Putin` continues, since `kata` is lower case). A dot after an
//! abbreviation or a title (`Dr.`, `Prof.`, `Jl.`, `Mr.`) or after a single initial
//! (`John B. Fenn`) does not end a sentence.

use super::code_points::CodePoints;
use super::tokenizer::{Token, TokenKind};
use std::ops::Range;

/// Abbreviations whose dot is not a full stop (lower case, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "dr", "drs", "dra", "prof", "ir", "h", "hj", "kh", "jl", "jln", "no", "mr", "mrs", "ms", "st", "sdr", "bpk", "ny",
    "tn", "kol", "let", "jend", "brigjen", "kompol", "ipda", "iptu", "aiptu", "bripka", "akbp", "kombes", "vs", "etc",
    "inc", "ltd", "co", "corp", "jr", "sr", "rev", "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "ust",
    "pdt", "rm", "mt", "sh", "se", "mm", "msi", "mh", "spd", "skom", "phd", "u.s", "a.n", "u.p", "hlm", "tel",
];

/// Token index ranges of the sentences of `chars`.
pub fn split(chars: &CodePoints, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i + 1;
        let mut boundary = false;
        if is_stop(chars, tokens, i) {
            // Closing quotes/brackets glued to the stop belong to this sentence.
            while let Some(t) = tokens.get(end) {
                let glued = tokens.get(end - 1).is_some_and(|p| p.end() == t.start());
                if glued && char_at(chars, t).is_some_and(is_closer) {
                    end += 1;
                } else {
                    break;
                }
            }
            boundary = starts_sentence(chars, tokens.get(end));
        }
        if !boundary {
            boundary = line_break_between(chars, tokens.get(end - 1), tokens.get(end));
        }
        if boundary || end >= tokens.len() {
            out.push(start..end);
            start = end;
        }
        i = end;
    }
    out
}

fn char_at(chars: &CodePoints, t: &Token) -> Option<char> {
    chars.get(t.start())
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '\'' | ')' | ']' | '»')
}

/// Is token `i` a sentence-final mark (and not the dot of an abbreviation)?
fn is_stop(chars: &CodePoints, tokens: &[Token], i: usize) -> bool {
    let Some(t) = tokens.get(i) else { return false };
    match char_at(chars, t) {
        Some('!' | '?' | '…') => true,
        Some('.') => !after_abbreviation(chars, tokens, i),
        _ => false,
    }
}

fn after_abbreviation(chars: &CodePoints, tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| tokens.get(p)) else {
        return false;
    };
    let glued = tokens.get(i).is_some_and(|t| t.start() == prev.end());
    if !glued || prev.kind() != TokenKind::Word {
        return false;
    }
    let word: String = chars.range(prev.start()..prev.end()).map(|r| r.to_string()).unwrap_or_default();
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Can `next` begin a new sentence?
fn starts_sentence(chars: &CodePoints, next: Option<&Token>) -> bool {
    let Some(t) = next else { return true };
    match char_at(chars, t) {
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '“' | '”' | '"' | '(' | '‘' | '„' | '«' | '-' | '–' | '—')
        }
        None => true,
    }
}

fn line_break_between(chars: &CodePoints, a: Option<&Token>, b: Option<&Token>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => chars.range(a.end()..b.start()).is_some_and(|gap| gap.contains('\n')),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokenizer::tokenize;
    use super::*;

    fn sentences(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let tokens = tokenize(&chars);
        split(&CodePoints::new(s), &tokens)
            .into_iter()
            .filter_map(|r| {
                let a = tokens.get(r.start)?.start();
                let b = tokens.get(r.end - 1)?.end();
                Some(chars[a..b].iter().collect())
            })
            .collect()
    }

    #[test]
    fn splits_at_stops_before_capitals() {
        assert_eq!(sentences("Itu saja. Kita semua perlu."), ["Itu saja.", "Kita semua perlu."]);
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(sentences("Dr. Sinta dan John B. Fenn datang."), ["Dr. Sinta dan John B. Fenn datang."]);
        assert_eq!(sentences("Mr. Okafor said so."), ["Mr. Okafor said so."]);
    }

    #[test]
    fn closing_quote_stays_and_lowercase_continues() {
        assert_eq!(
            sentences("“Itu saja. Kita perlu berpikir,” kata Putin. Namun ia pergi."),
            ["“Itu saja.", "Kita perlu berpikir,” kata Putin.", "Namun ia pergi."]
        );
        assert_eq!(sentences("“Itu saja.” Lalu pergi."), ["“Itu saja.”", "Lalu pergi."]);
    }

    #[test]
    fn line_breaks_split_with_crlf_and_emoji() {
        assert_eq!(sentences("Judul 😀\r\n\r\nIsi berita"), ["Judul 😀", "Isi berita"]);
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences("   \n ").is_empty());
    }
}
