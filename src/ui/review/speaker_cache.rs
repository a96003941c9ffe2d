//! The selected quotation's speaker candidates, ranked once per change: the
//! inspector draws them every frame and the digit keys read them, so the
//! ranking ([`SpeakerRanker::rank`]) runs again only when the document, the
//! quotation or the ranker (the project's weights and cues) change.

use std::path::PathBuf;

use crate::session::Session;
use crate::speaker_ranking::{RankedSpeaker, SpeakerRanker};

/// At most this many candidates: one per digit key.
pub const MAX_CANDIDATES: usize = 9;

/// What a ranking was computed for.
#[derive(Debug)]
struct Key {
    document: PathBuf,
    revision: u64,
    quote: String,
    ranker: SpeakerRanker,
}

#[derive(Debug, Default)]
pub struct SpeakerCache {
    key: Option<Key>,
    ranked: Vec<RankedSpeaker>,
}

impl SpeakerCache {
    /// The candidates for quotation `quote` of `session`'s document, best first
    /// (empty if there is no such quotation).
    pub fn candidates(&mut self, session: &Session, quote: &str, ranker: &SpeakerRanker) -> &[RankedSpeaker] {
        // Compared field by field first: the inspector asks every frame, and
        // building a key to compare would allocate every frame.
        let same = self.key.as_ref().is_some_and(|k| {
            k.revision == session.revision()
                && k.quote == quote
                && k.ranker.same_as(ranker)
                && k.document == session.annotation_path
        });
        if !same {
            let key = Key {
                document: session.annotation_path.clone(),
                revision: session.revision(),
                quote: quote.to_owned(),
                ranker: ranker.clone(),
            };
            self.ranked = match session.document.quote(quote) {
                Some(q) => ranker.rank(&session.document, q),
                None => Vec::new(),
            };
            self.ranked.truncate(MAX_CANDIDATES);
            self.key = Some(key);
        }
        &self.ranked
    }
}
