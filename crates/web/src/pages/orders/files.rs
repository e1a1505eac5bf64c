//! Talk-room attachments for download (`GET /orders/{id}/files/{attachment_id}`), served only
//! to the order's parties (the use case answers "not found" to anyone else), always as a
//! download (see [`crate::download`]).

use axum::extract::{Path, State};
use yorozu_app::orders::talk;

use super::path_id;
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::settings::signed_in;
use crate::state::AppState;

pub(super) async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, attachment_id)): Path<(String, String)>,
) -> PageResult {
    let user = signed_in!(ctx);
    let id = path_id(&id)?;
    let attachment_id = path_id(&attachment_id)?;
    let (row, bytes) = talk::attachment(&state.app, user, id, attachment_id).await?;
    Ok(crate::download::attachment(
        &row.file_name,
        &row.content_type,
        bytes,
    ))
}
