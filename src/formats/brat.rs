//! brat standoff: a folder with `<name>.txt` (the text exactly, CRLF kept),
//! `<name>.ann` and `annotation.conf`. Offsets are code points.
//!
//! Written: `T` lines for entities, quotes (`DIRECT_QUOTE`, `INDIRECT_QUOTE`)
//! and cues (`CUE`); a span crossing line breaks as brat's own fragments
//! (`T2\tDIRECT_QUOTE 10 40;42 60\t…`); `R` lines `SAID_BY Arg1:<quote>
//! Arg2:<speaker>` and `CUE_OF Arg1:<cue> Arg2:<quote>`; a `Status` attribute
//! on spans that are not plain accepted ones (`Suggested`, `Rejected`, `Manual`).
//! Read: all of that, and attribution events `E1\tSay:T4 Speaker:T1 Message:T2`
//! (the trigger becomes the cue).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::draft::{Draft, SpanId, SpanIds};
use super::flat::{flatten, FlatSpan};
use super::output::{read_text, write_file};
use super::{ExportSummary, FormatError, CUE, CUE_OF, DIRECT_QUOTE, INDIRECT_QUOTE, SAID_BY};
use crate::model::{Document, Status};

const CONF: &str = "annotation.conf";

pub(crate) fn export(docs: &[Document], out: &Path, summary: &mut ExportSummary) -> Result<(), FormatError> {
    let mut taken = HashSet::new();
    for (i, doc) in docs.iter().enumerate() {
        let name = unique_name(doc, i, &mut taken);
        let (ann, written) = ann_of(doc);
        summary.spans_written += written;
        write_file(&out.join(format!("{name}.txt")), doc.text.as_bytes(), summary)?;
        write_file(&out.join(format!("{name}.ann")), ann.as_bytes(), summary)?;
    }
    summary.lose(
        docs.iter().map(|d| d.entities.iter().filter(|e| e.confidence.is_some()).count()).sum(),
        "confidence scores (brat has none)",
    );
    write_file(&out.join(CONF), conf_of(docs).as_bytes(), summary)
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

fn ann_of(doc: &Document) -> (String, usize) {
    let (spans, relations) = flatten(doc);
    let chars: Vec<char> = doc.text.chars().collect();
    let t_of: HashMap<&str, usize> = spans.iter().enumerate().map(|(i, s)| (s.id.as_str(), i + 1)).collect();
    let mut ann = String::new();
    for (i, span) in spans.iter().enumerate() {
        ann.push_str(&t_line(i + 1, span, &chars));
    }
    for (i, r) in relations.iter().enumerate() {
        if let (Some(from), Some(to)) = (t_of.get(r.from.as_str()), t_of.get(r.to.as_str())) {
            ann.push_str(&format!("R{}\t{} Arg1:T{from} Arg2:T{to}\t\n", i + 1, r.kind));
        }
    }
    let marked = spans.iter().enumerate().filter(|(_, s)| s.status != Status::Accepted);
    for (n, (i, span)) in marked.enumerate() {
        ann.push_str(&format!("A{}\tStatus T{} {}\n", n + 1, i + 1, status_name(span.status)));
    }
    (ann, spans.len())
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

fn conf_of(docs: &[Document]) -> String {
    let labels: BTreeSet<&str> = docs
        .iter()
        .flat_map(|d| d.labels.iter().map(|l| l.name.as_str()).chain(d.entities.iter().map(|e| e.label.as_str())))
        .collect();
    let entities: Vec<&str> = labels.into_iter().chain([DIRECT_QUOTE, INDIRECT_QUOTE, CUE]).collect();
    format!(
        "[entities]\n{}\n\n[relations]\n{SAID_BY}\tArg1:{DIRECT_QUOTE}|{INDIRECT_QUOTE}, Arg2:<ENTITY>\n\
         {CUE_OF}\tArg1:{CUE}, Arg2:{DIRECT_QUOTE}|{INDIRECT_QUOTE}\n\n[events]\n\n[attributes]\n\
         Status\tArg:<ENTITY>, Value:Suggested|Rejected|Manual\n",
        entities.join("\n")
    )
}

pub(crate) fn import(path: &Path) -> Result<Vec<Document>, FormatError> {
    let anns = ann_files(path)?;
    let mut docs = Vec::new();
    for ann in anns {
        let txt = ann.with_extension("txt");
        let text = read_text(&txt)?;
        let schema = read_schema(&ann.with_file_name(CONF))?;
        docs.push(document_of(&ann, text, txt, schema.as_ref())?);
    }
    Ok(docs)
}

/// A folder's `.ann` files (sorted), or the `.ann` beside a named `.txt`/`.ann`.
fn ann_files(path: &Path) -> Result<Vec<PathBuf>, FormatError> {
    if !path.is_dir() {
        return Ok(vec![path.with_extension("ann")]);
    }
    let entries = std::fs::read_dir(path).map_err(|source| FormatError::Read { path: path.to_owned(), source })?;
    let mut anns: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    anns.sort();
    Ok(anns)
}

/// Span types allowed by `annotation.conf` (entities and event triggers).
fn read_schema(conf: &Path) -> Result<Option<HashSet<String>>, FormatError> {
    if !conf.exists() {
        return Ok(None);
    }
    let mut section = String::new();
    let mut names = HashSet::new();
    for line in read_text(conf)?.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.to_owned();
        } else if !line.is_empty() && !line.starts_with('#') && matches!(section.as_str(), "[entities]" | "[events]") {
            names.extend(line.split_whitespace().next().map(|n| n.trim_start_matches('!').to_owned()));
        }
    }
    Ok(Some(names))
}

/// One parsed `.ann` line, with its 1-based number.
struct AnnLine<'a> {
    number: usize,
    id: &'a str,
    fields: Vec<&'a str>,
}

fn document_of(
    ann: &Path,
    text: String,
    txt: PathBuf,
    schema: Option<&HashSet<String>>,
) -> Result<Document, FormatError> {
    let content = read_text(ann)?;
    let lines: Vec<AnnLine> = content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let mut fields = l.split('\t');
            let id = fields.next().unwrap_or_default();
            AnnLine { number: i + 1, id, fields: fields.collect() }
        })
        .collect();
    let bad = |line: &AnnLine, message: String| FormatError::malformed(ann, line.number, message);
    let triggers: HashSet<&str> = lines
        .iter()
        .filter(|l| l.id.starts_with('E'))
        .filter_map(|l| l.fields.first()?.split_whitespace().next()?.split(':').nth(1))
        .collect();
    let statuses = read_statuses(&lines).map_err(|(line, m)| bad(line, m))?;
    let mut draft = Draft::new(text, Some(txt), "brat");
    let mut ids = SpanIds::new();
    for line in lines.iter().filter(|l| l.id.starts_with('T')) {
        let status = statuses.get(line.id).copied().unwrap_or(Status::Accepted);
        let span = t_span(&mut draft, line, triggers.contains(line.id), status, schema).map_err(|m| bad(line, m))?;
        ids.insert(line.id.to_owned(), span);
    }
    for line in &lines {
        let linked = match line.id.chars().next() {
            Some('R') => r_link(&mut draft, &ids, line),
            Some('E') => e_link(&mut draft, &ids, line),
            Some('T' | 'A' | 'M' | '#' | 'N') => Ok(()),
            _ => Err(format!("unknown annotation line {:?}", line.id)),
        };
        linked.map_err(|m| bad(line, m))?;
    }
    draft.finish().map_err(|m| FormatError::malformed(ann, 0, m))
}

fn read_statuses<'a, 'l>(lines: &'l [AnnLine<'a>]) -> Result<HashMap<&'a str, Status>, (&'l AnnLine<'a>, String)> {
    let mut statuses = HashMap::new();
    for line in lines.iter().filter(|l| l.id.starts_with('A') || l.id.starts_with('M')) {
        let parts: Vec<&str> = line.fields.first().unwrap_or(&"").split_whitespace().collect();
        if let ["Status", target, value] = parts.as_slice() {
            let status = match *value {
                "Suggested" => Status::Suggested,
                "Rejected" => Status::Rejected,
                "Manual" => Status::Manual,
                "Accepted" => Status::Accepted,
                other => return Err((line, format!("unknown Status value {other:?}"))),
            };
            statuses.insert(*target, status);
        }
    }
    Ok(statuses)
}

/// A `T` line: `LABEL start end[;start end…]` and the covered text.
fn t_span(
    draft: &mut Draft,
    line: &AnnLine,
    is_trigger: bool,
    status: Status,
    schema: Option<&HashSet<String>>,
) -> Result<SpanId, String> {
    let spec = line.fields.first().ok_or("a T line needs `LABEL START END`")?;
    let (label, offsets) = spec.split_once(' ').ok_or("a T line needs `LABEL START END`")?;
    if schema.is_some_and(|names| !names.contains(label)) {
        return Err(format!("unknown label {label:?}: not in {CONF}"));
    }
    let mut bounds = Vec::new();
    for fragment in offsets.split(';') {
        let numbers: Vec<usize> = fragment.split_whitespace().filter_map(|n| n.parse().ok()).collect();
        match numbers.as_slice() {
            [s, e] => bounds.push((*s, *e)),
            _ => return Err(format!("bad offsets {fragment:?}")),
        }
    }
    let start = bounds.iter().map(|b| b.0).min().unwrap_or(0);
    let end = bounds.iter().map(|b| b.1).max().unwrap_or(0);
    check_fragments_text(draft, &bounds, line.fields.get(1).copied())?;
    let label = if is_trigger { CUE } else { label };
    draft.span(start, end, label, status)
}

/// The text field must be what the offsets cover: catches shifted offsets.
fn check_fragments_text(draft: &Draft, bounds: &[(usize, usize)], claimed: Option<&str>) -> Result<(), String> {
    let Some(claimed) = claimed else { return Ok(()) };
    let len = draft.char_len();
    if let Some((s, e)) = bounds.iter().find(|(s, e)| s >= e || *e > len) {
        return Err(format!("span {s}..{e} lies outside the text ({len} code points)"));
    }
    let chars: Vec<char> = draft.text().chars().collect();
    let actual: Vec<String> =
        bounds.iter().map(|&(s, e)| chars.get(s..e).unwrap_or_default().iter().collect()).collect();
    let actual = actual.join(" ");
    if actual != claimed {
        return Err(format!("offsets cover {actual:?} but the line says {claimed:?}"));
    }
    Ok(())
}

fn r_link(draft: &mut Draft, ids: &SpanIds, line: &AnnLine) -> Result<(), String> {
    let parts: Vec<&str> = line.fields.first().unwrap_or(&"").split_whitespace().collect();
    let [kind, arg1, arg2] = parts.as_slice() else {
        return Err("an R line needs `TYPE Arg1:T1 Arg2:T2`".to_owned());
    };
    let (from, to) = (arg(ids, arg1)?, arg(ids, arg2)?);
    draft.relate(&from, &to, kind)
}

/// `Say:T4 Speaker:T1 Message:T2`: the message is the quote, the trigger its cue.
fn e_link(draft: &mut Draft, ids: &SpanIds, line: &AnnLine) -> Result<(), String> {
    let parts: Vec<&str> = line.fields.first().unwrap_or(&"").split_whitespace().collect();
    let Some((trigger, roles)) = parts.split_first() else {
        return Err("an E line needs `TYPE:T1 Role:T2 …`".to_owned());
    };
    let role = |name: &str| roles.iter().find(|r| r.split(':').next() == Some(name));
    let message = role("Message").ok_or("an attribution event needs a Message argument")?;
    let quote = arg(ids, message)?;
    if let Some(speaker) = role("Speaker") {
        draft.relate(&quote, &arg(ids, speaker)?, SAID_BY)?;
    }
    draft.relate(&arg(ids, trigger)?, &quote, CUE_OF)
}

fn arg(ids: &SpanIds, arg: &str) -> Result<SpanId, String> {
    let id = arg.split(':').nth(1).ok_or_else(|| format!("bad argument {arg:?}"))?;
    ids.get(id).cloned().ok_or_else(|| format!("unknown annotation {id}"))
}
