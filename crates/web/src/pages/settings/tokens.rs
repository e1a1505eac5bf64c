//! Personal access tokens for the JSON API (APIトークン). A new token's secret is shown once,
//! in the response to the form that created it, and never again.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::AppError;
use yorozu_app::accounts::api_tokens::{self, TokenInfo};
use yorozu_i18n::Arg;

use super::signed_in;
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageError, PageResult, form_or_page};
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/settings/tokens", get(list).post(create))
        .route("/settings/tokens/{id}/revoke", post(revoke))
}

/// One row of the token list.
struct TokenRow {
    id: i64,
    name: String,
    created_at: String,
    last_used_at: Option<String>,
    revoke_label: String,
}

/// A token just created: the only time its secret is shown.
struct NewToken {
    label: String,
    secret: String,
}

#[derive(Template)]
#[template(path = "settings_tokens.html")]
struct TokensPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    tokens: Vec<TokenRow>,
    created: Option<NewToken>,
    errors: FormErrors,
    /// What was typed into the name field, kept when the form is shown again.
    name: String,
    /// `curl … http://HOST/api/v1/me`, with this site's address.
    example: String,
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    let user = signed_in!(ctx);
    render(
        &state,
        &ctx,
        user.id,
        StatusCode::OK,
        None,
        FormErrors::default(),
        String::new(),
    )
    .await
}

#[derive(Debug, Deserialize)]
struct CreateForm {
    #[serde(default)]
    name: String,
}

/// Renders the page itself (no redirect): the secret must not travel through a cookie or URL.
async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Result<Form<CreateForm>, FormRejection>,
) -> PageResult {
    let user = signed_in!(ctx);
    let name = form.map(|Form(f)| f.name).unwrap_or_default();
    match api_tokens::create(&state.app, user.id, &name).await {
        Ok((token, secret)) => {
            let label = ctx.tr.ta(
                "tokens-created-secret-label",
                [("name", Arg::from(&token.name))],
            );
            let created = NewToken { label, secret };
            render(
                &state,
                &ctx,
                user.id,
                StatusCode::OK,
                Some(created),
                FormErrors::default(),
                String::new(),
            )
            .await
        }
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render(&state, &ctx, user.id, status, None, errors, name).await
        }
    }
}

async fn revoke(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    let user = signed_in!(ctx);
    let id = id
        .parse::<i64>()
        .map_err(|_| PageError(AppError::NotFound))?;
    api_tokens::revoke(&state.app, user.id, id).await?;
    Ok(redirect_with_flash(
        &ctx,
        "/settings/tokens",
        "flash-token-revoked",
    ))
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    user_id: i64,
    status: StatusCode,
    created: Option<NewToken>,
    errors: FormErrors,
    name: String,
) -> PageResult {
    let tokens = api_tokens::list(&state.app, user_id)
        .await?
        .into_iter()
        .map(|t| row(ctx, t))
        .collect();
    let example = format!(
        "curl -H \"Authorization: Bearer {}...\" {}/api/v1/me",
        api_tokens::PREFIX,
        state.app.site.base_url
    );
    let mut response = page_with_status(
        status,
        &TokensPage {
            ctx,
            section: "tokens",
            tokens,
            created,
            errors,
            name,
            example,
        },
    )?;
    // The page may carry a secret: keep it out of caches and the back-forward history.
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

fn row(ctx: &Ctx, t: TokenInfo) -> TokenRow {
    TokenRow {
        revoke_label: ctx
            .tr
            .ta("tokens-revoke-label", [("name", Arg::from(&t.name))]),
        id: t.id,
        name: t.name,
        created_at: ctx.datetime(&t.created_at),
        last_used_at: t.last_used_at.map(|at| ctx.datetime(&at)),
    }
}
