//! Service images and their thumbnails. A replaced image gets a new id, so a day's caching
//! never shows a stale picture.

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::listings::images;

use crate::error::PageResult;
use crate::pages::extract::{MaybeSignedIn, PathId};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/services/images/{image_id}", get(full))
        .route("/services/images/{image_id}/thumb", get(thumb))
}

async fn full(
    State(state): State<AppState>,
    MaybeSignedIn(viewer): MaybeSignedIn,
    PathId(id): PathId,
) -> PageResult {
    serve(&state, viewer.as_ref(), id, false).await
}

async fn thumb(
    State(state): State<AppState>,
    MaybeSignedIn(viewer): MaybeSignedIn,
    PathId(id): PathId,
) -> PageResult {
    serve(&state, viewer.as_ref(), id, true).await
}

async fn serve(state: &AppState, viewer: Option<&CurrentUser>, id: i64, thumb: bool) -> PageResult {
    let bytes = images::load(&state.app, viewer, id, thumb).await?;
    // A signed-in seller may be looking at a draft's image: keep that out of shared caches.
    let cache = if viewer.is_some() {
        "private, max-age=86400"
    } else {
        "public, max-age=86400"
    };
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, cache),
        ],
        bytes,
    )
        .into_response())
}
