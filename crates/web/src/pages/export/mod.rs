//! Downloading one's data (データのダウンロード), one of the settings pages. `GET /settings/export`
//! explains what the archive holds, how long it can be downloaded and how often it can be asked
//! for, shows the state of the latest archive (with a progress bar while it is built, a link
//! once it is ready) and ends with the button that asks for a new one.
//!
//! - `POST /settings/export`: ask for an archive ([`status::request`]);
//! - `GET /settings/export/{id}/download`: the member's own ready archive, streamed part by
//!   part ([`download`]);
//! - `GET /.well-known/yorozu-reviews-key.json`: the public key that checks the signed reviews
//!   in an archive ([`public_key`]), for anyone.

mod download;
pub(crate) mod public_key;
mod status;

use axum::Router;
use axum::routing::get;
use yorozu_app::export::PAGE_PATH;
use yorozu_app::export::signed::PUBLIC_KEY_PATH;

use crate::state::AppState;

/// The download of archive `id`.
const DOWNLOAD: &str = "/settings/export/{id}/download";

/// The page and the download: they need the member's session.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(PAGE_PATH, get(status::show).post(status::request))
        .route(DOWNLOAD, get(download::download))
}

/// The public key: a public, cacheable document that reads nothing about the visitor, so it
/// is served without the pages' session and CSRF middleware.
pub fn public_routes() -> Router<AppState> {
    Router::new().route(PUBLIC_KEY_PATH, get(public_key::document))
}

/// Where the page links to the download of archive `id`.
fn download_path(id: i64) -> String {
    DOWNLOAD.replace("{id}", &id.to_string())
}
