//! Pairing quote marks into direct-quote spans.
//!
//! Marks are paired by position, not direction, because Kompas opens with ” as well
//! as closes with it: a mark after a space opens, a mark before a space or
//! punctuation closes. A quote running over several paragraphs re-opens each one
//! with a mark and closes only at the end; a paragraph that starts without a mark
//! ends an unclosed quote, so a stray mark never swallows the article.
//! Single marks (‘…’) are read only outside double-quoted text: inside it they are
//! nested quotes, and ’ between letters is an apostrophe (`Ma’ruf`). Two ASCII
//! apostrophes (`''…''`) are a double mark, as typewriter-era and wire archives write
//! one (and as text converted from TeX-style marks keeps the closing one).

use super::super::code_points::{CharRange, CodePoints};
use super::super::intervals::Cover;

/// Longest direct quote considered, in chars; a longer "quote" is a stray mark.
const MAX_QUOTE: usize = 5000;
/// Fewest words for a top-level ‘…’ span: shorter ones are scare quotes or titles.
const MIN_SINGLE_WORDS: usize = 4;

pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '„' | '‟' | '«' | '»')
}

/// Chars of the double quote mark at `p`: one for a mark character, two for `''`.
pub fn mark_len(chars: &CodePoints, p: usize) -> Option<usize> {
    match chars.get(p) {
        Some(c) if is_quote_mark(c) => Some(1),
        Some('\'') if chars.get(p + 1) == Some('\'') => Some(2),
        _ => None,
    }
}

/// Is there a double quote mark (a mark character or `''`) starting at `p`?
pub fn is_mark_at(chars: &CodePoints, p: usize) -> bool {
    mark_len(chars, p).is_some()
}

/// Char spans of direct quotes, marks included, sorted by start.
pub fn direct_spans(chars: &CodePoints) -> Vec<(usize, usize)> {
    let mut out = double_spans(chars);
    let singles = single_spans(chars, &out);
    out.extend(singles);
    out.sort_unstable();
    out
}

fn is_opening_context(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "([{—–-:".contains(c))
}

fn is_closing_context(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || ",.;:!?)]…—–".contains(c) || is_quote_mark(c))
}

fn neighbours(chars: &CodePoints, p: usize) -> (Option<char>, Option<char>) {
    neighbours_of(chars, p, 1)
}

/// The chars before and after the `len` chars of a mark at `p`.
fn neighbours_of(chars: &CodePoints, p: usize, len: usize) -> (Option<char>, Option<char>) {
    let prev = p.checked_sub(1).and_then(|q| chars.get(q));
    (prev, chars.get(p + len))
}

fn double_spans(chars: &CodePoints) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut p = 0;
    while p < chars.len() {
        let Some(len) = mark_len(chars, p) else {
            p += 1;
            continue;
        };
        let c = chars.get(p).unwrap_or('"');
        let at = p;
        p += len;
        let (prev, next) = neighbours_of(chars, at, len);
        // A closing `''` right after a letter (`reform.''`) is read like `"`; an
        // apostrophe ending a word (`players'`) never pairs with another.
        let space_after = is_closing_context(next) && !next.is_some_and(is_quote_mark);
        let looks_open = matches!(c, '“' | '„' | '«') || (is_opening_context(prev) && !space_after);
        if let Some(o) = open {
            if at - o > MAX_QUOTE || !paragraphs_continue(chars, o, at) {
                open = None; // unclosed: forget the old opener and read this mark afresh
            } else if looks_open && !space_after {
                if !has_paragraph_break(chars, o, at) {
                    open = Some(at); // a stray opener before: restart here
                }
                continue;
            } else {
                out.push((o, at + len));
                open = None;
                continue;
            }
        }
        if looks_open || !space_after {
            open = Some(at);
        }
    }
    out
}

/// Top-level ‘…’ quotes (British style) outside the double-quoted `spans`.
fn single_spans(chars: &CodePoints, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let cover = Cover::new(spans.iter().copied());
    let inside = |p: usize| cover.covers_point(p);
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (p, c) in chars.all().iter().enumerate() {
        if !matches!(c, '‘' | '’') || inside(p) {
            continue;
        }
        let (prev, next) = neighbours(chars, p);
        if c == '‘' && is_opening_context(prev) {
            open = Some(p);
        } else if let Some(o) = open.filter(|_| c == '’' && is_closing_context(next)) {
            let (words, broken) = chars.range(o..p).map_or((0, false), |text| (word_count(text), text.contains('\n')));
            if words >= MIN_SINGLE_WORDS && !broken {
                out.push((o, p + 1));
            }
            open = None;
        }
    }
    out
}

/// Runs of non-blank chars in `text`.
fn word_count(text: CharRange<'_>) -> usize {
    let mut blank_before = true;
    text.iter()
        .filter(|c| {
            let starts = blank_before && !c.is_whitespace();
            blank_before = c.is_whitespace();
            starts
        })
        .count()
}

fn has_paragraph_break(chars: &CodePoints, a: usize, b: usize) -> bool {
    chars.range(a..b).is_some_and(|s| s.contains('\n'))
}

/// Every line break between `a` and `b` must be followed by a quote mark (the
/// convention for quotes running over paragraphs); otherwise the quote at `a` was
/// never closed.
fn paragraphs_continue(chars: &CodePoints, a: usize, b: usize) -> bool {
    let mut i = a;
    while i < b {
        if chars.get(i) == Some('\n') {
            let mut j = i + 1;
            while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            if j < b && !is_mark_at(chars, j) {
                return false;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<String> {
        direct_spans(&CodePoints::new(text))
            .into_iter()
            .map(|(a, b)| text.chars().skip(a).take(b - a).collect())
            .collect()
    }

    #[test]
    fn pairs_curly_straight_guillemet_and_kompas_style_marks() {
        assert_eq!(spans("“Satu dua,” kata A. \"Tiga,\" he said."), ["“Satu dua,”", "\"Tiga,\""]);
        assert_eq!(spans("”Saya minta,” kata Presiden. ”Lagi,” ujarnya."), ["”Saya minta,”", "”Lagi,”"]);
        assert_eq!(spans("«Nous partons,» a dit Macron."), ["«Nous partons,»"]);
    }

    #[test]
    fn quote_over_two_paragraphs_is_one_span() {
        assert_eq!(spans("“Satu.\r\n\r\n“Dua,” kata Putin."), ["“Satu.\r\n\r\n“Dua,”"]);
    }

    #[test]
    fn unclosed_quote_does_not_swallow_the_next_paragraph() {
        assert_eq!(spans("“Satu dua.\n\nLain hal. “Tiga,” kata B."), ["“Tiga,”"]);
        assert!(spans("Ukuran 5\" dan 7\" saja.\n\nTidak ada kutipan di sini.").iter().all(|s| !s.contains('\n')));
    }

    #[test]
    fn nested_single_quotes_stay_inside_and_apostrophes_are_ignored() {
        assert_eq!(
            spans("“Ia bilang ‘jangan ribut’ kepada kami,” kata Ma’ruf."),
            ["“Ia bilang ‘jangan ribut’ kepada kami,”"]
        );
        assert_eq!(spans("‘We will not give up on this,’ she said."), ["‘We will not give up on this,’"]);
        assert!(spans("the ‘green’ plan and Ma’ruf’s view").is_empty());
    }
}
