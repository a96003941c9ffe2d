//! Keyboard focus on an X server without a window manager.
//!
//! On X11, winit delivers key presses only to a window that received focus.
//! Focus is normally given by the window manager; on a bare X server (a kiosk,
//! a virtual screen for testing) nobody gives it, and the app would ignore the
//! keyboard — fatal for a keyboard-first tool. So when no window manager is
//! running, the app takes focus once itself. With a window manager it does
//! nothing: focus stays the window manager's business.

use raw_window_handle::{HasWindowHandle, RawWindowHandle};
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ConnectionExt, InputFocus};
use x11rb::CURRENT_TIME;

/// Gives keyboard focus to `window` if it is an X11 window and no window
/// manager runs. Returns true when there is nothing more to do (focus taken,
/// or not needed); false when worth retrying (the window is not mapped yet).
pub fn take_focus_without_window_manager(window: &impl HasWindowHandle) -> bool {
    let Ok(handle) = window.window_handle() else {
        return true;
    };
    let xid = match handle.as_raw() {
        RawWindowHandle::Xlib(h) => h.window as u32,
        RawWindowHandle::Xcb(h) => h.window.get(),
        _ => return true,
    };
    let Ok((connection, screen)) = x11rb::connect(None) else {
        return true;
    };
    let Some(root) = connection.setup().roots.get(screen).map(|s| s.root) else {
        return true;
    };
    if window_manager_running(&connection, root) {
        return true;
    }
    let focused = connection
        .set_input_focus(InputFocus::PARENT, xid, CURRENT_TIME)
        .map(|cookie| cookie.check().is_ok())
        .unwrap_or(false);
    focused
}

/// An EWMH window manager announces itself on the root window.
fn window_manager_running(connection: &impl Connection, root: u32) -> bool {
    let Ok(atom) = connection.intern_atom(true, b"_NET_SUPPORTING_WM_CHECK") else {
        return false;
    };
    let Ok(atom) = atom.reply() else { return false };
    if atom.atom == 0 {
        return false;
    }
    connection
        .get_property(false, root, atom.atom, AtomEnum::WINDOW, 0, 1)
        .ok()
        .and_then(|cookie| cookie.reply().ok())
        .is_some_and(|reply| reply.value_len > 0)
}
