//! Keeping a document's spans sorted and findable by id as edits come in.
//!
//! Entities and quotes are kept sorted by `(start, end, id)`, with an index
//! from id to `(start, end)`: finding a span by id is a hash probe and a
//! binary search, and an edit moves at most one record, so accepting one
//! suggestion among 20,000 costs microseconds, not a scan or a sort.

use std::collections::HashMap;

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

/// Where each record of one list is, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdIndex {
    ranges: HashMap<String, (usize, usize)>,
}

impl IdIndex {
    pub fn of<T: Keyed>(items: &[T]) -> Self {
        Self { ranges: items.iter().map(|item| (item.id().to_owned(), item.range())).collect() }
    }

    /// The position of `id` in `items`, sorted by key; a scan if the index is
    /// stale (lists assigned directly), so that a lookup is never wrong.
    pub fn position<T: Keyed>(&self, items: &[T], id: &str) -> Option<usize> {
        if let Some(&(start, end)) = self.ranges.get(id) {
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
            index.ranges.remove(&id);
        }
        (None, None) => {}
        _ => return Err(EditError::Stale(id)),
    }
    if let Some(a) = after {
        let at = items.partition_point(|item| item.key() < a.key());
        items.insert(at, a.clone());
        index.ranges.insert(a.id().to_owned(), a.range());
    }
    Ok(())
}
