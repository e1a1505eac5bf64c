//! The member's settings (設定): one page per concern, all sharing the side navigation of
//! `settings_layout.html`. Every page here needs a signed-in member.
//!
//! A template that extends the layout needs `ctx` and `section` (the navigation entry to
//! mark as current: "profile", "account", "notifications", "sessions", "tokens",
//! "identity", "listings", "vacation", "cards", "points", and "export" and "withdrawal" for the
//! pages of [`crate::pages::export`] and [`crate::pages::withdrawal`]) and fills the `settings`
//! block.

mod account;
mod cards;
mod notifications;
mod points;
mod profile;
mod sessions;
mod tokens;

use axum::Router;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;

use crate::error::PageResult;
use crate::pages::extract::SignedIn;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/settings", get(index))
        .merge(profile::routes())
        .merge(account::routes())
        .merge(notifications::routes())
        .merge(sessions::routes())
        .merge(tokens::routes())
        .merge(cards::routes())
        .merge(points::routes())
}

/// The settings start with the profile, the page members come back to most.
async fn index(_: SignedIn) -> PageResult {
    Ok(Redirect::to("/settings/profile").into_response())
}
