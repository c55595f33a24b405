//! Tables printed in halves side by side: a narrow table of many rows laid out as two (or
//! more) blocks across the page, each block under the same column titles (`指标 | 单位 | 目标 |
//! 完成 | 指标 | 单位 | 目标 | 完成`). Such a table is one table: its blocks are read one under
//! the other, left block first, as its reader would read down each block in turn.

use crate::grid::Grid;
use crate::parse::table::header::{Header, Role};

/// The grid with its side-by-side blocks stacked, when its header's columns repeat in blocks
/// of the same titles, each naming a name and a target column. `None` for any other table.
pub(crate) fn unfold(grid: &Grid, header: &Header) -> Option<Grid> {
    let width = header.width();
    let block =
        (2..=width / 2).find(|&block| width.is_multiple_of(block) && repeats_in_blocks(header, block))?;
    let first = &header.columns[..block];
    if !first.iter().any(|c| c.role == Role::Name) || !first.iter().any(|c| c.role == Role::Target) {
        return None;
    }
    let blocks = (block..width)
        .step_by(block)
        .map(|start| grid.column_slice(start..start + block).rows_from(header.rows));
    Some(blocks.fold(grid.column_slice(0..block), |above, below| above.stacked(&below)))
}

/// Whether every block of `block` columns has the titles of the first block.
fn repeats_in_blocks(header: &Header, block: usize) -> bool {
    let first = &header.columns[..block];
    header
        .columns
        .chunks(block)
        .skip(1)
        .all(|other| other.iter().zip(first).all(|(a, b)| a.title == b.title && a.sub == b.sub))
        && first.iter().any(|c| !c.title.is_empty())
}
