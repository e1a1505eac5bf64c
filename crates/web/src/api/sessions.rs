//! The member's signed-in browser sessions: listed and ended from the API.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;
use yorozu_app::accounts::sessions::{self, SessionInfo};

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::ApiKey;
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::NotFound;
use crate::state::AppState;

/// One browser session. `id` identifies it for `DELETE`; it is a hash, not the cookie.
#[derive(Debug, Serialize, ToSchema)]
pub struct Session {
    /// Opaque; use it to sign the session out.
    id: String,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
    #[schema(schema_with = openapi::time)]
    last_seen_at: i64,
    user_agent: String,
    ip: String,
}

impl From<SessionInfo> for Session {
    fn from(s: SessionInfo) -> Session {
        Session {
            id: s.id,
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
            user_agent: s.user_agent,
            ip: s.ip,
        }
    }
}

#[utoipa::path(
    get,
    path = "/me/sessions",
    operation_id = "listSessions",
    summary = "Signed-in browser sessions",
    responses((status = 200, description = "Live sessions, most recently used first.", body = Vec<Session>)),
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<Session>>> {
    // An API call has no session of its own, so none is "current".
    let list = sessions::list(&state.app, user.id, "").await?;
    Ok(Json(list.into_iter().map(Session::from).collect()))
}

/// Signs out one browser session; someone else's (or an unknown one) is not found.
#[utoipa::path(
    delete,
    path = "/me/sessions/{id}",
    operation_id = "revokeSession",
    summary = "Sign out one browser session",
    params(("id" = String, Path, description = "The session id from the list.")),
    responses(
        (status = 204, description = "Signed out."),
        (status = 404, response = NotFound),
    ),
)]
pub async fn revoke(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiKey(id): ApiKey,
) -> ApiResult<StatusCode> {
    sessions::revoke(&state.app, user.id, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
