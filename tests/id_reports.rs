//! The shipped Indonesian reported-speech set (`eval/id-reports`: our own
//! annotations on idner-news-2k articles). Its gold must agree with its articles,
//! offsets in code points; and the analysis must keep finding its reports about
//! as well as when the floors below were set. This is a guard against
//! regressions, not the reference figure: that is the shared scorer's
//! (`score.py`, see the set's README), whose speaker test is more lenient than
//! the overlap test here.

use std::path::Path;

use serde_json::Value;
use sorot::analysis::{Analyzer, QuoteKind, QuoteSuggestion};

const SET: &str = "eval/id-reports";

/// Floors: F1 at 80 % overlap, and speakers overlapping a gold speaker mention.
const MIN_F1: f64 = 0.85;
const MIN_SPEAKER: f64 = 0.96;

struct Gold {
    id: String,
    text: String,
    quotes: Vec<Value>,
}

fn gold() -> Vec<Gold> {
    let lines = std::fs::read_to_string(Path::new(SET).join("gold.jsonl")).unwrap();
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

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn span(v: &Value) -> (usize, usize) {
    (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize)
}

#[test]
fn the_gold_agrees_with_its_articles_in_code_points() {
    let docs = gold();
    assert_eq!(docs.len(), 60);
    let mut spans = 0;
    for doc in &docs {
        let article = std::fs::read_to_string(Path::new(SET).join("articles").join(format!("{}.txt", doc.id))).unwrap();
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
                spans += 1;
            }
        }
    }
    assert!(spans > 600, "{spans} spans");
}

#[test]
fn the_analysis_finds_the_reports_at_least_as_well_as_when_the_floors_were_set() {
    let analyzer = Analyzer::new();
    let (mut matched, mut predicted, mut asked, mut right, mut wanted) = (0, 0, 0, 0, 0);
    for doc in gold() {
        let suggestions = analyzer.analyze(&doc.text);
        let reports: Vec<_> = suggestions.quotes.iter().filter(|q| q.kind == QuoteKind::Indirect).collect();
        predicted += reports.len();
        wanted += doc.quotes.len();
        let mut used = vec![false; reports.len()];
        for g in &doc.quotes {
            let (gs, ge) = span(g);
            let overlap = |r: &QuoteSuggestion| r.end.min(ge).saturating_sub(r.start.max(gs));
            // The free report overlapping most (the first on a tie), as the scorer matches.
            let best = (0..reports.len()).filter(|&i| !used[i]).max_by_key(|&i| (overlap(reports[i]), usize::MAX - i));
            let Some(i) = best.filter(|&i| overlap(reports[i]) * 5 >= (ge - gs) * 4) else { continue };
            used[i] = true;
            matched += 1;
            let mentions: Vec<(usize, usize)> = g["speaker"].as_array().unwrap().iter().map(span).collect();
            if mentions.is_empty() {
                continue;
            }
            asked += 1;
            let speaker = reports[i].speaker.and_then(|e| suggestions.entities.get(e));
            right += usize::from(speaker.is_some_and(|s| mentions.iter().any(|&(a, b)| s.start < b && a < s.end)));
        }
    }
    let (p, r) = (matched as f64 / predicted as f64, matched as f64 / wanted as f64);
    let f1 = 2.0 * p * r / (p + r);
    let speaker = right as f64 / asked as f64;
    eprintln!("id-reports: F1@0.8 {f1:.3} (p {p:.3}, r {r:.3}), speaker {speaker:.3} ({right}/{asked})");
    assert!(f1 >= MIN_F1, "F1@0.8 {f1:.3} fell below {MIN_F1}");
    assert!(speaker >= MIN_SPEAKER, "speaker {speaker:.3} fell below {MIN_SPEAKER}");
}
