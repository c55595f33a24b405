//! Loading many files on every core: workers take the next file from a shared counter and send
//! what they made through a bounded queue; the caller's thread receives and hands the results on
//! in file order, so the outcome is the same as loading one file after the other.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// How many results each worker may have waiting in the queue before it stops to let the
/// receiving thread catch up.
const QUEUE_PER_WORKER: usize = 4;

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
    let (sender, receiver) = mpsc::sync_channel::<(usize, R)>(threads * QUEUE_PER_WORKER);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(index) else { break };
                    if sender.send((index, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        for (index, result) in receiver {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&due) {
                each(due, result);
                due += 1;
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
    fn no_items_calls_nothing() {
        let mut calls = 0;
        map_ordered(&[] as &[u8], 4, |_| (), |_, ()| calls += 1);
        assert_eq!(calls, 0);
    }
}
