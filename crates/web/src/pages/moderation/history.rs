//! 通報履歴とお知らせ (`/settings/reports`): the member's reports with their outcome and the
//! operators' notices to them; and the account's standing (`/settings/standing`).

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use yorozu_app::moderation::{my_reports, notices, standing};
use yorozu_domain::moderation::{ReportState, Standing};

use super::{HISTORY_PATH, STANDING_PATH};
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::SignedIn;
use crate::render::page;
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(HISTORY_PATH, get(history))
        .route(STANDING_PATH, get(show_standing))
}

/// One report in the history.
struct ReportItem {
    date: String,
    target: String,
    reason: String,
    status: String,
    /// What the operators did, once decided.
    outcome: Option<String>,
    open: bool,
}

/// One notice from the operators.
struct NoticeItem {
    heading: String,
    date: String,
    subject: Option<String>,
    reason: String,
}

#[derive(Template)]
#[template(path = "settings_reports.html")]
struct HistoryPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    reports: Vec<ReportItem>,
    notices: Vec<NoticeItem>,
}

async fn history(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let reports = my_reports::list(&state.app, user)
        .await?
        .into_iter()
        .map(|r| ReportItem {
            date: ctx.date(&r.created_at),
            target: ctx.t(&format!("moderation-target-{}", r.target.kind.as_str())),
            reason: ctx.t(&format!("moderation-reason-{}", r.reason.as_str())),
            status: ctx.t(&format!("moderation-state-{}", r.state.as_str())),
            outcome: r
                .outcome
                .map(|o| ctx.t(&format!("moderation-outcome-{}", o.as_str()))),
            open: r.state == ReportState::Open,
        })
        .collect();
    let notices = notices::mine(&state.app, user)
        .await?
        .into_iter()
        .map(|n| NoticeItem {
            heading: ctx.t(&n.message_id),
            date: ctx.datetime(&n.at),
            subject: (!n.subject.is_empty())
                .then(|| ctx.t1("moderation-notice-subject", "subject", n.subject)),
            reason: ctx.t1("moderation-notice-reason", "reason", n.reason),
        })
        .collect();
    page(&HistoryPage {
        ctx: &ctx,
        section: "reports",
        reports,
        notices,
    })
}

#[derive(Template)]
#[template(path = "settings_standing.html")]
struct StandingPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    /// (since, reason) while suspended.
    suspended: Option<(String, String)>,
}

async fn show_standing(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    let suspended = match standing::mine(&state.app, user).await? {
        Standing::Good => None,
        Standing::Suspended { reason, since } => Some((
            ctx.t1("moderation-standing-suspended", "since", ctx.date(&since)),
            ctx.t1("moderation-standing-reason", "reason", reason),
        )),
    };
    page(&StandingPage {
        ctx: &ctx,
        section: "standing",
        suspended,
    })
}
