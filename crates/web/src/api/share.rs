//! The share kit of one of the caller's published services: the ready-to-post texts for each
//! network in the caller's language, each with the service URL tagged for analytics
//! (`?src=x`), the networks' share links, the QR code's URL and the Open Graph image.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use yorozu_app::share::{self, ShareKit, SharePost};
use yorozu_domain::ListingId;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::ApiId;
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::{Forbidden, NotFound};
use crate::state::AppState;

/// One ready-to-post text.
#[derive(Debug, Serialize, ToSchema)]
pub struct SharePostBody {
    /// `x`, `facebook`, `line`, `instagram` or `newsletter`; also the URL's source tag.
    network: String,
    /// The service URL with the network's tag (`…/services/{id}?src=x`).
    url: String,
    /// The text to post, the tagged URL in it.
    text: String,
    /// The network's own share page for the text (X, Facebook, LINE); `null` for Instagram,
    /// which has none, and for newsletters.
    #[schema(required)]
    share_link: Option<String>,
}

/// A service's share kit.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShareKitBody {
    #[schema(schema_with = openapi::id)]
    service_id: String,
    title: String,
    /// The price in yen.
    price: i64,
    /// The service page's URL without a tag.
    url: String,
    /// One text per network, in the order `x`, `facebook`, `line`, `instagram`, `newsletter`.
    posts: Vec<SharePostBody>,
    /// The URL the QR code holds (tagged `?src=qr`).
    qr_url: String,
    /// The QR code as SVG (the owner's page `/listings/{id}/share/qr.svg` serves the same).
    qr_svg: String,
    /// The Open Graph image (1200×630 PNG); `null` while the server cannot draw it.
    #[schema(required)]
    og_image_url: Option<String>,
}

impl From<&SharePost> for SharePostBody {
    fn from(p: &SharePost) -> SharePostBody {
        SharePostBody {
            network: p.network.key().to_owned(),
            url: p.url.clone(),
            text: p.text.clone(),
            share_link: p.share_link.clone(),
        }
    }
}

fn body(kit: ShareKit, qr_svg: String) -> ShareKitBody {
    ShareKitBody {
        service_id: kit.listing_id.to_string(),
        posts: kit.posts.iter().map(SharePostBody::from).collect(),
        title: kit.title,
        price: kit.price.get(),
        url: kit.url,
        qr_url: kit.qr_url,
        qr_svg,
        og_image_url: kit.og_image_url,
    }
}

/// `GET /listings/{id}/share`: the caller's share kit for their published service.
#[utoipa::path(
    get,
    path = "/listings/{id}/share",
    operation_id = "getListingShareKit",
    summary = "The share kit of one of the caller's services",
    description = "Ready-to-post texts for X, Facebook, LINE, Instagram and a newsletter in the caller's language, \
                   each with the service URL carrying a source tag (`?src=x`, `?src=facebook`, …) that the \
                   seller's analytics count as that source; the networks' share links; the QR code (tagged \
                   `?src=qr`) as SVG; and the Open Graph image's URL. URLs use the site's configured public \
                   address. Only the seller of a published service gets it: another member's public service is \
                   forbidden, a draft, paused or deleted service is not found.",
    params(("id" = String, Path, description = "The listing id.")),
    responses(
        (status = 200, description = "The share kit.", body = ShareKitBody),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
    ),
)]
pub async fn kit(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<ListingId>,
) -> ApiResult<Json<ShareKitBody>> {
    let kit = share::kit(&state.app, &user, id).await?;
    let qr = share::qr_code_svg(&kit.qr_url)?;
    Ok(Json(body(kit, qr)))
}
