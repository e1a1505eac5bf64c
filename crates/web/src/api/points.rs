//! Points (ポイント): the caller's balance, when it expires, and what changed it.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use yorozu_app::promotions::points;
use yorozu_store::promotions::points::PointEntryRow;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::state::AppState;

/// One change of the balance.
#[derive(Debug, Serialize)]
pub struct PointEntry {
    id: String,
    kind: String,
    amount: i64,
    order_id: Option<String>,
    note: String,
    created_at: i64,
}

impl From<PointEntryRow> for PointEntry {
    fn from(r: PointEntryRow) -> PointEntry {
        PointEntry {
            id: r.id.to_string(),
            kind: r.kind,
            amount: r.amount,
            order_id: r.order_id.map(|id| id.to_string()),
            note: r.note,
            created_at: r.created_at,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Points {
    balance: i64,
    expires_at: Option<i64>,
    history: Vec<PointEntry>,
}

/// The caller's points: balance, expiry and the latest 100 changes, newest first.
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Points>> {
    let v = points::view(&state.app, &user).await?;
    Ok(Json(Points {
        balance: v.balance,
        expires_at: v.expires_at,
        history: v.history.into_iter().map(PointEntry::from).collect(),
    }))
}
