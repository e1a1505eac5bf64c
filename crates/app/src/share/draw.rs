//! Drawing the Open Graph image (1200×630 PNG): the service's title wrapped over at most
//! three lines (Japanese breaks between any two characters, except before closing
//! punctuation and small kana; Latin words stay whole when they fit), its price large, and
//! the site's name. Glyph outlines come from `ab_glyph`; the PNG from `image`'s encoder.

use ab_glyph::{Font, FontArc, GlyphId, PxScale, ScaleFont, point};
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, ImageEncoder, Rgb, RgbImage};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const BACKGROUND: Rgb<u8> = Rgb([255, 255, 255]);
const INK: Rgb<u8> = Rgb([31, 41, 51]);
/// The site's colours (`--brand`, `--accent` in app.css).
const BRAND: Rgb<u8> = Rgb([11, 110, 95]);
const ACCENT: Rgb<u8> = Rgb([228, 87, 46]);

const MARGIN: f32 = 80.0;
const TITLE_SIZE: f32 = 68.0;
const TITLE_LINE: f32 = 94.0;
const TITLE_TOP: f32 = 84.0;
const TITLE_LINES: usize = 3;
const PRICE_SIZE: f32 = 104.0;
const PRICE_BASELINE: f32 = 530.0;
const SITE_SIZE: f32 = 44.0;
const SITE_BASELINE: f32 = 560.0;
const BAR: u32 = 24;
const FOOT: u32 = 30;

/// Where the title's lines are drawn (for tests that look for ink there).
pub const TITLE_AREA: (u32, u32, u32, u32) = (
    MARGIN as u32,
    TITLE_TOP as u32,
    WIDTH - MARGIN as u32,
    (TITLE_TOP + TITLE_LINE * TITLE_LINES as f32) as u32,
);

/// Characters that may not begin a line (行頭禁則): they stay at the end of the line before.
const NO_LINE_START: &str =
    "、。，．,.・：:；;？?！!ー）)]｝」』】〉》〕’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々…";

/// The PNG of a service's image.
pub fn render(font: &FontArc, title: &str, price: &str, site: &str) -> Result<Vec<u8>, String> {
    let mut img = RgbImage::from_pixel(WIDTH, HEIGHT, BACKGROUND);
    fill(&mut img, 0, 0, BAR, HEIGHT, BRAND);
    fill(&mut img, 0, HEIGHT - FOOT, WIDTH, FOOT, BRAND);

    let width = WIDTH as f32 - 2.0 * MARGIN;
    for (i, line) in wrap(font, TITLE_SIZE, title, width, TITLE_LINES)
        .iter()
        .enumerate()
    {
        let baseline = TITLE_TOP + TITLE_LINE * i as f32 + TITLE_SIZE * 0.9;
        draw_text(
            &mut img, font, TITLE_SIZE, MARGIN, baseline, line, INK, false,
        );
    }
    draw_text(
        &mut img,
        font,
        PRICE_SIZE,
        MARGIN,
        PRICE_BASELINE,
        price,
        ACCENT,
        true,
    );
    let site_width = measure(font, SITE_SIZE, site);
    draw_text(
        &mut img,
        font,
        SITE_SIZE,
        WIDTH as f32 - MARGIN - site_width,
        SITE_BASELINE,
        site,
        BRAND,
        true,
    );

    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Default, FilterType::Adaptive)
        .write_image(img.as_raw(), WIDTH, HEIGHT, ExtendedColorType::Rgb8)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

fn fill(img: &mut RgbImage, x: u32, y: u32, w: u32, h: u32, color: Rgb<u8>) {
    for py in y..(y + h).min(HEIGHT) {
        for px in x..(x + w).min(WIDTH) {
            img.put_pixel(px, py, color);
        }
    }
}

/// The glyph of a character, or `None` for one the font lacks (drawn as nothing rather than
/// as a box).
fn glyph(font: &FontArc, ch: char) -> Option<GlyphId> {
    let id = font.glyph_id(ch);
    (id.0 != 0 || ch == ' ').then_some(id)
}

/// The advance width of `text` at `size`.
fn measure(font: &FontArc, size: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size));
    let mut width = 0.0;
    let mut prev: Option<GlyphId> = None;
    for id in text.chars().filter_map(|ch| glyph(font, ch)) {
        if let Some(p) = prev {
            width += scaled.kern(p, id);
        }
        width += scaled.h_advance(id);
        prev = Some(id);
    }
    width
}

/// Draws `text` from `x` on `baseline`, blending coverage into the background; `bold` draws
/// it twice, shifted by a pixel and a half (the font has one weight).
#[expect(
    clippy::too_many_arguments,
    reason = "a drawing call names where, what and how"
)]
fn draw_text(
    img: &mut RgbImage,
    font: &FontArc,
    size: f32,
    x: f32,
    baseline: f32,
    text: &str,
    color: Rgb<u8>,
    bold: bool,
) {
    let passes: &[f32] = if bold { &[0.0, 1.5] } else { &[0.0] };
    let scale = PxScale::from(size);
    let scaled = font.as_scaled(scale);
    for dx in passes {
        let mut caret = x + dx;
        let mut prev: Option<GlyphId> = None;
        for id in text.chars().filter_map(|ch| glyph(font, ch)) {
            if let Some(p) = prev {
                caret += scaled.kern(p, id);
            }
            let positioned = id.with_scale_and_position(scale, point(caret, baseline));
            caret += scaled.h_advance(id);
            prev = Some(id);
            let Some(outline) = font.outline_glyph(positioned) else {
                continue;
            };
            let bounds = outline.px_bounds();
            outline.draw(|gx, gy, coverage| {
                let px = bounds.min.x as i64 + i64::from(gx);
                let py = bounds.min.y as i64 + i64::from(gy);
                let (Ok(px), Ok(py)) = (u32::try_from(px), u32::try_from(py)) else {
                    return;
                };
                if px >= WIDTH || py >= HEIGHT {
                    return;
                }
                let c = coverage.clamp(0.0, 1.0);
                let old = img.get_pixel(px, py).0;
                let mix =
                    |o: u8, n: u8| (f32::from(o) * (1.0 - c) + f32::from(n) * c).round() as u8;
                img.put_pixel(
                    px,
                    py,
                    Rgb([
                        mix(old[0], color.0[0]),
                        mix(old[1], color.0[1]),
                        mix(old[2], color.0[2]),
                    ]),
                );
            });
        }
    }
}

/// Pieces a line may break between: a run of ASCII letters and digits (a Latin word) or one
/// other character.
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() {
            word.push(ch);
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        out.push(ch.to_string());
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// `text` on one line (white space collapsed) wrapped into at most `max_lines` lines of
/// `width`; what does not fit ends the last line with 「…」.
pub(super) fn wrap(
    font: &FontArc,
    size: f32,
    text: &str,
    width: f32,
    max_lines: usize,
) -> Vec<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let fits = |s: &str| measure(font, size, s) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for piece in pieces(&text) {
        let candidate = format!("{line}{piece}");
        let no_start = piece.chars().all(|c| NO_LINE_START.contains(c));
        if fits(&candidate) || no_start {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if piece == " " {
            continue;
        }
        if fits(&piece) {
            line = piece;
            continue;
        }
        // A word wider than the whole line: split it by characters.
        for ch in piece.chars() {
            let next = format!("{line}{ch}");
            if fits(&next) || line.is_empty() {
                line = next;
            } else {
                lines.push(std::mem::take(&mut line));
                line = ch.to_string();
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let mut cut: String = last.trim_end().to_owned();
            while !cut.is_empty() && !fits(&format!("{cut}…")) {
                cut.pop();
            }
            *last = format!("{cut}…");
        }
    }
    lines
        .into_iter()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::font;

    fn font() -> Option<FontArc> {
        font::at(std::path::Path::new(font::DEFAULT_PATH))
    }

    #[test]
    fn long_japanese_titles_wrap_into_three_lines_and_end_with_an_ellipsis() {
        let Some(font) = font() else {
            eprintln!("skipped: {} is not installed", font::DEFAULT_PATH);
            return;
        };
        let width = WIDTH as f32 - 2.0 * MARGIN;
        let short = wrap(&font, TITLE_SIZE, "ロゴを作成します", width, 3);
        assert_eq!(short, vec!["ロゴを作成します".to_owned()]);
        let long = "あなたのお店のロゴを、プロのデザイナーが丁寧に作成します。名刺やチラシにも使えるデータでお渡しします。修正は何度でも無料です。";
        let lines = wrap(&font, TITLE_SIZE, long, width, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'), "{lines:?}");
        for line in &lines {
            assert!(
                measure(&font, TITLE_SIZE, line) <= width + TITLE_SIZE,
                "{line}"
            );
            // Closing punctuation never begins a line.
            assert!(!line.starts_with(['、', '。']), "{lines:?}");
        }
        let latin = wrap(
            &font,
            TITLE_SIZE,
            "WordPress website design and development for small shops",
            width,
            3,
        );
        assert!(latin.iter().all(|l| !l.starts_with(' ')));
        assert!(latin.concat().contains("WordPress"));
    }
}
