//! Payout requests (振込申請): requested → processing → transferred, or failed.

use yorozu_domain::BatchId;
use yorozu_domain::Yen;
use yorozu_domain::payouts::PayoutStatus;

use crate::{Exec, Result, execute, query_as};
use yorozu_domain::UserId;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PayoutRequestRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    #[sqlx(try_from = "i64")]
    pub gross: Yen,
    #[sqlx(try_from = "i64")]
    pub fee: Yen,
    #[sqlx(try_from = "i64")]
    pub net: Yen,
    #[sqlx(try_from = "String")]
    pub status: PayoutStatus,
    pub transfer_date: String,
    pub bank_account_id: i64,
    #[sqlx(try_from = "crate::OptionalId")]
    pub batch_id: Option<BatchId>,
    pub failure_reason: Option<String>,
    pub requested_at: i64,
    pub transferred_at: Option<i64>,
    pub failed_at: Option<i64>,
}

macro_rules! select_requests {
    ($rest:literal) => {
        concat!(
            "SELECT id, seller_id, gross, fee, net, status, transfer_date, bank_account_id, batch_id,
                    failure_reason, requested_at, transferred_at, failed_at FROM payout_requests ",
            $rest
        )
    };
}

/// Records a request. Returns `false` when the seller already has one in flight (the
/// partial unique index).
pub async fn insert(c: &mut impl Exec, r: &PayoutRequestRow) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO payout_requests (id, seller_id, gross, fee, net, status, transfer_date, bank_account_id,
             batch_id, failure_reason, requested_at, transferred_at, failed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT DO NOTHING",
        r.id,
        r.seller_id.get(),
        r.gross.get(),
        r.fee.get(),
        r.net.get(),
        r.status.as_str(),
        &r.transfer_date,
        r.bank_account_id,
        r.batch_id.map(BatchId::get),
        &r.failure_reason,
        r.requested_at,
        r.transferred_at,
        r.failed_at
    )?;
    Ok(n == 1)
}

pub async fn find(c: &mut impl Exec, id: i64) -> Result<Option<PayoutRequestRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        PayoutRequestRow,
        select_requests!("WHERE id = $1"),
        id
    )?)
}

/// The seller's request in flight (requested or processing), if any.
pub async fn in_flight(c: &mut impl Exec, seller_id: UserId) -> Result<Option<PayoutRequestRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        PayoutRequestRow,
        select_requests!("WHERE seller_id = $1 AND status IN ('requested', 'processing')"),
        seller_id.get()
    )?)
}

/// A seller's requests, newest first.
pub async fn for_seller(
    c: &mut impl Exec,
    seller_id: UserId,
    limit: i64,
) -> Result<Vec<PayoutRequestRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        PayoutRequestRow,
        select_requests!("WHERE seller_id = $1 ORDER BY requested_at DESC, id DESC LIMIT $2"),
        seller_id.get(),
        limit
    )?)
}

/// The requests of a batch.
pub async fn in_batch(c: &mut impl Exec, batch_id: BatchId) -> Result<Vec<PayoutRequestRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        PayoutRequestRow,
        select_requests!("WHERE batch_id = $1 ORDER BY id"),
        batch_id.get()
    )?)
}

/// Puts every `requested` request for `transfer_date` into a batch (→ processing).
pub async fn close_into_batch(
    c: &mut impl Exec,
    transfer_date: &str,
    batch_id: BatchId,
) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE payout_requests SET status = 'processing', batch_id = $2
         WHERE status = 'requested' AND transfer_date = $1",
        transfer_date,
        batch_id.get()
    )?)
}

/// Moves one request from `from` to `to`, with its timestamps; `false` if it was not in `from`.
pub async fn set_status(
    c: &mut impl Exec,
    id: i64,
    from: PayoutStatus,
    to: PayoutStatus,
    failure_reason: Option<&str>,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE payout_requests SET status = $3, failure_reason = COALESCE($4, failure_reason),
             transferred_at = CASE WHEN $3 = 'transferred' THEN $5 ELSE transferred_at END,
             failed_at = CASE WHEN $3 = 'failed' THEN $5 ELSE failed_at END
         WHERE id = $1 AND status = $2",
        id,
        from.as_str(),
        to.as_str(),
        failure_reason,
        now
    )?;
    Ok(n == 1)
}
