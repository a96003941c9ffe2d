//! Corpus projects end to end: listing, bad input, re-anchoring, label changes,
//! search and bulk review, analysis of a whole folder.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use sorot::analysis::Analyzer;
use sorot::model::{Detached, SpanRef, Status};
use sorot::project::analyze_all::analyze_project;
use sorot::project::decode::{decode_entry, DecodeError};
use sorot::project::layout::Layout;
use sorot::project::open::{load_saved, open_entry, save_document};
use sorot::project::scan::{scan, ArticleEntry, ArticleKind};
use sorot::project::search::{
    bulk_review_project, load_corpus, search_spans, search_text, BulkReview, Decision, SpanQuery,
};
use sorot::project::settings::{label_usage, rename_label_in_project, ProjectSettings};
use sorot::project::stats::project_stats;
use sorot::project::status::{summaries, DocStatus};

const SAMPLE: &str = include_str!("../assets/samples/teritorial-putin-kim.txt");

fn write(root: &Path, relative: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn entry<'e>(entries: &'e [ArticleEntry], id: &str) -> &'e ArticleEntry {
    entries.iter().find(|e| e.id.to_string() == id).unwrap_or_else(|| panic!("no {id} in {entries:?}"))
}

#[test]
fn scan_lists_every_kind_recursively_and_skips_sorot_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.txt", "Ana");
    write(root, "notes/b.md", "# Budi");
    write(root, "web/deep/c.HTML", "<p>Citra</p>");
    write(root, "web/d.htm", "<p>Dewi</p>");
    write(root, "e.json", r#"{"text": "Eko"}"#);
    write(root, "feed.jsonl", "{\"text\": \"satu\"}\n\n{\"id\": 7, \"text\": \"dua\"}\n");
    write(root, "a.txt.sorot.json", "{}");
    write(root, ".sorot/annotations/a.txt.json", "{}");
    write(root, ".git/x.txt", "no");
    write(root, "image.png", "no");
    let found = scan(root);
    let ids: Vec<String> = found.articles.iter().map(|e| e.id.to_string()).collect();
    assert_eq!(ids, ["a.txt", "e.json", "feed.jsonl:1", "feed.jsonl:3", "notes/b.md", "web/d.htm", "web/deep/c.HTML"]);
    assert_eq!(entry(&found.articles, "web/deep/c.HTML").kind, ArticleKind::Html);
    let second = decode_entry(entry(&found.articles, "feed.jsonl:3")).unwrap();
    assert_eq!((second.text.as_str(), second.id.as_deref()), ("dua", Some("7")));
    assert_eq!(decode_entry(entry(&found.articles, "web/deep/c.HTML")).unwrap().text, "Citra");
    assert!(found.problems.is_empty());
}

#[test]
fn ten_thousand_files_are_listed_quickly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        write(dir.path(), &format!("batch{}/article{i:05}.txt", i % 20), "Ana di Bandung.");
    }
    let started = std::time::Instant::now();
    let found = scan(dir.path());
    // Reported, not asserted: wall time depends on the machine.
    eprintln!("listed {} articles in {:?}", found.articles.len(), started.elapsed());
    assert_eq!(found.articles.len(), 10_000);
}

#[test]
fn bad_input_is_named_with_its_reason_and_the_rest_opens() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    write(root, "latin1.txt", b"Caf\xe9 di Bandung, kata Ana.");
    write(root, "empty.txt", b"");
    write(root, "broken.json", "{\"text\": \"Ana\",\n oops}");
    write(root, "good.txt", SAMPLE);
    let entries = scan(root).articles;
    assert!(matches!(decode_entry(entry(&entries, "image.txt")), Err(DecodeError::Read(_))));
    assert!(decode_entry(entry(&entries, "image.txt")).unwrap_err().to_string().contains("binary"));
    assert!(matches!(decode_entry(entry(&entries, "empty.txt")), Err(DecodeError::Empty { .. })));
    let broken = decode_entry(entry(&entries, "broken.json")).unwrap_err();
    assert!(matches!(broken, DecodeError::MalformedJson { line: 2, column: 2, .. }), "{broken}");
    let layout = Layout::new(root);
    let analyzer = Analyzer::new();
    let latin1 = open_entry(&layout, entry(&entries, "latin1.txt"), &analyzer, usize::MAX).unwrap();
    assert_eq!(latin1.document.text, "Café di Bandung, kata Ana.");
    assert!(latin1.warning.as_deref().is_some_and(|w| w.contains("Windows-1252")), "{:?}", latin1.warning);
    let good = open_entry(&layout, entry(&entries, "good.txt"), &analyzer, usize::MAX).unwrap();
    assert!(!good.from_saved && good.document.entities().len() > 10 && good.warning.is_none());
    let deferred = open_entry(&layout, entry(&entries, "good.txt"), &analyzer, 10).unwrap();
    assert!(deferred.needs_analysis && deferred.document.entities().is_empty(), "a long article is analysed later");
}

#[test]
fn spans_are_reanchored_after_the_article_is_edited_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let before =
        "Judul\r\n\r\n“Kami siap 😀 membantu,” ujar Joko Widodo saat meninjau pasar di Jakarta.\r\nIa tiba di Bandung.\r\n";
    write(root, "news/a.txt", before);
    let layout = Layout::new(root);
    let entries = scan(root).articles;
    let analyzer = Analyzer::new();
    let opened = open_entry(&layout, &entries[0], &analyzer, usize::MAX).unwrap();
    let mut doc = opened.document;
    let jakarta = doc.entities().iter().find(|e| e.text == "Jakarta").expect("Jakarta suggested").id.clone();
    doc.apply(&doc.accept_edit(&SpanRef::Entity(jakarta.clone())).unwrap()).unwrap();
    save_document(&layout, &entries[0].id, &doc).unwrap();
    let saved = std::fs::read_to_string(layout.annotation_path(&entries[0].id)).unwrap();
    assert!(saved.contains("\"source\": \"news/a.txt\"") && !saved.contains("text_hash"), "{saved}");

    // Text inserted before every span (emoji, CRLF), and Bandung edited away.
    let after = "Judul 🎉 baru\r\n\r\nSelasa (1/5):\r\n“Kami siap 😀 membantu,” ujar Joko Widodo saat meninjau pasar di Jakarta.\r\nIa tiba di Surabaya.\r\n";
    write(root, "news/a.txt", after);
    let reopened = open_entry(&layout, &entries[0], &analyzer, usize::MAX).unwrap();
    assert!(reopened.from_saved);
    let doc = reopened.document;
    assert_eq!(doc.text, after);
    let moved = doc.entity(&jakarta).unwrap();
    assert_eq!(doc.slice(moved.start, moved.end), Some("Jakarta"));
    assert_eq!(moved.status, Status::Accepted);
    let quote = &doc.quotes()[0];
    assert_eq!(doc.slice(quote.start, quote.end), Some("“Kami siap 😀 membantu,”"));
    for e in doc.entities() {
        assert_eq!(doc.slice(e.start, e.end), Some(e.text.as_str()), "no span misplaced");
    }
    let flagged: Vec<&str> = doc
        .detached
        .iter()
        .filter_map(|d| match d {
            Detached::Entity(e) => Some(e.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(flagged, ["Bandung"]);
    let warning = reopened.warning.clone().unwrap_or_default();
    assert!(warning.contains("changed") && warning.contains("flagged"), "{warning}");
}

#[test]
fn renaming_a_label_renames_its_spans_across_the_project() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", SAMPLE);
    write(dir.path(), "b/b.txt", "Presiden Joko Widodo tiba di Jakarta.");
    let layout = Layout::new(dir.path());
    let entries = scan(dir.path()).articles;
    let report = analyze_project(&layout, &entries, &Analyzer::new(), &AtomicBool::new(false), |_| {});
    assert_eq!(report.written, 2);
    let usage = label_usage(&layout, &entries, "PERSON");
    assert!(usage.spans > 2 && usage.documents == 2, "{usage:?}");
    let mut settings = ProjectSettings::default();
    assert!(settings.delete_label("PERSON", usage, false).is_err(), "deleting a used label asks first");
    let change = rename_label_in_project(&layout, &entries, &mut settings, "PERSON", "PER").unwrap();
    assert_eq!((change.documents, change.spans, change.failures.len()), (2, usage.spans, 0));
    assert_eq!(label_usage(&layout, &entries, "PER"), usage);
    assert_eq!(label_usage(&layout, &entries, "PERSON").spans, 0);
    assert_eq!(ProjectSettings::load(&layout).unwrap().labels[0].name, "PER");
    let doc = load_saved(&layout, &entries[0].id).unwrap().unwrap();
    assert!(doc.labels.get("PER").is_some() && doc.labels.get("PERSON").is_none());
}

#[test]
fn search_and_bulk_accept_across_the_project() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Presiden Joko Widodo tiba di Jakarta. Warga JAKARTA senang.");
    write(dir.path(), "b.txt", "Gubernur Jakarta menjamu Joko Widodo di Jakarta.");
    write(dir.path(), "c.txt", "Tidak ada apa-apa di sini.");
    let layout = Layout::new(dir.path());
    let entries = scan(dir.path()).articles;
    analyze_project(&layout, &entries, &Analyzer::new(), &AtomicBool::new(false), |_| {});
    let corpus = load_corpus(&layout, &entries);
    let hits = search_text(&corpus, "jakarta", 100);
    assert_eq!(hits.len(), 4);
    let first = &hits[0];
    assert_eq!((first.article.path.as_str(), first.start, first.end), ("a.txt", 29, 36));
    let query = SpanQuery { label: Some("PERSON".into()), text: "joko".into(), ..Default::default() };
    assert_eq!(search_spans(&corpus, &query).len(), 2);

    let suggested =
        SpanQuery { text: "Jakarta".into(), exact: true, status: Some(Status::Suggested), ..Default::default() };
    // Span search ignores case; bulk review takes the surface form as written.
    let same_case = |hits: Vec<sorot::project::search::Hit>| {
        hits.iter()
            .filter(|h| corpus.iter().any(|(id, d)| id == &h.article && d.slice(h.start, h.end) == Some("Jakarta")))
            .count()
    };
    let before = same_case(search_spans(&corpus, &suggested));
    assert!(before >= 2, "Jakarta is suggested in both articles");
    let review = BulkReview {
        surface: "Jakarta",
        label: "LOC",
        decision: Decision::Accept,
        who: Some("dewi"),
        when: "2024-05-01T09:30:00Z",
    };
    let change = bulk_review_project(&layout, &entries, None, &review);
    assert_eq!((change.documents, change.spans), (2, before));
    let corpus = load_corpus(&layout, &entries);
    let accepted =
        SpanQuery { text: "Jakarta".into(), exact: true, status: Some(Status::Accepted), ..Default::default() };
    assert_eq!(same_case(search_spans(&corpus, &accepted)), before);
    let doc = load_saved(&layout, &entries[1].id).unwrap().unwrap();
    let stamped = doc.entities().iter().find(|e| e.text == "Jakarta").unwrap();
    assert_eq!((stamped.label.as_str(), stamped.annotator.as_deref()), ("LOC", Some("dewi")));
    assert_eq!(stamped.changed_at.as_deref(), Some("2024-05-01T09:30:00Z"));

    let rows = summaries(&layout, &entries);
    assert_eq!(rows.iter().filter(|r| r.status == DocStatus::InProgress).count(), 2);
    let docs: Vec<_> = entries.iter().map(|e| load_saved(&layout, &e.id).unwrap()).collect();
    let stats = project_stats(docs.iter().map(Option::as_ref), 3);
    assert_eq!(stats.spans_by_label["LOC"].accepted, before);
}

#[test]
fn analyze_all_reports_progress_bad_files_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(dir.path(), &format!("f{}/a{i:02}.txt", i % 3), SAMPLE);
    }
    write(dir.path(), "bad/empty.txt", "");
    write(dir.path(), "bad/image.txt", b"\x89PNG\x00\x00");
    let layout = Layout::new(dir.path());
    let entries = scan(dir.path()).articles;
    let seen = AtomicUsize::new(0);
    let last = Mutex::new((0, 0));
    let report = analyze_project(&layout, &entries, &Analyzer::new(), &AtomicBool::new(false), |p| {
        seen.fetch_add(1, Ordering::Relaxed);
        let mut last = last.lock().unwrap();
        *last = (last.0.max(p.done), p.total);
    });
    assert_eq!((report.written, report.failures.len()), (40, 2));
    assert_eq!(report.failures[0].0.path, "bad/empty.txt");
    assert!(report.failures[1].1.contains("binary"));
    assert_eq!((seen.into_inner(), *last.lock().unwrap()), (42, (42, 42)));
    assert!(layout.annotation_path(&entries[5].id).exists());
    // A second run leaves existing annotations alone; a cancelled run does nothing.
    let again = analyze_project(&layout, &entries, &Analyzer::new(), &AtomicBool::new(true), |_| {});
    assert_eq!((again.written, again.skipped, again.cancelled), (0, 40, true));
}

#[test]
fn background_analysis_never_replaces_what_the_annotator_saved_meanwhile() {
    // The annotator saves every article while the analysis of the project
    // runs; whatever the interleaving, each file must end as the annotator's.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let text = "“Kami siap 😀,” kata Joko Widodo.\r\nIa tiba di Jakarta.\r\n";
    for i in 0..120 {
        write(root, &format!("a{i:03}.txt"), text);
    }
    let layout = Layout::new(root);
    let entries = scan(root).articles;
    let analyzer = Analyzer::new();
    let mut mine = sorot::model::Document::new(text.into(), None);
    mine.apply(&mine.done_edit(true).unwrap()).unwrap();
    std::thread::scope(|scope| {
        scope.spawn(|| analyze_project(&layout, &entries, &analyzer, &AtomicBool::new(false), |_| {}));
        for entry in &entries {
            save_document(&layout, &entry.id, &mine).unwrap();
        }
    });
    for entry in &entries {
        let saved = load_saved(&layout, &entry.id).unwrap().unwrap();
        assert!(saved.done.is_some() && saved.entities().is_empty(), "{}: the annotator's edit was lost", entry.id);
    }
}
