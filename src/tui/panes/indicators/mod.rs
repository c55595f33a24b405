//! The indicator table: the selected report's table with columns 类别 指标 单位 目标 完成 状态 差距,
//! rows coloured and marked by status, binding rows marked `*`, sub-rows indented, filtered and
//! sorted. Cells are formatted once per data change ([`IndicatorGrid::build`]); drawing only fits
//! the visible cells to their columns. The name column stays in place when the table is scrolled
//! sideways.

//!
//! One job per file: [`columns`] (the columns and how a cell reads), [`order`] (filter and sort),
//! [`grid`] (formatting the rows once and sizing the columns), [`draw`] (drawing the visible
//! part), [`copy`] (rows as TSV for the clipboard).

mod columns;
mod copy;
mod draw;
mod grid;
mod order;

pub use columns::{Column, format_gap, status_label};
pub use copy::{tsv_header, tsv_row};
pub use draw::{GridView, Hidden, render_grid};
pub use grid::{GridColumn, GridRow, IndicatorGrid, Placed};
pub use order::{RowFilter, SortKey};
