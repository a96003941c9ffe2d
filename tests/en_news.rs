//! The shipped English check set (`eval/en-news`: articles written and annotated
//! for Sorot). Its gold must agree with its articles, offsets in code points; and
//! the analysis must keep finding its quotations and their speakers about as well
//! as when the floors below were set. A guard against regressions on English text
//! nobody tuned on when it was written; the reference figure is the shared
//! scorer's (`score.py`, see the set's README).

mod eval_set;

use eval_set::{check_parts_agree, gold, match_free, speaker_matches};
use sorot::analysis::Analyzer;

const SET: &str = "eval/en-news";

/// Floors: F1 at 80 % overlap over all quotations, and speakers right.
const MIN_F1: f64 = 0.96;
const MIN_SPEAKER: f64 = 0.94;

#[test]
fn the_gold_agrees_with_its_articles_in_code_points() {
    let docs = gold(SET);
    assert_eq!(docs.len(), 14);
    check_parts_agree(SET, &docs);
    let quotes: usize = docs.iter().map(|d| d.quotes.len()).sum();
    assert_eq!(quotes, 158);
}

#[test]
fn the_analysis_finds_quotations_and_speakers_at_least_as_well_as_when_the_floors_were_set() {
    let analyzer = Analyzer::new();
    let (mut matched, mut predicted, mut wanted, mut right, mut asked) = (0, 0, 0, 0, 0);
    for doc in gold(SET) {
        let suggestions = analyzer.analyze(&doc.text);
        let found: Vec<_> = suggestions.quotes.iter().collect();
        predicted += found.len();
        wanted += doc.quotes.len();
        let mut used = vec![false; found.len()];
        for g in &doc.quotes {
            let Some(i) = match_free(&found, &mut used, g) else { continue };
            matched += 1;
            asked += 1;
            let Some(speaker) = found[i].speaker.and_then(|e| suggestions.entities.get(e)) else { continue };
            right += usize::from(speaker_matches(&doc.text, speaker.start, speaker.end, g));
        }
    }
    let (p, r) = (matched as f64 / predicted as f64, matched as f64 / wanted as f64);
    let f1 = 2.0 * p * r / (p + r);
    let speaker = right as f64 / asked as f64;
    eprintln!("en-news: F1@0.8 {f1:.3} (p {p:.3}, r {r:.3}), speaker {speaker:.3} ({right}/{asked})");
    assert!(f1 >= MIN_F1, "F1@0.8 {f1:.3} fell below {MIN_F1}");
    assert!(speaker >= MIN_SPEAKER, "speaker {speaker:.3} fell below {MIN_SPEAKER}");
}
