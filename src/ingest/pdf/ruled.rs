//! Tables from ruling lines: the borders a PDF draws around cells (the "lattice" way).
//!
//! Rules that touch form one table. The distinct heights of its horizontal rules are the row
//! boundaries and the distinct positions of its vertical rules the column boundaries; two
//! neighbouring slots with no rule drawn between them belong to one merged cell (a 类别 cell
//! spanning its rows, a `完成情况` cell over `绝对值 | 增速`). A cell's text is the glyphs whose
//! centre lies inside it, its wrapped lines joined.

use super::lines::{join_wrapped, lines};
use super::page::{Glyph, Rule};

/// How far apart (points) two rule ends may be and still touch, and two positions be one.
const SNAP: f32 = 2.0;
/// The most row or column boundaries a table has; more is a drawing (a chart's grid, hatching).
const MAX_BOUNDARIES: usize = 300;

/// A table found on one page: cells with spans over its row and column boundaries.
#[derive(Debug, Clone, PartialEq)]
pub struct PageTable {
    /// Row boundaries, top to bottom (one more than the rows).
    pub ys: Vec<f32>,
    /// Column boundaries, left to right (one more than the columns).
    pub xs: Vec<f32>,
    /// The cells, row by row, left to right.
    pub cells: Vec<PageCell>,
}

/// One cell of a [`PageTable`].
#[derive(Debug, Clone, PartialEq)]
pub struct PageCell {
    /// Its top row, from 0.
    pub row: usize,
    /// Its left column, from 0.
    pub col: usize,
    /// Rows covered.
    pub row_span: usize,
    /// Columns covered.
    pub col_span: usize,
    /// Its text, wrapped lines joined.
    pub text: String,
}

impl PageTable {
    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.ys.len() - 1
    }

    /// Number of columns.
    pub fn cols(&self) -> usize {
        self.xs.len() - 1
    }

    /// Top edge.
    pub fn top(&self) -> f32 {
        self.ys[0]
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.ys[self.ys.len() - 1]
    }

    /// Whether a point lies inside the table.
    pub fn contains(&self, x: f32, y: f32) -> bool {
        (self.xs[0]..=self.xs[self.xs.len() - 1]).contains(&x) && (self.top()..=self.bottom()).contains(&y)
    }
}

/// The ruled tables of a page, top to bottom, with their text from `glyphs`. A group of rules
/// with fewer than two rows or two columns (an underline, a box around a paragraph) is no table.
pub fn tables(rules: &[Rule], glyphs: &[Glyph]) -> Vec<PageTable> {
    let mut found: Vec<PageTable> = groups(rules).into_iter().filter_map(|g| table(&g, glyphs)).collect();
    found.sort_by(|a, b| a.top().total_cmp(&b.top()));
    found
}

/// Rules grouped by touching (union-find over pairs whose boxes meet within [`SNAP`]).
fn groups(rules: &[Rule]) -> Vec<Vec<Rule>> {
    let mut parent: Vec<usize> = (0..rules.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut order: Vec<usize> = (0..rules.len()).collect();
    order.sort_by(|&a, &b| rules[a].y0.total_cmp(&rules[b].y0));
    for (n, &i) in order.iter().enumerate() {
        for &j in &order[n + 1..] {
            if rules[j].y0 > rules[i].y1 + SNAP {
                break;
            }
            if touch(&rules[i], &rules[j]) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Rule>> = Default::default();
    for (i, rule) in rules.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(*rule);
    }
    groups.into_values().collect()
}

fn touch(a: &Rule, b: &Rule) -> bool {
    a.x0 <= b.x1 + SNAP && b.x0 <= a.x1 + SNAP && a.y0 <= b.y1 + SNAP && b.y0 <= a.y1 + SNAP
}

/// Positions within [`SNAP`] of each other merged into their mean, sorted.
fn distinct(mut values: Vec<f32>) -> Vec<f32> {
    values.sort_by(f32::total_cmp);
    let mut out: Vec<(f32, usize)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((mean, n)) if v - *mean / *n as f32 <= SNAP => {
                *mean += v;
                *n += 1;
            }
            _ => out.push((v, 1)),
        }
    }
    out.into_iter().map(|(sum, n)| sum / n as f32).collect()
}

/// The table a group of rules draws, if it has at least one row and two columns, or two rows.
fn table(rules: &[Rule], glyphs: &[Glyph]) -> Option<PageTable> {
    let (horizontal, vertical): (Vec<Rule>, Vec<Rule>) = rules.iter().partition(|r| r.is_horizontal());
    let ys = distinct(horizontal.iter().map(|r| (r.y0 + r.y1) / 2.0).collect());
    let xs = distinct(vertical.iter().map(|r| (r.x0 + r.x1) / 2.0).collect());
    if ys.len() < 2
        || xs.len() < 2
        || (ys.len() < 3 && xs.len() < 3)
        || ys.len().max(xs.len()) > MAX_BOUNDARIES
    {
        return None;
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    // Is there a rule between slot (r, c) and its right / lower neighbour?
    let wall_right = |r: usize, c: usize| {
        let (x, y) = (xs[c + 1], (ys[r] + ys[r + 1]) / 2.0);
        vertical.iter().any(|v| (v.x0 - SNAP..=v.x1 + SNAP).contains(&x) && (v.y0..=v.y1).contains(&y))
    };
    let wall_below = |r: usize, c: usize| {
        let (x, y) = ((xs[c] + xs[c + 1]) / 2.0, ys[r + 1]);
        horizontal.iter().any(|h| (h.y0 - SNAP..=h.y1 + SNAP).contains(&y) && (h.x0..=h.x1).contains(&x))
    };
    let mut owner = vec![vec![usize::MAX; cols]; rows];
    let mut cells = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            if owner[r][c] != usize::MAX {
                continue;
            }
            let mut col_span = 1;
            while c + col_span < cols && !wall_right(r, c + col_span - 1) {
                col_span += 1;
            }
            let mut row_span = 1;
            while r + row_span < rows && (c..c + col_span).all(|cc| !wall_below(r + row_span - 1, cc)) {
                row_span += 1;
            }
            for row in &mut owner[r..r + row_span] {
                for slot in &mut row[c..c + col_span] {
                    *slot = cells.len();
                }
            }
            let (x0, x1, y0, y1) = (xs[c], xs[c + col_span], ys[r], ys[r + row_span]);
            let inside: Vec<Glyph> = glyphs
                .iter()
                .filter(|g| (x0..x1).contains(&g.mid_x()) && (y0..y1).contains(&g.mid_y()))
                .copied()
                .collect();
            let mut text = String::new();
            for line in lines(&inside) {
                join_wrapped(&mut text, &line.text);
            }
            cells.push(PageCell { row: r, col: c, row_span, col_span, text });
        }
    }
    Some(PageTable { ys, xs, cells })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f32, x0: f32, x1: f32) -> Rule {
        Rule { x0, x1, y0: y, y1: y }
    }

    fn v(x: f32, y0: f32, y1: f32) -> Rule {
        Rule { x0: x, x1: x, y0, y1 }
    }

    fn text(s: &str, x: f32, top: f32) -> Vec<Glyph> {
        s.chars()
            .enumerate()
            .map(|(i, ch)| Glyph {
                ch,
                x0: x + i as f32 * 10.0,
                x1: x + i as f32 * 10.0 + 9.0,
                top,
                bottom: top + 10.0,
                placed: i == 0,
            })
            .collect()
    }

    #[test]
    fn a_cell_with_no_rule_below_spans_rows_and_wrapped_text_stays_in_one_cell() {
        // 3 rows x 2 columns; the left cell of rows 1-2 is merged (no rule between them there).
        let rules = [
            h(0.0, 0.0, 200.0),
            h(20.0, 0.0, 200.0),
            h(60.0, 100.0, 200.0),
            h(100.0, 0.0, 200.0),
            v(0.0, 0.0, 100.0),
            v(100.0, 0.0, 100.0),
            v(200.0, 0.0, 100.0),
        ];
        let mut g = text("类别", 5.0, 5.0);
        g.extend(text("指标", 105.0, 5.0));
        g.extend(text("综合质量", 5.0, 40.0));
        g.extend(text("效益", 5.0, 55.0));
        g.extend(text("地区生产", 105.0, 25.0));
        g.extend(text("总值（%）", 105.0, 40.0));
        g.extend(text("税收", 105.0, 70.0));
        let t = &tables(&rules, &g)[0];
        assert_eq!((t.rows(), t.cols()), (3, 2));
        let cells: Vec<(usize, usize, usize, &str)> =
            t.cells.iter().map(|c| (c.row, c.col, c.row_span, c.text.as_str())).collect();
        assert_eq!(
            cells,
            [
                (0, 0, 1, "类别"),
                (0, 1, 1, "指标"),
                (1, 0, 2, "综合质量效益"),
                (1, 1, 1, "地区生产总值（%）"),
                (2, 1, 1, "税收")
            ]
        );
    }

    #[test]
    fn an_underline_is_no_table() {
        assert!(tables(&[h(10.0, 0.0, 100.0)], &[]).is_empty());
    }
}
