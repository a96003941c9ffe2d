//! Does learning from speaker corrections help on documents it did not learn
//! from? Learns the speaker ranker's weights from the reviewed annotation files
//! in TRAIN and reports how often the ranking puts the annotator's speaker first
//! (quotations whose cue names no one, where the ranking decides) in TRAIN and in
//! TEST, with the shipped weights and with the learned ones.
//!
//! ```sh
//! cargo run --release --example speaker_learning -- TRAIN_DIR TEST_DIR
//! ```

use std::path::Path;

use sorot::analysis::SpeakerWeights;
use sorot::learn::speaker_lessons::{learn_speaker_weights, ranking_accuracy};
use sorot::model::Document;

fn load(dir: &Path) -> Vec<Document> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths.iter().filter_map(|p| sorot::store::load_annotations(p).ok()).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [train, test] = [&args[0], &args[1]].map(|a| load(Path::new(a)));
    let train: Vec<&Document> = train.iter().collect();
    let test: Vec<&Document> = test.iter().collect();
    let shipped = SpeakerWeights::default();
    let (learned, taught) = learn_speaker_weights(&train, shipped);
    println!("learned from {taught} quotation(s) of {} document(s): {learned:?}", train.len());
    for (name, docs) in [("train", &train), ("test", &test)] {
        let pct = |(right, asked): (usize, usize)| {
            format!("{right}/{asked} ({:.1} %)", 100.0 * right as f64 / asked.max(1) as f64)
        };
        println!(
            "{name}: shipped {} · learned {}",
            pct(ranking_accuracy(docs, &shipped)),
            pct(ranking_accuracy(docs, &learned))
        );
    }
}
