//! What an agreement run found, as the app shows it and `sorot agreement
//! --json` prints it. Undefined figures (nothing to compare) are `None` /
//! `null`, never NaN.

use std::collections::BTreeMap;

use serde::Serialize;

use super::corpus::Unanchored;
use super::quotes::QuoteCounts;
use super::span_f1::Counts;

/// Every figure of one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgreementReport {
    pub annotators: Vec<String>,
    /// Entity labels seen in any compared version, in name order.
    pub labels: Vec<String>,
    /// Every pair of annotators who share at least one document, in annotator order.
    pub pairs: Vec<PairReport>,
    pub krippendorff_alpha: AlphaReport,
    /// Every compared document, by key.
    pub documents: Vec<DocumentReport>,
    /// Spans that could not be placed on their document's compared text (in no figure).
    pub unanchored: Vec<Unanchored>,
    /// Documents only one annotator has (in no figure).
    pub not_compared: Vec<NotCompared>,
}

/// Two annotators, pooled over the documents both annotated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairReport {
    pub annotators: [String; 2],
    pub documents: usize,
    pub span_f1: SpanF1Report,
    pub cohen_kappa: KappaReport,
    pub quotes: QuoteReport,
}

/// Exact-match span F1, overall and per label, with the counts behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpanF1Report {
    pub overall: Option<f64>,
    pub labels: BTreeMap<String, Option<f64>>,
    pub counts: SpanCountsReport,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpanCountsReport {
    pub overall: Counts,
    pub labels: BTreeMap<String, Counts>,
}

/// Cohen's κ on BIO tags of tokens, overall and per label (other labels read as `O`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KappaReport {
    pub overall: Option<f64>,
    pub labels: BTreeMap<String, Option<f64>>,
    pub tokens: usize,
}

/// Krippendorff's α (nominal) on BIO tags of tokens over all annotators.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlphaReport {
    pub overall: Option<f64>,
    pub labels: BTreeMap<String, Option<f64>>,
    /// Tokens coded by at least two annotators.
    pub units: usize,
}

/// Quotations matched at 80 % overlap; kind and speaker on the matched ones.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteReport {
    pub f1: Option<f64>,
    pub kind_agreement: Option<f64>,
    pub speaker_agreement: Option<f64>,
    #[serde(flatten)]
    pub counts: QuoteCounts,
}

impl From<QuoteCounts> for QuoteReport {
    fn from(counts: QuoteCounts) -> Self {
        Self {
            f1: counts.f1(),
            kind_agreement: counts.kind_agreement(),
            speaker_agreement: counts.speaker_agreement(),
            counts,
        }
    }
}

/// One document's figures, so the worst-agreeing documents can be found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentReport {
    /// The document's key (a project's article id, or a path relative to each folder).
    pub document: String,
    /// The annotators who have it.
    pub annotators: Vec<String>,
    /// Mean over its pairs of the pair's span F1.
    pub span_f1: Option<f64>,
    /// Mean over its pairs of the pair's κ.
    pub cohen_kappa: Option<f64>,
    pub krippendorff_alpha: Option<f64>,
    /// Mean over its pairs of the pair's quotation F1.
    pub quotes_f1: Option<f64>,
    /// Mean over its pairs of the pair's speaker agreement.
    pub speaker_agreement: Option<f64>,
    pub pairs: Vec<DocumentPairReport>,
    /// Code-point ranges left out because the annotators' texts differ there.
    pub excluded: Vec<[usize; 2]>,
    /// Spans of this document that could not be placed (also in the run's list).
    pub unanchored: Vec<Unanchored>,
}

/// Two annotators on one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentPairReport {
    pub annotators: [String; 2],
    pub span_f1: Option<f64>,
    pub span_counts: Counts,
    pub cohen_kappa: Option<f64>,
    pub quotes: QuoteReport,
}

/// A document only one annotator has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotCompared {
    pub document: String,
    pub annotator: String,
}

impl AgreementReport {
    /// The compared documents, least agreeing first: by span F1, then κ, then
    /// quotation F1 (documents where a figure is undefined after those where it is).
    pub fn worst_first(&self) -> Vec<&DocumentReport> {
        let key = |d: &DocumentReport| [d.span_f1, d.cohen_kappa, d.quotes_f1].map(|f| f.map_or((1, 0.0), |f| (0, f)));
        let mut documents: Vec<&DocumentReport> = self.documents.iter().collect();
        documents.sort_by(|a, b| {
            let (ka, kb) = (key(a), key(b));
            ka.iter()
                .zip(&kb)
                .map(|((da, fa), (db, fb))| da.cmp(db).then(fa.total_cmp(fb)))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| a.document.cmp(&b.document))
        });
        documents
    }

    /// The pair report of two annotators, in either order.
    pub fn pair(&self, a: &str, b: &str) -> Option<&PairReport> {
        self.pairs
            .iter()
            .find(|p| (p.annotators[0] == a && p.annotators[1] == b) || (p.annotators[0] == b && p.annotators[1] == a))
    }

    /// The figures of one document.
    pub fn document(&self, key: &str) -> Option<&DocumentReport> {
        self.documents.iter().find(|d| d.document == key)
    }
}

/// The mean of the defined values; `None` when there is none.
pub fn mean_of(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let defined: Vec<f64> = values.into_iter().flatten().collect();
    (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
}
