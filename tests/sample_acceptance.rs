//! The 0.1 acceptance checks on the seed article, through the same path as
//! `sorot analyze` and the app: article file -> Document with suggestions.

use std::path::Path;

use sorot::analysis::Analyzer;
use sorot::annotate::suggest_document;
use sorot::model::{Document, QuoteKind};

fn seed_document() -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/teritorial-putin-kim.txt");
    let text = sorot::store::read_article(&path).unwrap();
    suggest_document(text, Some(path), &Analyzer::new())
}

fn labels_of<'d>(doc: &'d Document, surface: &str) -> Vec<&'d str> {
    doc.entities().iter().filter(|e| e.text == surface).map(|e| e.label.as_str()).collect()
}

fn mentions(doc: &Document, surface: &str) -> usize {
    doc.text.matches(surface).count()
}

#[test]
fn people_places_organisations_and_the_date() {
    let doc = seed_document();
    for person in ["Vladimir Putin", "Kim Jong Un", "Donald Trump"] {
        assert!(labels_of(&doc, person).contains(&"PERSON"), "{person}: {:?}", labels_of(&doc, person));
    }
    // "Putin" alone: most of its mentions (some are inside "Vladimir Putin").
    let short_putin = labels_of(&doc, "Putin").iter().filter(|l| **l == "PERSON").count();
    let standalone = mentions(&doc, "Putin") - mentions(&doc, "Vladimir Putin");
    assert!(short_putin * 10 >= standalone * 7, "{short_putin} of {standalone}");
    for place in
        ["Vladivostok", "Rusia", "Korea Utara", "Korut", "Amerika Serikat", "AS", "Semenanjung Korea", "Washington"]
    {
        let labels = labels_of(&doc, place);
        assert!(!labels.is_empty() && labels.iter().all(|l| *l == "LOC"), "{place}: {labels:?}");
    }
    for org in ["Reuters", "Teritorial.Com"] {
        assert_eq!(labels_of(&doc, org), vec!["ORG"], "{org}");
    }
    let date_start = doc.text.find("25/4/2019").map(|b| doc.char_of(b).unwrap()).unwrap();
    assert!(
        doc.entities().iter().any(|e| e.label == "DATE" && e.start <= date_start && date_start + 9 <= e.end),
        "a DATE covers 25/4/2019"
    );
}

#[test]
fn no_entities_on_common_capitalised_words() {
    let doc = seed_document();
    for word in ["Share", "Hal", "Menurut", "Namun", "Comments", "Pertemuan", "Para", "Dalam", "Melalui", "Selain"] {
        let hits: Vec<_> = doc
            .entities()
            .iter()
            .filter(|e| e.text.split_whitespace().any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == word))
            .collect();
        assert!(hits.is_empty(), "{word}: {hits:?}");
    }
}

#[test]
fn both_direct_quotes_are_said_by_putin_not_reuters() {
    let doc = seed_document();
    let direct: Vec<_> = doc.quotes().iter().filter(|q| q.kind == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 2, "{direct:?}");
    assert!(direct[0].text.starts_with("“Mereka (Korut) hanya"));
    assert!(direct[1].text.starts_with("“Saya sangat yakin"));
    for quote in direct {
        let speaker = quote.speaker.as_deref().and_then(|id| doc.entity(id)).expect("a speaker");
        assert_eq!(speaker.label, "PERSON");
        assert!(speaker.text.contains("Putin"), "{}", speaker.text);
        let cue = quote.cue.as_ref().expect("a cue");
        assert!(["kata", "papar"].contains(&cue.text.as_str()), "{}", cue.text);
    }
}

#[test]
fn every_span_is_true_to_the_text_in_code_points() {
    let doc = seed_document();
    let chars: Vec<char> = doc.text.chars().collect();
    let spans = doc
        .entities()
        .iter()
        .map(|e| (e.start, e.end, &e.text))
        .chain(doc.quotes().iter().map(|q| (q.start, q.end, &q.text)));
    for (start, end, text) in spans {
        assert_eq!(&chars[start..end].iter().collect::<String>(), text);
    }
    // and the document survives validation as a loaded file would
    doc.clone().validated().unwrap();
}
