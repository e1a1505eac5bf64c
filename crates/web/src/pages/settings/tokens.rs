//! Personal access tokens for the JSON API (APIトークン). A new token's secret is shown once,
//! in the response to the form that created it, and never again. Creating one needs the
//! current password; each has a scope and an expiry, shown in the list and renewable.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::accounts::api_tokens::{self, NewToken, TokenInfo};
use yorozu_domain::accounts::{TokenLifetime, TokenScope};
use yorozu_domain::{TokenId, UserId};
use yorozu_i18n::Arg;

use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{PathId, SignedIn};
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/settings/tokens", get(list).post(create))
        .route("/settings/tokens/{id}/revoke", post(revoke))
        .route("/settings/tokens/{id}/renew", post(renew))
}

/// One row of the token list.
struct TokenRow {
    id: TokenId,
    name: String,
    scope: &'static str,
    created_at: String,
    last_used_at: Option<String>,
    expires_at: String,
    expired: bool,
    revoke_label: String,
    renew_label: String,
}

/// One choice of the validity period.
struct LifetimeChoice {
    days: i64,
    label: String,
    selected: bool,
}

/// A token just created: the only time its secret is shown.
struct NewSecret {
    label: String,
    secret: String,
}

#[derive(Template)]
#[template(path = "settings_tokens.html")]
struct TokensPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    tokens: Vec<TokenRow>,
    created: Option<NewSecret>,
    errors: FormErrors,
    /// What was typed into the name field, kept when the form is shown again.
    name: String,
    /// The scope chosen (`read` or `full`), kept when the form is shown again.
    scope: String,
    lifetimes: Vec<LifetimeChoice>,
    /// `curl … http://HOST/api/v1/me`, with this site's address.
    example: String,
    /// Two-step sign-in is on: creating a token asks for a code too.
    two_step_on: bool,
}

async fn list(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    render(
        &state,
        &ctx,
        user.id,
        StatusCode::OK,
        None,
        FormErrors::default(),
        CreateForm::default(),
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
struct CreateForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    lifetime_days: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    totp_code: String,
}

/// Renders the page itself (no redirect): the secret must not travel through a cookie or URL.
async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    form: Result<Form<CreateForm>, FormRejection>,
) -> PageResult {
    let mut form = form.map(|Form(f)| f).unwrap_or_default();
    let input = NewToken {
        name: &form.name,
        scope: &form.scope,
        // Not a number is not a choice: refused like an unknown one.
        lifetime_days: Some(form.lifetime_days.trim().parse().unwrap_or(0)),
        password: &form.password,
        totp_code: &form.totp_code,
    };
    let created = api_tokens::create(&state.app, user, &input).await;
    // The password is never sent back into the page.
    form.password.clear();
    form.totp_code.clear();
    match created {
        Ok((token, secret)) => {
            let label = ctx.tr.ta(
                "tokens-created-secret-label",
                [("name", Arg::from(&token.name))],
            );
            let created = NewSecret { label, secret };
            render(
                &state,
                &ctx,
                user.id,
                StatusCode::OK,
                Some(created),
                FormErrors::default(),
                CreateForm::default(),
            )
            .await
        }
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&state, &ctx, user.id, status, None, errors, form).await
        }
    }
}

async fn revoke(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<TokenId>,
) -> PageResult {
    api_tokens::revoke(&state.app, user.id, id).await?;
    Ok(redirect_with_flash(
        &ctx,
        "/settings/tokens",
        "flash-token-revoked",
    ))
}

/// Extends a token by its lifetime from now (an expired one too).
async fn renew(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<TokenId>,
) -> PageResult {
    api_tokens::renew(&state.app, user.id, id).await?;
    Ok(redirect_with_flash(
        &ctx,
        "/settings/tokens",
        "flash-token-renewed",
    ))
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    user_id: UserId,
    status: StatusCode,
    created: Option<NewSecret>,
    errors: FormErrors,
    form: CreateForm,
) -> PageResult {
    let now = state.app.now();
    let tokens = api_tokens::list(&state.app, user_id)
        .await?
        .into_iter()
        .map(|t| row(ctx, t, now))
        .collect();
    let chosen = form
        .lifetime_days
        .trim()
        .parse()
        .ok()
        .and_then(TokenLifetime::parse_days)
        .unwrap_or_default();
    let lifetimes = TokenLifetime::CHOICES
        .iter()
        .map(|&days| LifetimeChoice {
            days,
            label: ctx
                .tr
                .ta("tokens-lifetime-days", [("days", Arg::from(days))]),
            selected: days == chosen.days(),
        })
        .collect();
    let scope = TokenScope::parse(&form.scope)
        .unwrap_or(TokenScope::Read)
        .as_str()
        .to_owned();
    let example = format!(
        "curl -H \"Authorization: Bearer {}...\" {}/api/v1/me",
        api_tokens::PREFIX,
        state.app.site.base_url
    );
    let two_step_on = yorozu_app::accounts::two_step::status(&state.app, user_id)
        .await?
        .enabled;
    let mut response = page_with_status(
        status,
        &TokensPage {
            ctx,
            section: "tokens",
            tokens,
            created,
            errors,
            name: form.name,
            scope,
            lifetimes,
            example,
            two_step_on,
        },
    )?;
    // The page may carry a secret: keep it out of caches and the back-forward history.
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

fn row(ctx: &Ctx, t: TokenInfo, now: i64) -> TokenRow {
    TokenRow {
        revoke_label: ctx
            .tr
            .ta("tokens-revoke-label", [("name", Arg::from(&t.name))]),
        renew_label: ctx.tr.ta(
            "tokens-renew-label",
            [
                ("name", Arg::from(&t.name)),
                ("days", Arg::from(t.lifetime_days)),
            ],
        ),
        expired: t.is_expired(now),
        scope: match t.scope {
            TokenScope::Read => "tokens-scope-read-short",
            TokenScope::Full => "tokens-scope-full-short",
        },
        id: t.id,
        name: t.name,
        created_at: ctx.datetime(&t.created_at),
        last_used_at: t.last_used_at.map(|at| ctx.datetime(&at)),
        expires_at: ctx.datetime(&t.expires_at),
    }
}
