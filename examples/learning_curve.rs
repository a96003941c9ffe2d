//! Simulates an annotator teaching a project's model, for the README's table.
//!
//! A base model is trained on one corpus (`--base`), then learns from the articles of
//! another (`--learn`) in order, each taken as a done document whose gold spans are
//! the annotator's corrections; after 0, 10, 30, 60, 100 learned articles the model
//! is scored on an evaluation set built by `../shared/eval/build.py` (`--eval`:
//! entity F1, exact span and type over PER / ORG / LOC, as `score.py` counts it) or,
//! with `--tune`, on the learn corpus's articles from the 101st on (never learned
//! from), which is where the settings were chosen.
//!
//! Methods: `online` (the project model: `sorot::learn::Learner` from the base
//! weights; `--epochs`, `--rate`, `--conventions on|off`) and `retrain` (the base
//! corpus plus the learned articles, `--copies` times each, as a corpus of their own,
//! trained from scratch). `--accept-reject` makes the annotator review partially:
//! accept the base model's right suggestions, reject the wrong ones, add nothing.
//!
//! ```sh
//! cargo run --release --example learning_curve -- --base ../shared/data/ner/idner-news-2k/train.txt \
//!     --learn ../shared/data/ner/nergrit/train_preprocess.txt --eval /tmp/ev/nergrit-valid
//! ```

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use sorot::analysis::lexicon::Lexicon;
use sorot::analysis::tagger::conll_reader::{read_articles, Article};
use sorot::analysis::tagger::evidence::Evidence;
use sorot::analysis::tagger::learning::LearnConfig;
use sorot::analysis::tagger::model_io;
use sorot::analysis::tagger::training::{train, TrainConfig};
use sorot::analysis::tagger::weights::Weights;
use sorot::analysis::Analyzer;
use sorot::learn::{LearnDoc, Learner};
use sorot::model::Document;
use sorot::model::{DoneMark, Entity, Status};

/// Articles learned from before each score.
const POINTS: [usize; 5] = [0, 10, 30, 60, 100];
/// With `--tune`, articles from this index on are the tuning set.
const TUNE_FROM: usize = 100;

struct Args {
    base: PathBuf,
    learn: PathBuf,
    eval: Option<PathBuf>,
    method: String,
    config: LearnConfig,
    copies: usize,
    /// Write the learn corpus's first 100 articles here as done annotation files
    /// (for timing `sorot learn`) and stop.
    dump: Option<PathBuf>,
    /// The annotator only accepts the base model's right suggestions and rejects the
    /// wrong ones, adding nothing and never marking a document done (partial reviews).
    accept_reject: bool,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = parse_args()?;
    let base_articles = read_articles(&std::fs::read_to_string(&args.base)?)?;
    let learn_articles = read_articles(&std::fs::read_to_string(&args.learn)?)?;
    let evidence = Evidence::new(&Arc::new(Lexicon::new()));
    let started = Instant::now();
    let base = quantised(&train(&base_articles, &evidence, &TrainConfig::default(), &mut |_, _| {}))?;
    eprintln!("base model: {} articles, {:.1} s", base_articles.len(), started.elapsed().as_secs_f64());
    let eval = match &args.eval {
        Some(dir) => read_gold(dir)?,
        None => learn_articles.iter().skip(TUNE_FROM).cloned().collect(),
    };
    let docs: Vec<(String, Document)> = learn_articles
        .iter()
        .enumerate()
        .map(|(i, a)| done_document(a).map(|d| (format!("{i:04}"), d)))
        .collect::<Result<_, _>>()?;
    let docs = if args.accept_reject { accept_reject(docs, &Analyzer::with_weights(base.clone())) } else { docs };
    if let Some(dir) = &args.dump {
        std::fs::create_dir_all(dir)?;
        for (id, doc) in docs.iter().take(POINTS[POINTS.len() - 1]) {
            sorot::store::save_annotations(doc, &dir.join(format!("{id}.json")))?;
        }
        std::fs::write(dir.join("base.bin"), model_io::to_bytes(&base))?;
        return Ok(());
    }
    let learner = Learner::new(base.clone(), "base").with_config(args.config.clone());
    let mut row = Vec::new();
    for &n in &POINTS {
        let used = docs.get(..n).ok_or("not enough articles to learn from")?;
        let started = Instant::now();
        let weights = match args.method.as_str() {
            "online" => {
                let refs: Vec<LearnDoc> = used.iter().map(|(id, document)| LearnDoc { id, document }).collect();
                quantised(&learner.learn(&refs).weights)?
            }
            _ => quantised(&retrain(&base_articles, learn_articles.get(..n).unwrap_or(&[]), args.copies, &evidence))?,
        };
        let secs = started.elapsed().as_secs_f64();
        let f1 = score(&Analyzer::with_weights(weights), &eval);
        let per_doc = if n > 0 { format!("{:.0} ms/doc", secs * 1000.0 / n as f64) } else { String::new() };
        eprintln!("{n:>4} articles: F1 {f1:.1}  ({secs:.2} s {per_doc})");
        row.push(format!("{f1:.1}"));
    }
    println!("| {} | {} |", args.method, row.join(" | "));
    Ok(())
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        base: PathBuf::new(),
        learn: PathBuf::new(),
        eval: None,
        method: "online".into(),
        config: LearnConfig::default(),
        copies: 1,
        dump: None,
        accept_reject: false,
    };
    let mut tune = false;
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--tune" {
            tune = true;
            continue;
        }
        if flag == "--accept-reject" {
            args.accept_reject = true;
            continue;
        }
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = |v: &str| v.parse::<f64>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--base" => args.base = value.into(),
            "--learn" => args.learn = value.into(),
            "--eval" => args.eval = Some(value.into()),
            "--method" => args.method = value,
            "--epochs" => args.config.epochs = number(&value)? as usize,
            "--rate" => args.config.rate = number(&value)? as f32,
            "--dump" => args.dump = Some(value.into()),
            "--copies" => args.copies = number(&value)? as usize,
            "--conventions" => args.config.conventions = value == "on",
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    if args.eval.is_none() && !tune && args.dump.is_none() {
        return Err("give --eval SET_DIR or --tune".into());
    }
    Ok(args)
}

/// Weights as a model file stores them (quantised), as the app would load them.
fn quantised(w: &Weights) -> Result<Weights, model_io::ModelError> {
    model_io::from_bytes(&model_io::to_bytes(w))
}

/// The base corpus plus `learned` (each `copies` times) as a second corpus.
fn retrain(base: &[Article], learned: &[Article], copies: usize, evidence: &Evidence) -> Weights {
    let mut all = base.to_vec();
    for _ in 0..copies {
        all.extend(learned.iter().cloned().map(|a| Article { domain: 1, ..a }));
    }
    train(&all, evidence, &TrainConfig::default(), &mut |_, _| {})
}

/// An article as a done document whose gold spans the annotator accepted.
fn done_document(a: &Article) -> Result<Document, String> {
    let chars: Vec<char> = a.text.chars().collect();
    let entities = a
        .entities
        .iter()
        .enumerate()
        .map(|(i, &(start, end, label))| Entity {
            id: format!("e{}", i + 1).into(),
            start,
            end,
            label: label.as_str().into(),
            text: chars.get(start..end).unwrap_or(&[]).iter().collect::<String>().into(),
            status: Status::Accepted,
            source: "gold".into(),
            confidence: None,
            annotator: None,
            changed_at: None,
        })
        .collect();
    let mut doc = Document::new(a.text.clone(), None).with_spans(entities, Vec::new());
    doc.done = Some(DoneMark::default());
    doc.validated().map_err(|e| e.to_string())
}

/// In-progress documents: `analyzer`'s suggestions, accepted where the gold has
/// them (same span and label), rejected elsewhere; gold it missed is not added.
fn accept_reject(docs: Vec<(String, Document)>, analyzer: &Analyzer) -> Vec<(String, Document)> {
    docs.into_iter()
        .map(|(id, gold)| {
            let truth: HashSet<(usize, usize, String)> =
                gold.entities().iter().map(|e| (e.start, e.end, e.label.to_string())).collect();
            let doc = sorot::annotate::suggest_document(gold.text.to_string(), None, analyzer);
            let mut entities = doc.entities().to_vec();
            for e in &mut entities {
                let right = truth.contains(&(e.start, e.end, e.label.to_string()));
                e.status = if right { Status::Accepted } else { Status::Rejected };
            }
            let quotes = doc.quotes().to_vec();
            let doc = doc.with_spans(entities, quotes);
            (id, doc)
        })
        .collect()
}

/// Gold articles of an evaluation set (`gold.jsonl`).
fn read_gold(dir: &std::path::Path) -> Result<Vec<Article>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for line in std::fs::read_to_string(dir.join("gold.jsonl"))?.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let text = v["text"].as_str().ok_or("gold line without text")?.to_owned();
        let entities = v["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| {
                let label = sorot::learn::lesson::tagger_label(e["label"].as_str()?)?;
                Some((e["start"].as_u64()? as usize, e["end"].as_u64()? as usize, label))
            })
            .collect();
        out.push(Article { text, entities, domain: 0 });
    }
    Ok(out)
}

/// Entity F1 (exact span and type over PER / ORG / LOC), micro-averaged.
fn score(analyzer: &Analyzer, eval: &[Article]) -> f64 {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for a in eval {
        let gold: HashSet<(usize, usize, &str)> = a.entities.iter().map(|&(s, e, l)| (s, e, l.as_str())).collect();
        let pred: HashSet<(usize, usize, &str)> = analyzer
            .analyze(&a.text)
            .entities
            .iter()
            .filter_map(|e| Some((e.start, e.end, sorot::learn::lesson::tagger_label(&e.label)?.as_str())))
            .collect();
        tp += gold.intersection(&pred).count();
        np += pred.len();
        ng += gold.len();
    }
    if np + ng == 0 {
        0.0
    } else {
        200.0 * tp as f64 / (np + ng) as f64
    }
}
