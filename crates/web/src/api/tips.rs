//! Tips (おひねり) for an order's parties: the tips sent, a quote of the fees before paying,
//! and sending one on the client's own idempotency key.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::schema::Object;
use yorozu_app::AppError;
use yorozu_app::orders::tips::{self, Sending, TipForm, TipQuote};
use yorozu_domain::OrderId;
use yorozu_domain::orders::tip::TIP_MESSAGE_MAX_CHARS;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::{ApiId, ApiJson};
use crate::api::openapi::fields::{self as openapi, text};
use crate::api::openapi::responses::{BadRequest, Conflict, NotFound, UnsupportedMediaType};
use crate::api::safety;
use crate::state::AppState;

fn message_text() -> Object {
    text(TIP_MESSAGE_MAX_CHARS, "A message to the seller (optional).")
}

// ---------------------------------------------------------------------------------------
// Input

/// The tip to quote.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = TipQuoteRequest)]
#[serde(deny_unknown_fields)]
pub struct QuoteRequest {
    /// The tip in whole yen (within the configured bounds, by default ¥100–¥99,999).
    #[schema(schema_with = openapi::yen)]
    amount: i64,
    #[serde(default)]
    #[schema(schema_with = message_text)]
    message: String,
}

/// The tip to send.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = TipRequest)]
#[serde(deny_unknown_fields)]
pub struct SendRequest {
    /// The tip in whole yen (within the configured bounds, by default ¥100–¥99,999).
    #[schema(schema_with = openapi::yen)]
    amount: i64,
    #[serde(default)]
    #[schema(schema_with = message_text)]
    message: String,
    /// One of the buyer's registered cards.
    #[serde(default)]
    #[schema(schema_with = openapi::id, required)]
    card_id: String,
    /// The tip's idempotency key: 16–64 characters of `[A-Za-z0-9_-]`, chosen by the client
    /// once per tip. Sending the same key again charges and books nothing more.
    #[serde(default)]
    #[schema(required)]
    tip_key: String,
    /// Send a message with contact details anyway (after a 422 `contact-details-found`).
    #[serde(default)]
    acknowledge_contact_warning: bool,
}

// ---------------------------------------------------------------------------------------
// Bodies

/// The amounts of a tip before paying.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = TipQuote)]
pub struct QuoteBody {
    #[schema(schema_with = openapi::yen)]
    amount: i64,
    /// The buyer's service fee on it, as on a purchase.
    #[schema(schema_with = openapi::yen)]
    buyer_fee: i64,
    /// What the buyer pays: amount + buyer fee.
    #[schema(schema_with = openapi::yen)]
    buyer_total: i64,
    /// The seller fee taken from the seller's side.
    #[schema(schema_with = openapi::yen)]
    platform_fee: i64,
    /// What the seller receives: amount − seller fee.
    #[schema(schema_with = openapi::yen)]
    seller_share: i64,
    /// The message as it will be sent (trimmed).
    message: String,
    /// The message holds contact details: sending needs `acknowledge_contact_warning`.
    contact_details_found: bool,
}

impl From<TipQuote> for QuoteBody {
    fn from(q: TipQuote) -> Self {
        Self {
            amount: q.amount.get(),
            buyer_fee: q.buyer_fee.get(),
            buyer_total: q.buyer_total.get(),
            platform_fee: q.platform_fee.get(),
            seller_share: q.seller_share.get(),
            message: q.message,
            contact_details_found: q.warning.is_some(),
        }
    }
}

/// A sent tip.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = TipSent)]
pub struct SentBody {
    #[schema(schema_with = openapi::id)]
    tip_id: String,
    /// What the buyer paid.
    #[schema(schema_with = openapi::yen)]
    total: i64,
    /// `false` when this key had already sent the tip: nothing was charged again.
    charged: bool,
}

/// One tip of an order.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderTip)]
pub struct TipBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(schema_with = openapi::yen)]
    amount: i64,
    /// What the buyer paid (amount + buyer fee).
    #[schema(schema_with = openapi::yen)]
    buyer_total: i64,
    /// What the seller was credited (amount − seller fee).
    #[schema(schema_with = openapi::yen)]
    seller_share: i64,
    message: String,
    #[schema(schema_with = openapi::time)]
    sent_at: i64,
}

/// An order's tips and whether the caller may send one now.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderTips)]
pub struct TipsBody {
    tips: Vec<TipBody>,
    /// The caller is the buyer, the order completed within the window, and nothing else
    /// (closed or suspended account, a block) stands in the way.
    can_tip: bool,
    /// Until when tips may be sent (completed orders only).
    #[schema(schema_with = openapi::nullable_time)]
    deadline: Option<i64>,
    #[schema(schema_with = openapi::yen)]
    min_amount: i64,
    #[schema(schema_with = openapi::yen)]
    max_amount: i64,
}

// ---------------------------------------------------------------------------------------
// Actions

/// The order's tips.
#[utoipa::path(
    get,
    path = "/orders/{id}/tips",
    operation_id = "listOrderTips",
    tag = "orders",
    summary = "List the order's tips (おひねり)",
    params(("id" = String, Path, description = "The order id.")),
    responses(
        (status = 200, description = "The order's tips.", body = TipsBody),
        (status = 404, response = NotFound),
    ),
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
) -> ApiResult<Json<TipsBody>> {
    let v = tips::view(&state.app, &user, id).await?;
    Ok(Json(TipsBody {
        tips: v
            .tips
            .into_iter()
            .map(|t| TipBody {
                id: t.id.to_string(),
                amount: t.amount.get(),
                buyer_total: t.buyer_total.get(),
                seller_share: t.seller_share.get(),
                message: t.message,
                sent_at: t.sent_at,
            })
            .collect(),
        can_tip: v.can_tip,
        deadline: v.deadline,
        min_amount: v.min.get(),
        max_amount: v.max.get(),
    }))
}

/// What a tip costs the buyer and what the seller receives, before paying. Nothing is
/// charged or written.
#[utoipa::path(
    post,
    path = "/orders/{id}/tips/quote",
    operation_id = "quoteOrderTip",
    tag = "orders",
    summary = "Quote a tip (おひねり)",
    description = "The buyer of a completed order, within the tip window after completion \
                   (by default 7 days); otherwise a 409 (`tip-buyer-only`, \
                   `tip-order-not-completed`, `tip-window-closed`, `tip-party-closed`, \
                   `tip-party-suspended`, `tip-blocked`).",
    params(("id" = String, Path, description = "The order id.")),
    request_body = QuoteRequest,
    responses(
        (status = 200, description = "The amounts.", body = QuoteBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = crate::api::openapi::responses::ValidationFailed),
    ),
)]
pub async fn quote(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
    ApiJson(input): ApiJson<QuoteRequest>,
) -> ApiResult<Json<QuoteBody>> {
    let form = TipForm {
        amount: input.amount.to_string(),
        message: input.message,
    };
    Ok(Json(
        tips::quote(&state.app, &user, id, &form).await?.into(),
    ))
}

/// Pays and sends a tip to the seller with one of the buyer's cards. The charge carries
/// the tip's own idempotency key: the same `tip_key` again answers 200 with the tip it sent,
/// charging nothing more.
#[utoipa::path(
    post,
    path = "/orders/{id}/tips",
    operation_id = "sendOrderTip",
    tag = "orders",
    summary = "Send a tip (おひねり)",
    description = "The buyer of a completed order, within the tip window after completion \
                   (by default 7 days); otherwise a 409 (`tip-buyer-only`, \
                   `tip-order-not-completed`, `tip-window-closed`, `tip-party-closed`, \
                   `tip-party-suspended`, `tip-blocked`). A refused card is a 422 on `card`, \
                   with nothing booked. A message with contact details is a 422 \
                   `contact-details-found` unless `acknowledge_contact_warning` is true.",
    params(("id" = String, Path, description = "The order id.")),
    request_body = SendRequest,
    responses(
        (status = 201, description = "The tip was paid and sent.", body = SentBody),
        (status = 200, description = "This key had already sent the tip; nothing was charged again.", body = SentBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = safety::ValidationOrContactDetails),
    ),
)]
pub async fn send(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<SendRequest>,
) -> ApiResult<Response> {
    let card_id = input
        .card_id
        .trim()
        .parse()
        .map_err(|_| AppError::invalid("card", "order-card-unknown"))?;
    let form = TipForm {
        amount: input.amount.to_string(),
        message: input.message,
    };
    let sending = tips::send(
        &state.app,
        &user,
        id,
        &form,
        card_id,
        &input.tip_key,
        input.acknowledge_contact_warning,
    )
    .await?;
    Ok(match sending {
        Sending::Sent(sent) => {
            let status = if sent.charged {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            let body = SentBody {
                tip_id: sent.tip_id.to_string(),
                total: sent.total.get(),
                charged: sent.charged,
            };
            (status, Json(body)).into_response()
        }
        Sending::Warning(w) => safety::warning_response(&headers, &w),
    })
}
