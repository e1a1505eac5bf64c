//! The download of an archive (`GET /settings/export/{id}/download`): only the member's own,
//! only while it is ready (anyone else's is "not found"), streamed from its stored parts.

use axum::extract::State;
use yorozu_app::export::request;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::{PathId, SignedIn};
use crate::state::AppState;

pub(super) async fn download(
    State(state): State<AppState>,
    _ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId,
) -> PageResult {
    let (row, keys) = request::download(&state.app, user, id).await?;
    Ok(crate::download::export_archive(&state.app, &row, keys))
}
