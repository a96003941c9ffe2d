//! What the annotator asks of the open project: documents, search, bulk
//! review, statistics and settings. The project controller performs these
//! (with the shell where a document must be opened).

use crate::project::scan::ArticleId;
use crate::project::search::{Decision, Hit};
use crate::project::settings::LabelUsage;

#[derive(Debug, Clone, PartialEq)]
pub enum ProjectAction {
    /// Open one article of the project.
    OpenDocument(ArticleId),
    /// The next (or previous) document of the project's list.
    NeighbourDocument { backwards: bool },
    /// Open the project search (Ctrl+F).
    ShowSearch,
    /// Run the search the search window describes.
    Search,
    /// Go to a search result (opening its document if needed).
    JumpTo(Box<Hit>),
    /// Accept (as `label`) or reject every suggested entity reading `surface`,
    /// in the open document (undoably) and across the project.
    BulkReview { surface: String, label: String, decision: Decision },
    /// Open the project statistics.
    ShowStats,
    /// Open the project settings (label schema, annotator).
    ShowSettings,
    /// Save the project settings as edited.
    SaveSettings,
    /// Rename a label in the schema and in every span of the project.
    RenameLabel { from: String, to: String },
    /// Replace the open document's open suggestions with the project model's (one undoable edit).
    RefreshSuggestions,
    /// Open the Model window: what the model learned from, the learning curve, time per document.
    ShowModel,
    /// Delete a label from the schema; one in use needs its usage confirmed.
    DeleteLabel { name: String, confirmed: Option<LabelUsage> },
    /// Open Project ▸ Agreement and compute the team's figures afresh.
    ShowAgreement,
    /// Start curating the open document of a team project, or leave curation.
    Adjudicate,
    /// Save the curation as the open document's gold layer.
    SaveGold,
}
