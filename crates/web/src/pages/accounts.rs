//! Sign-up, sign-in and -out, e-mail confirmation and password reset.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::accounts::{change_email, confirm, password_reset, register, sessions, sign_in};
use yorozu_app::promotions::invitations;

use crate::cookies;
use crate::ctx::{Ctx, push_cookie};
use crate::error::{FormErrors, PageResult, form_or_page, retry_after, with_retry_after};
use crate::pages::extract::{MaybeSignedIn, SignedIn};
use crate::pages::message;
use crate::render::{page, page_with_status, redirect_with_flash, safe_next};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/signup", get(signup_form).post(signup))
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/account/confirm", get(confirm_email))
        .route("/account/confirm/resend", post(resend_confirmation))
        .route("/account/forgot", get(forgot_form).post(forgot))
        .route("/account/reset", get(reset_form).post(reset))
        .route("/account/email/confirm", get(confirm_email_change))
}

#[derive(Template)]
#[template(path = "signup.html")]
struct SignupPage<'a> {
    ctx: &'a Ctx,
    errors: FormErrors,
    email: String,
    display_name: String,
}

async fn signup_form(ctx: Ctx, MaybeSignedIn(viewer): MaybeSignedIn) -> PageResult {
    if viewer.is_some() {
        return Ok(Redirect::to("/settings").into_response());
    }
    page(&SignupPage {
        ctx: &ctx,
        errors: FormErrors::default(),
        email: String::new(),
        display_name: String::new(),
    })
}

#[derive(Debug, Deserialize)]
struct SignupForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    display_name: String,
}

async fn signup(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
    Form(form): Form<SignupForm>,
) -> PageResult {
    let input = register::Registration {
        email: &form.email,
        password: &form.password,
        display_name: &form.display_name,
        locale: ctx.locale(),
    };
    match register::register(&state.app, &input, &ctx.client).await {
        // A taken address gets the same redirect and message, without a session: the owner
        // is mailed instead, and the form does not tell who is a member.
        Ok(signed_up) => {
            let mut response = redirect_with_flash(&ctx, "/settings/profile", "flash-registered");
            if let Some(done) = signed_up.registered() {
                // Came through an invite link: the new account records who invited it. A
                // refused code (unknown, or the member's own) only means no invitation.
                if let Some(code) = cookies::get(&headers, cookies::INVITE, ctx.secure) {
                    if let Err(e) =
                        invitations::record_sign_up(&state.app, done.user_id, &code).await
                    {
                        tracing::info!(error = %e, "invite code not recorded at sign-up");
                    }
                    push_cookie(
                        response.headers_mut(),
                        &cookies::clear(cookies::INVITE, ctx.secure),
                    );
                }
                set_session(
                    &mut response,
                    &ctx,
                    &done.session_token,
                    state.app.policy.session_days,
                );
            }
            Ok(response)
        }
        Err(e) => {
            let retry = retry_after(&e);
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let page = page_with_status(
                status,
                &SignupPage {
                    ctx: &ctx,
                    errors,
                    email: form.email,
                    display_name: form.display_name,
                },
            )?;
            Ok(with_retry_after(page, retry))
        }
    }
}

fn set_session(response: &mut Response, ctx: &Ctx, token: &str, days: i64) {
    push_cookie(
        response.headers_mut(),
        &cookies::set(cookies::SESSION, token, Some(days * 86_400), ctx.secure),
    );
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage<'a> {
    ctx: &'a Ctx,
    errors: FormErrors,
    email: String,
    next: String,
}

#[derive(Debug, Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn login_form(
    ctx: Ctx,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Query(q): Query<NextQuery>,
) -> PageResult {
    let next = safe_next(q.next.as_deref());
    if viewer.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    page(&LoginPage {
        ctx: &ctx,
        errors: FormErrors::default(),
        email: String::new(),
        next,
    })
}

#[derive(Debug, Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

async fn login(State(state): State<AppState>, ctx: Ctx, Form(form): Form<LoginForm>) -> PageResult {
    let next = safe_next(form.next.as_deref());
    match sign_in::sign_in_telling(&state.app, &form.email, &form.password, &ctx.client).await {
        Ok(signed_in) => {
            let flash = if signed_in.reopened {
                "flash-withdrawal-undone"
            } else {
                "flash-signed-in"
            };
            // A suspended member reads the reason first (and what they can still do).
            let next = if signed_in.suspended {
                crate::pages::moderation::STANDING_PATH.to_owned()
            } else {
                next
            };
            let mut response = redirect_with_flash(&ctx, &next, flash);
            set_session(
                &mut response,
                &ctx,
                &signed_in.token,
                state.app.policy.session_days,
            );
            Ok(response)
        }
        Err(yorozu_app::AppError::SecondStepRequired(challenge)) => Ok(
            crate::pages::two_step::to_second_step(&ctx, &challenge, &next),
        ),
        Err(e) => {
            let retry = retry_after(&e);
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let page = page_with_status(
                status,
                &LoginPage {
                    ctx: &ctx,
                    errors,
                    email: form.email,
                    next,
                },
            )?;
            Ok(with_retry_after(page, retry))
        }
    }
}

async fn logout(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    if let Some(hash) = &ctx.session_hash {
        sessions::sign_out(&state.app, hash).await?;
    }
    let mut response = redirect_with_flash(&ctx, "/", "flash-signed-out");
    push_cookie(
        response.headers_mut(),
        &cookies::clear(cookies::SESSION, ctx.secure),
    );
    Ok(response)
}

#[derive(Debug, Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

async fn confirm_email(
    State(state): State<AppState>,
    ctx: Ctx,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Query(q): Query<TokenQuery>,
) -> PageResult {
    confirm::confirm_email(&state.app, &q.token).await?;
    let next = if viewer.is_some() {
        "/settings/profile"
    } else {
        "/login"
    };
    Ok(redirect_with_flash(&ctx, next, "flash-email-confirmed"))
}

async fn resend_confirmation(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
) -> PageResult {
    confirm::resend(&state.app, user, &ctx.client).await?;
    Ok(redirect_with_flash(
        &ctx,
        "/settings/account",
        "flash-confirmation-resent",
    ))
}

#[derive(Template)]
#[template(path = "forgot.html")]
struct ForgotPage<'a> {
    ctx: &'a Ctx,
    errors: FormErrors,
    email: String,
    sent: bool,
}

async fn forgot_form(ctx: Ctx) -> PageResult {
    page(&ForgotPage {
        ctx: &ctx,
        errors: FormErrors::default(),
        email: String::new(),
        sent: false,
    })
}

#[derive(Debug, Deserialize)]
struct EmailForm {
    #[serde(default)]
    email: String,
}

async fn forgot(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<EmailForm>,
) -> PageResult {
    match password_reset::request(&state.app, &form.email, &ctx.client).await {
        Ok(()) => page(&ForgotPage {
            ctx: &ctx,
            errors: FormErrors::default(),
            email: String::new(),
            sent: true,
        }),
        Err(e) => {
            let retry = retry_after(&e);
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let page = page_with_status(
                status,
                &ForgotPage {
                    ctx: &ctx,
                    errors,
                    email: form.email,
                    sent: false,
                },
            )?;
            Ok(with_retry_after(page, retry))
        }
    }
}

#[derive(Template)]
#[template(path = "reset.html")]
struct ResetPage<'a> {
    ctx: &'a Ctx,
    errors: FormErrors,
    token: String,
    /// Setting the password undoes a withdrawal in its grace period (said before it happens).
    undoes_withdrawal: bool,
}

async fn reset_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> PageResult {
    if q.token.is_empty() {
        return message(
            &ctx,
            "reset-title",
            "link-unknown",
            Some(("/account/forgot", "forgot-title")),
        );
    }
    let undoes_withdrawal = password_reset::undoes_withdrawal(&state.app, &q.token).await?;
    page(&ResetPage {
        ctx: &ctx,
        errors: FormErrors::default(),
        token: q.token,
        undoes_withdrawal,
    })
}

#[derive(Debug, Deserialize)]
struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

async fn reset(State(state): State<AppState>, ctx: Ctx, Form(form): Form<ResetForm>) -> PageResult {
    match password_reset::reset(&state.app, &form.token, &form.password).await {
        Ok(reset) => {
            let flash = if reset.reopened {
                "flash-password-reset-withdrawal-undone"
            } else {
                "flash-password-reset"
            };
            let mut response = redirect_with_flash(&ctx, "/login", flash);
            push_cookie(
                response.headers_mut(),
                &cookies::clear(cookies::SESSION, ctx.secure),
            );
            Ok(response)
        }
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let undoes_withdrawal =
                password_reset::undoes_withdrawal(&state.app, &form.token).await?;
            page_with_status(
                status,
                &ResetPage {
                    ctx: &ctx,
                    errors,
                    token: form.token,
                    undoes_withdrawal,
                },
            )
        }
    }
}

async fn confirm_email_change(
    State(state): State<AppState>,
    ctx: Ctx,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Query(q): Query<TokenQuery>,
) -> PageResult {
    change_email::confirm(&state.app, &q.token).await?;
    let next = if viewer.is_some() {
        "/settings/account"
    } else {
        "/login"
    };
    Ok(redirect_with_flash(&ctx, next, "flash-email-changed"))
}
