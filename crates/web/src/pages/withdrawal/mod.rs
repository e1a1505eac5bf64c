//! Withdrawal (退会), one of the settings pages. `GET /settings/withdrawal` shows where the
//! member stands — what blocks a withdrawal and when each blocker clears by itself, what it
//! would forfeit, what happens to each kind of data, and how the reviews they wrote will look —
//! and ends with the form that confirms the withdrawal (or schedules it while blockers remain).
//! A scheduled withdrawal is shown instead of the form, with a button that cancels it.
//!
//! - `POST /settings/withdrawal`: confirm or schedule ([`confirm`]);
//! - `POST /settings/withdrawal/cancel`: cancel a schedule;
//! - `GET|POST /settings/withdrawal/hints-seen`: the improvement hints shown to a seller who
//!   ticked 「売れない」 became visible (recorded for the statistics);
//! - `GET /withdrawal/done?r=…`: the public page after closing ([`done`]); the member is signed
//!   out by then, so it reads nothing about them, only the signed erasure time in its link.

mod confirm;
mod done;
mod readiness;

use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

/// Where the page lives (the settings menu, the footer and the tests link here).
pub const PATH: &str = "/settings/withdrawal";
/// Cancelling a scheduled withdrawal.
const CANCEL: &str = "/settings/withdrawal/cancel";
/// The hints panel became visible (see [`confirm::hints_seen`]).
pub const HINTS_SEEN: &str = "/settings/withdrawal/hints-seen";
/// The page after the account is closed.
const DONE: &str = "/withdrawal/done";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(PATH, get(readiness::show).post(confirm::confirm))
        .route(CANCEL, post(confirm::cancel))
        .route(DONE, get(done::show))
        .route(HINTS_SEEN, post(confirm::hints_seen))
}
