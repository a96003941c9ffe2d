//! Speaker linking: turns a quote's speaker hint into an index into the entity list.
//!
//! A short mention (`Putin`) resolves to the first full mention containing its words
//! (`Vladimir Putin`); pronouns and `-nya` cues to the last PERSON named before the quote.

use super::doc::Doc;
use super::quotes::{RawQuote, SpeakerHint};
use super::EntitySuggestion;

/// Speakers of quotes sorted by start. A pronoun or `-nya` cue goes to the speaker of
/// the previous quote when that one ended at most a paragraph before (Kompas writes
/// `X mengatakan, …` then `”…,” katanya.`, often naming others in between); otherwise
/// to the last person mentioned.
pub fn resolve_all(
    doc: &Doc,
    entities: &[EntitySuggestion],
    quotes: &[RawQuote],
    titles: &dyn Fn(&str) -> bool,
) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(quotes.len());
    let mut previous: Option<(usize, usize)> = None; // (end, speaker)
    for q in quotes {
        let speaker = match (q.hint, previous) {
            (SpeakerHint::Pronoun(_), Some((end, who))) if line_breaks(doc, end, q.start) <= 1 => Some(who),
            (hint, _) => resolve(doc, entities, hint, titles),
        };
        if let Some(who) = speaker {
            previous = Some((q.end, who));
        }
        out.push(speaker);
    }
    out
}

/// Paragraph breaks (non-empty lines started) between two char offsets.
fn line_breaks(doc: &Doc, a: usize, b: usize) -> usize {
    let Some(gap) = doc.chars.get(a.min(b)..b) else {
        return 0;
    };
    let mut count = 0;
    let mut fresh = false;
    for &c in gap {
        if c == '\n' {
            fresh = true;
        } else if fresh && !c.is_whitespace() {
            count += 1;
            fresh = false;
        }
    }
    count
}

/// Entity index for `hint`, given entities sorted by start.
pub fn resolve(
    doc: &Doc,
    entities: &[EntitySuggestion],
    hint: SpeakerHint,
    titles: &dyn Fn(&str) -> bool,
) -> Option<usize> {
    match hint {
        SpeakerHint::None => None,
        SpeakerHint::Pronoun(pos) => last_person_before(entities, pos).map(|i| full_mention(doc, entities, i)),
        SpeakerHint::Window(a, b) => {
            let in_window = |label: &str| {
                (a..b).find_map(|t| {
                    let pos = doc.tokens.get(t)?.start;
                    entities
                        .iter()
                        .position(|e| e.label == label && e.start <= pos && pos < e.end)
                })
            };
            // An organisation speaks only when named right after the cue (`kata KPK`).
            let org = || {
                let pos = doc.tokens.get(a)?.start;
                entities.iter().position(|e| e.label == "ORG" && e.start == pos)
            };
            if let Some(i) = in_window("PERSON").or_else(org) {
                return Some(full_mention(doc, entities, i));
            }
            // `kata Presiden`: the last person introduced with that title.
            let title = (a..b).map(|t| doc.low(t)).find(|w| titles(w))?;
            let pos = doc.tokens.get(a)?.start;
            let i = entities.iter().rposition(|e| {
                e.label == "PERSON" && e.end <= pos && {
                    let before = doc.token_at_or_after(e.start).checked_sub(1);
                    before.is_some_and(|b| doc.low(b) == title)
                }
            })?;
            Some(full_mention(doc, entities, i))
        }
    }
}

fn last_person_before(entities: &[EntitySuggestion], pos: usize) -> Option<usize> {
    entities.iter().rposition(|e| e.label == "PERSON" && e.end <= pos)
}

fn words_of(doc: &Doc, e: &EntitySuggestion) -> Vec<String> {
    let text: String = doc.chars.get(e.start..e.end).unwrap_or(&[]).iter().collect();
    text.split_whitespace().map(str::to_string).collect()
}

/// The first PERSON mention with more words that contains every word of entity `i`.
pub fn full_mention(doc: &Doc, entities: &[EntitySuggestion], i: usize) -> usize {
    let Some(short) = entities.get(i) else {
        return i;
    };
    if short.label != "PERSON" {
        return i;
    }
    let words = words_of(doc, short);
    entities
        .iter()
        .position(|e| {
            let full = words_of(doc, e);
            e.label == "PERSON" && full.len() > words.len() && words.iter().all(|w| full.contains(w))
        })
        .unwrap_or(i)
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
            .map(|q| {
                (
                    slice(q.start, q.end),
                    q.speaker.and_then(|i| s.entities.get(i)).map(|e| slice(e.start, e.end)),
                )
            })
            .collect()
    }

    #[test]
    fn short_mention_and_nya_resolve_to_the_full_name() {
        let text = "😀 Kepala Dinas Kesehatan Bambang Santoso hadir.\r\n\r\n“Kami siap,” kata Bambang.\r\n\r\n“Semua aman 🇷🇺,” ujarnya.";
        let got = speakers(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got.iter().all(|(_, who)| who.as_deref() == Some("Bambang Santoso")),
            "{got:?}"
        );
    }

    #[test]
    fn pronoun_after_cue_goes_to_last_person() {
        let text = "Mayor Helen Carter spoke 😀.\r\n“We will build it,” she said.";
        assert_eq!(
            speakers(text).first().and_then(|(_, w)| w.clone()).as_deref(),
            Some("Helen Carter")
        );
    }

    #[test]
    fn news_agency_is_a_source_not_the_speaker() {
        let text = "“Itu saja,” kata Putin usai bertemu Kim, seperti dilansir Reuters.";
        let got = speakers(text);
        assert_ne!(
            got.first().and_then(|(_, w)| w.clone()).as_deref(),
            Some("Reuters"),
            "{got:?}"
        );
    }
}
