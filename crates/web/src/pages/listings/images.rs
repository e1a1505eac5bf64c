//! A listing's images: upload (multipart; the CSRF token travels in the action URL because
//! the CSRF check does not read multipart bodies) and delete. Refused uploads (not an image,
//! too large, too many) re-render the edit page at 422 with the message by the upload form.
//! The bytes themselves are served on the buyer side at /services/images/{id}.

use axum::Router;
use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::routing::post;
use yorozu_app::listings::images;
use yorozu_domain::ListingId;

use super::form::{edit_url, edit_with_image_error};
use crate::ctx::Ctx;
use crate::error::{PageResult, form_or_page};
use crate::pages::extract::{PathId, SignedIn};
use crate::render::redirect_with_flash;
use crate::state::AppState;

/// The multipart field that carries the image (the use case reports errors on it too).
const IMAGE_FIELD: &str = "image";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/listings/{id}/images", post(upload))
        .route("/listings/images/{image_id}/delete", post(delete))
}

async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<ListingId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let max = state.app.policy.listing_image_max_bytes;
    let result = match crate::upload::read(multipart, IMAGE_FIELD, max).await.file {
        Ok(bytes) => images::add(&state.app, user, id, bytes).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            &format!("{}#images", edit_url(id)),
            "listings-flash-image-added",
        )),
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

async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(image_id): PathId,
) -> PageResult {
    let listing_id = images::remove(&state.app, user, image_id).await?;
    Ok(redirect_with_flash(
        &ctx,
        &format!("{}#images", edit_url(listing_id)),
        "listings-flash-image-deleted",
    ))
}
