//! Transfer batches: what operators close for a transfer date, pay with one Zengin file and
//! then mark transferred.

use yorozu_domain::BatchId;
use yorozu_domain::Yen;
use yorozu_domain::payouts::BatchStatus;

use crate::{Exec, Result, execute, query_as};
use yorozu_domain::UserId;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct BatchRow {
    #[sqlx(try_from = "i64")]
    pub id: BatchId,
    pub transfer_date: String,
    #[sqlx(try_from = "String")]
    pub status: BatchStatus,
    pub transfer_count: i64,
    #[sqlx(try_from = "i64")]
    pub total_net: Yen,
    #[sqlx(try_from = "crate::OptionalId")]
    pub closed_by: Option<UserId>,
    pub closed_at: i64,
    pub transferred_at: Option<i64>,
}

pub async fn insert(c: &mut impl Exec, b: &BatchRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO payout_batches (id, transfer_date, status, transfer_count, total_net, closed_by, closed_at,
             transferred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        b.id.get(),
        &b.transfer_date,
        b.status.as_str(),
        b.transfer_count,
        b.total_net.get(),
        b.closed_by.map(UserId::get),
        b.closed_at,
        b.transferred_at
    )?;
    Ok(())
}

/// Sets the count and total after the requests were moved in.
pub async fn set_totals(c: &mut impl Exec, id: BatchId, count: i64, total_net: Yen) -> Result<()> {
    execute!(
        c,
        "UPDATE payout_batches SET transfer_count = $2, total_net = $3 WHERE id = $1",
        id.get(),
        count,
        total_net.get()
    )?;
    Ok(())
}

pub async fn find(c: &mut impl Exec, id: BatchId) -> Result<Option<BatchRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        BatchRow,
        "SELECT id, transfer_date, status, transfer_count, total_net, closed_by, closed_at, transferred_at
         FROM payout_batches WHERE id = $1",
        id.get()
    )?)
}

/// Batches, newest first.
pub async fn list(c: &mut impl Exec, limit: i64) -> Result<Vec<BatchRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        BatchRow,
        "SELECT id, transfer_date, status, transfer_count, total_net, closed_by, closed_at, transferred_at
         FROM payout_batches ORDER BY closed_at DESC, id DESC LIMIT $1",
        limit
    )?)
}

/// Marks a processing batch transferred; `false` if it was not processing.
pub async fn mark_transferred(c: &mut impl Exec, id: BatchId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE payout_batches SET status = 'transferred', transferred_at = $2
         WHERE id = $1 AND status = 'processing'",
        id.get(),
        now
    )?;
    Ok(n == 1)
}
