//! What the parties do with an order: pay a deferred order, deliver, approve or send back,
//! cancel, review. Each action answers with the order as it stands afterwards, so a client
//! needs no second request. The talk room is in [`super::orders_talk`].

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use yorozu_app::AppError;
use yorozu_app::orders::{cancel, deliver, pay, review};
use yorozu_domain::OrderId;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::{ApiId, ApiJson};
use crate::api::orders::{OrderBody, load};
use crate::api::orders_talk::Submission;
use crate::state::AppState;

// ---------------------------------------------------------------------------------------
// Input

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayRequest {
    #[serde(default)]
    card_id: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    #[serde(default)]
    reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum AnswerInput {
    Agree,
    Object,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerRequest {
    answer: AnswerInput,
    #[serde(default)]
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewRequest {
    #[serde(default)]
    rating: Option<i64>,
    #[serde(default)]
    comment: String,
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
pub async fn pay(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
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
pub async fn deliver(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
    input: Submission,
) -> ApiResult<Json<OrderBody>> {
    let note = input.text("note").to_owned();
    deliver::deliver(&state.app, &user, id, &note, input.files)
        .await
        .map_err(|e| renamed(e, "body", "note"))?;
    Ok(Json(load(&state, &user, id).await?))
}

/// The buyer approves the delivery; the order completes.
pub async fn approve(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
) -> ApiResult<Json<OrderBody>> {
    deliver::approve(&state.app, &user, id).await?;
    Ok(Json(load(&state, &user, id).await?))
}

/// The buyer sends the delivery back with a reason.
pub async fn send_back(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
    ApiJson(input): ApiJson<ReasonRequest>,
) -> ApiResult<Json<OrderBody>> {
    deliver::send_back(&state.app, &user, id, &input.reason).await?;
    Ok(Json(load(&state, &user, id).await?))
}

/// Either party asks to cancel.
pub async fn request_cancellation(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
    ApiJson(input): ApiJson<ReasonRequest>,
) -> ApiResult<Json<OrderBody>> {
    cancel::request(&state.app, &user, id, &input.reason).await?;
    Ok(Json(load(&state, &user, id).await?))
}

/// The other party agrees to the open cancellation request or objects to it.
pub async fn answer_cancellation(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
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
pub async fn withdraw_cancellation(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
) -> ApiResult<Json<OrderBody>> {
    cancel::withdraw(&state.app, &user, id).await?;
    Ok(Json(load(&state, &user, id).await?))
}

/// The caller reviews the other party of a completed order (once).
pub async fn review(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
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
