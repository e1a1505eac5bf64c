//! Pages of the safety lane: the block list in the settings and the block / unblock buttons
//! ([`blocks`]), the operators' NG words ([`ng_words`]) and the contact-details warning shown
//! on the forms that save a member's text ([`notice`]).

pub mod blocks;
mod ng_words;
pub mod notice;

use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(blocks::routes())
        .merge(ng_words::routes())
}

/// The name of the submit button that sends a text anyway after the contact-details warning.
pub const ACKNOWLEDGE_FIELD: &str = "acknowledge_contact_warning";

/// Whether a submitted value of [`ACKNOWLEDGE_FIELD`] acknowledges the warning.
pub fn acknowledged(value: Option<&str>) -> bool {
    matches!(value, Some("1" | "true" | "on"))
}
