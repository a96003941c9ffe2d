//! An open project as the app holds it: its articles and document list, the
//! lock that keeps a second window from overwriting it, autosave, and the
//! background work that analyses it and refreshes the list.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use super::background::{Background, Report};
use crate::analysis::Analyzer;
use crate::annotate::Opened;
use crate::model::Document;
use crate::project::autosave::{AutosavePolicy, Autosaver, SessionState};
use crate::project::layout::Layout;
use crate::project::lock::{acquire, LockInfo, LockOutcome, ProjectLock};
use crate::project::open::open_entry;
use crate::project::scan::{scan, ArticleEntry, ArticleId};
use crate::project::status::{sort_rows, DocSummary, Filter, SortKey};

pub struct ProjectState {
    pub layout: Layout,
    pub entries: Vec<ArticleEntry>,
    /// One row per article, in entry order; filled in as summaries arrive.
    pub rows: Vec<DocSummary>,
    /// Files that are not usable articles, with the reason.
    pub problems: Vec<String>,
    /// Articles the analysis could not read, with the reason (kept across list refreshes).
    failed: HashMap<ArticleId, String>,
    pub current: Option<ArticleId>,
    /// Articles analysed so far in the background, of how many.
    pub progress: Option<(usize, usize)>,
    pub filter: Filter,
    /// How the list is ordered (rows are re-sorted when it changes).
    pub sort: (SortKey, bool),
    sorted_as: (SortKey, bool),
    pub autosaver: Autosaver,
    /// The project's lock, or who holds it (then this window is read-only).
    lock: Result<ProjectLock, LockInfo>,
    background: Option<Background>,
}

impl ProjectState {
    /// Lists the folder's articles (no contents read: the list shows at once)
    /// and starts analysing those without annotations in the background.
    /// `layout` says where the work goes: the single layout, or in a team
    /// project the annotator's own layer (`project::team::working_layout`).
    pub fn open(layout: Layout, analyzer: Arc<Analyzer>, ctx: &egui::Context) -> Result<Self, String> {
        let root = layout.root().to_owned();
        let found = scan(&root);
        let lock = match acquire(&layout) {
            Ok(LockOutcome::Acquired(lock)) => Ok(lock),
            Ok(LockOutcome::HeldBy(holder)) => Err(holder),
            Err(error) => return Err(format!("cannot lock {}: {error}", root.display())),
        };
        let rows = found.articles.iter().map(|e| DocSummary::of(&e.id, None)).collect();
        let problems = found.problems.iter().map(|p| format!("{}: {}", p.path.display(), p.source)).collect();
        let background =
            lock.is_ok().then(|| Background::analyse(layout.clone(), found.articles.clone(), analyzer, ctx.clone()));
        Ok(Self {
            layout,
            entries: found.articles,
            rows,
            problems,
            failed: HashMap::new(),
            current: None,
            progress: None,
            filter: Filter::default(),
            sort: (SortKey::Path, false),
            sorted_as: (SortKey::Path, false),
            autosaver: Autosaver::new(AutosavePolicy::default()),
            lock,
            background,
        })
    }

    /// Who holds the project if this window only reads it.
    pub fn read_only(&self) -> Option<&LockInfo> {
        self.lock.as_ref().err()
    }

    pub fn name(&self) -> String {
        self.layout.root().file_name().map_or("project".into(), |n| n.to_string_lossy().into_owned())
    }

    /// Opens one article of the project (see [`open_entry`]).
    pub fn open_article(
        &self,
        id: &ArticleId,
        analyzer: &Analyzer,
        analyse_later_above: usize,
    ) -> Result<Opened, String> {
        let entry = self.entries.iter().find(|e| &e.id == id).ok_or_else(|| format!("{id} is not in the project"))?;
        open_entry(&self.layout, entry, analyzer, analyse_later_above).map_err(|e| e.to_string())
    }

    /// Takes in what the background work reported; true if anything changed.
    pub fn poll(&mut self) -> bool {
        let Some(background) = &self.background else { return false };
        let reports = background.drain();
        let changed = !reports.is_empty();
        for report in reports {
            match report {
                Report::Progress { done, total } => self.progress = Some((done, total)),
                Report::Analysed(run) => {
                    self.progress = None;
                    self.problems.extend(run.failures.iter().map(|(id, why)| format!("{id}: {why}")));
                    self.failed.extend(run.failures.iter().cloned());
                    self.problems.extend(run.warnings.iter().map(|(id, why)| format!("{id}: {why} (opened anyway)")));
                    self.problems.extend(run.unsynced);
                }
                Report::Summaries(rows) => {
                    self.rows = rows;
                    self.background = None;
                    self.sorted_as = (SortKey::Path, false);
                }
            }
        }
        if changed {
            self.mark_failed_rows();
        }
        changed
    }

    /// Rows of articles that cannot be read say why.
    fn mark_failed_rows(&mut self) {
        for row in &mut self.rows {
            if let Some(why) = self.failed.get(&row.id) {
                row.problem = Some(why.clone());
            }
        }
    }

    /// Orders the rows as `sort` asks, when that changed.
    pub fn apply_sort(&mut self) {
        if self.sort != self.sorted_as {
            sort_rows(&mut self.rows, self.sort.0, self.sort.1);
            self.sorted_as = self.sort;
        }
    }

    /// Refreshes one row after its document changed.
    pub fn update_row(&mut self, id: &ArticleId, document: &Document) {
        if let Some(row) = self.rows.iter_mut().find(|r| &r.id == id) {
            *row = DocSummary::of(id, Some(document));
        }
    }

    /// The article after (or before) the current one among the listed rows.
    pub fn neighbour(&self, backwards: bool) -> Option<ArticleId> {
        let usable = |r: &&DocSummary| r.problem.is_none() || self.current.as_ref() == Some(&r.id);
        let matches = self.filter.matcher();
        let shown: Vec<&DocSummary> = self.rows.iter().filter(|r| matches(r)).filter(usable).collect();
        let at = self.current.as_ref().and_then(|c| shown.iter().position(|r| &r.id == c));
        let next = match (at, backwards) {
            (None, _) => shown.first(),
            (Some(i), true) => i.checked_sub(1).and_then(|i| shown.get(i)),
            (Some(i), false) => shown.get(i + 1),
        };
        next.map(|r| r.id.clone())
    }

    /// Remembers where the annotator is, for the next start.
    pub fn save_session(&self, state: &SessionState) -> Result<(), String> {
        if self.read_only().is_some() {
            return Ok(());
        }
        state.save(&self.layout).map_err(|e| format!("cannot save the session: {e}"))
    }

    /// Marks a change for autosave.
    pub fn changed(&mut self) {
        self.autosaver.changed(Instant::now());
    }
}
