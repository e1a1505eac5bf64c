//! Moderation pages for members: the report form (通報する) behind the links on services,
//! profiles, talk-room messages and reviews; the report history with the notices from the
//! operators (通報履歴とお知らせ); the account's standing (利用停止の理由); and the banner of
//! held services on the seller's services page with its 「再審査を依頼する」 button.

mod held;
mod history;
mod report;

pub(crate) use held::{HeldBanner, held_banners};

use axum::Router;

use crate::state::AppState;

/// Where a suspended member reads the reason (sign-in sends them here first).
pub const STANDING_PATH: &str = "/settings/standing";
/// The report history and notices.
pub const HISTORY_PATH: &str = "/settings/reports";

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(report::routes())
        .merge(history::routes())
        .merge(held::routes())
}
