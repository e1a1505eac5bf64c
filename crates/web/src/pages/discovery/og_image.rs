//! `GET /listings/{id}/og.png`: a published service's Open Graph image (1200×630 PNG, its
//! title and price drawn in Japanese), public like the service page and linked from its
//! `og:image`. Anything not public, and every image while the server's font is missing,
//! answers 404.
//!
//! Caches must ask again before each use (`no-cache` with an `ETag` made of what is drawn):
//! an unchanged image costs a 304, and an image of a service that was unpublished or whose
//! seller withdrew is never served from a cache once the service is gone.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use yorozu_app::share::og_image;
use yorozu_domain::ListingId;

use crate::error::PageResult;
use crate::pages::extract::PathId;
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/listings/{id}/og.png", get(show))
}

const CACHE: &str = "public, no-cache";

async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    PathId(id): PathId<ListingId>,
) -> PageResult {
    let image = og_image::og_image(&state.app, id).await?;
    let etag = HeaderValue::from_str(&image.etag)
        .map_err(|_| crate::error::PageError(yorozu_app::AppError::Internal("etag".into())))?;
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim() == image.etag || t.trim() == "*")
        });
    if matches {
        return Ok((
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, etag),
                (header::CACHE_CONTROL, HeaderValue::from_static(CACHE)),
            ],
        )
            .into_response());
    }
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("image/png")),
            (header::ETAG, etag),
            (header::CACHE_CONTROL, HeaderValue::from_static(CACHE)),
        ],
        axum::body::Bytes::copy_from_slice(&image.png),
    )
        .into_response())
}
