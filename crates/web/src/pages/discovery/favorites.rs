//! Favourites (お気に入り): the toggle on a service page and the member's list.
//!
//! The toggle is a plain form that redirects back; with htmx (`HX-Request`) the same POST
//! answers with just the new button, which replaces the old one in place.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::{Form, Router};
use yorozu_app::AppError;
use yorozu_app::listings::favorites;
use yorozu_domain::ListingId;

use super::{Card, cards};
use crate::ctx::Ctx;
use crate::error::{PageError, PageResult};
use crate::pages::extract::{MaybeSignedIn, PathId, SignedIn};
use crate::render::{page, redirect_with_flash, safe_next};
use crate::state::AppState;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/services/{id}/favorite", post(toggle))
        .route("/favorites", get(list))
}

/// What the favourite button shows (`service_macros.html`).
pub(crate) struct FavoriteButton {
    pub listing_id: ListingId,
    /// The service is in the viewer's favourites now.
    pub on: bool,
    pub signed_in: bool,
    /// Where the form returns to without JavaScript.
    pub next: String,
}

#[derive(Template)]
#[template(path = "service_favorite.html")]
struct FavoriteFragment<'a> {
    ctx: &'a Ctx,
    favorite: FavoriteButton,
}

#[derive(serde::Deserialize)]
struct ToggleForm {
    #[serde(default)]
    favorite: String,
    #[serde(default)]
    next: Option<String>,
}

fn is_htmx(headers: &HeaderMap) -> bool {
    headers.get("hx-request").is_some_and(|v| v == "true")
}

async fn toggle(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    PathId(id): PathId<ListingId>,
    MaybeSignedIn(viewer): MaybeSignedIn,
    form: Result<Form<ToggleForm>, FormRejection>,
) -> PageResult {
    let Some(user) = viewer.as_ref() else {
        // Back to the service page after signing in, not to this POST-only address.
        let login = format!(
            "/login?next={}",
            urlencoding::encode(&format!("/services/{id}"))
        );
        if is_htmx(&headers) {
            let mut response = axum::http::StatusCode::NO_CONTENT.into_response();
            if let Ok(v) = HeaderValue::from_str(&login) {
                response.headers_mut().insert("hx-redirect", v);
            }
            return Ok(response);
        }
        return Ok(Redirect::to(&login).into_response());
    };
    let Form(form) = form.map_err(|_| PageError(AppError::BadRequest("error-bad-body")))?;
    let wanted = match form.favorite.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(PageError(AppError::BadRequest("error-bad-body"))),
    };
    let on = favorites::set(&state.app, user, id, wanted).await?;
    // Back where the button was; anything that is not a same-site path means the service page.
    let next = match form.next.as_deref().filter(|n| !n.is_empty()) {
        Some(n) if safe_next(Some(n)) == n => n.to_owned(),
        _ => format!("/services/{id}"),
    };
    if is_htmx(&headers) {
        return page(&FavoriteFragment {
            ctx: &ctx,
            favorite: FavoriteButton {
                listing_id: id,
                on,
                signed_in: true,
                next,
            },
        });
    }
    let flash = if on {
        "flash-favorite-added"
    } else {
        "flash-favorite-removed"
    };
    Ok(redirect_with_flash(&ctx, &next, flash))
}

#[derive(Template)]
#[template(path = "favorites.html")]
struct FavoritesPage<'a> {
    ctx: &'a Ctx,
    items: Vec<FavoriteItem>,
}

/// A card with a button that takes it off the list.
struct FavoriteItem {
    card: Card,
    favorite: FavoriteButton,
}

async fn list(State(state): State<AppState>, ctx: Ctx, SignedIn(ref user): SignedIn) -> PageResult {
    let rows = favorites::list(&state.app, user).await?;
    let items = cards(&ctx, rows)
        .into_iter()
        .map(|card| FavoriteItem {
            favorite: FavoriteButton {
                listing_id: card.id,
                on: true,
                signed_in: true,
                next: "/favorites".into(),
            },
            card,
        })
        .collect();
    page(&FavoritesPage { ctx: &ctx, items })
}
