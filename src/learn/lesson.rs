//! What a reviewed document teaches the tagger.
//!
//! - marked **done**: its whole text — accepted and manual PERSON / ORG / LOC spans
//!   are the names, every other token is outside a name;
//! - **in progress**: only what was reviewed — accepted (relabelled, re-bounded) and
//!   manual spans are names, rejected ones are not, the rest is left open;
//! - **imported** (every span accepted or manual, none suggested or rejected, no done
//!   mark: what `sorot import` writes): taught as done, unless the caller asks to
//!   treat such documents as partial.
//!
//! Spans of other labels (DATE, a project's own labels) are no tagger name: in a
//! whole document their tokens are outside a name like any other text.

use crate::analysis::tagger::conll_reader::label_of;
use crate::analysis::tagger::partial::Review;
use crate::analysis::Label;
use crate::model::{Document, Status};

/// How documents that look imported are taught.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LessonOptions {
    /// Teach fully reviewed documents without a done mark as partial (`--partial`).
    pub imported_as_partial: bool,
}

/// A document's review, as the tagger learns it.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    pub review: Review,
}

impl Lesson {
    /// Is the whole text taught (done or imported)?
    pub fn whole(&self) -> bool {
        self.review.whole
    }

    /// Names taught.
    pub fn names(&self) -> usize {
        self.review.names.len()
    }

    /// Rejected spans taught as no name.
    pub fn not_names(&self) -> usize {
        self.review.not_names.len()
    }

    /// A fingerprint of what is taught, so a changed review is noticed.
    pub fn fingerprint(&self) -> String {
        let mut key = format!("whole={};", self.review.whole);
        for (s, e, l) in &self.review.names {
            key.push_str(&format!("{s}-{e}:{};", l.as_str()));
        }
        for (s, e) in &self.review.not_names {
            key.push_str(&format!("{s}-{e}:no;"));
        }
        crate::store::text_hash(&key)
    }
}

/// The tagger label of a document label (`PERSON`, `PER`, `Organisation`, `place` …).
pub fn tagger_label(name: &str) -> Option<Label> {
    label_of(&name.to_uppercase())
}

/// What `doc` teaches, or `None` when nothing in it was reviewed.
pub fn lesson_of(doc: &Document, options: LessonOptions) -> Option<Lesson> {
    let statuses = || doc.entities().iter().map(|e| e.status).chain(doc.quotes().iter().map(|q| q.status));
    let any_span = statuses().next().is_some();
    let all_reviewed = statuses().all(Status::is_reviewed);
    let whole = doc.done.is_some() || (any_span && all_reviewed && !options.imported_as_partial);
    let mut review = Review { whole, ..Review::default() };
    for e in doc.entities() {
        let label = tagger_label(&e.label);
        match (e.status, label) {
            (Status::Accepted | Status::Manual, Some(label)) => review.names.push((e.start, e.end, label)),
            // A reviewed span of another label (a date) is no person, organisation or place.
            (Status::Accepted | Status::Manual, None) if !whole => review.not_names.push((e.start, e.end)),
            (Status::Rejected, Some(_)) => review.not_names.push((e.start, e.end)),
            _ => {}
        }
    }
    let teaches = whole || !review.names.is_empty() || !review.not_names.is_empty();
    teaches.then_some(Lesson { review })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::test_fixtures::{self as fixtures, entity, span_of};
    use crate::model::Entity;

    const TEXT: &str = "“Ani” 🙂 ke Bandung,\r\nkata Budi pada 1 Mei.";

    fn doc(entities: Vec<Entity>, done: bool) -> Document {
        if done {
            fixtures::done_document(TEXT, entities, Vec::new())
        } else {
            fixtures::document(TEXT, entities, Vec::new())
        }
    }

    fn at(word: &str) -> (usize, usize) {
        span_of(TEXT, word)
    }

    #[test]
    fn a_done_document_teaches_its_names_in_code_points() {
        let (a, b) = (at("Ani"), at("Bandung"));
        let d = doc(
            vec![
                entity("e1", TEXT, "Ani", "PERSON", Status::Accepted),
                entity("e2", TEXT, "Bandung", "LOC", Status::Manual),
                entity("e3", TEXT, "1 Mei", "DATE", Status::Accepted),
                entity("e4", TEXT, "Budi", "PERSON", Status::Suggested),
            ],
            true,
        );
        let lesson = lesson_of(&d, LessonOptions::default()).expect("teaches");
        assert!(lesson.whole());
        assert_eq!(lesson.review.names, vec![(a.0, a.1, Label::Person), (b.0, b.1, Label::Loc)]);
        assert!(lesson.review.not_names.is_empty());
    }

    #[test]
    fn in_progress_teaches_only_what_was_reviewed() {
        let (a, b, c) = (at("Ani"), at("Bandung"), at("1 Mei"));
        let d = doc(
            vec![
                entity("e1", TEXT, "Ani", "Person", Status::Accepted),
                entity("e2", TEXT, "Bandung", "ORG", Status::Rejected),
                entity("e3", TEXT, "1 Mei", "DATE", Status::Accepted),
                entity("e4", TEXT, "Budi", "PERSON", Status::Suggested),
            ],
            false,
        );
        let lesson = lesson_of(&d, LessonOptions::default()).expect("teaches");
        assert!(!lesson.whole());
        assert_eq!(lesson.review.names, vec![(a.0, a.1, Label::Person)]);
        assert_eq!(lesson.review.not_names, vec![b, c]);
    }

    #[test]
    fn imported_documents_are_whole_unless_partial_is_asked() {
        let d = doc(vec![entity("e1", TEXT, "Ani", "PER", Status::Accepted)], false);
        assert!(lesson_of(&d, LessonOptions::default()).expect("teaches").whole());
        let partial = lesson_of(&d, LessonOptions { imported_as_partial: true }).expect("teaches");
        assert!(!partial.whole());
        assert!(lesson_of(&doc(vec![], false), LessonOptions::default()).is_none());
        let untouched = doc(vec![entity("e1", TEXT, "Ani", "PERSON", Status::Suggested)], false);
        assert!(lesson_of(&untouched, LessonOptions::default()).is_none());
    }

    #[test]
    fn the_fingerprint_follows_the_review() {
        let accepted = doc(vec![entity("e1", TEXT, "Ani", "PERSON", Status::Accepted)], true);
        let relabelled = doc(vec![entity("e1", TEXT, "Ani", "ORG", Status::Accepted)], true);
        let f = |d: &Document| lesson_of(d, LessonOptions::default()).expect("teaches").fingerprint();
        assert_eq!(f(&accepted), f(&accepted.clone()));
        assert_ne!(f(&accepted), f(&relabelled));
    }
}
