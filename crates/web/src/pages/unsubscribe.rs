//! One-click unsubscribe from marketing mail (RFC 8058), without signing in.
//!
//! GET shows a confirmation button (link scanners in mail systems follow GET links, so GET
//! must not change anything); POST — from that button or from the mail client's one-click
//! request with `List-Unsubscribe=One-Click` — takes effect at once.

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use serde::Deserialize;
use yorozu_app::AppError;
use yorozu_app::mail::unsubscribe;

use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
use crate::render::page;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/mail/unsubscribe", get(confirm_page).post(unsubscribe_now))
}

#[derive(Debug, Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

#[derive(Template)]
#[template(path = "unsubscribe.html")]
struct UnsubscribePage<'a> {
    ctx: &'a Ctx,
    token: String,
    category: String,
    done: bool,
}

async fn confirm_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> PageResult {
    let (_, category) = unsubscribe::parse(&state.app, &q.token)
        .ok_or(PageError(AppError::LinkInvalid("unsubscribe-link-invalid")))?;
    let category = ctx.t(&format!("mail-category-{}", category.key()));
    page(&UnsubscribePage {
        ctx: &ctx,
        token: q.token,
        category,
        done: false,
    })
}

async fn unsubscribe_now(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> PageResult {
    let category = unsubscribe::unsubscribe(&state.app, &q.token).await?;
    let category = ctx.t(&format!("mail-category-{}", category.key()));
    page(&UnsubscribePage {
        ctx: &ctx,
        token: String::new(),
        category,
        done: true,
    })
}
