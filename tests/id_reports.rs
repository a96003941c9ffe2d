//! The shipped Indonesian reported-speech set (`eval/id-reports`: our own
//! annotations on idner-news-2k articles). Its gold must agree with its articles,
//! offsets in code points; and the analysis must keep finding its reports about
//! as well as when the floors below were set. This is a guard against
//! regressions, not the reference figure: that is the shared scorer's
//! (`score.py`, see the set's README), whose speaker test is more lenient than
//! the overlap test here.

mod eval_set;

use eval_set::{check_parts_agree, gold, match_free, span};
use sorot::analysis::{Analyzer, QuoteKind};

const SET: &str = "eval/id-reports";

/// Floors: F1 at 80 % overlap, and speakers overlapping a gold speaker mention.
const MIN_F1: f64 = 0.85;
const MIN_SPEAKER: f64 = 0.96;

#[test]
fn the_gold_agrees_with_its_articles_in_code_points() {
    let docs = gold(SET);
    assert_eq!(docs.len(), 60);
    let spans = check_parts_agree(SET, &docs);
    assert!(spans > 600, "{spans} spans");
}

#[test]
fn the_analysis_finds_the_reports_at_least_as_well_as_when_the_floors_were_set() {
    let analyzer = Analyzer::new();
    let (mut matched, mut predicted, mut asked, mut right, mut wanted) = (0, 0, 0, 0, 0);
    for doc in gold(SET) {
        let suggestions = analyzer.analyze(&doc.text);
        let reports: Vec<_> = suggestions.quotes.iter().filter(|q| q.kind == QuoteKind::Indirect).collect();
        predicted += reports.len();
        wanted += doc.quotes.len();
        let mut used = vec![false; reports.len()];
        for g in &doc.quotes {
            let Some(i) = match_free(&reports, &mut used, g) else { continue };
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
