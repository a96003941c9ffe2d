//! Speaker attribution learns from the annotator: every reviewed quotation whose
//! speaker the annotator kept or chose is a lesson for the speaker ranker. Where
//! the ranker (with the weights so far) would have put another candidate first,
//! the weights take one perceptron step towards the annotator's choice
//! ([`SpeakerWeights::learn_from_choice`]), so a project whose news attribute
//! speech in its own way (the last speaker more often than the nearest name, say)
//! gets suggestions that follow it. Documents are read in the order given and
//! quotations in reading order, so the same reviews give the same weights.

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHasher};

use crate::analysis::lexicon::Lexicon;
use crate::analysis::{CandidateFeatures, SpeakerWeights};
use crate::model::{Document, Quote, QuoteKind, Status};
use crate::speaker_ranking::SpeakerRanker;

/// Passes over the reviewed quotations, at most: the perceptron stops early once
/// a pass makes no mistake.
const PASSES: usize = 5;

/// What the speaker corrections of `docs` taught, starting from `base`, and how
/// many quotations taught (had a reviewed speaker among the candidates).
///
/// An averaged perceptron (the mean of the weights after every quotation, so
/// that the last few steps do not decide alone); and the learned weights are
/// kept only if they put the annotator's speaker first more often than `base`
/// on the project's own reviews — learning never makes them worse there.
pub fn learn_speaker_weights(docs: &[&Document], base: SpeakerWeights) -> (SpeakerWeights, usize) {
    learn_speaker_weights_cached(docs, base, &mut ExampleCache::default())
}

/// [`learn_speaker_weights`], with each document's lessons kept in `cache`
/// between calls: the app's learning worker relearns after every few saves, and
/// ranking every reviewed quotation of the project again each time would grow
/// with the project.
pub fn learn_speaker_weights_cached(
    docs: &[&Document],
    base: SpeakerWeights,
    cache: &mut ExampleCache,
) -> (SpeakerWeights, usize) {
    // The candidates and their features do not depend on the weights: each
    // quotation is ranked once, and the passes only score.
    let examples = cache.examples(docs, &base);
    let mut weights = base;
    let mut sum = Sum::default();
    for _ in 0..PASSES {
        let mut mistakes = 0;
        for example in &examples {
            let first = example.first(&weights);
            if first != example.chosen {
                weights.learn_from_choice(&example.candidates[example.chosen], &example.candidates[first]);
                mistakes += 1;
            }
            sum.add(&weights);
        }
        if mistakes == 0 {
            break;
        }
    }
    let averaged = sum.mean().unwrap_or(base);
    let right = |w: &SpeakerWeights| examples.iter().filter(|e| e.first(w) == e.chosen).count();
    let learned = if right(&averaged) > right(&base) { averaged } else { base };
    (learned, examples.len())
}

/// A running sum of weights, for their mean.
#[derive(Default)]
struct Sum {
    values: Vec<f64>,
    count: usize,
}

impl Sum {
    fn add(&mut self, weights: &SpeakerWeights) {
        let values = weights.values();
        self.values.resize(values.len(), 0.0);
        for (sum, value) in self.values.iter_mut().zip(values) {
            *sum += f64::from(value);
        }
        self.count += 1;
    }

    fn mean(&self) -> Option<SpeakerWeights> {
        let mut values = SpeakerWeights::default().values();
        if self.count == 0 || self.values.len() != values.len() {
            return None;
        }
        for (value, sum) in values.iter_mut().zip(&self.values) {
            *value = (sum / self.count as f64) as f32;
        }
        Some(SpeakerWeights::from_values(values))
    }
}

/// How often `weights` put the annotator's speaker first, over the reviewed
/// quotations of `docs` that can teach (as [`learn_speaker_weights`] counts
/// them): (right, asked).
pub fn ranking_accuracy(docs: &[&Document], weights: &SpeakerWeights) -> (usize, usize) {
    let examples = examples(docs, weights);
    (examples.iter().filter(|e| e.first(weights) == e.chosen).count(), examples.len())
}

fn examples(docs: &[&Document], base: &SpeakerWeights) -> Vec<Example> {
    examples_ranked_by(docs, &SpeakerRanker::new(*base, None))
}

fn examples_ranked_by(docs: &[&Document], ranker: &SpeakerRanker) -> Vec<Example> {
    docs.iter()
        .flat_map(|doc| doc.quotes().iter().filter(|q| is_reviewed_with_speaker(q)).map(|q| (*doc, q)))
        .filter_map(|(doc, quote)| Example::of(doc, quote, ranker))
        .collect()
}

/// Each document's lessons, by a fingerprint of its text and spans (and of the
/// base weights they were ranked with); a document that changed is ranked
/// again, and documents no longer asked about are dropped.
///
/// It also holds the project's own cues the quotations are read with
/// ([`ExampleCache::read_with_cues`]): a quotation at a cue only the project
/// knows names its speaker there, and must not teach as if its cue named no one.
#[derive(Debug, Default)]
pub struct ExampleCache {
    by_document: FxHashMap<u64, Vec<Example>>,
    /// The project's cues after and before a quote, and the ranker reading with
    /// them (the shipped word lists while there are none).
    cues: (BTreeSet<String>, BTreeSet<String>),
    reader: Option<SpeakerRanker>,
}

impl ExampleCache {
    /// Quotations are read with the shipped word lists and these cues (lower
    /// case) from now on; lessons read with other cues are dropped.
    pub fn read_with_cues(&mut self, after: &BTreeSet<String>, before: &BTreeSet<String>) {
        if self.cues.0 == *after && self.cues.1 == *before {
            return;
        }
        self.by_document.clear();
        self.cues = (after.clone(), before.clone());
        self.reader = (!after.is_empty() || !before.is_empty()).then(|| {
            let lex = Lexicon::with_extra_cues(after, before);
            SpeakerRanker::new(SpeakerWeights::default(), Some(Arc::new(lex)))
        });
    }

    fn ranker(&self, base: &SpeakerWeights) -> SpeakerRanker {
        match &self.reader {
            Some(reader) => reader.with_weights(*base),
            None => SpeakerRanker::new(*base, None),
        }
    }

    fn examples(&mut self, docs: &[&Document], base: &SpeakerWeights) -> Vec<Example> {
        let ranker = self.ranker(base);
        let mut kept = FxHashMap::default();
        let mut out = Vec::new();
        for doc in docs {
            let key = fingerprint(doc, base);
            let examples = match self.by_document.remove(&key).or_else(|| kept.remove(&key)) {
                Some(examples) => examples,
                None => examples_ranked_by(&[doc], &ranker),
            };
            out.extend(examples.iter().cloned());
            kept.insert(key, examples);
        }
        self.by_document = kept;
        out
    }
}

/// What a document's lessons are made from: its text, its entities and its
/// quotations (bounds, label or kind, speaker, cue, status), and the weights.
fn fingerprint(doc: &Document, base: &SpeakerWeights) -> u64 {
    let mut h = FxHasher::default();
    doc.text.as_str().hash(&mut h);
    for e in doc.entities() {
        (e.id.as_str(), e.start, e.end, e.label.as_str(), e.text.as_str(), e.status as u8).hash(&mut h);
    }
    for q in doc.quotes() {
        let cue = q.cue.as_ref().map(|c| (c.start, c.end));
        (q.id.as_str(), q.start, q.end, q.kind == QuoteKind::Direct, q.speaker.as_deref(), q.status as u8, cue)
            .hash(&mut h);
    }
    base.values().map(f32::to_bits).hash(&mut h);
    h.finish()
}

fn is_reviewed_with_speaker(quote: &Quote) -> bool {
    matches!(quote.status, Status::Accepted | Status::Manual) && quote.speaker.is_some()
}

/// One lesson: a quotation's candidates (in the ranker's order under the base
/// weights) and which of them the annotator chose.
#[derive(Debug, Clone)]
struct Example {
    candidates: Vec<CandidateFeatures>,
    chosen: usize,
}

impl Example {
    /// `None` when the annotator's speaker is no candidate of the ranker (outside
    /// its window, or a label it does not rank) or when the cue names the speaker:
    /// nothing to learn.
    fn of(doc: &Document, quote: &Quote, ranker: &SpeakerRanker) -> Option<Example> {
        let truth = doc.entity(quote.speaker.as_deref()?)?;
        let ranked = ranker.rank(doc, quote);
        // The ranker offers one mention per name: the annotator's may be another
        // mention of the same name.
        let same_name = |id: &str| doc.entity(id).is_some_and(|e| e.id == truth.id || e.text == truth.text);
        let chosen = ranked.iter().position(|c| same_name(&c.entity))?;
        // Where the cue names its speaker the name decides, not the ranking: such
        // a quotation teaches nothing about weighing the others.
        if ranked.iter().any(|c| c.features.named_at_cue) {
            return None;
        }
        Some(Example { candidates: ranked.into_iter().map(|c| c.features).collect(), chosen })
    }

    /// The candidate `weights` put first (the earlier one on a tie, as the ranker does).
    fn first(&self, weights: &SpeakerWeights) -> usize {
        let mut best = 0;
        for (i, features) in self.candidates.iter().enumerate().skip(1) {
            if weights.score(features) > weights.score(&self.candidates[best]) {
                best = i;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuoteKind;
    use crate::speaker_ranking::rank_document_speakers;

    /// Curly quotes, an emoji and CRLF: a report by Sari, then Dodi named, then a
    /// quote whose `-nya` cue the ranker gives to Sari — but in this project the
    /// annotator says such quotes go to the nearest name.
    const TEXT: &str = "Sari Wulan mengatakan jalan itu rusak.\r\nDodi Hartono 😀 tiba sore.\r\n\
        “Kami segera memperbaikinya,” ujarnya.\r\n";

    fn document(speaker: &str, status: Status) -> Document {
        let mut doc = Document::new(TEXT.to_owned(), None);
        let offset = |needle: &str| TEXT[..TEXT.find(needle).unwrap()].chars().count();
        for name in ["Sari Wulan", "Dodi Hartono"] {
            let start = offset(name);
            doc.apply(&doc.add_entity_edit(start, start + name.chars().count(), "PERSON").unwrap()).unwrap();
        }
        let quoted = "“Kami segera memperbaikinya,”";
        let start = offset(quoted);
        let id = doc.fresh_id("q");
        doc.apply(&doc.add_quote_edit(start, start + quoted.chars().count(), QuoteKind::Direct).unwrap()).unwrap();
        let who = doc.entities().iter().find(|e| e.text == speaker).unwrap().id.to_string();
        doc.apply(&doc.speaker_edit(&id, Some(&who)).unwrap()).unwrap();
        let quotes = doc.quotes().iter().map(|q| Quote { status, ..q.clone() }).collect();
        let entities = doc.entities().to_vec();
        doc.with_spans(entities, quotes)
    }

    fn leader(doc: &Document, weights: &SpeakerWeights) -> String {
        let quote = &doc.quotes()[0];
        let ranked = rank_document_speakers(doc, quote, weights);
        doc.entity(&ranked[0].entity).unwrap().text.to_string()
    }

    #[test]
    fn repeated_corrections_move_the_ranking_and_the_same_reviews_give_the_same_weights() {
        let base = SpeakerWeights::default();
        let corrected = document("Dodi Hartono", Status::Manual);
        assert_eq!(leader(&corrected, &base), "Sari Wulan", "the shipped ranking");
        let docs = vec![&corrected; 6];
        let (learned, taught) = learn_speaker_weights(&docs, base);
        assert_eq!(taught, 6);
        assert_ne!(learned, base);
        assert_eq!(leader(&corrected, &learned), "Dodi Hartono", "the project's convention won");
        assert_eq!(learn_speaker_weights(&docs, base).0, learned, "reproducible");
    }

    #[test]
    fn agreement_and_unreviewed_quotes_teach_nothing() {
        let base = SpeakerWeights::default();
        let kept = document("Sari Wulan", Status::Accepted);
        assert_eq!(learn_speaker_weights(&[&kept], base), (base, 1));
        let unreviewed = document("Dodi Hartono", Status::Suggested);
        assert_eq!(learn_speaker_weights(&[&unreviewed], base), (base, 0));
    }

    #[test]
    fn learning_never_ranks_the_projects_own_reviews_worse_than_the_shipped_weights() {
        let base = SpeakerWeights::default();
        let (sari, dodi) = (document("Sari Wulan", Status::Accepted), document("Dodi Hartono", Status::Manual));
        let docs = [&sari, &sari, &sari, &dodi];
        let (learned, _) = learn_speaker_weights(&docs, base);
        assert!(ranking_accuracy(&docs, &learned).0 >= ranking_accuracy(&docs, &base).0);
        assert_eq!(ranking_accuracy(&docs, &base), (3, 4));
    }

    #[test]
    fn the_cache_gives_what_learning_afresh_gives_and_follows_a_changed_document() {
        let base = SpeakerWeights::default();
        let corrected = document("Dodi Hartono", Status::Manual);
        let kept = document("Sari Wulan", Status::Accepted);
        let mut cache = ExampleCache::default();
        let docs = [&corrected, &corrected, &corrected, &kept];
        assert_eq!(learn_speaker_weights_cached(&docs, base, &mut cache), learn_speaker_weights(&docs, base));
        assert_eq!(cache.by_document.len(), 2, "one entry per distinct document");
        // The annotator changes their mind on the corrected document: it teaches anew.
        let docs = [&kept, &kept, &kept];
        assert_eq!(learn_speaker_weights_cached(&docs, base, &mut cache), (base, 3));
        assert_eq!(cache.by_document.len(), 1, "documents no longer asked about are dropped");
    }

    /// Curly quotes, an emoji and CRLF: the annotator gave a quotation at a cue
    /// only this project knows (`seloroh`) to the name right after it, named
    /// earlier too. Read with the shipped lists it looks like a quotation whose
    /// cue names no one (a lesson about weighing candidates); read with the
    /// project's cue it is named at its cue, and teaches nothing.
    #[test]
    fn a_quotation_at_a_projects_own_cue_teaches_nothing_about_weighing() {
        let text = "Sari Wulan mengatakan jalan itu rusak, Dodi Hartono diam.\r\n\
            “Kami tidak tahu 😀,” seloroh Dodi Hartono.\r\n";
        let mut doc = Document::new(text.to_owned(), None);
        let offset = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
        let last = text[..text.rfind("Dodi").unwrap()].chars().count();
        for (start, name) in [(offset("Sari"), "Sari Wulan"), (offset("Dodi"), "Dodi Hartono"), (last, "Dodi Hartono")]
        {
            doc.apply(&doc.add_entity_edit(start, start + name.chars().count(), "PERSON").unwrap()).unwrap();
        }
        let quoted = "“Kami tidak tahu 😀,”";
        let start = offset(quoted);
        let id = doc.fresh_id("q");
        doc.apply(&doc.add_quote_edit(start, start + quoted.chars().count(), QuoteKind::Direct).unwrap()).unwrap();
        let cue = offset("seloroh");
        doc.apply(&doc.cue_edit(&id, Some((cue, cue + "seloroh".len()))).unwrap()).unwrap();
        let dodi = doc.entities().iter().rfind(|e| e.text == "Dodi Hartono").unwrap().id.to_string();
        doc.apply(&doc.speaker_edit(&id, Some(&dodi)).unwrap()).unwrap();
        let quotes = doc.quotes().iter().map(|q| Quote { status: Status::Manual, ..q.clone() }).collect();
        let entities = doc.entities().to_vec();
        let doc = doc.with_spans(entities, quotes);
        let base = SpeakerWeights::default();
        assert_eq!(learn_speaker_weights(&[&doc], base).1, 1, "the shipped lists miss the cue");
        let mut cache = ExampleCache::default();
        let cues: BTreeSet<String> = ["seloroh".to_owned()].into();
        cache.read_with_cues(&cues, &BTreeSet::new());
        assert_eq!(learn_speaker_weights_cached(&[&doc], base, &mut cache), (base, 0));
        // Back to no cues of its own: the lessons read with the cue are dropped.
        cache.read_with_cues(&BTreeSet::new(), &BTreeSet::new());
        assert_eq!(learn_speaker_weights_cached(&[&doc], base, &mut cache).1, 1);
    }
}
