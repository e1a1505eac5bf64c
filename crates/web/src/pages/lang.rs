//! The language switcher: remembers the choice in a cookie (and on the account if signed in).

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::get;
use serde::Deserialize;
use yorozu_app::AppError;
use yorozu_domain::Locale;
use yorozu_store::accounts::users;

use crate::cookies;
use crate::ctx::{Ctx, push_cookie};
use crate::error::{PageError, PageResult};
use crate::render::{redirect_with_flash, safe_next};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/lang/{tag}", get(switch))
}

#[derive(Debug, Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn switch(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(tag): Path<String>,
    Query(q): Query<NextQuery>,
) -> PageResult {
    let Some(locale) = Locale::parse(&tag) else {
        return Err(PageError(AppError::BadRequest("lang-unknown")));
    };
    if let Some(user) = &ctx.user {
        let mut tx = state.app.db.begin().await?;
        users::set_locale(&mut tx, user.id, locale.tag(), state.app.now()).await?;
        tx.commit().await?;
    }
    let next = safe_next(q.next.as_deref());
    let mut response = redirect_with_flash(&ctx, &next, "flash-language-changed");
    push_cookie(
        response.headers_mut(),
        &cookies::set(cookies::LANG, locale.tag(), Some(365 * 86_400), ctx.secure),
    );
    Ok(response)
}
