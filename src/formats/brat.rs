//! brat standoff: a folder with `<name>.txt` (the text exactly, CRLF kept),
//! `<name>.ann` and `annotation.conf`. Offsets are code points.
//!
//! Written: `T` lines for entities, quotes (`DIRECT_QUOTE`, `INDIRECT_QUOTE`)
//! and cues (`CUE`); a span crossing line breaks as brat's own fragments
//! (`T2\tDIRECT_QUOTE 10 40;42 60\t…`); `R` lines `SAID_BY Arg1:<quote>
//! Arg2:<speaker>` and `CUE_OF Arg1:<cue> Arg2:<quote>`; a `Status` attribute
//! on spans that are not plain accepted ones (`Suggested`, `Rejected`, `Manual`);
//! then the lines an import kept verbatim (events, attributes, notes …),
//! renumbered. Read: see [`read`]; folders are searched recursively and
//! `annotation.conf` is looked up as brat does (see [`conf`]).

mod ann;
mod conf;
mod kept;
mod read;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::draft::Draft;
use super::flat::{flatten, FlatSpan};
use super::output::{read_text, read_text_noting_bom, write_file};
use super::{ExportSummary, FormatError, ImportSummary};
use crate::model::{Document, Status};
use conf::{conf_of, Declared, Schemas, CONF};
use kept::{kept_lines, Numbering};

pub(crate) fn export(docs: &[Document], out: &Path, summary: &mut ExportSummary) -> Result<(), FormatError> {
    let mut taken = HashSet::new();
    let mut declared = Declared::default();
    for (i, doc) in docs.iter().enumerate() {
        let name = unique_name(doc, i, &mut taken);
        let ann = ann_of(doc, &mut declared, summary);
        write_file(&out.join(format!("{name}.txt")), doc.text.as_bytes(), summary)?;
        write_file(&out.join(format!("{name}.ann")), ann.as_bytes(), summary)?;
    }
    let labels: BTreeSet<String> = docs
        .iter()
        .flat_map(|d| d.labels.iter().map(|l| l.name.clone()).chain(d.entities().iter().map(|e| e.label.to_string())))
        .collect();
    write_file(&out.join(CONF), conf_of(labels, &declared).as_bytes(), summary)
}

/// The article's file stem, else `doc-0001`; made unique within the export.
pub(crate) fn unique_name(doc: &Document, index: usize, taken: &mut HashSet<String>) -> String {
    let base = doc
        .source
        .as_deref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().trim_end_matches(".sorot.json").trim_end_matches(".json").to_owned())
        .map(|n| n.strip_suffix(".txt").map(str::to_owned).unwrap_or(n))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("doc-{:04}", index + 1));
    super::output::first_free_name(base, taken)
}

fn ann_of(doc: &Document, declared: &mut Declared, summary: &mut ExportSummary) -> String {
    let (spans, relations) = flatten(doc);
    let chars: Vec<char> = doc.text.chars().collect();
    let t_of: HashMap<&str, usize> = spans.iter().enumerate().map(|(i, s)| (s.id.as_str(), i + 1)).collect();
    let mut ann = String::new();
    for (i, span) in spans.iter().enumerate() {
        ann.push_str(&t_line(i + 1, span, &chars));
    }
    let mut r = 0;
    for relation in &relations {
        if let (Some(from), Some(to)) = (t_of.get(relation.from.as_str()), t_of.get(relation.to.as_str())) {
            r += 1;
            ann.push_str(&format!("R{r}\t{} Arg1:T{from} Arg2:T{to}\t\n", relation.kind));
        }
    }
    let marked = spans.iter().enumerate().filter(|(_, s)| s.status != Status::Accepted);
    let mut a = 0;
    for (i, span) in marked {
        a += 1;
        ann.push_str(&format!("A{a}\tStatus T{} {}\n", i + 1, status_name(span.status)));
    }
    summary.spans_written += spans.len();
    let used = HashMap::from([('T', spans.len()), ('R', r), ('A', a)]);
    ann.push_str(&kept_lines(doc, Numbering { t_of: &t_of, used }, declared, summary));
    ann
}

/// `T3\tLABEL 0 5;7 12\ttext`: fragments skip line breaks, as brat writes them.
fn t_line(number: usize, span: &FlatSpan, chars: &[char]) -> String {
    let fragments = fragments(span.start, span.end, chars);
    let offsets: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
    let texts: Vec<String> =
        fragments.iter().map(|&(s, e)| chars.get(s..e).unwrap_or_default().iter().collect()).collect();
    format!("T{number}\t{} {}\t{}\n", span.label, offsets.join(";"), texts.join(" "))
}

/// `start..end` cut into runs without `\r` or `\n`.
fn fragments(start: usize, end: usize, chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    for i in start..=end {
        let breaks = i == end || chars.get(i).is_none_or(|c| matches!(c, '\r' | '\n'));
        match (run, breaks) {
            (Some(s), true) => {
                out.push((s, i));
                run = None;
            }
            (None, false) => run = Some(i),
            _ => {}
        }
    }
    out
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Suggested => "Suggested",
        Status::Accepted => "Accepted",
        Status::Rejected => "Rejected",
        Status::Manual => "Manual",
    }
}

pub(crate) fn import(path: &Path, summary: &mut ImportSummary) -> Result<Vec<Document>, FormatError> {
    let anns = ann_files(path)?;
    let mut schemas = Schemas::default();
    let mut docs = Vec::new();
    for ann in anns {
        let txt = ann.with_extension("txt");
        let (text, had_bom) = read_text_noting_bom(&txt)?;
        let schema = schemas.for_ann(&ann)?;
        let content = read_text(&ann)?;
        let bad = |(line, message): (usize, String)| FormatError::malformed(&ann, line, message);
        let lines = ann::parse_lines(&content).map_err(bad)?;
        let text = if had_bom { text_as_offsets_count_it(text, &lines) } else { text };
        let mut draft = Draft::new(text, Some(txt), "brat");
        read::read_document(&mut draft, &lines, schema, summary).map_err(bad)?;
        docs.push(draft.finish(summary).map_err(|m| FormatError::malformed(&ann, 0, m))?);
    }
    Ok(docs)
}

/// The text of a `.txt` that began with a BOM: without it, unless the `T`
/// lines' texts fit only when the BOM counts as the first character (a tool
/// that read the file with the BOM as a character); then with it, so that
/// every offset stays true to the file.
fn text_as_offsets_count_it(text: String, lines: &[ann::AnnLine]) -> String {
    let fits = |text: &str| {
        let chars: Vec<char> = text.chars().collect();
        lines.iter().filter(|l| l.kind() == 'T').all(|l| ann::text_bound(l, &chars).is_ok())
    };
    if fits(&text) {
        return text;
    }
    let with_bom = format!("\u{feff}{text}");
    if fits(&with_bom) {
        with_bom
    } else {
        text
    }
}

/// A folder's `.ann` files, sub-folders included (sorted; hidden names
/// skipped), or the `.ann` beside a named `.txt` / `.ann`.
fn ann_files(path: &Path) -> Result<Vec<PathBuf>, FormatError> {
    if !path.is_dir() {
        return Ok(vec![path.with_extension("ann")]);
    }
    let mut anns = Vec::new();
    let mut folders = vec![path.to_owned()];
    while let Some(folder) = folders.pop() {
        let entries =
            std::fs::read_dir(&folder).map_err(|source| FormatError::Read { path: folder.clone(), source })?;
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            // `file_type` does not follow symlinks: a linked folder is never entered.
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                folders.push(path);
            } else if path.extension().is_some_and(|x| x == "ann") {
                anns.push(path);
            }
        }
    }
    anns.sort();
    Ok(anns)
}
