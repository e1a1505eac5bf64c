//! Points (ポイント): the caller's balance, when it expires, and what changed it.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use yorozu_app::promotions::points::{self, PointEntry as Entry};

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
        balance: v.balance.get(),
        expires_at: v.expires_at,
        history: v.history.into_iter().map(PointEntry::from).collect(),
    }))
}
