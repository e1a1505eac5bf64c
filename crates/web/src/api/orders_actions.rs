//! What the parties do with an order: pay a deferred order, deliver, approve or send back,
//! cancel, review. Each action answers with the order as it stands afterwards, so a client
//! needs no second request. The talk room is in [`super::orders_talk`].

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::ToSchema;
use yorozu_app::AppError;
use yorozu_app::orders::{cancel, deliver, pay, review};

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::{ApiId, ApiJson};
use crate::api::openapi::fields as openapi;
use crate::api::openapi::order_fields::{self, DeliveryForm, DeliveryInput};
use crate::api::openapi::responses::{
    BadRequest, Conflict, Forbidden, NotFound, PayloadTooLarge, UnsupportedMediaType,
    ValidationFailed,
};
use crate::api::orders::{OrderBody, load};
use crate::api::orders_talk::Submission;
use crate::state::AppState;

// ---------------------------------------------------------------------------------------
// Input

// Fields the server defaults but refuses when missing or blank (422 on the field) are
// documented as required.

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = PayOrderRequest)]
#[serde(deny_unknown_fields)]
pub struct PayRequest {
    #[serde(default)]
    #[schema(schema_with = openapi::id, required)]
    card_id: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    #[serde(default)]
    #[schema(schema_with = order_fields::reason, required)]
    reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum AnswerInput {
    Agree,
    Object,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = CancellationAnswerRequest)]
#[serde(deny_unknown_fields)]
pub struct AnswerRequest {
    #[schema(schema_with = order_fields::cancellation_answer)]
    answer: AnswerInput,
    #[serde(default)]
    #[schema(schema_with = order_fields::objection)]
    text: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewRequest {
    #[serde(default)]
    #[schema(schema_with = order_fields::rating, required)]
    rating: Option<i64>,
    #[serde(default)]
    #[schema(schema_with = order_fields::review_comment, required)]
    comment: String,
    /// Buyers only: show the review without their name.
    #[serde(default)]
    anonymous: bool,
}

/// Field errors named as the API names the field where the use case calls it otherwise.
fn renamed(e: AppError, from: &str, to: &'static str) -> AppError {
    match e {
        AppError::Invalid(mut fields) => {
            for f in &mut fields {
                if f.field == from {
                    f.field = to;
                }
            }
            AppError::Invalid(fields)
        }
        other => other,
    }
}

// ---------------------------------------------------------------------------------------
// Actions

/// The buyer pays an order that awaits payment, with one of their registered cards.
#[utoipa::path(
    post,
    path = "/orders/{id}/pay",
    operation_id = "payOrder",
    tag = "orders",
    summary = "Pay an order that awaits payment",
    description = "The buyer pays a deferred order with a registered card before `payment_due_at` (afterwards a 409 \
                   `order-payment-overdue`). Card problems are a 422 on field `card`.",
    params(("id" = String, Path, description = "The order id.")),
    request_body = PayRequest,
    responses(
        (status = 200, description = "The order after the action.", body = OrderBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn pay(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
    ApiJson(input): ApiJson<PayRequest>,
) -> ApiResult<Json<OrderBody>> {
    let card_id = input
        .card_id
        .trim()
        .parse()
        .map_err(|_| AppError::invalid("card", "order-card-unknown"))?;
    pay::pay_deferred(&state.app, &user, id, card_id).await?;
    Ok(Json(load(&state, &user, id).await?))
}

/// The seller delivers formally, with a note and optional files.
#[utoipa::path(
    post,
    path = "/orders/{id}/delivery",
    operation_id = "deliverOrder",
    tag = "orders",
    summary = "Deliver formally (正式な納品)",
    description = "The seller delivers with a note (field `note`) and optional files. The buyer approves or sends it \
                   back; without an answer it is approved automatically at `pending_delivery.auto_approve_at`. \
                   Delivering when the order is not in progress (twice, or before payment) is a 409.",
    params(("id" = String, Path, description = "The order id.")),
    request_body(content(
        (DeliveryInput = "application/json"),
        (inline(DeliveryForm) = "multipart/form-data"),
    )),
    responses(
        (status = 200, description = "The order after the action.", body = OrderBody),
        (status = 400, response = BadRequest),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn deliver(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
    input: Submission,
) -> ApiResult<Json<OrderBody>> {
    let note = input.text("note").to_owned();
    deliver::deliver(&state.app, &user, id, &note, input.files)
        .await
        .map_err(|e| renamed(e, "body", "note"))?;
    Ok(Json(load(&state, &user, id).await?))
}

/// The buyer approves the delivery; the order completes.
#[utoipa::path(
    post,
    path = "/orders/{id}/approve",
    operation_id = "approveOrder",
    tag = "orders",
    summary = "Approve the delivery",
    description = "The buyer approves; the order completes and the seller's share is credited.",
    params(("id" = String, Path, description = "The order id.")),
    responses(
        (status = 200, description = "The order after the action.", body = OrderBody),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    ),
)]
pub async fn approve(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<Json<OrderBody>> {
    deliver::approve(&state.app, &user, id).await?;
    Ok(Json(load(&state, &user, id).await?))
}

/// The buyer sends the delivery back with a reason.
#[utoipa::path(
    post,
    path = "/orders/{id}/send-back",
    operation_id = "sendBackOrder",
    tag = "orders",
    summary = "Send the delivery back (差し戻し)",
    description = "The buyer sends the delivery back with a reason; the seller works on. Allowed once by default \
                   (then a 422 `order-send-back-limit-reached` on field `reason`).",
    params(("id" = String, Path, description = "The order id.")),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "The order after the action.", body = OrderBody),
        (status = 400, response = BadRequest),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn send_back(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
    ApiJson(input): ApiJson<ReasonRequest>,
) -> ApiResult<Json<OrderBody>> {
    deliver::send_back(&state.app, &user, id, &input.reason).await?;
    Ok(Json(load(&state, &user, id).await?))
}

/// Either party asks to cancel.
#[utoipa::path(
    post,
    path = "/orders/{id}/cancellation",
    operation_id = "requestOrderCancellation",
    tag = "orders",
    summary = "Ask to cancel",
    description = "Either party asks with a reason. The other has `cancellation_answer_hours` (24 by default) to agree \
                   or object; silence is agreement. One open request at a time (409 `cancellation-already-open`).",
    params(("id" = String, Path, description = "The order id.")),
    request_body = ReasonRequest,
    responses(
        (status = 200, description = "The order after the action.", body = OrderBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn request_cancellation(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
    ApiJson(input): ApiJson<ReasonRequest>,
) -> ApiResult<Json<OrderBody>> {
    cancel::request(&state.app, &user, id, &input.reason).await?;
    Ok(Json(load(&state, &user, id).await?))
}

/// The other party agrees to the open cancellation request or objects to it.
#[utoipa::path(
    post,
    path = "/orders/{id}/cancellation/answer",
    operation_id = "answerOrderCancellation",
    tag = "orders",
    summary = "Answer a cancellation request",
    description = "The other party agrees (the order is cancelled, the payment refunded, points and coupon restored) \
                   or objects with a text (field `text`, required when objecting).",
    params(("id" = String, Path, description = "The order id.")),
    request_body = AnswerRequest,
    responses(
        (status = 200, description = "The order after the action.", body = OrderBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn answer_cancellation(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
    ApiJson(input): ApiJson<AnswerRequest>,
) -> ApiResult<Json<OrderBody>> {
    let answer = match input.answer {
        AnswerInput::Agree => cancel::Answer::Agree,
        AnswerInput::Object => cancel::Answer::Object,
    };
    cancel::answer(&state.app, &user, id, answer, &input.text)
        .await
        .map_err(|e| renamed(e, "answer", "text"))?;
    Ok(Json(load(&state, &user, id).await?))
}

/// The requester withdraws their open cancellation request.
#[utoipa::path(
    post,
    path = "/orders/{id}/cancellation/withdraw",
    operation_id = "withdrawOrderCancellation",
    tag = "orders",
    summary = "Withdraw one's cancellation request",
    params(("id" = String, Path, description = "The order id.")),
    responses(
        (status = 200, description = "The order after the action.", body = OrderBody),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    ),
)]
pub async fn withdraw_cancellation(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<Json<OrderBody>> {
    cancel::withdraw(&state.app, &user, id).await?;
    Ok(Json(load(&state, &user, id).await?))
}

/// The caller reviews the other party of a completed order (once).
#[utoipa::path(
    post,
    path = "/orders/{id}/review",
    operation_id = "reviewOrder",
    tag = "orders",
    summary = "Review the other party",
    description = "After completion, once per side (409 `review-already-written`; before completion 409 \
                   `review-not-yet`). The buyer rates the seller and the service and may stay anonymous; the seller \
                   rates the buyer.",
    params(("id" = String, Path, description = "The order id.")),
    request_body = ReviewRequest,
    responses(
        (status = 200, description = "The order after the action.", body = OrderBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn review(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
    ApiJson(input): ApiJson<ReviewRequest>,
) -> ApiResult<Json<OrderBody>> {
    let input = review::ReviewInput {
        rating: input.rating.map(|r| r.to_string()).unwrap_or_default(),
        comment: input.comment,
        anonymous: input.anonymous,
    };
    review::write(&state.app, &user, id, &input).await?;
    Ok(Json(load(&state, &user, id).await?))
}
