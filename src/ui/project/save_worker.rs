//! Autosave off the UI thread: the shell hands over a snapshot of the
//! annotations (a clone of the document, which shares its text and span
//! lists copy-on-write, so taking it costs reference counts) and goes on; one
//! worker thread writes snapshots in the order given (so an older one never
//! lands over a newer one) and reports back.

use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver, Sender};

use crate::session::Snapshot;

/// A finished write: which file, at which history state, and how it went.
#[derive(Debug)]
pub struct Written {
    pub path: PathBuf,
    pub revision: u64,
    pub result: Result<(), String>,
}

pub struct SaveWorker {
    snapshots: Option<Sender<Snapshot>>,
    written: Receiver<Written>,
    in_flight: usize,
}

impl SaveWorker {
    /// Starts the worker; `wake` is called after each write so the UI polls.
    pub fn start(wake: impl Fn() + Send + 'static) -> Self {
        let (snapshots, todo) = channel::<Snapshot>();
        let (report, written) = channel();
        std::thread::spawn(move || {
            yield_to_the_ui();
            for snapshot in todo {
                let result = snapshot.write().map_err(|e| e.to_string());
                let Snapshot { document, path, revision } = snapshot;
                // Let go of the lists shared with the open document before
                // reporting: an edit made after the report changes them in
                // place instead of copying them away from this snapshot.
                drop(document);
                let done = Written { path, revision, result };
                if report.send(done).is_err() {
                    return;
                }
                wake();
            }
        });
        Self { snapshots: Some(snapshots), written, in_flight: 0 }
    }

    /// Queues `snapshot` for writing.
    pub fn save(&mut self, snapshot: Snapshot) -> Result<(), String> {
        let sender = self.snapshots.as_ref().ok_or("the save worker has stopped")?;
        sender.send(snapshot).map_err(|_| "the save worker has stopped".to_owned())?;
        self.in_flight += 1;
        Ok(())
    }

    /// Writes finished since the last call.
    pub fn poll(&mut self) -> Vec<Written> {
        let written: Vec<Written> = self.written.try_iter().collect();
        self.in_flight -= written.len().min(self.in_flight);
        written
    }

    /// Waits for every queued write (before a save on the UI thread, which
    /// must land after them, and before closing).
    pub fn finish(&mut self) -> Vec<Written> {
        let mut written = Vec::new();
        while self.in_flight > 0 {
            match self.written.recv() {
                Ok(done) => {
                    self.in_flight -= 1;
                    written.push(done);
                }
                Err(_) => break,
            }
        }
        written
    }

    pub fn is_idle(&self) -> bool {
        self.in_flight == 0
    }
}

/// Lowers the calling thread's scheduling priority, so that a save never
/// takes the CPU from the UI thread: woken by a snapshot, a worker of equal
/// priority preempts the frame that handed it over on a busy machine
/// (measured: 4.5 ms added to that frame on a loaded 2-core machine).
#[cfg(target_os = "linux")]
fn yield_to_the_ui() {
    // SAFETY: setpriority only reads its integer arguments; on Linux the nice
    // value is per thread, and `gettid` names this one.
    let _ = unsafe { libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 19) };
}

#[cfg(not(target_os = "linux"))]
fn yield_to_the_ui() {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    #[test]
    fn snapshots_are_written_in_order_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt.sorot.json");
        let mut worker = SaveWorker::start(|| {});
        for (revision, text) in [(1, "“Satu 😀”\r\n"), (2, "“Dua 😀”\r\n")] {
            let document = Document::new(text.into(), None);
            worker.save(Snapshot { document, path: path.clone(), revision }).unwrap();
        }
        let written = worker.finish();
        assert_eq!(written.iter().map(|w| w.revision).collect::<Vec<_>>(), [1, 2]);
        assert!(written.iter().all(|w| w.result.is_ok()));
        assert!(worker.is_idle());
        let saved = crate::store::load_annotations(&path).unwrap();
        assert_eq!(saved.text, "“Dua 😀”\r\n", "the newer snapshot is the one on disk");
    }
}
