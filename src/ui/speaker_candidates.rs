//! Who may have said a quotation, nearest first: the PERSON and ORG entities
//! (not rejected) of the document, each name once, at its mention nearest the
//! quotation. The inspector numbers them and the digit keys choose among them,
//! so both read this one list.

use crate::model::{Document, Entity, Quote, Status};

/// At most this many candidates: one per digit key.
pub const MAX_CANDIDATES: usize = 9;

/// How far an entity is from a quote, in code points (0 when they touch or overlap).
fn distance(entity: &Entity, quote: &Quote) -> usize {
    if entity.end <= quote.start {
        quote.start - entity.end
    } else {
        entity.start.saturating_sub(quote.end)
    }
}

/// The candidates for `quote`'s speaker, nearest first, one mention per name.
pub fn speaker_candidates<'d>(document: &'d Document, quote: &Quote) -> Vec<&'d Entity> {
    let mut people: Vec<&Entity> = document
        .entities()
        .iter()
        .filter(|e| matches!(e.label.as_str(), "PERSON" | "ORG") && e.status != Status::Rejected)
        .collect();
    people.sort_by_key(|e| (distance(e, quote), e.start));
    let mut seen = std::collections::HashSet::new();
    people.retain(|e| seen.insert(e.text.as_str()));
    people.truncate(MAX_CANDIDATES);
    people
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuoteKind;
    use crate::model::SpanRef;

    fn document_with(text: &str, people: &[(&str, &str)], quoted: &str) -> (Document, String) {
        let mut document = Document::new(text.to_owned(), None);
        let offset = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
        for (needle, label) in people {
            let start = offset(needle);
            let edit = document.add_entity_edit(start, start + needle.chars().count(), label).unwrap();
            document.apply(&edit).unwrap();
        }
        let start = offset(quoted);
        let id = document.fresh_id("q");
        let edit = document.add_quote_edit(start, start + quoted.chars().count(), QuoteKind::Direct).unwrap();
        document.apply(&edit).unwrap();
        (document, id)
    }

    #[test]
    fn the_nearest_name_comes_first_and_each_name_once() {
        let text = "Putin tiba.\r\nKim 🙂 menyambut.\r\n“Kami siap,” kata Putin.";
        let (document, quote) = document_with(text, &[("Putin", "PERSON"), ("Kim", "PERSON")], "“Kami siap,”");
        let quote = document.quote(&quote).unwrap();
        let names: Vec<&str> = speaker_candidates(&document, quote).iter().map(|e| e.text.as_str()).collect();
        assert_eq!(names, ["Kim", "Putin"]);
        assert!(document.span_at(0) == Some(SpanRef::Entity(speaker_candidates(&document, quote)[1].id.clone())));
    }

    #[test]
    fn places_and_rejected_names_are_no_candidates() {
        let text = "Korea menjawab: “Tidak.”";
        let (document, quote) = document_with(text, &[("Korea", "LOC")], "“Tidak.”");
        assert!(speaker_candidates(&document, document.quote(&quote).unwrap()).is_empty());
    }
}
