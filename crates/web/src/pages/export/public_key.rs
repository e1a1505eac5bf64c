//! The platform's public key for signed review bundles (`GET
//! /.well-known/yorozu-reviews-key.json`): whoever is shown a member's `reviews/` folder checks
//! its signature with it. The key changes only with the server key, so it may be cached, and
//! it is public, so any site's scripts may read it.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa::openapi::schema::Object;
use yorozu_app::export::signed::{FORMAT, PUBLIC_KEY_PATH, PublicKeyDocument, public_key_document};

use crate::api::openapi::fields::one_of;
use crate::state::AppState;

/// The key document as served. It is outside the API, but the API's document describes it
/// (the `ReviewsPublicKey` schema) so that programs checking bundles know its shape.
#[derive(Debug, Serialize, ToSchema)]
#[schema(description = format!("Served at {PUBLIC_KEY_PATH} (outside this API) to check signed review bundles."))]
pub struct ReviewsPublicKey {
    #[schema(schema_with = bundle_format)]
    format: String,
    #[schema(schema_with = signature_algorithm)]
    algorithm: String,
    /// The first 16 hex digits of the key's SHA-256.
    key_id: String,
    /// The 32-byte Ed25519 key in standard base64.
    public_key: String,
}

impl From<PublicKeyDocument> for ReviewsPublicKey {
    fn from(key: PublicKeyDocument) -> ReviewsPublicKey {
        ReviewsPublicKey {
            format: key.format,
            algorithm: key.algorithm,
            key_id: key.key_id,
            public_key: key.public_key,
        }
    }
}

fn bundle_format() -> Object {
    one_of(&[FORMAT])
}

fn signature_algorithm() -> Object {
    one_of(&["Ed25519ph"])
}

pub(super) async fn document(State(state): State<AppState>) -> Response {
    let key = ReviewsPublicKey::from(public_key_document(&state.app.signer));
    let mut response = Json(key).into_response();
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
