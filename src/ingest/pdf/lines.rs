//! Glyphs to lines: glyphs whose boxes share a band of the page form a line, read left to right.
//!
//! A space is written only where the PDF draws one or where two Latin letters or digits stand
//! apart by more than a quarter of the line's height; never between CJK characters, nor between
//! a CJK character and a digit (`7.5以上`, not `7.5 以上`).
//!
//! A gap wider than [`COLUMN_GAP`] times the line's height splits a line into segments: the
//! cells of a table drawn without rules (see [`super::stream`]); elsewhere they read as one space.

use super::page::Glyph;
use crate::text::Trimmed;

/// Gaps wider than this many line heights separate columns, not words.
pub const COLUMN_GAP: f32 = 1.5;

/// A run of a line's text with no column gap inside.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// The text, as a line's.
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
}

/// A line of text on a page with its box.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The characters, spaces only as described in the module docs, trimmed.
    pub text: String,
    /// Left edge of its first glyph.
    pub x0: f32,
    /// Right edge of its last glyph.
    pub x1: f32,
    /// Top of its highest glyph.
    pub top: f32,
    /// Bottom of its lowest glyph.
    pub bottom: f32,
    /// Median glyph height: the font size, about.
    pub size: f32,
    /// The line's runs of text split at column gaps, left to right (one for most lines).
    pub segments: Vec<Segment>,
    /// Its glyphs other than spaces, left to right.
    pub glyphs: Vec<Glyph>,
}

/// The lines of `glyphs`, top to bottom. Glyphs overlapping a line's band by more than half
/// their height join it.
pub fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut sorted: Vec<&Glyph> = glyphs.iter().filter(|g| !g.ch.is_control()).collect();
    sorted.sort_by(|a, b| a.mid_y().total_cmp(&b.mid_y()).then(a.x0.total_cmp(&b.x0)));
    let mut bands: Vec<Vec<&Glyph>> = Vec::new();
    for glyph in sorted {
        match bands.last_mut() {
            Some(band) if same_band(band, glyph) => band.push(glyph),
            _ => bands.push(vec![glyph]),
        }
    }
    bands.into_iter().filter_map(line_of).collect()
}

/// Whether `glyph` sits on the band of glyphs `band` (vertical overlap over half its height).
fn same_band(band: &[&Glyph], glyph: &Glyph) -> bool {
    let top = band.iter().map(|g| g.top).fold(f32::MAX, f32::min);
    let bottom = band.iter().map(|g| g.bottom).fold(f32::MIN, f32::max);
    let overlap = bottom.min(glyph.bottom) - top.max(glyph.top);
    overlap > glyph.height().min(bottom - top) * 0.5
}

/// One band's glyphs, left to right, as a line; `None` when it holds only spaces.
fn line_of(mut band: Vec<&Glyph>) -> Option<Line> {
    band.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    band.retain(|g| !g.ch.is_whitespace() || g.ch == ' ');
    let mut heights: Vec<f32> = band.iter().map(|g| g.height()).collect();
    heights.sort_by(f32::total_cmp);
    let size = *heights.get(heights.len() / 2)?;
    let mut runs: Vec<Vec<&Glyph>> = Vec::new();
    let mut right_edge = f32::MIN;
    for glyph in band.iter().copied() {
        if glyph.ch == ' ' {
            continue;
        }
        match runs.last_mut() {
            Some(run) if glyph.x0 - right_edge <= size * COLUMN_GAP => run.push(glyph),
            _ => runs.push(vec![glyph]),
        }
        right_edge = right_edge.max(glyph.x1);
    }
    let segments: Vec<Segment> = runs
        .iter()
        .filter_map(|run| {
            let text = run_text(run, &band, size);
            let x0 = run.iter().map(|g| g.x0).fold(f32::MAX, f32::min);
            let x1 = run.iter().map(|g| g.x1).fold(f32::MIN, f32::max);
            (!text.is_empty()).then_some(Segment { text, x0, x1 })
        })
        .collect();
    if segments.is_empty() {
        return None;
    }
    let mut text = String::new();
    for segment in &segments {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&segment.text);
    }
    let (mut top, mut bottom) = (f32::MAX, f32::MIN);
    for g in band.iter().filter(|g| g.ch != ' ') {
        (top, bottom) = (top.min(g.top), bottom.max(g.bottom));
    }
    let (x0, x1) = (segments[0].x0, segments[segments.len() - 1].x1);
    let glyphs = band.iter().filter(|g| g.ch != ' ').map(|&&g| g).collect();
    Some(Line { text, x0, x1, top, bottom, size, segments, glyphs })
}

/// The text of one run of glyphs, with the space glyphs the PDF draws among them (`band`).
pub fn run_text(run: &[&Glyph], band: &[&Glyph], size: f32) -> String {
    let (from, to) = (run[0].x0, run[run.len() - 1].x1);
    let mut text = String::new();
    let mut previous: Option<&Glyph> = None;
    for glyph in band.iter().copied().filter(|g| g.x0 >= from && g.x1 <= to + 0.01) {
        if let Some(prev) = previous {
            if glyph.x0 < prev.x1 - size * 0.3 && glyph.ch == prev.ch {
                continue; // the same glyph drawn twice (fake bold)
            }
            let gap = glyph.x0 - prev.x1;
            if gap > size * 0.25 && spaced(prev.ch, glyph.ch) && !text.ends_with(' ') {
                text.push(' ');
            }
        }
        text.push(glyph.ch);
        previous = Some(glyph);
    }
    collapse_spaces(&text)
}

/// Whether a gap between `left` and `right` reads as a space: only between two non-CJK
/// characters that are not punctuation closing or opening onto the gap.
pub fn spaced(left: char, right: char) -> bool {
    !is_cjk(left) && !is_cjk(right) && !left.is_whitespace() && !right.is_whitespace()
}

/// Joins two pieces of text broken at a line end (a cell's or a paragraph's wrapped lines): with a
/// space only between Latin letters or digits.
pub fn join_wrapped(out: &mut String, next: &str) {
    let (Some(left), Some(right)) = (out.chars().last(), next.chars().next()) else {
        out.push_str(next);
        return;
    };
    if left.is_ascii_alphanumeric() && right.is_ascii_alphanumeric() {
        out.push(' ');
    }
    out.push_str(next);
}

/// Whether `c` is a CJK ideograph, kana, hangul, or full-width or CJK punctuation: text that is
/// written without spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31BF | 0x3200..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF
        | 0x20000..=0x3134F)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·' | '﹟' | 'Ⅰ'..='Ⅻ')
}

/// Trims, collapses runs of spaces, and removes spaces next to CJK characters (a PDF that draws
/// a space glyph between `增长` and `7.5`).
fn collapse_spaces(text: &str) -> String {
    let chars: Vec<char> = text.trimmed().chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let left = out.chars().last();
            let right = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            let keep = matches!((left, right), (Some(l), Some(&r)) if spaced(l, r)) && !out.ends_with(' ');
            if keep {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f32, top: f32, advance: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, ch)| {
                let x0 = x + i as f32 * advance;
                Glyph { ch, x0, x1: x0 + advance * 0.95, top, bottom: top + 10.0, placed: i == 0 }
            })
            .collect()
    }

    #[test]
    fn glyphs_on_one_baseline_form_a_line_in_reading_order() {
        let mut g = glyphs("增长7.5以上", 100.0, 50.0, 10.0);
        g.reverse();
        g.extend(glyphs("第二行", 100.0, 70.0, 10.0));
        let lines = lines(&g);
        assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["增长7.5以上", "第二行"]);
        assert_eq!((lines[0].x0, lines[0].top), (100.0, 50.0));
    }

    #[test]
    fn no_space_is_invented_next_to_cjk_but_latin_words_keep_theirs() {
        let mut g = glyphs("增长", 0.0, 0.0, 10.0);
        g.extend(glyphs("7.5", 30.0, 0.0, 5.0));
        g.extend(glyphs("R&D", 60.0, 0.0, 5.0));
        g.extend(glyphs("经费", 80.0, 0.0, 10.0));
        assert_eq!(lines(&g)[0].text, "增长7.5 R&D经费");
        let spaced = glyphs("增长 7.5 以上", 0.0, 0.0, 10.0);
        assert_eq!(lines(&spaced)[0].text, "增长7.5以上");
    }

    #[test]
    fn a_wide_gap_splits_a_line_into_segments() {
        let mut g = glyphs("地区生产总值", 0.0, 0.0, 10.0);
        g.extend(glyphs("7以上", 100.0, 0.0, 10.0));
        let line = &lines(&g)[0];
        let segments: Vec<(&str, f32)> = line.segments.iter().map(|s| (s.text.as_str(), s.x0)).collect();
        assert_eq!(segments, [("地区生产总值", 0.0), ("7以上", 100.0)]);
        assert_eq!(line.text, "地区生产总值 7以上");
    }

    #[test]
    fn wrapped_pieces_join_without_space_unless_latin() {
        let mut s = "战略性新兴产业产值占规上工业".to_owned();
        join_wrapped(&mut s, "产值比重（%）");
        assert_eq!(s, "战略性新兴产业产值占规上工业产值比重（%）");
        let mut s = "research and".to_owned();
        join_wrapped(&mut s, "development");
        assert_eq!(s, "research and development");
    }
}
