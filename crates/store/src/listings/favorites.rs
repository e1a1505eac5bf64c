//! Favourites (お気に入り): a member keeps services; the listing's counter follows.

use crate::{Exec, Result, execute, query_scalar};
use yorozu_domain::ListingId;
use yorozu_domain::UserId;

/// Adds a favourite; false if it was already there (double clicks are harmless).
pub async fn add(
    c: &mut impl Exec,
    user_id: UserId,
    listing_id: ListingId,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO favorites (user_id, listing_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, listing_id) DO NOTHING",
        user_id.get(),
        listing_id.get(),
        now
    )?;
    if n == 1 {
        execute!(
            c,
            "UPDATE listings SET favorites_count = favorites_count + 1 WHERE id = $1",
            listing_id.get()
        )?;
    }
    Ok(n == 1)
}

/// Removes a favourite; false if there was none.
pub async fn remove(c: &mut impl Exec, user_id: UserId, listing_id: ListingId) -> Result<bool> {
    let n = execute!(
        c,
        "DELETE FROM favorites WHERE user_id = $1 AND listing_id = $2",
        user_id.get(),
        listing_id.get()
    )?;
    if n == 1 {
        execute!(
            c,
            "UPDATE listings SET favorites_count = favorites_count - 1 WHERE id = $1",
            listing_id.get()
        )?;
    }
    Ok(n == 1)
}

pub async fn is_favorite(
    c: &mut impl Exec,
    user_id: UserId,
    listing_id: ListingId,
) -> Result<bool> {
    let n: i64 = query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM favorites WHERE user_id = $1 AND listing_id = $2",
        user_id.get(),
        listing_id.get()
    )?;
    Ok(n > 0)
}

/// The member's favourite listing ids, newest first.
pub async fn list_ids(c: &mut impl Exec, user_id: UserId, limit: i64) -> Result<Vec<ListingId>> {
    let ids: Vec<i64> = query_scalar!(
        c,
        fetch_all,
        i64,
        "SELECT listing_id FROM favorites WHERE user_id = $1 ORDER BY created_at DESC, listing_id DESC LIMIT $2",
        user_id.get(),
        limit
    )?;
    Ok(ids.into_iter().map(ListingId::new).collect())
}
