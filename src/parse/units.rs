//! Units (`%`, `亿元`, `万人`) held once: an indicator table names a unit in nearly every row
//! and cell, and a few units make up nearly all of them, so each would otherwise be a small
//! allocation of its own, hundreds of thousands of them in a big table corpus.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::Arc;

/// The most units one thread keeps to share; a unit read after them gets a copy of its own.
const MAX_SHARED: usize = 256;

/// The longest unit kept to share, in bytes: a longer one is rare (a cell's words).
const MAX_LEN: usize = 32;

thread_local! {
    /// The units read on this thread, each held once.
    static SHARED: RefCell<HashSet<Arc<str>>> = RefCell::new(HashSet::new());
}

/// `unit` as the one copy shared by the equal units read on this thread (while there are no
/// more than [`MAX_SHARED`] of them; else a copy of its own).
pub(crate) fn shared_unit(unit: &str) -> Arc<str> {
    if unit.len() > MAX_LEN {
        return Arc::from(unit);
    }
    SHARED.with(|shared| {
        let mut shared = shared.borrow_mut();
        if let Some(known) = shared.get(unit) {
            return Arc::clone(known);
        }
        let new: Arc<str> = Arc::from(unit);
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
    fn equal_units_share_one_copy() {
        let (first, second) = (shared_unit("亿元"), shared_unit(&String::from("亿元")));
        assert!(Arc::ptr_eq(&first, &second));
        assert_eq!(&*first, "亿元");
        assert!(!Arc::ptr_eq(&shared_unit("%"), &first));
    }

    #[test]
    fn a_long_text_is_not_kept() {
        let long = "很长的一段文字不会被当作单位保存下来";
        assert!(!Arc::ptr_eq(&shared_unit(long), &shared_unit(long)));
    }
}
