//! The OpenAPI 3.1 document of the API, derived with utoipa from the handlers
//! (`#[utoipa::path]`) and their request and response types (`ToSchema`), listed in
//! [`derived`]. What no derive can say lives in the `Modify` passes ([`conventions`],
//! [`optional_bodies`]), in the field schemas built from the domain's constants and lists
//! (`*_fields`), and in [`constraints`], which states once the rules the server applies to every
//! request. Tests check that its paths are exactly [`super::ROUTES`], that real responses match
//! its schemas, and compare it with the reviewed snapshot.

mod constraints;
mod conventions;
mod derived;
pub mod fields;
pub mod listing_fields;
mod optional_bodies;
pub mod order_fields;
pub mod payout_fields;
pub mod responses;
pub mod withdrawal_fields;

use std::sync::OnceLock;

use axum::Json;
use serde_json::Value;

/// `GET /api/v1/openapi.json`.
#[utoipa::path(
    get,
    path = "/openapi.json",
    operation_id = "getOpenApi",
    tag = "meta",
    summary = "This document",
    security(),
    responses((status = 200, description = "The OpenAPI 3.1 document.", body = Object)),
)]
pub async fn document() -> Json<Value> {
    Json(spec().clone())
}

/// The document, built once.
pub fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(build)
}

fn build() -> Value {
    let mut doc = derived::document();
    constraints::apply(&mut doc);
    doc
}
