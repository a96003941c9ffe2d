//! Accepting or rejecting a group of mentions (every `Putin` of the article,
//! every quote of one speaker) as one edit: the open suggestions among them
//! change, reviewed ones stay as the annotator left them, and one undo brings
//! the whole group back.

use crate::model::{Document, Edit, SpanRef, Status};

/// The one edit that accepts (or rejects) the open suggestions among `spans`;
/// None when none of them is open.
pub fn group_review_edit(document: &Document, spans: &[SpanRef], accept: bool) -> Option<Edit> {
    let open = |span: &&SpanRef| match span {
        SpanRef::Entity(id) => document.entity(id).is_some_and(|e| e.status == Status::Suggested),
        SpanRef::Quote(id) => document.quote(id).is_some_and(|q| q.status == Status::Suggested),
    };
    let edits: Vec<Edit> = spans
        .iter()
        .filter(open)
        .filter_map(|span| if accept { document.accept_edit(span) } else { document.reject_edit(span) }.ok())
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document whose every `name` is an open PERSON suggestion.
    fn document_naming(text: &str, name: &str) -> (Document, Vec<SpanRef>) {
        let mut document = Document::new(text.to_owned(), None);
        let chars: Vec<char> = text.chars().collect();
        let needle: Vec<char> = name.chars().collect();
        let starts: Vec<usize> = (0..chars.len()).filter(|&i| chars[i..].starts_with(&needle)).collect();
        let mut spans = Vec::new();
        for start in starts {
            let id = document.fresh_id("e");
            let edit = document.add_entity_edit(start, start + needle.len(), "PERSON").unwrap();
            document.apply(&edit).unwrap();
            let open = document.set_status_edit(&SpanRef::Entity(id.clone().into()), Status::Suggested).unwrap();
            document.apply(&open).unwrap();
            spans.push(SpanRef::Entity(id.into()));
        }
        (document, spans)
    }

    #[test]
    fn a_group_accept_changes_only_the_open_mentions_and_undoes_in_one_step() {
        let text = "“Putin 🙂 datang,” kata Putin.\r\nPutin pulang.";
        let (mut document, spans) = document_naming(text, "Putin");
        assert_eq!(spans.len(), 3);
        let reject_one = document.reject_edit(&spans[1]).unwrap();
        document.apply(&reject_one).unwrap();
        let before = document.clone();

        let edit = group_review_edit(&document, &spans, true).unwrap();
        document.apply(&edit).unwrap();
        let statuses: Vec<Status> = spans.iter().map(|s| document.entity(s.id()).unwrap().status).collect();
        assert_eq!(statuses, [Status::Accepted, Status::Rejected, Status::Accepted]);

        document.apply(&edit.inverse()).unwrap();
        assert_eq!(document.entities(), before.entities(), "one inverse undoes the whole group");
        assert!(group_review_edit(&document, &spans[1..2], false).is_none(), "nothing open: no edit");
    }
}
