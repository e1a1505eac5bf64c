//! The account page (アカウント): the e-mail address and its confirmation, changing the
//! address, changing the password.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::AppError;
use yorozu_app::accounts::{CurrentUser, change_email, change_password, two_step};

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageError, PageResult, form_or_page};
use crate::pages::extract::SignedIn;
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/settings/account", get(show))
        .route("/settings/account/email", post(request_email_change))
        .route("/settings/account/password", post(change_password))
}

#[derive(Template)]
#[template(path = "settings_account.html")]
struct AccountPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    email: &'a str,
    email_verified: bool,
    /// What was typed into the change-address form, kept when it is shown again.
    new_email: String,
    email_errors: FormErrors,
    password_errors: FormErrors,
    /// Two-step sign-in is on: both forms ask for a code too.
    two_step_on: bool,
}

async fn show(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    render(
        &state,
        &ctx,
        user,
        StatusCode::OK,
        String::new(),
        FormErrors::default(),
        FormErrors::default(),
    )
    .await
}

#[derive(Debug, Deserialize)]
struct EmailChangeForm {
    #[serde(default)]
    new_email: String,
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    totp_code: String,
}

async fn request_email_change(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    Form(form): Form<EmailChangeForm>,
) -> PageResult {
    let result = match two_step::require_code(&state.app, user.id, &form.totp_code).await {
        Ok(()) => {
            change_email::request(&state.app, user, &form.new_email, &form.current_password).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(redirect_with_flash(
            &ctx,
            "/settings/account",
            "flash-email-change-sent",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(
                &state,
                &ctx,
                user,
                status,
                form.new_email,
                errors,
                FormErrors::default(),
            )
            .await
        }
    }
}

#[derive(Debug, Deserialize)]
struct PasswordChangeForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    totp_code: String,
}

async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    Form(form): Form<PasswordChangeForm>,
) -> PageResult {
    // The current session is kept; every other device is signed out.
    let session = ctx
        .session_hash
        .as_deref()
        .ok_or(PageError(AppError::Unauthenticated))?;
    let result = match two_step::require_code(&state.app, user.id, &form.totp_code).await {
        Ok(()) => {
            change_password::change(
                &state.app,
                user,
                session,
                &form.current_password,
                &form.new_password,
            )
            .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(redirect_with_flash(
            &ctx,
            "/settings/account",
            "flash-password-changed",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(
                &state,
                &ctx,
                user,
                status,
                String::new(),
                FormErrors::default(),
                errors,
            )
            .await
        }
    }
}

/// The account page for `user`; the forms ask for a code when two-step sign-in is on.
async fn render(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    status: StatusCode,
    new_email: String,
    email_errors: FormErrors,
    password_errors: FormErrors,
) -> PageResult {
    let two_step_on = two_step::status(&state.app, user.id).await?.enabled;
    page_with_status(
        status,
        &AccountPage {
            ctx,
            section: "account",
            email: &user.email,
            email_verified: user.email_verified,
            new_email,
            email_errors,
            password_errors,
            two_step_on,
        },
    )
}
