//! Acceptance tests on the sample articles in `assets/samples/`.

use super::{Analyzer, QuoteKind, Suggestions};

const PUTIN_KIM: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/samples/teritorial-putin-kim.txt"));
const HARBOUR: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/samples/harbour-bridge-vote.txt"));

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

fn labelled(text: &str, s: &Suggestions, label: &str) -> Vec<String> {
    s.entities.iter().filter(|e| e.label == label).map(|e| slice(text, e.start, e.end)).collect()
}

fn speaker_of(text: &str, s: &Suggestions, quote_prefix: &str) -> Option<String> {
    let q = s
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Direct && slice(text, q.start, q.end).starts_with(quote_prefix))?;
    let e = s.entities.get(q.speaker?)?;
    Some(slice(text, e.start, e.end))
}

#[test]
fn putin_kim_people_places_and_organisations() {
    let s = Analyzer::new().analyze(PUTIN_KIM);
    let persons = labelled(PUTIN_KIM, &s, "PERSON");
    let locs = labelled(PUTIN_KIM, &s, "LOC");
    let orgs = labelled(PUTIN_KIM, &s, "ORG");
    for name in ["Vladimir Putin", "Kim Jong Un", "Donald Trump"] {
        assert!(persons.iter().any(|p| p == name), "{name} missing from {persons:?}");
    }
    let putins = PUTIN_KIM.matches("Putin").count();
    let tagged = persons.iter().filter(|p| p.contains("Putin")).count();
    assert!(tagged * 10 >= putins * 8, "only {tagged} of {putins} Putin mentions: {persons:?}");
    for place in
        ["Vladivostok", "Rusia", "Korea Utara", "Korut", "Amerika Serikat", "AS", "Semenanjung Korea", "Washington"]
    {
        assert!(locs.iter().any(|l| l == place), "{place} missing from {locs:?}");
    }
    for org in ["Reuters", "Teritorial.Com"] {
        assert!(orgs.iter().any(|o| o == org), "{org} missing from {orgs:?}");
    }
}

#[test]
fn putin_kim_date_and_no_function_words() {
    let s = Analyzer::new().analyze(PUTIN_KIM);
    let dates = labelled(PUTIN_KIM, &s, "DATE");
    assert!(dates.iter().any(|d| d.contains("25/4/2019")), "{dates:?}");
    for e in &s.entities {
        let text = slice(PUTIN_KIM, e.start, e.end);
        let first = text.split_whitespace().next().unwrap_or("");
        assert!(
            !["Share", "Hal", "Menurut", "Namun", "Comments", "Pertemuan", "Para", "Dalam", "Melalui", "Selain"]
                .contains(&first),
            "{text} tagged {}",
            e.label
        );
    }
}

#[test]
fn putin_kim_quotes_are_spoken_by_vladimir_putin() {
    let s = Analyzer::new().analyze(PUTIN_KIM);
    assert_eq!(speaker_of(PUTIN_KIM, &s, "“Mereka (Korut) hanya").as_deref(), Some("Vladimir Putin"));
    assert_eq!(speaker_of(PUTIN_KIM, &s, "“Saya sangat yakin").as_deref(), Some("Vladimir Putin"));
    let q = s.quotes.iter().find(|q| slice(PUTIN_KIM, q.start, q.end).starts_with("“Mereka"));
    let q = q.map(|q| (slice(PUTIN_KIM, q.start, q.end), q.cue.map(|(a, b)| slice(PUTIN_KIM, a, b))));
    assert!(q.as_ref().is_some_and(|(t, _)| t.ends_with("tentang ini,”")), "{q:?}");
    assert_eq!(q.and_then(|(_, c)| c).as_deref(), Some("kata"));
    let indirect: Vec<String> =
        s.quotes.iter().filter(|q| q.kind == QuoteKind::Indirect).map(|q| slice(PUTIN_KIM, q.start, q.end)).collect();
    assert!(indirect.iter().any(|q| q.starts_with("Korut siap membongkar")), "{indirect:?}");
    assert!(indirect.iter().any(|q| q.starts_with("jaminan semacam itu")), "{indirect:?}");
    for q in &s.quotes {
        let speaker = q.speaker.and_then(|i| s.entities.get(i)).map(|e| slice(PUTIN_KIM, e.start, e.end));
        assert_ne!(speaker.as_deref(), Some("Reuters"));
    }
}

#[test]
fn harbour_quotes_have_their_speakers() {
    let s = Analyzer::new().analyze(HARBOUR);
    assert_eq!(speaker_of(HARBOUR, &s, "“This bridge").as_deref(), Some("Helen Carter"));
    assert_eq!(speaker_of(HARBOUR, &s, "“We are being asked").as_deref(), Some("David Okafor"));
    assert_eq!(speaker_of(HARBOUR, &s, "“It is the best news").as_deref(), Some("Priya Nair"));
    let persons = labelled(HARBOUR, &s, "PERSON");
    for name in ["Helen Carter", "David Okafor", "Priya Nair", "Carter", "Okafor"] {
        assert!(persons.iter().any(|p| p == name), "{name} missing from {persons:?}");
    }
    let dates = labelled(HARBOUR, &s, "DATE");
    assert!(dates.iter().any(|d| d.contains("12/3/2024")) && dates.iter().any(|d| d == "March 2025"), "{dates:?}");
    // Sentence-opening words are no names; `Opponents` speaks as an unnamed source.
    let names: Vec<String> = ["PERSON", "ORG", "LOC"].iter().flat_map(|label| labelled(HARBOUR, &s, label)).collect();
    for word in ["Opponents", "According"] {
        assert!(!names.iter().any(|t| t.starts_with(word)), "{word} tagged: {names:?}");
    }
    let opponents = s.quotes.iter().find(|q| slice(HARBOUR, q.start, q.end).starts_with("the £48 million"));
    let speaker =
        opponents.and_then(|q| s.entities.get(q.speaker?)).map(|e| (slice(HARBOUR, e.start, e.end), e.label.clone()));
    assert_eq!(speaker, Some(("Opponents".to_owned(), "SOURCE".to_owned())));
    // After the cue `According to`, the organisation's last word is not cut off as a person.
    assert!(!persons.iter().any(|p| p == "Transport"), "{persons:?}");
}

#[test]
fn entities_are_sorted_and_disjoint_on_samples() {
    for text in [PUTIN_KIM, HARBOUR] {
        let s = Analyzer::new().analyze(text);
        for pair in s.entities.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{pair:?}");
        }
    }
}

#[test]
fn crlf_and_emoji_keep_code_point_offsets() {
    let text = PUTIN_KIM.replace('\n', "\r\n").replacen("Vladivostok", "🇷🇺 Vladivostok 😀", 1);
    let s = Analyzer::new().analyze(&text);
    assert_eq!(speaker_of(&text, &s, "“Mereka (Korut) hanya").as_deref(), Some("Vladimir Putin"));
    let q = s.quotes.iter().find(|q| slice(&text, q.start, q.end).starts_with("“Saya sangat"));
    assert!(q.is_some_and(|q| slice(&text, q.start, q.end).ends_with("cukup,”")));
    assert!(s.entities.iter().any(|e| slice(&text, e.start, e.end) == "Vladivostok" && e.label == "LOC"));
}

#[test]
fn never_panics_on_odd_input() {
    let a = Analyzer::new();
    for text in [
        "",
        " ",
        "“",
        "”",
        "\"",
        "“”",
        "😀",
        "\r\n\r\n",
        "A",
        "Kata.",
        ".”",
        "“Halo",
        "Presiden",
        "kata",
        "25/4/",
        "Menurut ,",
        "ujarnya",
        "🇷🇺“😀”kata Putin",
    ] {
        let s = a.analyze(text);
        let n = text.chars().count();
        assert!(s.entities.iter().all(|e| e.start < e.end && e.end <= n));
        assert!(s.quotes.iter().all(|q| q.start < q.end && q.end <= n));
    }
}

#[test]
fn builds_fast() {
    let t = std::time::Instant::now();
    let _ = Analyzer::new();
    // Debug builds are slower; the release build takes a fraction of this.
    assert!(t.elapsed().as_secs_f32() < 5.0);
}

#[test]
fn never_panics_on_scrambled_text() {
    // A small deterministic generator over the characters the rules care about.
    let alphabet: Vec<char> = "aK P.,”“\"\r\n😀🇷🇺()/-’:kata ujarnya Putin AS 25/4/2019 Menurut said".chars().collect();
    let a = Analyzer::new();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..300 {
        let len = (seed % 120) as usize;
        let text: String = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                alphabet[(seed % alphabet.len() as u64) as usize]
            })
            .collect();
        let s = a.analyze(&text);
        let n = text.chars().count();
        assert!(s.entities.windows(2).all(|w| w[0].end <= w[1].start), "{text:?}");
        assert!(s.quotes.iter().all(|q| q.start < q.end && q.end <= n), "{text:?}");
        assert!(s.quotes.iter().all(|q| q.speaker.is_none_or(|i| i < s.entities.len())), "{text:?}");
    }
}
