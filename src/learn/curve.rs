//! Is the model getting better? For each reviewed document, in review order, the
//! suggestions it had when the annotator first opened it are scored against what the
//! annotator saved: precision and recall per label (exact span and label) and for
//! quotations (a suggestion matches a saved quotation it covers 80 % of, one to one).
//!
//! The app records [`Opened`] when a document is first opened ([`super::ReviewLog`])
//! and draws the curve from [`learning_curve`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Document, Status};

/// Share of a saved quotation a suggested one must cover to count as found.
const QUOTE_OVERLAP: f64 = 0.8;

/// The open suggestions of a document when it was first opened.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Opened {
    pub id: String,
    /// `(start, end, label)`, code points.
    pub entities: Vec<(usize, usize, String)>,
    /// `(start, end)`, code points.
    pub quotes: Vec<(usize, usize)>,
}

impl Opened {
    /// The suggestions `doc` has now (call it before the annotator changes anything).
    pub fn of(id: &str, doc: &Document) -> Opened {
        let open = |s: Status| s == Status::Suggested;
        Opened {
            id: id.to_owned(),
            entities: doc
                .entities()
                .iter()
                .filter(|e| open(e.status))
                .map(|e| (e.start, e.end, e.label.to_string()))
                .collect(),
            quotes: doc.quotes().iter().filter(|q| open(q.status)).map(|q| (q.start, q.end)).collect(),
        }
    }
}

/// How many suggestions were right, of how many, against how many saved spans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub matched: usize,
    pub suggested: usize,
    pub saved: usize,
}

impl Counts {
    /// `None` when nothing was suggested.
    pub fn precision(&self) -> Option<f64> {
        (self.suggested > 0).then(|| self.matched as f64 / self.suggested as f64)
    }

    /// `None` when nothing was saved.
    pub fn recall(&self) -> Option<f64> {
        (self.saved > 0).then(|| self.matched as f64 / self.saved as f64)
    }

    pub fn f1(&self) -> Option<f64> {
        let total = self.suggested + self.saved;
        (total > 0).then(|| 2.0 * self.matched as f64 / total as f64)
    }

    fn add(&mut self, other: Counts) {
        self.matched += other.matched;
        self.suggested += other.suggested;
        self.saved += other.saved;
    }
}

/// One document's point of the curve.
#[derive(Debug, Clone, PartialEq)]
pub struct CurvePoint {
    pub id: String,
    /// All entity labels together.
    pub entities: Counts,
    pub by_label: BTreeMap<String, Counts>,
    pub quotes: Counts,
}

/// Scores what was suggested at opening against what `saved` holds (accepted and
/// manual spans).
pub fn point(opened: &Opened, saved: &Document) -> CurvePoint {
    let truth: Vec<(usize, usize, &str)> = saved
        .entities()
        .iter()
        .filter(|e| e.status.is_reviewed())
        .map(|e| (e.start, e.end, e.label.as_str()))
        .collect();
    let mut by_label: BTreeMap<String, Counts> = BTreeMap::new();
    for &(_, _, label) in &truth {
        by_label.entry(label.to_owned()).or_default().saved += 1;
    }
    for (s, e, label) in &opened.entities {
        let slot = by_label.entry(label.clone()).or_default();
        slot.suggested += 1;
        if truth.contains(&(*s, *e, label.as_str())) {
            slot.matched += 1;
        }
    }
    let mut entities = Counts::default();
    by_label.values().for_each(|c| entities.add(*c));
    let saved_quotes: Vec<(usize, usize)> =
        saved.quotes().iter().filter(|q| q.status.is_reviewed()).map(|q| (q.start, q.end)).collect();
    CurvePoint { id: opened.id.clone(), entities, by_label, quotes: quote_counts(&opened.quotes, &saved_quotes) }
}

/// One-to-one matches of suggested to saved quotations, in order.
fn quote_counts(suggested: &[(usize, usize)], saved: &[(usize, usize)]) -> Counts {
    let mut used = vec![false; saved.len()];
    let mut matched = 0;
    for &(s, e) in suggested {
        let hit = saved.iter().enumerate().position(|(i, &(ts, te))| {
            let overlap = e.min(te).saturating_sub(s.max(ts));
            !used[i] && te > ts && overlap as f64 >= QUOTE_OVERLAP * (te - ts) as f64
        });
        if let Some(i) = hit {
            used[i] = true;
            matched += 1;
        }
    }
    Counts { matched, suggested: suggested.len(), saved: saved.len() }
}

/// The curve over `reviews` (what each document had when opened, what was saved),
/// in the order given: review order.
pub fn learning_curve(reviews: &[(&Opened, &Document)]) -> Vec<CurvePoint> {
    reviews.iter().map(|(opened, saved)| point(opened, saved)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::test_fixtures::{document, entity, quote};

    const TEXT: &str = "“Kami siap 🙂,” kata Ani di Bandung.\r\nBudi pulang.";
    const QUOTED: &str = "“Kami siap 🙂,”";

    #[test]
    fn suggestions_at_opening_are_scored_against_the_saved_review() {
        let before = document(
            TEXT,
            vec![
                entity("e1", TEXT, "Ani", "PERSON", Status::Suggested),
                entity("e2", TEXT, "Bandung", "ORG", Status::Suggested),
                entity("e3", TEXT, "Budi", "PERSON", Status::Suggested),
            ],
            vec![quote("q1", TEXT, QUOTED, Status::Suggested)],
        );
        let opened = Opened::of("a.txt", &before);
        let after = document(
            TEXT,
            vec![
                entity("e1", TEXT, "Ani", "PERSON", Status::Accepted),
                entity("e2", TEXT, "Bandung", "LOC", Status::Accepted),
                entity("e3", TEXT, "Budi", "PERSON", Status::Rejected),
            ],
            vec![quote("q1", TEXT, QUOTED, Status::Accepted)],
        );
        let curve = learning_curve(&[(&opened, &after)]);
        let p = &curve[0];
        assert_eq!(p.entities, Counts { matched: 1, suggested: 3, saved: 2 });
        assert_eq!(p.by_label["PERSON"], Counts { matched: 1, suggested: 2, saved: 1 });
        assert_eq!(p.by_label["LOC"], Counts { matched: 0, suggested: 0, saved: 1 });
        assert_eq!(p.by_label["ORG"].precision(), Some(0.0));
        assert_eq!(p.quotes, Counts { matched: 1, suggested: 1, saved: 1 });
        assert_eq!(p.entities.recall(), Some(0.5));
        assert_eq!(Counts::default().f1(), None);
    }
}
