//! Learning a model from reviewed documents: [`Learner::learn`] turns each document
//! into its [`Lesson`], prepares them (features on all cores) and runs
//! [`learning::learn`] from the base weights over them in id order, so the same
//! reviewed documents give the same weights whatever order they come in.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::lesson::{lesson_of, Lesson, LessonOptions};
use super::model_file::{shipped_weights, ModelFileError};
use crate::analysis::lexicon::Lexicon;
use crate::analysis::tagger::conll_reader::Article;
use crate::analysis::tagger::evidence::Evidence;
use crate::analysis::tagger::learning::{self, LearnConfig, LearnStats};
use crate::analysis::tagger::weights::Weights;
use crate::model::Document;
use crate::store::text_hash;

/// A reviewed document to learn from, named by a stable id (a project's article
/// id, or a file path).
#[derive(Debug, Clone, Copy)]
pub struct LearnDoc<'a> {
    pub id: &'a str,
    pub document: &'a Document,
}

/// Which documents a model learned from, at which text, and what they taught.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LearnRecord {
    /// What the learning started from: `shipped`, or the base model's file.
    pub base: String,
    pub epochs: usize,
    pub rate: f32,
    pub seed: u64,
    /// Whether the model adopted the conventions of the whole documents.
    pub conventions: bool,
    /// In the order learned (by id).
    pub documents: Vec<LearnedDoc>,
    /// Sentences the reviews constrain.
    pub sentences: usize,
}

impl LearnRecord {
    /// Names taught, over all documents.
    pub fn names(&self) -> usize {
        self.documents.iter().map(|d| d.names).sum()
    }

    /// Rejected spans taught, over all documents.
    pub fn not_names(&self) -> usize {
        self.documents.iter().map(|d| d.not_names).sum()
    }
}

/// One document a model learned from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnedDoc {
    pub id: String,
    /// `store::text_hash` of its text.
    pub text_hash: String,
    /// [`Lesson::fingerprint`] of its review.
    pub review: String,
    /// Taught whole (done or imported) rather than partially.
    pub whole: bool,
    pub names: usize,
    pub not_names: usize,
}

/// A model learned from documents, with its record.
#[derive(Debug, Clone)]
pub struct Learned {
    pub weights: Weights,
    pub record: LearnRecord,
    pub stats: LearnStats,
    /// Time taken, features included.
    pub elapsed: Duration,
}

/// Learns from reviewed documents, starting from base weights.
pub struct Learner {
    evidence: Evidence,
    base: Weights,
    base_name: String,
    config: LearnConfig,
    options: LessonOptions,
}

impl Learner {
    /// Starting from the shipped model.
    pub fn shipped() -> Result<Learner, ModelFileError> {
        Ok(Learner::new(shipped_weights()?, "shipped"))
    }

    /// Starting from `base` (named `base_name` in the record).
    pub fn new(base: Weights, base_name: impl Into<String>) -> Learner {
        Learner {
            evidence: Evidence::new(&Arc::new(Lexicon::new())),
            base,
            base_name: base_name.into(),
            config: LearnConfig::default(),
            options: LessonOptions::default(),
        }
    }

    pub fn with_config(mut self, config: LearnConfig) -> Learner {
        self.config = config;
        self
    }

    pub fn with_options(mut self, options: LessonOptions) -> Learner {
        self.options = options;
        self
    }

    pub fn base(&self) -> &Weights {
        &self.base
    }

    pub fn options(&self) -> LessonOptions {
        self.options
    }

    /// What each document teaches, in id order (documents that teach nothing, or
    /// are too long to learn from, left out).
    pub fn lessons<'a>(&self, docs: &[LearnDoc<'a>]) -> Vec<(LearnDoc<'a>, Lesson)> {
        let mut sorted: Vec<LearnDoc> = docs.iter().filter(|d| !too_long(d)).copied().collect();
        sorted.sort_by(|a, b| a.id.cmp(b.id));
        sorted.into_iter().filter_map(|d| Some((d, lesson_of(d.document, self.options)?))).collect()
    }

    /// The documents left out for their length, with the reason, to report.
    pub fn too_long<'a>(&self, docs: &[LearnDoc<'a>]) -> Vec<(&'a str, String)> {
        docs.iter()
            .filter(|d| too_long(d))
            .map(|d| {
                let reason =
                    format!("{} bytes of text, over the {MAX_LEARN_BYTES} learning reads", d.document.text.len());
                (d.id, reason)
            })
            .collect()
    }

    /// The base weights after learning from `docs`.
    pub fn learn(&self, docs: &[LearnDoc]) -> Learned {
        let started = Instant::now();
        let lessons = self.lessons(docs);
        let prepared: Vec<learning::Prepared> = lessons
            .par_iter()
            .map(|(d, lesson)| learning::prepare(&d.document.text, &lesson.review, &self.evidence, &self.base))
            .collect();
        let (mut weights, stats) = learning::learn(&self.base, &prepared, &self.config);
        if self.config.conventions {
            learning::adopt_conventions(&mut weights, &whole_articles(&lessons));
        }
        let record = LearnRecord {
            base: self.base_name.clone(),
            epochs: self.config.epochs,
            rate: self.config.rate,
            seed: self.config.seed,
            conventions: self.config.conventions,
            documents: lessons.iter().map(|(d, lesson)| learned_doc(d, lesson)).collect(),
            sentences: stats.sentences,
        };
        Learned { weights, record, stats, elapsed: started.elapsed() }
    }

    /// Whether `record` is what learning from `docs` now would record (same base,
    /// settings, documents, texts and reviews): if so, there is nothing to relearn.
    pub fn is_current(&self, record: &LearnRecord, docs: &[LearnDoc]) -> bool {
        let same_settings = record.base == self.base_name
            && record.epochs == self.config.epochs
            && record.rate == self.config.rate
            && record.seed == self.config.seed
            && record.conventions == self.config.conventions;
        let now: Vec<LearnedDoc> = self.lessons(docs).iter().map(|(d, lesson)| learned_doc(d, lesson)).collect();
        same_settings && now == record.documents
    }
}

/// Longest text learned from: its features take about 50 times its size while
/// learning, so a huge document (or a hostile one) cannot exhaust memory.
pub const MAX_LEARN_BYTES: usize = 2 * 1024 * 1024;

fn too_long(d: &LearnDoc) -> bool {
    d.document.text.len() > MAX_LEARN_BYTES
}

/// The documents taught whole, as articles with their names.
fn whole_articles(lessons: &[(LearnDoc, Lesson)]) -> Vec<Article> {
    lessons
        .iter()
        .filter(|(_, lesson)| lesson.whole())
        .map(|(d, lesson)| Article {
            text: d.document.text.to_string(),
            entities: lesson.review.names.clone(),
            domain: 0,
        })
        .collect()
}

fn learned_doc(d: &LearnDoc, lesson: &Lesson) -> LearnedDoc {
    LearnedDoc {
        id: d.id.to_owned(),
        text_hash: text_hash(&d.document.text),
        review: lesson.fingerprint(),
        whole: lesson.whole(),
        names: lesson.names(),
        not_names: lesson.not_names(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tagger::model_io::to_bytes;
    use crate::analysis::Analyzer;
    use crate::annotate::suggest_document;
    use crate::model::{DoneMark, Entity, Status};

    /// Curly quotes, an emoji and CRLF line ends, with made-up names.
    const TEXT: &str = "“Kami siap 😀 membantu,” kata Wulandari Kusumo di Kuningan.\r\n\r\n\
Menurut Wulandari Kusumo, Paguyuban Sekar Langit akan datang ke Kuningan pekan depan.\r\n";

    fn word(text: &str, w: &str) -> (usize, usize) {
        let chars: Vec<char> = text.chars().collect();
        let n = w.chars().count();
        let s = (0..chars.len()).find(|&i| chars[i..].iter().take(n).collect::<String>() == w).expect("word");
        (s, s + n)
    }

    fn manual(id: &str, text: &str, w: &str, label: &str) -> Entity {
        let (start, end) = word(text, w);
        Entity {
            id: id.into(),
            start,
            end,
            label: label.into(),
            text: w.into(),
            status: Status::Manual,
            source: "annotator".into(),
            confidence: None,
            annotator: None,
            changed_at: None,
        }
    }

    fn done_doc() -> Document {
        let entities =
            vec![manual("e1", TEXT, "Wulandari Kusumo", "PERSON"), manual("e2", TEXT, "Paguyuban Sekar Langit", "ORG")];
        let mut d = Document::new(TEXT.to_owned(), None).with_spans(entities, Vec::new());
        d.done = Some(DoneMark::default());
        d.validated().expect("valid")
    }

    #[test]
    fn learns_from_curly_quotes_emoji_and_crlf_and_does_so_reproducibly() {
        let learner = Learner::shipped().expect("shipped model");
        let doc = done_doc();
        let docs = [LearnDoc { id: "crlf.txt", document: &doc }];
        let a = learner.learn(&docs);
        let b = learner.learn(&docs);
        assert_eq!(to_bytes(&a.weights), to_bytes(&b.weights), "the same documents give the same weights");
        assert_ne!(to_bytes(&a.weights), to_bytes(learner.base()), "the done document taught something");
        assert_eq!(a.record.documents.len(), 1);
        assert!(a.record.documents[0].whole);
        assert_eq!(a.record.names(), 2);
        let suggested = Analyzer::with_weights(a.weights).analyze(TEXT);
        let found: Vec<(usize, usize, &str)> =
            suggested.entities.iter().map(|e| (e.start, e.end, e.label.as_str())).collect();
        let (os, oe) = word(TEXT, "Paguyuban Sekar Langit");
        assert!(found.contains(&(os, oe, "ORG")), "{found:?}");
        assert!(learner.is_current(&a.record, &docs));
    }

    #[test]
    fn a_huge_document_is_left_out_and_named() {
        let learner = Learner::shipped().expect("shipped model");
        let huge = Document::new("Budi 😀 pergi ke Medan.\r\n".repeat(MAX_LEARN_BYTES / 20), None);
        let mut huge = huge;
        huge.done = Some(DoneMark::default());
        let small = done_doc();
        let docs = [LearnDoc { id: "huge", document: &huge }, LearnDoc { id: "small", document: &small }];
        assert_eq!(learner.lessons(&docs).len(), 1);
        let named = learner.too_long(&docs);
        assert_eq!(named.len(), 1);
        assert_eq!(named[0].0, "huge");
        assert!(named[0].1.contains("bytes of text"), "{named:?}");
    }

    #[test]
    fn the_order_documents_come_in_does_not_matter() {
        let learner = Learner::shipped().expect("shipped model");
        let (a, b) = (done_doc(), suggest_document("Budi pergi ke Medan.".to_owned(), None, &Analyzer::new()));
        let accepted = b.entities().iter().map(|e| Entity { status: Status::Accepted, ..e.clone() }).collect();
        let b = b.clone().with_spans(accepted, b.quotes().to_vec());
        let one = learner.learn(&[LearnDoc { id: "a", document: &a }, LearnDoc { id: "b", document: &b }]);
        let two = learner.learn(&[LearnDoc { id: "b", document: &b }, LearnDoc { id: "a", document: &a }]);
        assert_eq!(to_bytes(&one.weights), to_bytes(&two.weights));
        let changed = done_doc();
        let id = changed.entities()[1].id.clone();
        let relabelled = changed.clone();
        let mut relabelled = relabelled;
        relabelled.apply(&relabelled.relabel_edit(&id, "LOC").expect("relabel")).expect("apply");
        assert!(!learner.is_current(
            &one.record,
            &[LearnDoc { id: "a", document: &relabelled }, LearnDoc { id: "b", document: &b }]
        ));
    }
    #[test]
    fn a_rejected_suggestion_is_not_suggested_again_in_the_same_context() {
        let text = "Warga mengeluhkan banjir.\r\n“Air naik sejak pagi 😀,” kata Pak Darto.\r\n\
Kopi Kenangan Senja dibuka di Jalan Merdeka.";
        let shipped = Analyzer::new();
        let mut doc = suggest_document(text.to_owned(), None, &shipped);
        let wrong = word(text, "Kenangan");
        let street = word(text, "Jalan Merdeka");
        let at = |d: &Document, span: (usize, usize), label: &str| {
            d.entities().iter().position(|e| (e.start, e.end) == span && e.label == label)
        };
        let (Some(w), Some(s)) = (at(&doc, wrong, "LOC"), at(&doc, street, "LOC")) else {
            panic!("the shipped model no longer makes this mistake: {:?}", doc.entities());
        };
        let entity = |i: usize| crate::model::SpanRef::Entity(doc.entities()[i].id.clone());
        let (w, s) = (entity(w), entity(s));
        doc.apply(&doc.reject_edit(&w).expect("reject")).expect("apply");
        doc.apply(&doc.accept_edit(&s).expect("accept")).expect("apply");
        let learner = Learner::shipped().expect("shipped model");
        let learned = learner.learn(&[LearnDoc { id: "a.txt", document: &doc }]);
        assert!(!learned.record.documents[0].whole, "in progress: only what was reviewed");
        assert_eq!((learned.record.names(), learned.record.not_names()), (1, 1));
        let again = suggest_document(text.to_owned(), None, &Analyzer::with_weights(learned.weights));
        assert_eq!(at(&again, wrong, "LOC"), None, "{:?}", again.entities());
        assert!(at(&again, street, "LOC").is_some(), "the accepted place is still suggested: {:?}", again.entities());
    }
}
