//! The final confirmation screen (特定商取引法の最終確認画面) and placing the order.
//!
//! `GET /orders/new?listing=…&options=…&points=…&coupon=…` shows what the buyer is about to
//! buy: the service and seller, the options (changeable, then 「再計算する」 sends the same form
//! back here by GET), the breakdown of the amount, points and coupon, delivery timing,
//! cancellation and auto-approval terms, the payment method, a request to the seller and the
//! legal links. 「注文を確定する」 posts the same form to `POST /orders`.
//!
//! Each rendering of the screen carries a fresh purchase key, so a double click or a re-sent
//! form makes one order. When placing fails, the screen comes back with the messages and the
//! inputs, under the same key, except after answers that spend the key at the payment provider
//! (a refused card, a changed total): the provider remembers a key with its card and amount,
//! and would refuse the same key with another card or amount as a different request.

use askama::Template;
use axum::Form;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use yorozu_app::accounts::CurrentUser;
use yorozu_app::crypto::random_token;
use yorozu_app::orders::order_path;
use yorozu_app::orders::place::{self, Payment, Purchase};
use yorozu_app::orders::quote::{self, Choice, Quote};
use yorozu_app::payments::cards;
use yorozu_app::{AppError, FieldError};
use yorozu_domain::ListingId;
use yorozu_domain::OfferId;
use yorozu_domain::UserId;

use super::{CardChoice, card_choices, minus_yen, yen};
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageError, PageResult, status_of};
use crate::pages::extract::SignedIn;
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

/// What the form sent (by GET for 「再計算する」, by POST for 「注文を確定する」), as typed.
#[derive(Debug, Default)]
struct Input {
    listing: String,
    options: Vec<String>,
    points: String,
    coupon: String,
    /// A card id, or `deferred` for 後払い.
    payment: String,
    request: String,
    purchase_key: String,
    expected_total: String,
    /// The custom offer being bought, if any.
    offer: String,
}

impl Input {
    fn from_pairs(pairs: Vec<(String, String)>) -> Input {
        let mut input = Input::default();
        for (name, value) in pairs {
            match name.as_str() {
                "listing" => input.listing = value,
                "options" => input.options.push(value),
                "points" => input.points = value,
                "coupon" => input.coupon = value,
                "payment" => input.payment = value,
                "request" => input.request = value,
                "purchase_key" => input.purchase_key = value,
                "expected_total" => input.expected_total = value,
                "offer" => input.offer = value,
                _ => {}
            }
        }
        input
    }

    /// The choice for the use cases. A position that is not a number names no option (the
    /// quote then reports the unknown option); a listing that is not a number does not exist.
    fn choice(&self) -> Result<Choice, PageError> {
        let listing_id = self
            .listing
            .trim()
            .parse::<i64>()
            .map(ListingId::new)
            .map_err(|_| PageError(AppError::NotFound))?;
        let mut options: Vec<i64> = self
            .options
            .iter()
            .map(|o| o.trim().parse::<i64>().unwrap_or(-1))
            .collect();
        options.sort_unstable();
        options.dedup();
        Ok(Choice {
            listing_id,
            options,
            points: self.points.clone(),
            coupon: self.coupon.clone(),
            offer: self.offer.trim().parse::<i64>().ok().map(OfferId::new),
        })
    }

    fn payment(&self) -> Option<Payment> {
        match self.payment.trim() {
            "deferred" => Some(Payment::Deferred),
            other => other.parse::<i64>().ok().map(Payment::Card),
        }
    }
}

pub(super) async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> PageResult {
    let input = Input::from_pairs(query.map(|Query(q)| q).unwrap_or_default());
    render(
        &state,
        &ctx,
        user,
        &input,
        StatusCode::OK,
        Vec::new(),
        random_token(),
    )
    .await
}

pub(super) async fn place(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> PageResult {
    let input = Input::from_pairs(form.map(|Form(f)| f).unwrap_or_default());
    let choice = input.choice()?;
    let Some(payment) = input.payment() else {
        let problems = vec![FieldError::new("payment", "orders-payment-required")];
        let key = input.purchase_key.clone();
        return render(
            &state,
            &ctx,
            user,
            &input,
            StatusCode::UNPROCESSABLE_ENTITY,
            problems,
            key,
        )
        .await;
    };
    let purchase = Purchase {
        choice,
        payment,
        request: input.request.clone(),
        purchase_key: input.purchase_key.clone(),
        expected_total: input.expected_total.trim().parse::<i64>().ok(),
    };
    match place::place(&state.app, user, &purchase).await {
        Ok(placed) => Ok(redirect_with_flash(
            &ctx,
            &order_path(placed.order_id),
            "orders-flash-placed",
        )),
        Err(e) => {
            let status = status_of(&e);
            let key = if spends_key(&e) {
                random_token()
            } else {
                input.purchase_key.clone()
            };
            let problems = match e {
                AppError::Invalid(fields) => fields,
                AppError::Conflict(code) => vec![FieldError::new("", code)],
                other => return Err(PageError(other)),
            };
            render(&state, &ctx, user, &input, status, problems, key).await
        }
    }
}

/// Whether the re-rendered screen needs a new purchase key: after every failure but a
/// temporary payment one. A refused card, a changed total or a booking that failed after the
/// charge (whose key is then voided and its charge refunded) all end that purchase attempt.
/// A temporary payment failure keeps the key: the charge may have gone through, and the same
/// key makes the provider return it instead of charging twice.
fn spends_key(e: &AppError) -> bool {
    !matches!(e, AppError::Conflict("payment-temporarily-unavailable"))
}

struct OptionChoice {
    position: i64,
    label: String,
    checked: bool,
}

/// One line of the breakdown.
struct Line {
    label: String,
    amount: String,
}

#[derive(Template)]
#[template(path = "order_confirm.html")]
struct ConfirmPage<'a> {
    ctx: &'a Ctx,
    listing_id: ListingId,
    title: String,
    seller_id: UserId,
    seller_name: String,
    options: Vec<OptionChoice>,
    lines: Vec<Line>,
    total: String,
    expected_total: i64,
    points_balance: String,
    points: String,
    coupon: String,
    delivery: String,
    cancellation: String,
    approval: String,
    cards: Vec<CardChoice>,
    deferred_label: String,
    deferred_checked: bool,
    request: String,
    purchase_key: String,
    /// The custom offer bought (a hidden field) and the note that says so.
    offer: Option<OfferId>,
    offer_note: Option<String>,
    errors: FormErrors,
}

/// Renders the screen for `input`, with `problems` from placing the order (if any) and the
/// quote's own field messages. Refused points, coupon or options leave the breakdown without
/// them (what would be bought now); the typed values stay in the fields beside their messages.
async fn render(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    input: &Input,
    status: StatusCode,
    mut problems: Vec<FieldError>,
    purchase_key: String,
) -> PageResult {
    let app = &state.app;
    let choice = input.choice()?;
    let confirmation = quote::confirmation(app, user, &choice).await?;
    for f in confirmation.refused {
        if !problems
            .iter()
            .any(|p| p.field == f.field && p.code == f.code)
        {
            problems.push(f);
        }
    }
    let quote = confirmation.quote;
    let cards = cards::list_cards(app, user).await?;

    let payment = input.payment();
    // Preselect what was chosen, else the first card, else 後払い.
    let selected_card = match payment {
        Some(Payment::Card(id)) => Some(id),
        Some(Payment::Deferred) => None,
        None => cards.first().map(|c| c.id),
    };
    let deferred_checked = payment == Some(Payment::Deferred) || selected_card.is_none();
    let policy = &app.policy;
    let page_data = ConfirmPage {
        ctx,
        listing_id: quote.listing.id,
        title: quote.listing.title.clone(),
        seller_id: quote.listing.seller_id,
        seller_name: quote.seller_name.clone(),
        options: quote
            .options
            .iter()
            .map(|o| OptionChoice {
                position: o.position,
                label: ctx.tr.ta(
                    "orders-confirm-option",
                    [
                        ("title", o.title.as_str().into()),
                        ("price", yen(ctx, o.price.get()).into()),
                    ],
                ),
                checked: choice.options.contains(&o.position),
            })
            .collect(),
        lines: lines(ctx, &quote, policy.buyer_fee_rate.to_string()),
        total: yen(ctx, quote.amounts.buyer_total().get()),
        expected_total: quote.amounts.buyer_total().get(),
        points_balance: ctx.t1(
            "orders-confirm-points-balance",
            "points",
            quote.points_balance,
        ),
        points: input.points.clone(),
        coupon: input.coupon.clone(),
        delivery: ctx.t1(
            "orders-confirm-delivery",
            "days",
            quote.listing.delivery_days,
        ),
        cancellation: ctx.t1(
            "orders-confirm-cancellation",
            "hours",
            policy.cancellation_answer_hours,
        ),
        approval: ctx.t1("orders-confirm-approval", "days", policy.auto_approval_days),
        cards: card_choices(ctx, cards, selected_card),
        deferred_label: ctx.t1("orders-confirm-deferred", "hours", policy.payment_hours),
        deferred_checked,
        request: input.request.clone(),
        purchase_key,
        offer: quote.offer,
        offer_note: quote
            .offer
            .map(|_| ctx.t1("offer-confirm-note", "title", quote.listing.title.as_str())),
        errors: FormErrors::new(ctx.tr, &problems),
    };
    let mut response = page_with_status(status, &page_data)?;
    // The screen carries a purchase key: going back to it must fetch a new one.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The breakdown above the total: price, options, fee, and the discounts that apply.
fn lines(ctx: &Ctx, quote: &Quote, fee_rate: String) -> Vec<Line> {
    let mut lines = vec![Line {
        label: ctx.t("orders-line-price"),
        amount: yen(ctx, quote.listing.price.get()),
    }];
    if !quote.options.is_empty() {
        let options: i64 = quote.chosen().map(|o| o.price.get()).sum();
        lines.push(Line {
            label: ctx.t("orders-line-options"),
            amount: yen(ctx, options),
        });
    }
    lines.push(Line {
        label: ctx.t1("orders-line-fee", "rate", fee_rate),
        amount: yen(ctx, quote.amounts.buyer_fee().get()),
    });
    if quote.points_used > 0 {
        lines.push(Line {
            label: ctx.t("orders-line-points"),
            amount: minus_yen(ctx, quote.points_used),
        });
    }
    if let Some(coupon) = &quote.coupon {
        lines.push(Line {
            label: ctx.t1("orders-line-coupon", "title", &coupon.title),
            amount: minus_yen(ctx, quote.coupon_discount),
        });
    }
    lines
}
