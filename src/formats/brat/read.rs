//! One `.ann` file (with its `.txt`) to a document.
//!
//! A dataset brings its own schema: every contiguous `T` line becomes a span
//! labelled with its type. Sorot's vocabulary is read into the model:
//! `DIRECT_QUOTE` / `INDIRECT_QUOTE` / `CUE` spans, `SAID_BY` and `CUE_OF`
//! relations, the `Status` attribute, and attribution events
//! `Say:T4 Speaker:T1 Message:T2` whose message is a quote (the trigger becomes
//! the cue). Everything else — other events, relations, attributes, notes,
//! normalisations, equivalences, discontinuous spans, cues linked to no
//! quote — is kept verbatim in the document's extras (see `kept`), counted in
//! the import summary, and written back by a brat export. References must
//! resolve and ids be unique: anything dangling is an error naming its line.

use std::collections::{HashMap, HashSet};

use super::super::draft::{Draft, SpanId};
use super::super::{ImportSummary, CUE, CUE_OF, DIRECT_QUOTE, INDIRECT_QUOTE, SAID_BY};
use super::ann::{referenced_id, text_bound, AnnLine, TextBound};
use super::conf::Schema;
use super::kept::KeptLines;
use crate::model::Status;

/// An error on one line of the `.ann` file.
pub(super) type LineError = (usize, String);

/// What a `T` line became.
#[derive(Debug, Clone)]
enum Placed {
    /// A span of the document, with the id flattened exports give it.
    Span(SpanId),
    /// Kept verbatim (discontinuous, or a cue linked to no quote).
    Kept,
}

/// An attribution event read as a quote: trigger, message, speaker.
struct Attribution<'a> {
    line: usize,
    trigger: &'a str,
    message: &'a str,
    speaker: Option<&'a str>,
}

pub(super) fn read_document(
    draft: &mut Draft,
    lines: &[AnnLine],
    schema: Option<&(std::path::PathBuf, Schema)>,
    summary: &mut ImportSummary,
) -> Result<(), LineError> {
    let chars: Vec<char> = draft.text().chars().collect();
    let ids: HashMap<&str, &AnnLine> = lines.iter().filter(|l| l.id != "*").map(|l| (l.id, l)).collect();
    check_references(lines, &ids)?;
    let bounds = text_bounds(lines, &chars, schema)?;
    let linked_cues = cue_of_sources(lines);
    let attributions = attributions(lines, &bounds, &chars);
    let statuses = statuses(lines, &bounds)?;
    let triggers: HashSet<&str> = attributions.iter().map(|a| a.trigger).collect();
    let mut placed: HashMap<&str, Placed> = HashMap::new();
    let mut flat_ids: HashMap<String, String> = HashMap::new();
    let mut kept = KeptLines::default();
    for line in lines.iter().filter(|l| l.kind() == 'T') {
        let Some(bound) = bounds.get(line.id) else { continue };
        if triggers.contains(line.id) {
            continue; // becomes its quote's cue below
        }
        let cue_alone = bound.label == CUE && !linked_cues.contains(line.id);
        if !bound.is_contiguous(&chars) || cue_alone {
            summary.keep(1, if cue_alone { "cues linked to no quote" } else { "discontinuous spans" });
            kept.push(line);
            placed.insert(line.id, Placed::Kept);
            continue;
        }
        let status = statuses.get(line.id).copied().unwrap_or(Status::Accepted);
        let span = draft.span(bound.start(), bound.end(), &bound.label, status).map_err(|m| (line.number, m))?;
        if let Some(id) = flat_id(&span) {
            flat_ids.insert(line.id.to_owned(), id);
        }
        placed.insert(line.id, Placed::Span(span));
    }
    for attribution in &attributions {
        read_attribution(draft, attribution, &bounds, &placed, &mut flat_ids).map_err(|m| (attribution.line, m))?;
    }
    summary.convert(attributions.len(), "attribution events read as quotes with speaker and cue");
    let read_events: HashSet<usize> = attributions.iter().map(|a| a.line).collect();
    for line in lines {
        match line.kind() {
            'T' => {}
            'R' => read_relation(draft, line, &placed, &mut flat_ids, &mut kept, summary)?,
            'A' | 'M' if is_status_of_span(line, &placed) => {}
            'E' if read_events.contains(&line.number) => {}
            kind => {
                summary.keep(1, kept_name(kind));
                kept.push(line);
            }
        }
    }
    kept.store(draft, &flat_ids);
    Ok(())
}

/// Every id a line refers to must be a line of the file.
fn check_references(lines: &[AnnLine], ids: &HashMap<&str, &AnnLine>) -> Result<(), LineError> {
    for line in lines {
        let words = line.words();
        let references: Vec<&str> = match line.kind() {
            'E' => words.iter().map(|w| referenced_id(w)).collect(),
            'R' => words.iter().skip(1).map(|w| referenced_id(w)).collect(),
            'A' | 'M' | 'N' | '#' => words.get(1).copied().into_iter().collect(),
            '*' => words.iter().skip(1).copied().collect(),
            _ => Vec::new(),
        };
        if line.kind() == 'R' && words.len() != 3 {
            return Err((line.number, "an R line needs `TYPE Arg1:ID Arg2:ID`".to_owned()));
        }
        if let Some(missing) = references.iter().find(|id| !ids.contains_key(*id)) {
            return Err((line.number, format!("{} refers to {missing}, which is not in the file", line.id)));
        }
        if line.kind() == 'E' && words.first().is_none_or(|w| !w.contains(':')) {
            return Err((line.number, "an E line needs `TYPE:TRIGGER Role:ID …`".to_owned()));
        }
    }
    Ok(())
}

/// Every `T` line's label and fragments, checked against the text and schema.
fn text_bounds<'a>(
    lines: &[AnnLine<'a>],
    chars: &[char],
    schema: Option<&(std::path::PathBuf, Schema)>,
) -> Result<HashMap<&'a str, TextBound>, LineError> {
    let mut bounds = HashMap::new();
    for line in lines.iter().filter(|l| l.kind() == 'T') {
        let bound = text_bound(line, chars).map_err(|m| (line.number, m))?;
        super::super::draft::check_label(&bound.label).map_err(|m| (line.number, m))?;
        if let Some((conf, names)) = schema {
            if !names.contains(&bound.label) {
                let message = format!("unknown label {:?}: not in {}", bound.label, conf.display());
                return Err((line.number, message));
            }
        }
        bounds.insert(line.id, bound);
    }
    Ok(bounds)
}

/// `T` ids that a `CUE_OF` relation links to a quote.
fn cue_of_sources<'a>(lines: &[AnnLine<'a>]) -> HashSet<&'a str> {
    lines
        .iter()
        .filter(|l| l.kind() == 'R')
        .filter_map(|l| match l.words().as_slice() {
            [kind, from, _] if sorot_link(kind) == Some(CUE_OF) => Some(referenced_id(from)),
            _ => None,
        })
        .collect()
}

fn is_quote_label(label: &str) -> bool {
    matches!(label, DIRECT_QUOTE | INDIRECT_QUOTE)
}

/// Events that fit Sorot's quotation: a trigger, a `Message` that is a quote
/// span, at most a `Speaker` entity, no other role, one event per quote.
fn attributions<'a>(lines: &[AnnLine<'a>], bounds: &HashMap<&str, TextBound>, chars: &[char]) -> Vec<Attribution<'a>> {
    let contiguous = |id: &str| bounds.get(id).filter(|b| b.is_contiguous(chars));
    let mut taken: HashSet<&str> = HashSet::new();
    let mut found = Vec::new();
    for line in lines.iter().filter(|l| l.kind() == 'E') {
        let words = line.words();
        let Some((trigger, roles)) = words.split_first() else { continue };
        let trigger = referenced_id(trigger);
        let role = |name: &str| -> Vec<&str> {
            roles
                .iter()
                .copied()
                .filter(|r| r.split(':').next().is_some_and(|n| n.eq_ignore_ascii_case(name)))
                .collect()
        };
        let (messages, speakers) = (role("Message"), role("Speaker"));
        let fits = messages.len() == 1 && speakers.len() <= 1 && messages.len() + speakers.len() == roles.len();
        if !fits {
            continue;
        }
        let message = messages.first().map(|m| referenced_id(m)).unwrap_or_default();
        let speaker = speakers.first().map(|s| referenced_id(s));
        let trigger_ok = contiguous(trigger).is_some_and(|b| !is_quote_label(&b.label) && b.label != CUE);
        let message_ok = contiguous(message).is_some_and(|b| is_quote_label(&b.label));
        let speaker_ok =
            speaker.is_none_or(|s| contiguous(s).is_some_and(|b| !is_quote_label(&b.label) && b.label != CUE));
        if trigger_ok && message_ok && speaker_ok && !taken.contains(message) && !taken.contains(trigger) {
            taken.extend([message, trigger]);
            found.push(Attribution { line: line.number, trigger, message, speaker });
        }
    }
    found
}

/// `Status` attributes of `T` lines: one per span, a known value.
fn statuses<'a>(
    lines: &[AnnLine<'a>],
    bounds: &HashMap<&str, TextBound>,
) -> Result<HashMap<&'a str, Status>, LineError> {
    let mut statuses = HashMap::new();
    for line in lines.iter().filter(|l| matches!(l.kind(), 'A' | 'M')) {
        let words = line.words();
        let ["Status", target, rest @ ..] = words.as_slice() else { continue };
        if !bounds.contains_key(target) {
            continue; // a status of an event or relation: kept as written
        }
        let status = match rest {
            ["Suggested"] => Status::Suggested,
            ["Rejected"] => Status::Rejected,
            ["Manual"] => Status::Manual,
            ["Accepted"] => Status::Accepted,
            other => {
                let message =
                    format!("unknown Status value {:?} (Suggested, Accepted, Rejected or Manual)", other.join(" "));
                return Err((line.number, message));
            }
        };
        if statuses.insert(*target, status).is_some() {
            return Err((line.number, format!("a second Status for {target}")));
        }
    }
    Ok(statuses)
}

/// Whether an `A` line is a `Status` read into a span of the document.
fn is_status_of_span(line: &AnnLine, placed: &HashMap<&str, Placed>) -> bool {
    matches!(line.words().as_slice(), ["Status", target, _] if matches!(placed.get(target), Some(Placed::Span(_))))
}

/// The trigger becomes the quote's cue, the speaker its `SAID_BY`.
fn read_attribution(
    draft: &mut Draft,
    attribution: &Attribution,
    bounds: &HashMap<&str, TextBound>,
    placed: &HashMap<&str, Placed>,
    flat_ids: &mut HashMap<String, String>,
) -> Result<(), String> {
    let span_of = |id: &str| match placed.get(id) {
        Some(Placed::Span(span)) => Ok(span.clone()),
        _ => Err(format!("{id} is not a span Sorot can link")),
    };
    let quote = span_of(attribution.message)?;
    let trigger = bounds.get(attribution.trigger).ok_or("the trigger is not a T line")?;
    let cue = draft.span(trigger.start(), trigger.end(), CUE, Status::Accepted)?;
    draft.relate(&cue, &quote, CUE_OF)?;
    if let SpanId::Quote(quote_id) = &quote {
        flat_ids.insert(attribution.trigger.to_owned(), format!("{quote_id}-cue"));
    }
    if let Some(speaker) = attribution.speaker {
        draft.relate(&quote, &span_of(speaker)?, SAID_BY)?;
    }
    Ok(())
}

/// `SAID_BY` / `CUE_OF` between spans of the right kinds are read as links;
/// any other relation is kept verbatim.
fn read_relation<'a>(
    draft: &mut Draft,
    line: &AnnLine<'a>,
    placed: &HashMap<&str, Placed>,
    flat_ids: &mut HashMap<String, String>,
    kept: &mut KeptLines,
    summary: &mut ImportSummary,
) -> Result<(), LineError> {
    let words = line.words();
    let [kind, from, to] = words.as_slice() else {
        return Err((line.number, "an R line needs `TYPE Arg1:ID Arg2:ID`".to_owned()));
    };
    let (from_id, to_id) = (referenced_id(from), referenced_id(to));
    let link = sorot_link(kind).unwrap_or(kind);
    let spans = match (placed.get(from_id), placed.get(to_id)) {
        (Some(Placed::Span(a)), Some(Placed::Span(b))) => Some((a.clone(), b.clone())),
        _ => None,
    };
    let fits = matches!(
        (link, &spans),
        (SAID_BY, Some((SpanId::Quote(_), SpanId::Entity(_)))) | (CUE_OF, Some((SpanId::Cue(_), SpanId::Quote(_))))
    );
    let Some((from_span, to_span)) = spans.filter(|_| fits) else {
        summary.keep(1, "relations Sorot has no link for");
        kept.push(line);
        return Ok(());
    };
    draft.relate(&from_span, &to_span, link).map_err(|m| (line.number, m))?;
    if link != *kind {
        summary.convert(1, &format!("{link}-like relations read as {link}"));
    }
    if let (CUE_OF, SpanId::Quote(quote_id)) = (link, &to_span) {
        flat_ids.insert(from_id.to_owned(), format!("{quote_id}-cue"));
    }
    Ok(())
}

/// `SAID_BY` / `CUE_OF` for a relation type that names one of them in another
/// spelling (`said_by`, `SaidBy`, `Said-By`, `cue-of`).
fn sorot_link(kind: &str) -> Option<&'static str> {
    let squeezed: String = kind.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
    match squeezed.as_str() {
        "saidby" => Some(SAID_BY),
        "cueof" => Some(CUE_OF),
        _ => None,
    }
}

/// The id a flattened export gives a span (a cue's is known once linked).
fn flat_id(span: &SpanId) -> Option<String> {
    match span {
        SpanId::Entity(id) | SpanId::Quote(id) => Some(id.clone()),
        SpanId::Cue(_) => None,
    }
}

fn kept_name(kind: char) -> &'static str {
    match kind {
        'E' => "events that are not quote attributions",
        'A' | 'M' => "attributes",
        'N' => "normalizations",
        '#' => "notes",
        '*' => "equivalences",
        _ => "other lines",
    }
}
