//! Every figure of a corpus: each document on its own (on all cores), then
//! the counts pooled per pair of annotators and over all annotators.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::alpha::Coincidence;
use super::bio::{only_label, tag_tokens, LabelIds, Tag};
use super::corpus::{AlignedDocument, Corpus};
use super::kappa::Confusion;
use super::quotes::{compare_quotes, QuoteCounts};
use super::report::{
    mean_of, AgreementReport, AlphaReport, DocumentPairReport, DocumentReport, KappaReport, NotCompared, PairReport,
    SpanCountsReport, SpanF1Report,
};
use super::span_f1::{compare_spans, SpanCounts};
use super::spans::{counted, Counted, SpanFilter};
use crate::analysis::tokenizer;

/// The agreement of the corpus's annotators, counting the spans `filter` counts.
pub fn agreement(corpus: &Corpus, filter: SpanFilter) -> AgreementReport {
    let counted_docs: Vec<Vec<Counted>> = corpus
        .documents
        .par_iter()
        .map(|doc| doc.versions.iter().map(|(_, version)| counted(version, filter, &doc.excluded)).collect())
        .collect();
    let labels = LabelIds::new(counted_docs.iter().flatten().flat_map(|c| c.entities.iter().map(|e| e.label.as_str())));
    let figures: Vec<DocumentFigures> = corpus
        .documents
        .par_iter()
        .zip(&counted_docs)
        .map(|(doc, counted)| document_figures(doc, counted, &labels))
        .collect();
    assemble(corpus, &labels, &figures)
}

/// The counts of one pair of annotators on one document (or pooled).
#[derive(Debug, Clone, Default)]
struct PairCounts {
    documents: usize,
    spans: SpanCounts,
    tokens: Confusion,
    quotes: QuoteCounts,
}

impl PairCounts {
    fn add(&mut self, other: &PairCounts) {
        self.documents += other.documents;
        self.spans.add(&other.spans);
        self.tokens.add(&other.tokens);
        self.quotes.add(other.quotes);
    }
}

struct DocumentFigures {
    /// `((annotator, annotator), counts)`, first index lower.
    pairs: Vec<((usize, usize), PairCounts)>,
    all: Coincidence,
}

fn document_figures(doc: &AlignedDocument, counted: &[Counted], labels: &LabelIds) -> DocumentFigures {
    let chars: Vec<char> = doc.text.chars().collect();
    let raw = tokenizer::tokenize(&chars);
    let mut pairs = Vec::new();
    for x in 0..counted.len() {
        for y in x + 1..counted.len() {
            let (a, b) = (&counted[x], &counted[y]);
            let tagged = tag_tokens(&raw, &[&a.entities, &b.entities], &doc.excluded, labels);
            let counts = PairCounts {
                documents: 1,
                spans: compare_spans(&a.entities, &b.entities),
                tokens: Confusion::of(&tagged.tags[0], &tagged.tags[1]),
                quotes: compare_quotes(&a.quotes, &b.quotes),
            };
            pairs.push(((doc.versions[x].0, doc.versions[y].0), counts));
        }
    }
    let everyone: Vec<&[_]> = counted.iter().map(|c| c.entities.as_slice()).collect();
    let tagged = tag_tokens(&raw, &everyone, &doc.excluded, labels);
    let mut all = Coincidence::default();
    let mut unit: Vec<Tag> = Vec::with_capacity(counted.len());
    for token in 0..tagged.tokens.len() {
        unit.clear();
        unit.extend(tagged.tags.iter().map(|tags| tags[token]));
        all.add_unit(&unit);
    }
    DocumentFigures { pairs, all }
}

fn assemble(corpus: &Corpus, labels: &LabelIds, figures: &[DocumentFigures]) -> AgreementReport {
    let names = &corpus.annotators;
    let pair_names = |(a, b): (usize, usize)| [names[a].clone(), names[b].clone()];
    let mut pooled: BTreeMap<(usize, usize), PairCounts> = BTreeMap::new();
    let mut all = Coincidence::default();
    for doc in figures {
        for (pair, counts) in &doc.pairs {
            pooled.entry(*pair).or_default().add(counts);
        }
        all.add(&doc.all);
    }
    let pairs = pooled
        .iter()
        .map(|(&pair, counts)| PairReport {
            annotators: pair_names(pair),
            documents: counts.documents,
            span_f1: span_f1_report(&counts.spans),
            cohen_kappa: kappa_report(&counts.tokens, &counts.spans, labels),
            quotes: counts.quotes.into(),
        })
        .collect();
    let documents: Vec<DocumentReport> = corpus
        .documents
        .iter()
        .zip(figures)
        .map(|(doc, figures)| document_report(doc, figures, names, pair_names))
        .collect();
    AgreementReport {
        annotators: names.clone(),
        labels: labels.names().to_vec(),
        pairs,
        krippendorff_alpha: alpha_report(&all, labels),
        unanchored: corpus.documents.iter().flat_map(|d| d.unanchored.iter().cloned()).collect(),
        not_compared: corpus
            .single
            .iter()
            .map(|(document, annotator)| NotCompared { document: document.clone(), annotator: annotator.clone() })
            .collect(),
        documents,
    }
}

fn span_f1_report(counts: &SpanCounts) -> SpanF1Report {
    SpanF1Report {
        overall: counts.overall.f1(),
        labels: counts.labels.iter().map(|(label, c)| (label.clone(), c.f1())).collect(),
        counts: SpanCountsReport { overall: counts.overall, labels: counts.labels.clone() },
    }
}

/// κ overall and for each label either annotator of the pair used.
fn kappa_report(tokens: &Confusion, spans: &SpanCounts, labels: &LabelIds) -> KappaReport {
    let per_label = spans
        .labels
        .keys()
        .filter_map(|name| {
            let id = labels.id(name)?;
            Some((name.clone(), tokens.kappa(|t| only_label(t, id))))
        })
        .collect();
    KappaReport { overall: tokens.kappa(|t| t), labels: per_label, tokens: tokens.tokens() }
}

fn alpha_report(all: &Coincidence, labels: &LabelIds) -> AlphaReport {
    let per_label = labels
        .names()
        .iter()
        .filter_map(|name| {
            let id = labels.id(name)?;
            Some((name.clone(), all.alpha(|t| only_label(t, id))))
        })
        .collect();
    AlphaReport { overall: all.alpha(|t| t), labels: per_label, units: all.units() }
}

fn document_report(
    doc: &AlignedDocument,
    figures: &DocumentFigures,
    names: &[String],
    pair_names: impl Fn((usize, usize)) -> [String; 2],
) -> DocumentReport {
    let pairs: Vec<DocumentPairReport> = figures
        .pairs
        .iter()
        .map(|(pair, counts)| DocumentPairReport {
            annotators: pair_names(*pair),
            span_f1: counts.spans.overall.f1(),
            span_counts: counts.spans.overall,
            cohen_kappa: counts.tokens.kappa(|t| t),
            quotes: counts.quotes.into(),
        })
        .collect();
    DocumentReport {
        document: doc.key.clone(),
        annotators: doc.versions.iter().map(|(i, _)| names[*i].clone()).collect(),
        span_f1: mean_of(pairs.iter().map(|p| p.span_f1)),
        cohen_kappa: mean_of(pairs.iter().map(|p| p.cohen_kappa)),
        krippendorff_alpha: figures.all.alpha(|t| t),
        quotes_f1: mean_of(pairs.iter().map(|p| p.quotes.f1)),
        speaker_agreement: mean_of(pairs.iter().map(|p| p.quotes.speaker_agreement)),
        pairs,
        excluded: doc.excluded.iter().map(|&(s, e)| [s, e]).collect(),
        unanchored: doc.unanchored.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::corpus::Layer;
    use crate::model::{Document, QuoteKind};

    const FIRST: &str = "“Kami 😀 siap,” kata Ana di Bandung.\r\nBudi pulang ke Jakarta.";
    const SECOND: &str = "Ia bilang 👍 bagus.\r\n";

    /// `spans`: `(text, label)`; label `QUOTE` makes a direct quote said by `speaker`.
    fn doc(text: &str, spans: &[(&str, &str)], speaker: Option<&str>) -> Document {
        let mut doc = Document::new(text.into(), None);
        let at = |needle: &str| {
            let start = text[..text.find(needle).unwrap()].chars().count();
            (start, start + needle.chars().count())
        };
        for (needle, label) in spans {
            let (s, e) = at(needle);
            let edit = match *label {
                "QUOTE" => doc.add_quote_edit(s, e, QuoteKind::Direct).unwrap(),
                label => doc.add_entity_edit(s, e, label).unwrap(),
            };
            doc.apply(&edit).unwrap();
        }
        if let (Some(name), Some(quote)) = (speaker, doc.quotes().first().map(|q| q.id.to_string())) {
            let id = doc.entities().iter().find(|e| e.text == name).unwrap().id.to_string();
            doc.apply(&doc.speaker_edit(&quote, Some(&id)).unwrap()).unwrap();
        }
        doc
    }

    fn layer(name: &str, docs: Vec<(&str, Document)>) -> Layer {
        Layer { annotator: name.into(), documents: docs.into_iter().map(|(k, d)| (k.to_owned(), d)).collect() }
    }

    fn tokens(text: &str) -> usize {
        tokenizer::tokenize(&text.chars().collect::<Vec<_>>()).len()
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    fn two_annotators() -> AgreementReport {
        let quote = ("“Kami 😀 siap,”", "QUOTE");
        let ana = doc(
            FIRST,
            &[("Ana", "PERSON"), ("Bandung", "LOC"), ("Budi", "PERSON"), ("Jakarta", "LOC"), quote],
            Some("Ana"),
        );
        let budi = doc(FIRST, &[("Ana", "PERSON"), ("Bandung", "ORG"), ("Jakarta", "LOC"), quote], None);
        let a = layer("ana", vec![("x", ana), ("y", doc(SECOND, &[], None))]);
        let b = layer("budi", vec![("x", budi), ("y", doc(SECOND, &[], None))]);
        agreement(&Corpus::align(vec![a, b], &BTreeMap::new()).unwrap(), SpanFilter::default())
    }

    #[test]
    fn span_f1_pooled_with_counts() {
        let report = two_annotators();
        let pair = &report.pairs[0];
        assert_eq!(pair.annotators, ["ana".to_owned(), "budi".to_owned()]);
        assert_eq!(pair.documents, 2);
        // Both: Ana, Jakarta. Only ana: Bandung LOC, Budi. Only budi: Bandung ORG.
        let c = pair.span_f1.counts.overall;
        assert_eq!((c.tp, c.fp, c.fn_), (2, 1, 2));
        assert!(close(pair.span_f1.overall, 4.0 / 7.0));
        assert!(close(pair.span_f1.labels["PERSON"], 2.0 / 3.0));
        assert!(close(pair.span_f1.labels["LOC"], 2.0 / 3.0));
        assert!(close(pair.span_f1.labels["ORG"], 0.0));
        assert_eq!(report.labels, ["LOC", "ORG", "PERSON"]);
    }

    #[test]
    fn kappa_and_alpha_on_tokens_of_both_documents() {
        let report = two_annotators();
        let n = (tokens(FIRST) + tokens(SECOND)) as f64;
        let kappa = &report.pairs[0].cohen_kappa;
        assert_eq!(kappa.tokens as f64, n);
        // Disagreements: Bandung (B-LOC / B-ORG) and Budi (B-PERSON / O).
        // ana: 2 B-PERSON, 2 B-LOC; budi: 1 B-PERSON, 1 B-LOC, 1 B-ORG.
        let chance = 2.0 * 1.0 + 2.0 * 1.0 + (n - 4.0) * (n - 3.0);
        assert!(close(kappa.overall, (n * (n - 2.0) - chance) / (n * n - chance)), "{:?}", kappa.overall);
        // PERSON alone: the one disagreement is Budi.
        let person_chance = 2.0 * 1.0 + (n - 2.0) * (n - 1.0);
        assert!(close(kappa.labels["PERSON"], (n * (n - 1.0) - person_chance) / (n * n - person_chance)));
        // α over the same units: 2n values, two disagreeing units.
        let alpha = &report.krippendorff_alpha;
        assert_eq!(alpha.units as f64, n);
        let totals = [3.0, 3.0, 1.0, 2.0 * n - 7.0];
        let expected = (2.0 * n).powi(2) - totals.iter().map(|t| t * t).sum::<f64>();
        assert!(close(alpha.overall, 1.0 - (2.0 * n - 1.0) * 4.0 / expected), "{:?}", alpha.overall);
    }

    #[test]
    fn quotes_and_documents() {
        let report = two_annotators();
        let quotes = &report.pairs[0].quotes;
        assert_eq!((quotes.counts.matched, quotes.f1, quotes.kind_agreement), (1, Some(1.0), Some(1.0)));
        assert_eq!(quotes.speaker_agreement, Some(0.0), "ana says Ana said it, budi names nobody");
        let worst = report.worst_first();
        assert_eq!(worst[0].document, "x");
        assert!(close(worst[0].span_f1, 4.0 / 7.0));
        assert_eq!(worst[1].span_f1, None, "nothing marked in y: undefined, listed last");
        assert_eq!(worst[1].cohen_kappa, None);
        let json = serde_json::to_value(&report).unwrap();
        assert!(json["pairs"][0]["span_f1"]["labels"]["PERSON"].is_number());
        assert!(json["pairs"][0]["span_f1"]["counts"]["overall"]["fn"].is_number());
        assert!(json["pairs"][0]["quotes"]["speaker_agreement"].is_number());
        assert!(json["krippendorff_alpha"]["overall"].is_number());
        assert!(json["documents"][1]["span_f1"].is_null());
    }

    #[test]
    fn an_edited_article_is_reported_never_counted_as_disagreement() {
        let edited = FIRST.replace("Jakarta", "Surabaya 🎉");
        let ana = doc(FIRST, &[("Ana", "PERSON"), ("Jakarta", "LOC")], None);
        let budi = doc(&edited, &[("Ana", "PERSON"), ("Surabaya 🎉", "LOC")], None);
        let corpus =
            Corpus::align(vec![layer("ana", vec![("x", ana)]), layer("budi", vec![("x", budi)])], &BTreeMap::new())
                .unwrap();
        let report = agreement(&corpus, SpanFilter::default());
        assert_eq!(report.unanchored.len(), 1);
        assert_eq!(report.unanchored[0].text, "Surabaya 🎉");
        assert_eq!(report.pairs[0].span_f1.counts.overall.tp, 1);
        assert_eq!(report.pairs[0].span_f1.overall, Some(1.0), "Jakarta's line is left out, not a miss");
        assert_eq!(report.pairs[0].cohen_kappa.overall, Some(1.0));
        assert_eq!(report.documents[0].excluded.len(), 1);
    }

    #[test]
    fn three_annotators_with_a_document_two_of_them_share() {
        let full = |who: &str| doc(FIRST, &[("Ana", "PERSON"), ("Bandung", who)], None);
        let a = layer("a", vec![("x", full("LOC")), ("y", doc(SECOND, &[], None))]);
        let b = layer("b", vec![("x", full("LOC"))]);
        let c = layer("c", vec![("x", full("ORG")), ("y", doc(SECOND, &[], None))]);
        let report = agreement(&Corpus::align(vec![a, b, c], &BTreeMap::new()).unwrap(), SpanFilter::default());
        let pairs: Vec<[String; 2]> = report.pairs.iter().map(|p| p.annotators.clone()).collect();
        assert_eq!(pairs.len(), 3);
        assert_eq!(report.pair("b", "a").unwrap().span_f1.overall, Some(1.0));
        assert_eq!(report.pair("a", "c").unwrap().documents, 2);
        assert_eq!(report.pair("b", "c").unwrap().documents, 1);
        assert!(close(report.pair("a", "c").unwrap().span_f1.overall, 0.5));
        // α: units of x coded thrice, of y twice.
        assert_eq!(report.krippendorff_alpha.units, tokens(FIRST) + tokens(SECOND));
        assert!(report.krippendorff_alpha.overall.is_some_and(|a| a < 1.0 && a > 0.0));
    }
}
