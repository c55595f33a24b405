//! The districts tree: each district with its reports by review year, each report with a badge of
//! missed / reviewed rows (for a report with no review table, its results judged in sentences,
//! marked `†`), and the files that failed to load with their errors.

use crate::analysis::link::PROSE_MARK;
use crate::analysis::views::summary;
use crate::model::Report;
use crate::tui::app::App;
use crate::tui::width::Glyphs;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The most columns a file name takes in a report's line, when it tells two reports apart.
const FILE_NAME_WIDTH: usize = 16;

/// What a line of the tree stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TreeItem {
    /// A district (index into [`DistrictTree::districts`]).
    District(usize),
    /// A report (index into the loaded reports).
    Report(usize),
    /// The group of files that failed to load.
    Failures,
    /// A file that failed to load (index into the failures).
    Failure(usize),
}

/// One line of the tree as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeLine {
    /// What the line stands for.
    pub item: TreeItem,
    /// Nesting depth: 0 for districts, 1 for reports.
    pub depth: usize,
    /// The label, ready to draw.
    pub label: String,
    /// The badge drawn after the label, and whether it shows missed rows.
    pub badge: Option<(String, bool)>,
}

/// A district and its reports, oldest review year first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictNode {
    /// The district's name (`綦江区`), or the file name when the title names none.
    pub name: String,
    /// Indices of its reports.
    pub reports: Vec<usize>,
    /// Whether its reports are listed.
    pub expanded: bool,
}

/// The tree of districts and reports, flattened into the lines currently shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DistrictTree {
    /// Districts in the order of their first report.
    pub districts: Vec<DistrictNode>,
    /// Files that failed to load: file name and error.
    pub failures: Vec<(String, String)>,
    /// Whether the failed files are listed.
    pub failures_expanded: bool,
    /// Per report: missed and reviewed rows (from [`crate::analysis::views::summary`]); for a
    /// report with no review table, its results judged in sentences, marked (the `true`).
    pub counts: Vec<(usize, usize, bool)>,
    /// The lines shown, rebuilt when a node opens or closes.
    pub lines: Vec<TreeLine>,
}

impl DistrictTree {
    /// Builds the tree of `reports` and `failures` (file, error), every district expanded.
    pub fn build(reports: &[Report], failures: Vec<(String, String)>, glyphs: &Glyphs) -> DistrictTree {
        let mut districts: Vec<DistrictNode> = Vec::new();
        for (index, report) in reports.iter().enumerate() {
            let name = report
                .title
                .district
                .clone()
                .unwrap_or_else(|| glyphs.display(file_name(&report.file)).into_owned());
            match districts.iter_mut().find(|d| d.name == name) {
                Some(district) => district.reports.push(index),
                None => districts.push(DistrictNode { name, reports: vec![index], expanded: true }),
            }
        }
        for district in &mut districts {
            district.reports.sort_by_key(|&i| (reports.get(i).and_then(|r| r.title.review_year), i));
        }
        let counts = summary(reports)
            .iter()
            .map(|s| match s.reviewed {
                0 => (s.judged_missed, s.judged_sentences, true),
                _ => (s.missed, s.reviewed, false),
            })
            .collect();
        let mut tree =
            DistrictTree { districts, failures, failures_expanded: true, counts, lines: Vec::new() };
        tree.relayout(reports, glyphs);
        tree
    }

    /// Rebuilds the shown lines after a node opened or closed.
    pub fn relayout(&mut self, reports: &[Report], glyphs: &Glyphs) {
        let mut lines = Vec::new();
        let counts = |i: usize| self.counts.get(i).copied().unwrap_or_default();
        for (d, district) in self.districts.iter().enumerate() {
            let marker = if district.expanded { glyphs.expanded } else { glyphs.collapsed };
            let missed: usize = district.reports.iter().map(|&i| counts(i).0).sum();
            lines.push(TreeLine {
                item: TreeItem::District(d),
                depth: 0,
                label: format!("{marker} {}", glyphs.display(&district.name)),
                badge: (!district.expanded && missed > 0).then(|| (format!("✗{missed}"), true)),
            });
            if !district.expanded {
                continue;
            }
            let year_of = |index: usize| reports.get(index).map(|r| r.title.review_year);
            for &index in &district.reports {
                let Some(report) = reports.get(index) else { continue };
                let (missed, reviewed, in_prose) = counts(index);
                let year = report.title.review_year.map_or("?".to_owned(), |y| y.to_string());
                // Two reports of one district and year are told apart by their files.
                let shared = district.reports.iter().filter(|&&i| year_of(i) == year_of(index)).count() > 1;
                let label = if shared {
                    let file = glyphs.truncate(&glyphs.display(file_name(&report.file)), FILE_NAME_WIDTH);
                    format!("{year}年 {file}")
                } else {
                    format!("{year}年")
                };
                lines.push(TreeLine {
                    item: TreeItem::Report(index),
                    depth: 1,
                    label,
                    badge: (reviewed > 0).then(|| {
                        let mark = if missed > 0 { "✗" } else { "✓" };
                        let prose = if in_prose { glyphs.display(PROSE_MARK) } else { "".into() };
                        (format!("{mark}{missed}/{reviewed}{prose}"), missed > 0)
                    }),
                });
            }
        }
        if !self.failures.is_empty() {
            let marker = if self.failures_expanded { glyphs.expanded } else { glyphs.collapsed };
            lines.push(TreeLine {
                item: TreeItem::Failures,
                depth: 0,
                label: format!("{marker} 未能读取 failed"),
                badge: Some((self.failures.len().to_string(), true)),
            });
            if self.failures_expanded {
                for (i, (file, _)) in self.failures.iter().enumerate() {
                    lines.push(TreeLine {
                        item: TreeItem::Failure(i),
                        depth: 1,
                        label: glyphs.display(file_name(file)).into_owned(),
                        badge: None,
                    });
                }
            }
        }
        self.lines = lines;
    }

    /// The line showing `report`, if shown.
    pub fn line_of_report(&self, report: usize) -> Option<usize> {
        self.lines.iter().position(|line| line.item == TreeItem::Report(report))
    }

    /// Opens or closes the node at `line` (`open` None toggles); true when something changed.
    pub fn set_expanded(&mut self, line: usize, open: Option<bool>) -> bool {
        let Some(item) = self.lines.get(line).map(|l| l.item) else { return false };
        let flag = match item {
            TreeItem::District(d) => match self.districts.get_mut(d) {
                Some(district) => &mut district.expanded,
                None => return false,
            },
            TreeItem::Failures => &mut self.failures_expanded,
            TreeItem::Report(_) | TreeItem::Failure(_) => return false,
        };
        let wanted = open.unwrap_or(!*flag);
        let changed = *flag != wanted;
        *flag = wanted;
        changed
    }

    /// The line of the parent of the node at `line` (itself for top-level nodes).
    pub fn parent_line(&self, line: usize) -> usize {
        if self.lines.get(line).is_none_or(|l| l.depth == 0) {
            return line;
        }
        self.lines[..line].iter().rposition(|l| l.depth == 0).unwrap_or(line)
    }
}

/// The last component of a path.
pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Draws the app's tree into `area`, from its scroll offset, the cursor line selected.
pub fn render_tree(app: &App, focused: bool, area: Rect, buf: &mut Buffer) {
    let (tree, cursor, offset) = (&app.tree, app.tree_scroll.cursor(), app.tree_scroll.offset());
    let (styles, glyphs) = (&app.settings.theme.styles, &app.settings.glyphs);
    let width = usize::from(area.width);
    for (i, line) in tree.lines.iter().enumerate().skip(offset).take(usize::from(area.height)) {
        let y = area.y + (i - offset) as u16;
        let selected = i == cursor;
        let base = match (selected, focused) {
            (true, true) => styles.text.patch(styles.selected),
            (true, false) => styles.text.patch(styles.selected_unfocused),
            (false, _) => match line.item {
                TreeItem::District(_) | TreeItem::Failures => styles.text.patch(styles.header),
                TreeItem::Failure(_) => styles.text.patch(styles.error),
                TreeItem::Report(_) => styles.text,
            },
        };
        buf.set_style(Rect { x: area.x, y, width: area.width, height: 1 }, base);
        let indent = "  ".repeat(line.depth);
        let badge = line.badge.as_ref().map_or(String::new(), |(text, _)| format!(" {text}"));
        let badge_width = crate::text::display_width(&badge);
        let label_room = width.saturating_sub(indent.len() + badge_width);
        let label = glyphs.fit(&format!("{indent}{}", line.label), label_room + indent.len());
        buf.set_stringn(area.x, y, &label, width, base);
        if let Some((_, missed)) = &line.badge {
            let style = if *missed { styles.missed } else { styles.met };
            let style = if selected { style.patch(base) } else { base.patch(style) };
            let x = area.x + crate::text::display_width(&label) as u16;
            buf.set_stringn(x, y, &badge, width.saturating_sub(crate::text::display_width(&label)), style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_drop_the_folders() {
        assert_eq!(file_name("examples/reports/000.txt"), "000.txt");
        assert_eq!(file_name("C:\\r\\a.txt"), "a.txt");
        assert_eq!(file_name("a.txt"), "a.txt");
    }
}
