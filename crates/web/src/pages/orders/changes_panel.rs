//! The changes panel of the order page: the due date (納品予定日) and 期限超過, paid additions
//! (追加オプション) with their amounts and the buyer's card choice, extension requests (納品
//! 予定日の延長), and the overdue early cancel. Plain POST forms like the page's other actions.

use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::routing::post;
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::AppResult;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::changes::additions::{self, AdditionForm};
use yorozu_app::orders::changes::extension::{self, Answer};
use yorozu_app::orders::changes::{overdue, view};
use yorozu_app::orders::order_path;
use yorozu_app::payments::cards;
use yorozu_domain::OrderId;
use yorozu_domain::orders::changes::{AdditionStatus, MAX_EXTRA_DAYS};

use super::actions::{Refused, finish_at};
use super::{CardChoice, card_choices, yen};
use crate::ctx::Ctx;
use crate::error::PageResult;
use crate::pages::extract::{PathId, PathIds, SignedIn};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/orders/{id}/additions", post(propose))
        .route("/orders/{id}/additions/{addition_id}/accept", post(accept))
        .route(
            "/orders/{id}/additions/{addition_id}/decline",
            post(decline),
        )
        .route(
            "/orders/{id}/additions/{addition_id}/withdraw",
            post(withdraw_addition),
        )
        .route("/orders/{id}/extension", post(request_extension))
        .route("/orders/{id}/extension/answer", post(answer_extension))
        .route("/orders/{id}/extension/withdraw", post(withdraw_extension))
        .route("/orders/{id}/overdue-cancel", post(cancel_overdue))
}

pub(super) struct AdditionShown {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub status: String,
    /// Waiting for the buyer.
    pub proposed: bool,
    /// 「2,000円 + サービス利用料 110円 = 2,110円」 for the buyer; the share for the seller.
    pub amounts: String,
    pub days: String,
    /// What the buyer pays, for the pay button.
    pub total: String,
}

pub(super) struct ExtensionShown {
    pub mine: bool,
    pub summary: String,
    pub reason: String,
    pub status: String,
    pub open: bool,
}

/// What the order page shows about changes.
pub(super) struct ChangesPanel {
    pub due: Option<String>,
    pub overdue: bool,
    pub is_buyer: bool,
    pub additions: Vec<AdditionShown>,
    pub extensions: Vec<ExtensionShown>,
    pub actions: view::ChangeActions,
    pub cards: Vec<CardChoice>,
    pub days_max: i64,
}

impl ChangesPanel {
    /// Nothing to show: no due date yet and no change.
    pub fn is_empty(&self) -> bool {
        self.due.is_none() && self.additions.is_empty() && self.extensions.is_empty()
    }

    /// Which of the panel's forms are on the page (for messages of a refused form).
    pub fn shows(&self, form: &str) -> bool {
        let a = &self.actions;
        match form {
            "change_propose" => a.propose_addition,
            "change_accept" | "change_decline" => a.answer_addition,
            "change_withdraw" => self.additions.iter().any(|x| x.proposed) && !self.is_buyer,
            "change_extension" => a.request_extension,
            "change_extension_answer" => a.answer_extension,
            "change_extension_withdraw" => a.withdraw_extension,
            "change_overdue" => a.cancel_overdue,
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
    is_buyer: bool,
) -> AppResult<ChangesPanel> {
    let c = view::changes(&state.app, user, order_id).await?;
    let cards = if c.actions.answer_addition {
        let list = cards::list_cards(&state.app, user).await?;
        let first = list.first().map(|card| card.id);
        card_choices(ctx, list, first)
    } else {
        Vec::new()
    };
    let additions = c
        .additions
        .iter()
        .map(|a| AdditionShown {
            id: a.id,
            title: a.title.clone(),
            description: a.description.clone(),
            status: ctx.t(&format!("order-addition-status-{}", a.status)),
            proposed: a.status == AdditionStatus::Proposed.as_str(),
            amounts: if is_buyer {
                ctx.tr.ta(
                    "order-addition-amounts-buyer",
                    [
                        ("price", yen(ctx, a.price).into()),
                        ("fee", yen(ctx, a.buyer_fee).into()),
                        ("total", yen(ctx, a.total).into()),
                    ],
                )
            } else {
                ctx.tr.ta(
                    "order-addition-amounts-seller",
                    [
                        ("price", yen(ctx, a.price).into()),
                        ("share", yen(ctx, a.seller_share).into()),
                    ],
                )
            },
            days: ctx.t1("order-addition-days", "days", a.extra_days),
            total: yen(ctx, a.total),
        })
        .collect();
    let extensions = c
        .extensions
        .iter()
        .map(|e| ExtensionShown {
            mine: e.mine,
            summary: ctx.t1(
                if e.mine {
                    "order-extension-summary-mine"
                } else {
                    "order-extension-summary-theirs"
                },
                "days",
                e.extra_days,
            ),
            reason: e.reason.clone(),
            status: ctx.t(&format!("order-extension-status-{}", e.status)),
            open: e.status == "open",
        })
        .collect();
    Ok(ChangesPanel {
        due: c.due_at.map(|t| ctx.datetime(&t)),
        overdue: c.overdue,
        is_buyer,
        additions,
        extensions,
        actions: c.actions,
        cards,
        days_max: MAX_EXTRA_DAYS,
    })
}

/// Back to the order's changes panel with `flash`, or the page again with the form's messages.
async fn finish(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    order_id: OrderId,
    result: AppResult<()>,
    flash: &str,
    refused: Refused,
) -> PageResult {
    let back = format!("{}#changes", order_path(order_id));
    finish_at(state, ctx, user, order_id, &back, result, flash, refused).await
}

/// What a refused form sent, to show it again.
fn sent(form: &'static str, text: String) -> Refused {
    Refused {
        form,
        text,
        rating: String::new(),
    }
}

#[derive(Deserialize, Default)]
struct ProposeForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    price: String,
    #[serde(default)]
    extra_days: String,
}

async fn propose(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    form: Result<Form<ProposeForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let addition = AdditionForm {
        title: form.title,
        description: form.description.clone(),
        price: form.price,
        extra_days: form.extra_days,
    };
    let result = additions::propose(&state.app, user, id, &addition)
        .await
        .map(|_| ());
    let flash = "order-addition-flash-proposed";
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        flash,
        sent("change_propose", form.description),
    )
    .await
}

#[derive(Deserialize, Default)]
struct CardForm {
    #[serde(default)]
    card: String,
}

async fn accept(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathIds(id, addition_id): PathIds<OrderId, i64>,
    form: Result<Form<CardForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = match form.card.trim().parse() {
        Ok(card) => additions::accept(&state.app, user, id, addition_id, card)
            .await
            .map(|_| ()),
        Err(_) => Err(yorozu_app::AppError::invalid("card", "order-card-unknown")),
    };
    let flash = "order-addition-flash-paid";
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        flash,
        sent("change_accept", String::new()),
    )
    .await
}

#[derive(Deserialize, Default)]
struct AnswerForm {
    #[serde(default)]
    answer: String,
    #[serde(default)]
    decision: String,
}

async fn decline(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathIds(id, addition_id): PathIds<OrderId, i64>,
    form: Result<Form<AnswerForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = additions::decline(&state.app, user, id, addition_id, &form.answer).await;
    let flash = "order-addition-flash-declined";
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        flash,
        sent("change_decline", form.answer),
    )
    .await
}

async fn withdraw_addition(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathIds(id, addition_id): PathIds<OrderId, i64>,
) -> PageResult {
    let result = additions::withdraw(&state.app, user, id, addition_id).await;
    let flash = "order-addition-flash-withdrawn";
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        flash,
        sent("change_withdraw", String::new()),
    )
    .await
}

#[derive(Deserialize, Default)]
struct ExtensionForm {
    #[serde(default)]
    extra_days: String,
    #[serde(default)]
    reason: String,
}

async fn request_extension(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    form: Result<Form<ExtensionForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = extension::request(&state.app, user, id, &form.extra_days, &form.reason)
        .await
        .map(|_| ());
    let flash = "order-extension-flash-requested";
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        flash,
        sent("change_extension", form.reason),
    )
    .await
}

async fn answer_extension(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    form: Result<Form<AnswerForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let (answer, flash) = if form.decision == "accept" {
        (Answer::Accept, "order-extension-flash-accepted")
    } else {
        (Answer::Decline, "order-extension-flash-declined")
    };
    let result = extension::answer(&state.app, user, id, answer, &form.answer).await;
    let form_name = "change_extension_answer";
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        flash,
        sent(form_name, form.answer),
    )
    .await
}

async fn withdraw_extension(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
) -> PageResult {
    let result = extension::withdraw(&state.app, user, id).await;
    let flash = "order-extension-flash-withdrawn";
    let form_name = "change_extension_withdraw";
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        flash,
        sent(form_name, String::new()),
    )
    .await
}

#[derive(Deserialize, Default)]
struct ReasonForm {
    #[serde(default)]
    reason: String,
}

async fn cancel_overdue(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    form: Result<Form<ReasonForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = overdue::cancel_now(&state.app, user, id, &form.reason).await;
    let flash = "order-overdue-flash-cancelled";
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        flash,
        sent("change_overdue", form.reason),
    )
    .await
}
