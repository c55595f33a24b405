//! What the PDF reader keeps of a page: its glyphs and its ruling lines, in top-down coordinates
//! (points from the page's top-left corner), whatever crate decoded them.

/// One character drawn on a page, with its box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// The character, through the font's ToUnicode map.
    pub ch: char,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Top edge (smaller is higher on the page).
    pub top: f32,
    /// Bottom edge.
    pub bottom: f32,
    /// Drawn where the content stream set the text position (`BT`, `Td`, `TD`, `Tm`, `T*`, `'`,
    /// `"`), not where the glyph before it left off: producers start each table cell's text so,
    /// and each run of one font.
    pub placed: bool,
}

impl Glyph {
    /// Vertical centre.
    pub fn mid_y(&self) -> f32 {
        (self.top + self.bottom) / 2.0
    }

    /// Horizontal centre.
    pub fn mid_x(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }

    /// Height of the box, at least one point.
    pub fn height(&self) -> f32 {
        (self.bottom - self.top).max(1.0)
    }
}

/// A ruling line: a horizontal or vertical segment drawn on the page (a table border).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left end (equal to `x1` for a vertical rule, within the stroke width).
    pub x0: f32,
    /// Right end.
    pub x1: f32,
    /// Top end (equal to `y1` for a horizontal rule, within the stroke width).
    pub y0: f32,
    /// Bottom end.
    pub y1: f32,
}

impl Rule {
    /// Whether the rule runs left to right.
    pub fn is_horizontal(&self) -> bool {
        self.x1 - self.x0 >= self.y1 - self.y0
    }
}

/// One page: its number (1-based), size, glyphs and rules, and whether it draws an image.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// 1-based page number.
    pub number: usize,
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// The characters drawn, in content-stream order.
    pub glyphs: Vec<Glyph>,
    /// The thin lines and rectangle edges drawn.
    pub rules: Vec<Rule>,
    /// Whether the page draws an image (a page of images and no text is a scan).
    pub images: bool,
}
