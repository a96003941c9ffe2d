//! One app per project at a time: `.sorot/lock` names the holder (pid, host,
//! since when). A second app sees it and opens the project read-only, saying who
//! holds it; a lock left by a process that is gone (same host, pid not running)
//! is taken over. The file is created with all its content at once (a hard
//! link of a finished temp file), so no one ever reads half a lock.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::clock::now_rfc3339;
use super::layout::Layout;

/// Who holds a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockInfo {
    pub pid: u32,
    pub host: String,
    /// RFC 3339 UTC.
    pub since: String,
}

impl std::fmt::Display for LockInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Sorot (process {}) on {} since {}", self.pid, self.host, self.since)
    }
}

/// A held lock; dropping it removes the lock file.
#[derive(Debug)]
pub struct ProjectLock {
    path: PathBuf,
    info: LockInfo,
}

impl ProjectLock {
    pub fn info(&self) -> &LockInfo {
        &self.info
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Only our own lock is removed: another instance may have taken over a
        // lock it judged stale.
        if read_lock(&self.path).as_ref() == Some(&self.info) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[derive(Debug)]
pub enum LockOutcome {
    Acquired(ProjectLock),
    /// Another live Sorot holds the project: open it read-only.
    HeldBy(LockInfo),
}

#[derive(Debug, thiserror::Error)]
#[error("cannot lock the project at {path}: {source}")]
pub struct LockError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// Takes the project's lock for this process.
pub fn acquire(layout: &Layout) -> Result<LockOutcome, LockError> {
    acquire_as(layout, LockInfo { pid: std::process::id(), host: this_host(), since: now_rfc3339() })
}

/// Takes the lock as `me` (tests pose as other processes this way).
pub fn acquire_as(layout: &Layout, me: LockInfo) -> Result<LockOutcome, LockError> {
    let path = layout.lock_path();
    let error = |source| LockError { path: path.clone(), source };
    std::fs::create_dir_all(layout.dot_dir()).map_err(error)?;
    // Two tries: the second after removing a stale lock.
    for _ in 0..2 {
        if create_lock(&path, &me).map_err(error)? {
            return Ok(LockOutcome::Acquired(ProjectLock { path, info: me }));
        }
        match read_lock(&path) {
            Some(holder) if !is_stale(&holder, &me) => return Ok(LockOutcome::HeldBy(holder)),
            // Stale or unreadable (a crash mid-write cannot happen, see the module docs).
            _ => std::fs::remove_file(&path).or_else(ignore_not_found).map_err(error)?,
        }
    }
    match read_lock(&path) {
        Some(holder) => Ok(LockOutcome::HeldBy(holder)),
        None => Err(error(std::io::Error::other("the lock file keeps changing"))),
    }
}

/// Creates the lock file with `info` unless it exists; `Ok(false)` if it does.
fn create_lock(path: &std::path::Path, info: &LockInfo) -> std::io::Result<bool> {
    let folder = path.parent().unwrap_or(std::path::Path::new("."));
    let temp = tempfile::Builder::new().prefix(".lock-").tempfile_in(folder)?;
    let json = serde_json::to_vec_pretty(info).map_err(std::io::Error::other)?;
    std::fs::write(temp.path(), json)?;
    match std::fs::hard_link(temp.path(), path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}

fn read_lock(path: &std::path::Path) -> Option<LockInfo> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

fn ignore_not_found(error: std::io::Error) -> std::io::Result<()> {
    if error.kind() == std::io::ErrorKind::NotFound {
        Ok(())
    } else {
        Err(error)
    }
}

/// A lock on this host whose process is gone. Locks of other hosts are never
/// judged stale: their processes cannot be seen from here.
fn is_stale(holder: &LockInfo, me: &LockInfo) -> bool {
    holder.host == me.host && holder.pid != me.pid && !process_alive(holder.pid)
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32) -> bool {
    std::path::Path::new(&format!("/proc/{pid}")).exists()
}

/// Without /proc there is no portable check without unsafe code: assume alive,
/// and the annotator removes a stale lock by hand (the message names the file).
#[cfg(not(target_os = "linux"))]
fn process_alive(_pid: u32) -> bool {
    true
}

pub fn this_host() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn someone(pid: u32) -> LockInfo {
        LockInfo { pid, host: this_host(), since: "2024-05-01T09:30:00Z".into() }
    }

    #[test]
    fn a_second_instance_sees_the_holder_and_the_lock_goes_with_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let LockOutcome::Acquired(lock) = acquire(&layout).unwrap() else { panic!("first must acquire") };
        // A live process (this one) posing as a second instance with another pid.
        let LockOutcome::HeldBy(holder) = acquire_as(&layout, someone(1)).unwrap() else { panic!("must be held") };
        assert_eq!(holder.pid, std::process::id());
        assert!(holder.to_string().contains(&this_host()));
        drop(lock);
        assert!(!layout.lock_path().exists());
        assert!(matches!(acquire_as(&layout, someone(1)).unwrap(), LockOutcome::Acquired(_)));
    }

    #[test]
    fn a_lock_of_a_dead_process_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        // Above Linux's largest pid_max (2^22): no such process can exist.
        let LockOutcome::Acquired(dead) = acquire_as(&layout, someone(4_194_305)).unwrap() else { panic!() };
        std::mem::forget(dead); // the process "crashed": its lock stays behind
        let LockOutcome::Acquired(lock) = acquire(&layout).unwrap() else { panic!("stale lock must be taken over") };
        assert_eq!(lock.info().pid, std::process::id());
    }

    #[test]
    fn a_lock_from_another_host_is_respected() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::new(dir.path());
        let other = LockInfo { host: "elsewhere".into(), ..someone(4_194_305) };
        let LockOutcome::Acquired(held) = acquire_as(&layout, other).unwrap() else { panic!() };
        std::mem::forget(held);
        assert!(matches!(acquire(&layout).unwrap(), LockOutcome::HeldBy(h) if h.host == "elsewhere"));
    }
}
