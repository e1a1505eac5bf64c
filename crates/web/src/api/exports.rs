//! The data export (データのダウンロード): asking for an archive of everything the platform holds
//! about the caller, following its build, and downloading it once it is ready — the same use
//! cases as the settings page.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use yorozu_app::AppError;
use yorozu_app::export::{Archive, request};
use yorozu_domain::export::ArchiveStatus;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::ApiId;
use crate::state::AppState;

/// The API path of an archive's bytes.
pub(crate) fn download_url(id: i64) -> String {
    format!("/api/v1/me/exports/{id}/download")
}

/// One archive and where it stands.
#[derive(Debug, Serialize)]
pub struct Export {
    id: String,
    /// `queued`, `building`, `ready`, `expired` or `failed`.
    status: String,
    progress: i64,
    requested_at: i64,
    ready_at: Option<i64>,
    expires_at: Option<i64>,
    /// 0 until it is ready.
    size_bytes: i64,
    /// Only while it is ready.
    download_url: Option<String>,
    /// When the caller may ask for the next archive.
    next_request_at: i64,
}

impl From<Archive> for Export {
    fn from(row: Archive) -> Export {
        Export {
            id: row.id.to_string(),
            download_url: (row.status == ArchiveStatus::Ready).then(|| download_url(row.id)),
            next_request_at: request::next_allowed_at(&row),
            progress: row.progress,
            requested_at: row.requested_at,
            ready_at: row.ready_at,
            expires_at: row.expires_at,
            size_bytes: row.size_bytes,
            status: row.status.as_str().to_owned(),
        }
    }
}

/// `POST /me/exports`: asks for a new archive (202; it is built in the background).
pub async fn create(State(state): State<AppState>, ApiUser(user): ApiUser) -> ApiResult<Response> {
    let row = request::request(&state.app, &user).await?;
    Ok((StatusCode::ACCEPTED, Json(Export::from(row))).into_response())
}

/// `GET /me/exports/latest`: the caller's latest archive; 404 when they never asked for one.
pub async fn latest(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Export>> {
    let row = request::latest(&state.app, &user)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(row.into()))
}

/// `GET /me/exports/{id}/download`: the archive's bytes (a ZIP file), streamed.
pub async fn download(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<Response> {
    let (row, keys) = request::download(&state.app, &user, id).await?;
    Ok(crate::download::export_archive(&state.app, &row, keys))
}
