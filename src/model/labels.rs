//! Entity labels are data, not an enum: a project may define its own schema.

use serde::{Deserialize, Serialize};

/// Names that dataset formats give to quotations, cues and their links
/// (`formats::DIRECT_QUOTE` …): an entity label of the same name would be read
/// back as a quotation, so no label may take one.
pub const RESERVED_LABEL_NAMES: [&str; 5] = ["DIRECT_QUOTE", "INDIRECT_QUOTE", "CUE", "SAID_BY", "CUE_OF"];

/// Why a label name cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LabelNameError {
    #[error("a label needs a name")]
    Empty,
    #[error("label {0:?} contains a space, tab or line break: dataset formats separate fields on whitespace")]
    Whitespace(String),
    #[error("label {0:?} is reserved for quotations, cues and their links in exported datasets")]
    Reserved(String),
    #[error(
        "label {0:?} starts with `[`, `#`, `<` or `!`, which brat's annotation.conf reads as a section, \
         comment, macro or abstract type"
    )]
    Syntax(String),
}

/// First characters a brat `annotation.conf` line reads as syntax, not as a
/// type name: a section header, a comment, a macro, an abstract type.
const CONF_SYNTAX_STARTS: [char; 4] = ['[', '#', '<', '!'];

/// Checks a label name before it is created or renamed (Settings dialog,
/// imports): every dataset format must be able to carry it and read it back
/// as the same entity label.
pub fn validate_label_name(name: &str) -> Result<(), LabelNameError> {
    if name.is_empty() {
        return Err(LabelNameError::Empty);
    }
    if name.chars().any(char::is_whitespace) {
        return Err(LabelNameError::Whitespace(name.to_owned()));
    }
    if RESERVED_LABEL_NAMES.contains(&name) {
        return Err(LabelNameError::Reserved(name.to_owned()));
    }
    if name.starts_with(CONF_SYNTAX_STARTS) {
        return Err(LabelNameError::Syntax(name.to_owned()));
    }
    Ok(())
}

/// One entity label: its name as exported, a colour, a description for the help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelDef {
    pub name: String,
    pub description: String,
    /// sRGB colour used to highlight spans of this label.
    pub color: [u8; 3],
}

/// The labels an annotator can choose from, in hotkey order (1, 2, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LabelSet {
    labels: Vec<LabelDef>,
}

impl Default for LabelSet {
    /// The labels news annotators need most, in the OntoNotes spirit.
    fn default() -> Self {
        let def = |name: &str, description: &str, color: [u8; 3]| LabelDef {
            name: name.to_owned(),
            description: description.to_owned(),
            color,
        };
        Self {
            labels: vec![
                def("PERSON", "People, real or fictional", [66, 133, 244]),
                def("ORG", "Organisations, companies, agencies, media", [234, 134, 0]),
                def("LOC", "Places: countries, cities, regions, landmarks", [52, 168, 83]),
                def("DATE", "Dates and periods", [171, 71, 188]),
                def("NORP", "Nationalities, religious or political groups", [0, 150, 160]),
                def("EVENT", "Named events: wars, summits, elections", [219, 68, 55]),
                def("MISC", "Other names: laws, products, works", [120, 120, 120]),
            ],
        }
    }
}

impl LabelSet {
    pub fn new(labels: Vec<LabelDef>) -> Self {
        Self { labels }
    }

    pub fn iter(&self) -> impl Iterator<Item = &LabelDef> {
        self.labels.iter()
    }

    pub fn get(&self, name: &str) -> Option<&LabelDef> {
        self.labels.iter().find(|l| l.name == name)
    }

    /// The label bound to hotkey `digit` (1-based, as on the keyboard).
    pub fn by_hotkey(&self, digit: usize) -> Option<&LabelDef> {
        digit.checked_sub(1).and_then(|i| self.labels.get(i))
    }

    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Adds a label met in loaded annotations but missing from the schema, so
    /// that no span is ever shown or saved with an unknown label.
    pub fn ensure(&mut self, name: &str) {
        if self.get(name).is_none() {
            self.labels.push(LabelDef { name: name.to_owned(), description: String::new(), color: [128, 128, 128] });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hotkeys_are_one_based_in_schema_order() {
        let labels = LabelSet::default();
        assert_eq!(labels.by_hotkey(1).unwrap().name, "PERSON");
        assert_eq!(labels.by_hotkey(3).unwrap().name, "LOC");
        assert!(labels.by_hotkey(0).is_none());
        assert!(labels.by_hotkey(99).is_none());
    }

    #[test]
    fn label_names_formats_cannot_carry_are_refused() {
        assert_eq!(validate_label_name(""), Err(LabelNameError::Empty));
        assert!(matches!(validate_label_name("MY LABEL"), Err(LabelNameError::Whitespace(_))));
        assert!(matches!(validate_label_name("MY\tLABEL"), Err(LabelNameError::Whitespace(_))));
        assert!(matches!(validate_label_name("CUE"), Err(LabelNameError::Reserved(_))));
        assert!(matches!(validate_label_name("DIRECT_QUOTE"), Err(LabelNameError::Reserved(_))));
        for name in ["[PER]", "#TAG", "<ANY>", "!ABSTRACT"] {
            assert!(matches!(validate_label_name(name), Err(LabelNameError::Syntax(_))), "{name}");
        }
        assert_eq!(validate_label_name("PER[1]#2"), Ok(()), "only the first character is syntax");
        assert_eq!(validate_label_name("WORK_OF_ART"), Ok(()));
        assert_eq!(validate_label_name("Tokoh“😀”"), Ok(()), "any non-space characters");
    }

    #[test]
    fn unknown_labels_are_added_once() {
        let mut labels = LabelSet::default();
        let before = labels.len();
        labels.ensure("WORK_OF_ART");
        labels.ensure("WORK_OF_ART");
        labels.ensure("PERSON");
        assert_eq!(labels.len(), before + 1);
    }
}
