//! Bounds of names after tagging: what the training corpora never put inside a name,
//! cut off its edges.

use super::super::doc::Doc;
use super::super::english_verbs;
use super::super::language::Language;
use super::super::lexicon::Lexicon;
use super::super::tokenizer::{is_possessive_mark, TokenKind};
use super::super::{Label, Span};
use super::names::label_bit;

/// Trims title words from the front of personal names and plain words from their end.
pub fn trim_person_names(doc: &Doc, lex: &Lexicon, spans: &mut Vec<Span>) {
    trim_titles(doc, lex, spans);
    trim_plain_tails(doc, lex, spans);
    spans.retain(|s| s.end > s.start);
}

/// Balances parentheses at the edges of every name: `(Jokowi` becomes `(Jokowi)`
/// when the closing one follows (and no other name starts there), else `Jokowi`;
/// the same for one opened inside the name; a `)` closing nothing inside the name
/// comes off its end.
pub fn balance_parentheses(doc: &Doc, spans: &mut Vec<Span>) {
    let starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
    for s in spans.iter_mut() {
        let opens = (s.start..s.end).filter(|&t| doc.is_punct(t, '(')).count();
        let closes = (s.start..s.end).filter(|&t| doc.is_punct(t, ')')).count();
        if opens > closes && doc.is_punct(s.start, '(') {
            if doc.is_punct(s.end, ')') && !starts.contains(&s.end) && opens == closes + 1 {
                s.end += 1;
            } else {
                s.start += 1;
            }
        } else if opens > closes {
            close_inner_parenthesis(doc, &starts, s, opens == closes + 1);
        } else if closes > opens && s.end > s.start && doc.is_punct(s.end - 1, ')') {
            s.end -= 1;
        }
    }
    spans.retain(|s| s.end > s.start);
}

/// A name with a `(` inside left open (`Badan Usaha Milik Negara (BUMN`) takes the
/// `)` right after it when that is the only one missing, else ends before the `(`.
fn close_inner_parenthesis(doc: &Doc, starts: &[usize], s: &mut Span, one_missing: bool) {
    if one_missing && doc.is_punct(s.end, ')') && !starts.contains(&s.end) {
        s.end += 1;
    } else if let Some(open) = (s.start..s.end).rev().find(|&t| doc.is_punct(t, '(')) {
        s.end = open;
    }
}

/// Takes into a personal name an unknown capitalised word right before it that
/// starts their capitalised run (`to Priya Nair`, where the tagger found only `Nair`):
/// not at a sentence start, not in any word list, and no word of a listed
/// organisation or place (`name_words`, see [`super::names::NameIndex::word_labels`]).
pub fn take_in_given_names(doc: &Doc, lex: &Lexicon, name_words: &[u8], spans: &mut [Span]) {
    let mut prev_end = 0;
    for s in spans.iter_mut() {
        let before = s.start.checked_sub(1).filter(|&t| t >= prev_end && s.label == Label::Person);
        let starts_run = |t: usize| t.checked_sub(1).is_none_or(|p| !doc.is_capitalised(p));
        let joins = |t: usize| {
            (starts_run(t) && is_unknown_name_word(doc, lex, name_words, t)) || is_balinese_article(doc, t, s.start)
        };
        if let Some(t) = before.filter(|&t| joins(t)) {
            s.start = t;
        }
        prev_end = s.end;
    }
}

/// Balinese names by birth order and caste that follow the article `I` / `Ni`.
const BALINESE_NAMES: &[&str] =
    &["made", "wayan", "ketut", "nyoman", "putu", "gede", "komang", "kadek", "gusti", "luh"];

/// `I` or `Ni` before a Balinese name (`I Made Mudharta`, `Ni Luh Pasek`): part of
/// the name in both training corpora (5 times of 6).
fn is_balinese_article(doc: &Doc, t: usize, name: usize) -> bool {
    matches!(doc.word(t), "I" | "Ni") && BALINESE_NAMES.contains(&doc.low(name))
}

fn is_unknown_name_word(doc: &Doc, lex: &Lexicon, name_words: &[u8], t: usize) -> bool {
    let low = doc.low(t);
    let lists = [&lex.titles, &lex.common, &lex.stop, &lex.org_words, &lex.loc_words, &lex.calendar];
    let not_a_place_or_org =
        name_words.get(t).is_some_and(|&m| m & (label_bit(Label::Org) | label_bit(Label::Loc)) == 0);
    doc.is_capitalised(t)
        && !doc.is_all_caps(t)
        && doc.word(t).chars().all(char::is_alphabetic)
        && !doc.is_sentence_initial(t)
        && !doc.is_title_case_sentence(t)
        && !doc.newline_after(t)
        && !lists.iter().any(|l| l.contains(low))
        && not_a_place_or_org
}

/// Titles of nobility and of the pope that both training corpora count as part of
/// the name (`Pangeran Diponegoro`: 18 times inside a name, twice before one).
const TITLES_IN_NAMES: &[&str] = &["pangeran", "sultan", "ratu", "paus"];

/// Drops title words from the front of personal names (`Mayor Helen Carter` →
/// `Helen Carter`): both training corpora leave titles out, but the tagger has seen
/// few of them, English ones not at all.
fn trim_titles(doc: &Doc, lex: &Lexicon, spans: &mut [Span]) {
    for s in spans.iter_mut().filter(|s| s.label == Label::Person) {
        while s.end - s.start > 1
            && is_title_at(doc, lex, s.start)
            && !TITLES_IN_NAMES.contains(&doc.low(s.start))
            && !lex.first_names.contains(doc.low(s.start))
        {
            s.start += 1;
            // The abbreviation's full stop goes with it (`Ir. Soprijanto`).
            if s.end - s.start > 1 && doc.is_punct(s.start, '.') {
                s.start += 1;
            }
        }
    }
}

/// A title word at `t`, or the second half of a title written as two words
/// whose one-word spelling is listed (`Wali Kota` for `walikota`), which the
/// tagger may start a name on (`Wali Kota Hendro` → `Kota Hendro`).
fn is_title_at(doc: &Doc, lex: &Lexicon, t: usize) -> bool {
    let joined = |p: usize| format!("{}{}", doc.low(p), doc.low(t));
    let english = doc.language == Language::English && ENGLISH_TITLES.contains(&doc.low(t));
    english
        || lex.titles.contains(doc.low(t))
        || t.checked_sub(1).is_some_and(|p| lex.titles.contains(joined(p).as_str()))
}

/// Words of English political and newsroom titles that `titles.txt` lacks (`Senate
/// Majority Leader`, `Trade Commissioner`), trimmed off personal names in
/// English text only: as tagger features they would move Indonesian tags, where
/// English job titles (`Chief Economist`) sit inside organisation names. `Rep.` and
/// `Sen.` stay: the speaker stage reads a name after `said` from its first word (so
/// this list is not `english_places`' title check, which counts those abbreviations).
const ENGLISH_TITLES: &[&str] = &[
    "leader",
    "majority",
    "minority",
    "whip",
    "commissioner",
    "economist",
    "treasurer",
    "attorney",
    "premier",
    "deputy",
    "strategist",
    "pollster",
    "adviser",
    "advisor",
];

/// Drops lower-case common words from the end of personal names (`Bambang Santoso
/// hadir` → `Bambang Santoso`): fewer than 1 in 100 names in the training corpora
/// ends on a lower-case word, and those are particles such as `al-Assad`, not
/// dictionary words.
/// Cuts a lower-case verb of speech or an English verb form off the end of any name
/// (`Northwind Bank announced`, `Dinas Kesehatan mengatakan`): a name never ends in
/// its own predicate, and the tagger, trained on Indonesian, takes in English verbs
/// it has not seen.
pub fn trim_verb_tails(doc: &Doc, lex: &Lexicon, spans: &mut Vec<Span>) {
    for s in spans.iter_mut() {
        while s.end - s.start > 1 && is_verb_word(doc, lex, s.end - 1) {
            s.end -= 1;
        }
    }
    spans.retain(|s| s.end > s.start);
}

/// Lower-case words that belong inside a name written in English (`Ludwig van
/// Beethoven`, `Bashar al-Assad`, `Rania bint Abdullah`) and may end one.
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "das", "la", "le", "al", "el", "bin",
    "bint", "ter", "y",
];

/// In English text, cuts lower-case words off the end of any name (`Hofstra
/// University security`, `Paul Whitcomb of`, `Suu Kyi long`): English capitalises
/// every word of a name but its particles, and the tagger, trained on Indonesian,
/// runs names on into the words after them. Indonesian names may end in a lower-case
/// word (`Jawa timur` as written), so Indonesian text keeps them.
/// A name run on into a time phrase (`General Elections Commission on Monday`) ends
/// before it: a date is no part of a name (and the date rules mark it).
pub fn trim_english_tails(doc: &Doc, lex: &Lexicon, spans: &mut Vec<Span>) {
    if doc.language != Language::English {
        return;
    }
    let dated =
        |s: &Span| s.end - s.start > 2 && lex.calendar.contains(doc.low(s.end - 1)) && starts_lower(doc, s.end - 2);
    for s in spans.iter_mut() {
        if dated(s) {
            s.end -= 1;
        }
        while s.end - s.start > 1 && is_english_tail(doc, s.end - 1) {
            s.end -= 1;
        }
    }
    spans.retain(|s| s.end > s.start);
}

/// In English text, takes the capitalised words right before an organisation into it
/// (`Indonesia's General Elections Commission`, where the tagger found `Elections
/// Commission`): English capitalises every word of a name, and the tagger, trained on
/// Indonesian, often starts one late. A word opening its sentence, a possessive or
/// another name ends the run.
pub fn extend_english_organisations(doc: &Doc, spans: &mut [Span]) {
    if doc.language != Language::English {
        return;
    }
    // A run never reaches back into the name before it.
    let mut floor = 0;
    for s in spans.iter_mut() {
        while s.label == Label::Org && s.start > floor && takes_into_name(doc, s.start - 1) {
            s.start -= 1;
        }
        floor = s.end;
    }
}

/// A capitalised word inside a sentence, not all capitals (`U.S.`, `NEW YORK —`).
fn takes_into_name(doc: &Doc, t: usize) -> bool {
    doc.is_capitalised(t) && !doc.is_all_caps(t) && !doc.is_sentence_initial(t)
}

/// In English text, drops a name that is one weekday or month (`in March`,
/// `since Friday`): the tagger, trained on Indonesian calendar words, does not know
/// the English ones; the date rules mark them.
pub fn drop_english_calendar_words(doc: &Doc, lex: &Lexicon, spans: &mut Vec<Span>) {
    if doc.language == Language::English {
        spans.retain(|s| !(s.end == s.start + 1 && lex.calendar.contains(doc.low(s.start))));
    }
}

/// In English text, drops a name that is a contraction of a pronoun or a function
/// word (`She's`, `That's`, `It'll` opening a sentence): capitalised, but no name.
pub fn drop_english_contractions(doc: &Doc, spans: &mut Vec<Span>) {
    if doc.language == Language::English {
        spans.retain(|s| !(s.end == s.start + 1 && is_function_contraction(doc.low(s.start))));
    }
}

fn is_function_contraction(low: &str) -> bool {
    let stem = ["'s", "’s", "'re", "’re", "'ll", "’ll", "'d", "’d", "'ve", "’ve", "'m", "’m"]
        .iter()
        .find_map(|suffix| low.strip_suffix(suffix));
    stem.is_some_and(|w| {
        matches!(w, "he" | "she" | "it" | "that" | "there" | "what" | "who" | "here" | "they" | "we" | "you" | "i")
    })
}

/// A lower-case word that is no name particle, or punctuation left at the end once
/// the words after it went (`Castillo &`).
fn is_english_tail(doc: &Doc, t: usize) -> bool {
    if doc.kind(t) == Some(TokenKind::Punct) {
        return !doc.is_punct(t, '.') && !doc.is_punct(t, ')');
    }
    // `Joan Pell's`: the possessive is no word of the name.
    (starts_lower(doc, t) && !NAME_PARTICLES.contains(&doc.low(t))) || is_possessive_mark(doc.low(t))
}

/// Does token `t` open with a lower-case letter (`security`, `on`; not `Bank`, `,`)?
fn starts_lower(doc: &Doc, t: usize) -> bool {
    doc.word(t).chars().next().is_some_and(char::is_lowercase)
}

fn is_verb_word(doc: &Doc, lex: &Lexicon, t: usize) -> bool {
    let low = doc.low(t);
    let starts_lower = doc.word(t).chars().next().is_some_and(char::is_lowercase);
    starts_lower && (english_verbs::is_inflected(low) || lex.is_cue(low))
}

fn trim_plain_tails(doc: &Doc, lex: &Lexicon, spans: &mut [Span]) {
    for s in spans.iter_mut().filter(|s| s.label == Label::Person) {
        while s.end - s.start > 1 && is_plain_word(doc, lex, s.end - 1) {
            s.end -= 1;
        }
    }
}

fn is_plain_word(doc: &Doc, lex: &Lexicon, t: usize) -> bool {
    let starts_lower = doc.word(t).chars().next().is_some_and(char::is_lowercase);
    starts_lower && lex.common.contains(doc.low(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_word_before_a_personal_name_joins_it() {
        let lex = Lexicon::new();
        let doc = Doc::new("According to Priya Nair and Presiden Joko, Priya Nair left. I Made Mudharta");
        let mut spans = vec![
            Span::new(3, 4, Label::Person, "tagger", 0.9),
            Span::new(6, 7, Label::Person, "tagger", 0.9),
            Span::new(9, 10, Label::Person, "tagger", 0.9),
            Span::new(13, 15, Label::Person, "tagger", 0.9),
        ];
        let mut marks = vec![0; doc.tokens.len()];
        marks[8] = label_bit(Label::Loc); // as if `Priya` were a word of listed places
        take_in_given_names(&doc, &lex, &marks, &mut spans);
        let got: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        // A title does not join, nor does a word of listed places.
        assert_eq!(got, [(2, 4), (6, 7), (9, 10), (12, 15)]);
    }

    #[test]
    fn lower_case_tails_come_off_names_in_english_text_only() {
        let english = "The “Northwind Bank security” team 😀 met Paul Whitcomb of Maine.\r\nHe said it was over.";
        let doc = Doc::new(english);
        let at = |w: &str| (0..doc.tokens.len()).find(|&t| doc.word(t) == w).unwrap();
        let mut spans = vec![
            Span::new(at("Northwind"), at("security") + 1, Label::Org, "test", 1.0),
            Span::new(at("Paul"), at("of") + 1, Label::Person, "test", 1.0),
        ];
        trim_english_tails(&doc, &Lexicon::new(), &mut spans);
        let texts: Vec<String> =
            spans.iter().map(|s| doc.word(s.start).to_owned() + " " + doc.word(s.end - 1)).collect();
        assert_eq!(texts, ["Northwind Bank", "Paul Whitcomb"]);

        let particle = Doc::new("They met Ludwig van Beethoven and said so.");
        let at = |w: &str| (0..particle.tokens.len()).find(|&t| particle.word(t) == w).unwrap();
        let mut spans = vec![Span::new(at("Ludwig"), at("van") + 1, Label::Person, "test", 1.0)];
        trim_english_tails(&particle, &Lexicon::new(), &mut spans);
        assert_eq!(spans[0].end, at("van") + 1, "a particle may end a name");

        let indonesian = Doc::new("“Kami siap 😀,” kata warga Jawa timur itu.\r\nIa menuturkan, kafe itu tutup.");
        let at = |w: &str| (0..indonesian.tokens.len()).find(|&t| indonesian.word(t) == w).unwrap();
        let mut spans = vec![Span::new(at("Jawa"), at("timur") + 1, Label::Loc, "test", 1.0)];
        trim_english_tails(&indonesian, &Lexicon::new(), &mut spans);
        assert_eq!(spans[0].end, at("timur") + 1, "Indonesian text keeps its lower-case name words");
    }

    #[test]
    fn english_titles_come_off_personal_names_in_english_text() {
        let doc = Doc::new("“Not now 😀,” said Senate Majority Leader Tom Hale.\r\nHe left.");
        let lex = Lexicon::new();
        let at = |w: &str| (0..doc.tokens.len()).find(|&t| doc.word(t) == w).unwrap();
        let mut spans = vec![Span::new(at("Majority"), at("Hale") + 1, Label::Person, "test", 1.0)];
        trim_person_names(&doc, &lex, &mut spans);
        assert_eq!(spans[0].start, at("Tom"));
    }

    #[test]
    fn a_pronoun_contraction_is_no_name() {
        let doc = Doc::new("She's ready, “we are 😀,” he said.\r\nThat’ll do, said Kim's aide.");
        let at = |w: &str| (0..doc.tokens.len()).find(|&t| doc.word(t) == w).unwrap();
        let mut spans: Vec<Span> =
            ["She's", "That’ll", "Kim"].iter().map(|w| Span::new(at(w), at(w) + 1, Label::Org, "test", 1.0)).collect();
        drop_english_contractions(&doc, &mut spans);
        // A name in the possessive is no contraction (its `'s` is a token of its own).
        assert_eq!(spans.len(), 1);
        assert_eq!(doc.word(spans[0].start), "Kim");
    }

    #[test]
    fn a_lone_english_month_is_no_name() {
        let doc = Doc::new("The tariffs began in March, he said, and “ended 😀” on Friday.\r\nMarch Fong spoke.");
        let lex = Lexicon::new();
        let at = |w: &str| (0..doc.tokens.len()).find(|&t| doc.word(t) == w).unwrap();
        let fong = at("Fong");
        let mut spans = vec![
            Span::new(at("March"), at("March") + 1, Label::Person, "test", 1.0),
            Span::new(fong - 1, fong + 1, Label::Person, "test", 1.0),
        ];
        drop_english_calendar_words(&doc, &lex, &mut spans);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].start, fong - 1, "a longer name holding a month stays");
    }

    #[test]
    fn a_verb_comes_off_the_end_of_any_name() {
        let lex = Lexicon::new();
        let text =
            "😀 “Fares rise,” the Northwind Transit Authority said.\r\nDinas Perhubungan mengatakan, Kota Lama tenang.";
        let doc = Doc::new(text);
        let tok = |word: &str| {
            doc.tokens.iter().position(|t| text.chars().skip(t.start()).collect::<String>().starts_with(word))
        };
        let (Some(a), Some(d), Some(k)) = (tok("Northwind"), tok("Dinas"), tok("Kota")) else { panic!("tokens") };
        let mut spans = vec![
            Span::new(a, a + 4, Label::Org, "tagger", 0.9),
            Span::new(d, d + 3, Label::Org, "tagger", 0.9),
            Span::new(k, k + 3, Label::Loc, "tagger", 0.9),
        ];
        trim_verb_tails(&doc, &lex, &mut spans);
        let slice = |s: &Span| {
            let (Some(x), Some(y)) = (doc.tokens.get(s.start), doc.tokens.get(s.end - 1)) else { return String::new() };
            text.chars().skip(x.start()).take(y.end() - x.start()).collect::<String>()
        };
        let got: Vec<String> = spans.iter().map(slice).collect();
        // `tenang` is no verb of speech: only verbs come off.
        assert_eq!(got, ["Northwind Transit Authority", "Dinas Perhubungan", "Kota Lama tenang"]);
    }

    #[test]
    fn parentheses_at_the_edges_are_balanced() {
        let doc = Doc::new("kata (Jokowi) dan (Kalla ke Bali) lalu");
        let mut spans = vec![
            Span::new(1, 3, Label::Person, "tagger", 0.9),
            Span::new(5, 7, Label::Person, "tagger", 0.9),
            Span::new(8, 10, Label::Loc, "tagger", 0.9),
        ];
        balance_parentheses(&doc, &mut spans);
        let got: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(got, [(1, 4), (6, 7), (8, 9)]);
    }

    #[test]
    fn a_parenthesis_opened_inside_a_name_is_closed_or_cut_off() {
        let doc = Doc::new("Badan Usaha (BUMN) dan Bank Jaya (BJ ke Bali");
        let mut spans = vec![Span::new(0, 4, Label::Org, "tagger", 0.9), Span::new(6, 10, Label::Org, "tagger", 0.9)];
        balance_parentheses(&doc, &mut spans);
        let got: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(got, [(0, 5), (6, 8)]);
    }

    #[test]
    fn titles_and_plain_tails_come_off_personal_names() {
        let lex = Lexicon::new();
        let doc =
            Doc::new("Presiden Bambang Santoso hadir di Rusia hadir. Sultan Agung dan Ir. Budi, Wali Kota Hendro");
        let mut spans = vec![
            Span::new(0, 4, Label::Person, "tagger", 0.9),
            Span::new(5, 7, Label::Loc, "tagger", 0.9),
            Span::new(8, 10, Label::Person, "tagger", 0.9),
            Span::new(11, 14, Label::Person, "tagger", 0.9),
            Span::new(16, 18, Label::Person, "tagger", 0.9),
        ];
        trim_person_names(&doc, &lex, &mut spans);
        let got: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        // Only personal names are trimmed, and only of titles the corpora leave out;
        // a title in two words loses its second half too.
        assert_eq!(got, [(1, 3), (5, 7), (8, 10), (13, 14), (17, 18)]);
    }
}
