//! Talk-room attachments for download (`GET /orders/{id}/files/{attachment_id}`), served only
//! to the order's parties (the use case answers "not found" to anyone else), always as a
//! download (see [`crate::download`]).

use axum::extract::State;
use yorozu_app::orders::talk;
use yorozu_domain::OrderId;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::{PathIds, SignedIn};
use crate::state::AppState;

pub(super) async fn download(
    State(state): State<AppState>,
    _ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathIds(id, attachment_id): PathIds<OrderId, i64>,
) -> PageResult {
    let (file, bytes) = talk::attachment(&state.app, user, id, attachment_id).await?;
    Ok(crate::download::attachment(
        &file.file_name,
        &file.content_type,
        bytes,
    ))
}
