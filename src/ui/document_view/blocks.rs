//! The document cut into blocks for layout, with their heights.
//!
//! A block is a line of the text (or a slice of a very long line: egui lays a
//! galley out whole, so a 200,000-character paragraph would cost ~100 ms per
//! change). Heights are estimated until a block is first laid out, then
//! measured; tops are prefix sums, so finding what is on screen is a binary
//! search, whatever the document's length.

/// Lines longer than this are laid out in slices cut at whitespace.
const MAX_BLOCK_CHARS: usize = 1500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    /// The last slice of its line: paragraph spacing follows.
    pub ends_line: bool,
}

#[derive(Debug, Default)]
pub struct Blocks {
    pub blocks: Vec<Block>,
    /// Measured height of each block at `width`, if laid out since.
    measured: Vec<Option<f32>>,
    width: f32,
    /// Top of each block, plus the total height at the end.
    tops: Vec<f32>,
    tops_stale: bool,
}

/// What the height of a block is estimated from, before it is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Metrics {
    pub row_height: f32,
    pub char_width: f32,
    pub width: f32,
    pub line_gap: f32,
}

impl Blocks {
    /// Cuts `text` into blocks; code-point offsets, line terminators excluded.
    pub fn of(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut blocks = Vec::new();
        let mut line_start = 0;
        for (i, c) in chars.iter().enumerate() {
            if *c == '\n' {
                let end = if i > 0 && chars[i - 1] == '\r' { i - 1 } else { i };
                slice_line(&chars, line_start, end.max(line_start), &mut blocks);
                line_start = i + 1;
            }
        }
        slice_line(&chars, line_start, chars.len(), &mut blocks);
        let measured = vec![None; blocks.len()];
        Self { blocks, measured, width: 0.0, tops: Vec::new(), tops_stale: true }
    }

    /// Forgets measured heights when the width changes (text rewraps).
    pub fn set_width(&mut self, width: f32) {
        if (self.width - width).abs() > 0.5 {
            self.width = width;
            self.measured.iter_mut().for_each(|m| *m = None);
            self.tops_stale = true;
        }
    }

    pub fn record_height(&mut self, index: usize, height: f32) {
        if let Some(slot) = self.measured.get_mut(index) {
            if slot.is_none_or(|h| (h - height).abs() > 0.5) {
                *slot = Some(height);
                self.tops_stale = true;
            }
        }
    }

    /// Height of block `index`, measured or estimated.
    pub fn height(&self, index: usize, metrics: &Metrics) -> f32 {
        let Some(block) = self.blocks.get(index) else { return 0.0 };
        let gap = if block.ends_line && block.start < block.end { metrics.line_gap } else { 0.0 };
        if let Some(Some(height)) = self.measured.get(index) {
            return *height + gap;
        }
        let chars = (block.end - block.start) as f32;
        let per_row = (metrics.width / metrics.char_width.max(1.0)).max(1.0);
        let rows = if chars == 0.0 { 0.3 } else { (chars / per_row).ceil() };
        rows * metrics.row_height + gap
    }

    fn refresh_tops(&mut self, metrics: &Metrics) {
        if !self.tops_stale && self.tops.len() == self.blocks.len() + 1 {
            return;
        }
        let mut top = 0.0;
        self.tops.clear();
        for index in 0..self.blocks.len() {
            self.tops.push(top);
            top += self.height(index, metrics);
        }
        self.tops.push(top);
        self.tops_stale = false;
    }

    pub fn total_height(&mut self, metrics: &Metrics) -> f32 {
        self.refresh_tops(metrics);
        self.tops.last().copied().unwrap_or(0.0)
    }

    pub fn top(&mut self, index: usize, metrics: &Metrics) -> f32 {
        self.refresh_tops(metrics);
        self.tops.get(index).copied().unwrap_or(0.0)
    }

    /// Indices of the blocks overlapping the vertical range `from..to`.
    pub fn visible(&mut self, from: f32, to: f32, metrics: &Metrics) -> std::ops::Range<usize> {
        self.refresh_tops(metrics);
        let n = self.blocks.len();
        let tops = self.tops.get(..n).unwrap_or_default();
        let first = tops.partition_point(|t| *t <= from).saturating_sub(1);
        let past = tops.partition_point(|t| *t < to);
        first..past.max(first)
    }

    /// The block holding code point `at`.
    pub fn block_of(&self, at: usize) -> Option<usize> {
        let index = self.blocks.partition_point(|b| b.start <= at).checked_sub(1)?;
        Some(index)
    }
}

/// Adds the blocks of one line, slicing it at whitespace if very long.
fn slice_line(chars: &[char], start: usize, end: usize, blocks: &mut Vec<Block>) {
    let mut from = start;
    while end - from > MAX_BLOCK_CHARS {
        let limit = from + MAX_BLOCK_CHARS;
        let cut = (from + 1..limit).rev().find(|&i| chars.get(i).is_some_and(|c| c.is_whitespace()));
        let cut = cut.map_or(limit, |i| i + 1);
        blocks.push(Block { start: from, end: cut, ends_line: false });
        from = cut;
    }
    blocks.push(Block { start: from, end, ends_line: true });
}

#[cfg(test)]
mod tests {
    use super::*;

    const METRICS: Metrics = Metrics { row_height: 20.0, char_width: 10.0, width: 100.0, line_gap: 5.0 };

    #[test]
    fn lines_without_terminators_in_code_points() {
        let blocks = Blocks::of("“Ya 😀,”\r\n\r\nkata Ana.\nx");
        let ranges: Vec<(usize, usize)> = blocks.blocks.iter().map(|b| (b.start, b.end)).collect();
        assert_eq!(ranges, vec![(0, 7), (9, 9), (11, 20), (21, 22)]);
    }

    #[test]
    fn very_long_lines_are_sliced_at_whitespace_and_cover_everything() {
        let line = "kata ".repeat(1000);
        let blocks = Blocks::of(&line);
        assert!(blocks.blocks.len() >= 4);
        let mut expected_start = 0;
        for block in &blocks.blocks {
            assert_eq!(block.start, expected_start);
            assert!(block.end - block.start <= MAX_BLOCK_CHARS);
            expected_start = block.end;
        }
        assert_eq!(expected_start, line.chars().count());
        assert!(blocks.blocks.last().unwrap().ends_line);
        assert!(!blocks.blocks[0].ends_line);
    }

    #[test]
    fn visible_range_is_found_by_position() {
        let text = "0123456789\n".repeat(100); // each line: one row of 20 + gap 5
        let mut blocks = Blocks::of(&text);
        assert_eq!(blocks.visible(0.0, 24.0, &METRICS), 0..1);
        assert_eq!(blocks.visible(250.0, 300.0, &METRICS), 10..12);
        blocks.record_height(10, 40.0); // measured taller than estimated
        assert_eq!(blocks.top(11, &METRICS), 11.0 * 25.0 + 20.0);
        assert_eq!(blocks.block_of(115), Some(10));
    }
}
