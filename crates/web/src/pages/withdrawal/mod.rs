//! Withdrawal (退会), one of the settings pages: `GET /settings/withdrawal` shows where the
//! member stands — what blocks a withdrawal and when each blocker clears by itself, what it
//! would forfeit, what happens to each kind of data, and how the reviews they wrote will look.
//! Confirming, scheduling and the purge come later; until then the page only informs, and
//! shows no button that would do nothing.

mod readiness;

use axum::Router;
use axum::routing::get;
use yorozu_domain::withdrawal::Fate;

use crate::state::AppState;

/// Where the page lives (the settings menu, the footer and the tests link here).
pub const PATH: &str = "/settings/withdrawal";

pub fn routes() -> Router<AppState> {
    Router::new().route(PATH, get(readiness::show))
}

/// The fate's part of a data category's message ids: `data-KEY-fate-FATE`. A category whose
/// fate changes in the code then has no message until its text is written for the new fate.
pub(crate) fn fate_key(fate: Fate) -> &'static str {
    match fate {
        Fate::EndedAtOnce => "ended-at-once",
        Fate::Erased => "erased",
        Fate::Kept { .. } => "kept",
        Fate::Forfeited => "forfeited",
        Fate::Released => "released",
    }
}
