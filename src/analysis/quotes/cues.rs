//! Speech cues around a direct quote and where their speaker is written.
//!
//! After the quote: `,” kata Putin`, `,” ujarnya`, `,” said Mayor Helen Carter`,
//! `,” Okafor told reporters`, `,” he said`. Before it: `Putin berkata, “…”`,
//! `He said: "…"`. Each cue comes with a [`SpeakerHint`] that the speaker stage
//! resolves once entities are known.

use super::super::dates::{MONTH_NAMES, WEEKDAYS};
use super::super::doc::Doc;
use super::super::english_verbs;
use super::super::function_words::{PRONOUNS, SPEECH_SUBJECT_GAP};
use super::super::lexicon::Lexicon;
use super::super::tokenizer::{is_possessive_mark, strip_final_s, TokenKind};
use super::marks::is_mark_at;
use super::unnamed::{counted_person, unnamed_source};

/// Where to look for the speaker once entities are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerHint {
    /// A name written after the cue in tokens `a..b` (`kata Kepala Dinas X Budi`).
    After(usize, usize),
    /// The subject of a speech verb, in tokens `a..b` before it (`Budi, Senin, mengatakan`).
    Subject(usize, usize),
    /// A pronoun or `-nya` cue at this char offset: the person spoken of just before.
    Pronoun(usize),
    /// An unnamed source in tokens `a..b` (`a source`, `officials`, `polisi`).
    Source(usize, usize),
    /// No cue: the quote goes on from the one before it in its paragraph, same speaker.
    Continued,
    None,
}

/// Words that end the name after a cue (`kata Putin usai …`, `said Carter after …`).
const NAME_STOPS: &[&str] = &[
    "di", "dalam", "saat", "ketika", "usai", "seusai", "kepada", "pada", "yang", "melalui", "via", "seperti",
    "sebelum", "setelah", "sambil", "dengan", "kemarin", "ini", "itu", "when", "after", "at", "in", "on", "to", "who",
    "during", "before", "as", "while", "from", "outside", "last", "this",
];

/// Words opening a comma-less aside between a subject and its verb.
const ASIDE_OPENERS: &[&str] = &["dalam", "saat", "ketika", "sewaktu", "seusai", "usai", "yang", "who", "during"];
/// English conjunctions that may open the clause of a speech verb's subject.
const CLAUSE_CONJUNCTIONS: &[&str] = &["but", "and", "yet", "so", "still", "meanwhile"];
/// Furthest back from its verb an unnamed source's phrase may start, in tokens.
const MAX_SOURCE_REACH: usize = 10;
/// Longest such aside, in words.
const MAX_ASIDE_WORDS: usize = 8;
/// Longest subject phrase between a quote and its verb, in tokens (`,” Roe, a
/// pollster at the Institute for Public Opinion, told reporters`).
const MAX_SUBJECT_PHRASE: usize = 30;

pub fn is_name_stop(low: &str) -> bool {
    NAME_STOPS.contains(&low)
}

/// A speech verb written in lower case (a capitalised one belongs to a title), not a
/// noun in the possessive (`the report's authors`).
fn is_cue_at(doc: &Doc, lex: &Lexicon, t: usize) -> bool {
    !doc.is_capitalised(t) && lex.is_cue(doc.low(t)) && !is_possessive_noun(doc, t)
}

/// Is token `t` a word with an English possessive `'s` split off after it (`the
/// state's`, `the report’s`)? It is a noun, whatever verb it is spelt like.
pub fn is_possessive_noun(doc: &Doc, t: usize) -> bool {
    is_possessive_mark(doc.low(t + 1))
}

fn start_of(doc: &Doc, t: usize) -> usize {
    doc.tokens.get(t).map_or(0, |x| x.start())
}

/// The cue token and speaker hint after the closing mark; `t` is the first token after
/// it, `opening` the quote's opening mark.
pub fn cue_after(doc: &Doc, lex: &Lexicon, mut t: usize, opening: usize) -> Option<(usize, SpeakerHint)> {
    let opens_sentence = opens_sentence(doc, opening);
    while doc.is_punct(t, ',') {
        t += 1;
    }
    // A cue is written in the quote's paragraph: after a line break a new one starts
    // (`?”⏎⏎The campaign says …` is not the quote's cue).
    if t > 0 && doc.newline_after(t - 1) {
        return None;
    }
    let low = doc.low(t);
    if is_cue_at(doc, lex, t) {
        let pronoun = lex.nya_cue_base(low).is_some() || low == "menurutnya" || PRONOUNS.contains(&doc.low(t + 1));
        if pronoun {
            return Some((t, SpeakerHint::Pronoun(start_of(doc, t))));
        }
        return Some((t, SpeakerHint::After(t + 1, window_end(doc, t + 1))));
    }
    // Subject first: `Okafor told`, `he said`, `Putin menambahkan`.
    // A title's stop belongs to the name (`Mr. Obama said`, `Sen. Roe told`).
    let titled_stop =
        |v: usize| doc.is_punct(v, '.') && lex.titles.contains(doc.low(v - 1)) && doc.is_capitalised(v - 1);
    // `“… this board.” She says …`: a quote closed by a full stop and followed by a
    // capitalised word ends its sentence; the verb after belongs to the next one.
    if doc.is_capitalised(t) && closes_with_stop(doc, t) {
        return None;
    }
    let mut v = t + 1;
    while (doc.is_capitalised(v) || titled_stop(v)) && v < t + 5 {
        v += 1;
    }
    if !is_cue_at(doc, lex, v) {
        let phrase = || opens_sentence.then(|| subject_phrase_cue(doc, lex, t)).flatten();
        return source_before_verb(doc, lex, t).or_else(phrase);
    }
    if PRONOUNS.contains(&low) {
        return Some((v, SpeakerHint::Pronoun(start_of(doc, t))));
    }
    // `,” they said`: a group, as in `They say …` before the verb (`subject_before`).
    if low == "they" && v == t + 1 {
        return Some((v, SpeakerHint::Source(t, t + 1)));
    }
    if !opens_sentence {
        return None;
    }
    if doc.is_capitalised(t) {
        return Some((v, SpeakerHint::Subject(t, v)));
    }
    subject_phrase_cue(doc, lex, t)
}

/// `,” Trump lawyer Jane Roe said`, `,” Sen. Jane Roe (D-Mo.) said`, `,” Roe, a
/// pollster at X, one of the firm's founders, told reporters`, `?” a narrator in the
/// ad asks`: after a quote that opens its sentence and ends in a comma, a question or
/// an exclamation (the marks of an attribution to follow), a longer subject phrase
/// before the speech verb, in the same sentence. Its speaker is read from the whole
/// phrase. A quoted title inside a sentence (`a column in “Harbour Weekly,”
/// Senator Roe said`) opens no sentence and is left alone.
fn subject_phrase_cue(doc: &Doc, lex: &Lexicon, t: usize) -> Option<(usize, SpeakerHint)> {
    if !attribution_follows(doc, t) {
        return None;
    }
    let sentence = doc.sentence_of(t);
    let limit = (t + MAX_SUBJECT_PHRASE).min(doc.tokens.len());
    let mut v = t + 1;
    while v < limit && !is_cue_at(doc, lex, v) {
        let opens_quote = is_mark_at(&doc.chars, start_of(doc, v));
        if opens_quote || doc.is_punct(v, ';') || doc.sentence_of(v) != sentence {
            return None;
        }
        v += 1;
    }
    if v >= limit {
        return None;
    }
    let mut s = v - 1;
    while s > t && SPEECH_SUBJECT_GAP.contains(&doc.low(s)) {
        s -= 1;
    }
    // `Sen. Jane Roe (D-Mo.) said`: a bracketed affiliation after the name.
    let end = if doc.is_punct(s, ')') { (t..s).rev().find(|&k| doc.is_punct(k, '(')).unwrap_or(s + 1) } else { s + 1 };
    // `a narrator in the ad`: the head speaks, its prepositional tail is left out.
    if let Some((a, b)) = unnamed_source(doc, t, end) {
        return Some((v, SpeakerHint::Source(a, b)));
    }
    if !(t..end).any(|k| doc.is_capitalised(k)) {
        return None;
    }
    // `Roe, a lawyer for Senator Tom Briggs, said`: a name before the first comma is
    // the subject, and the names of its apposition are not.
    let comma = (t..end).find(|&k| doc.is_punct(k, ','));
    let named_first = comma.is_some_and(|c| c > t && doc.is_capitalised(c - 1));
    let subject_end = if named_first { comma.unwrap_or(end) } else { end };
    Some((v, SpeakerHint::Subject(t, subject_end)))
}

/// Does the quote closing just before token `t` end with a full stop inside its marks
/// (`… this board.”`)?
fn closes_with_stop(doc: &Doc, t: usize) -> bool {
    let mut k = t;
    while k > 0 && is_closing_mark(doc, k - 1) {
        k -= 1;
    }
    k < t && k > 0 && doc.is_punct(k - 1, '.')
}

/// Is token `k` a quote mark (or one of the two apostrophes of `''`)?
fn is_closing_mark(doc: &Doc, k: usize) -> bool {
    doc.kind(k) == Some(TokenKind::Punct) && (is_mark_at(&doc.chars, start_of(doc, k)) || doc.is_punct(k, '\''))
}

/// Does the quote closing just before token `t` end in a comma, a question or an
/// exclamation mark (`“…,”`, `“…?”`), or is it followed by a comma (`“…”, she said`)?
fn attribution_follows(doc: &Doc, t: usize) -> bool {
    let Some(mut k) = t.checked_sub(1) else { return false };
    if doc.is_punct(k, ',') {
        return true;
    }
    // Back over the closing mark (one char, or the two of `''`).
    while k > 0 && is_closing_mark(doc, k) {
        k -= 1;
    }
    doc.is_punct(k, ',') || doc.is_punct(k, '?') || doc.is_punct(k, '!')
}

/// Does the quote whose opening mark is token `opening` open a sentence: nothing but
/// punctuation before it in its sentence, or a stop, a colon or a line break right
/// before it (`Why? ''We …,''` splits no sentence at the `'` mark)?
pub fn opens_sentence(doc: &Doc, opening: usize) -> bool {
    let Some(prev) = opening.checked_sub(1) else { return true };
    let ends = ['.', '?', '!', ':'].iter().any(|&c| doc.is_punct(prev, c));
    ends || doc.newline_after(prev) || doc.is_sentence_initial(opening + 1)
}

/// `,” the source said`, `,” officials added`: an unnamed source written before the
/// verb, starting at token `t`.
fn source_before_verb(doc: &Doc, lex: &Lexicon, t: usize) -> Option<(usize, SpeakerHint)> {
    let v = (t + 1..t + 8).find(|&v| is_cue_at(doc, lex, v))?;
    let (a, b) = unnamed_source(doc, t, v)?;
    (b == v).then_some((v, SpeakerHint::Source(a, b)))
}

/// The verb just before the opening mark at token `t` and its subject.
pub fn cue_before(doc: &Doc, lex: &Lexicon, t: usize) -> Option<(usize, SpeakerHint)> {
    let mut v = t.checked_sub(1)?;
    while doc.is_punct(v, ',') || doc.is_punct(v, ':') {
        v = v.checked_sub(1)?;
    }
    if !is_cue_at(doc, lex, v) {
        return None;
    }
    Some((v, subject_before(doc, v)?))
}

/// English nouns of a stretch of time: after `this`/`last` they make a time phrase
/// between a subject and its verb (`Roe last week said`), and after `a`/`an` a
/// setting rather than a name given (`called him a day later`, in
/// [`indirect`](super::indirect)).
pub(super) const TIME_NOUNS: &[&str] = &[
    "day",
    "week",
    "weekend",
    "month",
    "year",
    "decade",
    "hour",
    "minute",
    "moment",
    "while",
    "time",
    "morning",
    "afternoon",
    "evening",
    "night",
];
/// Words opening such a phrase.
const TIME_OPENERS: &[&str] = &["this", "last", "next", "earlier", "later"];
/// Days, which open no subject (`The bank on Monday announced …`).
const DAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The last token of the subject of the verb at token `v`: the word before it past
/// adverbs ([`SPEECH_SUBJECT_GAP`]: `has long said`, `juga mengatakan`) and English
/// time phrases (`The bank this month announced`, `Roe on Monday said`, `Roe earlier
/// this week told`).
pub fn subject_end(doc: &Doc, v: usize) -> Option<usize> {
    let mut s = v.checked_sub(1)?;
    loop {
        if SPEECH_SUBJECT_GAP.contains(&doc.low(s)) || is_verb_group_word(doc, s) {
            s = s.checked_sub(1)?;
        } else if let Some(before) = raising_start(doc, s).and_then(|a| a.checked_sub(1)) {
            s = before;
        } else if let Some(before) = time_phrase_start(doc, s).and_then(|a| a.checked_sub(1)) {
            s = before;
        } else {
            return Some(s);
        }
    }
}

/// English modals, `do` and negations between a subject and its verb of saying (`would
/// argue`, `did not say`, `isn’t saying`, `won’t comment`): the verb's group, not its
/// subject.
const VERB_GROUP: &[&str] =
    &["would", "will", "could", "can", "may", "might", "should", "must", "did", "does", "do", "not", "never"];
/// Verbs that lend their subject to an infinitive of saying (`appeared to suggest`,
/// `seems to say`) or that speak by declining to (`declined to say whether …`,
/// `refused to comment`): the speaker is their subject.
const RAISING_VERBS: &[&str] = &[
    "appear", "appears", "appeared", "seem", "seems", "seemed", "decline", "declines", "declined", "refuse", "refuses",
    "refused",
];

/// Is token `t` a lower-case English modal, `do`, or negation, or a negated auxiliary
/// (`isn’t`, `wouldn't`, `didn’t`)?
fn is_verb_group_word(doc: &Doc, t: usize) -> bool {
    let low = doc.low(t);
    let word = doc.kind(t) == Some(TokenKind::Word) && !doc.is_capitalised(t);
    word && (VERB_GROUP.contains(&low) || low.ends_with("n’t") || low.ends_with("n't"))
}

/// The raising verb of `appeared to` when token `s` is the `to` after it.
fn raising_start(doc: &Doc, s: usize) -> Option<usize> {
    let verb = s.checked_sub(1)?;
    let raised = doc.low(s) == "to" && RAISING_VERBS.contains(&doc.low(verb)) && !doc.is_capitalised(verb);
    raised.then_some(verb)
}

/// Does a verb group stand right before the English verb at token `v`, past adverbs:
/// a modal, `do`, a negation or a raising verb's `to` (`would argue`, `did not say`,
/// `seemed to suggest`)? The verb may then be written in its base form.
pub fn after_verb_group(doc: &Doc, v: usize) -> bool {
    let Some(mut s) = v.checked_sub(1) else { return false };
    while SPEECH_SUBJECT_GAP.contains(&doc.low(s)) && !is_verb_group_word(doc, s) {
        let Some(p) = s.checked_sub(1) else { return false };
        s = p;
    }
    is_verb_group_word(doc, s) || raising_start(doc, s).is_some()
}

/// Is the English verb at token `v` negated (`did not say`, `isn’t saying`, `would
/// never say`, `declined to say`)? What follows it is then an open question (`did not
/// say when …`), not a setting.
pub fn is_negated(doc: &Doc, v: usize) -> bool {
    let mut s = v;
    while let Some(p) = s.checked_sub(1) {
        let low = doc.low(p);
        if matches!(low, "not" | "never") || low.ends_with("n’t") || low.ends_with("n't") {
            return true;
        }
        if let Some(verb) = raising_start(doc, p) {
            let declined = doc.low(verb).starts_with("declin") || doc.low(verb).starts_with("refus");
            if declined {
                return true;
            }
            s = verb;
        } else if SPEECH_SUBJECT_GAP.contains(&low) || is_verb_group_word(doc, p) {
            s = p;
        } else {
            return false;
        }
    }
    false
}

/// The first token of an English time phrase ending at token `s` (`this month`, `on
/// Monday`, `Monday`).
fn time_phrase_start(doc: &Doc, s: usize) -> Option<usize> {
    let low = doc.low(s);
    let lower = doc.kind(s) == Some(TokenKind::Word) && !doc.is_capitalised(s);
    if lower && TIME_NOUNS.contains(&low) {
        let a = s.checked_sub(1)?;
        return (TIME_OPENERS.contains(&doc.low(a)) && !doc.is_capitalised(a)).then_some(a);
    }
    if doc.is_capitalised(s) && DAYS.contains(&low) {
        let on = s.checked_sub(1).filter(|&a| doc.low(a) == "on");
        return Some(on.unwrap_or(s));
    }
    None
}

/// The speaker hint for the subject of the verb at token `v`: a pronoun, a name right
/// before it, or a name that opens the clause before an apposition or a date
/// (`Budi, Kepala Dinas, Kamis (7/3/2024), mengatakan`).
pub fn subject_before(doc: &Doc, v: usize) -> Option<SpeakerHint> {
    let s = subject_end(doc, v)?;
    // `He’s claiming`: a pronoun with a contracted `is`.
    let low = doc.low(s);
    let uncontracted = strip_final_s(low).unwrap_or(low);
    if PRONOUNS.contains(&uncontracted) {
        return Some(SpeakerHint::Pronoun(start_of(doc, s)));
    }
    // `They say …`: a group not named, as an unnamed source.
    if uncontracted == "they" {
        return Some(SpeakerHint::Source(s, s + 1));
    }
    // `Roe, who stressed that …`: a relative pronoun is the subject written at the
    // verb, kept as the source span (the antecedent is the speaker stage's to find).
    if matches!(low, "who" | "which") && !doc.is_capitalised(s) {
        return Some(SpeakerHint::Source(s, s + 1));
    }
    let sentence = doc.sentence_of(v).and_then(|i| doc.sentences.get(i))?;
    // `Yanto, Komandan Regu …, Kota Hilir — regu penyelamat … — menuturkan`: an
    // aside closed by a dash, as by a comma.
    let glued = doc.is_punct(s, ',') || doc.is_punct(s, ')') || doc.is_punct(s, '—');
    let from = sentence.start.max(v.saturating_sub(40));
    // `BPS dalam laporannya pada Senin menyatakan`: an aside ending in a day, a month
    // or a year, whose capital is no name.
    let dated = is_calendar_word(doc, s) || doc.kind(s) == Some(TokenKind::Number);
    if let Some(opener) = dated.then(|| aside_before(doc, from, s)).flatten() {
        return Some(SpeakerHint::Subject(from, opener));
    }
    // `footage of Ana Ruiz asking, “…”`: a participle right after a name is the name's,
    // whatever the sentence's subject.
    if let Some(a) = name_before_participle(doc, from, s, v) {
        return Some(SpeakerHint::Subject(a, s + 1));
    }
    if doc.is_capitalised(s) && unnamed_source(doc, clause_start(doc, sentence.start, s), s + 1).is_none() || glued {
        return Some(SpeakerHint::Subject(from, s + 1));
    }
    if let Some((a, b)) = unnamed_source(doc, clause_start(doc, sentence.start, s), s + 1) {
        return Some(SpeakerHint::Source(a, b));
    }
    // `seorang warga Kelurahan Sukamaju yang ikut hadir mengatakan`: before the aside,
    // a person counted with `seorang` speaks, not the place describing them.
    let opener = aside_before(doc, from, s)?;
    let before = opener.checked_sub(1).filter(|&e| e > from);
    match before.and_then(|e| counted_person(doc, clause_start(doc, sentence.start, e), opener)) {
        Some((a, b)) => Some(SpeakerHint::Source(a, b)),
        None => Some(SpeakerHint::Subject(from, opener)),
    }
}

/// Most words of a name read back from a participle.
const MAX_PARTICIPLE_NAME: usize = 4;

/// The first token of the name ending at token `s` right before the English participle
/// at token `v` (`of Ana Ruiz asking`), when the name follows `of` or `with` inside the
/// sentence (`footage of …`, `a video with …`), from token `from` on.
fn name_before_participle(doc: &Doc, from: usize, s: usize, v: usize) -> Option<usize> {
    if s + 1 != v || !english_verbs::is_participle(doc.low(v)) || !doc.is_capitalised(s) {
        return None;
    }
    let mut a = s;
    while a > from && s - a + 1 < MAX_PARTICIPLE_NAME && (doc.is_capitalised(a - 1) || doc.is_punct(a - 1, '.')) {
        a -= 1;
    }
    let linked = a > from && matches!(doc.low(a - 1), "of" | "with") && !doc.is_capitalised(a - 1);
    linked.then_some(a)
}

/// The first token after the last comma before token `s` in its sentence (or the
/// sentence's first word): where a subject written just before a verb may start.
fn clause_start(doc: &Doc, sentence_start: usize, s: usize) -> usize {
    let floor = sentence_start.max(s.saturating_sub(MAX_SOURCE_REACH));
    let comma = (floor..s).rev().find(|&t| doc.is_punct(t, ',') || doc.is_punct(t, '—'));
    let from = comma.map_or(sentence_start, |c| c + 1);
    // `But a ministry official said`: a conjunction opening the clause is not the subject's.
    let from = if CLAUSE_CONJUNCTIONS.contains(&doc.low(from)) && from < s { from + 1 } else { from };
    (from..s).find(|&t| doc.kind(t) == Some(TokenKind::Word)).unwrap_or(s)
}

/// `Budi Santoso dalam kesempatan berbeda mengatakan`, `Budi yang diundang sebagai
/// pembicara menyatakan`, `BPS dalam laporannya pada Senin menyatakan`: an aside of
/// lower-case words (and the days, months and numbers of a date) without commas
/// between the name and its verb; `s` is its last word. Returns the aside's opening
/// token, right after the name.
fn aside_before(doc: &Doc, floor: usize, s: usize) -> Option<usize> {
    let mut t = s;
    let aside_word = |t: usize| match doc.kind(t) {
        Some(TokenKind::Word) => !doc.is_capitalised(t) || is_calendar_word(doc, t),
        Some(TokenKind::Number) => true,
        _ => false,
    };
    while t > floor && s - t < MAX_ASIDE_WORDS && aside_word(t) {
        // `pada` opens a setting after a name of several words (`Lembaga Survei X pada
        // awal Maret`), not after a capitalised common noun (`Keterangan pada situs`).
        let opens = ASIDE_OPENERS.contains(&doc.low(t)) || (doc.low(t) == "pada" && !doc.is_sentence_initial(t - 1));
        // After a name, or a name's bracketed abbreviation (`Organisasi X (WTO) dalam …`).
        if opens && (doc.is_capitalised(t - 1) || doc.is_punct(t - 1, ')')) {
            return Some(t);
        }
        t -= 1;
    }
    None
}

/// Is token `t` the name of a day or a month (capitalised, yet no name of a speaker)?
fn is_calendar_word(doc: &Doc, t: usize) -> bool {
    let low = doc.low(t);
    WEEKDAYS.contains(&low) || MONTH_NAMES.contains(&low)
}

/// Tokens after a cue where the speaker's name may be: up to the end of the sentence
/// (`kata Kepala Dusun Sukamaju, Desa Cempaka, Sugeng Raharjo`).
pub fn window_end(doc: &Doc, from: usize) -> usize {
    let mut e = from;
    while e < from + 30 && e < doc.tokens.len() {
        let stop = doc.is_punct(e, '.') || is_mark_at(&doc.chars, start_of(doc, e));
        if stop || (e > from && doc.newline_after(e - 1)) {
            break;
        }
        e += 1;
    }
    e
}

#[cfg(test)]
mod tests {
    use super::super::super::quote_fixtures::speaker_texts;

    #[test]
    fn an_aside_ending_in_a_day_between_a_body_and_its_verb_is_skipped() {
        let text = "Harga beras naik 😟.\r\nMenteri Pertanian Joko Santoso meninjau pasar.\r\n\r\n\
                    Badan Pusat Statistik dalam laporan bulanannya pada Senin menyatakan, harga “beras” naik 3 persen.\r\n\
                    Lembaga Survei Nusantara pada awal Maret menyebut, sebagian besar warga puas.\r\n\
                    Organisasi Pangan Dunia (FAO) dalam laporan terbarunya pada 6 Mei 2025 menyatakan, stok beras cukup.";
        let speakers = speaker_texts(text);
        let bodies = ["Badan Pusat Statistik", "Lembaga Survei Nusantara", "Organisasi Pangan Dunia (FAO)"];
        assert_eq!(speakers, bodies.map(|b| Some(b.to_owned())));
    }
}
