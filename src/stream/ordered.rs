//! An order-preserving parallel map over a stream with a bounded window: at most
//! `window` items are between being read and being written, however long the
//! stream, so memory does not grow with the corpus. A slow item holds back
//! reading, never the order of the output.

use std::collections::VecDeque;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, sync_channel, Receiver};
use std::sync::{Condvar, Mutex, PoisonError};

/// How many items may be in flight (read but not yet written).
struct Window {
    size: usize,
    written: Mutex<usize>,
    moved: Condvar,
    stop: AtomicBool,
}

impl Window {
    /// Waits until item `seq` may be read; false when the run is stopping.
    fn admit(&self, seq: usize) -> bool {
        let mut written = self.written.lock().unwrap_or_else(PoisonError::into_inner);
        while seq >= *written + self.size && !self.stop.load(Ordering::Relaxed) {
            written = self.moved.wait(written).unwrap_or_else(PoisonError::into_inner);
        }
        !self.stop.load(Ordering::Relaxed)
    }

    fn advance(&self, written: usize) {
        *self.written.lock().unwrap_or_else(PoisonError::into_inner) = written;
        self.moved.notify_all();
    }

    fn halt(&self) {
        self.stop.store(true, Ordering::Relaxed);
        let _guard = self.written.lock().unwrap_or_else(PoisonError::into_inner);
        self.moved.notify_all();
    }
}

/// Reads items with `next` (until `Ok(None)`), maps each with `work` on `threads`
/// threads and hands the results to `write` in input order. The first error of
/// `next` or `write` stops the run and is returned.
pub fn map_in_order<I, O>(
    mut next: impl FnMut() -> io::Result<Option<I>> + Send,
    threads: usize,
    window: usize,
    work: impl Fn(I) -> O + Sync,
    mut write: impl FnMut(O) -> io::Result<()>,
) -> io::Result<()>
where
    I: Send,
    O: Send,
{
    let window =
        Window { size: window.max(1), written: Mutex::new(0), moved: Condvar::new(), stop: AtomicBool::new(false) };
    let (job_tx, job_rx) = sync_channel::<(usize, I)>(window.size);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = channel::<(usize, O)>();
    std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let mut seq = 0;
            // Dropping `job_tx` at the end tells the workers there is no more.
            let job_tx = job_tx;
            while window.admit(seq) {
                match next() {
                    Ok(Some(item)) => {
                        if job_tx.send((seq, item)).is_err() {
                            return Ok(());
                        }
                        seq += 1;
                    }
                    Ok(None) => return Ok(()),
                    Err(error) => {
                        window.halt();
                        return Err(error);
                    }
                }
            }
            Ok(())
        });
        for _ in 0..threads.max(1) {
            let done_tx = done_tx.clone();
            let (job_rx, work) = (&job_rx, &work);
            scope.spawn(move || {
                while let Some((seq, item)) = take(job_rx) {
                    if done_tx.send((seq, work(item))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let written = write_in_order(&done_rx, &window, &mut write);
        if written.is_err() {
            window.halt();
        }
        // Workers may still be sending; draining lets them finish.
        done_rx.iter().for_each(drop);
        let read = reader.join().unwrap_or_else(|_| Err(io::Error::other("the reading thread failed")));
        read.and(written)
    })
}

fn take<I>(jobs: &Mutex<Receiver<(usize, I)>>) -> Option<(usize, I)> {
    jobs.lock().unwrap_or_else(PoisonError::into_inner).recv().ok()
}

/// Writes results as soon as all earlier ones are written.
fn write_in_order<O>(
    done: &Receiver<(usize, O)>,
    window: &Window,
    write: &mut impl FnMut(O) -> io::Result<()>,
) -> io::Result<()> {
    let mut next = 0;
    let mut pending: VecDeque<Option<O>> = VecDeque::new();
    for (seq, out) in done.iter() {
        let slot = seq - next;
        if pending.len() <= slot {
            pending.resize_with(slot + 1, || None);
        }
        if let Some(place) = pending.get_mut(slot) {
            *place = Some(out);
        }
        while let Some(Some(_)) = pending.front() {
            if let Some(Some(ready)) = pending.pop_front() {
                write(ready)?;
                next += 1;
            }
        }
        window.advance(next);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(n: usize, threads: usize, window: usize) -> (Vec<usize>, usize) {
        let mut source = 0..n;
        let in_flight = std::sync::atomic::AtomicUsize::new(0);
        let peak = std::sync::atomic::AtomicUsize::new(0);
        let mut out = Vec::new();
        map_in_order(
            || Ok(source.next()),
            threads,
            window,
            |i| {
                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                // Uneven work so that later items often finish first.
                std::thread::sleep(std::time::Duration::from_micros(((i * 7919) % 13) as u64 * 50));
                in_flight.fetch_sub(1, Ordering::SeqCst);
                i * 10
            },
            |o| {
                out.push(o);
                Ok(())
            },
        )
        .unwrap();
        (out, peak.into_inner())
    }

    #[test]
    fn results_come_out_in_input_order_on_many_threads() {
        let (out, peak) = run(500, 4, 8);
        assert_eq!(out, (0..500).map(|i| i * 10).collect::<Vec<_>>());
        assert!(peak <= 4, "{peak}");
        assert_eq!(run(0, 4, 8).0, Vec::<usize>::new());
        assert_eq!(run(3, 1, 1).0, vec![0, 10, 20]);
    }

    #[test]
    fn reading_never_runs_more_than_the_window_ahead_of_writing() {
        let read = std::sync::atomic::AtomicUsize::new(0);
        let written = std::sync::atomic::AtomicUsize::new(0);
        let mut ahead = 0;
        map_in_order(
            || {
                let r = read.fetch_add(1, Ordering::SeqCst);
                Ok((r < 200).then_some(r))
            },
            3,
            5,
            |i| i,
            |_| {
                let w = written.fetch_add(1, Ordering::SeqCst) + 1;
                ahead = ahead.max(read.load(Ordering::SeqCst).saturating_sub(w));
                Ok(())
            },
        )
        .unwrap();
        assert!(ahead <= 5 + 1, "read {ahead} items ahead of writing");
    }

    #[test]
    fn a_read_or_write_error_stops_the_run_and_is_returned() {
        let mut n = 0;
        let read_error = map_in_order(
            || {
                n += 1;
                if n > 50 {
                    Err(io::Error::other("disk gone"))
                } else {
                    Ok(Some(n))
                }
            },
            2,
            4,
            |i| i,
            |_| Ok(()),
        );
        assert_eq!(read_error.unwrap_err().to_string(), "disk gone");
        let mut source = 0..10_000;
        let write_error = map_in_order(
            || Ok(source.next()),
            2,
            4,
            |i| i,
            |i| if i == 20 { Err(io::Error::other("pipe closed")) } else { Ok(()) },
        );
        assert_eq!(write_error.unwrap_err().to_string(), "pipe closed");
    }
}
