//! Fitting a table to a terminal's width: the widths its columns get, and which columns are left
//! out when even cut free text does not make the table fit.
//!
//! Free-text columns (names, captions, progress, values written as text) shrink, the widest
//! first (their cells are then cut with `…` by the table writer). Other columns are never cut
//! (file paths, line numbers and numbers are printed whole, so they can be copied). Columns that
//! a listing marks as optional are left out, the lowest rank first, while the table would not
//! fit with its free text at [`COMFORTABLE_TEXT`] columns; the caller names them. What is left
//! then shrinks down to [`MIN_TEXT`] columns a free-text column if need be.

/// Columns between two cells.
pub const GAP: usize = 2;

/// The narrowest a free-text column is cut to (unless its cells are narrower).
pub const MIN_TEXT: usize = 6;

/// Optional columns are left out rather than free text cut below this width.
pub const COMFORTABLE_TEXT: usize = 16;

/// One column as the fitter sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Want {
    /// The width of its widest cell or header.
    pub natural: usize,
    /// Whether its cells may be cut with `…`.
    pub free_text: bool,
    /// Left out when the table does not fit, lowest rank first; `None`: always shown.
    pub leave_out: Option<u8>,
}

/// The width of each column within `width` columns in all, or `None` for a column left out.
/// When even the narrowest table does not fit (the columns that are always shown are wider than
/// `width`), every free-text column gets its narrowest width and the lines run over.
pub fn fit(columns: &[Want], width: usize) -> Vec<Option<usize>> {
    let mut shown = vec![true; columns.len()];
    while total(columns, &shown, |c| capped(c, COMFORTABLE_TEXT)) > width {
        let lowest = columns.iter().zip(&shown).filter(|&(_, &s)| s).filter_map(|(c, _)| c.leave_out).min();
        let Some(lowest) = lowest else { break };
        for (column, shown) in columns.iter().zip(shown.iter_mut()) {
            *shown &= column.leave_out != Some(lowest);
        }
    }
    let cap = largest_cap(columns, &shown, width);
    let mut widths: Vec<Option<usize>> =
        columns.iter().zip(&shown).map(|(column, &shown)| shown.then(|| capped(column, cap))).collect();
    // Columns left narrower than their cells share what the cap leaves unused, one each.
    let mut spare = width.saturating_sub(total(columns, &shown, |c| capped(c, cap)));
    for (column, slot) in columns.iter().zip(widths.iter_mut()) {
        if let Some(w) = slot.as_mut()
            && *w < column.natural
            && spare > 0
        {
            *w += 1;
            spare -= 1;
        }
    }
    widths
}

/// The narrowest a column may be.
fn floor(column: &Want) -> usize {
    match column.free_text {
        true => column.natural.min(MIN_TEXT),
        false => column.natural,
    }
}

/// The column's width when free-text columns are capped at `cap` (never below its floor).
fn capped(column: &Want, cap: usize) -> usize {
    match column.free_text {
        true => column.natural.min(cap).max(floor(column)),
        false => column.natural,
    }
}

/// The table's width: the shown columns' widths by `width_of`, with the gaps between them.
fn total(columns: &[Want], shown: &[bool], width_of: impl Fn(&Want) -> usize) -> usize {
    let widths: Vec<usize> =
        columns.iter().zip(shown).filter(|&(_, &s)| s).map(|(c, _)| width_of(c)).collect();
    widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1)
}

/// The largest cap on free-text columns with which the shown columns fit `width` (0 when none
/// does: every free-text column at its floor).
fn largest_cap(columns: &[Want], shown: &[bool], width: usize) -> usize {
    let widest = columns.iter().map(|c| c.natural).max().unwrap_or(0);
    let (mut low, mut high) = (0, widest);
    while low < high {
        let middle = (low + high).div_ceil(2);
        match total(columns, shown, |c| capped(c, middle)) <= width {
            true => low = middle,
            false => high = middle - 1,
        }
    }
    low
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn text(natural: usize) -> Want {
        Want { natural, free_text: true, leave_out: None }
    }

    const fn whole(natural: usize, leave_out: Option<u8>) -> Want {
        Want { natural, free_text: false, leave_out }
    }

    #[test]
    fn a_table_that_fits_keeps_its_widths() {
        assert_eq!(fit(&[text(10), whole(5, None)], 17), [Some(10), Some(5)]);
    }

    #[test]
    fn the_widest_free_text_shrinks_first_and_whole_columns_never() {
        // 30 + 20 + 6 + gaps 4 = 60, to fit in 50: the cap is 20, then 30 shrinks to 20.
        assert_eq!(fit(&[text(30), text(20), whole(6, None)], 50), [Some(20), Some(20), Some(6)]);
        // In 40: both at 15.
        assert_eq!(fit(&[text(30), text(20), whole(6, None)], 40), [Some(15), Some(15), Some(6)]);
        // What a cap leaves over goes to the cut columns.
        assert_eq!(fit(&[text(30), text(20), whole(6, None)], 41), [Some(16), Some(15), Some(6)]);
    }

    #[test]
    fn optional_columns_are_left_out_lowest_rank_first_when_cutting_is_not_enough() {
        let columns = [text(30), whole(20, Some(2)), whole(10, Some(1)), whole(4, None)];
        // At a comfortable 16: 16 + 20 + 10 + 4 + gaps 6 = 56.
        assert_eq!(fit(&columns, 56), [Some(16), Some(20), Some(10), Some(4)]);
        assert_eq!(fit(&columns, 55), [Some(27), Some(20), None, Some(4)]);
        assert_eq!(fit(&columns, 30), [Some(24), None, None, Some(4)]);
        // Below the comfortable width, with nothing more to leave out, down to the floor.
        assert_eq!(fit(&columns, 14), [Some(8), None, None, Some(4)]);
        // Nothing more to leave out: free text at its floor, the line runs over.
        assert_eq!(fit(&columns, 5), [Some(6), None, None, Some(4)]);
    }
}
