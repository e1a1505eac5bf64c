//! Favourites (お気に入り).

use yorozu_domain::ListingId;
use yorozu_domain::listings::ListingStatus;
use yorozu_store::listings::{favorites, rows, search};

use crate::accounts::CurrentUser;
use crate::listings::{Card, card};
use crate::{App, AppError, AppResult};

/// Adds or removes a favourite; returns whether it is a favourite now.
pub async fn set(
    app: &App,
    member: &CurrentUser,
    listing_id: ListingId,
    favorite: bool,
) -> AppResult<bool> {
    let mut tx = app.db.begin().await?;
    let listing = rows::find(&mut tx, listing_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let changed = if favorite {
        if listing.status != ListingStatus::Published {
            return Err(AppError::NotFound);
        }
        favorites::add(&mut tx, member.id, listing_id, app.now()).await?
    } else {
        favorites::remove(&mut tx, member.id, listing_id).await?
    };
    // The favourites count is on the public page and counts toward the recommended order.
    if changed {
        crate::orders::effects::refresh_rank(&mut tx, listing_id).await?;
    }
    tx.commit().await?;
    Ok(favorite)
}

pub async fn is_favorite(
    app: &App,
    member: &CurrentUser,
    listing_id: ListingId,
) -> AppResult<bool> {
    let mut c = app.db.read().await?;
    Ok(favorites::is_favorite(&mut c, member.id, listing_id).await?)
}

/// The member's favourite services that are still published, newest first.
pub async fn list(app: &App, member: &CurrentUser) -> AppResult<Vec<Card>> {
    let mut c = app.db.read().await?;
    let ids = favorites::list_ids(&mut c, member.id, 200).await?;
    Ok(card::cards(search::cards_by_ids(&mut c, &ids).await?))
}
