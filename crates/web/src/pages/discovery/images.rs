//! Service images and their thumbnails. A replaced image gets a new id, so a day's caching
//! never shows a stale picture.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use yorozu_app::listings::images;

use super::path_id;
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/services/images/{image_id}", get(full))
        .route("/services/images/{image_id}/thumb", get(thumb))
}

async fn full(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    serve(&state, &ctx, &id, false).await
}

async fn thumb(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    serve(&state, &ctx, &id, true).await
}

async fn serve(state: &AppState, ctx: &Ctx, id: &str, thumb: bool) -> PageResult {
    let id = path_id(id)?;
    let bytes = images::load(&state.app, ctx.user.as_ref(), id, thumb).await?;
    // A signed-in seller may be looking at a draft's image: keep that out of shared caches.
    let cache = if ctx.user.is_some() {
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
