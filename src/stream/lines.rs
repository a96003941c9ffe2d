//! Reading a JSON Lines stream one line at a time, never holding more than the
//! size limit of any line: an over-long line is skipped to its end and reported
//! by its length, so a hostile input cannot exhaust memory.

use std::io::{self, BufRead};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// Bytes kept beyond the limit, so that a BOM and a trailing `\r`, which do not
/// count, cannot make a line at the limit look over-long.
const SLACK: u64 = 4;

/// One input line, numbered from 1.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// The line's bytes without its `\n` or `\r\n`.
    Read { number: usize, bytes: Vec<u8> },
    /// A line over the limit; only its length was kept.
    TooLong { number: usize, length: u64 },
}

impl Line {
    pub fn number(&self) -> usize {
        match self {
            Line::Read { number, .. } | Line::TooLong { number, .. } => *number,
        }
    }
}

/// Lines of `input`, each at most `limit` bytes kept. A UTF-8 byte order mark at
/// the very start of the stream is dropped (a BOM inside a JSON string is data
/// and stays).
pub struct LineReader<R> {
    input: R,
    limit: usize,
    number: usize,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(input: R, limit: usize) -> Self {
        LineReader { input, limit, number: 0 }
    }

    /// The next line, `None` at the end of the stream.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        let mut bytes = Vec::new();
        let mut length: u64 = 0;
        let mut ended = false;
        loop {
            let buffer = self.input.fill_buf()?;
            if buffer.is_empty() {
                break;
            }
            let (chunk, found_end) = match buffer.iter().position(|&b| b == b'\n') {
                Some(at) => (buffer.get(..at).unwrap_or_default(), true),
                None => (buffer, false),
            };
            let taken = chunk.len();
            length += taken as u64;
            if length <= self.limit as u64 + SLACK {
                bytes.extend_from_slice(chunk);
            }
            self.input.consume(taken + usize::from(found_end));
            if found_end {
                ended = true;
                break;
            }
        }
        if !ended && length == 0 {
            return Ok(None);
        }
        self.number += 1;
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
            length -= 1;
        }
        if self.number == 1 && bytes.starts_with(UTF8_BOM) {
            bytes.drain(..UTF8_BOM.len());
            length -= UTF8_BOM.len() as u64;
        }
        if length > self.limit as u64 {
            return Ok(Some(Line::TooLong { number: self.number, length }));
        }
        Ok(Some(Line::Read { number: self.number, bytes }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: usize) -> Vec<Line> {
        // A tiny buffer so that lines span several reads.
        let mut reader = LineReader::new(io::BufReader::with_capacity(3, input), limit);
        std::iter::from_fn(|| reader.next_line().unwrap()).collect()
    }

    fn read(number: usize, bytes: &str) -> Line {
        Line::Read { number, bytes: bytes.as_bytes().to_vec() }
    }

    #[test]
    fn splits_on_lf_and_crlf_keeps_blank_lines_and_a_last_line_without_newline() {
        let got = lines(b"{\"a\":1}\r\n\n{\"b\":\"\xC3\xA9\"}", 100);
        assert_eq!(got, vec![read(1, "{\"a\":1}"), read(2, ""), read(3, "{\"b\":\"é\"}")]);
        assert!(lines(b"", 100).is_empty());
        assert_eq!(lines(b"x\n", 100), vec![read(1, "x")]);
    }

    #[test]
    fn a_line_over_the_limit_is_reported_by_length_and_the_next_is_read() {
        let got = lines(b"short\r\nthis one is too long\nok\n", 8);
        assert_eq!(got, vec![read(1, "short"), Line::TooLong { number: 2, length: 20 }, read(3, "ok")]);
        // Exactly at the limit, with CRLF, is fine.
        assert_eq!(lines(b"12345678\r\n", 8), vec![read(1, "12345678")]);
    }

    #[test]
    fn a_bom_is_dropped_at_the_start_of_the_stream_only() {
        let got = lines("\u{feff}{}\n\u{feff}{}\n".as_bytes(), 100);
        assert_eq!(got, vec![read(1, "{}"), read(2, "\u{feff}{}")]);
    }
}
