//! Article bytes to text, with a verdict.
//!
//! - UTF-8 is read as is (a BOM stripped, CRLF kept, so offsets stay true to the file).
//! - Other bytes are decoded as Windows-1252 (a superset of Latin-1's printable
//!   range) with a [`Warning`] the app shows: the text may be wrong, never refused.
//! - Binary files (NUL bytes), empty files and files over
//!   [`MAX_ARTICLE_BYTES`](crate::store::MAX_ARTICLE_BYTES) (32 MiB) are refused.
//! - `.html`/`.htm` are stripped to text (see [`html_to_text`]).
//! - `.json` must be an object with a string `text` field; `title` (string) is used
//!   when present. `.jsonl`: one such object per line, with an optional `id`.
//!   Malformed JSON is refused with its line and column.

use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::scan::{ArticleEntry, ArticleKind};
use crate::store::{self, ArticleError};

/// Something the annotator should know about a text that was still opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The file is not UTF-8 and was decoded as Windows-1252 / Latin-1.
    NotUtf8 { path: PathBuf, first_bad_byte: usize },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::NotUtf8 { path, first_bad_byte } => write!(
                f,
                "{} is not UTF-8 (first bad byte at offset {first_bad_byte}); decoded as Windows-1252/Latin-1: check accented letters",
                path.display()
            ),
        }
    }
}

/// Why an article cannot be opened.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error(transparent)]
    Read(#[from] ArticleError),
    #[error("{path} is empty: there is no text to annotate")]
    Empty { path: PathBuf },
    #[error("{path} is not valid JSON: line {line}, column {column}: {message}")]
    MalformedJson { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}, line {line}: expected a JSON object with a string field \"text\"")]
    NoTextField { path: PathBuf, line: usize },
    #[error("{path} has no line {line} any more (the file changed since it was listed)")]
    MissingLine { path: PathBuf, line: usize },
}

/// An article's text and what was learnt decoding it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// From a JSON `title` field, else the first non-empty line; never longer
    /// than [`TITLE_CHARS`] characters (an article without line breaks would
    /// otherwise be all title).
    pub title: Option<String>,
    /// From a JSON Lines `id` field.
    pub id: Option<String>,
    pub warnings: Vec<Warning>,
}

/// Titles are cut to this many characters.
pub const TITLE_CHARS: usize = 120;

/// The first non-empty line of `text`, trimmed, cut to [`TITLE_CHARS`]
/// characters with `…`: a 30 MiB article on one line gets a short title.
pub fn short_title(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|line| !line.is_empty()).unwrap_or_default();
    match line.char_indices().nth(TITLE_CHARS) {
        Some((cut, _)) => format!("{}…", line.get(..cut).unwrap_or_default().trim_end()),
        None => line.to_owned(),
    }
}

/// Reads and decodes one listed article.
pub fn decode_entry(entry: &ArticleEntry) -> Result<Decoded, DecodeError> {
    let path = entry.path.as_path();
    match (entry.kind, entry.id.line) {
        (ArticleKind::Jsonl, Some(line)) => {
            let bytes = read_line_bytes(entry, line)?;
            let (text, warnings) = text_of(path, &bytes)?;
            json_article(path, &text, line, warnings)
        }
        (kind, _) => decode_bytes(path, kind, &store::read_article_bytes(path)?),
    }
}

/// Decodes a whole file's bytes as an article of `kind` (a JSON Lines file: its first line).
pub fn decode_bytes(path: &Path, kind: ArticleKind, bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, warnings) = text_of(path, bytes)?;
    let plain = |text: String| {
        let title = Some(short_title(&text));
        Ok(Decoded { text, title, id: None, warnings: warnings.clone() })
    };
    match kind {
        ArticleKind::Text | ArticleKind::Markdown => plain(text),
        ArticleKind::Html => non_empty(path, html_to_text(&text)).and_then(plain),
        ArticleKind::Json => json_article(path, &text, 1, warnings.clone()),
        ArticleKind::Jsonl => {
            let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
            json_article(path, first, 1, warnings.clone())
        }
    }
}

/// Bytes to text: refuses binary and empty input, falls back to Windows-1252.
fn text_of(path: &Path, bytes: &[u8]) -> Result<(String, Vec<Warning>), DecodeError> {
    store::refuse_binary(path, bytes)?;
    let (text, warnings) = match std::str::from_utf8(bytes) {
        Ok(text) => (store::strip_bom(text.to_owned()), Vec::new()),
        Err(error) => {
            let warning = Warning::NotUtf8 { path: path.to_owned(), first_bad_byte: error.valid_up_to() };
            (windows_1252(bytes), vec![warning])
        }
    };
    Ok((non_empty(path, text)?, warnings))
}

fn non_empty(path: &Path, text: String) -> Result<String, DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty { path: path.to_owned() });
    }
    Ok(text)
}

/// The article in one JSON object; `line` is where it sits in its file.
fn json_article(path: &Path, json: &str, line: usize, warnings: Vec<Warning>) -> Result<Decoded, DecodeError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| DecodeError::MalformedJson {
        path: path.to_owned(),
        line: line + e.line().saturating_sub(1),
        column: e.column(),
        message: e.to_string(),
    })?;
    let field = |name: &str| value.get(name).and_then(serde_json::Value::as_str).map(str::to_owned);
    let text = field("text").ok_or_else(|| DecodeError::NoTextField { path: path.to_owned(), line })?;
    let id = field("id").or_else(|| value.get("id").and_then(serde_json::Value::as_u64).map(|n| n.to_string()));
    let title = Some(short_title(field("title").as_deref().unwrap_or(&text)));
    Ok(Decoded { text: non_empty(path, text)?, title, id, warnings })
}

/// The bytes of line `line` of a JSON Lines file, read at the offset the scan
/// recorded (so 10,000 lines do not mean 10,000 whole-file reads).
fn read_line_bytes(entry: &ArticleEntry, line: usize) -> Result<Vec<u8>, DecodeError> {
    let path = entry.path.as_path();
    let io = |source| DecodeError::Read(ArticleError::Io { path: path.to_owned(), source });
    let missing = || DecodeError::MissingLine { path: path.to_owned(), line };
    let (offset, len) = entry.byte_range.ok_or_else(missing)?;
    if len > store::MAX_ARTICLE_BYTES {
        let limit = store::MAX_ARTICLE_BYTES;
        return Err(ArticleError::TooLarge { path: path.to_owned(), size: len, limit }.into());
    }
    let mut file = std::fs::File::open(path).map_err(io)?;
    file.seek(SeekFrom::Start(offset)).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(len).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 != len {
        return Err(missing());
    }
    Ok(bytes)
}

/// Windows-1252 to text: bytes 0x80–0x9F are its printable extras (€, curly
/// quotes, dashes); every other byte is the Latin-1 code point of the same value.
pub fn windows_1252(bytes: &[u8]) -> String {
    const EXTRAS: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => EXTRAS.get(usize::from(b - 0x80)).copied().unwrap_or(char::from(b)),
            _ => char::from(b),
        })
        .collect()
}

/// HTML to text: `<script>`, `<style>` and comments dropped, tags removed, block
/// elements (`p`, `div`, `br`, headings, list items, …) become line breaks,
/// entities decoded, runs of blank lines collapsed to one.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..open]));
        rest = &rest[open..];
        let (tag, after) = split_tag(rest);
        let name = tag_name(tag);
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            rest = find_ignore_case(after, &close).map_or("", |at| &after[at..]);
            rest = rest.find('>').map_or("", |gt| &rest[gt + 1..]);
            continue;
        }
        if is_block(&name) {
            out.push('\n');
        }
        rest = after;
    }
    out.push_str(&decode_entities(rest));
    tidy_lines(&out)
}

/// `(tag, rest)` for text starting at `<`: a comment runs to `-->`, a tag to `>`.
fn split_tag(text: &str) -> (&str, &str) {
    let end = if text.starts_with("<!--") { text.find("-->").map(|i| i + 3) } else { text.find('>').map(|i| i + 1) };
    match end {
        Some(end) => text.split_at(end),
        None => (text, ""),
    }
}

/// The lower-case element name of a tag (`</P class=x>` -> `p`).
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

fn is_block(name: &str) -> bool {
    const BLOCKS: [&str; 24] = [
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "title",
        "pre",
        "hr",
        "figcaption",
        "dd",
    ];
    BLOCKS.contains(&name)
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack.to_ascii_lowercase().find(needle)
}

/// Decodes `&amp;`, `&#8220;`, `&#x201C;` and the named entities news pages use.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| Some((entity(&rest[1..semi])?, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "eacute" => 'é',
        "copy" => '©',
        _ => return None,
    })
}

/// Trims each line's ends and keeps at most one blank line in a row.
fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = true; // drops leading blank lines
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !blank_run {
                out.push('\n');
            }
            blank_run = true;
            continue;
        }
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str(line);
        blank_run = false;
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(kind: ArticleKind, bytes: &[u8]) -> Result<Decoded, DecodeError> {
        decode_bytes(Path::new("a"), kind, bytes)
    }

    #[test]
    fn utf8_with_bom_crlf_and_emoji_is_kept_exactly() {
        let decoded = decode(ArticleKind::Text, "\u{feff}“Ya 😀,” kata Ana.\r\n".as_bytes()).unwrap();
        assert_eq!(decoded.text, "“Ya 😀,” kata Ana.\r\n");
        assert!(decoded.warnings.is_empty());
    }

    #[test]
    fn latin1_and_windows_1252_are_decoded_with_a_warning() {
        let decoded = decode(ArticleKind::Text, b"Caf\xe9 \x93kopi\x94 \x80 5").unwrap();
        assert_eq!(decoded.text, "Café “kopi” € 5");
        assert_eq!(decoded.warnings, vec![Warning::NotUtf8 { path: "a".into(), first_bad_byte: 3 }]);
        assert!(decoded.warnings[0].to_string().contains("not UTF-8"));
    }

    #[test]
    fn titles_are_the_first_line_and_short_even_without_line_breaks() {
        let plain = decode(ArticleKind::Text, "\r\n  “Judul 😀”  \r\nIsi".as_bytes()).unwrap();
        assert_eq!(plain.title.as_deref(), Some("“Judul 😀”"));
        let one_line = format!("“Kami siap,” kata Ana 😀. {}", "Lalu pergi. ".repeat(100_000));
        let decoded = decode(ArticleKind::Text, one_line.as_bytes()).unwrap();
        let title = decoded.title.unwrap();
        assert!(title.starts_with("“Kami siap,” kata Ana 😀.") && title.ends_with('…'), "{title}");
        assert!(title.chars().count() <= TITLE_CHARS + 1);
        let json = format!("{{\"title\": \"{}\", \"text\": \"Isi\"}}", "judul ".repeat(1000));
        assert!(decode(ArticleKind::Json, json.as_bytes()).unwrap().title.unwrap().chars().count() <= TITLE_CHARS + 1);
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(matches!(decode(ArticleKind::Text, b"\x89PNG\r\n\x1a\n\0\0"), Err(DecodeError::Read(_))));
        assert!(matches!(decode(ArticleKind::Text, b""), Err(DecodeError::Empty { .. })));
        assert!(matches!(decode(ArticleKind::Text, b" \r\n\t"), Err(DecodeError::Empty { .. })));
        assert!(matches!(decode(ArticleKind::Html, b"<p> </p>"), Err(DecodeError::Empty { .. })));
    }

    #[test]
    fn json_needs_a_text_field_and_malformed_json_says_where() {
        let ok = decode(ArticleKind::Json, br#"{"title": "Judul", "text": "Isi berita"}"#).unwrap();
        assert_eq!((ok.text.as_str(), ok.title.as_deref()), ("Isi berita", Some("Judul")));
        let error = decode(ArticleKind::Json, b"{\n  \"text\": \"a\",\n  oops\n}").unwrap_err();
        assert!(matches!(error, DecodeError::MalformedJson { line: 3, column: 3, .. }), "{error}");
        assert!(matches!(decode(ArticleKind::Json, br#"{"body": "x"}"#), Err(DecodeError::NoTextField { .. })));
    }

    #[test]
    fn html_is_stripped_to_text_with_line_breaks() {
        let html = "<html><head><title>Judul</title><style>p{color:red}</style></head><body>\
                    <!-- nav --><h1>Putin &amp; Kim</h1><p>&ldquo;Ya,&rdquo; kata <b>Putin</b>.<br>Baris&#160;dua &#x1F600;</p>\
                    <script>var a = '<p>';</script></body></html>";
        // Block elements that close and open make a blank line: a paragraph break.
        assert_eq!(html_to_text(html), "Judul\n\nPutin & Kim\n\n“Ya,” kata Putin.\nBaris\u{a0}dua 😀");
    }

    #[test]
    fn stray_ampersands_and_unclosed_tags_do_not_lose_text() {
        assert_eq!(html_to_text("A & B &unknown; C <b"), "A & B &unknown; C");
    }
}
