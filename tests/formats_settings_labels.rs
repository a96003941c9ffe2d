//! Labels no dataset format can carry are refused where they are made, in the
//! project Settings dialog (issue 15): a name with a space or tab, an empty
//! name, and the reserved quotation names. The dialog says why, the Rename
//! button stays off, and neither the schema nor the saved documents change.

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use egui_kittest::Harness;
use sorot::project::layout::Layout;
use sorot::project::settings::ProjectSettings;
use sorot::ui::{ProjectAction, SorotApp};

mod common;
use common::*;

/// A project of two articles of our own making, with curly quotes, an emoji
/// and CRLF line ends.
fn project(dir: &Path) {
    let a = "“Kami siap 😀,” kata Joko Widodo di Jakarta.\r\nIa datang ke Bandung.\r\n";
    let b = "Warga Surabaya menyambut Sri Mulyani.\r\n“Itu benar,” ujarnya.\r\n";
    std::fs::write(dir.join("a.txt"), a).unwrap();
    std::fs::write(dir.join("b.txt"), b).unwrap();
}

fn settings_open(dir: &Path) -> Harness<'static, SorotApp> {
    let mut app = project_app(dir);
    wait_until(&mut app, "the first article to open", |app| app.state().session().is_some());
    let ctx = app.ctx.clone();
    app.state_mut().perform(&ctx, ProjectAction::ShowSettings.into());
    app.run();
    app
}

/// Replaces the text of the name field of label `n` (1-based) with `name`.
fn type_label_name(app: &mut Harness<'static, SorotApp>, n: usize, name: &str) {
    let label = format!("name of label {n}");
    app.get_by_role_and_label(Role::TextInput, &label).focus();
    app.run();
    press(app, Modifiers::COMMAND, Key::A);
    press(app, Modifiers::NONE, Key::Backspace);
    if !name.is_empty() {
        app.get_by_role_and_label(Role::TextInput, &label).type_text(name);
    }
    app.run();
}

fn first_label_on_disk(dir: &Path) -> String {
    let settings = ProjectSettings::load(&Layout::new(dir)).unwrap();
    settings.labels.first().map(|l| l.name.clone()).unwrap_or_default()
}

#[test]
fn settings_refuse_label_names_no_format_can_carry_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let mut app = settings_open(dir.path());
    let cases = [
        ("MY LABEL", "contains a space, tab or line break"),
        ("MY\tLABEL", "contains a space, tab or line break"),
        ("", "a label needs a name"),
        ("CUE", "is reserved for quotations"),
        ("DIRECT_QUOTE", "is reserved for quotations"),
    ];
    for (name, why) in cases {
        type_label_name(&mut app, 1, name);
        assert!(
            app.query_by_label_contains(why).is_some(),
            "{name:?}: the dialog should say {why:?}; it shows: {:?}",
            app.query_all_by_role(Role::Label).filter_map(|n| n.accesskit_node().label()).collect::<Vec<_>>()
        );
        let rename = app.get_by_label("Rename");
        assert!(rename.accesskit_node().is_disabled(), "{name:?}: Rename must be off");
        rename.click();
        app.run();
    }
    // Even asked directly (another way in than the button), the rename is refused,
    // said in the dialog, and nothing changes.
    let ctx = app.ctx.clone();
    app.state_mut().perform(&ctx, ProjectAction::RenameLabel { from: "PERSON".into(), to: "MY LABEL".into() }.into());
    app.run();
    assert!(app.state().message().is_some_and(|m| m.contains("Label not renamed")), "{:?}", app.state().message());
    // In the dialog, and on the status line.
    assert_eq!(app.query_all_by_label_contains("Label not renamed").count(), 2);
    let document = &app.state().session().unwrap().document;
    assert!(document.entities().iter().all(|e| e.label != "MY LABEL"));
    assert!(document.labels.iter().all(|l| l.name != "MY LABEL" && l.name != "CUE"));

    // A usable name is still renamed.
    type_label_name(&mut app, 1, "TOKOH");
    assert!(app.query_by_label_contains("Label 1: ").is_none(), "a usable name is not refused");
    app.get_by_label("Rename").click();
    wait_until(&mut app, "the rename to finish", |app| {
        app.state().message().is_some_and(|m| m.starts_with("Labels changed"))
    });
    assert_eq!(first_label_on_disk(dir.path()), "TOKOH");
    assert!(app.query_by_label_contains("Label not renamed").is_none(), "the refusal is gone once a rename is done");
}

#[test]
fn settings_with_a_label_no_format_can_carry_say_so_and_are_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    // A schema edited by hand (or by an older Sorot) with a name a format cannot carry.
    let layout = Layout::new(dir.path());
    let mut settings = ProjectSettings::default();
    settings.labels[0].name = "MY LABEL".into();
    settings.annotator = Some("Sari".into());
    settings.save(&layout).unwrap();
    let mut app = settings_open(dir.path());
    assert!(app.query_by_label_contains("Label 1: label \"MY LABEL\" contains a space").is_some());
    let field = app.get_by_role_and_label(Role::TextInput, "Annotator:");
    field.focus();
    field.type_text(" Dewi");
    app.run();
    app.get_by_label("Save settings").click();
    app.run();
    assert!(app.state().message().is_some_and(|m| m.starts_with("Settings not saved")), "{:?}", app.state().message());
    assert_eq!(app.query_all_by_label_contains("Settings not saved: label \"MY LABEL\"").count(), 2);
    assert_eq!(ProjectSettings::load(&layout).unwrap().annotator.as_deref(), Some("Sari"));

    // Renamed to a usable name, the schema saves.
    type_label_name(&mut app, 1, "PERSON");
    app.get_by_label("Rename").click();
    wait_until(&mut app, "the rename to finish", |app| {
        app.state().message().is_some_and(|m| m.starts_with("Labels changed"))
    });
    assert_eq!(first_label_on_disk(dir.path()), "PERSON");
    assert!(app.query_by_label_contains("Settings not saved").is_none());
}
