//! Two-step sign-in (二段階認証) pages and re-authentication for sensitive actions:
//!
//! - `/login/two-step`: the code after the password (the challenge waits in a cookie);
//! - `/settings/two-step`: set-up with a QR code drawn on the server and the secret in text,
//!   confirmed with a code, the recovery codes shown once, and turning it off;
//! - `/settings/reauth?next=…`: the password (and code) again before a sensitive page;
//!   [`reauthenticated`] sends there when the session's last confirmation is too old.
//!
//! Operators who must use two-step sign-in are sent to set it up by the
//! [`Operator`](crate::pages::extract::Operator) extractor of every console page.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use base64::Engine;
use serde::Deserialize;
use yorozu_app::AppError;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::accounts::reauth::{self, Credentials, Reauthenticated};
use yorozu_app::accounts::two_step::{self, sign_in as second_step};

use crate::cookies;
use crate::ctx::{Ctx, push_cookie};
use crate::error::{FormErrors, PageError, PageResult, form_or_page};
use crate::pages::extract::{MaybeSignedIn, SignedIn};
use crate::render::{page_with_status, redirect_with_flash, safe_next};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login/two-step", get(code_form).post(code_submit))
        .route("/settings/two-step", get(settings))
        .route("/settings/two-step/confirm", post(confirm))
        .route("/settings/two-step/disable", post(disable))
        .route("/settings/reauth", get(reauth_form).post(reauth_submit))
}

fn no_store(response: PageResult) -> PageResult {
    let mut response = response?;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[derive(Debug, Deserialize)]
struct NextQuery {
    next: Option<String>,
}

// ---------------------------------------------------------------- sign-in, second step

#[derive(Template)]
#[template(path = "two_step_login.html")]
struct CodePage<'a> {
    ctx: &'a Ctx,
    errors: FormErrors,
    next: String,
}

/// Where the sign-in page sends a member whose password was right and who has two-step
/// sign-in on: the challenge goes into a short-lived cookie.
pub(crate) fn to_second_step(ctx: &Ctx, challenge: &str, next: &str) -> Response {
    let to = format!("/login/two-step?next={}", urlencoding::encode(next));
    let mut response = Redirect::to(&to).into_response();
    push_cookie(
        response.headers_mut(),
        &cookies::set(
            cookies::TWO_STEP,
            challenge,
            Some(second_step::CHALLENGE_MINUTES * 60),
            ctx.secure,
        ),
    );
    response
}

async fn code_form(
    ctx: Ctx,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Query(q): Query<NextQuery>,
) -> PageResult {
    let next = safe_next(q.next.as_deref());
    if viewer.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    no_store(page_with_status(
        StatusCode::OK,
        &CodePage {
            ctx: &ctx,
            errors: FormErrors::default(),
            next,
        },
    ))
}

#[derive(Debug, Deserialize)]
struct CodeForm {
    #[serde(default)]
    totp_code: String,
    next: Option<String>,
}

async fn code_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
    Form(form): Form<CodeForm>,
) -> PageResult {
    let next = safe_next(form.next.as_deref());
    let challenge = cookies::get(&headers, cookies::TWO_STEP, ctx.secure).unwrap_or_default();
    match second_step::complete(&state.app, &challenge, &form.totp_code, &ctx.client).await {
        Ok(signed_in) => {
            let flash = if signed_in.reopened {
                "flash-withdrawal-undone"
            } else {
                "flash-signed-in"
            };
            let mut response = redirect_with_flash(&ctx, &next, flash);
            let h = response.headers_mut();
            push_cookie(
                h,
                &cookies::set(
                    cookies::SESSION,
                    &signed_in.token,
                    Some(state.app.policy.session_days * 86_400),
                    ctx.secure,
                ),
            );
            push_cookie(h, &cookies::clear(cookies::TWO_STEP, ctx.secure));
            Ok(response)
        }
        // The challenge is gone (expired, or the cookie is missing): start again.
        Err(AppError::LinkInvalid(code)) => {
            let to = format!("/login?next={}", urlencoding::encode(&next));
            let mut response = redirect_with_flash(&ctx, &to, code);
            push_cookie(
                response.headers_mut(),
                &cookies::clear(cookies::TWO_STEP, ctx.secure),
            );
            Ok(response)
        }
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            no_store(page_with_status(
                status,
                &CodePage {
                    ctx: &ctx,
                    errors,
                    next,
                },
            ))
        }
    }
}

// ---------------------------------------------------------------- settings

#[derive(Template)]
#[template(path = "settings_two_step.html")]
struct SettingsPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    status: two_step::Status,
    /// The pending set-up (when two-step sign-in is off).
    setup: Option<SetupView>,
    /// Operators are sent here before the console.
    required: bool,
    errors: FormErrors,
}

struct SetupView {
    secret: String,
    /// The secret in groups of four, easier to type.
    secret_grouped: String,
    qr_data_uri: String,
}

#[derive(Debug, Deserialize)]
struct SettingsQuery {
    required: Option<String>,
}

async fn settings(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    Query(q): Query<SettingsQuery>,
) -> PageResult {
    render_settings(
        &state,
        &ctx,
        user,
        StatusCode::OK,
        FormErrors::default(),
        q.required.is_some(),
    )
    .await
}

async fn render_settings(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    status: StatusCode,
    errors: FormErrors,
    required: bool,
) -> PageResult {
    let current = two_step::status(&state.app, user.id).await?;
    let setup = if current.enabled {
        None
    } else {
        let s = two_step::begin(&state.app, user).await?;
        Some(SetupView {
            secret_grouped: s
                .secret
                .as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join(" "),
            secret: s.secret,
            qr_data_uri: format!(
                "data:image/svg+xml;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(s.qr_svg.as_bytes())
            ),
        })
    };
    no_store(page_with_status(
        status,
        &SettingsPage {
            ctx,
            section: "two-step",
            status: current,
            setup,
            required,
            errors,
        },
    ))
}

#[derive(Template)]
#[template(path = "two_step_recovery.html")]
struct RecoveryPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    codes: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ConfirmForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    totp_code: String,
}

async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    Form(form): Form<ConfirmForm>,
) -> PageResult {
    // The password too: a hijacked session must not lock the owner out.
    let credentials = Credentials {
        password: form.password,
        totp_code: String::new(),
    };
    let result = match reauth::require(
        &state.app,
        user,
        ctx.session_hash.as_deref(),
        Some(&credentials),
    )
    .await
    {
        Ok(proof) => two_step::confirm(&state.app, user, &proof, &form.totp_code).await,
        Err(AppError::ReauthRequired) => Err(AppError::Invalid(vec![yorozu_app::FieldError::new(
            "current_password",
            "reauth-required",
        )])),
        Err(e) => Err(e),
    };
    match result {
        // Shown once, on this answer only (never stored in clear, never cached).
        Ok(codes) => no_store(page_with_status(
            StatusCode::OK,
            &RecoveryPage {
                ctx: &ctx,
                section: "two-step",
                codes,
            },
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render_settings(&state, &ctx, user, status, errors, false).await
        }
    }
}

async fn disable(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    Form(form): Form<Credentials>,
) -> PageResult {
    match two_step::disable(&state.app, user, &form.password, &form.totp_code).await {
        Ok(()) => Ok(redirect_with_flash(
            &ctx,
            "/settings/two-step",
            "two-step-flash-disabled",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render_settings(&state, &ctx, user, status, errors, false).await
        }
    }
}

// ---------------------------------------------------------------- re-authentication

#[derive(Template)]
#[template(path = "reauth.html")]
struct ReauthPage<'a> {
    ctx: &'a Ctx,
    errors: FormErrors,
    next: String,
    two_step_on: bool,
    minutes: i64,
}

/// The proof of a recent re-authentication of this session, or the redirect to the
/// re-authentication page that comes back to `next` (a page path of this site).
pub(crate) async fn reauthenticated(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    next: &str,
) -> Result<Result<Reauthenticated, Response>, PageError> {
    let fresh = match &ctx.session_hash {
        Some(hash) => reauth::fresh(&state.app, user, hash).await?,
        None => None,
    };
    Ok(fresh.ok_or_else(|| {
        let to = format!("/settings/reauth?next={}", urlencoding::encode(next));
        Redirect::to(&to).into_response()
    }))
}

async fn reauth_form(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    Query(q): Query<NextQuery>,
) -> PageResult {
    render_reauth(
        &state,
        &ctx,
        user,
        StatusCode::OK,
        FormErrors::default(),
        q.next,
    )
    .await
}

async fn render_reauth(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    status: StatusCode,
    errors: FormErrors,
    next: Option<String>,
) -> PageResult {
    let on = two_step::status(&state.app, user.id).await?.enabled;
    no_store(page_with_status(
        status,
        &ReauthPage {
            ctx,
            errors,
            next: safe_next(next.as_deref()),
            two_step_on: on,
            minutes: state.app.policy.reauth_minutes,
        },
    ))
}

#[derive(Debug, Deserialize)]
struct ReauthForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    totp_code: String,
    next: Option<String>,
}

async fn reauth_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    Form(form): Form<ReauthForm>,
) -> PageResult {
    let credentials = Credentials {
        password: form.password,
        totp_code: form.totp_code,
    };
    match reauth::confirm(&state.app, user, ctx.session_hash.as_deref(), &credentials).await {
        Ok(_) => Ok(Redirect::to(&safe_next(form.next.as_deref())).into_response()),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render_reauth(&state, &ctx, user, status, errors, form.next).await
        }
    }
}
