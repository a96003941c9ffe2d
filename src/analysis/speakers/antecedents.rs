//! Who a `-nya` cue or a pronoun speaker refers to, chosen by ranking the people
//! named before it rather than by taking the nearest one.
//!
//! Candidates are the people mentioned in the few paragraphs before the cue (outside
//! direct quotes), the salient ones (subjects of verbs, people introduced as
//! speakers) and the earlier speakers, grouped by name (`Budi` and `Budi Santoso` are
//! one candidate). Each is described by general features and scored with a handful of
//! hand-set weights; the best one wins.

use super::super::doc::Doc;
use super::names::Mention;

/// People looked back over, at most: the ranking stays linear in the document.
pub const MAX_CANDIDATE_MENTIONS: usize = 24;
/// Paragraphs looked back over.
pub const MAX_PARAGRAPHS_BACK: usize = 3;

/// Weights of the features, set by hand on half A of pfsa-dev (a grid of a few
/// settings; how often a name is mentioned helps little there, so it weighs little).
const SALIENT: f32 = 4.0;
const LAST_SPEAKER: f32 = 0.5;
const PER_PARAGRAPH_BACK: f32 = 2.0;
const MENTIONS: f32 = 0.2;
/// Per candidate nearer to the cue than this one.
const PER_RANK_BACK: f32 = 0.5;

/// One mention before the cue, as the context gives it.
#[derive(Debug, Clone, Copy)]
pub struct Seen {
    pub who: Mention,
    /// Char offset where it ends.
    pub end: usize,
    /// Subject of a verb, introduced as a speaker, or a quote's speaker.
    pub salient: bool,
    /// The speaker of the latest quote before the cue.
    pub last_speaker: bool,
    /// Paragraphs between it and the cue.
    pub paragraphs_back: usize,
}

/// A candidate: the mentions of one name.
struct Candidate {
    key: String,
    best: Seen,
    salient: bool,
    last_speaker: bool,
    mentions: usize,
    nearest_rank: usize,
    paragraphs_back: usize,
}

impl Candidate {
    fn score(&self) -> f32 {
        let flag = |b: bool, w: f32| if b { w } else { 0.0 };
        flag(self.salient, SALIENT) + flag(self.last_speaker, LAST_SPEAKER)
            - PER_PARAGRAPH_BACK * self.paragraphs_back as f32
            + MENTIONS * (self.mentions as f32).ln()
            - PER_RANK_BACK * self.nearest_rank as f32
    }
}

/// The name a mention is grouped by: its last word, lower-cased.
fn key_of(doc: &Doc, span: Option<(usize, usize)>) -> String {
    let Some((start, end)) = span else { return String::new() };
    let text = doc.text_of(start, end);
    text.split_whitespace().last().unwrap_or("").to_lowercase()
}

/// The best antecedent among `seen` (nearest first); `span` gives a mention's chars.
pub fn rank(doc: &Doc, seen: &[Seen], span: impl Fn(Mention) -> Option<(usize, usize)>) -> Option<Mention> {
    let mut candidates: Vec<Candidate> = Vec::new();
    for (rank, s) in seen.iter().enumerate() {
        let key = key_of(doc, span(s.who));
        match candidates.iter_mut().find(|c| !key.is_empty() && c.key == key) {
            Some(c) => {
                c.mentions += 1;
                c.salient |= s.salient;
                c.last_speaker |= s.last_speaker;
                // A salient mention stands for the person over a passing one.
                if s.salient && !c.best.salient {
                    c.best = *s;
                }
            }
            None => candidates.push(Candidate {
                key,
                best: *s,
                salient: s.salient,
                last_speaker: s.last_speaker,
                mentions: 1,
                nearest_rank: rank,
                paragraphs_back: s.paragraphs_back,
            }),
        }
    }
    let best =
        candidates.iter().max_by(|a, b| a.score().total_cmp(&b.score()).then(b.nearest_rank.cmp(&a.nearest_rank)));
    best.map(|c| c.best.who)
}
