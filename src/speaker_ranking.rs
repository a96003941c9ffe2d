//! Who may have said a quotation of a document under review, best first: the
//! analysis' speaker ranker ([`crate::analysis::rank_speakers`]) run over the
//! document's own entities and quotations, as the annotator has them now. The
//! inspector numbers these candidates for the digit keys, and a project learns
//! its speaker weights from the annotator's choices among them
//! ([`crate::learn::speaker_lessons`]).
//!
//! The ranker reads a window of the text: up to [`WINDOW_BEFORE`] code points
//! before the quotation (from a paragraph start) and [`WINDOW_AFTER`] after it.
//! It looks back a few paragraphs only, so news articles are read whole, and a
//! very long document costs no more than a long article.

use std::collections::HashMap;
use std::sync::Arc;

use crate::analysis::lexicon::Lexicon;
use crate::analysis::{rank_speakers, rank_speakers_with, CandidateFeatures, EntityRef, QuoteRef, SpeakerWeights};
use crate::model::{Document, Entity, Quote, QuoteKind, Status};

/// Code points read before the quotation, at most.
pub const WINDOW_BEFORE: usize = 20_000;
/// Code points read after it, at most (a cue and speaker after the quote).
pub const WINDOW_AFTER: usize = 2_000;

/// One candidate speaker of a quotation.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedSpeaker {
    /// The `id` of its entity (the mention that stands for the name).
    pub entity: String,
    pub score: f32,
    pub features: CandidateFeatures,
}

/// How a project ranks speakers: its weights (learned from the annotator's
/// speaker choices) and its word lists (with the cues the annotator taught, so
/// that a quotation at a project's own speech verb reads its cue as the analysis
/// does). The default is the shipped weights and word lists.
#[derive(Clone, Default)]
pub struct SpeakerRanker {
    weights: SpeakerWeights,
    /// `None`: the shipped word lists.
    lexicon: Option<Arc<Lexicon>>,
}

impl SpeakerRanker {
    pub fn new(weights: SpeakerWeights, lexicon: Option<Arc<Lexicon>>) -> SpeakerRanker {
        SpeakerRanker { weights, lexicon }
    }

    pub fn weights(&self) -> &SpeakerWeights {
        &self.weights
    }

    /// The same word lists with other weights.
    pub fn with_weights(&self, weights: SpeakerWeights) -> SpeakerRanker {
        SpeakerRanker { weights, lexicon: self.lexicon.clone() }
    }

    /// The candidates for `quote`'s speaker in `document`, best first, one per
    /// name. Rejected entities are no candidates.
    pub fn rank(&self, document: &Document, quote: &Quote) -> Vec<RankedSpeaker> {
        rank_in_window(document, quote, &self.weights, self.lexicon.as_deref())
    }

    /// Whether both rank alike (the same weights and the very same word lists).
    pub fn same_as(&self, other: &SpeakerRanker) -> bool {
        let same_lexicon = match (&self.lexicon, &other.lexicon) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        self.weights == other.weights && same_lexicon
    }
}

impl std::fmt::Debug for SpeakerRanker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The word lists are long: say only whose they are.
        let lexicon = if self.lexicon.is_some() { "the project's" } else { "shipped" };
        f.debug_struct("SpeakerRanker").field("weights", &self.weights).field("lexicon", &lexicon).finish()
    }
}

/// The candidates for `quote`'s speaker in `document` under `weights` and the
/// shipped word lists, best first, one per name.
pub fn rank_document_speakers(document: &Document, quote: &Quote, weights: &SpeakerWeights) -> Vec<RankedSpeaker> {
    rank_in_window(document, quote, weights, None)
}

fn rank_in_window(
    document: &Document,
    quote: &Quote,
    weights: &SpeakerWeights,
    lexicon: Option<&Lexicon>,
) -> Vec<RankedSpeaker> {
    let Some(window) = Window::around(document, quote) else { return Vec::new() };
    let Some(text) = document.slice(window.start, window.end) else { return Vec::new() };
    let entities: Vec<&Entity> =
        document.entities().iter().filter(|e| e.status != Status::Rejected && window.holds(e.start, e.end)).collect();
    let index: HashMap<&str, usize> = entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let refs: Vec<EntityRef> = entities
        .iter()
        .map(|e| EntityRef { start: e.start - window.start, end: e.end - window.start, label: &e.label })
        .collect();
    let quotes: Vec<&Quote> = document
        .quotes()
        .iter()
        .filter(|q| (q.status != Status::Rejected || q.id == quote.id) && window.holds(q.start, q.end))
        .collect();
    let Some(asked) = quotes.iter().position(|q| q.id == quote.id) else { return Vec::new() };
    let quote_refs: Vec<QuoteRef> = quotes.iter().map(|q| window.quote_ref(q, &index)).collect();
    let ranked = match lexicon {
        Some(lex) => rank_speakers_with(lex, text, &refs, &quote_refs, asked, weights),
        None => rank_speakers(text, &refs, &quote_refs, asked, weights),
    };
    ranked
        .into_iter()
        .filter_map(|c| {
            let entity = entities.get(c.entity)?;
            Some(RankedSpeaker { entity: entity.id.to_string(), score: c.score, features: c.features })
        })
        .collect()
}

/// The stretch of the document the ranker reads, in code points.
struct Window {
    start: usize,
    end: usize,
}

impl Window {
    fn around(document: &Document, quote: &Quote) -> Option<Window> {
        let len = document.char_len();
        if quote.start > quote.end || quote.end > len {
            return None;
        }
        let end = quote.end.saturating_add(WINDOW_AFTER).min(len);
        let earliest = quote.start.saturating_sub(WINDOW_BEFORE);
        if earliest == 0 {
            return Some(Window { start: 0, end });
        }
        // From the first paragraph that starts inside the allowance, so that no
        // sentence is read from its middle.
        let before = document.slice(earliest, quote.start)?;
        let start = match before.find('\n') {
            Some(byte) => earliest + before[..=byte].chars().count(),
            None => earliest,
        };
        Some(Window { start, end })
    }

    fn holds(&self, start: usize, end: usize) -> bool {
        self.start <= start && end <= self.end
    }

    fn quote_ref(&self, q: &Quote, index: &HashMap<&str, usize>) -> QuoteRef {
        let cue =
            q.cue.as_ref().filter(|c| self.holds(c.start, c.end)).map(|c| (c.start - self.start, c.end - self.start));
        QuoteRef {
            start: q.start - self.start,
            end: q.end - self.start,
            cue,
            speaker: q.speaker.as_deref().and_then(|id| index.get(id).copied()),
            direct: q.kind == QuoteKind::Direct,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Curly quotes, an emoji and CRLF; the quote's cue is a `-nya` form, and the
    /// most recent name (Dodi) is not its speaker: Sari introduced the report.
    const TEXT: &str = "Sari Wulan, kepala dinas, mengatakan jalan itu rusak.\r\n\
        Dodi 😀 ikut hadir.\r\n“Kami segera memperbaikinya,” ujarnya.\r\n";

    fn document() -> (Document, String) {
        let mut document = Document::new(TEXT.to_owned(), None);
        let offset = |needle: &str| TEXT[..TEXT.find(needle).unwrap()].chars().count();
        for name in ["Sari Wulan", "Dodi"] {
            let start = offset(name);
            let edit = document.add_entity_edit(start, start + name.chars().count(), "PERSON").unwrap();
            document.apply(&edit).unwrap();
        }
        let quoted = "“Kami segera memperbaikinya,”";
        let start = offset(quoted);
        let id = document.fresh_id("q");
        let edit = document.add_quote_edit(start, start + quoted.chars().count(), QuoteKind::Direct).unwrap();
        document.apply(&edit).unwrap();
        (document, id)
    }

    fn names(document: &Document, ranked: &[RankedSpeaker]) -> Vec<String> {
        ranked.iter().map(|r| document.entity(&r.entity).unwrap().text.to_string()).collect()
    }

    #[test]
    fn the_speaker_of_the_report_outranks_the_nearest_name_and_the_runner_up_is_scored() {
        let (document, id) = document();
        let quote = document.quote(&id).unwrap();
        let ranked = rank_document_speakers(&document, quote, &SpeakerWeights::default());
        assert_eq!(names(&document, &ranked), ["Sari Wulan", "Dodi"]);
        assert!(ranked[0].score > ranked[1].score, "{ranked:?}");
        assert!(ranked[0].features.speech_subject && !ranked[1].features.speech_subject);
    }

    /// Curly quotes, an emoji and CRLF: a quotation whose cue (`seloroh`) the
    /// shipped lists lack names its speaker, Dodi, right after it; Sari spoke last.
    #[test]
    fn a_projects_own_cue_lets_the_name_at_it_lead() {
        let text = "Sari Wulan mengatakan jalan itu rusak.\r\n“Kami tidak tahu 😀,” seloroh Dodi Hartono.\r\n";
        let mut document = Document::new(text.to_owned(), None);
        let offset = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
        for name in ["Sari Wulan", "Dodi Hartono"] {
            let start = offset(name);
            document.apply(&document.add_entity_edit(start, start + name.chars().count(), "PERSON").unwrap()).unwrap();
        }
        let quoted = "“Kami tidak tahu 😀,”";
        let start = offset(quoted);
        let id = document.fresh_id("q");
        document
            .apply(&document.add_quote_edit(start, start + quoted.chars().count(), QuoteKind::Direct).unwrap())
            .unwrap();
        let quote = document.quote(&id).unwrap();
        let shipped = SpeakerRanker::default().rank(&document, quote);
        assert!(!shipped.iter().any(|c| c.features.named_at_cue), "{shipped:?}");
        let mut lexicon = Lexicon::new();
        lexicon.cues_after.insert("seloroh".to_owned());
        let project = SpeakerRanker::new(SpeakerWeights::default(), Some(Arc::new(lexicon)));
        let ranked = project.rank(&document, quote);
        assert_eq!(names(&document, &ranked)[0], "Dodi Hartono");
        assert!(ranked[0].features.named_at_cue, "{ranked:?}");
        assert!(!project.same_as(&SpeakerRanker::default()));
        assert!(project.same_as(&project.clone()));
    }

    #[test]
    fn rejected_names_are_no_candidates() {
        let (mut document, id) = document();
        let sari = document.entities().iter().find(|e| e.text == "Sari Wulan").unwrap().id.to_string();
        let edit = document.reject_edit(&crate::model::SpanRef::Entity(sari.into())).unwrap();
        document.apply(&edit).unwrap();
        let ranked = rank_document_speakers(&document, document.quote(&id).unwrap(), &SpeakerWeights::default());
        assert_eq!(names(&document, &ranked), ["Dodi"]);
    }

    #[test]
    fn a_long_document_is_read_from_a_paragraph_start_within_the_window() {
        let filler = "Cuaca cerah sepanjang hari.\r\n".repeat(WINDOW_BEFORE / 20);
        let text = format!("Budi Raharjo berkata panjang.\r\n{filler}{TEXT}");
        let mut document = Document::new(text.clone(), None);
        let offset = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
        for name in ["Budi Raharjo", "Sari Wulan", "Dodi"] {
            let start = offset(name);
            document.apply(&document.add_entity_edit(start, start + name.chars().count(), "PERSON").unwrap()).unwrap();
        }
        let quoted = "“Kami segera memperbaikinya,”";
        let start = offset(quoted);
        let id = document.fresh_id("q");
        document
            .apply(&document.add_quote_edit(start, start + quoted.chars().count(), QuoteKind::Direct).unwrap())
            .unwrap();
        let window = Window::around(&document, document.quote(&id).unwrap()).unwrap();
        assert!(window.start > 0 && document.slice(window.start - 1, window.start) == Some("\n"));
        let ranked = rank_document_speakers(&document, document.quote(&id).unwrap(), &SpeakerWeights::default());
        assert_eq!(names(&document, &ranked), ["Sari Wulan", "Dodi"], "Budi is outside the window");
    }
}
