//! A headline at the head of an article (`Elizabeth Warren Hammers Wells Fargo
//! CEO`, `HARBOUR BOARD VOTES ON TOLL`): a line of its own, set in Title Case or in
//! capitals. It is no part of the story: the tagger reads its
//! capitalised runs as names and organisations (`Hillary Clinton Was Headed`), and
//! the story names again whoever it speaks of. So its entities are no candidates for
//! the speakers of the quotes after it, nor full names of their short mentions.

use super::super::doc::Doc;
use super::super::tokenizer::TokenKind;

/// Most words of a headline.
const MAX_HEADLINE_WORDS: usize = 25;
/// Fewest capitalised words for a line to be read as Title Case.
const MIN_TITLE_WORDS: usize = 3;
/// The short words Title Case leaves in lower case (`to`, `of`, `untuk`): any other
/// lower-case word makes the line a sentence (`… met Dana Whitfield on Friday.`).
const TITLE_CASE_LOWER: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "but", "or", "nor", "as", "vs",
    "via", "per", "di", "ke", "dari", "untuk", "dan", "yang", "atau", "dengan", "pada",
];

/// The char where the article's headline ends (0 without one): its first line, when
/// more text follows it and it is short, set in Title Case or all in capitals. A final
/// stop is allowed (some sources add one).
pub fn headline_end(doc: &Doc) -> usize {
    let Some(last) = (0..doc.tokens.len()).find(|&t| doc.newline_after(t)) else { return 0 };
    let words: Vec<usize> = (0..=last).filter(|&t| is_lettered(doc, t)).collect();
    if words.is_empty() || words.len() > MAX_HEADLINE_WORDS {
        return 0;
    }
    let capitals = words.iter().all(|&t| doc.is_all_caps(t));
    if capitals || title_case(doc, &words) {
        doc.tokens.get(last).map_or(0, |t| t.end())
    } else {
        0
    }
}

/// A word token with a letter in it (not a number).
fn is_lettered(doc: &Doc, t: usize) -> bool {
    doc.kind(t) == Some(TokenKind::Word) && doc.word(t).chars().any(char::is_alphabetic)
}

/// Is every word capitalised but the short ones Title Case leaves in lower case
/// (`Stealth Over Health: Senator Was Headed to Court`), as a headline writes it
/// and a sentence does not?
fn title_case(doc: &Doc, words: &[usize]) -> bool {
    let capitalised = words.iter().filter(|&&t| doc.is_capitalised(t)).count();
    let lower_ok = words.iter().all(|&t| doc.is_capitalised(t) || TITLE_CASE_LOWER.contains(&doc.low(t)));
    capitalised >= MIN_TITLE_WORDS && lower_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(text: &str) -> usize {
        headline_end(&Doc::new(text))
    }

    #[test]
    fn a_title_case_or_capitalised_first_line_is_a_headline() {
        let text = "Senator Ward Hammers Harbour Board Over Toll 🌉.\r\n\r\nSenator Ann Ward spoke on Monday.";
        assert_eq!(end(text), text.find(".\r\n").map_or(0, |b| text[..b].chars().count() + 1));
        assert!(end("Harbour Board Votes on Toll\nThe board met on Monday.") > 0);
        assert!(end("HARBOUR BOARD VOTES ON TOLL\nThe board met on Monday.") > 0);
        assert!(end("Pemerintah Siapkan Dana untuk Desa Nelayan\nDana itu cair pekan depan.") > 0);
    }

    #[test]
    fn a_sentence_opening_the_story_is_no_headline() {
        assert_eq!(end("The harbour board voted on the toll on Monday.\nIt met at noon."), 0);
        assert_eq!(end("The Harbour Authority met Dana Whitfield 🙂 on Friday.\r\nShe left."), 0);
        assert_eq!(end("😀 Kepala Dinas Kesehatan Bambang Santoso hadir.\r\n\r\nIa datang pagi."), 0);
        assert_eq!(end("Harbour Board Votes On Toll"), 0);
    }
}
