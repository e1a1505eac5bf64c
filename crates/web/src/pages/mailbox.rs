//! The local mailbox: mail captured instead of sent when no SMTP server is configured, so a
//! fresh `cargo run` can complete sign-up offline. Absent when `SMTP_URL` is set.
//!
//! Captured mail holds sign-in and password-reset links, so it is never public, whatever the
//! bind address or proxy: it opens for operators, and for whoever holds the mailbox key that
//! the server prints at start as the mailbox link (`/mailbox?key=…`). Opening that link keeps
//! the key in a cookie, so the mails listed can be opened one by one.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use yorozu_app::AppError;
use yorozu_app::mailbox::{self, Message};

use crate::cookies;
use crate::ctx::{Ctx, constant_time_eq, push_cookie};
use crate::error::{ErrorPage, PageError, PageResult};
use crate::pages::extract::PathId;
use crate::render::page;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/mailbox", get(list))
        .route("/mailbox.json", get(list_json))
        .route("/mailbox/{id}", get(show))
}

#[derive(Template)]
#[template(path = "mailbox.html")]
struct MailboxPage<'a> {
    ctx: &'a Ctx,
    mails: Vec<Message>,
    selected: Option<Message>,
}

#[derive(Debug, Deserialize)]
struct KeyQuery {
    key: Option<String>,
}

/// How the visitor may read the mailbox.
enum Access {
    /// An operator, or the key from the cookie.
    Granted,
    /// The key came in the link: remember it in a cookie.
    GrantedByLink,
    /// Neither key nor operator rights.
    Refused,
    /// Mail goes to an SMTP server: there is no mailbox.
    Absent,
}

impl Access {
    /// The answer when the mailbox stays closed: 404 without a mailbox, else a 403 page
    /// saying where the key is.
    fn denial(&self) -> Option<Response> {
        match self {
            Access::Granted | Access::GrantedByLink => None,
            Access::Absent => Some(PageError(AppError::NotFound).into_response()),
            Access::Refused => {
                let mut refused = StatusCode::FORBIDDEN.into_response();
                refused.extensions_mut().insert(ErrorPage {
                    status: StatusCode::FORBIDDEN,
                    code: "error-mailbox-key".into(),
                });
                Some(refused)
            }
        }
    }
}

/// Who may read captured mail: operators, and holders of the key (from the printed link, or
/// the cookie that link set).
fn access(state: &AppState, ctx: &Ctx, headers: &HeaderMap, q: &KeyQuery) -> Access {
    if !state.web.mailbox_enabled {
        return Access::Absent;
    }
    let expected = state.web.mailbox_key.as_bytes();
    let holds = |given: &str| !expected.is_empty() && constant_time_eq(given.as_bytes(), expected);
    if q.key.as_deref().is_some_and(holds) {
        Access::GrantedByLink
    } else if ctx.is_operator()
        || cookies::get(headers, cookies::MAILBOX, ctx.secure).is_some_and(|k| holds(&k))
    {
        Access::Granted
    } else {
        Access::Refused
    }
}

/// Keeps the key from the link for the pages that follow (a browser session cookie).
fn remember(response: &mut Response, ctx: &Ctx, state: &AppState, how: &Access) {
    if matches!(how, Access::GrantedByLink) {
        push_cookie(
            response.headers_mut(),
            &cookies::set(cookies::MAILBOX, &state.web.mailbox_key, None, ctx.secure),
        );
    }
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Query(q): Query<KeyQuery>,
) -> PageResult {
    let how = access(&state, &ctx, &headers, &q);
    if let Some(denial) = how.denial() {
        return Ok(denial);
    }
    let mails = mailbox::latest(&state.app, 100).await?;
    let mut response = page(&MailboxPage {
        ctx: &ctx,
        mails,
        selected: None,
    })?;
    remember(&mut response, &ctx, &state, &how);
    Ok(response)
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    PathId(id): PathId,
    Query(q): Query<KeyQuery>,
) -> PageResult {
    let how = access(&state, &ctx, &headers, &q);
    if let Some(denial) = how.denial() {
        return Ok(denial);
    }
    let selected = mailbox::find(&state.app, id)
        .await?
        .ok_or(PageError(AppError::NotFound))?;
    let mails = mailbox::latest(&state.app, 100).await?;
    let mut response = page(&MailboxPage {
        ctx: &ctx,
        mails,
        selected: Some(selected),
    })?;
    remember(&mut response, &ctx, &state, &how);
    Ok(response)
}

#[derive(serde::Serialize)]
struct MailJson {
    id: i64,
    to: String,
    subject: String,
    body_text: String,
    headers: String,
    sent_at: i64,
}

async fn list_json(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Query(q): Query<KeyQuery>,
) -> Result<Response, PageError> {
    if let Some(denial) = access(&state, &ctx, &headers, &q).denial() {
        return Ok(denial);
    }
    let mails: Vec<MailJson> = mailbox::latest(&state.app, 200)
        .await?
        .into_iter()
        .map(|m| MailJson {
            id: m.id,
            to: m.to,
            subject: m.subject,
            body_text: m.body_text,
            headers: m.headers,
            sent_at: m.sent_at,
        })
        .collect();
    Ok(Json(mails).into_response())
}
