//! The download of an archive (`GET /settings/export/{id}/download`): only the member's own,
//! only while it is ready (anyone else's is "not found"), streamed from its stored parts.

use axum::extract::{Path, State};
use yorozu_app::AppError;
use yorozu_app::export::request;

use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
use crate::pages::settings::signed_in;
use crate::state::AppState;

pub(super) async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    let user = signed_in!(ctx);
    let id = id
        .parse::<i64>()
        .map_err(|_| PageError(AppError::NotFound))?;
    let (row, keys) = request::download(&state.app, user, id).await?;
    Ok(crate::download::export_archive(&state.app, &row, keys))
}
