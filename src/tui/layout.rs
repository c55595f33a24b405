//! Where each pane goes for a terminal size: side by side when there is room, one pane at a time
//! with a pane switcher when the terminal is narrow, a message when it is too small for either.

use ratatui::layout::Rect;

/// The smallest terminal the workbench draws panes in.
pub const MIN_WIDTH: u16 = 40;
/// The smallest terminal height the workbench draws panes in.
pub const MIN_HEIGHT: u16 = 10;
/// From this size on, all three panes are shown at once.
const SPLIT_WIDTH: u16 = 80;
const SPLIT_HEIGHT: u16 = 20;

/// The panes of the workbench.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The tree of districts and their reports.
    Districts,
    /// The selected report's indicator tables.
    Indicators,
    /// Gap analysis of the report and the selected indicator.
    Gap,
}

impl Pane {
    /// The panes in Tab order.
    pub const ALL: [Pane; 3] = [Pane::Districts, Pane::Indicators, Pane::Gap];

    /// The pane's title.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Districts => "区县 Districts",
            Pane::Indicators => "指标 Indicators",
            Pane::Gap => "差距 Gap analysis",
        }
    }

    /// The next pane in Tab order (`step` 1) or the previous one (`step` -1).
    pub fn cycle(self, step: isize) -> Pane {
        let index = Pane::ALL.iter().position(|&p| p == self).unwrap_or(0) as isize;
        let len = Pane::ALL.len() as isize;
        Pane::ALL[(index + step).rem_euclid(len) as usize]
    }
}

/// The screen for one terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The terminal is smaller than [`MIN_WIDTH`] × [`MIN_HEIGHT`].
    TooSmall,
    /// Panes fit.
    Panes(Regions),
}

/// The rectangles of the visible panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regions {
    /// Each pane's rectangle, `None` when it is hidden (narrow terminals show one at a time).
    pub panes: [(Pane, Option<Rect>); 3],
    /// The pane switcher line of narrow terminals.
    pub switcher: Option<Rect>,
    /// The status line (or the prompt, when one is open).
    pub status: Rect,
}

impl Regions {
    /// The rectangle of `pane`, if shown.
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).and_then(|(_, rect)| *rect)
    }

    /// The pane at a screen position, if any.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        let position = ratatui::layout::Position { x, y };
        self.panes.iter().find(|(_, rect)| rect.is_some_and(|r| r.contains(position))).map(|(p, _)| *p)
    }
}

/// Lays out a terminal of `area` with `focus` the focused pane.
pub fn compute(area: Rect, focus: Pane) -> Screen {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Screen::TooSmall;
    }
    let status = Rect { y: area.bottom() - 1, height: 1, ..area };
    let body = Rect { height: area.height - 1, ..area };
    if area.width >= SPLIT_WIDTH && area.height >= SPLIT_HEIGHT {
        let left_width = (area.width / 5).clamp(22, 32);
        let districts = Rect { width: left_width, ..body };
        let right = Rect { x: body.x + left_width, width: body.width - left_width, ..body };
        let indicators_height = (right.height * 3 / 5).max(8);
        let indicators = Rect { height: indicators_height, ..right };
        let gap = Rect { y: right.y + indicators_height, height: right.height - indicators_height, ..right };
        return Screen::Panes(Regions {
            panes: [
                (Pane::Districts, Some(districts)),
                (Pane::Indicators, Some(indicators)),
                (Pane::Gap, Some(gap)),
            ],
            switcher: None,
            status,
        });
    }
    let switcher = Rect { height: 1, ..body };
    let shown = Rect { y: body.y + 1, height: body.height - 1, ..body };
    let place = |pane: Pane| (pane, (pane == focus).then_some(shown));
    Screen::Panes(Regions {
        panes: [place(Pane::Districts), place(Pane::Indicators), place(Pane::Gap)],
        switcher: Some(switcher),
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_show_every_pane_and_narrow_ones_the_focused_one() {
        let Screen::Panes(wide) = compute(Rect::new(0, 0, 120, 40), Pane::Districts) else { panic!() };
        assert!(Pane::ALL.iter().all(|&p| wide.pane(p).is_some()));
        assert_eq!(wide.pane_at(1, 1), Some(Pane::Districts));
        let Screen::Panes(narrow) = compute(Rect::new(0, 0, 60, 20), Pane::Gap) else { panic!() };
        assert_eq!(narrow.pane(Pane::Gap), Some(Rect::new(0, 1, 60, 18)));
        assert_eq!(narrow.pane(Pane::Districts), None);
        assert_eq!(compute(Rect::new(0, 0, 10, 3), Pane::Gap), Screen::TooSmall);
    }

    #[test]
    fn panes_cycle_both_ways() {
        assert_eq!(Pane::Gap.cycle(1), Pane::Districts);
        assert_eq!(Pane::Districts.cycle(-1), Pane::Gap);
    }
}
