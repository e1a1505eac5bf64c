//! The Open Graph image of a public service (`/listings/{id}/og.png`): its title and price
//! drawn in Japanese with the site's name, 1200×630, so that a shared link shows what is on
//! offer. Drawn once per title and price: kept in the catalogue cache under the service,
//! dropped exactly when the service or its seller changes (an edit, unpublishing, the
//! seller's withdrawal), and answered with an `ETag` made of what is drawn.
//!
//! Only a published service of an active seller has one; anything else is not found, and so
//! is every image while the font is missing (see [`super::font`]).

use std::sync::Arc;

use sha2::{Digest, Sha256};
use yorozu_domain::ListingId;
use yorozu_domain::listings::ListingStatus;
use yorozu_domain::locale::Locale;
use yorozu_i18n::{Arg, Tr};

use super::{draw, font};
use crate::catalog;
use crate::listings::view;
use crate::{App, AppError, AppResult};

/// Changes whenever the drawing changes, so that clients fetch the new picture.
const DRAWING_VERSION: &str = "og-1";

pub use draw::{HEIGHT, TITLE_AREA, WIDTH};

/// A drawn image.
#[derive(Debug)]
pub struct OgImage {
    pub png: Arc<[u8]>,
    /// A strong validator (quoted) from the drawing's inputs.
    pub etag: String,
}

/// Whether the server can draw images (the font could be read).
pub fn available(app: &App) -> bool {
    font::at(&app.site.og_font).is_some()
}

/// The image's absolute URL.
pub fn url(app: &App, id: ListingId) -> String {
    app.url(&path(id))
}

/// The image's path.
pub fn path(id: ListingId) -> String {
    format!("/listings/{id}/og.png")
}

fn etag_of(title: &str, price: &str, site: &str) -> String {
    let mut hash = Sha256::new();
    for part in [DRAWING_VERSION, title, price, site] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    format!("\"{}\"", &hex::encode(hash.finalize())[..24])
}

/// Images drawn at the same time, at most.
const DRAWING_AT_ONCE: usize = 2;

static DRAWING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(DRAWING_AT_ONCE);

/// The image of a published service, drawn or from the cache.
pub async fn og_image(app: &App, id: ListingId) -> AppResult<Arc<OgImage>> {
    let seen = catalog::sync(app).await?;
    let listing = view::load(app, None, id).await?;
    if listing.status != ListingStatus::Published || listing.paused_notice {
        return Err(AppError::NotFound);
    }
    // Without its font there is no image (said once, when the font was looked for).
    let Some(font) = font::at(&app.site.og_font) else {
        return Err(AppError::NotFound);
    };
    // The image is the same for everyone: Japanese, the product's primary language.
    let tr = Tr::new(Locale::Ja);
    let price = tr.ta("share-og-price", [("price", Arg::Money(listing.price))]);
    let site = tr.t("site-name");
    let etag = etag_of(&listing.title, &price, &site);
    if let Some(cached) = app.catalog.og_image(id)
        && cached.etag == etag
    {
        return Ok(cached);
    }
    // The address is public: however many requests miss the cache at once, at most
    // [`DRAWING_AT_ONCE`] images are drawn at a time, so that the pages keep their cores.
    let _turn = DRAWING
        .acquire()
        .await
        .map_err(|e| AppError::Internal(format!("waiting to draw the og image: {e}")))?;
    if let Some(cached) = app.catalog.og_image(id)
        && cached.etag == etag
    {
        return Ok(cached);
    }
    let title = listing.title.clone();
    let png = tokio::task::spawn_blocking(move || draw::render(&font, &title, &price, &site))
        .await
        .map_err(|e| AppError::Internal(format!("drawing the og image: {e}")))?
        .map_err(|e| AppError::Internal(format!("encoding the og image: {e}")))?;
    let image = Arc::new(OgImage {
        png: png.into(),
        etag,
    });
    app.catalog
        .store_og_image(seen, id, image.clone(), listing.shows());
    Ok(image)
}
