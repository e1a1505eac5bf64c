//! The state of the member's identity verification (本人確認). Submitting a document stays
//! on the site, where the upload form explains what is accepted.

use axum::Json;
use axum::extract::State;
use yorozu_app::identity::{self, IdentityState};

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::state::AppState;

/// `status` is null before the first submission, then "pending", "approved" or "rejected".
pub async fn state(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<IdentityState>> {
    Ok(Json(identity::current(&state.app, user.id).await?))
}
