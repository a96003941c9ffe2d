//! Refreshing suggestions with a newer model: a document's still-suggested spans
//! are replaced by what the model suggests now, as ONE edit (a batch), so a single
//! undo brings the old suggestions back. Reviewed spans (accepted, rejected,
//! manual) are never touched, and a new suggestion overlapping a reviewed span of
//! its kind is left out: the annotator already decided about that stretch of text.
//!
//! The app uses it for the open document ("Refresh suggestions") and, applied to a
//! loaded file, for the project's unopened documents after the model learned.

use std::collections::{HashMap, HashSet};

use crate::model::{Document, Edit, Entity, Quote, Status};

/// The edit that turns `current`'s open suggestions into `fresh`'s (a document of
/// the same text holding only new suggestions); `None` when nothing would change.
/// A suggestion the model still makes at the same place keeps its record and id.
pub fn refresh_edit(current: &Document, fresh: &Document) -> Option<Edit> {
    let open = |s: Status| s == Status::Suggested;
    // Suggested entities that speak a reviewed quotation stay: the quote needs them.
    let speakers: HashSet<&str> =
        current.quotes().iter().filter(|q| !open(q.status)).filter_map(|q| q.speaker.as_deref()).collect();
    let fixed_entity = |e: &Entity| !open(e.status) || speakers.contains(e.id.as_str());
    let mut ids = IdCounter::new(current);
    let mut edits = Vec::new();

    let mut labels = current.labels.clone();
    fresh.entities().iter().for_each(|e| labels.ensure(&e.label));
    if labels != current.labels {
        edits.push(Edit::Labels { before: current.labels.clone(), after: labels });
    }

    // Entities: fresh id -> id in the refreshed document (for quote speakers).
    let mut entity_id: HashMap<&str, String> = HashMap::new();
    let mut kept_entities: HashSet<&str> = HashSet::new();
    let mut added_entities = Vec::new();
    for new in fresh.entities() {
        let same = current.entities().iter().find(|e| (e.start, e.end, &e.label) == (new.start, new.end, &new.label));
        if let Some(old) = same {
            kept_entities.insert(old.id.as_str());
            entity_id.insert(new.id.as_str(), old.id.to_string());
        } else if !current.entities().iter().any(|e| fixed_entity(e) && overlaps(e.start, e.end, new.start, new.end)) {
            let id = ids.next("e");
            entity_id.insert(new.id.as_str(), id.clone());
            added_entities.push(Entity { id: id.into(), ..new.clone() });
        }
    }
    let removed_entities: Vec<&Entity> =
        current.entities().iter().filter(|e| !fixed_entity(e) && !kept_entities.contains(e.id.as_str())).collect();

    let speaker_of = |q: &Quote| q.speaker.as_deref().and_then(|s| entity_id.get(s)).map(|s| s.as_str().into());
    let mut kept_quotes: HashSet<&str> = HashSet::new();
    let (mut updated_quotes, mut added_quotes) = (Vec::new(), Vec::new());
    for new in fresh.quotes() {
        let same = current.quotes().iter().find(|q| (q.start, q.end) == (new.start, new.end));
        if let Some(old) = same {
            kept_quotes.insert(old.id.as_str());
            let after = Quote { id: old.id.clone(), speaker: speaker_of(new), ..new.clone() };
            if open(old.status) && after != *old {
                updated_quotes.push(Edit::Quote { before: Some(old.clone()), after: Some(after) });
            }
        } else if !current.quotes().iter().any(|q| !open(q.status) && overlaps(q.start, q.end, new.start, new.end)) {
            let quote = Quote { id: ids.next("q").into(), speaker: speaker_of(new), ..new.clone() };
            added_quotes.push(Edit::Quote { before: None, after: Some(quote) });
        }
    }
    let removed_quotes = current.quotes().iter().filter(|q| open(q.status) && !kept_quotes.contains(q.id.as_str()));

    edits.extend(removed_quotes.map(|q| Edit::Quote { before: Some(q.clone()), after: None }));
    edits.extend(removed_entities.into_iter().map(|e| Edit::Entity { before: Some(e.clone()), after: None }));
    edits.extend(added_entities.into_iter().map(|e| Edit::Entity { before: None, after: Some(e) }));
    edits.extend(updated_quotes);
    edits.extend(added_quotes);
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

fn overlaps(a_start: usize, a_end: usize, b_start: usize, b_end: usize) -> bool {
    a_start < b_end && b_start < a_end
}

/// Ids `e…`/`q…` above every numbered id the document has, so none is reused.
struct IdCounter {
    next: HashMap<&'static str, u64>,
}

impl IdCounter {
    fn new(doc: &Document) -> IdCounter {
        let above =
            |prefix: &str| doc.fresh_id(prefix).strip_prefix(prefix).and_then(|n| n.parse::<u64>().ok()).unwrap_or(1);
        IdCounter { next: HashMap::from([("e", above("e")), ("q", above("q"))]) }
    }

    fn next(&mut self, prefix: &'static str) -> String {
        let slot = self.next.entry(prefix).or_insert(1);
        let id = format!("{prefix}{slot}");
        *slot += 1;
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::test_fixtures as fixtures;
    use crate::model::SpanRef;

    /// Curly quotes, an emoji and CRLF line ends.
    const TEXT: &str = "“Kami siap 😀,” kata Ranti Purnomo.\r\nBesok Ranti ke Sumedang bersama Dodi.";

    /// A suggestion as the tagger makes them here, with its confidence.
    fn entity(id: &str, word: &str, label: &str, status: Status) -> Entity {
        Entity { confidence: Some(0.5), ..fixtures::entity(id, TEXT, word, label, status) }
    }

    fn quote(id: &str, speaker: Option<&str>, status: Status) -> Quote {
        Quote { speaker: speaker.map(Into::into), ..fixtures::quote(id, TEXT, "“Kami siap 😀,”", status) }
    }

    fn doc(entities: Vec<Entity>, quotes: Vec<Quote>) -> Document {
        fixtures::document(TEXT, entities, quotes)
    }

    #[test]
    fn open_suggestions_are_replaced_and_reviewed_spans_kept_in_one_undoable_edit() {
        use Status::{Accepted, Rejected, Suggested};
        let current = doc(
            vec![
                entity("e1", "Ranti Purnomo", "PERSON", Suggested),
                entity("e2", "Sumedang", "PERSON", Suggested),
                entity("e3", "Dodi", "LOC", Rejected),
                entity("e4", "Besok", "PERSON", Accepted),
            ],
            vec![quote("q1", Some("e1"), Suggested)],
        );
        let fresh = doc(
            vec![
                entity("e1", "Ranti Purnomo", "PERSON", Suggested),
                entity("e2", "Sumedang", "LOC", Suggested),
                entity("e3", "Dodi", "PERSON", Suggested),
                entity("e4", "Ranti", "PERSON", Suggested),
            ],
            vec![quote("q1", Some("e1"), Suggested)],
        );
        let edit = refresh_edit(&current, &fresh).expect("something changes");
        let mut refreshed = current.clone();
        refreshed.apply(&edit).expect("applies");
        let spans: Vec<(&str, &str, Status)> =
            refreshed.entities().iter().map(|e| (e.text.as_str(), e.label.as_str(), e.status)).collect();
        assert!(spans.contains(&("Ranti Purnomo", "PERSON", Suggested)), "{spans:?}");
        assert!(spans.contains(&("Sumedang", "LOC", Suggested)), "{spans:?}");
        assert!(spans.contains(&("Ranti", "PERSON", Suggested)), "{spans:?}");
        assert!(spans.contains(&("Dodi", "LOC", Rejected)), "the rejected span stays: {spans:?}");
        assert!(!spans.contains(&("Dodi", "PERSON", Suggested)), "not suggested over a reviewed span: {spans:?}");
        assert!(!spans.contains(&("Sumedang", "PERSON", Suggested)), "{spans:?}");
        assert!(spans.contains(&("Besok", "PERSON", Accepted)));
        assert_eq!(refreshed.entity("e1").map(|e| e.text.as_str()), Some("Ranti Purnomo"), "kept with its id");
        assert_eq!(refreshed.quotes()[0].speaker.as_deref(), Some("e1"));
        let ids: HashSet<&str> = refreshed.entities().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), refreshed.entities().len(), "ids stay unique");
        refreshed.apply(&edit.inverse()).expect("undoes");
        assert_eq!(refreshed.entities(), current.entities(), "one undo restores everything");
        assert_eq!(refreshed.quotes(), current.quotes());
        assert_eq!(refresh_edit(&current, &current), None, "the same suggestions change nothing");
    }

    #[test]
    fn a_suggested_speaker_of_a_reviewed_quote_stays() {
        let current = doc(
            vec![entity("e1", "Ranti Purnomo", "PERSON", Status::Suggested)],
            vec![quote("q1", Some("e1"), Status::Accepted)],
        );
        let fresh = doc(vec![entity("e1", "Ranti", "PERSON", Status::Suggested)], vec![]);
        let edit = refresh_edit(&current, &fresh);
        let mut refreshed = current.clone();
        if let Some(edit) = edit {
            refreshed.apply(&edit).expect("applies");
        }
        assert!(refreshed.entity("e1").is_some());
        assert!(refreshed.range_of(&SpanRef::Quote("q1".into())).is_some());
        assert!(!refreshed.entities().iter().any(|e| e.text == "Ranti"), "overlaps the kept speaker");
    }
}
