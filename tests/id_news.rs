//! The shipped Indonesian news check set (`eval/id-news`: articles written and
//! annotated for Sorot, never tuned on when the floors were set). Its gold must
//! agree with its articles, offsets in code points, and keep the constructions it
//! exists for; the analysis must keep finding its quotations and their speakers —
//! above all the speakers of cues that carry no name (`ujarnya`, `kata dia`) —
//! about as well as when the floors below were set. A guard against regressions;
//! the reference figures are the shared scorer's (`score.py`, see the set's README).

mod eval_set;

use eval_set::{check_floors, check_parts_agree, gold, is_direct, nameless, Floors};

const SET: &str = "eval/id-news";

/// Floors ([`Floors`]), just under session 10's figures (F1 0.979, direct 1.000, speaker 0.991,
/// nameless cues 0.988; untuned at 45a04e7: 0.952, 1.000, 0.977, 0.961): F1 at 80 %
/// overlap over all quotations and over direct ones, speakers right over all matched
/// quotations and over those whose cue carries no name.
const FLOORS: Floors = Floors { f1: 0.97, direct_f1: 0.99, speaker: 0.98, nameless_speaker: 0.975 };

#[test]
fn the_gold_agrees_with_its_articles_in_code_points() {
    let docs = gold(SET);
    assert_eq!(docs.len(), 16);
    check_parts_agree(SET, &docs);
    let quotes: Vec<_> = docs.iter().flat_map(|d| &d.quotes).collect();
    assert_eq!(quotes.len(), 236);
    assert_eq!(quotes.iter().filter(|q| is_direct(q)).count(), 106);
    assert_eq!(quotes.iter().filter(|q| nameless(q)).count(), 81);
}

#[test]
fn the_set_keeps_the_constructions_it_exists_for() {
    let docs = gold(SET);
    let texts = || docs.iter().flat_map(|d| d.quotes.iter().map(|q| q["text"].as_str().unwrap()));
    assert!(docs.iter().filter(|d| d.text.contains("\r\n")).count() >= 2, "CRLF articles");
    assert!(texts().any(|t| t.chars().any(|c| c as u32 >= 0x1F300)), "an emoji inside a quotation");
    assert!(texts().any(|t| t.starts_with('“')) && texts().any(|t| t.starts_with('"')), "curly and straight marks");
    assert!(texts().any(|t| t.starts_with('”')), "a closing mark opening a quotation");
    assert!(texts().any(|t| t.contains("\n\n“")), "a quotation running over paragraphs");
    let cues = |suffix: &str| {
        docs.iter()
            .flat_map(|d| &d.quotes)
            .filter(|q| q["cue"]["text"].as_str().is_some_and(|c| c.ends_with(suffix)))
            .count()
    };
    assert!(cues("nya") >= 30, "-nya cues");
}

#[test]
fn the_analysis_finds_quotations_and_speakers_at_least_as_well_as_when_the_floors_were_set() {
    check_floors(SET, "id-news", &FLOORS);
}
