//! Which floating windows are open, in the order they were opened, so that
//! Escape closes the topmost one before it touches the selection.

/// The app's floating windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Help,
    Export,
    Search,
    Statistics,
    Settings,
    Agreement,
    Model,
}

#[derive(Debug, Default)]
pub struct WindowStack {
    opened: Vec<Window>,
}

impl WindowStack {
    /// `window` was opened (or brought back): it is now the topmost.
    pub fn opened(&mut self, window: Window) {
        self.opened.retain(|w| *w != window);
        self.opened.push(window);
    }

    /// The topmost window still open; windows closed by their own button
    /// since are forgotten.
    pub fn topmost(&mut self, is_open: impl Fn(Window) -> bool) -> Option<Window> {
        self.opened.retain(|w| is_open(*w));
        self.opened.last().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_opened_window_still_open_is_the_topmost() {
        let mut stack = WindowStack::default();
        stack.opened(Window::Search);
        stack.opened(Window::Help);
        stack.opened(Window::Search);
        assert_eq!(stack.topmost(|_| true), Some(Window::Search));
        assert_eq!(stack.topmost(|w| w != Window::Search), Some(Window::Help));
        assert_eq!(stack.topmost(|_| false), None);
    }
}
