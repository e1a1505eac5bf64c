//! Accounts: registration, the caller's own account, e-mail and password changes.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use yorozu_app::accounts::{CurrentUser, change_email, change_password, register, two_step};
use yorozu_app::{AppError, FieldError};
use yorozu_domain::Locale;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::{ApiClient, ApiJson, ApiLocale};
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::{
    BadRequest, TooManyRequests, UnsupportedMediaType, ValidationFailed,
};
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    email: String,
    #[schema(schema_with = openapi::new_password)]
    password: String,
    display_name: String,
    /// Language of mail and pages; Accept-Language when absent.
    #[serde(default)]
    #[schema(value_type = openapi::Locale)]
    locale: Option<String>,
}

/// The answer to a sign-up, the same whether the address was new or already registered.
#[derive(Debug, Serialize, ToSchema)]
pub struct SignUpAccepted {
    /// Always `confirmation-sent`: a mail is on its way to the address.
    #[schema(schema_with = openapi::confirmation_sent)]
    status: &'static str,
}

/// Creates an account and mails the confirmation link. API callers get no session: they
/// confirm the address, sign in on the site and create a token there. An address that is
/// already registered gets the same answer (its owner is mailed a notice), so the endpoint
/// does not tell who is a member; requests are limited per client address.
#[utoipa::path(
    post,
    path = "/accounts",
    operation_id = "register",
    summary = "Register a member",
    description = "Creates an account and mails a link to confirm the address. No session or token is created: \
                   sign in on the site to create the first token. An address that is already registered gets \
                   the same answer (its owner is mailed that someone tried), so the answer says nothing about \
                   who is a member. Limited per client address (429 with `Retry-After`).",
    security(),
    request_body = RegisterRequest,
    responses(
        (status = 202, description = "Accepted; a mail is on its way to the address.", body = SignUpAccepted),
        (status = 400, response = BadRequest),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
        (status = 429, response = TooManyRequests),
    ),
)]
pub async fn register(
    State(state): State<AppState>,
    ApiLocale(caller_locale): ApiLocale,
    ApiClient(client): ApiClient,
    ApiJson(input): ApiJson<RegisterRequest>,
) -> ApiResult<Response> {
    let locale = match input.locale.as_deref() {
        None => caller_locale,
        Some(tag) => Locale::parse(tag)
            .ok_or_else(|| AppError::Invalid(vec![FieldError::new("locale", "lang-unknown")]))?,
    };
    let registration = register::Registration {
        email: &input.email,
        password: &input.password,
        display_name: &input.display_name,
        locale,
    };
    register::register_without_session(&state.app, &registration, &client).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(SignUpAccepted {
            status: "confirmation-sent",
        }),
    )
        .into_response())
}

/// The caller's own account.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    #[schema(schema_with = openapi::id)]
    id: String,
    email: String,
    email_verified: bool,
    display_name: String,
    #[schema(value_type = openapi::Locale)]
    locale: Locale,
    #[schema(schema_with = openapi::role)]
    role: String,
}

impl From<CurrentUser> for Me {
    fn from(u: CurrentUser) -> Me {
        Me {
            id: u.id.to_string(),
            email: u.email,
            email_verified: u.email_verified,
            display_name: u.display_name,
            locale: u.locale,
            role: u.role.as_str().to_owned(),
        }
    }
}

#[utoipa::path(
    get,
    path = "/me",
    operation_id = "getMe",
    summary = "The caller's account",
    responses((status = 200, description = "The account behind the token.", body = Me)),
)]
pub async fn me(ApiUser(user): ApiUser) -> Json<Me> {
    Json(user.into())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeEmailRequest {
    new_email: String,
    current_password: String,
    /// With two-step sign-in on: its six-digit code or a recovery code (422 `two-step-code-required` / `two-step-code-wrong` otherwise).
    #[serde(default)]
    totp_code: String,
}

/// Mails a confirmation link to the new address; the change happens when it is opened.
#[utoipa::path(
    post,
    path = "/me/email",
    operation_id = "changeEmail",
    summary = "Change the e-mail address",
    description = "Mails a confirmation link to the new address (and a notice to the old one); the address \
                   changes when the link is opened, and then every personal access token is revoked.",
    request_body = ChangeEmailRequest,
    responses(
        (status = 202, description = "Confirmation mail queued."),
        (status = 400, response = BadRequest),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn change_email(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<ChangeEmailRequest>,
) -> ApiResult<StatusCode> {
    two_step::require_code(&state.app, user.id, &input.totp_code).await?;
    change_email::request(&state.app, &user, &input.new_email, &input.current_password).await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    current_password: String,
    new_password: String,
    /// With two-step sign-in on: its six-digit code or a recovery code (422 `two-step-code-required` / `two-step-code-wrong` otherwise).
    #[serde(default)]
    totp_code: String,
}

/// Changes the password, signs out every browser session (an API caller has no session of
/// its own to keep) and revokes every personal access token, the one in use included.
#[utoipa::path(
    post,
    path = "/me/password",
    operation_id = "changePassword",
    summary = "Change the password",
    description = "Signs out every browser session and revokes every personal access token, the one in use included.",
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Password changed."),
        (status = 400, response = BadRequest),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn change_password(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<ChangePasswordRequest>,
) -> ApiResult<StatusCode> {
    two_step::require_code(&state.app, user.id, &input.totp_code).await?;
    // No stored session has an empty hash, so nothing is kept.
    change_password::change(
        &state.app,
        &user,
        "",
        &input.current_password,
        &input.new_password,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
