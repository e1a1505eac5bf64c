//! Publishing, pausing (出品停止), resuming and deleting a service: POST
//! /listings/{id}/status with `action`. Deleting asks once more on a page of its own (no
//! JavaScript needed); a change the status machine refuses is a 409 page that says why.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::AppError;
use yorozu_app::listings::manage::{self, Action};
use yorozu_app::listings::view;
use yorozu_domain::ListingId;

use super::form::edit_url;
use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
use crate::pages::MessagePage;
use crate::pages::extract::{PathId, SignedIn};
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

const LIST_URL: &str = "/settings/listings";

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/listings/{id}/status", post(change))
}

#[derive(Debug, Default, Deserialize)]
struct StatusForm {
    #[serde(default)]
    action: String,
    /// "yes" once the seller confirmed a deletion.
    #[serde(default)]
    confirm: String,
    /// "edit" when the button was on the edit page (come back there).
    #[serde(default)]
    back: String,
}

#[derive(Template)]
#[template(path = "listing_delete_confirm.html")]
struct ConfirmPage<'a> {
    ctx: &'a Ctx,
    section: &'static str,
    id: ListingId,
    title: String,
}

async fn change(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<ListingId>,
    form: Result<Form<StatusForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let Some(action) = Action::parse(form.action.trim()) else {
        return Err(PageError(AppError::BadRequest("listings-action-unknown")));
    };
    if action == Action::Delete && form.confirm != "yes" {
        let (_, listing) = view::edit_form(&state.app, user, id).await?;
        return page_with_status(
            StatusCode::OK,
            &ConfirmPage {
                ctx: &ctx,
                section: "listings",
                id,
                title: listing.title,
            },
        );
    }
    let (back, back_label) = if form.back == "edit" && action != Action::Delete {
        (edit_url(id), "listings-back-to-edit")
    } else {
        (LIST_URL.to_owned(), "listings-back-to-list")
    };
    match manage::apply(&state.app, user, id, action).await {
        Ok(_) => Ok(redirect_with_flash(&ctx, &back, flash_key(action))),
        Err(AppError::Conflict(code)) => page_with_status(
            StatusCode::CONFLICT,
            &MessagePage {
                ctx: &ctx,
                title: ctx.t("listings-conflict-title"),
                text: ctx.t(code),
                link: Some((back, ctx.t(back_label))),
            },
        ),
        Err(e) => Err(e.into()),
    }
}

fn flash_key(action: Action) -> &'static str {
    match action {
        Action::Publish => "listings-flash-published",
        Action::Pause => "listings-flash-paused",
        Action::Resume => "listings-flash-resumed",
        Action::Delete => "listings-flash-deleted",
    }
}
