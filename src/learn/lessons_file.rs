//! A learned model's quotation lessons, kept beside its weights as
//! `MODEL.lessons.json`, so that `sorot analyze --model MODEL` suggests as the
//! project that learned it does: with the speech verbs its annotators marked as
//! cues, with the patterns they kept rejecting made less sure, and with the
//! speaker ranker's weights learned from their speaker choices.
//!
//! The file is plain JSON, so a dataset builder can read (and edit) what was
//! learned:
//!
//! ```json
//! {"format": "sorot-lessons", "version": 1,
//!  "cues_after": ["seloroh"], "cues_before": [],
//!  "patterns": [{"cue": "kata", "direct": true, "cue_after": true, "factor": 0.25}],
//!  "speaker_weights": {"named_at_cue": 20.0, "last_speaker": 1.25, …}}
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::QuoteLessons;
use crate::analysis::SpeakerWeights;
use crate::store::write_atomically;

const FORMAT: &str = "sorot-lessons";
const VERSION: u32 = 1;
/// Larger files are no lessons Sorot wrote: refused before reading.
const MAX_LESSONS_BYTES: u64 = 16 * 1024 * 1024;
/// A cue is one word; longer ones are no cue Sorot learned.
const MAX_CUE_CHARS: usize = 64;

#[derive(Debug, thiserror::Error)]
pub enum LessonsFileError {
    #[error("cannot read lessons {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot use lessons {path}: {reason}")]
    Invalid { path: PathBuf, reason: String },
    #[error("cannot write lessons {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonsJson {
    format: String,
    version: u32,
    cues_after: Vec<String>,
    cues_before: Vec<String>,
    patterns: Vec<PatternJson>,
    /// The speaker ranker's learned weights (absent: the shipped ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker_weights: Option<SpeakerWeights>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternJson {
    cue: String,
    direct: bool,
    cue_after: bool,
    factor: f32,
}

/// Where the lessons of the model at `model` are kept.
pub fn lessons_path(model: &Path) -> PathBuf {
    let mut name = model.as_os_str().to_owned();
    name.push(".lessons.json");
    PathBuf::from(name)
}

/// Writes `lessons` beside the model at `model`, atomically.
pub fn write_lessons(model: &Path, lessons: &QuoteLessons) -> Result<PathBuf, LessonsFileError> {
    let path = lessons_path(model);
    let json = LessonsJson {
        format: FORMAT.to_owned(),
        version: VERSION,
        cues_after: lessons.cues_after.iter().cloned().collect(),
        cues_before: lessons.cues_before.iter().cloned().collect(),
        patterns: lessons
            .factors
            .iter()
            .map(|((cue, direct, cue_after), factor)| PatternJson {
                cue: cue.clone(),
                direct: *direct,
                cue_after: *cue_after,
                factor: *factor,
            })
            .collect(),
        speaker_weights: lessons.speaker_weights,
    };
    let fail = |source| LessonsFileError::Write { path: path.clone(), source };
    let bytes = serde_json::to_vec_pretty(&json).map_err(|e| fail(e.into()))?;
    write_atomically(&path, &bytes).map_err(fail)?;
    Ok(path)
}

/// The lessons beside the model at `model`; `None` when it has none (a model
/// written before lessons were kept, or by hand).
pub fn read_lessons(model: &Path) -> Result<Option<QuoteLessons>, LessonsFileError> {
    let path = lessons_path(model);
    let read_err = |source| LessonsFileError::Read { path: path.clone(), source };
    let size = match std::fs::metadata(&path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(read_err(error)),
        Ok(meta) if !meta.is_file() => {
            return Err(LessonsFileError::Invalid { path, reason: "not a regular file".into() })
        }
        Ok(meta) => meta.len(),
    };
    let invalid = |reason: String| LessonsFileError::Invalid { path: path.clone(), reason };
    if size > MAX_LESSONS_BYTES {
        return Err(invalid(format!("{size} bytes is larger than any lessons file Sorot writes")));
    }
    let bytes = std::fs::read(&path).map_err(read_err)?;
    let json: LessonsJson = serde_json::from_slice(&bytes).map_err(|e| invalid(e.to_string()))?;
    lessons_of(json).map(Some).map_err(invalid)
}

fn lessons_of(json: LessonsJson) -> Result<QuoteLessons, String> {
    if json.format != FORMAT || json.version != VERSION {
        return Err(format!(
            "format {:?} version {}, expected {FORMAT:?} version {VERSION}",
            json.format, json.version
        ));
    }
    let cues = |words: Vec<String>| -> Result<BTreeSet<String>, String> {
        words.into_iter().map(|w| checked_cue(w.as_str()).map(|()| w.to_lowercase())).collect()
    };
    let mut factors = BTreeMap::new();
    for p in json.patterns {
        checked_cue(&p.cue)?;
        if !(0.0..=1.0).contains(&p.factor) {
            return Err(format!("the factor of cue {:?} is {}, not between 0 and 1", p.cue, p.factor));
        }
        factors.insert((p.cue.to_lowercase(), p.direct, p.cue_after), p.factor);
    }
    if json.speaker_weights.is_some_and(|w| w.values().iter().any(|v| !v.is_finite())) {
        return Err("a speaker weight is not a finite number".to_owned());
    }
    Ok(QuoteLessons {
        cues_after: cues(json.cues_after)?,
        cues_before: cues(json.cues_before)?,
        factors,
        speaker_weights: json.speaker_weights,
    })
}

fn checked_cue(word: &str) -> Result<(), String> {
    let short: String = word.chars().take(MAX_CUE_CHARS).collect();
    if word.is_empty() || word.chars().any(char::is_whitespace) || short.len() < word.len() {
        return Err(format!("{short:?} is not a one-word cue"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lessons() -> QuoteLessons {
        let mut factors = BTreeMap::new();
        factors.insert(("kata".to_owned(), true, true), 0.25);
        QuoteLessons {
            cues_after: ["seloroh".to_owned()].into(),
            cues_before: ["menyindir".to_owned()].into(),
            factors,
            speaker_weights: Some(SpeakerWeights { last_speaker: 1.25, ..SpeakerWeights::default() }),
        }
    }

    #[test]
    fn lessons_written_beside_a_model_read_back_the_same() {
        let dir = tempfile::tempdir().expect("temp dir");
        let model = dir.path().join("m.bin");
        let path = write_lessons(&model, &lessons()).expect("writes");
        assert_eq!(path, dir.path().join("m.bin.lessons.json"));
        assert_eq!(read_lessons(&model).expect("reads"), Some(lessons()));
        assert_eq!(read_lessons(&dir.path().join("other.bin")).expect("none"), None, "no file, no lessons");
    }

    #[test]
    fn damaged_or_foreign_lessons_are_refused_with_the_reason() {
        let dir = tempfile::tempdir().expect("temp dir");
        let model = dir.path().join("m.bin");
        let good = r#"{"format":"sorot-lessons","version":1,"cues_after":[],"cues_before":[],"patterns":[]}"#;
        let cases = [
            (good.replace("sorot-lessons", "other"), "expected \"sorot-lessons\""),
            (good.replace("\"version\":1", "\"version\":9"), "version 9"),
            (good.replace("\"cues_after\":[]", "\"cues_after\":[\"two words\"]"), "not a one-word cue"),
            (good.replace("\"cues_after\":[]", "\"cues_after\":[\"\"]"), "not a one-word cue"),
            (
                good.replace("[]}", r#"[{"cue":"kata","direct":true,"cue_after":true,"factor":3.5}]}"#),
                "not between 0 and 1",
            ),
            (good[..good.len() / 2].to_owned(), "EOF"),
            (good.replace("[]}", r#"[],"speaker_weights":{"titled":1e99}}"#), "not a finite number"),
            ("\u{feff}".to_owned() + good, "expected value"),
        ];
        for (text, reason) in cases {
            std::fs::write(lessons_path(&model), &text).expect("write");
            let error = read_lessons(&model).expect_err(&text).to_string();
            assert!(error.contains(reason) && error.contains("m.bin.lessons.json"), "{text}: {error}");
        }
    }
}
