//! `annotation.conf`: found as brat finds it (the `.ann` file's folder, then
//! each parent), read for the span types it allows, and written on export
//! with every type the documents use.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::super::output::read_text;
use super::super::{FormatError, CUE, CUE_OF, DIRECT_QUOTE, INDIRECT_QUOTE, SAID_BY};

pub(crate) const CONF: &str = "annotation.conf";

/// Span types a configuration allows (`[entities]`, its older name
/// `[spans]`, and `[events]`, whose types label trigger spans).
pub(super) type Schema = HashSet<String>;

/// Configurations read so far, by the folder they were looked up from.
#[derive(Default)]
pub(super) struct Schemas {
    by_folder: HashMap<PathBuf, Option<(PathBuf, Schema)>>,
}

impl Schemas {
    /// The configuration that applies to `ann` and where it was found, if any.
    pub fn for_ann(&mut self, ann: &Path) -> Result<Option<&(PathBuf, Schema)>, FormatError> {
        let folder = ann.parent().map(Path::to_owned).unwrap_or_default();
        if !self.by_folder.contains_key(&folder) {
            let found = match find_conf(&folder) {
                Some(conf) => Some((conf.clone(), read_schema(&conf)?)),
                None => None,
            };
            self.by_folder.insert(folder.clone(), found);
        }
        Ok(self.by_folder.get(&folder).and_then(Option::as_ref))
    }
}

/// `annotation.conf` in `folder` or the nearest of its parents.
fn find_conf(folder: &Path) -> Option<PathBuf> {
    let start = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
    let absolute = start.canonicalize().unwrap_or_else(|_| start.to_owned());
    absolute.ancestors().map(|dir| dir.join(CONF)).find(|conf| conf.is_file())
}

fn read_schema(conf: &Path) -> Result<Schema, FormatError> {
    let mut section = String::new();
    let mut names = HashSet::new();
    for line in read_text(conf)?.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.to_owned();
            continue;
        }
        // Comments, and macros such as `<PERSONS>=PERSON|NORP`.
        if line.is_empty() || line.starts_with('#') || line.starts_with('<') {
            continue;
        }
        if matches!(section.as_str(), "[entities]" | "[spans]" | "[events]") {
            names.extend(line.split_whitespace().next().map(|n| n.trim_start_matches('!').to_owned()));
        }
    }
    Ok(names)
}

/// What a kept brat line declares, for the configuration written on export.
#[derive(Debug, Default)]
pub(super) struct Declared {
    pub spans: BTreeSet<String>,
    pub events: BTreeSet<String>,
    pub relations: BTreeSet<String>,
    pub attributes: BTreeSet<String>,
}

/// The configuration written beside an export: every label used, the quote
/// labels and links, the `Status` attribute, and what kept lines declare.
pub(super) fn conf_of(labels: BTreeSet<String>, declared: &Declared) -> String {
    let mut entities: BTreeSet<String> = labels.into_iter().chain(declared.spans.iter().cloned()).collect();
    entities.retain(|label| !declared.events.contains(label));
    entities.extend([DIRECT_QUOTE, INDIRECT_QUOTE, CUE].map(str::to_owned));
    let entities: Vec<String> = entities.into_iter().collect();
    let events: Vec<String> = declared.events.iter().map(|e| format!("{e}\t<ANY>")).collect();
    let relations: Vec<String> = declared
        .relations
        .iter()
        .filter(|r| !matches!(r.as_str(), SAID_BY | CUE_OF))
        .map(|r| format!("{r}\tArg1:<ANY>, Arg2:<ANY>"))
        .collect();
    let attributes: Vec<String> =
        declared.attributes.iter().filter(|a| a.as_str() != "Status").map(|a| format!("{a}\tArg:<ANY>")).collect();
    let list = |items: &[String]| if items.is_empty() { String::new() } else { format!("{}\n", items.join("\n")) };
    format!(
        "[entities]\n{}\n[relations]\n{SAID_BY}\tArg1:{DIRECT_QUOTE}|{INDIRECT_QUOTE}, Arg2:<ENTITY>\n\
         {CUE_OF}\tArg1:{CUE}, Arg2:{DIRECT_QUOTE}|{INDIRECT_QUOTE}\n{}\n[events]\n{}\n[attributes]\n\
         Status\tArg:<ENTITY>, Value:Suggested|Rejected|Manual\n{}",
        list(&entities),
        list(&relations),
        list(&events),
        list(&attributes),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_is_the_old_name_of_entities_and_parents_are_searched() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONF),
            "[spans]\nPerson\n!Abstract\n\tChild\n<X>=Person\n[events]\nTransfer-money\tGiver:Person\n",
        )
        .unwrap();
        let nested = dir.path().join("news/day1");
        std::fs::create_dir_all(&nested).unwrap();
        let mut schemas = Schemas::default();
        let (found, schema) = schemas.for_ann(&nested.join("a.ann")).unwrap().unwrap();
        assert!(found.starts_with(dir.path().canonicalize().unwrap()));
        for name in ["Person", "Abstract", "Child", "Transfer-money"] {
            assert!(schema.contains(name), "{name}: {schema:?}");
        }
        assert!(!schema.contains("<X>=Person"));
    }
}
