//! The share kit (シェア) of a seller's published service: ready-to-post texts for X,
//! Facebook, LINE, Instagram and a newsletter in the seller's language, each with the service
//! URL tagged for analytics (`?src=x`, counted as [`yorozu_domain::analytics::Source::Tag`]);
//! a QR code of the URL tagged `?src=qr`, drawn here as SVG; and the service's Open Graph
//! image ([`og_image`]), public like the service page.
//!
//! Every URL is built from the configured public base URL ([`crate::config::Site`]), never
//! from a request's `Host`. Nothing here loads or links a third party's script: the share
//! links are plain addresses of the networks' own share pages.

mod draw;
pub mod font;
pub mod og_image;

use qrcode::QrCode;
use qrcode::render::svg;
use yorozu_domain::listings::ListingStatus;
use yorozu_domain::share::{Network, qr_tag, service_path, tagged_url};
use yorozu_domain::{ListingId, Yen};
use yorozu_i18n::{Arg, Tr};

use crate::accounts::CurrentUser;
use crate::listings::view::{self, ListingView};
use crate::{App, AppError, AppResult};

/// One ready-to-post text.
#[derive(Debug, Clone)]
pub struct SharePost {
    pub network: Network,
    /// The service URL with the network's tag (`…/services/42?src=line`).
    pub url: String,
    /// The text to paste, the tagged URL in it.
    pub text: String,
    /// The network's own share page for the text, where it has one (not Instagram, not a
    /// newsletter).
    pub share_link: Option<String>,
}

/// Everything the share page and `GET /api/v1/listings/{id}/share` show.
#[derive(Debug, Clone)]
pub struct ShareKit {
    pub listing_id: ListingId,
    pub title: String,
    pub price: Yen,
    /// The service page's URL without a tag (its canonical address).
    pub url: String,
    pub posts: Vec<SharePost>,
    /// The URL the QR code holds (`?src=qr`).
    pub qr_url: String,
    /// The Open Graph image's absolute URL, when the server can draw it (its font is there).
    pub og_image_url: Option<String>,
}

/// The service if `user` may share it: their own, published service. Someone else's public
/// service is forbidden; a draft, a paused, a deleted service, or one whose seller is no
/// longer active, is not found.
async fn own_published(app: &App, user: &CurrentUser, id: ListingId) -> AppResult<ListingView> {
    let listing = view::load(app, Some(user), id).await?;
    let public = listing.status == ListingStatus::Published && !listing.paused_notice;
    if !listing.viewer_is_seller {
        return Err(if public {
            AppError::Forbidden
        } else {
            AppError::NotFound
        });
    }
    if listing.status != ListingStatus::Published {
        return Err(AppError::NotFound);
    }
    Ok(listing)
}

/// The share kit of the caller's published service, its texts in the caller's language.
pub async fn kit(app: &App, user: &CurrentUser, id: ListingId) -> AppResult<ShareKit> {
    let listing = own_published(app, user, id).await?;
    let tr = Tr::new(user.locale);
    let base = &app.site.base_url;
    let posts = Network::ALL
        .into_iter()
        .map(|network| {
            let url = tagged_url(base, id, &network.tag());
            let text = tr.ta(
                &format!("share-text-{}", network.key()),
                [
                    ("title", Arg::from(listing.title.as_str())),
                    ("price", Arg::Money(listing.price)),
                    ("url", Arg::from(url.as_str())),
                ],
            );
            SharePost {
                network,
                share_link: network.share_link(&text, &url),
                url,
                text,
            }
        })
        .collect();
    Ok(ShareKit {
        listing_id: id,
        title: listing.title,
        price: listing.price,
        url: app.url(&service_path(id)),
        posts,
        qr_url: tagged_url(base, id, &qr_tag()),
        og_image_url: og_image::available(app).then(|| og_image::url(app, id)),
    })
}

/// The QR code of the caller's service's URL tagged `?src=qr`, as a standalone SVG document.
pub async fn qr_svg(app: &App, user: &CurrentUser, id: ListingId) -> AppResult<String> {
    own_published(app, user, id).await?;
    qr_code_svg(&tagged_url(&app.site.base_url, id, &qr_tag()))
}

/// A QR code of `text` (error correction level M, a quiet zone around it) as SVG.
pub fn qr_code_svg(text: &str) -> AppResult<String> {
    Ok(QrCode::new(text.as_bytes())
        .map_err(|e| AppError::Internal(format!("qr code: {e}")))?
        .render::<svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build())
}
