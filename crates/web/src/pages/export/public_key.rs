//! The platform's public key for signed review bundles (`GET
//! /.well-known/yorozu-reviews-key.json`): whoever is shown a member's `reviews/` folder checks
//! its signature with it. The key changes only with the server key, so it may be cached, and
//! it is public, so any site's scripts may read it.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use yorozu_app::export::signed::public_key_document;

use crate::state::AppState;

pub(super) async fn document(State(state): State<AppState>) -> Response {
    let mut response = Json(public_key_document(&state.app.signer)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    response
}
