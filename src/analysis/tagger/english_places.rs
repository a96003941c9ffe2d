//! Listed places in English text. The tagger learnt from Indonesian news, where a
//! capitalised word after `Senator … of` or before `said` is most often a person; in
//! English news the places of the hand-made lists (`manual.tsv`'s and
//! `english_places.txt`: `Maine`, `Ottawa`, `Downing Street`, a dateline's `DETROIT`)
//! are places. So in English text a name the tagger found whose whole text is a listed
//! place becomes a LOC, and a listed place it left out is added — unless the name is
//! also a given name, where the tagger's reading stands. The English list is no
//! feature of the tagger: as one, it would turn every name holding a place into a
//! place (`Minnesota Vikings`), and Indonesian tagging must not move.

use std::collections::HashSet;

use super::super::doc::Doc;
use super::super::language::Language;
use super::super::lexicon::{self, Lexicon};
use super::super::tokenizer::TokenKind;
use super::super::{Label, Span};
use super::consistency::inside_longer_name;
use super::places::tokens_taken;

/// Source name of spans this pass adds.
pub const SOURCE: &str = "tagger:english-place";

/// The longest listed place, in tokens (`Washington , D.C.`, `Ho Chi Minh City`).
const MAX_PLACE_TOKENS: usize = 5;

/// The LOC names of the hand-made lists, as written.
pub struct EnglishPlaces {
    names: HashSet<&'static str>,
}

impl Default for EnglishPlaces {
    fn default() -> Self {
        EnglishPlaces::new()
    }
}

impl EnglishPlaces {
    pub fn new() -> EnglishPlaces {
        let manual = lexicon::lines(lexicon::MANUAL)
            .filter_map(|line| line.split_once('\t'))
            .filter(|(label, _)| Label::parse(label) == Some(Label::Loc))
            .map(|(_, name)| name.trim());
        let names = manual.chain(lexicon::lines(lexicon::ENGLISH_PLACES)).collect();
        EnglishPlaces { names }
    }

    /// Relabels and adds listed places in `spans` (sorted, disjoint) of an English `doc`.
    pub fn apply(&self, doc: &Doc, lex: &Lexicon, spans: &mut Vec<Span>) {
        if doc.language != Language::English {
            return;
        }
        self.split_titled_person_of_place(doc, lex, spans);
        for s in spans.iter_mut().filter(|s| s.label != Label::Loc) {
            if self.is_place(doc, lex, s.start, s.end) || is_street(doc, s.start, s.end) {
                s.label = Label::Loc;
            }
        }
        self.add_untagged(doc, lex, spans);
    }

    /// `Senator Paul Whitcomb of Maine`, `Gov. Ana Ruiz of Ohio`: a titled person and
    /// the place they stand for, which the tagger reads as one name, are two.
    fn split_titled_person_of_place(&self, doc: &Doc, lex: &Lexicon, spans: &mut Vec<Span>) {
        let mut split = Vec::new();
        for s in spans.iter_mut() {
            let Some(of) = (s.start + 1..s.end.saturating_sub(1)).find(|&t| doc.low(t) == "of") else { continue };
            let titled =
                is_title(doc, lex, s.start) || s.start.checked_sub(1).is_some_and(|p| is_title_before(doc, lex, p));
            if !titled || !self.is_place(doc, lex, of + 1, s.end) {
                continue;
            }
            let person = (s.start..of).find(|&t| !is_title(doc, lex, t) && doc.kind(t) == Some(TokenKind::Word));
            let Some(first) = person else { continue };
            split.push(Span::new(of + 1, s.end, Label::Loc, SOURCE, s.confidence));
            *s = Span::new(first, of, Label::Person, s.source, s.confidence);
        }
        spans.extend(split);
        spans.sort_by_key(|s| s.start);
    }

    /// Is `a..b` a listed place as written (or in capitals, as a dateline writes it:
    /// `DETROIT`, not `As` for the listed `AS`), and no given name?
    fn is_place(&self, doc: &Doc, lex: &Lexicon, a: usize, b: usize) -> bool {
        let given_name = b == a + 1 && lex.first_names.contains(doc.low(a));
        if !doc.is_capitalised(a) || given_name {
            return false;
        }
        let text = doc.tokens_text(a, b);
        self.names.contains(text.as_str()) || (is_upper(&text) && self.names.contains(title_case(&text).as_str()))
    }

    /// Adds the longest listed place starting at each free capitalised word, except
    /// a piece of a longer capitalised name (`Georgia` in `Georgia Power`).
    fn add_untagged(&self, doc: &Doc, lex: &Lexicon, spans: &mut Vec<Span>) {
        let used = tokens_taken(doc, spans);
        let mut added = Vec::new();
        let mut t = 0;
        while t < doc.tokens.len() {
            let free_word = !used[t] && doc.kind(t) == Some(TokenKind::Word) && doc.is_capitalised(t);
            let longest = free_word
                .then(|| {
                    let last = (t + MAX_PLACE_TOKENS).min(doc.tokens.len());
                    (t + 1..=last).rev().find(|&b| !used[t..b].contains(&true) && self.is_place(doc, lex, t, b))
                })
                .flatten()
                .filter(|&b| !inside_longer_name(doc, lex, t, b));
            match longest {
                Some(b) => {
                    added.push(Span::new(t, b, Label::Loc, SOURCE, 0.5));
                    t = b;
                }
                None => t += 1,
            }
        }
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }
}

/// Words that end the name of a street or square (`Garner Street`, `Trafalgar Square`).
const STREET_HEADS: &[&str] = &["street", "avenue", "road", "boulevard", "square", "lane", "drive", "highway", "plaza"];

/// `Garner Street`: a name of two words or more ending in a street word is a place.
fn is_street(doc: &Doc, a: usize, b: usize) -> bool {
    b >= a + 2 && doc.is_capitalised(b - 1) && STREET_HEADS.contains(&doc.low(b - 1))
}

/// A title word (`Senator`, `Governor`) or the abbreviations English news writes
/// before a legislator's or governor's name.
fn is_title(doc: &Doc, lex: &Lexicon, t: usize) -> bool {
    let low = doc.low(t);
    lex.titles.contains(low) || matches!(low, "sen" | "rep" | "gov" | "sen." | "rep." | "gov.")
}

/// A title right before a name, past an abbreviation's full stop (`Sen. Ana`).
fn is_title_before(doc: &Doc, lex: &Lexicon, p: usize) -> bool {
    is_title(doc, lex, p) || (doc.is_punct(p, '.') && p.checked_sub(1).is_some_and(|q| is_title(doc, lex, q)))
}

fn is_upper(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// `DETROIT` → `Detroit`, `NEW YORK` → `New York`.
fn title_case(text: &str) -> String {
    let mut after_letter = false;
    text.chars()
        .flat_map(|c| {
            let out: Vec<char> = if after_letter { c.to_lowercase().collect() } else { vec![c] };
            after_letter = c.is_alphabetic();
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str, tagged: &[(&str, Label)]) -> Vec<(String, Label)> {
        let doc = Doc::new(text);
        let lex = Lexicon::new();
        let at = |w: &str| (0..doc.tokens.len()).find(|&t| doc.word(t) == w).unwrap();
        let mut spans: Vec<Span> = tagged
            .iter()
            .map(|&(words, label)| {
                let first = at(words.split(' ').next().unwrap());
                let last_word = words.split(' ').next_back().unwrap();
                let last = (first..doc.tokens.len()).find(|&t| doc.word(t) == last_word).unwrap();
                Span::new(first, last + 1, label, "test", 0.9)
            })
            .collect();
        EnglishPlaces::new().apply(&doc, &lex, &mut spans);
        spans.iter().map(|s| (doc.tokens_text(s.start, s.end), s.label)).collect()
    }

    #[test]
    fn listed_places_in_english_text_are_places() {
        let text = "DETROIT — Senator Paul Whitcomb of Maine said “we are ready 😀” in Ottawa.\r\nHe flew home to Garner Street.";
        let got = places(
            text,
            &[
                ("DETROIT", Label::Org),
                ("Paul Whitcomb", Label::Person),
                ("Maine", Label::Person),
                ("Garner Street", Label::Person),
            ],
        );
        assert_eq!(
            got,
            [
                ("DETROIT".to_owned(), Label::Loc),
                ("Paul Whitcomb".to_owned(), Label::Person),
                ("Maine".to_owned(), Label::Loc),
                ("Ottawa".to_owned(), Label::Loc),
                ("Garner Street".to_owned(), Label::Loc),
            ]
        );
    }

    #[test]
    fn a_titled_person_of_a_place_is_a_person_and_a_place() {
        let text = "Senator Paul Whitcomb of Maine said “we are ready 😀”.\r\nThe University of Maine said so too.";
        let got = places(text, &[("Paul Whitcomb of Maine", Label::Loc), ("University of Maine", Label::Org)]);
        assert_eq!(
            got,
            [
                ("Paul Whitcomb".to_owned(), Label::Person),
                ("Maine".to_owned(), Label::Loc),
                ("University of Maine".to_owned(), Label::Org),
            ]
        );
    }

    #[test]
    fn a_dateline_in_capitals_is_a_place_and_a_listed_abbreviation_is_matched_as_written() {
        let text = "NEW YORK — As ever, “we are ready 😀,” the mayor said.\r\nAS officials agreed.";
        let got = places(text, &[]);
        assert_eq!(got, [("NEW YORK".to_owned(), Label::Loc), ("AS".to_owned(), Label::Loc)]);
        assert_eq!(title_case("NEW YORK"), "New York");
    }

    #[test]
    fn a_piece_of_a_longer_name_and_indonesian_text_are_left_alone() {
        let english = "The utility Georgia Power said it was “ready 😀”.\r\nIt did not say more.";
        assert!(places(english, &[]).is_empty(), "Georgia in Georgia Power");
        let indonesian = "“Kami siap 😀,” kata Ana di Maine.\r\nIa menuturkan, kafe itu tutup.";
        assert_eq!(places(indonesian, &[("Maine", Label::Person)]), [("Maine".to_owned(), Label::Person)]);
    }
}
