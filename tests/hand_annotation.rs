//! Annotating by hand (issue 17) through egui_kittest: a drag snaps to whole
//! words (Alt places the ends exactly), the boundary keys move an end by a
//! token, the article keeps its wrap width whatever is selected, the entity
//! list groups mentions by surface form and reviews a group as one undoable
//! edit, and a quotation's speaker is chosen by digit and Enter.

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers, Pos2};
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use sorot::model::{SpanRef, Status};
use sorot::ui::SorotApp;

mod common;
use common::*;

/// An article of our own with curly quotes, an emoji and CRLF line ends.
const ARTICLE: &str = "Kunjungan ke Vladivostok\r\n\r\n\
“Kami 😀 siap bekerja sama dengan pemimpin Korea Utara demi perdamaian kawasan,” kata Presiden \
Vladimir Putin kepada wartawan setelah pertemuan panjang yang berlangsung hangat di Vladivostok.\r\n";

fn app_on(path: &Path) -> Harness<'static, SorotApp> {
    let path = path.to_owned();
    // Frames 20 ms apart: kittest gives each queued event a frame of its
    // own, and a double-click's four events must fit in egui's 0.3 s.
    let mut app = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_step_dt(0.02)
        .with_max_steps(64)
        .build_eframe(move |cc| SorotApp::new(&cc.egui_ctx, path));
    app.run();
    app
}

fn text_of(app: &Harness<'static, SorotApp>, (start, end): (usize, usize)) -> String {
    app.state().session().unwrap().document.slice(start, end).unwrap().to_owned()
}

fn is_word_char(app: &Harness<'static, SorotApp>, at: usize) -> bool {
    let document = &app.state().session().unwrap().document;
    document.slice(at, at + 1).and_then(|s| s.chars().next()).is_some_and(char::is_alphanumeric)
}

/// Both ends of `range` fall inside words.
fn mid_word(app: &Harness<'static, SorotApp>, (start, end): (usize, usize)) -> bool {
    start > 0
        && is_word_char(app, start - 1)
        && is_word_char(app, start)
        && is_word_char(app, end - 1)
        && is_word_char(app, end)
}

/// Drags over the article from `from` to `to`, holding `modifiers`; returns the text selection.
fn drag(app: &mut Harness<'static, SorotApp>, from: Pos2, to: Pos2, modifiers: Modifiers) -> Option<(usize, usize)> {
    press(app, Modifiers::NONE, Key::Escape);
    app.event(egui::Event::ModifiersChanged(modifiers));
    app.hover_at(from);
    app.drag_at(from);
    app.step();
    for i in 1..=4 {
        app.hover_at(from + (to - from) * (i as f32 / 4.0));
        app.step();
    }
    app.drop_at(to);
    app.step();
    app.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    app.run();
    app.state().text_selection()
}

fn article_app() -> (tempfile::TempDir, Harness<'static, SorotApp>) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("kunjungan.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let app = app_on(&article);
    (dir, app)
}

#[test]
fn a_drag_from_mid_word_to_mid_word_makes_a_whole_word_span() {
    let (_dir, mut app) = article_app();
    let paragraph = ARTICLE.lines().nth(2).unwrap().trim_end();
    let rect = app.get_by_role_and_label(Role::Label, paragraph).rect();
    let y = rect.top() + 10.0;
    // Find a drag whose exact (Alt) ends fall inside words…
    let exact = (4..40)
        .map(|step| {
            (Pos2::new(rect.left() + 7.0 * step as f32, y), Pos2::new(rect.left() + 7.0 * step as f32 + 160.0, y))
        })
        .find_map(|(from, to)| {
            drag(&mut app, from, to, Modifiers::ALT).filter(|r| mid_word(&app, *r)).map(|r| (r, from, to))
        });
    let (exact, from, to) = exact.expect("some drag ends inside words");
    // …then the same drag without Alt takes those words whole.
    let snapped = drag(&mut app, from, to, Modifiers::NONE).expect("a selection");
    assert!(snapped.0 < exact.0 && exact.1 < snapped.1, "{snapped:?} widens {exact:?}");
    assert!(!is_word_char(&app, snapped.0 - 1) && !is_word_char(&app, snapped.1), "{:?}", text_of(&app, snapped));

    press(&mut app, Modifiers::NONE, Key::Num5);
    let document = &app.state().session().unwrap().document;
    let made = document.entities().iter().find(|e| e.status == Status::Manual).expect("a new entity");
    assert_eq!((made.start, made.end), snapped);
    assert_eq!(made.text.as_str(), text_of(&app, snapped));
}

#[test]
fn the_boundary_keys_move_an_end_by_a_token_and_with_ctrl_by_a_character() {
    let (_dir, mut app) = article_app();
    let chars: Vec<char> = ARTICLE.chars().collect();
    let find = |word: &str| {
        let w: Vec<char> = word.chars().collect();
        (0..chars.len()).find(|&i| chars[i..].starts_with(&w)).unwrap()
    };
    let start = find("pemimpin");
    app.state_mut().perform(
        &egui::Context::default(),
        sorot::ui::ReviewAction::CreateEntity { start, end: start + 8, label: "PERSON".into() }.into(),
    );
    app.run();
    let span = app.state().selection().cloned().expect("the new entity is selected");
    let text = |app: &Harness<'static, SorotApp>| {
        app.state().session().unwrap().document.entity(span.id()).unwrap().text.to_string()
    };
    press(&mut app, Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(text(&app), "pemimpin Korea");
    press(&mut app, Modifiers::ALT, Key::ArrowLeft);
    assert_eq!(text(&app), "dengan pemimpin Korea");
    press(&mut app, Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowLeft);
    assert_eq!(text(&app), "dengan pemimpin Kore");
    press(&mut app, Modifiers::COMMAND | Modifiers::ALT, Key::ArrowRight);
    assert_eq!(text(&app), "engan pemimpin Kore");
}

#[test]
fn a_selection_change_does_not_change_the_articles_wrap_width() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("berita.txt");
    std::fs::copy(sample("teritorial-putin-kim.txt"), &article).unwrap();
    let mut app = app_on(&article);
    press(&mut app, Modifiers::NONE, Key::Escape);
    assert!(app.state().selection().is_none());
    let nothing = app.state().article_column();
    assert!(nothing.1 > 300.0, "the article is laid out: {nothing:?}");
    let mut seen_entity = None;
    let mut seen_quote = None;
    for _ in 0..60 {
        press(&mut app, Modifiers::NONE, Key::Tab);
        match app.state().selection() {
            Some(SpanRef::Entity(_)) => seen_entity = seen_entity.or(Some(app.state().article_column())),
            Some(SpanRef::Quote(_)) => seen_quote = seen_quote.or(Some(app.state().article_column())),
            None => {}
        }
        if seen_entity.is_some() && seen_quote.is_some() {
            break;
        }
    }
    assert_eq!(seen_entity, Some(nothing), "an entity selected");
    assert_eq!(seen_quote, Some(nothing), "a quote selected");
}

#[test]
fn mentions_are_grouped_with_counts_and_a_group_accept_undoes_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("berita.txt");
    std::fs::copy(sample("teritorial-putin-kim.txt"), &article).unwrap();
    let mut app = app_on(&article);
    let putins = |app: &Harness<'static, SorotApp>| -> Vec<Status> {
        let document = &app.state().session().unwrap().document;
        document.entities().iter().filter(|e| e.text == "Putin" && e.label == "PERSON").map(|e| e.status).collect()
    };
    let before = putins(&app);
    assert!(before.len() > 2, "the sample names Putin often: {before:?}");
    let header = format!("▶ Putin ({})", before.len());
    let row = app.get_by_label_contains(&header).rect();
    assert!(app.query_by_label_contains("· at ").is_none(), "the group starts folded");

    let accept = app
        .get_all_by_label("✔")
        .find(|button| (button.rect().center().y - row.center().y).abs() < 4.0)
        .expect("the group's ✔");
    accept.click();
    app.run();
    assert!(putins(&app).iter().all(|s| *s != Status::Suggested), "every open Putin accepted");

    press(&mut app, Modifiers::COMMAND, Key::Z);
    assert_eq!(putins(&app), before, "one undo brings the whole group back");

    app.get_by_label_contains(&header).click();
    app.run();
    assert_eq!(app.query_all_by_label_contains("Putin · at ").count(), before.len(), "unfolded: its mentions");
}

#[test]
fn a_quotes_speaker_is_chosen_by_digit_and_confirmed_by_enter() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("berita.txt");
    std::fs::copy(sample("teritorial-putin-kim.txt"), &article).unwrap();
    let mut app = app_on(&article);
    let mut quote = None;
    for _ in 0..60 {
        if let Some(SpanRef::Quote(id)) = app.state().selection() {
            quote = Some(id.to_string());
            break;
        }
        press(&mut app, Modifiers::NONE, Key::Tab);
    }
    let quote = quote.expect("the sample has a quotation");
    let speaker = |app: &Harness<'static, SorotApp>| {
        let document = &app.state().session().unwrap().document;
        let id = document.quote(&quote).unwrap().speaker.clone();
        id.and_then(|id| document.entity(&id)).map(|e| e.text.to_string())
    };
    let speaker_before = speaker(&app);
    let confidence = app.state().session().unwrap().document.quote(&quote).unwrap().confidence;
    let confidence = confidence.expect("a suggested quotation carries its confidence");
    let shown = format!("confidence {confidence:.2} · cue:");
    assert!(app.query_by_label_contains(&shown).is_some(), "the inspector shows the quote's confidence");

    // The inspector numbers the candidates, best first as the ranker scores them,
    // each with its score and why: the suggested speaker, named at the cue, leads.
    let first = app.get_by_label_contains("1  ").accesskit_node().label().unwrap_or_default();
    let leader = first.trim_start_matches("1  ").split(" · ").next().map(str::to_owned);
    assert_eq!(leader, speaker_before, "{first}");
    assert!(first.contains(" · score "), "{first}");
    assert!(app.query_by_label_contains("named at the cue").is_some(), "why the leader leads");
    // The second is the one to choose.
    let second = app.get_by_label_contains("2  ").accesskit_node().label().unwrap_or_default();
    let name = second.trim_start_matches("2  ").split(" · ").next().unwrap().to_owned();
    assert_ne!(Some(name.clone()), speaker_before, "choose someone else than the current speaker");
    press(&mut app, Modifiers::NONE, Key::S);
    press(&mut app, Modifiers::NONE, Key::Num2);
    assert!(app.query_by_label_contains("◀ Enter confirms").is_some(), "the choice is shown");
    assert_eq!(speaker(&app), speaker_before, "a digit only chooses");
    press(&mut app, Modifiers::NONE, Key::Enter);
    assert_eq!(speaker(&app), Some(name), "Enter confirms");
    let still = app.state().selection().cloned();
    assert_eq!(still, Some(SpanRef::Quote(quote.as_str().into())), "Enter confirmed only: review stays here");

    press(&mut app, Modifiers::NONE, Key::K);
    let kind = app.state().session().unwrap().document.quote(&quote).unwrap().kind;
    press(&mut app, Modifiers::NONE, Key::K);
    assert_ne!(app.state().session().unwrap().document.quote(&quote).unwrap().kind, kind, "K cycles the kind");
}

#[test]
fn a_double_click_selects_one_word() {
    let (_dir, mut app) = article_app();
    let paragraph = ARTICLE.lines().nth(2).unwrap().trim_end();
    let rect = app.get_by_role_and_label(Role::Label, paragraph).rect();
    let at = Pos2::new(rect.left() + 200.0, rect.top() + 10.0);
    app.hover_at(at);
    app.step();
    for _ in 0..2 {
        for pressed in [true, false] {
            let button = egui::PointerButton::Primary;
            app.event(egui::Event::PointerButton { pos: at, button, pressed, modifiers: Modifiers::NONE });
        }
    }
    app.step();
    app.run();
    let word = app.state().text_selection().expect("a double-click selects");
    let text = text_of(&app, word);
    assert!(!text.is_empty() && text.chars().all(char::is_alphanumeric), "one word: {text:?}");
    assert!(!is_word_char(&app, word.0 - 1) && !is_word_char(&app, word.1), "whole: {text:?}");
}
