//! What the analysis says an entity is, before it leaves the analysis: a [`Label`]
//! (a type, not a string), token [`Span`]s as the entity sources give them, and char
//! [`Entity`] spans as the quote and speaker stages use them. At the boundary,
//! [`Entity`] becomes the string-labelled [`EntitySuggestion`](super::EntitySuggestion)
//! that the model layer reads.

/// Entity labels the analysis produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    Person,
    Org,
    Loc,
    Date,
    /// An unnamed source that speaks (`a source`, `officials`, `the campaign`,
    /// `polisi`): a quote's speaker written without a name.
    Source,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Date => "DATE",
            Label::Source => "SOURCE",
        }
    }

    /// Reads the labels of the gazetteer files.
    pub fn parse(s: &str) -> Option<Label> {
        match s {
            "PERSON" | "PER" => Some(Label::Person),
            "ORG" => Some(Label::Org),
            "LOC" => Some(Label::Loc),
            "DATE" => Some(Label::Date),
            "SOURCE" => Some(Label::Source),
            _ => None,
        }
    }
}

/// A labelled token range (`start..end` token indices) before conversion to chars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub source: &'static str,
    pub confidence: f32,
}

impl Span {
    pub fn new(start: usize, end: usize, label: Label, source: &'static str, confidence: f32) -> Span {
        Span { start, end, label, source, confidence }
    }
}

/// An entity in code points (end exclusive), as the speaker stage reads and extends
/// the list: the sources' spans converted to chars, then the speakers they missed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub source: &'static str,
    pub confidence: f32,
}

impl Entity {
    pub fn is(&self, label: Label) -> bool {
        self.label == label
    }
}
