//! A page's content stream run far enough to know where each glyph and each ruling line lands:
//! the graphics state (`cm`, `q`/`Q`), the text state and matrices (`BT`, `Tf`, `Tc`, `Tw`, `Tz`,
//! `TL`, `Ts`, `Td`, `TD`, `Tm`, `T*`), the text operators (`Tj`, `TJ`, `'`, `"`), paths whose
//! segments are horizontal or vertical (`re`, `m`, `l`, painted with `S`, `f`, `B`…), and form
//! XObjects (`Do`, to a fixed depth).

use super::fonts::{Font, number};
use super::page::{Glyph, Rule};
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// How deep form XObjects may nest.
const MAX_FORM_DEPTH: usize = 8;
/// The most glyphs one page may give; past it the rest of the page is ignored.
pub const MAX_GLYPHS_PER_PAGE: usize = 200_000;
/// The most rules one page may give; past it (hatching, a chart) the rest are ignored.
pub const MAX_RULES_PER_PAGE: usize = 4000;
/// The most bytes one content stream may inflate to.
pub const MAX_CONTENT_BYTES: usize = 64 << 20;
/// How much thicker than thin a drawn rectangle may be and still be a rule (points).
const THIN: f32 = 2.5;

/// An affine matrix `[a b c d e f]`.
type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`: first `m`, then `n` (row-vector convention, as in the PDF specification).
fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

/// The state `q` saves and `Q` restores.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Vec<u8>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

/// What a page's content draws, in PDF user space (y up).
pub struct Drawn {
    /// The glyphs, with y measured up from the page's bottom.
    pub glyphs: Vec<Glyph>,
    /// The rules, likewise.
    pub rules: Vec<Rule>,
    /// How many glyphs had no known Unicode text.
    pub unknown: usize,
    /// Whether an image was drawn.
    pub images: bool,
}

/// Runs a page's content (already decoded) with its resources.
pub fn run(doc: &Document, content: &[u8], resources: &Dictionary) -> Drawn {
    let mut interpreter = Interpreter {
        doc,
        fonts: HashMap::new(),
        drawn: Drawn { glyphs: Vec::new(), rules: Vec::new(), unknown: 0, images: false },
        path: Vec::new(),
        start: None,
    };
    interpreter.run(content, resources, IDENTITY, 0);
    interpreter.drawn
}

/// Places the glyphs of one shown string and advances the text matrix; `placed` tells whether the
/// text position was set since the last glyph (see [`Glyph::placed`]), and is cleared.
fn show(font: &Font<'_>, bytes: &[u8], state: &State, tm: &mut Matrix, drawn: &mut Drawn, placed: &mut bool) {
    for code in font.codes(bytes) {
        let width = font.width(code) / 1000.0;
        let trm =
            mul(&[state.size * state.scale, 0.0, 0.0, state.size, 0.0, state.rise], &mul(tm, &state.ctm));
        let (x, _) = apply(&trm, 0.0, 0.0);
        let (x_end, _) = apply(&trm, width, 0.0);
        let (_, y_top) = apply(&trm, 0.0, 0.88);
        let (_, y_bottom) = apply(&trm, 0.0, -0.12);
        let text = font.text(code);
        if text.contains('\u{fffd}') {
            drawn.unknown += 1;
        }
        // One code may stand for several characters (LibreOffice draws `——` as one glyph): they
        // share its box in equal parts, so that none looks drawn over another.
        let n = text.chars().count().max(1) as f32;
        let (left, step) = (x.min(x_end), (x_end - x).abs() / n);
        for (i, ch) in text.chars().enumerate() {
            drawn.glyphs.push(Glyph {
                ch,
                x0: left + step * i as f32,
                x1: left + step * (i + 1) as f32,
                top: y_top.max(y_bottom),
                bottom: y_top.min(y_bottom),
                placed: *placed && i == 0,
            });
        }
        *placed = false;
        let spacing = state.char_spacing + if font.is_space(code) { state.word_spacing } else { 0.0 };
        let advance = (width * state.size + spacing) * state.scale;
        *tm = mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], tm);
    }
}

struct Interpreter<'a> {
    doc: &'a Document,
    /// Fonts read so far, by the address of their dictionary (which lives as long as `doc`).
    fonts: HashMap<*const Dictionary, Font<'a>>,
    drawn: Drawn,
    /// Segments of the current path in user space.
    path: Vec<(f32, f32, f32, f32)>,
    /// Start of the current subpath and the current point.
    start: Option<((f32, f32), (f32, f32))>,
}

impl<'a> Interpreter<'a> {
    fn run(&mut self, content: &[u8], resources: &'a Dictionary, ctm: Matrix, depth: usize) {
        let Ok(content) = Content::decode(content) else { return };
        let mut state = State {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut stack: Vec<State> = Vec::new();
        let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
        let mut placed = true;
        for Operation { operator, operands } in &content.operations {
            if self.drawn.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
                return;
            }
            let num = |i: usize| operands.get(i).and_then(|o| number(self.doc, o)).unwrap_or(0.0);
            match operator.as_str() {
                "q" if stack.len() < 64 => stack.push(state.clone()),
                "Q" => state = stack.pop().unwrap_or(state),
                "cm" => state.ctm = mul(&[num(0), num(1), num(2), num(3), num(4), num(5)], &state.ctm),
                "BT" => (tm, tlm, placed) = (IDENTITY, IDENTITY, true),
                "Tf" => {
                    state.font = operands.first().and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec);
                    state.size = num(1);
                }
                "Tc" => state.char_spacing = num(0),
                "Tw" => state.word_spacing = num(0),
                "Tz" => state.scale = num(0) / 100.0,
                "TL" => state.leading = num(0),
                "Ts" => state.rise = num(0),
                "Td" | "TD" => {
                    if operator == "TD" {
                        state.leading = -num(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, num(0), num(1)], &tlm);
                    (tm, placed) = (tlm, true);
                }
                "Tm" => {
                    tm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    (tlm, placed) = (tm, true);
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                    (tm, placed) = (tlm, true);
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if operator == "'" || operator == "\"" {
                        if operator == "\"" {
                            (state.word_spacing, state.char_spacing) = (num(0), num(1));
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                        (tm, placed) = (tlm, true);
                    }
                    let Some(key) = self.load_font(resources, &state) else { continue };
                    let font = &self.fonts[&key];
                    let strings = match operands.last() {
                        Some(Object::Array(items)) => items.as_slice(),
                        Some(string) => std::slice::from_ref(string),
                        None => &[],
                    };
                    for item in strings {
                        match item {
                            Object::String(bytes, _) => {
                                show(font, bytes, &state, &mut tm, &mut self.drawn, &mut placed)
                            }
                            other => {
                                let adjust = number(self.doc, other).unwrap_or(0.0);
                                tm = mul(
                                    &[1.0, 0.0, 0.0, 1.0, -adjust / 1000.0 * state.size * state.scale, 0.0],
                                    &tm,
                                );
                            }
                        }
                    }
                }
                "re" => {
                    let (x, y, w, h) = (num(0), num(1), num(2), num(3));
                    let m = state.ctm;
                    let corners =
                        [apply(&m, x, y), apply(&m, x + w, y), apply(&m, x + w, y + h), apply(&m, x, y + h)];
                    for i in 0..4 {
                        let (a, b) = (corners[i], corners[(i + 1) % 4]);
                        self.path.push((a.0, a.1, b.0, b.1));
                    }
                    self.start = Some((corners[0], corners[0]));
                }
                "m" => {
                    let p = apply(&state.ctm, num(0), num(1));
                    self.start = Some((p, p));
                }
                "l" => {
                    let p = apply(&state.ctm, num(0), num(1));
                    if let Some((start, current)) = self.start {
                        self.path.push((current.0, current.1, p.0, p.1));
                        self.start = Some((start, p));
                    }
                }
                "h" => {
                    if let Some((start, current)) = self.start {
                        self.path.push((current.0, current.1, start.0, start.1));
                        self.start = Some((start, start));
                    }
                }
                "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => self.paint(),
                "n" => {
                    self.path.clear();
                    self.start = None;
                }
                "Do" => self.draw_object(operands, resources, &state, depth),
                "BI" | "ID" => self.drawn.images = true,
                _ => {}
            }
        }
    }

    /// Reads the font in use once; its key in `fonts`.
    fn load_font(&mut self, resources: &'a Dictionary, state: &State) -> Option<*const Dictionary> {
        let name = state.font.as_ref()?;
        let fonts = resources.get_deref(b"Font", self.doc).ok()?.as_dict().ok()?;
        let dict = fonts.get_deref(name, self.doc).ok()?.as_dict().ok()?;
        let key = dict as *const Dictionary;
        let doc = self.doc;
        self.fonts.entry(key).or_insert_with(|| Font::new(doc, dict));
        Some(key)
    }

    /// Keeps the horizontal and vertical segments of the painted path as rules.
    fn paint(&mut self) {
        for (x0, y0, x1, y1) in self.path.drain(..) {
            let (dx, dy) = ((x1 - x0).abs(), (y1 - y0).abs());
            if self.drawn.rules.len() < MAX_RULES_PER_PAGE
                && ((dx < 0.5 && dy > THIN) || (dy < 0.5 && dx > THIN))
            {
                self.drawn.rules.push(Rule {
                    x0: x0.min(x1),
                    x1: x0.max(x1),
                    y0: y0.min(y1),
                    y1: y0.max(y1),
                });
            }
        }
        self.start = None;
    }

    /// Runs a form XObject; notes an image.
    fn draw_object(&mut self, operands: &[Object], resources: &'a Dictionary, state: &State, depth: usize) {
        let Some(name) = operands.first().and_then(|o| o.as_name().ok()) else { return };
        let Some(stream) = resources
            .get_deref(b"XObject", self.doc)
            .and_then(Object::as_dict)
            .and_then(|x| x.get_deref(name, self.doc))
            .and_then(Object::as_stream)
            .ok()
        else {
            return;
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.drawn.images = true,
            Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                let matrix = stream
                    .dict
                    .get_deref(b"Matrix", self.doc)
                    .and_then(Object::as_array)
                    .ok()
                    .filter(|a| a.len() == 6)
                    .map(|a| {
                        let n: Vec<f32> = a.iter().map(|o| number(self.doc, o).unwrap_or(0.0)).collect();
                        [n[0], n[1], n[2], n[3], n[4], n[5]]
                    })
                    .unwrap_or(IDENTITY);
                let inner = stream
                    .dict
                    .get_deref(b"Resources", self.doc)
                    .and_then(Object::as_dict)
                    .unwrap_or(resources);
                let Ok(content) = stream.decompressed_content_with_limit(MAX_CONTENT_BYTES) else {
                    if stream.filters().map_or(true, |f| f.is_empty()) {
                        let content = stream.content.clone();
                        self.run(&content, inner, mul(&matrix, &state.ctm), depth + 1);
                    }
                    return;
                };
                self.run(&content, inner, mul(&matrix, &state.ctm), depth + 1);
            }
            _ => {}
        }
    }
}
