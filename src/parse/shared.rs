//! Short texts that repeat from row to row of indicator tables, held once: units (`%`, `亿元`,
//! `万人`), which nearly every row and cell names and of which a few make up nearly all, and
//! 序号 cells (`1`, `2`, `（三）`). Each would otherwise be a small allocation of its own,
//! hundreds of thousands of them in a big table corpus.

use crate::hashing::NameSet;
use std::cell::RefCell;
use std::sync::Arc;

/// The most texts one thread keeps to share; a text read after them gets a copy of its own.
const MAX_SHARED: usize = 256;

/// The longest text kept to share, in bytes: a longer unit is rare (a cell's words).
const MAX_LEN: usize = 32;

thread_local! {
    /// The texts shared on this thread, each held once (hashed by [`crate::hashing::NameHasher`]:
    /// one xxh3 call for a short text, where SipHash takes several rounds).
    static SHARED: RefCell<NameSet<Arc<str>>> = RefCell::new(NameSet::default());
}

/// `text` (a unit, a 序号) as the one copy shared by the equal texts read on this thread
/// (while there are no more than [`MAX_SHARED`] of them; else a copy of its own).
pub(crate) fn shared_text(text: &str) -> Arc<str> {
    if text.len() > MAX_LEN {
        return Arc::from(text);
    }
    SHARED.with(|shared| {
        let mut shared = shared.borrow_mut();
        if let Some(known) = shared.get(text) {
            return Arc::clone(known);
        }
        let new: Arc<str> = Arc::from(text);
        if shared.len() < MAX_SHARED {
            shared.insert(Arc::clone(&new));
        }
        new
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_copy() {
        let (first, second) = (shared_text("亿元"), shared_text(&String::from("亿元")));
        assert!(Arc::ptr_eq(&first, &second));
        assert_eq!(&*first, "亿元");
        assert!(!Arc::ptr_eq(&shared_text("%"), &first));
    }

    #[test]
    fn a_long_text_is_not_kept() {
        let long = "很长的一段文字不会被当作单位保存下来";
        assert!(!Arc::ptr_eq(&shared_text(long), &shared_text(long)));
    }
}
