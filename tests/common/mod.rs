//! What the app's kittest tests share: the app opened on a file or folder,
//! keys pressed, frames run until something holds. Each test binary uses
//! part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use sorot::ui::SorotApp;

/// A bundled sample article.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples").join(name)
}

/// The app on `path` (an article or a project folder) in a window of `size`,
/// its first frames run.
pub fn app_sized(path: &Path, size: [f32; 2]) -> Harness<'static, SorotApp> {
    let path = path.to_owned();
    let mut app =
        Harness::builder().with_size(size).with_max_steps(64).build_eframe(move |cc| SorotApp::new(&cc.egui_ctx, path));
    app.run();
    app
}

/// The app on a laptop screen (1366×768).
pub fn app_on(path: &Path) -> Harness<'static, SorotApp> {
    app_sized(path, [1366.0, 768.0])
}

/// The app on a project folder, in a wide window (1400×820).
pub fn project_app(root: &Path) -> Harness<'static, SorotApp> {
    app_sized(root, [1400.0, 820.0])
}

pub fn press(app: &mut Harness<'static, SorotApp>, modifiers: Modifiers, key: Key) {
    app.key_press_modifiers(modifiers, key);
    app.run();
}

/// Runs frames until `done` holds (the app's background threads work
/// meanwhile); fails naming `what` after a minute.
pub fn wait_until(app: &mut Harness<'static, SorotApp>, what: &str, mut done: impl FnMut(&Harness<SorotApp>) -> bool) {
    for _ in 0..3000 {
        app.step();
        if done(app) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("waited in vain for {what}; status line: {:?}", app.state().message());
}
