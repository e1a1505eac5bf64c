//! The API reference (`/api/v1/docs`): the OpenAPI document rendered by Redoc, whose standalone
//! bundle is committed under `assets/api-docs/` and embedded in the binary, so the page loads
//! nothing from another origin and works offline.

use askama::Template;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::render::page;
use crate::state::AppState;

/// Where the page reads the document from: the one the API serves.
pub const SPEC_URL: &str = "/api/v1/openapi.json";

/// The renderer's URL carries its version, so it can be cached for a year: a new version is a
/// new URL. Update it together with `assets/api-docs/README.md`.
pub const SCRIPT_URL: &str = "/api/v1/docs/redoc-2.5.4.standalone.js";

/// The site's policy (see `crate::CSP`) with two additions Redoc needs, for this page only:
/// styled-components writes its CSS into `<style>` elements and React sets `style`
/// attributes ('unsafe-inline' styles; scripts stay 'self' only), and the search index is
/// built in a Web Worker made from a `blob:` URL.
const DOCS_CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
                        script-src 'self'; worker-src 'self' blob:; object-src 'none'; \
                        frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/// The page, under the pages' context (language, header, footer).
pub fn routes() -> Router<AppState> {
    Router::new().route("/api/v1/docs", get(docs))
}

/// The renderer itself, outside the pages' context: a static file sets no cookie.
pub fn asset_routes() -> Router<AppState> {
    Router::new().route(SCRIPT_URL, get(script))
}

#[derive(Template)]
#[template(path = "api_docs.html")]
struct DocsPage<'a> {
    ctx: &'a Ctx,
    spec_url: &'static str,
    script_url: &'static str,
}

async fn docs(ctx: Ctx) -> PageResult {
    let mut response = page(&DocsPage {
        ctx: &ctx,
        spec_url: SPEC_URL,
        script_url: SCRIPT_URL,
    })?;
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DOCS_CSP),
    );
    Ok(response)
}

async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        include_bytes!("../../assets/api-docs/redoc.standalone.js").as_slice(),
    )
        .into_response()
}
