//! Stream mode: articles as JSON Lines in, Sorot documents as JSON Lines out, one
//! output line per input line and in input order, on several threads, in memory
//! bounded by a small window of lines whatever the length of the stream.
//!
//! This is what `sorot analyze --jsonl IN --out OUT` runs, and what makes Sorot a
//! map step for a distributed engine (Spark's `RDD.pipe`, GNU parallel, Ray): a
//! line that cannot be analysed becomes an error record in its place (so joins on
//! line or `id` stay aligned) and a failure the caller can count.

mod documents;
mod lines;
mod ordered;
mod record;

use std::io::{self, BufRead, Write};

pub use documents::{read_documents, write_document, StreamReadError};
pub use lines::{Line, LineReader};
pub use ordered::map_in_order;
pub use record::{analyze_line, error_line, LineError, LineFailure};

use crate::analysis::Analyzer;

/// How a stream is analysed.
#[derive(Debug, Clone, Copy)]
pub struct StreamOptions {
    pub threads: usize,
    /// Lines over this many bytes are not analysed (an error record instead).
    pub max_line_bytes: usize,
    /// Lines in flight per thread (read but not yet written).
    pub lines_per_thread: usize,
}

impl StreamOptions {
    pub fn with_threads(threads: usize) -> Self {
        StreamOptions {
            threads: threads.max(1),
            max_line_bytes: crate::store::MAX_ARTICLE_BYTES as usize,
            lines_per_thread: 4,
        }
    }
}

/// What a run did.
#[derive(Debug, Default)]
pub struct StreamReport {
    pub lines: usize,
    pub failed: usize,
}

/// Analyses every line of `input` into `output`; `on_failure` hears of each line
/// that became an error record, in input order. Returns the first read or write
/// error, which ends the run.
pub fn analyze_stream(
    input: impl BufRead + Send,
    output: &mut impl Write,
    analyzer: &Analyzer,
    options: &StreamOptions,
    mut on_failure: impl FnMut(&LineFailure),
) -> io::Result<StreamReport> {
    let mut reader = LineReader::new(input, options.max_line_bytes);
    let mut report = StreamReport::default();
    let limit = options.max_line_bytes;
    map_in_order(
        || reader.next_line(),
        options.threads,
        options.threads * options.lines_per_thread.max(1),
        |line| match line {
            Line::Read { number, bytes } => analyze_line(number, &bytes, analyzer),
            Line::TooLong { number, length } => {
                Err(LineFailure { line: number, id: None, error: LineError::TooLong { length, limit } })
            }
        },
        |result| {
            report.lines += 1;
            let bytes = match result {
                Ok(bytes) => bytes,
                Err(failure) => {
                    report.failed += 1;
                    on_failure(&failure);
                    error_line(&failure)
                }
            };
            output.write_all(&bytes)?;
            output.write_all(b"\n")
        },
    )?;
    output.flush()?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn run(input: &str, threads: usize) -> (Vec<Value>, StreamReport, Vec<usize>) {
        let analyzer = Analyzer::new();
        let mut out = Vec::new();
        let mut failed_lines = Vec::new();
        let options = StreamOptions { max_line_bytes: 2_000, ..StreamOptions::with_threads(threads) };
        let report =
            analyze_stream(input.as_bytes(), &mut out, &analyzer, &options, |f| failed_lines.push(f.line)).unwrap();
        let lines = String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        (lines, report, failed_lines)
    }

    #[test]
    fn four_threads_keep_order_and_ids() {
        let input: String = (0..60)
            .map(|i| {
                let text = format!("Menteri Budi Santoso ke-{i} tiba di Surabaya.{}", " Ia bicara.".repeat(i % 7 * 20));
                serde_json::json!({"id": format!("n{i}"), "n": i, "text": text}).to_string() + "\n"
            })
            .collect();
        let (lines, report, failed) = run(&input, 4);
        assert_eq!((report.lines, report.failed), (60, 0));
        assert!(failed.is_empty());
        let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
        assert_eq!(ids, (0..60).map(|i| format!("n{i}")).collect::<Vec<_>>());
        assert!(lines.iter().enumerate().all(|(i, l)| l["n"] == i && l["format"] == "sorot"));
        assert!(lines.iter().all(|l| l["entities"].as_array().is_some_and(|e| !e.is_empty())));
    }

    #[test]
    fn a_malformed_line_in_the_middle_is_reported_and_its_neighbours_analysed() {
        let input = format!(
            "{}\n{{\"id\": \"b\", \"text\": \"broken\n{}\n{}\n\n{}\n",
            serde_json::json!({"id": "a", "text": "Gubernur Anies Baswedan di Jakarta."}),
            serde_json::json!({"id": "c", "text": "Presiden Joko Widodo di Bogor."}),
            serde_json::json!({"id": "d", "text": "x".repeat(3_000)}),
            serde_json::json!({"id": "e", "text": "Warga Bandung senang."}),
        );
        let (lines, report, failed) = run(&input, 4);
        assert_eq!((report.lines, report.failed), (6, 3));
        assert_eq!(failed, vec![2, 4, 5], "the broken line, the over-long one and the blank one");
        assert_eq!(lines[0]["id"], "a");
        assert!(lines[1]["error"].as_str().unwrap().contains("JSON"));
        assert_eq!(lines[1]["line"], 2);
        assert_eq!(lines[2]["id"], "c");
        assert!(lines[2]["entities"].as_array().unwrap().iter().any(|e| e["text"] == "Joko Widodo"));
        assert!(lines[3]["error"].as_str().unwrap().contains("bytes"), "{}", lines[3]);
        assert_eq!(lines[4]["line"], 5);
        assert_eq!(lines[5]["id"], "e");
        assert!(lines[0]["entities"].as_array().unwrap().iter().any(|e| e["text"] == "Anies Baswedan"));
    }
}
