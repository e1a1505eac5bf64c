//! Two-step sign-in (二段階認証) of the caller through the API: its status, the set-up (the
//! secret and `otpauth://` URI for an authenticator app), turning it on with the password and
//! a first code (the answer carries the recovery codes, shown once), and turning it off with
//! the password and a code.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use yorozu_app::accounts::reauth::{self, Credentials};
use yorozu_app::accounts::two_step::{self, Status};

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::ApiJson;
use crate::state::AppState;

/// `GET /me/two-step`.
pub async fn status(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Status>> {
    Ok(Json(two_step::status(&state.app, user.id).await?))
}

#[derive(Debug, Serialize)]
pub struct SetupAnswer {
    secret: String,
    uri: String,
}

/// `POST /me/two-step/setup`: the pending secret (the same until it is confirmed).
pub async fn setup(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<SetupAnswer>> {
    let setup = two_step::begin(&state.app, &user).await?;
    Ok(Json(SetupAnswer {
        secret: setup.secret,
        uri: setup.uri,
    }))
}

/// The password and a code from the app.
#[derive(Debug, Default, Deserialize)]
pub struct CodeInput {
    #[serde(default)]
    password: String,
    #[serde(default)]
    totp_code: String,
}

#[derive(Debug, Serialize)]
pub struct RecoveryCodes {
    recovery_codes: Vec<String>,
}

/// `POST /me/two-step`: turns it on; the answer holds the ten recovery codes, never shown again.
pub async fn enable(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<CodeInput>,
) -> ApiResult<(StatusCode, Json<RecoveryCodes>)> {
    let credentials = Credentials {
        password: input.password,
        totp_code: String::new(),
    };
    let proof = reauth::require(&state.app, &user, None, Some(&credentials)).await?;
    let codes = two_step::confirm(&state.app, &user, &proof, &input.totp_code).await?;
    Ok((
        StatusCode::CREATED,
        Json(RecoveryCodes {
            recovery_codes: codes,
        }),
    ))
}

/// `DELETE /me/two-step`: turns it off (password and a code or recovery code).
pub async fn disable(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<CodeInput>,
) -> ApiResult<StatusCode> {
    two_step::disable(&state.app, &user, &input.password, &input.totp_code).await?;
    Ok(StatusCode::NO_CONTENT)
}
