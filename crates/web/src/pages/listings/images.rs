//! A listing's images: upload (multipart; the CSRF token travels in the action URL because
//! the CSRF check does not read multipart bodies) and delete. Refused uploads (not an image,
//! too large, too many) re-render the edit page at 422 with the message by the upload form.
//! The bytes themselves are served on the buyer side at /services/images/{id}.

use axum::extract::multipart::{Multipart, MultipartError, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use yorozu_app::listings::images;
use yorozu_app::{AppError, AppResult, FieldError};

use super::form::{edit_url, edit_with_image_error};
use super::parse_id;
use crate::ctx::Ctx;
use crate::error::{form_or_page, PageResult};
use crate::pages::settings::signed_in;
use crate::render::redirect_with_flash;
use crate::state::AppState;

/// The multipart field that carries the image (the use case reports errors on it too).
const IMAGE_FIELD: &str = "image";
const MIB: usize = 1024 * 1024;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/listings/{id}/images", post(upload))
        .route("/listings/images/{image_id}/delete", post(delete))
}

async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let user = signed_in!(ctx);
    let id = parse_id(&id)?;
    let max = state.app.policy.listing_image_max_bytes;
    let result = match image_bytes(multipart, max).await {
        Ok(bytes) => images::add(&state.app, user, id, bytes).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(redirect_with_flash(&ctx, &format!("{}#images", edit_url(id)), "listings-flash-image-added")),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let message = errors
                .get(IMAGE_FIELD)
                .or_else(|| errors.all().first().copied())
                .unwrap_or_default()
                .to_owned();
            edit_with_image_error(&state, &ctx, user, id, status, message).await
        }
    }
}

async fn delete(State(state): State<AppState>, ctx: Ctx, Path(image_id): Path<String>) -> PageResult {
    let user = signed_in!(ctx);
    let image_id = parse_id(&image_id)?;
    let listing_id = images::remove(&state.app, user, image_id).await?;
    Ok(redirect_with_flash(&ctx, &format!("{}#images", edit_url(listing_id)), "listings-flash-image-deleted"))
}

/// The bytes of the `image` field. A missing or unreadable field is reported on the image
/// field, never as a bare error.
async fn image_bytes(multipart: Result<Multipart, MultipartRejection>, max_bytes: usize) -> AppResult<Vec<u8>> {
    let empty = || AppError::invalid(IMAGE_FIELD, "upload-empty");
    let Ok(mut multipart) = multipart else { return Err(empty()) };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Err(empty()),
            Err(e) => return Err(unreadable(&e, max_bytes)),
        };
        if field.name() != Some(IMAGE_FIELD) {
            continue;
        }
        return match field.bytes().await {
            Ok(bytes) => Ok(bytes.to_vec()),
            Err(e) => Err(unreadable(&e, max_bytes)),
        };
    }
}

/// A body cut off by the size limit is a file that is too large; anything else is treated
/// as no file at all.
fn unreadable(e: &MultipartError, max_bytes: usize) -> AppError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::Invalid(vec![FieldError::new(IMAGE_FIELD, "upload-too-large").with("max_mb", max_bytes / MIB)])
    } else {
        AppError::invalid(IMAGE_FIELD, "upload-empty")
    }
}
