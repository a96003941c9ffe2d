//! One document's curation as the app drives it: the [`Adjudication`], the
//! disagreement in focus, the candidates picked for a "keep these", and what
//! each key does. Settling moves on to the next unsettled disagreement, so a
//! document is curated with one key per disagreement.

use crate::adjudication::{Adjudication, AdjudicationError, CandidateSpan, MergeStrategy, Resolution};
use crate::model::QuoteKind;
use crate::project::layers::OpenedAdjudication;
use crate::project::scan::ArticleId;

/// The longest excerpt of a quotation shown in a candidate's line.
const EXCERPT_CHARS: usize = 90;
/// How much of the article is shown on either side of a disagreement.
const CONTEXT_CHARS: usize = 40;

/// What the curation keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurationKey {
    /// Take that annotator's version (A, B, …).
    Take(usize),
    /// Neither version (N).
    Neither,
    /// Pick or unpick the disagreement's n-th candidate (1…9, counted from 0 here).
    Toggle(usize),
    /// Keep the picked candidates (Enter).
    KeepChosen,
    /// The next disagreement (↓, Tab).
    Next,
    /// The previous disagreement (↑, Shift+Tab).
    Previous,
    /// Undo the focused disagreement's settlement (Backspace).
    Unsettle,
    /// Settle everything as a strategy says (the "Start from" buttons).
    StartFrom(MergeStrategy),
}

/// The curation of one document.
#[derive(Debug)]
pub struct Curation {
    pub id: ArticleId,
    pub adjudication: Adjudication,
    /// The disagreement in focus.
    pub current: usize,
    /// The focused disagreement's candidates picked for keeping.
    pub chosen: Vec<usize>,
    /// Spans of a version that could not be placed on the article as it is now.
    pub unanchored: Vec<String>,
    /// True once the gold layer was saved and nothing was settled since.
    pub saved: bool,
    /// Each disagreement's stretch in its sentence: `…text «stretch» text…`.
    pub contexts: Vec<String>,
}

impl Curation {
    /// The curation of `id`, from the agreed spans only (every disagreement open).
    pub fn new(id: ArticleId, opened: OpenedAdjudication) -> Self {
        let unanchored = opened
            .aligned
            .unanchored
            .iter()
            .map(|u| format!("{}'s {} “{}” is not on the article as it is now", u.annotator, u.span, u.text))
            .collect();
        let ranges: Vec<(usize, usize)> = opened.adjudication.disagreements.iter().map(|d| d.range).collect();
        let contexts = contexts(&opened.adjudication.text, &ranges);
        let adjudication = opened.adjudication;
        Self { id, adjudication, current: 0, chosen: Vec::new(), unanchored, saved: false, contexts }
    }

    /// Picks up the settlements of a gold version saved earlier; the focus
    /// goes to the first disagreement still open.
    pub fn resume(&mut self, gold: &crate::model::Document) -> crate::adjudication::Resumed {
        let resumed = self.adjudication.resume_from(gold);
        self.saved = resumed.not_placed == 0;
        self.focus(self.adjudication.next_unsettled(None).unwrap_or(0));
        resumed
    }

    /// Does what `key` asks; settling moves the focus to the next unsettled disagreement.
    pub fn apply(&mut self, key: CurationKey) -> Result<(), AdjudicationError> {
        let count = self.adjudication.disagreements.len();
        if count == 0 && !matches!(key, CurationKey::StartFrom(_)) {
            return Ok(());
        }
        match key {
            CurationKey::Take(annotator) => self.settle(Resolution::Take(annotator))?,
            CurationKey::Neither => self.settle(Resolution::Neither)?,
            CurationKey::KeepChosen if !self.chosen.is_empty() => self.settle(Resolution::Keep(self.chosen.clone()))?,
            CurationKey::KeepChosen => self.focus((self.current + 1).min(count - 1)),
            CurationKey::Toggle(n) => self.toggle(n),
            CurationKey::Next => self.focus((self.current + 1) % count),
            CurationKey::Previous => self.focus((self.current + count - 1) % count),
            CurationKey::Unsettle => {
                self.adjudication.settle(self.current, None)?;
                self.saved = false;
            }
            CurationKey::StartFrom(strategy) => {
                self.adjudication.start_from(strategy)?;
                self.saved = false;
                self.focus(self.adjudication.next_unsettled(None).unwrap_or(0));
            }
        }
        Ok(())
    }

    fn settle(&mut self, resolution: Resolution) -> Result<(), AdjudicationError> {
        self.adjudication.settle(self.current, Some(resolution))?;
        self.saved = false;
        let next = self.adjudication.next_unsettled(Some(self.current));
        self.focus(next.unwrap_or(self.current));
        Ok(())
    }

    fn focus(&mut self, index: usize) {
        if index != self.current {
            self.chosen.clear();
        }
        self.current = index;
    }

    fn toggle(&mut self, n: usize) {
        let Some(&candidate) = self.adjudication.disagreements.get(self.current).and_then(|d| d.candidates.get(n))
        else {
            return;
        };
        match self.chosen.iter().position(|&c| c == candidate) {
            Some(at) => {
                self.chosen.remove(at);
            }
            None => self.chosen.push(candidate),
        }
    }

    /// A candidate in one line: its text and label, or a quotation's excerpt,
    /// kind and speaker.
    pub fn describe(&self, candidate: usize) -> String {
        match self.adjudication.candidates.get(candidate).map(|c| &c.span) {
            Some(CandidateSpan::Entity(entity)) => format!("“{}” {}", one_line(&entity.text), entity.label),
            Some(CandidateSpan::Quote { quote, speaker }) => {
                let kind = if quote.kind == QuoteKind::Direct { "direct" } else { "indirect" };
                let said = speaker.as_ref().map_or_else(|| "no speaker".to_owned(), |s| format!("said by {}", s.text));
                // The excerpt as marked: a direct quotation brings its own quotation marks.
                format!("{kind} quotation {} · {said}", one_line(&quote.text))
            }
            None => String::new(),
        }
    }

    /// The key letter of annotator `index` (A, B, …; N is "neither").
    pub fn letter(index: usize) -> Option<char> {
        (index < 13).then(|| char::from(b'A' + index as u8))
    }
}

/// Each range (code points) of `text` with [`CONTEXT_CHARS`] on either side,
/// on one line: `…before «range» after…`. One pass over the text for all of
/// them, so a long article with many disagreements opens at once.
fn contexts(text: &str, ranges: &[(usize, usize)]) -> Vec<String> {
    let mut wanted: Vec<usize> =
        ranges.iter().flat_map(|&(s, e)| [s.saturating_sub(CONTEXT_CHARS), s, e, e + CONTEXT_CHARS]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut byte_of = std::collections::HashMap::with_capacity(wanted.len());
    let mut next = wanted.iter().copied().peekable();
    let boundaries = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
    for (chars, byte) in boundaries.enumerate() {
        while next.next_if_eq(&chars).is_some() {
            byte_of.insert(chars, byte);
        }
        if next.peek().is_none() {
            break;
        }
    }
    let at = |c: usize| byte_of.get(&c).copied().unwrap_or(text.len());
    let flat = |s: &str| s.replace("\r\n", "¶").replace(['\n', '\r'], "¶");
    ranges
        .iter()
        .map(|&(start, end)| {
            let (from, to) = (start.saturating_sub(CONTEXT_CHARS), end + CONTEXT_CHARS);
            let before = if from > 0 { "…" } else { "" };
            let after = if at(to) < text.len() { "…" } else { "" };
            let (a, s, e, b) = (at(from), at(start), at(end), at(to));
            format!("{before}{}«{}»{}{after}", flat(&text[a..s]), flat(&text[s..e]), flat(&text[e..b]))
        })
        .collect()
}

/// `text` on one line (line breaks shown as ¶), cut to [`EXCERPT_CHARS`].
fn one_line(text: &str) -> String {
    let mut line: String = text.replace("\r\n", "¶").replace(['\n', '\r'], "¶");
    if let Some((cut, _)) = line.char_indices().nth(EXCERPT_CHARS) {
        line.truncate(cut);
        line.push('…');
    }
    line
}

/// The adjudication mode: the curation of the open document, when there is one.
#[derive(Debug, Default)]
pub struct AdjudicationState {
    pub curation: Option<Curation>,
    /// What the last key could not do.
    pub problem: Option<String>,
}

impl AdjudicationState {
    pub fn is_open(&self) -> bool {
        self.curation.is_some()
    }

    /// Applies a key to the curation, keeping what it could not do to show.
    pub fn apply(&mut self, key: CurationKey) {
        let Some(curation) = self.curation.as_mut() else { return };
        self.problem = curation.apply(key).err().map(|e| e.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adjudication::{test_fixtures, Adjudication};
    use crate::agreement::{AlignedDocument, SpanFilter};
    use crate::model::Document;

    const TEXT: &str = "“Kami 😀 siap,” kata Ana di Bandung.\r\nBudi pulang.\r\n";

    fn version(city: &str, speaker: &str) -> Document {
        let entities = [("Ana", Some("PERSON")), ("Bandung", Some(city)), ("Budi", Some("PERSON"))];
        test_fixtures::version(TEXT, &entities, "“Kami 😀 siap,”", speaker)
    }

    fn curation() -> Curation {
        let versions = vec![("ana".into(), version("LOC", "Ana")), ("budi".into(), version("ORG", "Budi"))];
        let adjudication = Adjudication::new(versions, SpanFilter::default()).unwrap();
        let aligned = AlignedDocument {
            key: "a.txt".into(),
            text: TEXT.into(),
            versions: Vec::new(),
            excluded: Vec::new(),
            unanchored: Vec::new(),
        };
        let id = ArticleId { path: "a.txt".into(), line: None };
        Curation::new(id, OpenedAdjudication { adjudication, aligned })
    }

    #[test]
    fn one_key_per_disagreement_then_the_next_unsettled() {
        let mut c = curation();
        assert_eq!(c.adjudication.disagreements.len(), 2, "Bandung's label and the quote's speaker");
        assert!(c.adjudication.disagreements[0].quotes, "the quote comes first in reading order");
        let budis = c.describe(c.adjudication.disagreements[0].versions[1][0]);
        assert!(budis.contains("said by Budi") && budis.contains("“Kami 😀 siap,”"), "{budis}");
        c.apply(CurationKey::Take(1)).unwrap();
        assert_eq!(c.current, 1, "settling moves on");
        c.apply(CurationKey::Toggle(1)).unwrap();
        assert_eq!(c.chosen.len(), 1);
        c.apply(CurationKey::KeepChosen).unwrap();
        assert_eq!(c.adjudication.unsettled(), 0);
        c.apply(CurationKey::Unsettle).unwrap();
        assert_eq!(c.adjudication.unsettled(), 1);
        c.apply(CurationKey::Previous).unwrap();
        c.apply(CurationKey::Neither).unwrap();
        assert_eq!(c.current, 1, "on to the one still unsettled");
        c.apply(CurationKey::Take(0)).unwrap();
        let gold = c.adjudication.gold(None).unwrap();
        assert!(gold.quotes().is_empty(), "neither quote");
        assert!(gold.entities().iter().any(|e| e.text == "Bandung" && e.label == "LOC"));
        c.apply(CurationKey::StartFrom(MergeStrategy::Layer(1))).unwrap();
        let gold = c.adjudication.gold(None).unwrap();
        assert_eq!(gold.entity(gold.quotes()[0].speaker.as_deref().unwrap()).unwrap().text, "Budi");
        assert!(c.apply(CurationKey::Take(5)).is_err(), "no sixth annotator");
    }

    #[test]
    fn moving_wraps_and_forgets_what_was_picked() {
        let mut c = curation();
        c.apply(CurationKey::Toggle(0)).unwrap();
        c.apply(CurationKey::Previous).unwrap();
        assert_eq!((c.current, c.chosen.len()), (1, 0));
        c.apply(CurationKey::Next).unwrap();
        assert_eq!(c.current, 0);
        c.apply(CurationKey::Toggle(7)).unwrap();
        assert!(c.chosen.is_empty(), "no eighth candidate");
    }

    #[test]
    fn each_disagreement_is_shown_in_its_context() {
        let c = curation();
        assert_eq!(c.contexts.len(), 2);
        assert!(c.contexts[0].starts_with("«“Kami 😀 siap,”» kata Ana"), "{}", c.contexts[0]);
        assert!(c.contexts[1].contains("kata Ana di «Bandung».¶Budi pulang.¶"), "{}", c.contexts[1]);
        assert!(!c.contexts[1].ends_with('…'), "the article ends there");
        let long = format!("{}Ana{}", "x😀".repeat(50), "y".repeat(50));
        let shown = contexts(&long, &[(100, 103)]);
        assert_eq!(shown[0], format!("…{}«Ana»{}…", "x😀".repeat(20), "y".repeat(40)));
    }

    #[test]
    fn long_quotes_are_cut_and_line_breaks_shown() {
        assert_eq!(one_line("a\r\nb\nc"), "a¶b¶c");
        let long = "😀".repeat(200);
        assert_eq!(one_line(&long).chars().count(), EXCERPT_CHARS + 1);
        assert_eq!(Curation::letter(1), Some('B'));
        assert_eq!(Curation::letter(13), None, "N means neither");
    }
}
