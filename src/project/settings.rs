//! Per-project settings: the label schema (entity labels and quote kinds, each
//! with a name, colour, hotkey and description) in the shared
//! `.sorot/project.json`, and the annotator's name, recorded on every change
//! they make, in the per-user `.sorot/user.json` (`{"annotator": "dewi"}`).
//! A team shares the first through git and keeps the second to itself, so two
//! annotators' settings never conflict; an `annotator` in an older
//! `project.json` is still read and moves to `user.json` on the next save.
//!
//! ```json
//! {
//!   "labels": [{"name": "PERSON", "description": "People…", "color": [66, 133, 244], "hotkey": "1"}],
//!   "quote_kinds": [{"kind": "direct", "name": "Direct quote", "description": "…", "color": […], "hotkey": "Q"}]
//! }
//! ```
//!
//! Quote kinds are the model's two (`direct`, `indirect`); a project chooses how
//! they are named, coloured and keyed. Renaming an entity label renames its
//! spans (an undoable [`Edit::Batch`] per document); deleting a label in use is
//! refused with how many spans use it until the caller confirms.

use serde::{Deserialize, Serialize};

use super::layout::Layout;
use super::open::{load_saved, save_document};
use super::scan::ArticleEntry;
use crate::model::{Document, Edit, LabelDef, LabelSet, QuoteKind, SpanRef};
use crate::store::{write_atomically, AnnotationFileError};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectSettings {
    /// Recorded on every change (`annotator` on spans); `None` records nobody.
    /// Saved in `user.json`, never in the shared `project.json`.
    #[serde(default, skip_serializing)]
    pub annotator: Option<String>,
    #[serde(default = "default_labels")]
    pub labels: Vec<LabelSpec>,
    #[serde(default = "default_quote_kinds")]
    pub quote_kinds: Vec<QuoteKindSpec>,
    /// Present in a team project: annotators work in layers of their own (see `team`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<super::team::TeamSettings>,
}

/// One entity label of the schema.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelSpec {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub color: [u8; 3],
    /// A key name as egui spells it (`"1"`, `"P"`); `None`: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotkey: Option<String>,
}

/// How one of the model's quote kinds is presented.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteKindSpec {
    pub kind: QuoteKind,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub color: [u8; 3],
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotkey: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("cannot read {path}: {source}")]
    Read { path: std::path::PathBuf, source: std::io::Error },
    #[error("cannot write {path}: {source}")]
    Write { path: std::path::PathBuf, source: std::io::Error },
    #[error("{path} is not valid project settings: {source}")]
    Malformed { path: std::path::PathBuf, source: serde_json::Error },
    #[error("there is no label {0}")]
    UnknownLabel(String),
    #[error("a label {0} already exists")]
    LabelExists(String),
    #[error("a label name cannot be empty")]
    EmptyName,
    #[error("label {label} is used by {spans} span(s) in {documents} document(s); confirm to delete them too")]
    LabelInUse { label: String, spans: usize, documents: usize },
}

impl Default for ProjectSettings {
    /// The 0.1 labels (hotkeys 1–7 in order), no annotator name.
    fn default() -> Self {
        Self { annotator: None, labels: default_labels(), quote_kinds: default_quote_kinds(), team: None }
    }
}

fn default_labels() -> Vec<LabelSpec> {
    LabelSet::default()
        .iter()
        .enumerate()
        .map(|(i, def)| LabelSpec {
            name: def.name.clone(),
            description: def.description.clone(),
            color: def.color,
            hotkey: Some((i + 1).to_string()),
        })
        .collect()
}

fn default_quote_kinds() -> Vec<QuoteKindSpec> {
    vec![
        QuoteKindSpec {
            kind: QuoteKind::Direct,
            name: "Direct quote".into(),
            description: "Words reproduced inside quotation marks".into(),
            color: [240, 190, 40],
            hotkey: Some("Q".into()),
        },
        QuoteKindSpec {
            kind: QuoteKind::Indirect,
            name: "Indirect quote".into(),
            description: "Reported speech: X mengatakan …, Menurut X, …".into(),
            color: [150, 150, 150],
            hotkey: None,
        },
    ]
}

/// What each user of a shared project keeps to themselves.
#[derive(Debug, Default, Serialize, Deserialize)]
struct UserSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    annotator: Option<String>,
}

/// The files under `.sorot/` that belong to one user, not to the project.
const PER_USER_FILES: &str = "session.json\nuser.json\nlock\n";

/// `path` parsed as JSON; `None` when there is no such file.
fn read_json<T: serde::de::DeserializeOwned>(path: &std::path::Path) -> Result<Option<T>, SettingsError> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|source| SettingsError::Malformed { path: path.to_owned(), source }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SettingsError::Read { path: path.to_owned(), source }),
    }
}

fn write_json(path: &std::path::Path, value: &impl Serialize) -> Result<(), SettingsError> {
    let mut json = serde_json::to_vec_pretty(value)
        .map_err(|source| SettingsError::Malformed { path: path.to_owned(), source })?;
    json.push(b'\n');
    write_atomically(path, &json).map_err(|source| SettingsError::Write { path: path.to_owned(), source })
}

/// Writes `.sorot/.gitignore` unless the project already has one (it may be the team's own).
fn ignore_per_user_files(dot_dir: &std::path::Path) -> Result<(), SettingsError> {
    let path = dot_dir.join(".gitignore");
    if path.exists() {
        return Ok(());
    }
    write_atomically(&path, PER_USER_FILES.as_bytes()).map_err(|source| SettingsError::Write { path, source })
}

impl ProjectSettings {
    /// The settings of a project (the user's name from `user.json`, else from
    /// an older `project.json`); the defaults when it has none yet.
    pub fn load(layout: &Layout) -> Result<Self, SettingsError> {
        let mut settings: Self = read_json(&layout.settings_path())?.unwrap_or_default();
        if let Some(user) = read_json::<UserSettings>(&layout.user_settings_path())? {
            settings.annotator = user.annotator;
        }
        Ok(settings)
    }

    /// Writes the shared settings and the user's own, pretty-printed, atomically,
    /// and a `.sorot/.gitignore` for the per-user files when there is none.
    pub fn save(&self, layout: &Layout) -> Result<(), SettingsError> {
        let dot_dir = layout.dot_dir();
        std::fs::create_dir_all(&dot_dir).map_err(|source| SettingsError::Write { path: dot_dir.clone(), source })?;
        write_json(&layout.settings_path(), self)?;
        write_json(&layout.user_settings_path(), &UserSettings { annotator: self.annotator.clone() })?;
        ignore_per_user_files(&dot_dir)
    }

    /// The schema as the model's label set (hotkey order = schema order).
    pub fn label_set(&self) -> LabelSet {
        LabelSet::new(
            self.labels
                .iter()
                .map(|l| LabelDef { name: l.name.clone(), description: l.description.clone(), color: l.color })
                .collect(),
        )
    }

    /// Renames label `from` to `to` in the schema (its spans: [`rename_label_edit`]).
    pub fn rename_label(&mut self, from: &str, to: &str) -> Result<(), SettingsError> {
        if to.trim().is_empty() {
            return Err(SettingsError::EmptyName);
        }
        if self.labels.iter().any(|l| l.name == to) {
            return Err(SettingsError::LabelExists(to.to_owned()));
        }
        let label = self
            .labels
            .iter_mut()
            .find(|l| l.name == from)
            .ok_or_else(|| SettingsError::UnknownLabel(from.to_owned()))?;
        label.name = to.to_owned();
        Ok(())
    }

    /// Deletes label `name` from the schema. `usage` is [`label_usage`]'s
    /// answer; unless `confirmed`, a label in use is refused with its counts.
    pub fn delete_label(&mut self, name: &str, usage: LabelUsage, confirmed: bool) -> Result<(), SettingsError> {
        let position = self
            .labels
            .iter()
            .position(|l| l.name == name)
            .ok_or_else(|| SettingsError::UnknownLabel(name.to_owned()))?;
        if usage.spans > 0 && !confirmed {
            return Err(SettingsError::LabelInUse {
                label: name.to_owned(),
                spans: usage.spans,
                documents: usage.documents,
            });
        }
        self.labels.remove(position);
        Ok(())
    }
}

/// Every entity labelled `from` relabelled `to`, as one undoable edit (`None`:
/// no span has that label). Statuses are kept: a rename is not a review.
pub fn rename_label_edit(doc: &Document, from: &str, to: &str) -> Option<Edit> {
    let renamed: Vec<Edit> = doc
        .entities()
        .iter()
        .filter(|e| e.label == from)
        .map(|e| {
            let mut after = e.clone();
            after.label = to.into();
            Edit::Entity { before: Some(e.clone()), after: Some(after) }
        })
        .collect();
    if renamed.is_empty() {
        return None;
    }
    // The new name joins the document's schema in the same step.
    let label = doc.label_added_edit(to);
    Some(Edit::Batch(label.into_iter().chain(renamed).collect()))
}

/// Every entity labelled `name` removed (quotes it spoke for unlinked), as one
/// undoable edit; `None` when no span has that label.
pub fn delete_label_edit(doc: &Document, name: &str) -> Option<Edit> {
    // Each removal is computed on the document as the previous ones left it,
    // so that two removals touching the same quote do not conflict.
    let mut scratch = doc.clone();
    let mut edits = Vec::new();
    let ids: Vec<String> = doc.entities().iter().filter(|e| e.label == name).map(|e| e.id.to_string()).collect();
    for id in ids {
        let Ok(edit) = scratch.delete_edit(&SpanRef::Entity(id.into())) else { continue };
        if scratch.apply(&edit).is_ok() {
            edits.push(edit);
        }
    }
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// How much a label is used across a project's saved annotations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LabelUsage {
    pub spans: usize,
    pub documents: usize,
}

/// Counts the spans labelled `name` in every saved annotation file.
pub fn label_usage(layout: &Layout, entries: &[ArticleEntry], name: &str) -> LabelUsage {
    let mut usage = LabelUsage::default();
    for entry in entries {
        let Ok(Some(doc)) = load_saved(layout, &entry.id) else { continue };
        let spans = doc.entities().iter().filter(|e| e.label == name).count();
        usage.spans += spans;
        usage.documents += usize::from(spans > 0);
    }
    usage
}

/// What a project-wide change did: documents rewritten, spans changed, and the
/// annotation files it could not read or write (left as they were).
#[derive(Debug, Default)]
pub struct ProjectChange {
    pub documents: usize,
    pub spans: usize,
    pub failures: Vec<AnnotationFileError>,
}

/// Applies `edit_for` to every saved document of the project, each file written
/// atomically; the schema `labels` replaces each document's label list.
pub fn change_saved_documents(
    layout: &Layout,
    entries: &[ArticleEntry],
    labels: Option<&LabelSet>,
    edit_for: impl Fn(&Document) -> Option<Edit>,
) -> ProjectChange {
    let mut change = ProjectChange::default();
    for entry in entries {
        let mut doc = match load_saved(layout, &entry.id) {
            Ok(Some(doc)) => doc,
            Ok(None) => continue,
            Err(error) => {
                change.failures.push(error);
                continue;
            }
        };
        let Some(edit) = edit_for(&doc) else { continue };
        if doc.apply(&edit).is_err() {
            continue; // computed from this very document: cannot be stale
        }
        if let Some(schema) = labels.and_then(|labels| doc.schema_edit(labels)) {
            // Computed from this very document too; it keeps every used label.
            let _ = doc.apply(&schema);
        }
        match save_document(layout, &entry.id, &doc) {
            Ok(()) => {
                change.documents += 1;
                change.spans += edit_count(&edit);
            }
            Err(error) => change.failures.push(error),
        }
    }
    change
}

/// Renames a label across the project: settings and every saved document.
/// (The document open in the app gets [`rename_label_edit`] through its history.)
pub fn rename_label_in_project(
    layout: &Layout,
    entries: &[ArticleEntry],
    settings: &mut ProjectSettings,
    from: &str,
    to: &str,
) -> Result<ProjectChange, SettingsError> {
    settings.rename_label(from, to)?;
    settings.save(layout)?;
    let labels = settings.label_set();
    Ok(change_saved_documents(layout, entries, Some(&labels), |doc| rename_label_edit(doc, from, to)))
}

/// The number of spans an edit changes (schema and done marks are not spans).
pub fn edit_count(edit: &Edit) -> usize {
    match edit {
        Edit::Batch(edits) => edits.iter().map(edit_count).sum(),
        Edit::Entity { .. } | Edit::Quote { .. } => 1,
        Edit::Done { .. } | Edit::Labels { .. } => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    fn doc() -> Document {
        let mut doc = Document::new("Ana dan Budi di Bandung".into(), None);
        doc.apply(&doc.add_entity_edit(0, 3, "PERSON").unwrap()).unwrap();
        doc.apply(&doc.add_entity_edit(8, 12, "PERSON").unwrap()).unwrap();
        doc.apply(&doc.add_entity_edit(16, 23, "LOC").unwrap()).unwrap();
        doc
    }

    #[test]
    fn rename_relabels_every_span_in_one_undoable_edit() {
        let mut doc = doc();
        let before = doc.clone();
        let edit = rename_label_edit(&doc, "PERSON", "PER").unwrap();
        assert_eq!(edit_count(&edit), 2);
        doc.apply(&edit).unwrap();
        assert!(doc.entities().iter().filter(|e| e.label == "PER").all(|e| e.status == Status::Manual));
        assert_eq!(doc.entities().iter().filter(|e| e.label == "PER").count(), 2);
        doc.apply(&edit.inverse()).unwrap();
        assert_eq!(doc, before);
        assert!(rename_label_edit(&doc, "EVENT", "EV").is_none());
    }

    #[test]
    fn schema_rename_refuses_clashes_and_delete_asks_when_in_use() {
        let mut settings = ProjectSettings::default();
        assert!(matches!(settings.rename_label("PERSON", "ORG"), Err(SettingsError::LabelExists(_))));
        settings.rename_label("PERSON", "PER").unwrap();
        assert_eq!(settings.label_set().by_hotkey(1).unwrap().name, "PER");
        let used = LabelUsage { spans: 5, documents: 2 };
        let error = settings.delete_label("LOC", used, false).unwrap_err();
        assert!(error.to_string().contains("5 span(s) in 2 document(s)"), "{error}");
        assert!(settings.labels.iter().any(|l| l.name == "LOC"));
        settings.delete_label("LOC", used, true).unwrap();
        settings.delete_label("DATE", LabelUsage::default(), false).unwrap();
        assert!(!settings.labels.iter().any(|l| l.name == "LOC" || l.name == "DATE"));
    }

    #[test]
    fn deleting_a_label_removes_its_spans_and_unlinks_speakers() {
        let mut doc = doc();
        let quote = doc.add_quote_edit(8, 23, QuoteKind::Indirect).unwrap();
        doc.apply(&quote).unwrap();
        doc.apply(&doc.speaker_edit("q1", Some("e1")).unwrap()).unwrap();
        let edit = delete_label_edit(&doc, "PERSON").unwrap();
        doc.apply(&edit).unwrap();
        assert_eq!(doc.entities().len(), 1);
        assert_eq!(doc.quote("q1").unwrap().speaker, None);
    }

    #[test]
    fn settings_round_trip_and_default_when_missing() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        assert_eq!(ProjectSettings::load(&layout).unwrap(), ProjectSettings::default());
        let mut settings = ProjectSettings { annotator: Some("dewi".into()), ..Default::default() };
        settings.labels[0].color = [1, 2, 3];
        settings.save(&layout).unwrap();
        assert_eq!(ProjectSettings::load(&layout).unwrap(), settings);
        let raw = std::fs::read_to_string(layout.settings_path()).unwrap();
        assert!(!raw.contains("dewi") && raw.contains("\"kind\": \"direct\""), "{raw}");
        let user = std::fs::read_to_string(layout.user_settings_path()).unwrap();
        assert!(user.contains("\"annotator\": \"dewi\""), "{user}");
        let ignored = std::fs::read_to_string(layout.dot_dir().join(".gitignore")).unwrap();
        assert!(ignored.lines().any(|l| l == "user.json") && ignored.lines().any(|l| l == "session.json"));
    }

    #[test]
    fn an_annotator_in_an_older_shared_file_is_read_and_moves_to_the_users_file() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        std::fs::create_dir_all(layout.dot_dir()).unwrap();
        std::fs::write(layout.settings_path(), r#"{"annotator": "rudi", "labels": []}"#).unwrap();
        let settings = ProjectSettings::load(&layout).unwrap();
        assert_eq!(settings.annotator.as_deref(), Some("rudi"));
        settings.save(&layout).unwrap();
        assert!(!std::fs::read_to_string(layout.settings_path()).unwrap().contains("rudi"));
        assert_eq!(ProjectSettings::load(&layout).unwrap().annotator.as_deref(), Some("rudi"));
    }

    #[test]
    fn two_users_of_one_shared_schema_keep_their_own_names() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        ProjectSettings { annotator: Some("dewi".into()), ..Default::default() }.save(&layout).unwrap();
        let shared = std::fs::read(layout.settings_path()).unwrap();
        std::fs::write(layout.user_settings_path(), r#"{"annotator": "rudi"}"#).unwrap();
        ProjectSettings { annotator: Some("rudi".into()), ..Default::default() }.save(&layout).unwrap();
        assert_eq!(
            std::fs::read(layout.settings_path()).unwrap(),
            shared,
            "the shared file is the same bytes for both"
        );
        let malformed = layout.user_settings_path();
        std::fs::write(&malformed, "{").unwrap();
        assert!(
            matches!(ProjectSettings::load(&layout), Err(SettingsError::Malformed { path, .. }) if path == malformed)
        );
    }
}
