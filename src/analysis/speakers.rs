//! Speaker linking: turns each quote's speaker hint into an entity index.
//!
//! Names after or before a cue are read by [`speaker_names`](super::speaker_names);
//! pronouns and `-nya` cues by [`coreference`](super::coreference). A short mention
//! (`Putin`) resolves to the first full mention containing its words (`Vladimir
//! Putin`). Speakers the tagger missed are added as PERSON entities, so that every
//! speaker is an entity of the document.

use super::coreference::Context;
use super::cues::SpeakerHint;
use super::doc::Doc;
use super::lexicon::Lexicon;
use super::quotes::RawQuote;
use super::speaker_names::{Mention, Names};
use super::EntitySuggestion;

/// Source of the PERSON entities added for speakers the tagger missed.
pub const SPEAKER_SOURCE: &str = "rules:speaker";
const SPEAKER_CONFIDENCE: f32 = 0.5;

/// Speakers of `quotes` (sorted by start) as indices into `entities`, which gains an
/// entity for every speaker it lacked (kept sorted and disjoint).
pub fn link(doc: &Doc, lex: &Lexicon, entities: &mut Vec<EntitySuggestion>, quotes: &[RawQuote]) -> Vec<Option<usize>> {
    let mentions = resolve_all(doc, lex, entities, quotes);
    attach(entities, &mentions)
}

/// The speaker mention of each quote.
pub fn resolve_all(
    doc: &Doc,
    lex: &Lexicon,
    entities: &[EntitySuggestion],
    quotes: &[RawQuote],
) -> Vec<Option<Mention>> {
    let names = Names { doc, lex, entities };
    let mut context = Context::new(doc, lex, entities, quotes);
    let mut out = Vec::with_capacity(quotes.len());
    for q in quotes {
        let found = match q.hint {
            SpeakerHint::After(a, b) => names.after_cue(a, b),
            SpeakerHint::Subject(a, b) => names.subject(a, b),
            SpeakerHint::Pronoun(pos) => context.continued(q.end).or_else(|| context.pronoun(pos.min(q.start))),
            SpeakerHint::None => None,
        };
        let found = found.map(|m| full_mention(doc, entities, m));
        if let Some(m) = found {
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

/// A short PERSON mention (`Putin`, `Roland`) as the first longer PERSON mention
/// holding all its words (`Vladimir Putin`, `Ajun Komisaris Roland Manurung`).
pub fn full_mention(doc: &Doc, entities: &[EntitySuggestion], m: Mention) -> Mention {
    let (start, end) = match m {
        Mention::Entity(i) => match entities.get(i) {
            Some(e) if e.label == "PERSON" => (e.start, e.end),
            _ => return m,
        },
        Mention::New { start, end } => (start, end),
    };
    let words = words_in(doc, start, end);
    let longer = entities.iter().position(|e| {
        let full = words_in(doc, e.start, e.end);
        e.label == "PERSON" && full.len() > words.len() && words.iter().all(|w| full.contains(w))
    });
    longer.map_or(m, Mention::Entity)
}

/// Where an entity of the merged list came from: `Ok(old index)` or `Err(new span)`.
type Origin = Result<usize, (usize, usize)>;

/// Adds the new mentions as PERSON entities and returns every speaker's index.
fn attach(entities: &mut Vec<EntitySuggestion>, mentions: &[Option<Mention>]) -> Vec<Option<usize>> {
    let mut tagged: Vec<(EntitySuggestion, Origin)> = entities.drain(..).enumerate().map(|(i, e)| (e, Ok(i))).collect();
    for m in mentions.iter().flatten() {
        let Mention::New { start, end } = *m else { continue };
        let clashes: Vec<usize> =
            (0..tagged.len()).filter(|&k| tagged.get(k).is_some_and(|(e, _)| e.start < end && start < e.end)).collect();
        if let [k] = clashes[..] {
            // A PERSON span over role words and the name: trim it to the name.
            if let Some((e, _)) =
                tagged.get_mut(k).filter(|(e, _)| e.label == "PERSON" && e.start <= start && end <= e.end)
            {
                e.start = start;
                e.end = end;
                e.source = SPEAKER_SOURCE.to_string();
            }
        } else if clashes.is_empty() {
            let e = EntitySuggestion {
                start,
                end,
                label: "PERSON".to_string(),
                source: SPEAKER_SOURCE.to_string(),
                confidence: SPEAKER_CONFIDENCE,
            };
            tagged.push((e, Err((start, end))));
        }
    }
    tagged.sort_by_key(|(e, _)| (e.start, e.end));
    let index_of = |m: &Mention| match *m {
        Mention::Entity(i) => tagged.iter().position(|(_, o)| *o == Ok(i)),
        Mention::New { start, end } => tagged
            .iter()
            .position(|(_, o)| *o == Err((start, end)))
            .or_else(|| tagged.iter().position(|(e, _)| e.start < end && start < e.end)),
    };
    let out = mentions.iter().map(|m| m.as_ref().and_then(index_of)).collect();
    entities.extend(tagged.into_iter().map(|(e, _)| e));
    out
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
