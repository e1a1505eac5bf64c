//! Favourites (お気に入り): members keep published services to come back to.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use yorozu_app::listings::favorites;
use yorozu_domain::ListingId;

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::ApiId;
use crate::api::search::Card;
use crate::state::AppState;

/// Makes a published service a favourite; doing it again changes nothing.
pub async fn add(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<ListingId>,
) -> ApiResult<StatusCode> {
    favorites::set(&state.app, &user, id, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a favourite; removing one that is not there changes nothing.
pub async fn remove(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<ListingId>,
) -> ApiResult<StatusCode> {
    favorites::set(&state.app, &user, id, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The caller's favourites that are still published, most recently added first.
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<Card>>> {
    let cards = favorites::list(&state.app, &user).await?;
    Ok(Json(cards.into_iter().map(Card::from).collect()))
}
