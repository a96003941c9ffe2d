//! The candidates of one quotation from the mentions seen before its cue: mentions
//! are grouped by name (`Budi` and `Budi Santoso` are one candidate), each group is
//! described by its [`CandidateFeatures`] and the [`ranker`](super::ranker) orders
//! them. Used for every `-nya` cue and pronoun, and by the public
//! [`rank_speakers`](super::api::rank_speakers) for any quote.

use super::super::doc::Doc;
use super::super::lexicon::Lexicon;
use super::candidate_features::{agreement, CandidateFeatures, CandidateKind};
use super::gender::{gender_of, Gender, Pronoun};
use super::names::Mention;
use super::ranker::{rank, Scored, SpeakerWeights};

/// People looked back over, at most: the ranking stays linear in the document.
pub const MAX_CANDIDATE_MENTIONS: usize = 24;
/// Paragraphs looked back over.
pub const MAX_PARAGRAPHS_BACK: usize = 3;

/// One mention before the cue (or the one the cue names), as the context gives it.
#[derive(Debug, Clone, Copy)]
pub struct Seen {
    pub who: Mention,
    /// Char span of the mention.
    pub start: usize,
    pub end: usize,
    /// Where it was seen: the mention's end, or for a quote's speaker the quote's end.
    pub at: usize,
    pub kind: CandidateKind,
    /// Subject of a verb, introduced as a speaker, or a quote's speaker.
    pub salient: bool,
    /// The speaker of the latest quote before the cue.
    pub last_speaker: bool,
    /// The speaker of the latest direct quote before the cue.
    pub last_direct_speaker: bool,
    /// Spoke a quote earlier in the cue's paragraph.
    pub paragraph_speaker: bool,
    /// The cue names it.
    pub named: bool,
    /// The next sentence says it goes on speaking (`Budi menambahkan`).
    pub goes_on: bool,
    /// Paragraphs between it and the cue.
    pub paragraphs_back: usize,
    /// Sentences between it and the cue.
    pub sentences_back: usize,
}

/// A candidate: the mentions of one name.
struct Candidate {
    /// The words of its first mention, lower case.
    words: Vec<String>,
    best: Seen,
    features: CandidateFeatures,
    /// Token span of each of its mentions, for its title and gender.
    mentions: Vec<(usize, usize)>,
}

/// The words of a mention, lower-cased.
fn words_of(doc: &Doc, start: usize, end: usize) -> Vec<String> {
    let text = doc.text_of(start, end);
    text.split_whitespace().map(str::to_lowercase).collect()
}

/// Do two mentions name one person? The same last word (`Budi Santoso`, `Pak
/// Santoso`), or every word of one in the other (`Rina`, `Rina Wulandari`).
fn same_person(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let last = matches!((a.last(), b.last()), (Some(x), Some(y)) if x == y);
    last || (!short.is_empty() && short.iter().all(|w| long.contains(w)))
}

fn tokens_of(doc: &Doc, s: &Seen) -> (usize, usize) {
    (doc.token_at_or_after(s.start), doc.token_at_or_after(s.end))
}

/// Is the mention in tokens `a..b` written with a title or role (`Menteri Budi`,
/// `Mr. Doe`), before it or opening it?
fn titled(doc: &Doc, lex: &Lexicon, (a, b): (usize, usize)) -> bool {
    let title = |t: usize| {
        let low = doc.low(t);
        lex.titles.contains(low) || lex.titles.contains(low.strip_suffix('.').unwrap_or(low))
    };
    let before = a.checked_sub(1).map(|p| if doc.is_punct(p, '.') { p.wrapping_sub(1) } else { p });
    before.is_some_and(title) || (a < b && title(a))
}

fn features_of(s: &Seen, rank: usize) -> CandidateFeatures {
    CandidateFeatures {
        named_at_cue: s.named,
        speech_subject: s.salient,
        last_speaker: s.last_speaker,
        last_direct_speaker: s.last_direct_speaker,
        paragraph_speaker: s.paragraph_speaker,
        titled: false,
        same_paragraph: s.paragraphs_back == 0,
        paragraphs_back: u32::try_from(s.paragraphs_back).unwrap_or(u32::MAX),
        sentences_back: u32::try_from(s.sentences_back).unwrap_or(u32::MAX),
        distance_rank: u32::try_from(rank).unwrap_or(u32::MAX),
        mentions: 1,
        agreement: Default::default(),
        goes_on_next: s.goes_on,
        kind: Some(s.kind),
    }
}

/// Groups `seen` (nearest first) by name.
fn group(doc: &Doc, seen: &[Seen]) -> Vec<Candidate> {
    let mut candidates: Vec<Candidate> = Vec::new();
    for (rank, s) in seen.iter().enumerate() {
        let words = words_of(doc, s.start, s.end);
        let person = s.kind == CandidateKind::Person;
        let same = |c: &Candidate| {
            let last = matches!((words.last(), c.words.last()), (Some(x), Some(y)) if x == y);
            c.best.kind == s.kind && if person { same_person(&words, &c.words) } else { last }
        };
        match candidates.iter_mut().find(|c| same(c)) {
            Some(c) => {
                let f = &mut c.features;
                f.mentions += 1;
                f.speech_subject |= s.salient;
                f.last_speaker |= s.last_speaker;
                f.last_direct_speaker |= s.last_direct_speaker;
                f.paragraph_speaker |= s.paragraph_speaker;
                f.named_at_cue |= s.named;
                f.goes_on_next |= s.goes_on;
                // The named mention, else a salient one, stands for the person over a passing one.
                if (s.named && !c.best.named) || (s.salient && !c.best.salient && !c.best.named) {
                    c.best = *s;
                }
                c.mentions.push(tokens_of(doc, s));
            }
            None => candidates.push(Candidate {
                words,
                best: *s,
                features: features_of(s, rank),
                mentions: vec![tokens_of(doc, s)],
            }),
        }
    }
    candidates
}

/// The candidates in `seen` (nearest first) ranked for a speaker standing as
/// `pronoun`, best first.
pub fn rank_seen(
    doc: &Doc,
    lex: &Lexicon,
    seen: &[Seen],
    pronoun: Pronoun,
    weights: &SpeakerWeights,
) -> Vec<Scored<Mention>> {
    let mut candidates = group(doc, seen);
    for c in &mut candidates {
        c.features.titled = c.mentions.iter().any(|&m| titled(doc, lex, m));
        let gender = match (pronoun, c.best.kind) {
            (Pronoun::He | Pronoun::She, CandidateKind::Person) => {
                c.mentions.iter().find_map(|&(a, b)| gender_of(doc, lex, a, b))
            }
            _ => None::<Gender>,
        };
        c.features.agreement = agreement(pronoun, c.best.kind, gender);
    }
    rank(candidates.into_iter().map(|c| (c.best.who, c.features)), weights)
}
