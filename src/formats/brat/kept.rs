//! brat lines Sorot's model cannot hold, kept verbatim in the document's
//! extras under `"brat"`: `{"spans": {"T3": "e2", …}, "lines": ["E1\t…", …]}`.
//! `spans` maps the file's `T` ids to the Sorot spans they became, so that
//! an export, which numbers spans afresh, rewrites each kept line's
//! references to the new numbers (and gives the kept lines fresh ids that
//! cannot collide with the ones it writes).

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::super::draft::Draft;
use super::super::ExportSummary;
use super::ann::{parse_lines, referenced_id, AnnLine};
use super::conf::Declared;
use crate::model::Document;

const KEY: &str = "brat";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Extras {
    /// brat `T` id → the Sorot span id a flattened export gives it.
    #[serde(default)]
    spans: BTreeMap<String, String>,
    #[serde(default)]
    lines: Vec<String>,
}

/// Lines set aside while reading one `.ann` file.
#[derive(Debug, Default)]
pub(super) struct KeptLines {
    lines: Vec<String>,
    /// Ids the kept lines refer to.
    referenced: HashSet<String>,
}

impl KeptLines {
    pub fn push(&mut self, line: &AnnLine) {
        self.referenced.extend(line.words().iter().map(|w| referenced_id(w).to_owned()));
        self.lines.push(line.raw.to_owned());
    }

    /// Stores the kept lines in the document, with the span ids they need.
    pub fn store(self, draft: &mut Draft, flat_ids: &HashMap<String, String>) {
        if self.lines.is_empty() {
            return;
        }
        let spans = flat_ids
            .iter()
            .filter(|(t, _)| self.referenced.contains(t.as_str()))
            .map(|(t, id)| (t.clone(), id.clone()))
            .collect();
        let extras = Extras { spans, lines: self.lines };
        if let Ok(value) = serde_json::to_value(extras) {
            draft.set_extras(KEY, value);
        }
    }
}

/// Where an export stands when the kept lines are written: the spans'
/// new `T` numbers and how many ids of each kind it has used.
pub(super) struct Numbering<'a> {
    pub t_of: &'a HashMap<&'a str, usize>,
    pub used: HashMap<char, usize>,
}

/// The document's kept lines, renumbered, with their references rewritten;
/// lines that refer to spans deleted since the import are left out and counted.
pub(super) fn kept_lines(
    doc: &Document,
    mut numbering: Numbering,
    declared: &mut Declared,
    summary: &mut ExportSummary,
) -> String {
    let Some(value) = doc.extras.get(KEY) else { return String::new() };
    let Ok(extras) = serde_json::from_value::<Extras>(value.clone()) else {
        summary.lose(1, "brat extras that are not in Sorot's layout");
        return String::new();
    };
    let joined = extras.lines.join("\n");
    let Ok(lines) = parse_lines(&joined) else {
        summary.lose(extras.lines.len(), "kept brat lines that no longer parse");
        return String::new();
    };
    let mut new_ids: HashMap<&str, String> = HashMap::new();
    for (t, span) in &extras.spans {
        if let Some(n) = numbering.t_of.get(span.as_str()) {
            new_ids.insert(t.as_str(), format!("T{n}"));
        }
    }
    for line in lines.iter().filter(|l| l.id != "*") {
        let kind = line.kind();
        let next = numbering.used.entry(kind).or_insert(0);
        *next += 1;
        new_ids.insert(line.id, format!("{kind}{next}"));
    }
    let written = resolvable(&lines, &new_ids);
    summary.lose(lines.len() - written.len(), "kept brat lines referring to spans deleted since the import");
    let mut out = String::new();
    for line in written {
        declare(line, declared);
        out.push_str(&rewritten(line, &new_ids));
        out.push('\n');
    }
    out
}

/// The lines whose references all resolve, repeated until lines referring
/// to left-out lines are left out too.
fn resolvable<'l, 'a>(lines: &'l [AnnLine<'a>], new_ids: &HashMap<&str, String>) -> Vec<&'l AnnLine<'a>> {
    let mut dropped = vec![false; lines.len()];
    let mut dropped_ids: HashSet<&str> = HashSet::new();
    loop {
        let mut changed = false;
        for (line, gone) in lines.iter().zip(dropped.iter_mut()) {
            let dangling = references(line).iter().any(|id| !new_ids.contains_key(id) || dropped_ids.contains(id));
            if dangling && !*gone {
                *gone = true;
                dropped_ids.insert(line.id);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    lines.iter().zip(dropped).filter(|(_, gone)| !gone).map(|(line, _)| line).collect()
}

/// The ids a line refers to (not its own).
fn references<'a>(line: &AnnLine<'a>) -> Vec<&'a str> {
    let words = line.words();
    match line.kind() {
        'E' => words.iter().map(|w| referenced_id(w)).collect(),
        'R' | '*' => words.iter().skip(1).map(|w| referenced_id(w)).collect(),
        'A' | 'M' | 'N' | '#' => words.get(1).copied().into_iter().collect(),
        _ => Vec::new(),
    }
}

/// The line with its id and references renumbered; text fields untouched.
fn rewritten(line: &AnnLine, new_ids: &HashMap<&str, String>) -> String {
    let refs: HashSet<&str> = references(line).into_iter().collect();
    let words: Vec<String> = line
        .words()
        .iter()
        .map(|word| {
            let id = referenced_id(word);
            match new_ids.get(id).filter(|_| refs.contains(id)) {
                Some(new) => format!("{}{new}", word.strip_suffix(id).unwrap_or_default()),
                None => (*word).to_owned(),
            }
        })
        .collect();
    let id = new_ids.get(line.id).map_or(line.id, String::as_str);
    match line.text {
        Some(text) => format!("{id}\t{}\t{text}", words.join(" ")),
        None => format!("{id}\t{}", words.join(" ")),
    }
}

/// Types a kept line uses, for the configuration.
fn declare(line: &AnnLine, declared: &mut Declared) {
    let words = line.words();
    let first = words.first().copied().unwrap_or_default();
    match line.kind() {
        'T' => {
            declared.spans.insert(first.to_owned());
        }
        'E' => {
            declared.events.insert(first.split(':').next().unwrap_or_default().to_owned());
        }
        'R' => {
            declared.relations.insert(first.to_owned());
        }
        'A' | 'M' => {
            declared.attributes.insert(first.to_owned());
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_renumbered_and_text_fields_untouched() {
        let lines =
            parse_lines("E1\tTransfer-money:T3 Giver-Arg:T1 Money:T9\n#1\tAnnotatorNotes E1\tT3 is “fine” 😀\n")
                .unwrap();
        let mut new_ids: HashMap<&str, String> =
            [("T3", "T7"), ("T1", "T2"), ("T9", "T8")].into_iter().map(|(a, b)| (a, b.to_owned())).collect();
        new_ids.insert("E1", "E4".to_owned());
        new_ids.insert("#1", "#1".to_owned());
        assert_eq!(rewritten(&lines[0], &new_ids), "E4\tTransfer-money:T7 Giver-Arg:T2 Money:T8");
        assert_eq!(rewritten(&lines[1], &new_ids), "#1\tAnnotatorNotes E4\tT3 is “fine” 😀");
        new_ids.remove("T9");
        assert!(resolvable(&lines, &new_ids).is_empty(), "the note refers to the event left out");
    }
}
