//! Link-preview pictures ("og:image", 1200 x 630 PNG) for the ESG explorer, made at build time.
//!
//! Social sites and chat apps show a picture when a page is shared; they never run our
//! WebAssembly, so the picture has to exist as a file. This crate draws one card per page
//! as SVG and rasterises it with `resvg`: no browser, nothing fetched, only the Noto Sans
//! CJK fonts that Debian's `fonts-noto-cjk` package installs.
//!
//! Text is measured with the same shaper (`harfrust`) and font faces that `usvg` uses to
//! draw it, so the line breaks computed here are the ones that end up in the picture.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, Mutex};

use resvg::usvg::fontdb;
/// Re-exported so callers can use [`parse`] and [`pixmap`] results without naming resvg.
pub use resvg::{tiny_skia, usvg};
use skrifa::raw::TableProvider;
use skrifa::MetadataProvider;

/// Picture width in pixels: the size Facebook, LinkedIn, X and Slack all crop well.
pub const WIDTH: u32 = 1200;
/// Picture height in pixels (1.91 : 1 with [`WIDTH`]).
pub const HEIGHT: u32 = 630;
/// Left edge of every text line: the accent bar plus an 80 px margin.
pub const TEXT_LEFT: f32 = BAR_WIDTH + 80.0;
/// No text line reaches past this x (80 px right margin).
pub const TEXT_RIGHT: f32 = WIDTH as f32 - 80.0;
/// No line box starts above this y (72 px top margin).
pub const TEXT_TOP: f32 = 72.0;
/// No line box ends below this y (64 px bottom margin).
pub const TEXT_BOTTOM: f32 = HEIGHT as f32 - 64.0;
/// Where Debian's `fonts-noto-cjk` puts the fonts that [`load_fonts`] reads.
pub const FONT_DIR: &str = "/usr/share/fonts/opentype/noto";

const FONT_FILES: [&str; 2] = ["NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"];
const BAR_WIDTH: f32 = 16.0;
const PAPER: &str = "#f7f9f9";
const ACCENT: &str = "#0f6e6e";
const INK: &str = "#1a1a1a";
const RULE: &str = "#d3dfdf";
/// Size of a sub- or superscript digit relative to its line (Noto Sans CJK has no ₂ or ³).
const SCRIPT_SCALE: f32 = 0.7;
const ELLIPSIS: &str = "…";

/// What one preview card says. All strings are already in the page's language.
pub struct Card<'a> {
    /// BCP 47 tag of the text, "zh-Hant" or "en": picks the CJK face (Noto Sans CJK TC for both).
    pub lang: &'a str,
    /// Small line at the top, e.g. "醫脈通 Medlive · HKEX: 2192".
    pub eyebrow: &'a str,
    /// The big title; wrapped to at most 2 lines and shrunk until it fits.
    pub title: &'a str,
    /// Optional headline figure (value with unit, label), drawn large below the title.
    pub figure: Option<(&'a str, &'a str)>,
    /// Bottom line, e.g. "Source: Medlive 2022 ESG Report"; wrapped and shrunk as needed.
    pub footer: &'a str,
}

/// The Noto Sans CJK faces, loaded once so that many cards share one font database.
pub struct Fonts {
    db: Arc<fontdb::Database>,
    /// Shaping tables per face, built on first use: building them takes longer than shaping.
    shapers: Mutex<HashMap<fontdb::ID, Arc<harfrust::ShaperData>>>,
}

/// Which part of the card a [`Line`] belongs to, so callers and tests can pick lines out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The small line at the top.
    Eyebrow,
    /// The big title (one or two lines).
    Title,
    /// The headline figure's value.
    Figure,
    /// The headline figure's label.
    FigureLabel,
    /// The source line at the bottom (one or two lines).
    Footer,
}

/// One laid-out text line, in pixels, exposed so tests (and callers) can check the boxes.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Which part of the card this line is.
    pub role: Role,
    /// The text drawn on this line (whitespace collapsed, maybe ending in "…").
    pub text: String,
    /// Left edge; the line is drawn left-aligned from here.
    pub x: f32,
    /// Baseline y.
    pub baseline: f32,
    /// Font size in pixels.
    pub size: f32,
    /// Bold face (700) rather than regular (400).
    pub bold: bool,
    /// Advance width as shaped with the real font, so `x + width` is where the text ends.
    pub width: f32,
    /// Top of the line box (font ascender above the baseline).
    pub top: f32,
    /// Bottom of the line box (font descender below the baseline, room for g, p, y).
    pub bottom: f32,
}

/// How one role is set: largest and smallest font size, weight, line limit, line spacing, colour.
struct Style {
    max: f32,
    min: f32,
    bold: bool,
    lines: usize,
    leading: f32,
    fill: &'static str,
}

impl Role {
    fn style(self) -> Style {
        let (max, min, bold, lines, leading, fill) = match self {
            Role::Eyebrow => (28.0, 20.0, false, 1, 1.3, ACCENT),
            Role::Title => (64.0, 40.0, true, 2, 1.2, INK),
            Role::Figure => (84.0, 48.0, true, 1, 1.2, ACCENT),
            Role::FigureLabel => (30.0, 22.0, false, 1, 1.3, INK),
            Role::Footer => (24.0, 18.0, false, 2, 1.4, INK),
        };
        Style {
            max,
            min,
            bold,
            lines,
            leading,
            fill,
        }
    }
}

/// Loads the Noto CJK fonts from [`FONT_DIR`], where Debian's `fonts-noto-cjk` installs them.
pub fn load_fonts() -> Result<Fonts, String> {
    load_fonts_from(Path::new(FONT_DIR))
}

/// Loads `NotoSansCJK-Regular.ttc` and `NotoSansCJK-Bold.ttc` from `dir`; a separate entry
/// point so a build can point at other copies of the same files (and tests at an empty dir).
pub fn load_fonts_from(dir: &Path) -> Result<Fonts, String> {
    let missing: Vec<String> = FONT_FILES
        .iter()
        .map(|name| dir.join(name))
        .filter(|path| !path.is_file())
        .map(|path| path.display().to_string())
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "missing font file(s): {}. Install Debian's `fonts-noto-cjk` package \
             (apt-get install -y --no-install-recommends fonts-noto-cjk), as scripts/setup.sh does.",
            missing.join(", ")
        ));
    }
    let mut db = fontdb::Database::new();
    for name in FONT_FILES {
        let path = dir.join(name);
        db.load_font_file(&path)
            .map_err(|e| format!("cannot read font {}: {e}", path.display()))?;
    }
    let fonts = Fonts {
        db: Arc::new(db),
        shapers: Mutex::default(),
    };
    for bold in [false, true] {
        if fonts.query(family("zh-Hant"), bold).is_none() {
            return Err(format!(
                "{} has no {} {} face; reinstall Debian's `fonts-noto-cjk` package, as scripts/setup.sh does.",
                dir.display(),
                family("zh-Hant"),
                if bold { "Bold" } else { "Regular" }
            ));
        }
    }
    Ok(fonts)
}

/// The font family for a language tag. The site's Chinese is traditional (Hong Kong listing),
/// so English cards use the TC face too: any Chinese name in them then looks the same.
pub fn family(lang: &str) -> &'static str {
    let lang = lang.to_ascii_lowercase();
    if lang.starts_with("zh-hans") || lang == "zh-cn" || lang == "zh-sg" {
        "Noto Sans CJK SC"
    } else if lang.starts_with("ja") {
        "Noto Sans CJK JP"
    } else if lang.starts_with("ko") {
        "Noto Sans CJK KR"
    } else {
        "Noto Sans CJK TC"
    }
}

impl Fonts {
    /// The face usvg will pick for this family and weight (the same fontdb query it makes).
    fn query(&self, family: &str, bold: bool) -> Option<fontdb::ID> {
        self.db.query(&fontdb::Query {
            families: &[fontdb::Family::Name(family)],
            weight: if bold {
                fontdb::Weight::BOLD
            } else {
                fontdb::Weight::NORMAL
            },
            ..fontdb::Query::default()
        })
    }

    /// The face for a language, falling back to TC (checked by `load_fonts_from`).
    fn face(&self, lang: &str, bold: bool) -> fontdb::ID {
        self.query(family(lang), bold)
            .or_else(|| self.query(family("zh-Hant"), bold))
            .expect("load_fonts_from checked that the TC faces exist")
    }

    /// Width of `text` in em, shaped like usvg shapes it (harfrust, kerning on, left to right).
    fn em_width(&self, face: fontdb::ID, text: &str) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let (plain, shifted) = plain_text(text);
        let width = self.db.with_face_data(face, |data, index| {
            let font = harfrust::FontRef::from_index(data, index).ok()?;
            let upem = f32::from(font.head().ok()?.units_per_em());
            let shaper_data = {
                let mut shapers = self.shapers.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                shapers
                    .entry(face)
                    .or_insert_with(|| Arc::new(harfrust::ShaperData::new(&font)))
                    .clone()
            };
            let shaper = shaper_data.shaper(&font).build();
            let mut buffer = harfrust::UnicodeBuffer::new();
            buffer.push_str(&plain);
            buffer.set_direction(harfrust::Direction::LeftToRight);
            buffer.guess_segment_properties();
            let glyphs = shaper.shape(buffer, harfrust::ShapeOptions::new());
            let units: f32 = glyphs
                .glyph_infos()
                .iter()
                .zip(glyphs.glyph_positions())
                .map(|(info, pos)| {
                    let scale = if shifted.contains(&(info.cluster as usize)) {
                        SCRIPT_SCALE
                    } else {
                        1.0
                    };
                    pos.x_advance as f32 * scale
                })
                .sum();
            Some(units / upem)
        });
        width.flatten().unwrap_or(0.0)
    }

    /// Line box above and below the baseline, in em: typographic ascender (the CJK em box)
    /// and the deepest Latin descender (hhea), so nothing drawn leaves the box.
    fn em_box(&self, face: fontdb::ID) -> (f32, f32) {
        let metrics = self.db.with_face_data(face, |data, index| {
            let font = skrifa::FontRef::from_index(data, index).ok()?;
            let upem = f32::from(font.head().ok()?.units_per_em());
            let ascent = f32::from(font.os2().ok()?.s_typo_ascender());
            let descent = -f32::from(font.hhea().ok()?.descender().to_i16());
            Some((ascent / upem, descent / upem))
        });
        metrics.flatten().unwrap_or((0.88, 0.288))
    }
}

/// Sub- and superscript digits, which Noto Sans CJK lacks: drawn as small digits instead.
fn script_digit(c: char) -> Option<(char, &'static str)> {
    match c {
        '\u{2080}'..='\u{2089}' => char::from_digit(c as u32 - 0x2080, 10).map(|d| (d, "sub")),
        '\u{2070}' => Some(('0', "super")),
        '\u{00b9}' => Some(('1', "super")),
        '\u{00b2}' => Some(('2', "super")),
        '\u{00b3}' => Some(('3', "super")),
        '\u{2074}'..='\u{2079}' => char::from_digit(c as u32 - 0x2070, 10).map(|d| (d, "super")),
        _ => None,
    }
}

/// The text as shaped: script digits become plain digits, whose byte offsets are returned.
fn plain_text(text: &str) -> (String, Vec<usize>) {
    let mut plain = String::with_capacity(text.len());
    let mut shifted = Vec::new();
    for c in text.chars() {
        match script_digit(c) {
            Some((digit, _)) => {
                shifted.push(plain.len());
                plain.push(digit);
            }
            None => plain.push(c),
        }
    }
    (plain, shifted)
}

/// Characters of the card that the chosen faces cannot draw (they would show as empty boxes),
/// so a build can refuse such a card instead of publishing it.
pub fn missing_glyphs(card: &Card, fonts: &Fonts) -> Vec<char> {
    let face = fonts.face(card.lang, false);
    let (value, label) = card.figure.unwrap_or_default();
    let text: String = [card.eyebrow, card.title, value, label, card.footer].concat();
    let mut missing: Vec<char> = fonts
        .db
        .with_face_data(face, |data, index| {
            let font = skrifa::FontRef::from_index(data, index).ok()?;
            let charmap = font.charmap();
            let (plain, _) = plain_text(&text);
            Some(
                plain
                    .chars()
                    .filter(|c| !c.is_whitespace() && charmap.map(*c).is_none())
                    .collect(),
            )
        })
        .flatten()
        .unwrap_or_default();
    missing.sort_unstable();
    missing.dedup();
    missing
}

/// Ideographs, kana, hangul and full-width forms: a line may break between any two of them.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Punctuation that must not start a line (it belongs to the text before it).
fn no_break_before(c: char) -> bool {
    "、。，．：；！？）」』】〕〉》”’・･·ー…%,.:;!?)]}".contains(c)
}

/// Punctuation that must not end a line (it belongs to the text after it).
fn no_break_after(c: char) -> bool {
    "（「『【〔〈《“‘([{".contains(c)
}

/// Byte offsets where a line may start: after a space, or beside a CJK character.
fn break_points(text: &str) -> Vec<usize> {
    let mut points = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if let Some(p) = prev {
            let after_space = p == ' ' && c != ' ' && !no_break_before(c);
            let cjk = p != ' ' && c != ' ' && (is_cjk(p) || is_cjk(c)) && !no_break_before(c) && !no_break_after(p);
            if after_space || cjk {
                points.push(i);
            }
        }
        prev = Some(c);
    }
    points.push(text.len());
    points
}

/// Greedy line breaking at `break_points`; a word wider than the line is split between
/// characters, so no line is wider than `max` unless a single character is.
fn wrap(text: &str, max: f32, width: impl Fn(&str) -> f32) -> Vec<Range<usize>> {
    let fits = |r: Range<usize>| width(text[r].trim()) <= max;
    let mut lines = Vec::new();
    let (mut start, mut end) = (0, 0);
    for point in break_points(text) {
        if fits(start..point) {
            end = point;
            continue;
        }
        if end > start {
            lines.push(start..end);
            start = end;
            if fits(start..point) {
                end = point;
                continue;
            }
        }
        let cuts: Vec<usize> = text[start..point]
            .char_indices()
            .skip(1)
            .map(|(i, _)| start + i)
            .collect();
        for cut in cuts.into_iter().chain([point]) {
            if !fits(start..cut) && end > start {
                lines.push(start..end);
                start = end;
            }
            end = cut;
        }
    }
    if end > start {
        lines.push(start..end);
    }
    lines
}

/// Noto Sans CJK draws U+00B7 "·" one em wide, which leaves a hole in Latin text; between
/// spaces (a separator, not a CJK name dot) it is drawn as the half-width dot U+FF65.
const SEPARATOR: &str = " \u{ff65} ";

/// Collapses runs of whitespace to one space and trims, as SVG does when it draws the text,
/// and narrows separator dots.
fn prepare(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" \u{b7} ", SEPARATOR)
}

/// The largest size (in 2 px steps) at which `text` wraps to the role's line limit; at the
/// smallest size, text past the last allowed line is cut and "…" ends that line.
fn fit(fonts: &Fonts, face: fontdb::ID, text: &str, style: &Style) -> (f32, Vec<(String, f32)>) {
    let room = TEXT_RIGHT - TEXT_LEFT;
    let mut size = style.max;
    loop {
        let ranges = wrap(text, room / size, |s| fonts.em_width(face, s));
        if ranges.len() <= style.lines || size <= style.min {
            let sep = SEPARATOR.trim_end();
            let mut lines: Vec<String> = ranges
                .iter()
                .map(|r| text[r.clone()].trim())
                .map(|line| line.strip_suffix(sep).unwrap_or(line).to_string())
                .collect();
            if lines.len() > style.lines {
                lines.truncate(style.lines);
                let last = lines.last_mut().expect("a role has at least one line");
                loop {
                    let candidate = format!("{}{ELLIPSIS}", last.trim_end());
                    if last.is_empty() || fonts.em_width(face, &candidate) * size <= room {
                        *last = candidate;
                        break;
                    }
                    last.pop();
                }
            }
            let measured = lines
                .into_iter()
                .map(|line| {
                    let width = fonts.em_width(face, &line) * size;
                    (line, width)
                })
                .collect();
            return (size, measured);
        }
        size = (size - 2.0).max(style.min);
    }
}

/// A role's text, fitted: font size, lines with widths, and the face's line box in em.
struct Block {
    role: Role,
    size: f32,
    lines: Vec<(String, f32)>,
    ascent: f32,
    descent: f32,
}

impl Block {
    fn new(fonts: &Fonts, lang: &str, role: Role, text: &str) -> Self {
        let style = role.style();
        let face = fonts.face(lang, style.bold);
        let (ascent, descent) = fonts.em_box(face);
        let text = prepare(text);
        let (size, lines) = if text.is_empty() {
            (style.max, Vec::new())
        } else {
            fit(fonts, face, &text, &style)
        };
        Block {
            role,
            size,
            lines,
            ascent,
            descent,
        }
    }

    /// Lines placed with the first line box's top at `top`.
    fn place(&self, top: f32) -> Vec<Line> {
        let step = self.size * self.role.style().leading;
        let first = top + self.ascent * self.size;
        self.lines
            .iter()
            .enumerate()
            .map(|(i, (text, width))| {
                let baseline = first + i as f32 * step;
                Line {
                    role: self.role,
                    text: text.clone(),
                    x: TEXT_LEFT,
                    baseline,
                    size: self.size,
                    bold: self.role.style().bold,
                    width: *width,
                    top: baseline - self.ascent * self.size,
                    bottom: baseline + self.descent * self.size,
                }
            })
            .collect()
    }

    /// Height from the first line box's top to the last one's bottom (0 when empty).
    fn height(&self) -> f32 {
        match self.lines.len() {
            0 => 0.0,
            n => (n - 1) as f32 * self.size * self.role.style().leading + (self.ascent + self.descent) * self.size,
        }
    }
}

/// Every text line of the card with its position and measured width: eyebrow, title and
/// figure stack down from the top margin, the footer sits on the bottom margin.
pub fn layout(card: &Card, fonts: &Fonts) -> Vec<Line> {
    let (value, label) = card.figure.unwrap_or_default();
    let mut lines = Vec::new();
    let mut top = TEXT_TOP;
    for (role, text, gap) in [
        (Role::Eyebrow, card.eyebrow, 28.0),
        (Role::Title, card.title, 28.0),
        (Role::Figure, value, 8.0),
        (Role::FigureLabel, label, 0.0),
    ] {
        let block = Block::new(fonts, card.lang, role, text);
        if !block.lines.is_empty() {
            lines.extend(block.place(top));
            top += block.height() + gap;
        }
    }
    let footer = Block::new(fonts, card.lang, Role::Footer, card.footer);
    lines.extend(footer.place(TEXT_BOTTOM - footer.height()));
    lines
}

/// Escapes the five XML special characters so any card text is safe inside the SVG.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

/// A line's text as SVG character data, with script digits as small shifted `tspan`s.
fn svg_text(line: &Line) -> String {
    let mut out = String::new();
    for c in line.text.chars() {
        match script_digit(c) {
            Some((digit, shift)) => out.push_str(&format!(
                r#"<tspan font-size="{:.1}" baseline-shift="{shift}">{digit}</tspan>"#,
                line.size * SCRIPT_SCALE
            )),
            None => out.push_str(&escape(&c.to_string())),
        }
    }
    out
}

/// The card as an SVG document, 1200 x 630; fonts are named by family only, for usvg's
/// font database to resolve, so the SVG never points at a file.
pub fn svg(card: &Card, fonts: &Fonts) -> String {
    let lines = layout(card, fonts);
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">
<rect width="{WIDTH}" height="{HEIGHT}" fill="{PAPER}"/>
<rect width="{BAR_WIDTH}" height="{HEIGHT}" fill="{ACCENT}"/>
"#
    );
    if let Some(first) = lines.iter().find(|line| line.role == Role::Footer) {
        let y = first.top - 20.0;
        out.push_str(&format!(
            r#"<rect x="{TEXT_LEFT}" y="{y:.1}" width="{}" height="2" fill="{RULE}"/>"#,
            TEXT_RIGHT - TEXT_LEFT
        ));
        out.push('\n');
    }
    let family = family(card.lang);
    let lang = escape(card.lang);
    for line in &lines {
        out.push_str(&format!(
            r#"<text x="{:.1}" y="{:.1}" font-family="{family}" font-size="{:.1}" font-weight="{}" fill="{}" xml:lang="{lang}">{}</text>"#,
            line.x,
            line.baseline,
            line.size,
            if line.bold { 700 } else { 400 },
            line.role.style().fill,
            svg_text(line)
        ));
        out.push('\n');
    }
    out.push_str("</svg>\n");
    out
}

/// Parses an SVG made by [`svg`] with the loaded fonts (exposed for tests that inspect it).
pub fn parse(svg: &str, lang: &str, fonts: &Fonts) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        fontdb: fonts.db.clone(),
        font_family: family(lang).to_string(),
        languages: vec![lang.to_string()],
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| format!("cannot parse the card's SVG: {e}"))
}

/// The card rendered to pixels (premultiplied RGBA), for callers that want to inspect them.
pub fn pixmap(card: &Card, fonts: &Fonts) -> Result<tiny_skia::Pixmap, String> {
    let tree = parse(&svg(card, fonts), card.lang, fonts)?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("cannot allocate a 1200 x 630 pixmap")?;
    resvg::render(&tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The card rendered to PNG bytes (1200 x 630), ready to write next to the page.
pub fn png(card: &Card, fonts: &Fonts) -> Result<Vec<u8>, String> {
    pixmap(card, fonts)?
        .encode_png()
        .map_err(|e| format!("cannot encode the card as PNG: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character one em wide, so line breaks are easy to predict.
    fn wrapped(text: &str, max: f32) -> Vec<&str> {
        wrap(text, max, |s| s.chars().count() as f32)
            .into_iter()
            .map(|r| text[r].trim())
            .collect()
    }

    #[test]
    fn english_breaks_at_spaces() {
        assert_eq!(wrapped("alpha beta gamma", 10.0), ["alpha beta", "gamma"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_split_between_characters() {
        assert_eq!(wrapped("abcdefghij", 4.0), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn chinese_breaks_between_characters_but_not_before_closing_punctuation() {
        assert_eq!(wrapped("一二三四五六", 4.0), ["一二三四", "五六"]);
        assert_eq!(wrapped("一二三四、五六", 4.0), ["一二三", "四、五六"]);
        assert_eq!(wrapped("一二三（四五", 4.0), ["一二三", "（四五"]);
    }

    #[test]
    fn separator_dots_are_narrowed_but_name_dots_kept() {
        assert_eq!(prepare("  Medlive ·\n HKEX:  2192 "), "Medlive \u{ff65} HKEX: 2192");
        assert_eq!(prepare("阿·凡提"), "阿·凡提");
    }

    #[test]
    fn script_digits_become_plain_digits_at_known_offsets() {
        assert_eq!(plain_text("tCO₂e m³"), ("tCO2e m3".to_string(), vec![3, 7]));
    }
}
