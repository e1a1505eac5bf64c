//! The data export (データのダウンロード): asking for an archive of everything the platform holds
//! about the caller, following its build, and downloading it once it is ready — the same use
//! cases as the settings page.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};
use yorozu_app::AppError;
use yorozu_app::export::{Archive, HOURS_BETWEEN, VALID_DAYS, request};
use yorozu_domain::export::ArchiveStatus;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::ApiId;
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::{Conflict, NotFound};
use crate::state::AppState;

/// The API path of an archive's bytes.
pub(crate) fn download_url(id: i64) -> String {
    format!("/api/v1/me/exports/{id}/download")
}

/// One archive and where it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct Export {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(schema_with = archive_status)]
    status: String,
    /// Percent built.
    #[schema(minimum = 0, maximum = 100)]
    progress: i64,
    #[schema(schema_with = openapi::time)]
    requested_at: i64,
    #[schema(schema_with = openapi::nullable_time, required)]
    ready_at: Option<i64>,
    #[schema(schema_with = expires_at, required)]
    expires_at: Option<i64>,
    /// The ZIP file's size in bytes once it is ready; 0 before.
    #[schema(minimum = 0)]
    size_bytes: i64,
    /// GET /me/exports/{id}/download while the archive is ready; null otherwise.
    #[schema(required)]
    download_url: Option<String>,
    #[schema(schema_with = next_request_at)]
    next_request_at: i64,
}

/// Where an archive stands: the domain's own list.
fn archive_status() -> Object {
    let mut status = openapi::one_of(&ArchiveStatus::ALL.map(ArchiveStatus::as_str));
    status.description = Some(
        "queued: waiting to be built; building: see `progress`; ready: can be downloaded until `expires_at`; \
         expired: the download period ended and it was deleted; failed: it could not be built (ask again)."
            .into(),
    );
    status
}

/// The end of the download period, which lasts [`VALID_DAYS`].
fn expires_at() -> Object {
    let mut time = openapi::nullable_time();
    time.description = Some(format!(
        "Unix seconds: the end of the download period, {VALID_DAYS} days after it was ready."
    ));
    time
}

/// When the next archive may be asked for: [`HOURS_BETWEEN`] after this one.
fn next_request_at() -> Object {
    let mut time = openapi::time();
    time.description = Some(format!(
        "Unix seconds: from when POST /me/exports accepts the next request ({HOURS_BETWEEN} hours after this \
         one was asked for; at once after a failure)."
    ));
    time
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

/// An archive's bytes: a ZIP file.
#[derive(Debug)]
pub struct ZipFile;

impl PartialSchema for ZipFile {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::String))
            .content_media_type("application/zip")
            .build()
            .into()
    }
}

impl ToSchema for ZipFile {}

/// `POST /me/exports`: asks for a new archive (202; it is built in the background).
#[utoipa::path(
    post,
    path = "/me/exports",
    operation_id = "requestMyExport",
    summary = "Ask for an archive of the caller's data",
    description = "Starts building a ZIP archive of everything the platform holds about the caller: the profile, \
                   services with their images, orders, talk-room messages and files, reviews received and given, \
                   sales, the ledger, payout requests, points and coupons — each as JSON (`data/`) and as CSV for \
                   spreadsheets (`csv/`), a readable `index.html`, the stored files (`files/`), the JSON Schema of \
                   the data (`schema/`) and the reviews received as a signed bundle (`reviews/`; check it with the \
                   key at `/.well-known/yorozu-reviews-key.json`). Other members appear only by their public \
                   display name. The archive is built in the background: follow it with GET /me/exports/latest; \
                   the caller is also mailed when it is ready. Refusals: 409 `export-in-progress` (one is being \
                   built), `export-once-a-day` (the last one was asked for less than 24 hours ago; see its \
                   `next_request_at`), `account-closed`.",
    responses(
        (status = 202, description = "The archive is queued.", body = Export),
        (status = 409, response = Conflict),
    ),
)]
pub async fn create(State(state): State<AppState>, ApiUser(user): ApiUser) -> ApiResult<Response> {
    let row = request::request(&state.app, &user).await?;
    Ok((StatusCode::ACCEPTED, Json(Export::from(row))).into_response())
}

/// `GET /me/exports/latest`: the caller's latest archive; 404 when they never asked for one.
#[utoipa::path(
    get,
    path = "/me/exports/latest",
    operation_id = "getMyLatestExport",
    summary = "The caller's latest archive",
    description = "Its progress while it is built (`queued`, then `building` with `progress` 0–100), then `ready` \
                   with `download_url` until `expires_at`, after which it is `expired` and deleted. 404 when the \
                   caller never asked for one.",
    responses(
        (status = 200, description = "The latest archive.", body = Export),
        (status = 404, response = NotFound),
    ),
)]
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
#[utoipa::path(
    get,
    path = "/me/exports/{id}/download",
    operation_id = "downloadMyExport",
    summary = "Download an archive",
    description = "The caller's own archive while it is `ready`; anyone else's is 404. One that is not ready (still \
                   built, expired, failed) is a 409 `export-not-available`.",
    params(("id" = String, Path, description = "The archive id.")),
    responses(
        (
            status = 200,
            description = "The archive, a ZIP file, sent as it is read (parts are not gathered first).",
            content_type = "application/zip",
            body = inline(ZipFile),
            headers(
                ("Content-Disposition" = String, description = "`attachment`, with the file name \
                    `yorozu-data-YYYY-MM-DD.zip` (the day it was asked for)."),
                ("Content-Length" = i64, description = "The archive's size, the same as `size_bytes`."),
            ),
        ),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    ),
)]
pub async fn download(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<Response> {
    let (row, keys) = request::download(&state.app, &user, id).await?;
    Ok(crate::download::export_archive(&state.app, &row, keys))
}
