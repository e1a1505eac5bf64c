//! Tips (おひねり) on the order page: the tips sent (for both parties) and, for the buyer
//! within the window, a form with the amount and a message that leads to a confirmation
//! screen. The screen shows what the buyer pays (the tip and the service fee) and what the
//! seller receives (after the seller fee) before any charge, and carries the tip's key so a
//! re-sent form books once. Plain POST forms; no JavaScript.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::crypto::random_token;
use yorozu_app::orders::order_path;
use yorozu_app::orders::tips::{self, Sending, TipForm, TipQuote};
use yorozu_app::payments::cards;
use yorozu_app::{AppError, AppResult};
use yorozu_domain::OrderId;
use yorozu_domain::Yen;

use super::{CardChoice, card_choices, yen};
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{PathId, SignedIn};
use crate::pages::safety::notice::ContactNotice;
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/orders/{id}/tips/confirm", post(confirm))
        .route("/orders/{id}/tips", post(send))
}

/// One tip as the order page lists it.
pub(super) struct TipShown {
    pub from: String,
    pub line: String,
    pub message: String,
    pub date: String,
}

/// The order page's tip section.
pub(super) struct TipsPanel {
    pub tips: Vec<TipShown>,
    pub can_tip: bool,
    pub lead: String,
}

impl TipsPanel {
    /// Nothing to show: no tip and no form.
    pub fn is_empty(&self) -> bool {
        self.tips.is_empty() && !self.can_tip
    }
}

fn yen_of(ctx: &Ctx, amount: Yen) -> String {
    yen(ctx, amount.get())
}

/// The section for `user`; `counterpart_name` is the other party as the page names them
/// (「退会したユーザー」 once they withdrew).
pub(super) async fn panel(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    order_id: OrderId,
    is_buyer: bool,
    counterpart_name: &str,
) -> AppResult<TipsPanel> {
    let v = tips::view(&state.app, user, order_id).await?;
    let tips = v
        .tips
        .iter()
        .map(|t| TipShown {
            from: if is_buyer {
                ctx.t("order-tip-from-you")
            } else {
                counterpart_name.to_owned()
            },
            line: if is_buyer {
                ctx.tr.ta(
                    "order-tip-line-buyer",
                    [
                        ("amount", yen_of(ctx, t.amount).into()),
                        ("total", yen_of(ctx, t.buyer_total).into()),
                    ],
                )
            } else {
                ctx.tr.ta(
                    "order-tip-line-seller",
                    [
                        ("amount", yen_of(ctx, t.amount).into()),
                        ("share", yen_of(ctx, t.seller_share).into()),
                    ],
                )
            },
            message: t.message.clone(),
            date: ctx.datetime(&t.sent_at),
        })
        .collect();
    let lead = if is_buyer {
        ctx.tr.ta(
            "order-tips-lead",
            [
                ("min", yen_of(ctx, v.min).into()),
                ("max", yen_of(ctx, v.max).into()),
                (
                    "deadline",
                    v.deadline
                        .map(|d| ctx.datetime(&d))
                        .unwrap_or_default()
                        .into(),
                ),
            ],
        )
    } else {
        ctx.t("order-tips-lead-seller")
    };
    Ok(TipsPanel {
        tips,
        can_tip: v.can_tip,
        lead,
    })
}

/// A label and an amount of the confirmation.
struct Line {
    label: String,
    value: String,
    total: bool,
}

#[derive(Template)]
#[template(path = "order_tip_confirm.html")]
struct ConfirmPage<'a> {
    ctx: &'a Ctx,
    id: OrderId,
    /// The amounts, once the form was accepted; without them only the form is shown.
    lines: Vec<Line>,
    quoted: bool,
    message: String,
    amount: String,
    tip_key: String,
    cards: Vec<CardChoice>,
    submit: String,
    contact: Option<ContactNotice>,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
struct TipInput {
    #[serde(default)]
    amount: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    card: String,
    #[serde(default)]
    tip_key: String,
    #[serde(default)]
    acknowledge_contact_warning: String,
}

impl TipInput {
    fn form(&self) -> TipForm {
        TipForm {
            amount: self.amount.clone(),
            message: self.message.clone(),
        }
    }
}

fn lines(ctx: &Ctx, q: &TipQuote) -> Vec<Line> {
    let line = |key: &str, amount: Yen, total: bool| Line {
        label: ctx.t(key),
        value: yen_of(ctx, amount),
        total,
    };
    vec![
        line("order-tip-amount", q.amount, false),
        line("order-tip-buyer-fee", q.buyer_fee, false),
        line("order-tip-buyer-total", q.buyer_total, true),
        line("order-tip-platform-fee", q.platform_fee, false),
        line("order-tip-seller-share", q.seller_share, false),
    ]
}

/// Renders the confirmation screen: the amounts when `input` is acceptable, else the form
/// with its messages.
#[expect(clippy::too_many_arguments, reason = "the parts of one screen")]
async fn render(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    id: OrderId,
    input: &TipInput,
    tip_key: String,
    status: StatusCode,
    errors: Option<FormErrors>,
    contact: Option<ContactNotice>,
) -> PageResult {
    let quoted = tips::quote(&state.app, user, id, &input.form()).await;
    let (status, errors, q) = match (quoted, errors) {
        (Ok(q), errors) => (status, errors.unwrap_or_default(), Some(q)),
        (Err(e @ AppError::NotFound), _) => return Err(crate::error::PageError(e)),
        (Err(e), previous) => {
            let (s, errs) = form_or_page(ctx.tr, e)?;
            (s, previous.unwrap_or(errs), None)
        }
    };
    let (lines_shown, submit, contact, message) = match &q {
        Some(q) => {
            let contact = contact.or_else(|| {
                q.warning
                    .as_ref()
                    .map(|w| ContactNotice::new(ctx, w, "tip-message"))
            });
            (
                lines(ctx, q),
                ctx.t1("order-tip-submit", "total", yen_of(ctx, q.buyer_total)),
                contact,
                q.message.clone(),
            )
        }
        None => (Vec::new(), String::new(), None, input.message.clone()),
    };
    let cards = if q.is_some() {
        let list = cards::list_cards(&state.app, user).await?;
        let selected = input
            .card
            .trim()
            .parse::<i64>()
            .ok()
            .or_else(|| list.first().map(|c| c.id));
        card_choices(ctx, list, selected)
    } else {
        Vec::new()
    };
    page_with_status(
        status,
        &ConfirmPage {
            ctx,
            id,
            quoted: q.is_some(),
            lines: lines_shown,
            message,
            amount: input.amount.clone(),
            tip_key,
            cards,
            submit,
            contact,
            errors,
        },
    )
}

/// `POST /orders/{id}/tips/confirm`: the amounts before paying.
async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    form: Result<Form<TipInput>, FormRejection>,
) -> PageResult {
    let input = form.map(|Form(f)| f).unwrap_or_default();
    render(
        &state,
        &ctx,
        user,
        id,
        &input,
        random_token(),
        StatusCode::OK,
        None,
        None,
    )
    .await
}

/// `POST /orders/{id}/tips`: pays and sends the tip confirmed on the screen.
async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    form: Result<Form<TipInput>, FormRejection>,
) -> PageResult {
    let input = form.map(|Form(f)| f).unwrap_or_default();
    let Ok(card) = input.card.trim().parse::<i64>() else {
        let errors = FormErrors::new(
            ctx.tr,
            &[yorozu_app::FieldError::new(
                "card",
                "orders-payment-required",
            )],
        );
        let key = input.tip_key.clone();
        return render(
            &state,
            &ctx,
            user,
            id,
            &input,
            key,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(errors),
            None,
        )
        .await;
    };
    let acknowledged = !input.acknowledge_contact_warning.is_empty();
    let result = tips::send(
        &state.app,
        user,
        id,
        &input.form(),
        card,
        &input.tip_key,
        acknowledged,
    )
    .await;
    match result {
        Ok(Sending::Sent(_)) => Ok(redirect_with_flash(
            &ctx,
            &format!("{}#tips", order_path(id)),
            "order-tip-flash-sent",
        )),
        Ok(Sending::Warning(w)) => {
            let notice = ContactNotice::new(&ctx, &w, "tip-message");
            let key = input.tip_key.clone();
            render(
                &state,
                &ctx,
                user,
                id,
                &input,
                key,
                StatusCode::OK,
                None,
                Some(notice),
            )
            .await
        }
        Err(e) => {
            // A refused card or a booking that failed ends this attempt: a new key, so that
            // the next try is a new charge. A temporary failure keeps it (the charge may have
            // gone through; the same key returns it instead of charging twice).
            let key = if matches!(e, AppError::Conflict("payment-temporarily-unavailable")) {
                input.tip_key.clone()
            } else {
                random_token()
            };
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(
                &state,
                &ctx,
                user,
                id,
                &input,
                key,
                status,
                Some(errors),
                None,
            )
            .await
        }
    }
}
