//! Atomic file replacement: a reader (or a crash) sees the old file or the new
//! one, never half of each.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to a temporary file in `path`'s folder, flushes it to disk and
/// renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    written_temp(path, bytes, true)?.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// [`write_atomically`] of content made piece by piece, without the flush to
/// disk: `write` fills a buffered temporary file beside `path`, which then
/// replaces `path`, so a large output is never held whole in memory. Readers
/// still see the old file or the new one, but a power cut may lose it: for
/// regenerable output written in bulk, made durable once at the end (see
/// `store::batch`). If `write` fails, `path` is left as it was and the
/// temporary file is removed.
pub fn write_atomically_unsynced_with<E: From<std::io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<tempfile::NamedTempFile>) -> Result<(), E>,
) -> Result<(), E> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, temp_beside(path)?);
    write(&mut out)?;
    let temp = out.into_inner().map_err(|e| e.into_error())?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Like [`write_atomically`], but only if `path` does not exist yet: the check
/// and the write are one step (a hard link), so a file someone writes in the
/// meantime is never replaced. `Ok(false)` when `path` was already there.
pub fn write_new_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    match written_temp(path, bytes, true)?.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e.error),
    }
}

/// [`write_new_atomically`] without the flush to disk: still never replaces a
/// file written meanwhile, but a power cut may lose the new one. For
/// regenerable output written in bulk and made durable once at the end.
pub fn write_new_atomically_unsynced(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    match written_temp(path, bytes, false)?.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e.error),
    }
}

/// `bytes` in a temporary file beside `path`, flushed to disk if `durable`.
fn written_temp(path: &Path, bytes: &[u8], durable: bool) -> std::io::Result<tempfile::NamedTempFile> {
    let mut temp = temp_beside(path)?;
    temp.write_all(bytes)?;
    if durable {
        temp.as_file().sync_all()?;
    }
    Ok(temp)
}

/// An empty temporary file in `path`'s folder.
fn temp_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".sorot-").suffix(".tmp");
    // A temporary file is private (0600), but the file it becomes belongs to a
    // project others may share (a team's network drive): it gets the mode any
    // editor's new file gets, 0666 less the user's umask.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder.tempfile_in(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn a_written_file_is_readable_by_others_as_the_umask_allows() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a 😀.json");
        write_atomically(&path, "“x”\r\n".as_bytes()).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let umask = status.lines().find_map(|l| l.strip_prefix("Umask:")).unwrap().trim();
        let umask = u32::from_str_radix(umask, 8).unwrap();
        assert_eq!(mode, 0o666 & !umask, "mode {mode:o}, umask {umask:o}");
    }

    #[test]
    fn replaces_whole_file_and_leaves_no_temp_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomically(&path, b"first, longer content").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn content_written_piece_by_piece_replaces_the_file_and_a_failure_keeps_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a 😀.json");
        write_atomically(&path, b"old").unwrap();
        let failed: std::io::Result<()> = write_atomically_unsynced_with(&path, |out| {
            out.write_all("“half”".as_bytes())?;
            Err(std::io::Error::other("stopped"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        write_atomically_unsynced_with(&path, |out| {
            out.write_all("“new”\r\n".as_bytes())?;
            out.write_all(b"tail")
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "“new”\r\ntail");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no temp file left behind: {names:?}");
    }

    #[test]
    fn a_new_file_never_replaces_one_written_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        assert!(write_new_atomically(&path, b"first").unwrap());
        assert!(!write_new_atomically(&path, b"second").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no temp file left behind: {names:?}");
    }
}
