//! Fixtures of [`rank_speakers`](super::api::rank_speakers), written for these tests:
//! Indonesian and English, curly and straight quotes, emoji and CRLF.

use super::api::{rank_speakers, EntityRef, QuoteRef, RankedCandidate};
use super::candidate_features::Agreement;
use super::ranker::SpeakerWeights;

/// Code-point span of the `nth` occurrence of `needle` in `text`.
fn span(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let byte = text.match_indices(needle).nth(nth).map(|(b, _)| b).unwrap_or_else(|| panic!("{needle} in text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

struct Fixture<'t> {
    text: &'t str,
    entities: Vec<(usize, usize, &'static str)>,
    quotes: Vec<QuoteRef>,
}

impl<'t> Fixture<'t> {
    fn new(text: &'t str) -> Fixture<'t> {
        Fixture { text, entities: Vec::new(), quotes: Vec::new() }
    }

    fn entity(mut self, needle: &str, nth: usize, label: &'static str) -> Self {
        let (a, b) = span(self.text, needle, nth);
        self.entities.push((a, b, label));
        self
    }

    fn quote(mut self, needle: &str, cue: &str, speaker: Option<usize>) -> Self {
        let (start, end) = span(self.text, needle, 0);
        let cue = Some(span(self.text, cue, 0));
        self.quotes.push(QuoteRef { start, end, cue, speaker, direct: true });
        self
    }

    fn rank(&self, quote: usize, weights: &SpeakerWeights) -> Vec<RankedCandidate> {
        let refs: Vec<EntityRef> =
            self.entities.iter().map(|&(start, end, label)| EntityRef { start, end, label }).collect();
        rank_speakers(self.text, &refs, &self.quotes, quote, weights)
    }

    fn names(&self, ranked: &[RankedCandidate]) -> Vec<String> {
        let text = |&(a, b, _): &(usize, usize, &str)| self.text.chars().skip(a).take(b - a).collect::<String>();
        ranked.iter().map(|r| self.entities.get(r.entity).map(text).unwrap_or_default()).collect()
    }
}

#[test]
fn nya_cue_goes_to_the_subject_not_the_most_recent_name_and_the_runner_up_has_its_score() {
    let text = "😀 Menteri Kelautan Rina Wulandari meninjau pelabuhan.\r\n\r\nRina mengatakan, stok ikan cukup. \
                Kunjungan itu diikuti Bupati Hendro Saputro.\r\n\r\n”Kita jaga harga,” ujarnya.";
    let f = Fixture::new(text)
        .entity("Rina Wulandari", 0, "PERSON")
        .entity("Rina", 1, "PERSON")
        .entity("Hendro Saputro", 0, "PERSON")
        .quote("”Kita jaga harga,”", "ujarnya", None);
    let ranked = f.rank(0, &SpeakerWeights::default());
    let names = f.names(&ranked);
    assert!(names.first().is_some_and(|n| n.starts_with("Rina")), "{names:?}");
    assert_eq!(names.get(1).map(String::as_str), Some("Hendro Saputro"), "the most recent name is the runner-up");
    assert_eq!(ranked.len(), 2, "Rina's two mentions are one candidate: {names:?}");
    let (first, second) = (ranked[0], ranked[1]);
    assert!(first.score > second.score, "{first:?} {second:?}");
    assert!(first.features.speech_subject && first.features.mentions == 2);
    assert_eq!(second.features.distance_rank, 0, "Hendro is the nearest");
}

#[test]
fn she_and_he_choose_by_the_given_name_with_straight_quotes_and_crlf() {
    let base = "Mayor Alice Moreno and Governor Tom Becker opened the bridge 🙂.\r\n";
    for (pronoun, expected) in [("she", "Alice Moreno"), ("he", "Tom Becker")] {
        let text = format!("{base}\"We will keep the tolls low,\" {pronoun} said.");
        let f = Fixture::new(&text).entity("Alice Moreno", 0, "PERSON").entity("Tom Becker", 0, "PERSON").quote(
            "\"We will keep the tolls low,\"",
            " said",
            None,
        );
        let ranked = f.rank(0, &SpeakerWeights::default());
        assert_eq!(f.names(&ranked).first().map(String::as_str), Some(expected), "{pronoun}: {ranked:?}");
        assert_eq!(ranked[0].features.agreement, Agreement::Agrees);
        assert_eq!(ranked[1].features.agreement, Agreement::Clashes);
    }
}

#[test]
fn a_title_gives_the_gender_where_the_name_is_unknown() {
    let text = "Ms. Qirvane spoke after Mr. Oduya arrived.\n“Nothing changes,” she said. “Fine,” he said.";
    let f = Fixture::new(text)
        .entity("Qirvane", 0, "PERSON")
        .entity("Oduya", 0, "PERSON")
        .quote("“Nothing changes,”", "said", None)
        .quote("“Fine,”", " he said", None);
    let weights = SpeakerWeights::default();
    assert_eq!(f.names(&f.rank(0, &weights)).first().map(String::as_str), Some("Qirvane"));
    assert_eq!(f.names(&f.rank(1, &weights)).first().map(String::as_str), Some("Oduya"));
}

#[test]
fn they_prefers_an_organisation() {
    let text = "The Harbour Authority met Dana Whitfield 🙂 on Friday.\r\n\"The pier stays shut,\" they said.";
    let f = Fixture::new(text).entity("Harbour Authority", 0, "ORG").entity("Dana Whitfield", 0, "PERSON").quote(
        "\"The pier stays shut,\"",
        "said",
        None,
    );
    let ranked = f.rank(0, &SpeakerWeights::default());
    assert_eq!(f.names(&ranked).first().map(String::as_str), Some("Harbour Authority"), "{ranked:?}");
    assert_eq!(ranked[1].features.agreement, Agreement::Clashes);
}

#[test]
fn dia_stays_with_people_even_when_an_organisation_is_nearer() {
    let text =
        "Slamet Riyadi hadir di sana 😀. Lalu Dinas Perhubungan memasang rambu.\r\n“Rambu ini penting,” kata dia.";
    let f = Fixture::new(text).entity("Slamet Riyadi", 0, "PERSON").entity("Dinas Perhubungan", 0, "ORG").quote(
        "“Rambu ini penting,”",
        "kata",
        None,
    );
    let ranked = f.rank(0, &SpeakerWeights::default());
    assert_eq!(f.names(&ranked), ["Slamet Riyadi", "Dinas Perhubungan"], "{ranked:?}");
    assert_eq!(ranked[1].features.agreement, Agreement::Clashes);
}

#[test]
fn the_name_at_the_cue_is_decisive_and_earlier_speakers_count() {
    let text = "Rina Wulandari mengatakan, harga naik 😀.\r\n“Stok aman,” kata Joko Susilo.\r\n“Kami pantau,” katanya.";
    let f = Fixture::new(text)
        .entity("Rina Wulandari", 0, "PERSON")
        .entity("Joko Susilo", 0, "PERSON")
        .quote("“Stok aman,”", "kata Joko", Some(1))
        .quote("“Kami pantau,”", "katanya", None);
    let weights = SpeakerWeights::default();
    let named = f.rank(0, &weights);
    assert_eq!(f.names(&named).first().map(String::as_str), Some("Joko Susilo"), "{named:?}");
    assert!(named[0].features.named_at_cue && !named.get(1).is_some_and(|c| c.features.named_at_cue));
    let next = f.rank(1, &weights);
    assert_eq!(f.names(&next).first().map(String::as_str), Some("Joko Susilo"), "{next:?}");
    assert!(next[0].features.last_speaker && !next[0].features.paragraph_speaker);
    assert!(f.rank(2, &weights).is_empty(), "no such quote");
}

#[test]
fn repeated_corrections_put_the_chosen_candidate_first() {
    let text = "😀 Menteri Kelautan Rina Wulandari meninjau pelabuhan.\r\n\r\nRina mengatakan, stok ikan cukup. \
                Kunjungan itu diikuti Bupati Hendro Saputro.\r\n\r\n”Kita jaga harga,” ujarnya.";
    let f = Fixture::new(text).entity("Rina Wulandari", 0, "PERSON").entity("Hendro Saputro", 0, "PERSON").quote(
        "”Kita jaga harga,”",
        "ujarnya",
        None,
    );
    let mut weights = SpeakerWeights::default();
    for _ in 0..50 {
        let ranked = f.rank(0, &weights);
        let Some(chosen) = ranked.iter().find(|c| f.names(&[**c]) == ["Hendro Saputro"]) else { panic!("{ranked:?}") };
        if ranked[0].entity == chosen.entity {
            return;
        }
        weights.learn_from_choice(&chosen.features, &ranked[0].features);
    }
    panic!("corrections did not move the ranking: {weights:?}");
}

#[test]
fn the_one_who_goes_on_next_leads_and_says_so_in_its_features() {
    let text =
        "Camat Yuni Astuti meminta warga mengungsi 🛶.\r\n\r\nKetua RW Darto Sumarno mengatakan perahu siap.\r\n\r\n\
                ”Posko dibuka siang malam,” katanya.\r\n\r\nYuni menambahkan, bantuan datang besok.";
    let f = Fixture::new(text)
        .entity("Yuni Astuti", 0, "PERSON")
        .entity("Darto Sumarno", 0, "PERSON")
        .entity("Yuni", 1, "PERSON")
        .quote("”Posko dibuka siang malam,”", "katanya", None);
    let ranked = f.rank(0, &SpeakerWeights::default());
    assert_eq!(f.names(&ranked).first().map(String::as_str), Some("Yuni Astuti"), "{:?}", f.names(&ranked));
    assert!(ranked.first().is_some_and(|r| r.features.goes_on_next));
    let without = SpeakerWeights { goes_on_next: 0.0, ..SpeakerWeights::default() };
    assert_eq!(f.names(&f.rank(0, &without)).first().map(String::as_str), Some("Darto Sumarno"));
}

/// For every quotation the analysis finds in `text`: the analysis' speaker and the
/// inspector's first candidate, both as text, with the entities and the earlier
/// speakers the analysis gives.
fn analysis_and_inspector(text: &str) -> Vec<(Option<String>, Option<String>)> {
    let s = super::super::Analyzer::new().analyze(text);
    let refs: Vec<EntityRef> =
        s.entities.iter().map(|e| EntityRef { start: e.start, end: e.end, label: e.label.as_str() }).collect();
    let quotes: Vec<QuoteRef> = s
        .quotes
        .iter()
        .map(|q| QuoteRef {
            start: q.start,
            end: q.end,
            cue: q.cue,
            speaker: q.speaker,
            direct: q.kind == super::super::QuoteKind::Direct,
        })
        .collect();
    let slice = |i: usize| s.entities.get(i).map(|e| text.chars().skip(e.start).take(e.end - e.start).collect());
    (0..quotes.len())
        .map(|k| {
            let earlier: Vec<QuoteRef> = quotes
                .iter()
                .enumerate()
                .map(|(j, q)| QuoteRef { speaker: q.speaker.filter(|_| j < k), ..*q })
                .collect();
            let first = rank_speakers(text, &refs, &earlier, k, &SpeakerWeights::default()).first().map(|r| r.entity);
            (s.quotes.get(k).and_then(|q| q.speaker).and_then(slice), first.and_then(slice))
        })
        .collect()
}

#[test]
fn the_inspector_reads_an_unnamed_subject_as_the_analysis_does() {
    // A pronoun with an adverb is the person it agrees with, not the last name (`He
    // recently` is no name); a noun phrase is an unnamed source, not the person
    // named before; `they` is the group named before.
    let texts = [
        "Mayor Tom Becker toured the dam 🙂. Senator Ann Price stayed in the capital.\r\n\r\n\
         “The spillway holds,” He recently told reporters.\r\n",
        "Mayor Tom Becker toured the dam 🙂.\r\n\r\n\
         The survey, published by the water board, said: \"Two valves leak.\"\r\n",
        "Mayor Tom Becker met the Riverside Farmers Union 🌾.\r\n\r\n\
         They later said: “The canal fees are too high.”\r\n",
    ];
    for text in texts {
        let got = analysis_and_inspector(text);
        assert!(!got.is_empty(), "{text}");
        for (analysis, inspector) in got {
            assert!(analysis.is_some(), "{text}");
            assert_eq!(analysis, inspector, "{text}");
        }
    }
}

/// `It said`: the analysis names no one; the inspector still lists the people named
/// before (for the annotator's digit keys), none of them as the cue's name.
#[test]
fn it_as_the_subject_names_no_one_in_the_inspector_either() {
    let text = "Mayor Tom Becker toured the dam 🙂.\r\n\r\nIt also said the valves \"were never tested\" at all.\r\n";
    let got = analysis_and_inspector(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got.first().and_then(|(analysis, _)| analysis.clone()), None);
    let f = Fixture::new(text).entity("Tom Becker", 0, "PERSON");
    let (start, end) = span(text, "the valves \"were never tested\" at all", 0);
    let f = Fixture {
        quotes: vec![QuoteRef { start, end, cue: Some(span(text, "said", 0)), speaker: None, direct: false }],
        ..f
    };
    let ranked = f.rank(0, &SpeakerWeights::default());
    assert_eq!(ranked.len(), 1, "{ranked:?}");
    assert!(ranked.iter().all(|r| !r.features.named_at_cue && !r.features.speech_subject), "{ranked:?}");
}
