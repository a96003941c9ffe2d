//! Selections snap to Sorot's tokens, as in brat and INCEpTION: a drag from
//! the middle of one word to the middle of another selects both words whole,
//! a double-click selects one word, and the span-boundary keys move an end by
//! a token. Offsets are code points, end exclusive; the token boundaries are
//! the analysis tokenizer's ([`tokenize`]), so what the annotator marks lines
//! up with what the suggestions and the exports count as tokens.

use crate::analysis::tokenizer::{tokenize, Token, TokenKind};
use crate::model::Document;

/// How far around a position the text is tokenized: tokens are short, and a
/// window keeps a snap on a long document from reading all of it.
const WINDOW: usize = 256;

/// The tokens of `document` within `WINDOW` code points of `at`, in the
/// document's offsets. A token cut by the window's edge is left out, unless
/// the edge is the text's own.
pub fn tokens_around(document: &Document, at: usize) -> Vec<Token> {
    let len = document.char_len();
    let (from, to) = (at.saturating_sub(WINDOW), at.saturating_add(WINDOW).min(len));
    let chars: Vec<char> = document.slice(from, to).unwrap_or_default().chars().collect();
    let mut tokens: Vec<Token> = tokenize(&chars).iter().filter_map(|t| t.shifted(from)).collect();
    if from > 0 && tokens.first().is_some_and(|t| t.start() == from) {
        tokens.remove(0);
    }
    if to < len && tokens.last().is_some_and(|t| t.end() == to) {
        tokens.pop();
    }
    tokens
}

/// A start inside a token moves back to the token's start.
pub fn snap_start(tokens: &[Token], at: usize) -> usize {
    tokens.iter().find(|t| t.start() < at && at < t.end()).map_or(at, |t| t.start())
}

/// An end inside a token moves on to the token's end.
pub fn snap_end(tokens: &[Token], at: usize) -> usize {
    tokens.iter().find(|t| t.start() < at && at < t.end()).map_or(at, |t| t.end())
}

/// `start..end` widened to whole tokens of `document`.
pub fn snap_range(document: &Document, start: usize, end: usize) -> (usize, usize) {
    (snap_start(&tokens_around(document, start), start), snap_end(&tokens_around(document, end), end))
}

/// The token at a caret position `at`: the one it is inside or at the start
/// of, else the one it ends. A click on a word's last half puts the caret
/// after it, so a word ending there wins over punctuation starting there.
pub fn token_at(tokens: &[Token], at: usize) -> Option<(usize, usize)> {
    let inside = tokens.iter().find(|t| t.start() <= at && at < t.end());
    let ending = tokens.iter().find(|t| t.end() == at);
    let token = match (inside, ending) {
        (Some(i), Some(e)) if i.kind() == TokenKind::Punct && e.kind() != TokenKind::Punct => e,
        (Some(i), _) => i,
        (None, e) => e?,
    };
    Some((token.start(), token.end()))
}

/// The word of `document` at caret position `at` (a double-click).
pub fn word_at(document: &Document, at: usize) -> Option<(usize, usize)> {
    token_at(&tokens_around(document, at), at)
}

/// Which end of a span moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Start,
    End,
}

/// Where an end at `at` goes when it moves by one token: a start to the
/// previous or next token start, an end to the previous or next token end.
pub fn step(tokens: &[Token], which: End, at: usize, forward: bool) -> Option<usize> {
    let boundaries = tokens.iter().map(|t| if which == End::Start { t.start() } else { t.end() });
    if forward {
        boundaries.filter(|b| *b > at).min()
    } else {
        boundaries.filter(|b| *b < at).max()
    }
}

/// How far (in code points, negative: left) an end of `start..end` moves by
/// one token of `document`; None when no token lies that way or the span
/// would become empty.
pub fn token_step(document: &Document, (start, end): (usize, usize), which: End, forward: bool) -> Option<isize> {
    let at = if which == End::Start { start } else { end };
    let to = step(&tokens_around(document, at), which, at, forward)?;
    let (new_start, new_end) = if which == End::Start { (to, end) } else { (start, to) };
    (new_start < new_end).then(|| to as isize - at as isize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(text: &str) -> Document {
        Document::new(text.to_owned(), None)
    }

    /// The code-point offset of the `n`th char of `needle`'s first occurrence.
    fn at(text: &str, needle: &str, n: usize) -> usize {
        let byte = text.find(needle).unwrap();
        text[..byte].chars().count() + n
    }

    fn slice(d: &Document, (s, e): (usize, usize)) -> &str {
        d.slice(s, e).unwrap()
    }

    #[test]
    fn a_drag_from_mid_word_to_mid_word_takes_both_words_whole() {
        let text = "Ia berbicara dengan pemimpin Korea.";
        let d = document(text);
        let range = snap_range(&d, at(text, "dengan", 3), at(text, "pemimpin", 3));
        assert_eq!(slice(&d, range), "dengan pemimpin");
    }

    #[test]
    fn ends_already_on_boundaries_stay() {
        let text = "Ia berbicara dengan pemimpin Korea.";
        let d = document(text);
        let (s, e) = (at(text, "dengan", 0), at(text, "dengan", 6));
        assert_eq!(snap_range(&d, s, e), (s, e));
        // The space before a word is not pulled in.
        assert_eq!(snap_range(&d, s - 1, e), (s - 1, e));
    }

    #[test]
    fn curly_quotes_emoji_and_crlf_are_their_own_tokens() {
        let text = "Baris satu.\r\n“Kami siap 🙂 bekerja,” kata Ma’ruf.\r\n";
        let d = document(text);
        // From inside `Kami` to inside `bekerja`: the opening quote is not taken.
        let range = snap_range(&d, at(text, "Kami", 2), at(text, "bekerja", 2));
        assert_eq!(slice(&d, range), "Kami siap 🙂 bekerja");
        // An apostrophe inside a name keeps it one word; the offsets count the emoji as one.
        let word = word_at(&d, at(text, "Ma’ruf", 4)).unwrap();
        assert_eq!(slice(&d, word), "Ma’ruf");
        assert_eq!(word.0, text[..text.find("Ma’ruf").unwrap()].chars().count());
        assert_eq!(slice(&d, word_at(&d, at(text, "🙂", 0)).unwrap()), "🙂");
        assert_eq!(slice(&d, word_at(&d, at(text, "“", 0)).unwrap()), "“");
        // The caret after a word's last letter still picks that word.
        assert_eq!(slice(&d, word_at(&d, at(text, "satu", 4)).unwrap()), "satu");
    }

    #[test]
    fn an_end_moves_by_one_token_and_never_empties_the_span() {
        let text = "Presiden Vladimir Putin berkata.";
        let d = document(text);
        let span = (at(text, "Vladimir", 0), at(text, "Putin", 5));
        let by = |which, forward| token_step(&d, span, which, forward);
        let moved = |(s, e): (usize, usize), by: Option<isize>, start: bool| {
            let by = by.unwrap();
            if start {
                (s.checked_add_signed(by).unwrap(), e)
            } else {
                (s, e.checked_add_signed(by).unwrap())
            }
        };
        assert_eq!(slice(&d, moved(span, by(End::End, true), false)), "Vladimir Putin berkata");
        assert_eq!(slice(&d, moved(span, by(End::End, false), false)), "Vladimir");
        assert_eq!(slice(&d, moved(span, by(End::Start, false), true)), "Presiden Vladimir Putin");
        assert_eq!(slice(&d, moved(span, by(End::Start, true), true)), "Putin");
        let one = (at(text, "Putin", 0), at(text, "Putin", 5));
        assert_eq!(token_step(&d, one, End::End, false), None, "the end may not pass the start");
        assert_eq!(token_step(&d, one, End::Start, true), None);
    }

    #[test]
    fn a_long_text_is_tokenized_only_near_the_position() {
        let text = format!("{}kata-kata akhir", "x ".repeat(5_000));
        let d = document(&text);
        let tokens = tokens_around(&d, at(&text, "kata-kata", 3));
        assert!(tokens.len() < 2 * WINDOW, "{} tokens", tokens.len());
        assert_eq!(slice(&d, word_at(&d, at(&text, "kata-kata", 6)).unwrap()), "kata-kata");
    }
}
