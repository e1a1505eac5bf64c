//! The local mailbox: mail captured instead of sent when no SMTP server is configured, so a
//! fresh `cargo run` can complete sign-up offline. Absent when `SMTP_URL` is set.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use yorozu_app::AppError;
use yorozu_store::mailbox::{self, MailboxRow};

use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
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
    mails: Vec<MailboxRow>,
    selected: Option<MailboxRow>,
}

fn enabled(state: &AppState) -> Result<(), PageError> {
    if state.web.mailbox_enabled {
        Ok(())
    } else {
        Err(PageError(AppError::NotFound))
    }
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    enabled(&state)?;
    let mut c = state.app.db.read().await?;
    let mails = mailbox::latest(&mut c, 100).await?;
    page(&MailboxPage {
        ctx: &ctx,
        mails,
        selected: None,
    })
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    enabled(&state)?;
    let mut c = state.app.db.read().await?;
    let selected = mailbox::find(&mut c, id)
        .await?
        .ok_or(PageError(AppError::NotFound))?;
    let mails = mailbox::latest(&mut c, 100).await?;
    page(&MailboxPage {
        ctx: &ctx,
        mails,
        selected: Some(selected),
    })
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

async fn list_json(State(state): State<AppState>) -> Result<axum::response::Response, PageError> {
    enabled(&state)?;
    let mut c = state.app.db.read().await?;
    let mails: Vec<MailJson> = mailbox::latest(&mut c, 200)
        .await?
        .into_iter()
        .map(|m| MailJson {
            id: m.id,
            to: m.to_addr,
            subject: m.subject,
            body_text: m.body_text,
            headers: m.headers,
            sent_at: m.sent_at,
        })
        .collect();
    Ok(Json(mails).into_response())
}
