//! Keeping a document's spans sorted and findable by id as edits come in.
//!
//! Entities and quotes are kept sorted by `(start, end, id)`, with an index
//! from id to `(start, end)`: finding a span by id is a hash probe and a
//! binary search, and an edit moves at most one record, so accepting one
//! suggestion among 20,000 costs microseconds, not a scan or a sort.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use super::{EditError, Entity, Quote};

/// A record kept in sorted order.
pub trait Keyed: Clone + PartialEq {
    fn id(&self) -> &str;
    fn range(&self) -> (usize, usize);
    fn key(&self) -> (usize, usize, &str) {
        let (start, end) = self.range();
        (start, end, self.id())
    }
}

impl Keyed for Entity {
    fn id(&self) -> &str {
        &self.id
    }
    fn range(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

impl Keyed for Quote {
    fn id(&self) -> &str {
        &self.id
    }
    fn range(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

/// Where each record of one list is, by a 64-bit hash of its id.
///
/// Keys are hashes rather than owned ids, which would cost an allocation per
/// span: every hit is checked by the binary search on the full key, so a
/// collision (or a stale entry) only costs a scan, never a wrong answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdIndex {
    ranges: HashMap<u64, (usize, usize)>,
}

fn hash_of(id: &str) -> u64 {
    // `DefaultHasher::new` has fixed keys: the same id always hashes alike.
    let mut hasher = DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

impl IdIndex {
    pub fn of<T: Keyed>(items: &[T]) -> Self {
        Self { ranges: items.iter().map(|item| (hash_of(item.id()), item.range())).collect() }
    }

    /// The position of `id` in `items`, sorted by key; a scan if the index is
    /// stale (lists assigned directly) or two ids collide, so that a lookup is
    /// never wrong.
    pub fn position<T: Keyed>(&self, items: &[T], id: &str) -> Option<usize> {
        if let Some(&(start, end)) = self.ranges.get(&hash_of(id)) {
            if let Ok(i) = items.binary_search_by(|item| item.key().cmp(&(start, end, id))) {
                return Some(i);
            }
        }
        items.iter().position(|item| item.id() == id)
    }
}

/// Swaps `before` for `after` in `items`, checking that `items` holds exactly
/// `before` (None before: an addition; None after: a removal), keeping order
/// and index. Returns false when the list had to be re-sorted in full.
pub fn replace<T: Keyed>(
    items: &mut Vec<T>,
    index: &mut IdIndex,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<(), EditError> {
    let id = before.or(after).map(|r| r.id().to_owned()).ok_or(EditError::Empty)?;
    let position = index.position(items, &id);
    match (position, before) {
        (Some(i), Some(b)) if items.get(i) == Some(b) => {
            if after.is_some_and(|a| a.key() == b.key()) {
                // Same place (accept, relabel): overwrite, nothing moves.
                if let (Some(slot), Some(a)) = (items.get_mut(i), after) {
                    *slot = a.clone();
                }
                return Ok(());
            }
            items.remove(i);
            index.ranges.remove(&hash_of(&id));
        }
        (None, None) => {}
        _ => return Err(EditError::Stale(id)),
    }
    if let Some(a) = after {
        let at = items.partition_point(|item| item.key() < a.key());
        items.insert(at, a.clone());
        index.ranges.insert(hash_of(a.id()), a.range());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::tests::entity as entity_of;
    use crate::model::Document;

    /// An entity over `start..end` of a text of plain letters.
    fn entity(id: &str, start: usize, end: usize) -> Entity {
        entity_of(id, &Document::new("x".repeat(10), None), start, end)
    }

    #[test]
    fn a_colliding_or_stale_entry_costs_a_scan_never_a_wrong_answer() {
        let items = vec![entity("e1", 0, 2), entity("e2", 3, 5), entity("e3", 3, 5)];
        let mut index = IdIndex::of(&items);
        assert_eq!(index.position(&items, "e3"), Some(2));
        // As if "e3" hashed like "e1": its entry points at e1's range.
        index.ranges.insert(hash_of("e3"), (0, 2));
        assert_eq!(index.position(&items, "e3"), Some(2));
        assert_eq!(index.position(&items, "e9"), None);
    }

    #[test]
    fn replacing_moves_one_record_and_keeps_the_index() {
        let mut items = vec![entity("e1", 0, 2), entity("e2", 3, 5)];
        let mut index = IdIndex::of(&items);
        let moved = entity("e1", 6, 8);
        replace(&mut items, &mut index, Some(&entity("e1", 0, 2)), Some(&moved)).unwrap();
        assert_eq!(items.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["e2", "e1"]);
        assert_eq!(index.position(&items, "e1"), Some(1));
        replace(&mut items, &mut index, Some(&moved), None).unwrap();
        assert_eq!(index.position(&items, "e1"), None);
        assert!(replace(&mut items, &mut index, Some(&moved), None).is_err(), "a stale edit is refused");
    }
}
