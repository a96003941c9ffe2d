//! Pronoun and `-nya` speakers: `”…,” katanya.`, `”…,” kata dia.`, `Ia mengatakan, …`.
//!
//! Kompas writes `X mengatakan, …` or `X, role, menilai …` and then `”…,” katanya.`,
//! often naming other people in between, so a pronoun goes to the latest *salient*
//! person: the speaker of a quote (direct or reported), or a person who is the subject
//! of a verb (`Budi, Kepala Dinas, Kamis, meminta …`) or introduced by `menurut`,
//! `disampaikan`, `lanjut`. Without one nearby, the last person named outside a quote.

use super::super::code_points::{CharRange, CodePoints};
use super::super::doc::Doc;
use super::super::function_words::{PRONOUNS, ROLE_LINKS, SUBJECT_VERB_GAP};
use super::super::intervals::{Cover, EntityIndex};
use super::super::language::Language;
use super::super::lexicon::Lexicon;
use super::super::quotes::RawQuote;
use super::super::{Entity, Label, QuoteKind};
use super::candidates::Query;
use super::gender::Pronoun;
use super::headline::headline_end;
use super::names::{names_a_person, Mention};
use super::ranker::SpeakerWeights;
use super::salient::Salient;

/// Paragraphs that may separate a pronoun from the quote whose speaker it continues.
const MAX_PARAGRAPHS: usize = 2;
/// Words that introduce a speaker named after them (`Menurut Budi`, `Hal senada disampaikan Budi`).
const INTRODUCERS: &[&str] = &["menurut", "disampaikan", "diungkapkan", "dikatakan", "dijelaskan", "according"];
/// Predicates of opinion that are not me-/ber- verbs (`Hendra Gunawan optimistis, …`).
const STANCES: &[&str] = &[
    "optimistis",
    "optimis",
    "pesimistis",
    "pesimis",
    "yakin",
    "khawatir",
    "sepakat",
    "setuju",
    "prihatin",
    "heran",
    "kecewa",
    "ragu",
    "curiga",
    "percaya",
];
/// Verbs of being there and of bearing without a me-/ber- prefix: the person is the
/// one the story is with (`Darwis termasuk yang terakhir keluar.`, `Lina duduk di
/// samping suaminya.`), whom a `-nya` after may stand for.
const PRESENCES: &[&str] = &[
    "duduk",
    "datang",
    "tiba",
    "hadir",
    "pulang",
    "kembali",
    "masuk",
    "keluar",
    "termasuk",
    "ikut",
    "tinggal",
    "tampak",
    "terlihat",
    "tersenyum",
    "terdiam",
    "terisak",
    "diam",
];
/// Words after a day name that belong to the date (`Senin sore`, `Selasa lalu`).
const TIME_OF_DAY: &[&str] = &["pagi", "siang", "sore", "malam", "lalu", "ini", "kemarin", "dini", "hari"];
/// Verbs by which a speaker goes on (`Budi menambahkan`, `lanjut Budi`), and how far
/// into the sentence they may stand.
const CONTINUATIONS: &[&str] = &["menambahkan", "melanjutkan", "mengimbuhkan", "lanjut", "tambah", "imbuh"];
const MAX_CONTINUATION_AT: usize = 6;
/// Comma-separated asides skipped between a subject and its verb, and their longest length.
const MAX_ASIDES: usize = 3;
const MAX_ASIDE_TOKENS: usize = 20;

/// What a pronoun may refer to at some point of the document.
pub struct Context<'a> {
    pub(super) doc: &'a Doc,
    pub(super) lex: &'a Lexicon,
    pub(super) index: EntityIndex<'a>,
    /// PERSON entities outside direct quotes, ascending: the fallback antecedents.
    pub(super) unquoted: Vec<usize>,
    /// Salient people in text order: a quote's speaker goes after the people already
    /// known at its end, and a lookup is a binary search instead of a scan back
    /// through the document.
    pub(super) salient: Salient,
    pub(super) paragraphs: Paragraphs,
    /// Unnamed sources that spoke (`officials said …`), by the end of their quote,
    /// ascending: antecedents of a `they` only, as they name no person.
    pub(super) group_speakers: Vec<(usize, Mention)>,
    /// Direct quotations: a group named inside one is no antecedent.
    pub(super) direct: Cover,
    /// Where the article's headline ends (0 without one): its entities are no
    /// candidates ([`headline`](super::headline)).
    pub(super) headline_end: usize,
    /// Indonesian sentences opened by a pronoun subject of a verb that reports nothing
    /// (`Ia menggambarkan …`, `Dia duduk …`), as the pronoun's token, ascending; and
    /// how many of them [`Context::follow_pronoun_subjects`] has read.
    pronoun_subjects: Vec<usize>,
    followed: usize,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Doc, lex: &'a Lexicon, entities: &'a [Entity], quotes: &[RawQuote]) -> Context<'a> {
        let direct = Cover::new(quotes.iter().filter(|q| q.kind == QuoteKind::Direct).map(|q| (q.start, q.end)));
        let quoted = |e: &Entity| direct.covers_range(e.start, e.end);
        let headline_end = headline_end(doc);
        let person =
            |e: &Entity| e.is(Label::Person) && e.start >= headline_end && !quoted(e) && names_a_person(doc, lex, e);
        let unquoted = (0..entities.len()).filter(|&i| entities.get(i).is_some_and(person)).collect();
        // `Siti bercerita, awalnya Fikri hanya mengeluh …`: the subject of a verb inside
        // what someone reports is spoken about; the one reporting is who goes on.
        let reported = Cover::new(quotes.iter().filter(|q| q.kind == QuoteKind::Indirect).map(|q| (q.start, q.end)));
        let salient = Salient::new(
            entities
                .iter()
                .enumerate()
                .filter(|(_, e)| person(e) && !reported.covers_range(e.start, e.end) && is_salient(doc, lex, e))
                .map(|(i, e)| (e.end, Mention::Entity(i))),
        );
        let index = EntityIndex::new(entities);
        let paragraphs = Paragraphs::new(&doc.chars);
        let pronoun_subjects = pronoun_subjects(doc, lex, &direct);
        Context {
            doc,
            lex,
            index,
            unquoted,
            salient,
            paragraphs,
            group_speakers: Vec::new(),
            direct,
            headline_end,
            pronoun_subjects,
            followed: 0,
        }
    }

    /// `Giliran pertama jatuh kepada Kartono, … . Ia membawa … “…,” tuturnya.`: each
    /// pronoun opening a sentence before char `pos` as the subject of a verb stands for
    /// the person the ranker gives it there, who is then salient at the pronoun, as if
    /// named, and goes on being the one a later `-nya` stands for.
    pub fn follow_pronoun_subjects(&mut self, pos: usize, weights: &SpeakerWeights) {
        while let Some(&t) = self.pronoun_subjects.get(self.followed) {
            let Some(token) = self.doc.tokens.get(t) else { break };
            if token.start() >= pos {
                break;
            }
            self.followed += 1;
            let query = Query { pos: token.start(), pronoun: Pronoun::Person, named: None, wide: false };
            if let Some(best) = self.ranked(&query, weights).first() {
                self.salient.mentioned(token.end(), best.who);
            }
        }
    }

    /// Records the speaker of a quote; quotes come in text order.
    pub fn spoke(&mut self, q: &RawQuote, who: Mention) {
        self.salient.spoke(q.end, who);
        if q.kind == QuoteKind::Direct {
            self.salient.spoke_directly(q.end, who);
        }
    }

    /// Records an unnamed source as the speaker of a quote (not a person: only a
    /// `they` may refer back to it).
    pub fn spoke_as_group(&mut self, q: &RawQuote, who: Mention) {
        let at = self.group_speakers.partition_point(|&(e, _)| e <= q.end);
        self.group_speakers.insert(at, (q.end, who));
    }

    /// The person a pronoun or `-nya` cue at char `cue` refers to, ranked among the
    /// people named before `pos` ([`candidates`](super::candidates)) and the one the
    /// sentence after the quotation (ending at `quote_end`) says goes on speaking.
    pub fn pronoun(&self, cue: usize, pos: usize, quote_end: usize, weights: &SpeakerWeights) -> Option<Mention> {
        let pronoun = Pronoun::at_token(self.doc, self.lex, self.doc.token_at_or_after(cue));
        let query = Query { pos, pronoun, named: None, wide: false };
        let ranked = self.ranked_going_on(&query, weights, Vec::new(), self.continued(quote_end));
        let best = ranked.first().map(|s| s.who);
        best.or_else(|| self.nearest(pos))
    }

    /// The latest salient person within a few paragraphs, else the last person named.
    fn nearest(&self, pos: usize) -> Option<Mention> {
        if let Some((p, who)) = self.salient.latest(pos).next() {
            if self.paragraphs.between(&self.doc.chars, p, pos) <= MAX_PARAGRAPHS {
                return Some(who);
            }
        }
        self.index.last_ending_by(&self.unquoted, pos).map(Mention::Entity)
    }

    /// The person the next sentence says goes on speaking (`”…,” katanya.` followed by
    /// `Wulan menambahkan, …` or `Namun, lanjut Harun, …`): only the speaker of the
    /// quote can "add" to it, so this names a `-nya` speaker the text before may not
    /// (a candidate feature, [`goes_on_next`](super::candidate_features::CandidateFeatures::goes_on_next)).
    pub(super) fn continued(&self, quote_end: usize) -> Option<Mention> {
        let doc = self.doc;
        let cue = doc.token_at_or_after(quote_end);
        let s = doc.sentence_of(cue)?;
        let next = doc.sentences.get(s + 1)?;
        let verb = (next.start..next.end.min(next.start + MAX_CONTINUATION_AT))
            .find(|&v| CONTINUATIONS.contains(&doc.low(v)) && !doc.is_capitalised(v))?;
        let before = (next.start..verb).rev().find(|&t| !SUBJECT_VERB_GAP.contains(&doc.low(t)));
        let subject = before.and_then(|t| self.person_at(t));
        let after = || doc.is_punct(verb.wrapping_sub(1), ',').then(|| self.person_at(verb + 1)).flatten();
        subject.or_else(after).map(Mention::Entity)
    }

    fn person_at(&self, t: usize) -> Option<usize> {
        self.index.person_at(self.doc.tokens.get(t)?.start())
    }
}

/// Tokens of the Indonesian pronouns (`ia`, `dia`, `beliau`) opening a sentence outside
/// direct quotes as the subject of a verb that is no speech verb (a speech verb's
/// report records its speaker itself).
fn pronoun_subjects(doc: &Doc, lex: &Lexicon, direct: &Cover) -> Vec<usize> {
    if doc.language != Language::Indonesian {
        return Vec::new();
    }
    let opens = |t: usize| {
        if !matches!(doc.low(t), "ia" | "dia" | "beliau") || !doc.is_sentence_initial(t) {
            return false;
        }
        let mut v = t + 1;
        while SUBJECT_VERB_GAP.contains(&doc.low(v)) {
            v += 1;
        }
        let speech = lex.is_cue(doc.low(v));
        let quoted = doc.tokens.get(t).is_some_and(|x| direct.covers_range(x.start(), x.end()));
        !quoted && is_verb(doc, lex, v) && !speech
    };
    (0..doc.tokens.len()).filter(|&t| opens(t)).collect()
}

/// Is this person mention the subject of a verb, or introduced as a speaker?
fn is_salient(doc: &Doc, lex: &Lexicon, e: &Entity) -> bool {
    let a = doc.token_at_or_after(e.start);
    let b = doc.token_at_or_after(e.end);
    introduced(doc, lex, a) || verb_follows(doc, lex, b)
}

/// `Menurut Rektor … Budi`, `lanjut Budi`: an introducing word before the name and
/// its role words.
fn introduced(doc: &Doc, lex: &Lexicon, a: usize) -> bool {
    let mut t = a;
    // Walk back over role words, stopping at a capitalised introducer (`Menurut Rektor …`).
    while t > 0 && a - t < 12 && (doc.is_capitalised(t - 1) || ROLE_LINKS.contains(&doc.low(t - 1))) {
        if INTRODUCERS.contains(&doc.low(t - 1)) {
            break;
        }
        t -= 1;
    }
    let Some(before) = t.checked_sub(1) else { return false };
    let low = doc.low(before);
    INTRODUCERS.contains(&low) || lex.cues_after.contains(low)
}

/// `Budi menilai`, `Budi, Kepala Dinas, Kamis (7/3), mengatakan`: a verb after the name
/// once asides between commas are skipped.
fn verb_follows(doc: &Doc, lex: &Lexicon, mut t: usize) -> bool {
    let sentence = doc.sentence_of(t.saturating_sub(1));
    for _ in 0..MAX_ASIDES {
        if !doc.is_punct(t, ',') {
            break;
        }
        // `Inspektur Darmaji, menyampaikan …`: the verb right after the comma.
        if is_verb(doc, lex, t + 1) {
            return true;
        }
        let close = (t + 1..t + MAX_ASIDE_TOKENS).find(|&c| doc.is_punct(c, ','));
        match close {
            Some(c) if doc.sentence_of(c) == sentence => t = c + 1,
            _ => return false,
        }
    }
    t = skip_date(doc, lex, t);
    while SUBJECT_VERB_GAP.contains(&doc.low(t)) {
        t += 1;
    }
    is_verb(doc, lex, t)
}

/// A lower-case me-/ber- verb or a reporting verb at token `t`.
fn is_verb(doc: &Doc, lex: &Lexicon, t: usize) -> bool {
    let low = doc.low(t);
    let verb_like = low.starts_with("me")
        || low.starts_with("ber")
        || lex.cues_before.contains(low)
        || STANCES.contains(&low)
        || PRESENCES.contains(&low);
    verb_like && !doc.is_capitalised(t) && !PRONOUNS.contains(&low)
}

/// Skips a date between a subject and its verb: `Kamis (7/3/2024) pagi menyatakan`.
fn skip_date(doc: &Doc, lex: &Lexicon, mut t: usize) -> usize {
    if !lex.calendar.contains(doc.low(t)) {
        return t;
    }
    t += 1;
    if doc.is_punct(t, '(') {
        if let Some(close) = (t + 1..t + 8).find(|&c| doc.is_punct(c, ')')) {
            t = close + 1;
        }
    }
    while TIME_OF_DAY.contains(&doc.low(t)) {
        t += 1;
    }
    t
}

/// Where paragraphs (non-empty lines) start, so that the paragraphs between two
/// offsets are counted by binary search rather than by reading the text between.
pub(super) struct Paragraphs {
    /// Non-blank chars with a line break between them and the previous non-blank char.
    starts: Vec<usize>,
}

impl Paragraphs {
    fn new(chars: &CodePoints) -> Paragraphs {
        Paragraphs { starts: line_openers(chars.all()).collect() }
    }

    /// Paragraphs started in `a.min(b)..b`, as [`paragraphs_between`] counts them.
    pub(super) fn between(&self, chars: &CodePoints, a: usize, b: usize) -> usize {
        let from = a.min(b);
        let Some(gap) = chars.range(from..b) else { return 0 };
        // Only the first non-blank char of the gap is judged differently from the
        // whole text: a line break before `from` does not count for it.
        let Some(k) = gap.iter().position(|c| !c.is_whitespace()) else { return 0 };
        let opens = gap.iter().take(k).any(|c| c == '\n');
        let later = self.starts.partition_point(|&p| p < b) - self.starts.partition_point(|&p| p <= from + k);
        later + usize::from(opens)
    }
}

/// Offsets in `chars` of the non-blank chars that open a line.
fn line_openers(chars: CharRange<'_>) -> impl Iterator<Item = usize> + '_ {
    let mut fresh = false;
    chars.iter().enumerate().filter_map(move |(p, c)| {
        if c == '\n' {
            fresh = true;
        } else if fresh && !c.is_whitespace() {
            fresh = false;
            return Some(p);
        }
        None
    })
}

/// Paragraphs (non-empty lines) started between two char offsets.
pub fn paragraphs_between(doc: &Doc, a: usize, b: usize) -> usize {
    doc.chars.range(a.min(b)..b).map_or(0, |gap| line_openers(gap).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexed_paragraph_count_matches_reading_the_gap() {
        let doc = Doc::new("Budi hadir.\n\n  Ia bicara.\nLalu pergi. \n \nAni datang.\n");
        let paragraphs = Paragraphs::new(&doc.chars);
        let n = doc.chars.len();
        for a in 0..=n + 1 {
            for b in 0..=n + 1 {
                assert_eq!(paragraphs.between(&doc.chars, a, b), paragraphs_between(&doc, a, b), "{a}..{b}");
            }
        }
    }
}
