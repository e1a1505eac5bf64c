//! Two-step sign-in (二段階認証) of the caller through the API: its status, the set-up (the
//! secret and `otpauth://` URI for an authenticator app), turning it on with the password and
//! a first code (the answer carries the recovery codes, shown once), and turning it off with
//! the password and a code.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use yorozu_app::accounts::reauth::{self, Credentials};
use yorozu_app::accounts::two_step::{self, Status};

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::ApiJson;
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::{
    BadRequest, Conflict, Forbidden, UnsupportedMediaType, ValidationFailed,
};
use crate::state::AppState;

/// Whether two-step sign-in is on, since when, and how many recovery codes are left.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = TwoStepStatus)]
pub struct StatusAnswer {
    enabled: bool,
    #[schema(schema_with = openapi::nullable_time, required)]
    enabled_at: Option<i64>,
    recovery_codes_left: i64,
}

impl From<Status> for StatusAnswer {
    fn from(s: Status) -> StatusAnswer {
        StatusAnswer {
            enabled: s.enabled,
            enabled_at: s.enabled_at,
            recovery_codes_left: s.recovery_codes_left,
        }
    }
}

/// `GET /me/two-step`.
#[utoipa::path(
    get,
    path = "/me/two-step",
    operation_id = "getMyTwoStep",
    tag = "accounts",
    summary = "Two-step sign-in (二段階認証) status",
    responses((status = 200, description = "Whether it is on, since when, and how many recovery codes are left.", body = StatusAnswer)),
)]
pub async fn status(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<StatusAnswer>> {
    Ok(Json(two_step::status(&state.app, user.id).await?.into()))
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = TwoStepSetup)]
pub struct SetupAnswer {
    /// Base32, no padding.
    #[schema(pattern = "^[A-Z2-7]+$")]
    secret: String,
    /// otpauth://totp/… for a QR code.
    uri: String,
}

/// `POST /me/two-step/setup`: the pending secret (the same until it is confirmed).
#[utoipa::path(
    post,
    path = "/me/two-step/setup",
    operation_id = "setUpTwoStep",
    tag = "accounts",
    summary = "Start setting up two-step sign-in",
    description = "The TOTP secret (RFC 6238: SHA-1, 6 digits, 30 seconds) in base32 and the `otpauth://` URI for an \
                   authenticator app. The same secret is answered until it is confirmed. 409 `two-step-already-on` \
                   when it is on.",
    responses(
        (status = 200, description = "The secret to enter into an authenticator app.", body = SetupAnswer),
        (status = 409, response = Conflict),
    ),
)]
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
#[derive(Debug, Default, Deserialize, ToSchema)]
#[schema(as = TwoStepCode)]
pub struct CodeInput {
    /// The current password.
    #[serde(default)]
    password: String,
    /// Six digits from the app, or a recovery code (turning off only).
    #[serde(default)]
    totp_code: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = TwoStepRecoveryCodes)]
pub struct RecoveryCodes {
    #[schema(min_items = 10, max_items = 10)]
    recovery_codes: Vec<String>,
}

/// `POST /me/two-step`: turns it on; the answer holds the ten recovery codes, never shown again.
#[utoipa::path(
    post,
    path = "/me/two-step",
    operation_id = "enableTwoStep",
    tag = "accounts",
    summary = "Turn two-step sign-in on",
    description = "Needs the password (`current_password` / `password-wrong`) and a first code from the app \
                   (`totp_code` / `two-step-code-wrong`). The answer holds ten single-use recovery codes; they \
                   are never shown again. From then on, sensitive requests need `totp_code` besides `password`.",
    request_body = CodeInput,
    responses(
        (status = 201, description = "On; the recovery codes.", body = RecoveryCodes),
        (status = 400, response = BadRequest),
        (status = 403, response = Forbidden),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
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
#[utoipa::path(
    delete,
    path = "/me/two-step",
    operation_id = "disableTwoStep",
    tag = "accounts",
    summary = "Turn two-step sign-in off",
    description = "Needs the password and a code (or a recovery code).",
    request_body = CodeInput,
    responses(
        (status = 204, description = "Off."),
        (status = 400, response = BadRequest),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn disable(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<CodeInput>,
) -> ApiResult<StatusCode> {
    two_step::disable(&state.app, &user, &input.password, &input.totp_code).await?;
    Ok(StatusCode::NO_CONTENT)
}
