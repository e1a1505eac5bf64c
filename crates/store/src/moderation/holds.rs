//! Services held back by moderation: hidden by an operator, or paused with their seller's
//! suspension. One hold per service; lifting it deletes the row (the audit log keeps the
//! history).

use yorozu_domain::{ListingId, UserId};

use crate::{Exec, Result, execute, query_as};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HoldRow {
    #[sqlx(try_from = "i64")]
    pub listing_id: ListingId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    /// `hidden` (by an operator) or `suspension` (with the seller's suspension).
    pub cause: String,
    pub reason: String,
    pub created_at: i64,
    pub review_requested_at: Option<i64>,
}

/// An operator hid the service: the hold becomes `hidden` even if the seller's suspension
/// paused it before, so that lifting the suspension does not publish it.
pub async fn hide(c: &mut impl Exec, h: &HoldRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO listing_holds (listing_id, seller_id, cause, reason, created_at,
             review_requested_at)
         VALUES ($1, $2, $3, $4, $5, NULL)
         ON CONFLICT (listing_id) DO UPDATE SET cause = excluded.cause, reason = excluded.reason,
             created_at = excluded.created_at, review_requested_at = NULL",
        h.listing_id.get(),
        h.seller_id.get(),
        &h.cause,
        &h.reason,
        h.created_at
    )?;
    Ok(())
}

/// The seller's suspension paused the service; an existing hold (hidden) stays as it is.
pub async fn hold_for_suspension(c: &mut impl Exec, h: &HoldRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO listing_holds (listing_id, seller_id, cause, reason, created_at,
             review_requested_at)
         VALUES ($1, $2, $3, $4, $5, NULL)
         ON CONFLICT (listing_id) DO NOTHING",
        h.listing_id.get(),
        h.seller_id.get(),
        &h.cause,
        &h.reason,
        h.created_at
    )?;
    Ok(())
}

pub async fn find(c: &mut impl Exec, listing_id: ListingId) -> Result<Option<HoldRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        HoldRow,
        "SELECT listing_id, seller_id, cause, reason, created_at, review_requested_at
         FROM listing_holds WHERE listing_id = $1",
        listing_id.get()
    )?)
}

/// A seller's held services.
pub async fn of_seller(c: &mut impl Exec, seller_id: UserId) -> Result<Vec<HoldRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        HoldRow,
        "SELECT listing_id, seller_id, cause, reason, created_at, review_requested_at
         FROM listing_holds WHERE seller_id = $1 ORDER BY listing_id",
        seller_id.get()
    )?)
}

/// Hidden services whose sellers asked for a review, oldest request first.
pub async fn review_requested(c: &mut impl Exec, limit: i64) -> Result<Vec<HoldRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        HoldRow,
        "SELECT listing_id, seller_id, cause, reason, created_at, review_requested_at
         FROM listing_holds WHERE cause = 'hidden' AND review_requested_at IS NOT NULL
         ORDER BY review_requested_at, listing_id LIMIT $1",
        limit
    )?)
}

pub async fn request_review(c: &mut impl Exec, listing_id: ListingId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE listing_holds SET review_requested_at = $2
         WHERE listing_id = $1 AND cause = 'hidden' AND review_requested_at IS NULL",
        listing_id.get(),
        now
    )?;
    Ok(n == 1)
}

pub async fn lift(c: &mut impl Exec, listing_id: ListingId) -> Result<bool> {
    let n = execute!(
        c,
        "DELETE FROM listing_holds WHERE listing_id = $1",
        listing_id.get()
    )?;
    Ok(n == 1)
}

/// Lifts the seller's suspension holds; returns the services they paused.
pub async fn lift_suspension_holds(c: &mut impl Exec, seller_id: UserId) -> Result<Vec<ListingId>> {
    let held = of_seller(c, seller_id).await?;
    execute!(
        c,
        "DELETE FROM listing_holds WHERE seller_id = $1 AND cause = 'suspension'",
        seller_id.get()
    )?;
    Ok(held
        .into_iter()
        .filter(|h| h.cause == "suspension")
        .map(|h| h.listing_id)
        .collect())
}

/// At the purge: the seller's holds go with their services.
pub async fn delete_of_seller(c: &mut impl Exec, seller_id: UserId) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM listing_holds WHERE seller_id = $1",
        seller_id.get()
    )?)
}
