//! Changes during an order for its parties: paid additions (追加オプション), delivery-date
//! extensions (納品予定日の延長) and the overdue early cancel. Each action answers with the
//! order's changes as they stand afterwards.

use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::schema::{Object, ObjectBuilder, Type};
use yorozu_app::AppError;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::changes::additions::{self, AdditionForm, TITLE_MAX_CHARS};
use yorozu_app::orders::changes::extension::{self, Answer};
use yorozu_app::orders::changes::{overdue, view};
use yorozu_domain::OrderId;
use yorozu_domain::orders::changes::{AdditionStatus, ExtensionStatus, MAX_EXTRA_DAYS};
use yorozu_domain::orders::text::REASON_MAX_CHARS;

use crate::api::auth::ApiUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::extract::{ApiId, ApiJson};
use crate::api::openapi::fields::{self as openapi, one_of, text};
use crate::api::openapi::responses::{
    BadRequest, Conflict, NotFound, UnsupportedMediaType, ValidationFailed,
};
use crate::state::AppState;

// ---------------------------------------------------------------------------------------
// Schemas

fn addition_status() -> Object {
    let mut schema = one_of(&AdditionStatus::ALL.map(|s| s.as_str()));
    schema.description = Some(
        "proposed: waiting for the buyer; paid: part of the order; declined by the buyer; \
         withdrawn by the seller; closed: the order ended while it waited."
            .into(),
    );
    schema
}

fn extension_status() -> Object {
    let mut schema = one_of(&ExtensionStatus::ALL.map(|s| s.as_str()));
    schema.description = Some(
        "open: waiting for the other side; accepted (the due date moved); declined; withdrawn \
         by the requester; closed: the order ended while it was open."
            .into(),
    );
    schema
}

fn days(min: i64) -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .minimum(Some(min as f64))
        .maximum(Some(MAX_EXTRA_DAYS as f64))
        .description(Some("Days the due date moves by."))
        .build()
}

fn addition_days() -> Object {
    days(0)
}

fn extension_days() -> Object {
    days(1)
}

fn answer_choice() -> Object {
    one_of(&["accept", "decline"])
}

fn title_text() -> Object {
    text(TITLE_MAX_CHARS, "What the addition is.")
}

fn reason_text() -> Object {
    text(REASON_MAX_CHARS, "")
}

// ---------------------------------------------------------------------------------------
// Bodies

/// A paid addition of an order.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderAddition)]
pub struct AdditionBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    title: String,
    description: String,
    #[schema(schema_with = addition_days)]
    extra_days: i64,
    /// The seller's price.
    #[schema(schema_with = openapi::yen)]
    price: i64,
    /// The buyer's service fee on it.
    #[schema(schema_with = openapi::yen)]
    buyer_fee: i64,
    /// What the buyer pays: price + fee.
    #[schema(schema_with = openapi::yen)]
    total: i64,
    /// What the seller is credited when the order completes.
    #[schema(schema_with = openapi::yen)]
    seller_share: i64,
    #[schema(schema_with = addition_status)]
    status: &'static str,
    /// The buyer's note when declining.
    answer: String,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
    #[schema(schema_with = openapi::nullable_time)]
    paid_at: Option<i64>,
    /// Paid, then refunded with the cancelled order.
    refunded: bool,
}

/// A request to move the due date.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderExtension)]
pub struct ExtensionBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    /// Asked by the caller.
    mine: bool,
    #[schema(schema_with = extension_days)]
    extra_days: i64,
    reason: String,
    #[schema(schema_with = extension_status)]
    status: &'static str,
    answer: String,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
}

/// What the caller may do now.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderChangeActions)]
pub struct ActionsBody {
    propose_addition: bool,
    answer_addition: bool,
    request_extension: bool,
    answer_extension: bool,
    withdraw_extension: bool,
    cancel_overdue: bool,
}

/// The changes of an order as the caller sees them.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderChanges)]
pub struct ChangesBody {
    /// The due date (納品予定日): delivery days from payment, moved by paid additions and
    /// accepted extensions. Null before payment.
    #[schema(schema_with = openapi::nullable_time)]
    due_at: Option<i64>,
    /// In progress and past the due date (期限超過): the buyer may cancel at once.
    overdue: bool,
    additions: Vec<AdditionBody>,
    extensions: Vec<ExtensionBody>,
    actions: ActionsBody,
}

fn changes_body(c: view::Changes) -> ChangesBody {
    ChangesBody {
        due_at: c.due_at,
        overdue: c.overdue,
        additions: c
            .additions
            .into_iter()
            .map(|a| AdditionBody {
                id: a.id.to_string(),
                title: a.title,
                description: a.description,
                extra_days: a.extra_days,
                price: a.price,
                buyer_fee: a.buyer_fee,
                total: a.total,
                seller_share: a.seller_share,
                status: a.status,
                answer: a.answer,
                created_at: a.created_at,
                paid_at: a.paid_at,
                refunded: a.refunded,
            })
            .collect(),
        extensions: c
            .extensions
            .into_iter()
            .map(|e| ExtensionBody {
                id: e.id.to_string(),
                mine: e.mine,
                extra_days: e.extra_days,
                reason: e.reason,
                status: e.status,
                answer: e.answer,
                created_at: e.created_at,
            })
            .collect(),
        actions: ActionsBody {
            propose_addition: c.actions.propose_addition,
            answer_addition: c.actions.answer_addition,
            request_extension: c.actions.request_extension,
            answer_extension: c.actions.answer_extension,
            withdraw_extension: c.actions.withdraw_extension,
            cancel_overdue: c.actions.cancel_overdue,
        },
    }
}

async fn body(state: &AppState, user: &CurrentUser, id: OrderId) -> ApiResult<Json<ChangesBody>> {
    Ok(Json(changes_body(
        view::changes(&state.app, user, id).await?,
    )))
}

/// `/orders/{id}/additions/{addition_id}/…`: both ids, or "not found".
pub struct AdditionPath {
    order_id: OrderId,
    addition_id: i64,
}

impl<S: Send + Sync> FromRequestParts<S> for AdditionPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let path: Result<Path<(String, String)>, PathRejection> =
            Path::from_request_parts(parts, state).await;
        let Path((order, addition)) = path.map_err(|_| ApiError::from(AppError::NotFound))?;
        match (order.parse().map(OrderId::new), addition.parse()) {
            (Ok(order_id), Ok(addition_id)) => Ok(AdditionPath {
                order_id,
                addition_id,
            }),
            _ => Err(AppError::NotFound.into()),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Input

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = ProposeAdditionRequest)]
#[serde(deny_unknown_fields)]
pub struct ProposeRequest {
    #[serde(default)]
    #[schema(schema_with = title_text, required)]
    title: String,
    #[serde(default)]
    #[schema(schema_with = reason_text)]
    description: String,
    /// The price before the buyer's fee; the same minimum as a service's price.
    #[schema(schema_with = openapi::yen)]
    price: i64,
    #[serde(default)]
    #[schema(schema_with = addition_days)]
    extra_days: i64,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = AcceptAdditionRequest)]
#[serde(deny_unknown_fields)]
pub struct AcceptRequest {
    /// One of the buyer's registered cards.
    #[serde(default)]
    #[schema(schema_with = openapi::id, required)]
    card_id: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = DeclineAdditionRequest)]
#[serde(deny_unknown_fields)]
pub struct DeclineRequest {
    #[serde(default)]
    #[schema(schema_with = reason_text)]
    answer: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = ExtensionRequest)]
#[serde(deny_unknown_fields)]
pub struct ExtensionRequest {
    #[schema(schema_with = extension_days)]
    extra_days: i64,
    #[serde(default)]
    #[schema(schema_with = reason_text, required)]
    reason: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = ExtensionAnswerRequest)]
#[serde(deny_unknown_fields)]
pub struct ExtensionAnswerRequest {
    #[serde(default)]
    #[schema(schema_with = answer_choice, required)]
    answer: String,
    #[serde(default)]
    #[schema(schema_with = reason_text)]
    text: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = OverdueCancelRequest)]
#[serde(deny_unknown_fields)]
pub struct OverdueCancelRequest {
    #[serde(default)]
    #[schema(schema_with = reason_text)]
    reason: String,
}

// ---------------------------------------------------------------------------------------
// Actions

/// The order's due date, additions and extension requests.
#[utoipa::path(
    get,
    path = "/orders/{id}/changes",
    operation_id = "getOrderChanges",
    tag = "orders",
    summary = "Show the order's changes (追加オプション・納品予定日)",
    params(("id" = String, Path, description = "The order id.")),
    responses(
        (status = 200, description = "The order's changes.", body = ChangesBody),
        (status = 404, response = NotFound),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
) -> ApiResult<Json<ChangesBody>> {
    body(&state, &user, id).await
}

/// The seller proposes a paid addition on an order in progress; the buyer is told.
#[utoipa::path(
    post,
    path = "/orders/{id}/additions",
    operation_id = "proposeOrderAddition",
    tag = "orders",
    summary = "Propose a paid addition (追加オプション)",
    description = "The seller, while the order is `in_progress` (otherwise a 409). The fees \
                   follow the order's fee function.",
    params(("id" = String, Path, description = "The order id.")),
    request_body = ProposeRequest,
    responses(
        (status = 200, description = "The changes after the action.", body = ChangesBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn propose(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
    ApiJson(input): ApiJson<ProposeRequest>,
) -> ApiResult<Json<ChangesBody>> {
    let form = AdditionForm {
        title: input.title,
        description: input.description,
        price: input.price.to_string(),
        extra_days: input.extra_days.to_string(),
    };
    additions::propose(&state.app, &user, id, &form).await?;
    body(&state, &user, id).await
}

/// The buyer accepts and pays an addition with one of their cards. The charge carries the
/// addition's own idempotency key: sending this again charges nothing more.
#[utoipa::path(
    post,
    path = "/orders/{id}/additions/{addition_id}/accept",
    operation_id = "acceptOrderAddition",
    tag = "orders",
    summary = "Buy a proposed addition",
    params(
        ("id" = String, Path, description = "The order id."),
        ("addition_id" = String, Path, description = "The addition id."),
    ),
    request_body = AcceptRequest,
    responses(
        (status = 200, description = "The changes after the action.", body = ChangesBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn accept(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    path: AdditionPath,
    ApiJson(input): ApiJson<AcceptRequest>,
) -> ApiResult<Json<ChangesBody>> {
    let card_id = input
        .card_id
        .trim()
        .parse()
        .map_err(|_| AppError::invalid("card", "order-card-unknown"))?;
    additions::accept(&state.app, &user, path.order_id, path.addition_id, card_id).await?;
    body(&state, &user, path.order_id).await
}

/// The buyer declines a proposed addition; the seller is told.
#[utoipa::path(
    post,
    path = "/orders/{id}/additions/{addition_id}/decline",
    operation_id = "declineOrderAddition",
    tag = "orders",
    summary = "Decline a proposed addition",
    params(
        ("id" = String, Path, description = "The order id."),
        ("addition_id" = String, Path, description = "The addition id."),
    ),
    request_body = DeclineRequest,
    responses(
        (status = 200, description = "The changes after the action.", body = ChangesBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn decline(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    path: AdditionPath,
    ApiJson(input): ApiJson<DeclineRequest>,
) -> ApiResult<Json<ChangesBody>> {
    additions::decline(
        &state.app,
        &user,
        path.order_id,
        path.addition_id,
        &input.answer,
    )
    .await?;
    body(&state, &user, path.order_id).await
}

/// The seller withdraws an addition the buyer has not paid; the buyer is told.
#[utoipa::path(
    post,
    path = "/orders/{id}/additions/{addition_id}/withdraw",
    operation_id = "withdrawOrderAddition",
    tag = "orders",
    summary = "Withdraw a proposed addition",
    params(
        ("id" = String, Path, description = "The order id."),
        ("addition_id" = String, Path, description = "The addition id."),
    ),
    responses(
        (status = 200, description = "The changes after the action.", body = ChangesBody),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    ),
)]
pub async fn withdraw_addition(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    path: AdditionPath,
) -> ApiResult<Json<ChangesBody>> {
    additions::withdraw(&state.app, &user, path.order_id, path.addition_id).await?;
    body(&state, &user, path.order_id).await
}

/// Either party asks to move the due date; the other side is told.
#[utoipa::path(
    post,
    path = "/orders/{id}/extension",
    operation_id = "requestOrderExtension",
    tag = "orders",
    summary = "Request a later due date (納品予定日の延長)",
    description = "Either party, while the order is `in_progress`; one open request at a time \
                   (otherwise a 409 `order-extension-already-open`).",
    params(("id" = String, Path, description = "The order id.")),
    request_body = ExtensionRequest,
    responses(
        (status = 200, description = "The changes after the action.", body = ChangesBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn request_extension(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
    ApiJson(input): ApiJson<ExtensionRequest>,
) -> ApiResult<Json<ChangesBody>> {
    extension::request(
        &state.app,
        &user,
        id,
        &input.extra_days.to_string(),
        &input.reason,
    )
    .await?;
    body(&state, &user, id).await
}

/// The other side accepts (the due date moves) or declines the open request.
#[utoipa::path(
    post,
    path = "/orders/{id}/extension/answer",
    operation_id = "answerOrderExtension",
    tag = "orders",
    summary = "Answer an extension request",
    params(("id" = String, Path, description = "The order id.")),
    request_body = ExtensionAnswerRequest,
    responses(
        (status = 200, description = "The changes after the action.", body = ChangesBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn answer_extension(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
    ApiJson(input): ApiJson<ExtensionAnswerRequest>,
) -> ApiResult<Json<ChangesBody>> {
    let answer = match input.answer.as_str() {
        "accept" => Answer::Accept,
        "decline" => Answer::Decline,
        _ => return Err(AppError::invalid("answer", "order-extension-answer-unknown").into()),
    };
    extension::answer(&state.app, &user, id, answer, &input.text).await?;
    body(&state, &user, id).await
}

/// The requester withdraws their open request.
#[utoipa::path(
    post,
    path = "/orders/{id}/extension/withdraw",
    operation_id = "withdrawOrderExtension",
    tag = "orders",
    summary = "Withdraw an extension request",
    params(("id" = String, Path, description = "The order id.")),
    responses(
        (status = 200, description = "The changes after the action.", body = ChangesBody),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    ),
)]
pub async fn withdraw_extension(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
) -> ApiResult<Json<ChangesBody>> {
    extension::withdraw(&state.app, &user, id).await?;
    body(&state, &user, id).await
}

/// The buyer cancels an order in progress that is past its due date, at once: no request,
/// no waiting for the seller. Everything paid, additions included, is refunded.
#[utoipa::path(
    post,
    path = "/orders/{id}/overdue-cancel",
    operation_id = "cancelOverdueOrder",
    tag = "orders",
    summary = "Cancel an overdue order at once (期限超過)",
    description = "The buyer only, once the due date has passed while the order is \
                   `in_progress` (otherwise a 409 `order-not-overdue`).",
    params(("id" = String, Path, description = "The order id.")),
    request_body = OverdueCancelRequest,
    responses(
        (status = 200, description = "The changes after the action.", body = ChangesBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn cancel_overdue(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
    ApiJson(input): ApiJson<OverdueCancelRequest>,
) -> ApiResult<Json<ChangesBody>> {
    overdue::cancel_now(&state.app, &user, id, &input.reason).await?;
    body(&state, &user, id).await
}
