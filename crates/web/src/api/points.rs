//! Points (ポイント): the caller's balance, when it expires, and what changed it.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa::openapi::schema::Object;
use yorozu_app::promotions::points::{self, PointEntry as Entry};
use yorozu_domain::promotions::points::PointKind;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::openapi::fields as openapi;
use crate::state::AppState;

/// One change of the balance.
#[derive(Debug, Serialize, ToSchema)]
pub struct PointEntry {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(schema_with = point_kind)]
    kind: String,
    /// Signed: grants, restorations and reversed forfeits add; uses, expiries, forfeits subtract.
    amount: i64,
    #[schema(schema_with = openapi::nullable_id, required)]
    order_id: Option<String>,
    note: String,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
}

/// What changed the balance: the domain's own list, so a new kind cannot be forgotten here.
fn point_kind() -> Object {
    openapi::one_of(&PointKind::ALL.map(PointKind::as_str))
}

impl From<Entry> for PointEntry {
    fn from(r: Entry) -> PointEntry {
        PointEntry {
            id: r.id.to_string(),
            kind: r.kind.as_str().to_owned(),
            amount: r.amount.get(),
            order_id: r.order_id.map(|id| id.to_string()),
            note: r.note,
            created_at: r.created_at,
        }
    }
}

/// The caller's points.
#[derive(Debug, Serialize, ToSchema)]
pub struct Points {
    balance: i64,
    #[schema(schema_with = openapi::nullable_time, required)]
    expires_at: Option<i64>,
    history: Vec<PointEntry>,
}

/// The caller's points: balance, expiry and the latest 100 changes, newest first.
#[utoipa::path(
    get,
    path = "/me/points",
    operation_id = "getMyPoints",
    summary = "The caller's points",
    description = "One point is ¥1 off an order. The whole balance expires at `expires_at` unless more points are \
                   acquired first.",
    responses(
        (status = 200, description = "Balance, expiry and the latest 100 changes, newest first.", body = Points),
    ),
)]
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Points>> {
    let v = points::view(&state.app, &user).await?;
    Ok(Json(Points {
        balance: v.balance.get(),
        expires_at: v.expires_at,
        history: v.history.into_iter().map(PointEntry::from).collect(),
    }))
}
