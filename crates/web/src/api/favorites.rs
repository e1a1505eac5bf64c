//! Favourites (お気に入り): members keep published services to come back to.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use yorozu_app::listings::favorites;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::ApiId;
use crate::api::openapi::responses::NotFound;
use crate::api::search::Card;
use crate::state::AppState;

/// Makes a published service a favourite; doing it again changes nothing.
#[utoipa::path(
    put,
    path = "/listings/{id}/favorite",
    operation_id = "addFavorite",
    summary = "Favourite a service",
    description = "Only published services can be favourited. Doing it twice changes nothing.",
    params(("id" = String, Path, description = "The listing id.")),
    responses(
        (status = 204, description = "It is a favourite."),
        (status = 404, response = NotFound),
    ),
)]
pub async fn add(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<StatusCode> {
    favorites::set(&state.app, &user, id, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a favourite; removing one that is not there changes nothing.
#[utoipa::path(
    delete,
    path = "/listings/{id}/favorite",
    operation_id = "removeFavorite",
    summary = "Stop favouriting a service",
    description = "Removing a favourite that is not there changes nothing.",
    params(("id" = String, Path, description = "The listing id.")),
    responses(
        (status = 204, description = "It is not a favourite."),
        (status = 404, response = NotFound),
    ),
)]
pub async fn remove(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId,
) -> ApiResult<StatusCode> {
    favorites::set(&state.app, &user, id, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The caller's favourites that are still published, most recently added first.
#[utoipa::path(
    get,
    path = "/me/favorites",
    operation_id = "listFavorites",
    summary = "The caller's favourites",
    description = "Those still published, most recently added first.",
    responses((status = 200, description = "The favourites.", body = Vec<Card>)),
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<Card>>> {
    let cards = favorites::list(&state.app, &user).await?;
    Ok(Json(cards.into_iter().map(Card::from).collect()))
}
