//! The state of the member's identity verification (本人確認). Submitting a document stays
//! on the site, where the upload form explains what is accepted.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use yorozu_app::identity::{self, IdentityState};

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::openapi::fields as openapi;
use crate::state::AppState;

/// Where the caller's verification stands.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = IdentityState)]
pub struct StateBody {
    #[schema(schema_with = openapi::identity_status, required)]
    status: Option<&'static str>,
    #[schema(schema_with = openapi::document_kind, required)]
    kind: Option<&'static str>,
    #[schema(schema_with = openapi::nullable_time, required)]
    submitted_at: Option<i64>,
    #[schema(schema_with = openapi::nullable_time, required)]
    decided_at: Option<i64>,
    #[schema(required)]
    rejection_reason: Option<String>,
    #[schema(schema_with = openapi::nullable_time, required)]
    file_erased_at: Option<i64>,
}

impl From<IdentityState> for StateBody {
    fn from(s: IdentityState) -> StateBody {
        StateBody {
            status: s.status.map(|s| s.as_str()),
            kind: s.kind.map(|k| k.as_str()),
            submitted_at: s.submitted_at,
            decided_at: s.decided_at,
            rejection_reason: s.rejection_reason,
            file_erased_at: s.file_erased_at,
        }
    }
}

/// `status` is null before the first submission, then "pending", "approved" or "rejected".
#[utoipa::path(
    get,
    path = "/me/identity",
    operation_id = "getIdentityState",
    summary = "Identity verification state",
    responses((status = 200, description = "The latest submission's state.", body = StateBody)),
)]
pub async fn state(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<StateBody>> {
    Ok(Json(identity::current(&state.app, user.id).await?.into()))
}
