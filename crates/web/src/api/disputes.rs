//! Disputes (トラブル相談) of an order for its parties: show, open, add a statement,
//! withdraw. Each action answers with the dispute as it stands afterwards. The operator's
//! decision is made in the operator console.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};
use yorozu_app::orders::dispute::{self, Dispute, Panel};
use yorozu_domain::OrderId;
use yorozu_domain::orders::text::MESSAGE_MAX_CHARS;
use yorozu_domain::orders::{DisputeDecision, DisputeReason};

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::{ApiId, ApiJson};
use crate::api::openapi::fields::{self as openapi, one_of, text};
use crate::api::openapi::order_fields;
use crate::api::openapi::responses::{
    BadRequest, Conflict, NotFound, UnsupportedMediaType, ValidationFailed,
};
use crate::state::AppState;

// ---------------------------------------------------------------------------------------
// Schemas of the vocabularies (the domain's own lists)

fn reason() -> Object {
    let mut schema = one_of(&DisputeReason::ALL.map(|r| r.as_str()));
    schema.description = Some(
        "not_delivered 納品されない, quality 品質・内容, no_contact 連絡が取れない, other その他."
            .into(),
    );
    schema
}

fn side() -> Object {
    one_of(&["buyer", "seller"])
}

fn status() -> Object {
    let mut schema = one_of(&["open", "withdrawn", "decided"]);
    schema.description = Some(
        "open: waiting for the operator; withdrawn by a party; decided by the operator.".into(),
    );
    schema
}

fn nullable_decision() -> Object {
    let mut values: Vec<Value> = DisputeDecision::ALL
        .iter()
        .map(|d| Value::from(d.as_str()))
        .collect();
    values.push(Value::Null);
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .enum_values(Some(values))
        .description(Some(
            "release: the seller is paid (completed); full_refund: cancelled and refunded; \
             partial_refund: part refunded, completed on the rest. Null until decided.",
        ))
        .build()
}

fn nullable_yen() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
        .description(Some("Whole yen; null until decided."))
        .build()
}

fn statement_text() -> Object {
    text(MESSAGE_MAX_CHARS, "")
}

// ---------------------------------------------------------------------------------------
// Bodies

/// One statement of a dispute (the opening statement first).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = DisputeStatement)]
pub struct StatementBody {
    #[schema(schema_with = side)]
    side: &'static str,
    /// Written by the caller.
    mine: bool,
    body: String,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
}

/// A dispute of an order.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Dispute)]
pub struct DisputeRecord {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(schema_with = reason)]
    reason: &'static str,
    #[schema(schema_with = side)]
    opened_side: &'static str,
    #[schema(schema_with = openapi::time)]
    opened_at: i64,
    /// Where the order was when the dispute began; withdrawing returns there.
    #[schema(value_type = order_fields::OrderState)]
    interrupted_state: &'static str,
    #[schema(schema_with = status)]
    status: String,
    statements: Vec<StatementBody>,
    #[schema(schema_with = nullable_decision)]
    decision: Option<&'static str>,
    /// The operator's reason, seen by both parties (empty until decided).
    decision_reason: String,
    #[schema(schema_with = openapi::nullable_time)]
    decided_at: Option<i64>,
    /// What the buyer got back.
    #[schema(schema_with = nullable_yen)]
    refund_amount: Option<i64>,
    /// What the seller was credited.
    #[schema(schema_with = nullable_yen)]
    seller_share: Option<i64>,
    #[schema(schema_with = openapi::nullable_time)]
    withdrawn_at: Option<i64>,
}

/// The disputes of an order as the caller sees them.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderDispute)]
pub struct DisputeBody {
    /// A dispute may be opened now (the order is in progress or delivered).
    can_open: bool,
    /// The newest dispute, if any.
    #[schema(nullable)]
    dispute: Option<DisputeRecord>,
}

fn record(d: Dispute) -> DisputeRecord {
    DisputeRecord {
        id: d.id.to_string(),
        reason: d.reason.as_str(),
        opened_side: d.opened_side.as_str(),
        opened_at: d.opened_at,
        interrupted_state: d.interrupted_state.as_str(),
        status: d.status,
        statements: d
            .statements
            .into_iter()
            .map(|s| StatementBody {
                side: s.side.as_str(),
                mine: s.mine,
                body: s.body,
                created_at: s.created_at,
            })
            .collect(),
        decision: d.decision.map(DisputeDecision::as_str),
        decision_reason: d.decision_reason,
        decided_at: d.decided_at,
        refund_amount: d.refund_amount,
        seller_share: d.seller_share,
        withdrawn_at: d.withdrawn_at,
    }
}

async fn body(
    state: &AppState,
    user: &yorozu_app::accounts::CurrentUser,
    id: OrderId,
) -> ApiResult<Json<DisputeBody>> {
    let Panel { dispute, can_open } = dispute::panel(&state.app, user, id).await?;
    Ok(Json(DisputeBody {
        can_open,
        dispute: dispute.map(record),
    }))
}

// ---------------------------------------------------------------------------------------
// Input

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = OpenDisputeRequest)]
#[serde(deny_unknown_fields)]
pub struct OpenRequest {
    #[serde(default)]
    #[schema(schema_with = reason, required)]
    reason: String,
    #[serde(default)]
    #[schema(schema_with = statement_text, required)]
    statement: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = DisputeStatementRequest)]
#[serde(deny_unknown_fields)]
pub struct StatementRequest {
    #[serde(default)]
    #[schema(schema_with = statement_text, required)]
    body: String,
}

// ---------------------------------------------------------------------------------------
// Actions

/// The dispute of an order: the newest one and whether one may be opened.
#[utoipa::path(
    get,
    path = "/orders/{id}/dispute",
    operation_id = "getOrderDispute",
    tag = "orders",
    summary = "Show the order's dispute (トラブル相談)",
    params(("id" = String, Path, description = "The order id.")),
    responses(
        (status = 200, description = "The order's dispute.", body = DisputeBody),
        (status = 404, response = NotFound),
    ),
)]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
) -> ApiResult<Json<DisputeBody>> {
    body(&state, &user, id).await
}

/// A party opens a dispute on an order in progress or delivered: the order waits in
/// `disputed`, auto-approval and the cancellation answer period stop, both are told.
#[utoipa::path(
    post,
    path = "/orders/{id}/dispute",
    operation_id = "openOrderDispute",
    tag = "orders",
    summary = "Open a dispute (トラブル相談)",
    description = "Either party, while the order is `in_progress` or `delivered` (otherwise a 409 \
                   `order-transition-not-allowed`). Problems with the reason or the statement are a 422.",
    params(("id" = String, Path, description = "The order id.")),
    request_body = OpenRequest,
    responses(
        (status = 200, description = "The dispute after the action.", body = DisputeBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn open(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
    ApiJson(input): ApiJson<OpenRequest>,
) -> ApiResult<Json<DisputeBody>> {
    dispute::open(&state.app, &user, id, &input.reason, &input.statement).await?;
    body(&state, &user, id).await
}

/// A party adds a statement while the dispute is open; the other side is told.
#[utoipa::path(
    post,
    path = "/orders/{id}/dispute/statements",
    operation_id = "addOrderDisputeStatement",
    tag = "orders",
    summary = "Add a statement to the open dispute",
    description = "Until the decision or a withdrawal (then a 409 `dispute-not-open`).",
    params(("id" = String, Path, description = "The order id.")),
    request_body = StatementRequest,
    responses(
        (status = 200, description = "The dispute after the action.", body = DisputeBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn add_statement(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
    ApiJson(input): ApiJson<StatementRequest>,
) -> ApiResult<Json<DisputeBody>> {
    dispute::add_statement(&state.app, &user, id, &input.body).await?;
    body(&state, &user, id).await
}

/// Either party withdraws the open dispute: the order resumes where it was, its deadlines
/// restarted from now.
#[utoipa::path(
    post,
    path = "/orders/{id}/dispute/withdraw",
    operation_id = "withdrawOrderDispute",
    tag = "orders",
    summary = "Withdraw the open dispute",
    params(("id" = String, Path, description = "The order id.")),
    responses(
        (status = 200, description = "The dispute after the action.", body = DisputeBody),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    ),
)]
pub async fn withdraw(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
) -> ApiResult<Json<DisputeBody>> {
    dispute::withdraw(&state.app, &user, id).await?;
    body(&state, &user, id).await
}
