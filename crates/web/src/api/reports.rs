//! Reports (通報): filing one, and the caller's own reports with their outcome.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use yorozu_app::AppError;
use yorozu_app::moderation::Target;
use yorozu_app::moderation::my_reports::{self, MyReport};
use yorozu_app::moderation::report::{self, Filed, ReportInput};
use yorozu_domain::moderation::{ModerationAction, ReportReason, ReportState, TargetKind};

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::ApiJson;
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::{
    BadRequest, Conflict, NotFound, UnsupportedMediaType, ValidationFailed,
};
use crate::state::AppState;

fn target_kind() -> utoipa::openapi::schema::Object {
    openapi::one_of(
        &TargetKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>(),
    )
}

fn reason() -> utoipa::openapi::schema::Object {
    openapi::one_of(
        &ReportReason::ALL
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>(),
    )
}

fn state() -> utoipa::openapi::schema::Object {
    openapi::one_of(
        &ReportState::ALL
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>(),
    )
}

/// The action operators took, or null while the report is open.
fn outcome() -> utoipa::openapi::schema::Object {
    let mut values: Vec<serde_json::Value> = ModerationAction::ALL
        .iter()
        .map(|a| a.as_str().into())
        .collect();
    values.push(serde_json::Value::Null);
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::SchemaType::from_iter([
            utoipa::openapi::schema::Type::String,
            utoipa::openapi::schema::Type::Null,
        ]))
        .enum_values(Some(values))
        .description(Some(
            "What the operators did; null while the report is open.",
        ))
        .build()
}

fn comment() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .max_length(Some(yorozu_domain::moderation::TEXT_MAX_CHARS))
        .description(Some("What happened; required."))
        .build()
}

/// A report as its reporter sees it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Report)]
pub struct ReportBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(schema_with = target_kind)]
    target_kind: String,
    #[schema(schema_with = openapi::id)]
    target_id: String,
    #[schema(schema_with = reason)]
    reason: String,
    comment: String,
    #[schema(schema_with = state)]
    state: String,
    #[schema(schema_with = outcome, required)]
    outcome: Option<String>,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
    #[schema(schema_with = openapi::nullable_time, required)]
    decided_at: Option<i64>,
}

impl From<MyReport> for ReportBody {
    fn from(r: MyReport) -> ReportBody {
        ReportBody {
            id: r.id.to_string(),
            target_kind: r.target.kind.as_str().to_owned(),
            target_id: r.target.id.to_string(),
            reason: r.reason.as_str().to_owned(),
            comment: r.comment,
            state: r.state.as_str().to_owned(),
            outcome: r.outcome.map(|o| o.as_str().to_owned()),
            created_at: r.created_at,
            decided_at: r.decided_at,
        }
    }
}

/// What to report and why.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ReportInput)]
pub struct ReportRequest {
    #[schema(schema_with = target_kind)]
    target_kind: String,
    #[schema(schema_with = openapi::id)]
    target_id: String,
    #[schema(schema_with = reason)]
    reason: String,
    #[serde(default)]
    #[schema(schema_with = comment, required)]
    comment: String,
}

/// Files a report; reporting the same thing again while it is open rewrites it.
#[utoipa::path(
    post,
    path = "/reports",
    operation_id = "fileReport",
    tag = "reports",
    summary = "Report a service, profile, message or review",
    description = "One report per reporter and target: 201 with a new report, 200 when it rewrote the caller's \
                   open report of the same target, 409 `moderation-report-already-decided` once operators dealt \
                   with it. A message can be reported only by the parties of its order (others get 404); one's \
                   own content is a 409 `moderation-report-own`.",
    request_body = ReportRequest,
    responses(
        (status = 201, description = "The new report.", body = ReportBody),
        (status = 200, description = "The caller's open report, rewritten.", body = ReportBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn file(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<ReportRequest>,
) -> ApiResult<Response> {
    let target = Target::parse(&input.target_kind, &input.target_id)
        .map_err(|_| AppError::invalid("target_id", "moderation-target-unknown"))?;
    let filed = report::file(
        &state.app,
        &user,
        target,
        &ReportInput {
            reason: input.reason,
            comment: input.comment,
        },
    )
    .await?;
    let mine = my_reports::list(&state.app, &user).await?;
    let body = mine
        .into_iter()
        .find(|r| r.target == target)
        .map(ReportBody::from)
        .ok_or(AppError::NotFound)?;
    let status = match filed {
        Filed::Created => StatusCode::CREATED,
        Filed::Updated => StatusCode::OK,
    };
    Ok((status, Json(body)).into_response())
}

/// The caller's reports, newest first, with the outcome of those dealt with.
#[utoipa::path(
    get,
    path = "/me/reports",
    operation_id = "listMyReports",
    tag = "reports",
    summary = "The caller's reports",
    description = "Newest first (at most 100), each with its state and, once decided, the outcome. Nobody sees \
                   others' reports.",
    responses((status = 200, description = "The reports.", body = Vec<ReportBody>)),
)]
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<ReportBody>>> {
    let list = my_reports::list(&state.app, &user).await?;
    Ok(Json(list.into_iter().map(ReportBody::from).collect()))
}
