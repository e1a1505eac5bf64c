//! The audit log: every operator action, newest first, a page at a time.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use serde::Deserialize;
use yorozu_app::operators::audit::{self, AuditEntry, PAGE_SIZE};
use yorozu_domain::UserId;

use super::member_name;
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::Operator;
use crate::render::page;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/operator/audit", get(show))
}

struct EntryView {
    at: String,
    operator: String,
    action: String,
    target: Option<(UserId, String)>,
    detail: String,
}

impl EntryView {
    fn new(ctx: &Ctx, e: AuditEntry) -> EntryView {
        // Actions are stable keys like `identity.approved`; unknown ones are shown as they are.
        let key = format!("audit-action-{}", e.action.replace('.', "-"));
        EntryView {
            at: ctx.datetime(&e.at),
            operator: member_name(ctx, e.operator_name),
            action: if ctx.tr.has(&key) {
                ctx.t(&key)
            } else {
                e.action
            },
            target: e
                .target_user_id
                .map(|id| (id, member_name(ctx, e.target_name))),
            detail: e.detail,
        }
    }
}

#[derive(Template)]
#[template(path = "operator_audit.html")]
struct AuditPage<'a> {
    ctx: &'a Ctx,
    entries: Vec<EntryView>,
    /// The id to continue from, when this page is full.
    next_before: Option<i64>,
    /// This is not the newest page.
    paged: bool,
    page_size: usize,
}

#[derive(Debug, Deserialize)]
struct PageQuery {
    before: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    Query(q): Query<PageQuery>,
) -> PageResult {
    // A malformed `before` shows the newest entries rather than an error.
    let before = q.before.and_then(|b| b.parse::<i64>().ok());
    let entries = audit::list(&state.app, operator, before).await?;
    let next_before = (entries.len() == PAGE_SIZE)
        .then(|| entries.last().map(|e| e.id))
        .flatten();
    let entries = entries
        .into_iter()
        .map(|e| EntryView::new(&ctx, e))
        .collect();
    page(&AuditPage {
        ctx: &ctx,
        entries,
        next_before,
        paged: before.is_some(),
        page_size: PAGE_SIZE,
    })
}
