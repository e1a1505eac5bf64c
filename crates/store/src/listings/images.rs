//! Listing images (up to a configured number per listing, ordered by position).

use crate::{Exec, Result, execute, query_as, query_scalar};
use yorozu_domain::ListingId;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ImageRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub listing_id: ListingId,
    pub position: i64,
    pub file_key: String,
    pub thumb_key: String,
    pub width: i64,
    pub height: i64,
    pub created_at: i64,
}

pub async fn insert(c: &mut impl Exec, i: &ImageRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO listing_images (id, listing_id, position, file_key, thumb_key, width, height, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        i.id,
        i.listing_id.get(),
        i.position,
        &i.file_key,
        &i.thumb_key,
        i.width,
        i.height,
        i.created_at
    )?;
    Ok(())
}

pub async fn list(c: &mut impl Exec, listing_id: ListingId) -> Result<Vec<ImageRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        ImageRow,
        "SELECT id, listing_id, position, file_key, thumb_key, width, height, created_at
         FROM listing_images WHERE listing_id = $1 ORDER BY position, id",
        listing_id.get()
    )?)
}

pub async fn find(c: &mut impl Exec, id: i64) -> Result<Option<ImageRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ImageRow,
        "SELECT id, listing_id, position, file_key, thumb_key, width, height, created_at FROM listing_images WHERE id = $1",
        id
    )?)
}

pub async fn count(c: &mut impl Exec, listing_id: ListingId) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM listing_images WHERE listing_id = $1",
        listing_id.get()
    )?)
}

/// The next free position (images are appended).
pub async fn next_position(c: &mut impl Exec, listing_id: ListingId) -> Result<i64> {
    let max: Option<i64> = query_scalar!(
        c,
        fetch_one,
        Option<i64>,
        "SELECT MAX(position) FROM listing_images WHERE listing_id = $1",
        listing_id.get()
    )?;
    Ok(max.map_or(0, |m| m + 1))
}

pub async fn delete(c: &mut impl Exec, id: i64) -> Result<u64> {
    Ok(execute!(c, "DELETE FROM listing_images WHERE id = $1", id)?)
}
