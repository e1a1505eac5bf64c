//! The language switcher. The footer's switch is a small form that POSTs here: it remembers
//! the choice in a cookie, and on the account when signed in (mail follows that setting).
//! `GET /lang/{tag}` is kept for old links and bookmarks but changes no stored state: it only
//! sets the cookie, so a link or image on another site cannot rewrite a member's setting.

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::AppError;
use yorozu_domain::Locale;

use crate::cookies;
use crate::ctx::{Ctx, push_cookie};
use crate::error::{PageError, PageResult};
use crate::pages::extract::MaybeSignedIn;
use crate::render::{redirect_with_flash, safe_next};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/lang/{tag}", get(show_in).post(switch))
}

#[derive(Debug, Deserialize)]
struct NextQuery {
    next: Option<String>,
}

fn locale_of(tag: &str) -> Result<Locale, PageError> {
    Locale::parse(tag).ok_or(PageError(AppError::BadRequest("lang-unknown")))
}

/// Shows the site in `tag` from now on in this browser (cookie only).
async fn show_in(
    ctx: Ctx,
    Path(tag): Path<String>,
    q: Result<Query<NextQuery>, QueryRejection>,
) -> PageResult {
    let locale = locale_of(&tag)?;
    let Query(q) = q.map_err(|_| PageError(AppError::BadRequest("lang-next-unreadable")))?;
    Ok(remembered(&ctx, locale, q.next.as_deref()))
}

/// Switches to `tag` and saves it on the account when signed in.
async fn switch(
    State(state): State<AppState>,
    ctx: Ctx,
    MaybeSignedIn(viewer): MaybeSignedIn,
    Path(tag): Path<String>,
    form: Result<Form<NextQuery>, FormRejection>,
) -> PageResult {
    let locale = locale_of(&tag)?;
    let Form(form) = form.map_err(|_| PageError(AppError::BadRequest("error-bad-body")))?;
    if let Some(user) = &viewer {
        yorozu_app::accounts::locale::remember(&state.app, user.id, locale).await?;
    }
    Ok(remembered(&ctx, locale, form.next.as_deref()))
}

/// Back to `next` (a path on this site, else the home page) with the language cookie set.
fn remembered(ctx: &Ctx, locale: Locale, next: Option<&str>) -> Response {
    let next = safe_next(next);
    let mut response = redirect_with_flash(ctx, &next, "flash-language-changed");
    push_cookie(
        response.headers_mut(),
        &cookies::set(cookies::LANG, locale.tag(), Some(365 * 86_400), ctx.secure),
    );
    response
}
