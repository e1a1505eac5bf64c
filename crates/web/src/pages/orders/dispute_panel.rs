//! The dispute panel of the order page (トラブル相談): the form to open one (reason and
//! statement), the statements of both sides, adding a statement, withdrawing, and the
//! operator's outcome. The forms are plain POST forms like the page's other actions.

use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::routing::post;
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::AppResult;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::dispute::{self, Dispute, Panel};
use yorozu_app::orders::order_path;
use yorozu_domain::OrderId;
use yorozu_domain::orders::{DisputeDecision, DisputeReason};

use super::actions::{Refused, finish_at};
use super::yen;
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::{PathId, SignedIn};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/orders/{id}/dispute", post(open))
        .route("/orders/{id}/dispute/statements", post(add_statement))
        .route("/orders/{id}/dispute/withdraw", post(withdraw))
}

/// A reason as the form offers it.
pub(super) struct ReasonChoice {
    pub key: &'static str,
    pub label: String,
}

pub(super) struct StatementShown {
    pub who: String,
    pub mine: bool,
    pub time: String,
    pub body: String,
}

pub(super) struct OutcomeShown {
    pub decision: String,
    pub reason: String,
    pub refund: String,
    pub share: String,
}

pub(super) struct DisputeShown {
    /// Statements may still be added and the dispute withdrawn.
    pub open: bool,
    pub status: String,
    pub opened_by: String,
    pub statements: Vec<StatementShown>,
    pub outcome: Option<OutcomeShown>,
}

/// What the order page shows about disputes.
pub(super) struct DisputePanel {
    pub can_open: bool,
    pub reasons: Vec<ReasonChoice>,
    pub current: Option<DisputeShown>,
}

impl DisputePanel {
    /// Nothing to show: no dispute and none can be opened.
    pub fn is_empty(&self) -> bool {
        !self.can_open && self.current.is_none()
    }

    /// Which of the panel's forms are on the page (for messages of a refused form).
    pub fn shows(&self, form: &str) -> bool {
        let open = self.current.as_ref().is_some_and(|d| d.open);
        match form {
            "dispute_open" => self.can_open,
            "dispute_statement" | "dispute_withdraw" => open,
            _ => false,
        }
    }
}

/// The panel for `user` on the order.
pub(super) async fn panel(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    order_id: OrderId,
) -> AppResult<DisputePanel> {
    let Panel { dispute, can_open } = dispute::panel(&state.app, user, order_id).await?;
    Ok(DisputePanel {
        can_open,
        reasons: DisputeReason::ALL
            .iter()
            .map(|r| ReasonChoice {
                key: r.as_str(),
                label: ctx.t(&format!("dispute-reason-{}", r.as_str())),
            })
            .collect(),
        current: dispute.map(|d| shown(ctx, d)),
    })
}

fn shown(ctx: &Ctx, d: Dispute) -> DisputeShown {
    let side =
        |s: yorozu_domain::orders::DisputeSide| ctx.t(&format!("dispute-side-{}", s.as_str()));
    DisputeShown {
        open: d.is_open(),
        status: ctx.t(&format!("dispute-status-{}", d.status)),
        opened_by: ctx.tr.ta(
            "dispute-opened-by",
            [
                ("side", side(d.opened_side).into()),
                (
                    "reason",
                    ctx.t(&format!("dispute-reason-{}", d.reason.as_str()))
                        .into(),
                ),
            ],
        ),
        statements: d
            .statements
            .iter()
            .map(|s| StatementShown {
                who: if s.mine {
                    ctx.t("dispute-statement-mine")
                } else {
                    side(s.side)
                },
                mine: s.mine,
                time: ctx.datetime(&s.created_at),
                body: s.body.clone(),
            })
            .collect(),
        outcome: d.decision.map(|decision: DisputeDecision| OutcomeShown {
            decision: ctx.t(&format!("dispute-decision-{}", decision.as_str())),
            reason: d.decision_reason.clone(),
            refund: yen(ctx, d.refund_amount.unwrap_or(0)),
            share: yen(ctx, d.seller_share.unwrap_or(0)),
        }),
    }
}

/// Back to the order's dispute panel with `flash`, or the page again with the form's messages.
async fn finish(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    order_id: OrderId,
    result: AppResult<()>,
    flash: &str,
    sent: Refused,
) -> PageResult {
    let back = format!("{}#dispute", order_path(order_id));
    finish_at(state, ctx, user, order_id, &back, result, flash, sent).await
}

#[derive(Deserialize, Default)]
struct OpenForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    statement: String,
}

async fn open(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    form: Result<Form<OpenForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = dispute::open(&state.app, user, id, &form.reason, &form.statement)
        .await
        .map(|_| ());
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        "dispute-flash-opened",
        Refused {
            form: "dispute_open",
            text: form.statement,
            rating: String::new(),
        },
    )
    .await
}

#[derive(Deserialize, Default)]
struct StatementForm {
    #[serde(default)]
    body: String,
}

async fn add_statement(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    form: Result<Form<StatementForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = dispute::add_statement(&state.app, user, id, &form.body)
        .await
        .map(|_| ());
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        "dispute-flash-statement",
        Refused {
            form: "dispute_statement",
            text: form.body,
            rating: String::new(),
        },
    )
    .await
}

async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
) -> PageResult {
    let result = dispute::withdraw(&state.app, user, id).await;
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        "dispute-flash-withdrawn",
        Refused {
            form: "dispute_withdraw",
            text: String::new(),
            rating: String::new(),
        },
    )
    .await
}
