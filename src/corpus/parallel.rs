//! Loading many files on every core: workers take the next few files from a shared counter and
//! send what they made, a run of files at a time, through a bounded queue; the caller's thread
//! receives and hands the results on in file order, so the outcome is the same as loading one
//! file after the other.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// How many runs of results each worker may have waiting in the queue before it stops to let
/// the receiving thread catch up.
const QUEUE_PER_WORKER: usize = 4;

/// The most items a worker takes at once. A cached report takes a tenth of a millisecond, about
/// what sending it and waking the receiving thread costs; taking them in runs makes that cost
/// once per run.
const MOST_AT_ONCE: usize = 16;

/// How many items a worker takes when `left` are left for `threads` workers: a share small
/// enough that all finish together (a quarter of an even share), at least one and at most
/// [`MOST_AT_ONCE`].
fn run_length(left: usize, threads: usize) -> usize {
    (left / (threads * 4)).clamp(1, MOST_AT_ONCE)
}

/// Applies `work` to every item on `threads` worker threads and calls `each(index, result)` on
/// the calling thread for every item, in index order. `threads` of 0 or 1 works on the calling
/// thread alone.
pub fn map_ordered<T, R, W, E>(items: &[T], threads: usize, work: W, mut each: E)
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    E: FnMut(usize, R),
{
    let threads = threads.min(items.len());
    if threads <= 1 {
        items.iter().enumerate().for_each(|(index, item)| each(index, work(item)));
        return;
    }
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::sync_channel::<(usize, Vec<R>)>(threads * QUEUE_PER_WORKER);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || {
                loop {
                    // Another worker may take items between the two reads: the run is then
                    // shorter than asked or empty, never shared.
                    let length =
                        run_length(items.len().saturating_sub(next.load(Ordering::Relaxed)), threads);
                    let start = next.fetch_add(length, Ordering::Relaxed);
                    let Some(run) = items.get(start..(start + length).min(items.len())) else { break };
                    if run.is_empty() || sender.send((start, run.iter().map(work).collect())).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        for (start, results) in receiver {
            waiting.insert(start, results);
            while let Some(results) = waiting.remove(&due) {
                for result in results {
                    each(due, result);
                    due += 1;
                }
            }
        }
    });
}

/// The number of worker threads to load with: one per core.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_item_order_whatever_the_threads() {
        let items: Vec<u64> = (0..500).collect();
        // Uneven work, so that workers finish out of order.
        let work = |n: &u64| {
            if n.is_multiple_of(7) {
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
            n * n
        };
        let mut serial = Vec::new();
        map_ordered(&items, 1, work, |i, r| serial.push((i, r)));
        for threads in [2, 3, 8] {
            let mut parallel = Vec::new();
            map_ordered(&items, threads, work, |i, r| parallel.push((i, r)));
            assert_eq!(parallel, serial, "{threads} threads");
        }
        assert_eq!(serial[10], (10, 100));
    }

    #[test]
    fn runs_shrink_as_items_run_out_and_stay_between_one_and_the_most() {
        assert_eq!(run_length(2000, 2), MOST_AT_ONCE);
        assert_eq!(run_length(40, 2), 5);
        assert_eq!(run_length(3, 2), 1);
        assert_eq!(run_length(0, 2), 1);
    }

    #[test]
    fn every_item_is_worked_once_when_runs_are_taken() {
        let items: Vec<usize> = (0..1000).collect();
        let worked = std::sync::Mutex::new(vec![0u32; items.len()]);
        let mut seen = Vec::new();
        map_ordered(
            &items,
            3,
            |&n| {
                worked.lock().expect("not poisoned")[n] += 1;
                n
            },
            |i, n| seen.push((i, n)),
        );
        assert!(worked.into_inner().expect("not poisoned").iter().all(|&times| times == 1));
        assert_eq!(seen, items.iter().map(|&n| (n, n)).collect::<Vec<_>>());
    }

    #[test]
    fn no_items_calls_nothing() {
        let mut calls = 0;
        map_ordered(&[] as &[u8], 4, |_| (), |_, ()| calls += 1);
        assert_eq!(calls, 0);
    }
}
