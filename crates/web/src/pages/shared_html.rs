//! Pages that every anonymous visitor sees alike (a service page, the home page), served
//! from HTML rendered once and kept in the catalogue cache until what it shows changes.
//!
//! The only per-visitor part of such a page is the CSRF token of the language switch and
//! similar forms (bound to the visitor's nonce cookie): the stored HTML carries a
//! placeholder that is replaced by the visitor's token when served. Everything else that
//! changes the HTML goes into the key: the language and the path with its query.
//!
//! A service page is also shared by the signed-in members who see it alike
//! ([`member_key`]): their own id in the menu's links and their bell's count are placeholders
//! too, and what else differs between members (the operator's menu, the banners, the
//! favourite mark) is in the key. Pages showing a flash message are rendered per request.

use std::sync::OnceLock;

use askama::Template;
use axum::response::{Html, IntoResponse, Response};

use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::catalog::{self, Seen};
use yorozu_domain::UserId;

use crate::ctx::Ctx;
use crate::error::PageError;

/// Stands for the visitor's CSRF token in stored HTML: random per process, so no stored
/// text (a title, a review) can contain it by accident or on purpose.
fn placeholder() -> &'static str {
    static PLACEHOLDER: OnceLock<String> = OnceLock::new();
    PLACEHOLDER.get_or_init(|| format!("csrf-{}", yorozu_app::crypto::random_token()))
}

/// Stands for the member's id in stored HTML: random per process and far above any id the
/// database hands out, so no stored text can contain it by chance.
fn member_placeholder() -> UserId {
    static PLACEHOLDER: OnceLock<UserId> = OnceLock::new();
    *PLACEHOLDER.get_or_init(|| {
        let random = rand::Rng::gen_range(&mut rand::rngs::OsRng, 0..1_000_000_000_000_000_000);
        UserId::new(4_000_000_000_000_000_000 + random)
    })
}

/// Stands for the member's unread count (the bell) in stored HTML, as the id does.
fn unread_placeholder() -> i64 {
    static PLACEHOLDER: OnceLock<i64> = OnceLock::new();
    *PLACEHOLDER.get_or_init(|| {
        let random = rand::Rng::gen_range(&mut rand::rngs::OsRng, 0..1_000_000_000_000_000_000);
        5_000_000_000_000_000_000 + random
    })
}

/// The cache key of this request's page when it may be shared: anonymous, without a flash.
pub fn key(ctx: &Ctx) -> Option<String> {
    (ctx.user.is_none() && ctx.flash.is_none())
        .then(|| format!("{}:{}", ctx.locale().tag(), ctx.path))
}

/// The cache key of a signed-in member's page, shared by every member who sees it alike:
/// the same operator menu and banners (e-mail to confirm, withdrawal scheduled, suspended),
/// and the same `variant` of the page's own per-member parts (such as the favourite mark).
/// None for visitors and pages with a flash.
pub fn member_key(ctx: &Ctx, variant: &str) -> Option<String> {
    let user = ctx.user.as_ref().filter(|_| ctx.flash.is_none())?;
    // Every field, named: a new one must be placed here (in the key, as a placeholder, or
    // as nothing any page shows) before this compiles.
    let CurrentUser {
        id: _,
        email: _,
        display_name: _,
        locale: _,
        role: _,
        email_verified,
        withdrawal_scheduled,
        suspended,
        unread_notifications: _,
    } = user;
    let flag = |on: bool| if on { '1' } else { '0' };
    Some(format!(
        "{}:{}:member:{}{}{}{}:{variant}",
        ctx.locale().tag(),
        ctx.path,
        flag(user.is_operator()),
        flag(*email_verified),
        flag(*withdrawal_scheduled),
        flag(*suspended),
    ))
}

/// The context shared HTML is rendered with: the visitor's, with the token (and a member's
/// own id and details) left out.
pub fn shared_ctx(ctx: &Ctx) -> Ctx {
    Ctx {
        csrf: placeholder().to_owned(),
        user: ctx
            .user
            .as_ref()
            .map(|user| yorozu_app::accounts::CurrentUser {
                id: member_placeholder(),
                email: String::new(),
                display_name: String::new(),
                unread_notifications: unread_placeholder(),
                ..user.clone()
            }),
        session_hash: None,
        ..ctx.clone()
    }
}

pub fn render<T: Template>(template: &T) -> Result<String, PageError> {
    template
        .render()
        .map_err(|e| PageError(yorozu_app::AppError::Internal(format!("template: {e}"))))
}

/// Stored HTML made this visitor's.
pub fn serve(ctx: &Ctx, body: &str) -> Response {
    let body = body.replace(placeholder(), &ctx.csrf);
    match &ctx.user {
        Some(user) => Html(
            body.replace(&member_placeholder().to_string(), &user.id.to_string())
                .replace(
                    &unread_placeholder().to_string(),
                    &user.unread_notifications.to_string(),
                ),
        )
        .into_response(),
        None => Html(body).into_response(),
    }
}

/// What the cache holds for a request: the page to serve, or, for a visitor whose page may
/// be shared but is not cached yet, the key and cache position to store it under.
#[derive(Debug)]
pub enum Lookup {
    Hit(Response),
    Miss(Option<(String, Seen)>),
}

/// Looks the request's page up in the rendered HTML cache (anonymous visitors only).
pub async fn lookup(app: &App, ctx: &Ctx) -> Result<Lookup, PageError> {
    let Some(key) = key(ctx) else {
        return Ok(Lookup::Miss(None));
    };
    let seen = catalog::sync(app).await?;
    Ok(match app.catalog.page(&key, app.now()) {
        Some(body) => Lookup::Hit(serve(ctx, &body)),
        None => Lookup::Miss(Some((key, seen))),
    })
}
