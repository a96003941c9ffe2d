//! Speaker linking: turns each quote's speaker hint into an entity index.
//!
//! Names after or before a cue are read by [`speaker_names`](super::speaker_names);
//! pronouns and `-nya` cues by [`coreference`](super::coreference). A short mention
//! (`Putin`) resolves to the first full mention containing its words (`Vladimir
//! Putin`). Speakers the tagger missed are added as PERSON entities, so that every
//! speaker is an entity of the document.

use super::aliases::Aliases;
use super::coreference::Context;
use super::cues::SpeakerHint;
use super::doc::Doc;
use super::intervals::EntityIndex;
use super::lexicon::Lexicon;
use super::quotes::RawQuote;
use super::speaker_names::{Mention, Names};
use super::EntitySuggestion;
use std::collections::{BTreeSet, HashMap};

/// Source of the PERSON entities added for speakers the tagger missed.
pub const SPEAKER_SOURCE: &str = "rules:speaker";
const SPEAKER_CONFIDENCE: f32 = 0.5;

/// Speakers of `quotes` (sorted by start) as indices into `entities`, which gains an
/// entity for every speaker it lacked (kept sorted and disjoint).
pub fn link(doc: &Doc, lex: &Lexicon, entities: &mut Vec<EntitySuggestion>, quotes: &[RawQuote]) -> Vec<Option<usize>> {
    let mentions = resolve_all(doc, lex, entities, quotes);
    attach(&doc.chars, entities, &mentions)
}

/// The speaker mention of each quote.
pub fn resolve_all(
    doc: &Doc,
    lex: &Lexicon,
    entities: &[EntitySuggestion],
    quotes: &[RawQuote],
) -> Vec<Option<Mention>> {
    let names = Names { doc, lex, entities, index: EntityIndex::new(entities) };
    let mut context = Context::new(doc, lex, entities, quotes);
    let mut full = FullMentions::new(doc, entities);
    let mut out = Vec::with_capacity(quotes.len());
    for q in quotes {
        let found = match q.hint {
            SpeakerHint::After(a, b) => names.after_cue(a, b),
            SpeakerHint::Subject(a, b) => names.subject(a, b),
            SpeakerHint::Pronoun(pos) => context.continued(q.end).or_else(|| context.pronoun(pos.min(q.start))),
            SpeakerHint::None => None,
        };
        let pronoun = matches!(q.hint, SpeakerHint::Pronoun(_));
        let found = found.map(|m| full.of(m)).map(|m| if pronoun { full.alias_of(m) } else { m });
        if let Some(m) = found.filter(|&m| names.is_personal(m)) {
            context.spoke(q, m);
        }
        out.push(found);
    }
    out
}

fn words_in(doc: &Doc, start: usize, end: usize) -> Vec<String> {
    let text: String = doc.chars.get(start..end).unwrap_or(&[]).iter().collect();
    text.split_whitespace().map(str::to_string).collect()
}

/// Short PERSON mentions (`Putin`, `Roland`) as the first longer PERSON mention
/// holding all their words (`Vladimir Putin`, `Ajun Komisaris Roland Manurung`).
/// The entities' words are read once and indexed by word, and each short name is
/// looked up once, so a long document does not compare every speaker with every
/// entity.
struct FullMentions<'a> {
    doc: &'a Doc,
    entities: &'a [EntitySuggestion],
    /// The words of each PERSON entity (empty for other labels).
    words: Vec<Vec<String>>,
    /// PERSON entities holding a word, ascending.
    holding: HashMap<String, Vec<usize>>,
    /// The first PERSON entity with any word: the answer for a mention without words.
    first_worded: Option<usize>,
    known: HashMap<Vec<String>, Option<usize>>,
    aliases: Aliases,
}

impl<'a> FullMentions<'a> {
    fn new(doc: &'a Doc, entities: &'a [EntitySuggestion]) -> FullMentions<'a> {
        let words: Vec<Vec<String>> = entities
            .iter()
            .map(|e| if e.label == "PERSON" { words_in(doc, e.start, e.end) } else { Vec::new() })
            .collect();
        let mut holding: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, ws) in words.iter().enumerate() {
            for w in ws {
                let list = holding.entry(w.clone()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let first_worded = words.iter().position(|ws| !ws.is_empty());
        let aliases = Aliases::new(&words);
        FullMentions { doc, entities, words, holding, first_worded, known: HashMap::new(), aliases }
    }

    fn of(&mut self, m: Mention) -> Mention {
        let (start, end) = match m {
            Mention::Entity(i) => match self.entities.get(i) {
                Some(e) if e.label == "PERSON" => (e.start, e.end),
                _ => return m,
            },
            Mention::New { start, end } | Mention::Cut { start, end } => (start, end),
        };
        let words = words_in(self.doc, start, end);
        let longer = match self.known.get(&words) {
            Some(&found) => found,
            None => {
                let found = self.longer(&words);
                self.known.insert(words, found);
                found
            }
        };
        longer.map_or(m, Mention::Entity)
    }

    /// A one-word mention as the full name it is a short form of (`Risma`, `Jokowi`):
    /// for `-nya` cues only, as a name written at the cue is the mention itself.
    fn alias_of(&mut self, m: Mention) -> Mention {
        let (start, end) = match m {
            Mention::Entity(i) => match self.entities.get(i) {
                Some(e) if e.label == "PERSON" => (e.start, e.end),
                _ => return m,
            },
            Mention::New { start, end } | Mention::Cut { start, end } => (start, end),
        };
        match words_in(self.doc, start, end).as_slice() {
            [word] => self.aliases.full_name_of(word).map_or(m, Mention::Entity),
            _ => m,
        }
    }

    /// The first PERSON entity with more words than `words`, all of them among its own.
    fn longer(&self, words: &[String]) -> Option<usize> {
        let Some(first) = words.first() else { return self.first_worded };
        let full = |i: usize| self.words.get(i).map_or(&[][..], Vec::as_slice);
        let candidates = self.holding.get(first)?;
        candidates.iter().copied().find(|&i| full(i).len() > words.len() && words.iter().all(|w| full(i).contains(w)))
    }
}

/// Where an entity of the merged list came from: `Ok(old index)` or `Err(new span)`.
type Origin = Result<usize, (usize, usize)>;

/// Adds the new mentions as PERSON entities and returns every speaker's index.
fn attach(chars: &[char], entities: &mut Vec<EntitySuggestion>, mentions: &[Option<Mention>]) -> Vec<Option<usize>> {
    let old_len = entities.len();
    let mut placed = Placed::new(entities.drain(..).enumerate().map(|(i, e)| (e, Ok(i))).collect());
    for m in mentions.iter().flatten() {
        let (start, end, cut) = match *m {
            Mention::New { start, end } => (start, end, false),
            Mention::Cut { start, end } => (start, end, true),
            Mention::Entity(_) => continue,
        };
        let clashes = placed.clashes(start, end);
        if let [k] = clashes[..] {
            let done = (cut && placed.cut_tail(chars, k, start, end)) || placed.relabel(k, start, end);
            if !done {
                placed.trim(k, start, end);
            }
        } else if clashes.is_empty() {
            let e = EntitySuggestion {
                start,
                end,
                label: "PERSON".to_string(),
                source: SPEAKER_SOURCE.to_string(),
                confidence: SPEAKER_CONFIDENCE,
            };
            placed.push(e, Err((start, end)));
        }
    }
    let ordered = placed.ordered;
    let mut tagged = placed.tagged;
    tagged.sort_by_key(|(e, _)| (e.start, e.end));
    let found = Found::new(&tagged, old_len, ordered);
    let out = mentions.iter().map(|m| m.as_ref().and_then(|m| found.index_of(&tagged, m))).collect();
    entities.extend(tagged.into_iter().map(|(e, _)| e));
    out
}

/// The entities being merged, with an ordered set of their spans so that a new
/// mention's clashes are found by a range query. The set is used only while the
/// entities are sorted and disjoint (as the analysis makes them, and as trimming
/// and adding only clash-free spans keep them): then their ends are sorted too and
/// the walk back from a mention's end stops at the first entity ending before it.
struct Placed {
    tagged: Vec<(EntitySuggestion, Origin)>,
    spans: BTreeSet<(usize, usize, usize)>,
    ordered: bool,
}

impl Placed {
    fn new(tagged: Vec<(EntitySuggestion, Origin)>) -> Placed {
        let ordered = tagged.iter().all(|(e, _)| e.start <= e.end)
            && tagged.windows(2).all(|w| matches!(w, [(x, _), (y, _)] if x.end <= y.start));
        let spans = tagged.iter().enumerate().map(|(k, (e, _))| (e.start, e.end, k)).collect();
        Placed { tagged, spans, ordered }
    }

    /// Entities overlapping `start..end`.
    fn clashes(&self, start: usize, end: usize) -> Vec<usize> {
        let overlaps = |e: &EntitySuggestion| e.start < end && start < e.end;
        if !self.ordered {
            return (0..self.tagged.len()).filter(|&k| self.tagged.get(k).is_some_and(|(e, _)| overlaps(e))).collect();
        }
        let before_end = self.spans.range(..(end, 0, 0)).rev();
        let reaching = before_end.take_while(|&&(_, e, _)| e > start);
        let mut out: Vec<usize> = reaching.filter(|&&(s, e, _)| s < end && start < e).map(|&(_, _, k)| k).collect();
        out.sort_unstable();
        out
    }

    /// A PERSON span over role words and the name: trim it to the name.
    fn trim(&mut self, k: usize, start: usize, end: usize) {
        let Some((e, _)) =
            self.tagged.get_mut(k).filter(|(e, _)| e.label == "PERSON" && e.start <= start && end <= e.end)
        else {
            return;
        };
        self.spans.remove(&(e.start, e.end, k));
        self.spans.insert((start, end, k));
        e.start = start;
        e.end = end;
        e.source = SPEAKER_SOURCE.to_string();
    }

    /// A name read as a person (`dr Algazali`) that the tagger took for an
    /// organisation or place with exactly its span: the entity becomes a PERSON.
    fn relabel(&mut self, k: usize, start: usize, end: usize) -> bool {
        let Some((e, _)) =
            self.tagged.get_mut(k).filter(|(e, _)| e.label != "PERSON" && e.start == start && e.end == end)
        else {
            return false;
        };
        e.label = "PERSON".to_string();
        e.source = SPEAKER_SOURCE.to_string();
        true
    }

    /// `start..end` ends a non-PERSON entity and does not begin it: the entity keeps
    /// the words before (its end moved back over the blank before the name) and the
    /// name becomes a PERSON of its own.
    fn cut_tail(&mut self, chars: &[char], k: usize, start: usize, end: usize) -> bool {
        let Some((e, _)) =
            self.tagged.get_mut(k).filter(|(e, _)| e.label != "PERSON" && e.start < start && e.end == end)
        else {
            return false;
        };
        let blank = chars.get(e.start..start).map_or(0, |s| s.iter().rev().take_while(|c| c.is_whitespace()).count());
        self.spans.remove(&(e.start, e.end, k));
        e.end = start - blank;
        self.spans.insert((e.start, e.end, k));
        let person = EntitySuggestion {
            start,
            end,
            label: "PERSON".to_string(),
            source: SPEAKER_SOURCE.to_string(),
            confidence: SPEAKER_CONFIDENCE,
        };
        self.push(person, Err((start, end)));
        true
    }

    fn push(&mut self, e: EntitySuggestion, origin: Origin) {
        self.spans.insert((e.start, e.end, self.tagged.len()));
        self.tagged.push((e, origin));
    }
}

/// Where each speaker ended up in the sorted merged list.
struct Found {
    /// Position of each old entity.
    old: Vec<Option<usize>>,
    /// Position of the first added entity with each span.
    added: HashMap<(usize, usize), usize>,
    ordered: bool,
}

impl Found {
    fn new(tagged: &[(EntitySuggestion, Origin)], old_len: usize, ordered: bool) -> Found {
        let mut old = vec![None; old_len];
        let mut added = HashMap::new();
        for (pos, (_, origin)) in tagged.iter().enumerate() {
            match *origin {
                Ok(i) => {
                    if let Some(slot) = old.get_mut(i).filter(|slot| slot.is_none()) {
                        *slot = Some(pos);
                    }
                }
                Err(span) => {
                    added.entry(span).or_insert(pos);
                }
            }
        }
        Found { old, added, ordered }
    }

    fn index_of(&self, tagged: &[(EntitySuggestion, Origin)], m: &Mention) -> Option<usize> {
        match *m {
            Mention::Entity(i) => self.old.get(i).copied().flatten(),
            Mention::New { start, end } | Mention::Cut { start, end } => {
                self.added.get(&(start, end)).copied().or_else(|| self.first_overlap(tagged, start, end))
            }
        }
    }

    /// The first entity overlapping `start..end`; sorted and disjoint entities have
    /// sorted ends, so it is the first one ending after `start`, if it overlaps.
    fn first_overlap(&self, tagged: &[(EntitySuggestion, Origin)], start: usize, end: usize) -> Option<usize> {
        let overlaps = |e: &EntitySuggestion| e.start < end && start < e.end;
        if !self.ordered {
            return tagged.iter().position(|(e, _)| overlaps(e));
        }
        let k = tagged.partition_point(|(e, _)| e.end <= start);
        tagged.get(k).filter(|(e, _)| overlaps(e)).map(|_| k)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Analyzer, QuoteKind};

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let s = Analyzer::new().analyze(text);
        let slice = |a: usize, b: usize| text.chars().skip(a).take(b - a).collect::<String>();
        s.quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| (slice(q.start, q.end), q.speaker.and_then(|i| s.entities.get(i)).map(|e| slice(e.start, e.end))))
            .collect()
    }

    #[test]
    fn short_mention_and_nya_resolve_to_the_full_name() {
        let text = "😀 Kepala Dinas Kesehatan Bambang Santoso hadir.\r\n\r\n“Kami siap,” kata Bambang.\r\n\r\n“Semua aman 🇷🇺,” ujarnya.";
        let got = speakers(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|(_, who)| who.as_deref() == Some("Bambang Santoso")), "{got:?}");
    }

    #[test]
    fn pronoun_after_cue_goes_to_last_person() {
        let text = "Mayor Helen Carter spoke 😀.\r\n“We will build it,” she said.";
        assert_eq!(speakers(text).first().and_then(|(_, w)| w.clone()).as_deref(), Some("Helen Carter"));
    }

    #[test]
    fn news_agency_is_a_source_not_the_speaker() {
        let text = "“Itu saja,” kata Putin usai bertemu Kim, seperti dilansir Reuters.";
        let got = speakers(text);
        assert_ne!(got.first().and_then(|(_, w)| w.clone()).as_deref(), Some("Reuters"), "{got:?}");
    }
}
