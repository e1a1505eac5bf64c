//! The moderation queue (通報の審査): reported targets grouped, oldest first, with counts per
//! reason, the reporters' words and the content with its author; one decision form per
//! target; the sellers' review requests with 「公開を再開する」; and the members suspended now
//! with 「利用停止を解除する」. Every action needs a reason the member concerned sees.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::moderation::actions::{DecisionInput, decide};
use yorozu_app::moderation::{Target, holds, queue, suspension};
use yorozu_domain::moderation::{ModerationAction, OrdersOnSuspension};
use yorozu_domain::{ListingId, UserId};

use super::member_name;
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::{Operator, PathId};
use crate::render::{page, redirect_with_flash};
use crate::state::AppState;

const PATH: &str = "/operator/moderation";
const SUSPENSIONS_PATH: &str = "/operator/moderation/suspensions";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(PATH, get(show_queue))
        .route(
            "/operator/moderation/decide/{kind}/{id}",
            post(decide_target),
        )
        .route("/operator/moderation/services/{id}/restore", post(restore))
        .route(SUSPENSIONS_PATH, get(show_suspensions))
        .route("/operator/moderation/suspensions/{id}/lift", post(lift))
}

/// A choice of the decision form.
struct Choice {
    key: &'static str,
    label: String,
}

/// One reported target.
struct EntryItem {
    kind: &'static str,
    id: i64,
    kind_label: String,
    count: String,
    oldest: String,
    /// 「禁止されているサービス 2」…
    counts: Vec<String>,
    title: String,
    text: String,
    rating: Option<i64>,
    author: Option<String>,
    link: Option<String>,
    gone: bool,
    /// (reason, comment, automatic, date)
    reports: Vec<(String, String, bool, String)>,
    actions: Vec<Choice>,
}

/// One review request.
struct ReviewItem {
    listing_id: ListingId,
    title: String,
    description: String,
    seller: String,
    hidden_reason: String,
    requested: String,
}

#[derive(Template)]
#[template(path = "operator_moderation.html")]
struct QueuePage<'a> {
    ctx: &'a Ctx,
    entries: Vec<EntryItem>,
    reviews: Vec<ReviewItem>,
    orders_choices: Vec<Choice>,
}

async fn show_queue(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
) -> PageResult {
    let q = queue::open(&state.app, operator).await?;
    let entries = q
        .entries
        .into_iter()
        .map(|e| {
            let content = e.content;
            EntryItem {
                kind: e.target.kind.as_str(),
                id: e.target.id,
                kind_label: ctx.t(&format!("moderation-target-{}", e.target.kind.as_str())),
                count: ctx.t1("moderation-queue-reports", "count", e.total as i64),
                oldest: ctx.t1(
                    "moderation-queue-oldest",
                    "date",
                    ctx.datetime(&e.oldest_at),
                ),
                counts: e
                    .counts
                    .iter()
                    .map(|(reason, n)| {
                        format!(
                            "{} {n}",
                            ctx.t(&format!("moderation-reason-{}", reason.as_str()))
                        )
                    })
                    .collect(),
                title: content
                    .as_ref()
                    .map(|c| c.title.clone())
                    .unwrap_or_default(),
                text: content.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
                rating: content.as_ref().and_then(|c| c.rating),
                author: content.as_ref().map(|_| {
                    ctx.t1(
                        "moderation-queue-author",
                        "name",
                        member_name(&ctx, e.owner_name.clone()),
                    )
                }),
                link: content.as_ref().map(|c| c.path.clone()),
                gone: content.is_none(),
                reports: e
                    .reports
                    .into_iter()
                    .map(|r| {
                        (
                            ctx.t(&format!("moderation-reason-{}", r.reason.as_str())),
                            r.comment,
                            r.automatic,
                            ctx.datetime(&r.at),
                        )
                    })
                    .collect(),
                actions: ModerationAction::ALL
                    .iter()
                    .filter(|a| a.fits(e.target.kind))
                    .filter(|a| content.is_some() || **a == ModerationAction::Dismiss)
                    .map(|a| Choice {
                        key: a.as_str(),
                        label: ctx.t(&format!("moderation-action-{}", a.as_str())),
                    })
                    .collect(),
            }
        })
        .collect();
    let reviews = q
        .review_requests
        .into_iter()
        .map(|r| ReviewItem {
            listing_id: r.listing_id,
            title: r.title,
            description: r.description,
            seller: member_name(&ctx, r.seller_name),
            hidden_reason: ctx.t1(
                "moderation-review-requests-hidden-reason",
                "reason",
                r.reason,
            ),
            requested: ctx.datetime(&r.requested_at),
        })
        .collect();
    page(&QueuePage {
        ctx: &ctx,
        entries,
        reviews,
        orders_choices: OrdersOnSuspension::ALL
            .iter()
            .map(|o| Choice {
                key: o.as_str(),
                label: ctx.t(&format!("moderation-orders-{}", o.as_str())),
            })
            .collect(),
    })
}

/// The decision form.
#[derive(Debug, Default, Deserialize)]
struct DecisionForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    orders: String,
}

async fn decide_target(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    Path((kind, id)): Path<(String, String)>,
    form: Result<Form<DecisionForm>, FormRejection>,
) -> PageResult {
    let target = Target::parse(&kind, &id)?;
    let form = form.map(|Form(f)| f).unwrap_or_default();
    decide(
        &state.app,
        operator,
        target,
        &DecisionInput {
            action: form.action,
            reason: form.reason,
            orders: form.orders,
        },
    )
    .await?;
    Ok(redirect_with_flash(&ctx, PATH, "moderation-decided"))
}

/// A form with only a reason.
#[derive(Debug, Default, Deserialize)]
struct ReasonForm {
    #[serde(default)]
    reason: String,
}

async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(listing_id): PathId<ListingId>,
    form: Result<Form<ReasonForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    holds::restore(&state.app, operator, listing_id, &form.reason).await?;
    Ok(redirect_with_flash(&ctx, PATH, "moderation-restored"))
}

/// One suspended member.
struct SuspendedItem {
    member: UserId,
    name: String,
    reason: String,
    since: String,
    orders: String,
}

#[derive(Template)]
#[template(path = "operator_suspensions.html")]
struct SuspensionsPage<'a> {
    ctx: &'a Ctx,
    members: Vec<SuspendedItem>,
}

async fn show_suspensions(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
) -> PageResult {
    let members = suspension::in_force(&state.app, operator)
        .await?
        .into_iter()
        .map(|s| SuspendedItem {
            member: s.member,
            name: member_name(&ctx, s.member_name),
            reason: s.reason,
            since: ctx.t1("moderation-suspensions-since", "date", ctx.date(&s.since)),
            orders: ctx.t1(
                "moderation-suspensions-orders",
                "orders",
                ctx.t(&format!("moderation-orders-{}", s.orders.as_str())),
            ),
        })
        .collect();
    page(&SuspensionsPage { ctx: &ctx, members })
}

async fn lift(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(member): PathId<UserId>,
    form: Result<Form<ReasonForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    suspension::lift(&state.app, operator, member, &form.reason).await?;
    Ok(redirect_with_flash(
        &ctx,
        SUSPENSIONS_PATH,
        "moderation-lifted",
    ))
}
