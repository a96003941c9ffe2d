//! Finding the spans at a position without scanning them all.
//!
//! Entities and quotes are kept sorted by start. A span that overlaps
//! `a..b` starts before `b` and ends after `a`; since no span is longer than
//! the longest one, it also starts after `a - longest`. Two binary searches
//! bound the candidates, so a lookup costs O(log n + k) for k spans in reach:
//! what lets a long document with thousands of spans draw only what is on screen.

use super::{Document, Entity, Quote};

/// How far the spans of a document reach, derived from its annotations.
///
/// An upper bound: edits only widen it, so two documents with the same spans
/// may hold different reaches. It is not content, hence equal whatever it holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct SpanReach {
    longest_entity: usize,
    /// Longest extent of a quote together with its cue.
    longest_quote: usize,
    /// How far before its quote a cue may start (`Putin berkata, “…”`).
    longest_cue_lead: usize,
}

impl PartialEq for SpanReach {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl SpanReach {
    pub(super) fn of(entities: &[Entity], quotes: &[Quote]) -> Self {
        let longest_entity = entities.iter().map(|e| e.end.saturating_sub(e.start)).max().unwrap_or(0);
        let extent = |q: &Quote| {
            let cue = q.cue.as_ref().map_or((q.start, q.end), |c| (c.start, c.end));
            (q.start.min(cue.0), q.end.max(cue.1))
        };
        let longest_quote = quotes.iter().map(|q| extent(q).1 - q.start).max().unwrap_or(0);
        let longest_cue_lead = quotes.iter().map(|q| q.start - extent(q).0).max().unwrap_or(0);
        Self { longest_entity, longest_quote, longest_cue_lead }
    }

    /// Widens the reach for an entity added or moved by an edit. (A removal
    /// leaves it wider than needed, which costs a little, never a miss.)
    pub(super) fn include_entity(&mut self, entity: Option<&Entity>) {
        let grown = Self::of(entity.map(std::slice::from_ref).unwrap_or_default(), &[]);
        self.longest_entity = self.longest_entity.max(grown.longest_entity);
    }

    /// Widens the reach for a quote (and its cue) added or changed by an edit.
    pub(super) fn include_quote(&mut self, quote: Option<&Quote>) {
        let grown = Self::of(&[], quote.map(std::slice::from_ref).unwrap_or_default());
        self.longest_quote = self.longest_quote.max(grown.longest_quote);
        self.longest_cue_lead = self.longest_cue_lead.max(grown.longest_cue_lead);
    }
}

impl Document {
    /// Entities overlapping the code points `a..b`, in order.
    pub fn entities_in(&self, a: usize, b: usize) -> impl Iterator<Item = &Entity> {
        let reach = self.reach.longest_entity;
        let first = self.entities.partition_point(|e| e.start + reach <= a);
        let past = self.entities.partition_point(|e| e.start < b);
        self.entities.get(first..past.max(first)).unwrap_or_default().iter().filter(move |e| e.end > a)
    }

    /// Quotes whose span or cue overlaps the code points `a..b`, in order.
    pub fn quotes_touching(&self, a: usize, b: usize) -> impl Iterator<Item = &Quote> {
        let SpanReach { longest_quote, longest_cue_lead, .. } = self.reach;
        let first = self.quotes.partition_point(|q| q.start + longest_quote <= a);
        let past = self.quotes.partition_point(|q| q.start < b + longest_cue_lead);
        let overlaps = move |s: usize, e: usize| s < b && a < e;
        self.quotes
            .get(first..past.max(first))
            .unwrap_or_default()
            .iter()
            .filter(move |q| overlaps(q.start, q.end) || q.cue.as_ref().is_some_and(|c| overlaps(c.start, c.end)))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Document, QuoteKind};

    /// Entities every 10 code points, a long one, a quote with a cue before it;
    /// with an emoji, curly quotes and CRLF so that offsets are code points.
    fn document() -> Document {
        let mut text = String::new();
        for i in 0..50 {
            text.push_str(&format!("Nama{i:02} 😀\r\n"));
        }
        text.push_str("Ia berkata, “Kami siap.”");
        let mut doc = Document::new(text, None);
        for i in 0..50 {
            doc.apply(&doc.add_entity_edit(i * 10, i * 10 + 6, "PERSON").unwrap()).unwrap();
        }
        doc.apply(&doc.add_entity_edit(100, 180, "MISC").unwrap()).unwrap();
        let quote_start = 500 + "Ia berkata, ".chars().count();
        doc.apply(&doc.add_quote_edit(quote_start, quote_start + 12, QuoteKind::Direct).unwrap()).unwrap();
        doc.apply(&doc.cue_edit("q1", Some((503, 510))).unwrap()).unwrap();
        doc
    }

    /// What a scan would find, to compare the index with.
    fn scanned(doc: &Document, a: usize, b: usize) -> Vec<String> {
        doc.entities.iter().filter(|e| e.start < b && a < e.end).map(|e| e.id.to_string()).collect()
    }

    #[test]
    fn lookups_match_a_full_scan_everywhere() {
        let doc = document();
        assert_eq!(doc.entity("e1").unwrap().text, "Nama00");
        assert_eq!(doc.quote("q1").unwrap().text, "“Kami siap.”");
        assert_eq!(doc.quote("q1").unwrap().cue.as_ref().unwrap().text, "berkata");
        for a in (0..doc.char_len()).step_by(3) {
            for width in [1, 7, 40] {
                let found: Vec<String> = doc.entities_in(a, a + width).map(|e| e.id.to_string()).collect();
                assert_eq!(found, scanned(&doc, a, a + width), "{a}..{}", a + width);
            }
        }
    }

    #[test]
    fn a_cue_before_its_quote_is_found_with_it() {
        let doc = document();
        assert_eq!(doc.quotes_touching(505, 506).count(), 1, "inside the cue only");
        assert_eq!(doc.quotes_touching(490, 500).count(), 0);
        assert_eq!(doc.quotes_touching(0, doc.char_len()).count(), 1);
    }
}
