//! The operator console (運営コンソール): the dashboard, identity reviews, the audit log,
//! the newsletter, coupons and points, payouts, and withdrawal statistics. Every page takes
//! the [`Operator`] extractor: signed-out visitors are sent to sign in, members get 403, and
//! operators without two-step sign-in (when the policy asks for it) are sent to set it up.
//! The use cases check the role again.

mod audit;
mod coupons;
mod disputes;
mod identity;
mod moderation;
mod newsletter;
mod payouts;
mod points;
mod withdrawals;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use yorozu_app::operators::dashboard;

use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::Operator;
use crate::render::page;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/operator", get(show_dashboard))
        .merge(identity::routes())
        .merge(audit::routes())
        .merge(newsletter::routes())
        .merge(coupons::routes())
        .merge(points::routes())
        .merge(payouts::routes())
        .merge(withdrawals::routes())
        .merge(disputes::routes())
        .merge(moderation::routes())
}

/// A member's display name, or 「退会したユーザー」 when the profile is gone.
fn member_name(ctx: &Ctx, name: Option<String>) -> String {
    name.filter(|n| !n.is_empty())
        .unwrap_or_else(|| ctx.t("operator-member-gone"))
}

#[derive(Template)]
#[template(path = "operator_dashboard.html")]
struct DashboardPage<'a> {
    ctx: &'a Ctx,
    pending_documents: i64,
    open_disputes: i64,
    moderation_waiting: i64,
}

async fn show_dashboard(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
) -> PageResult {
    let summary = dashboard::summary(&state.app, operator).await?;
    page(&DashboardPage {
        ctx: &ctx,
        pending_documents: summary.pending_documents,
        open_disputes: summary.open_disputes,
        moderation_waiting: summary.moderation_waiting,
    })
}
