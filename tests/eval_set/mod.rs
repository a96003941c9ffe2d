//! What the tests over the shipped evaluation sets share (`eval/id-reports`,
//! `eval/en-news`, `eval/id-news`): reading `gold.jsonl`, checking it against the
//! articles in code points, matching suggested quotations to gold ones as
//! `../shared/eval/score.py` does, its name-word test of a speaker, and the F1 and
//! speaker counts of the whole-article sets (`eval/id-news`, `eval/id-features`) and
//! the check of their floors.
//! Each test binary uses part of it.
#![allow(dead_code)]

use std::collections::HashSet;
use std::path::Path;

use serde_json::Value;
use sorot::analysis::{Analyzer, QuoteKind, QuoteSuggestion};

/// One article of a set: its id, text and gold quotations (as JSON).
pub struct Gold {
    pub id: String,
    pub text: String,
    pub quotes: Vec<Value>,
}

/// The articles of the set in folder `set`, from its `gold.jsonl`.
pub fn gold(set: &str) -> Vec<Gold> {
    let lines = std::fs::read_to_string(Path::new(set).join("gold.jsonl")).unwrap();
    lines
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            Gold {
                id: v["id"].as_str().unwrap().to_owned(),
                text: v["text"].as_str().unwrap().to_owned(),
                quotes: v["quotes"].as_array().unwrap().clone(),
            }
        })
        .collect()
}

/// Chars `start..end` of `text`.
pub fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// A gold part's `start..end`.
pub fn span(v: &Value) -> (usize, usize) {
    (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize)
}

/// Checks that each article's gold text is its file and that every quotation, cue
/// and speaker mention covers the text it claims; returns the parts checked.
pub fn check_parts_agree(set: &str, docs: &[Gold]) -> usize {
    let mut parts_checked = 0;
    for doc in docs {
        let article = std::fs::read_to_string(Path::new(set).join("articles").join(format!("{}.txt", doc.id))).unwrap();
        assert_eq!(article, doc.text, "{}: gold text differs from its article", doc.id);
        let len = doc.text.chars().count();
        for q in &doc.quotes {
            let mut parts = vec![q.clone()];
            parts.extend(q["cue"].as_object().map(|_| q["cue"].clone()));
            parts.extend(q["speaker"].as_array().unwrap().iter().cloned());
            for part in parts {
                let (start, end) = span(&part);
                assert!(start < end && end <= len, "{}: {start}..{end} outside the text", doc.id);
                assert_eq!(slice(&doc.text, start, end), part["text"].as_str().unwrap(), "{}", doc.id);
                parts_checked += 1;
            }
        }
    }
    parts_checked
}

/// The free suggestion (not `used`) overlapping the gold quotation `g` most, the first
/// on a tie, if it covers at least 80 % of `g`, as the scorer matches; marked used.
pub fn match_free(found: &[&QuoteSuggestion], used: &mut [bool], g: &Value) -> Option<usize> {
    let (gs, ge) = span(g);
    let overlap = |q: &QuoteSuggestion| q.end.min(ge).saturating_sub(q.start.max(gs));
    let best = (0..found.len()).filter(|&i| !used[i]).max_by_key(|&i| (overlap(found[i]), usize::MAX - i));
    let i = best.filter(|&i| overlap(found[i]) * 5 >= (ge - gs) * 4)?;
    used[i] = true;
    Some(i)
}

/// Capitalised words of a name: a speaker is right when it shares one with the
/// gold mention or the name a gold pronoun stands for (as the scorer reads it).
pub fn name_words(s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1)
        .map(str::to_owned)
        .collect()
}

/// Whether the suggested speaker `start..end` of `text` is the gold quotation `g`'s:
/// it overlaps a gold speaker mention, or shares a name word with one or with
/// `speaker_resolved` (the name a pronoun, a `-nya` or a role at the cue stands for).
pub fn speaker_matches(text: &str, start: usize, end: usize, g: &Value) -> bool {
    let mentions = g["speaker"].as_array().unwrap();
    let overlaps = mentions.iter().map(span).any(|(a, b)| start < b && a < end);
    let mut names: HashSet<String> = mentions.iter().flat_map(|m| name_words(m["text"].as_str().unwrap())).collect();
    names.extend(g["speaker_resolved"].as_str().map(name_words).unwrap_or_default());
    overlaps || !name_words(&slice(text, start, end)).is_disjoint(&names)
}

/// Whether the gold quotation's cue names no one: a `-nya`, a pronoun or a role noun
/// at the cue, or no cue at all (the annotations give the name in `speaker_resolved`).
pub fn nameless(g: &Value) -> bool {
    g["speaker_resolved"].is_string()
}

/// Whether the gold quotation is direct (its content opens or closes with a mark).
pub fn is_direct(g: &Value) -> bool {
    g["kind"] == "direct"
}

/// Suggestions and gold quotations counted for F1 at 80 % overlap, and matched
/// quotations whose suggested speaker is right.
pub struct Counts {
    pub matched: usize,
    pub predicted: usize,
    pub wanted: usize,
    pub right: usize,
    pub asked: usize,
}

impl Counts {
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.matched as f64 / self.predicted as f64, self.matched as f64 / self.wanted as f64);
        2.0 * p * r / (p + r)
    }

    pub fn speaker(&self) -> f64 {
        self.right as f64 / self.asked as f64
    }
}

/// Scores the suggestions of kinds `kinds` against the gold quotations `pick` keeps.
pub fn score(docs: &[Gold], analyzer: &Analyzer, kinds: &[QuoteKind], pick: fn(&Value) -> bool) -> Counts {
    let mut c = Counts { matched: 0, predicted: 0, wanted: 0, right: 0, asked: 0 };
    for doc in docs {
        let suggestions = analyzer.analyze(&doc.text);
        let found: Vec<_> = suggestions.quotes.iter().filter(|q| kinds.contains(&q.kind)).collect();
        c.predicted += found.len();
        let mut used = vec![false; found.len()];
        for g in doc.quotes.iter().filter(|g| pick(g)) {
            c.wanted += 1;
            let Some(i) = match_free(&found, &mut used, g) else { continue };
            c.matched += 1;
            c.asked += 1;
            let Some(speaker) = found[i].speaker.and_then(|e| suggestions.entities.get(e)) else { continue };
            c.right += usize::from(speaker_matches(&doc.text, speaker.start, speaker.end, g));
        }
    }
    c
}

/// Floors of a whole-article set: F1 at 80 % overlap over all quotations and over
/// direct ones, speakers right over all matched quotations and over those whose cue
/// carries no name.
pub struct Floors {
    pub f1: f64,
    pub direct_f1: f64,
    pub speaker: f64,
    pub nameless_speaker: f64,
}

/// Scores the whole-article set in folder `set` with the shipped analysis, prints its
/// figures under `label`, and fails if one falls below its floor.
pub fn check_floors(set: &str, label: &str, floors: &Floors) {
    let (analyzer, docs) = (Analyzer::new(), gold(set));
    let all = score(&docs, &analyzer, &[QuoteKind::Direct, QuoteKind::Indirect], |_| true);
    let direct = score(&docs, &analyzer, &[QuoteKind::Direct], is_direct);
    let unnamed = score(&docs, &analyzer, &[QuoteKind::Direct, QuoteKind::Indirect], nameless);
    eprintln!(
        "{label}: F1@0.8 {:.3}, direct {:.3}, speaker {:.3} ({}/{}), nameless cues {:.3} ({}/{})",
        all.f1(),
        direct.f1(),
        all.speaker(),
        all.right,
        all.asked,
        unnamed.speaker(),
        unnamed.right,
        unnamed.asked
    );
    assert!(all.f1() >= floors.f1, "F1@0.8 {:.3} fell below {}", all.f1(), floors.f1);
    assert!(direct.f1() >= floors.direct_f1, "direct F1@0.8 {:.3} fell below {}", direct.f1(), floors.direct_f1);
    assert!(all.speaker() >= floors.speaker, "speaker {:.3} fell below {}", all.speaker(), floors.speaker);
    assert!(
        unnamed.speaker() >= floors.nameless_speaker,
        "speaker of nameless cues {:.3} fell below {}",
        unnamed.speaker(),
        floors.nameless_speaker
    );
}
