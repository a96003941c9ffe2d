//! Reading an article file into text, with a clear error for anything that is
//! not a UTF-8 text of reasonable size.

use std::path::{Path, PathBuf};

/// Articles larger than this are refused rather than freezing the app.
pub const MAX_ARTICLE_BYTES: u64 = 32 * 1024 * 1024;

const UTF8_BOM: &str = "\u{feff}";

#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path} is {size} bytes; articles over {limit} bytes are not opened")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path} looks like a binary file (it contains NUL bytes), not a text article")]
    Binary { path: PathBuf },
    #[error("{path} is not valid UTF-8 (first bad byte at offset {offset}); re-save it as UTF-8 (it may be Windows-1252 or Latin-1)")]
    NotUtf8 { path: PathBuf, offset: usize },
}

/// Reads an article: UTF-8, a leading BOM stripped, line endings kept as they
/// are so that offsets stay true to the file.
pub fn read_article(path: &Path) -> Result<String, ArticleError> {
    text_from_bytes(path, read_article_bytes(path)?)
}

/// The bytes of an article file, refused before reading when over the size limit.
pub fn read_article_bytes(path: &Path) -> Result<Vec<u8>, ArticleError> {
    let io = |source| ArticleError::Io { path: path.to_owned(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge { path: path.to_owned(), size, limit: MAX_ARTICLE_BYTES });
    }
    std::fs::read(path).map_err(io)
}

/// Refuses bytes that hold a NUL: no text article does, nearly every binary file does.
pub fn refuse_binary(path: &Path, bytes: &[u8]) -> Result<(), ArticleError> {
    if bytes.contains(&0) {
        return Err(ArticleError::Binary { path: path.to_owned() });
    }
    Ok(())
}

/// `text` without a leading UTF-8 byte order mark.
pub fn strip_bom(text: String) -> String {
    match text.strip_prefix(UTF8_BOM) {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, ArticleError> {
    refuse_binary(path, &bytes)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| ArticleError::NotUtf8 { path: path.to_owned(), offset: e.utf8_error().valid_up_to() })?;
    Ok(strip_bom(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<String, ArticleError> {
        text_from_bytes(Path::new("a.txt"), bytes.to_vec())
    }

    #[test]
    fn keeps_crlf_curly_quotes_and_emoji_and_strips_bom() {
        let text = "“Ya 😀,” kata Ana.\r\nBaris dua\r\n";
        assert_eq!(read(text.as_bytes()).unwrap(), text);
        let with_bom = [UTF8_BOM.as_bytes(), text.as_bytes()].concat();
        assert_eq!(read(&with_bom).unwrap(), text);
    }

    #[test]
    fn windows_1252_is_refused_with_the_offset() {
        // "caf\xe9" is "café" in Windows-1252
        let error = read(b"caf\xe9 au lait").unwrap_err();
        assert!(matches!(error, ArticleError::NotUtf8 { offset: 3, .. }));
        assert!(error.to_string().contains("Windows-1252"));
    }

    #[test]
    fn binary_and_missing_files_are_refused() {
        assert!(matches!(read(b"\x89PNG\r\n\x1a\n\0\0"), Err(ArticleError::Binary { .. })));
        let missing = read_article(Path::new("/nonexistent/sorot/article.txt")).unwrap_err();
        assert!(matches!(missing, ArticleError::Io { .. }));
        assert!(missing.to_string().contains("/nonexistent/sorot/article.txt"));
    }

    #[test]
    fn huge_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.txt");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_ARTICLE_BYTES + 1).unwrap(); // sparse: costs no disk
        assert!(matches!(read_article(&path), Err(ArticleError::TooLarge { .. })));
    }
}
