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
    #[error("{path} is {encoding} text, not UTF-8; re-save it as UTF-8")]
    Utf16 { path: PathBuf, encoding: &'static str },
    #[error("{path} is {kind}, not a regular file: not read (reading it could wait forever)")]
    NotRegularFile { path: PathBuf, kind: &'static str },
    #[error("{path} is not valid UTF-8 (first bad byte at offset {offset}); re-save it as UTF-8 (it may be Windows-1252 or Latin-1)")]
    NotUtf8 { path: PathBuf, offset: usize },
}

/// Reads an article: UTF-8, a leading BOM stripped, line endings kept as they
/// are so that offsets stay true to the file.
pub fn read_article(path: &Path) -> Result<String, ArticleError> {
    text_from_bytes(path, read_article_bytes(path)?)
}

/// The bytes of an article file, refused before reading when over the size
/// limit or when it is not a regular file (a FIFO would block the read forever).
pub fn read_article_bytes(path: &Path) -> Result<Vec<u8>, ArticleError> {
    let io = |source| ArticleError::Io { path: path.to_owned(), source };
    let size = regular_file_size(path)?;
    if size > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge { path: path.to_owned(), size, limit: MAX_ARTICLE_BYTES });
    }
    std::fs::read(path).map_err(io)
}

/// The size of `path` if it is a regular file (symlinks followed); FIFOs,
/// sockets, devices and folders are refused before anything opens them,
/// since opening a FIFO for reading waits for a writer that may never come.
pub fn regular_file_size(path: &Path) -> Result<u64, ArticleError> {
    let metadata = std::fs::metadata(path).map_err(|source| ArticleError::Io { path: path.to_owned(), source })?;
    match special_kind(&metadata.file_type()) {
        Some(kind) => Err(ArticleError::NotRegularFile { path: path.to_owned(), kind }),
        None => Ok(metadata.len()),
    }
}

/// What a file that is not a regular one is, in words; `None` for a regular file.
pub fn special_kind(file_type: &std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// `UTF-16LE` / `UTF-16BE` when `bytes` look like UTF-16 text: a UTF-16 byte
/// order mark, or NUL bytes in every other position as ASCII text in UTF-16 has.
pub fn utf16_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xff, 0xfe, ..] => return Some("UTF-16LE"),
        [0xfe, 0xff, ..] => return Some("UTF-16BE"),
        _ => {}
    }
    let sample = bytes.get(..bytes.len().min(4096) & !1).unwrap_or_default();
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let nul_at = |parity: usize| sample.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (nul_at(0), nul_at(1));
    // Latin-script UTF-16: one byte of most pairs NUL, the other almost never
    // (binary files have NULs at both parities).
    if odd * 2 >= pairs && even * 20 <= pairs {
        Some("UTF-16LE")
    } else if even * 2 >= pairs && odd * 20 <= pairs {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// Refuses bytes that hold a NUL: no text article does, nearly every binary
/// file does. UTF-16 text (which has NULs too) is named as such.
pub fn refuse_binary(path: &Path, bytes: &[u8]) -> Result<(), ArticleError> {
    if let Some(encoding) = utf16_encoding(bytes) {
        return Err(ArticleError::Utf16 { path: path.to_owned(), encoding });
    }
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
    fn utf16_is_named_not_called_binary() {
        let text = "“Ya 😀,” kata Ana.\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let with_bom = [&[0xff, 0xfe][..], &le].concat();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE"), (with_bom, "UTF-16LE")] {
            let error = read(&bytes).unwrap_err();
            assert!(matches!(error, ArticleError::Utf16 { .. }), "{error}");
            assert!(error.to_string().contains(&format!("{name} text, not UTF-8")), "{error}");
        }
        assert!(matches!(read(b"\x89PNG\r\n\x1a\n\0\0\x01\x02"), Err(ArticleError::Binary { .. })));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let error = read_article(&fifo).unwrap_err();
        assert!(matches!(error, ArticleError::NotRegularFile { .. }), "{error}");
        assert!(error.to_string().contains("FIFO"), "{error}");
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
