//! The font the Open Graph image is drawn with, read at run time from a configured file
//! (`YOROZU_OG_FONT`, by default Debian's IPAex Gothic from `fonts-ipaexfont-gothic`, under the
//! IPA Font License). It is read once per process and path; a missing or unreadable file is
//! logged (once, as a warning) and the image is not offered, the rest of the site runs on.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use ab_glyph::FontArc;

/// Debian's IPAex Gothic (package `fonts-ipaexfont-gothic`).
pub const DEFAULT_PATH: &str = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

/// What this process found at each path it was asked about.
fn loaded() -> &'static Mutex<HashMap<PathBuf, Option<FontArc>>> {
    static LOADED: OnceLock<Mutex<HashMap<PathBuf, Option<FontArc>>>> = OnceLock::new();
    LOADED.get_or_init(Default::default)
}

/// The font at `path`, read and parsed on first use; `None` (logged once) when the file is
/// missing or is not a font. A font installed later is picked up after a restart.
pub fn at(path: &Path) -> Option<FontArc> {
    let mut loaded = loaded().lock().unwrap_or_else(|p| p.into_inner());
    if let Some(font) = loaded.get(path) {
        return font.clone();
    }
    let font = std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| FontArc::try_from_vec(bytes).map_err(|e| e.to_string()));
    let font = match font {
        Ok(font) => Some(font),
        Err(error) => {
            tracing::warn!(
                path = %path.display(),
                %error,
                "the Open Graph image font cannot be read: /listings/{{id}}/og.png answers 404 and service pages \
                 carry no drawn og:image (install Debian's fonts-ipaexfont-gothic or set YOROZU_OG_FONT)"
            );
            None
        }
    };
    loaded.insert(path.to_owned(), font.clone());
    font
}
