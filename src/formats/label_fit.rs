//! Entity labels a dataset format cannot carry (empty, with whitespace,
//! named like the quotation labels, or opening with brat's configuration
//! syntax) are renamed on export and counted, so
//! that Sorot's own import always reads an exported dataset back.

use super::ExportSummary;
use crate::model::{validate_label_name, Document, LabelDef, LabelNameError, LabelSet};

/// Renames, in every document, the labels that fail
/// [`validate_label_name`]; the summary counts the spans renamed.
pub(crate) fn fit_labels(docs: &mut [Document], summary: &mut ExportSummary) {
    for doc in docs {
        let mut renamed = 0;
        let mut entities = doc.entities().to_vec();
        for entity in &mut entities {
            if let Some(name) = fitted(&entity.label) {
                entity.label = name.into();
                renamed += 1;
            }
        }
        if renamed > 0 {
            let quotes = doc.quotes().to_vec();
            *doc = std::mem::take(doc).with_spans(entities, quotes);
        }
        summary
            .adjust(renamed, "entity labels renamed to fit the format (empty, spaced, reserved or brat-syntax names)");
        if doc.labels.iter().any(|l| fitted(&l.name).is_some()) {
            let labels =
                doc.labels.iter().map(|l| LabelDef { name: fitted(&l.name).unwrap_or(l.name.clone()), ..l.clone() });
            doc.labels = LabelSet::new(labels.collect());
        }
    }
}

/// The name a label is exported under, if it cannot go out as it is:
/// whitespace becomes `_`, an empty name `UNNAMED`, a reserved one gets `_LABEL`,
/// a first character brat reads as syntax becomes `_`.
pub(crate) fn fitted(name: &str) -> Option<String> {
    match validate_label_name(name) {
        Ok(()) => None,
        Err(LabelNameError::Empty) => Some("UNNAMED".to_owned()),
        Err(LabelNameError::Whitespace(_)) => {
            let replaced: String = name.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
            Some(fitted(&replaced).unwrap_or(replaced))
        }
        Err(LabelNameError::Reserved(_)) => Some(format!("{name}_LABEL")),
        Err(LabelNameError::Syntax(_)) => {
            let replaced: String = std::iter::once('_').chain(name.chars().skip(1)).collect();
            Some(fitted(&replaced).unwrap_or(replaced))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfit_names_are_mapped_to_names_that_pass() {
        assert_eq!(fitted("PERSON"), None);
        assert_eq!(fitted("MY LABEL").as_deref(), Some("MY_LABEL"));
        assert_eq!(fitted("a\tb c").as_deref(), Some("a_b_c"));
        assert_eq!(fitted("").as_deref(), Some("UNNAMED"));
        assert_eq!(fitted("CUE").as_deref(), Some("CUE_LABEL"));
        assert_eq!(fitted("[ERSON").as_deref(), Some("_ERSON"));
        for name in ["MY LABEL", "", "CUE", "DIRECT_QUOTE", " ", "[ERSON", "#1", "<ANY>", "!X"] {
            assert_eq!(validate_label_name(&fitted(name).unwrap()), Ok(()), "{name:?}");
        }
    }

    #[test]
    fn the_reserved_names_are_the_formats_quote_names() {
        use crate::model::RESERVED_LABEL_NAMES;
        for name in [super::super::DIRECT_QUOTE, super::super::INDIRECT_QUOTE, super::super::CUE] {
            assert!(RESERVED_LABEL_NAMES.contains(&name));
        }
        assert!(RESERVED_LABEL_NAMES.contains(&super::super::SAID_BY));
        assert!(RESERVED_LABEL_NAMES.contains(&super::super::CUE_OF));
    }
}
