//! One sale per completed order, and one line per tip (おひねり) on it: the seller's share,
//! until a payout request takes it or it expires unrequested.

use yorozu_domain::OrderId;
use yorozu_domain::WithdrawalId;
use yorozu_domain::Yen;

use crate::{Exec, Result, execute, query_as, query_scalar};
use yorozu_domain::UserId;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SaleRow {
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    #[sqlx(try_from = "i64")]
    pub amount: Yen,
    pub credited_at: i64,
    pub payout_request_id: Option<i64>,
    pub expired_at: Option<i64>,
    pub reinstated_at: Option<i64>,
}

/// Records the order's own sale (once per order).
pub async fn insert(
    c: &mut impl Exec,
    order_id: OrderId,
    seller_id: UserId,
    amount: Yen,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO sales (order_id, seller_id, amount, credited_at, payout_request_id, expired_at, reinstated_at)
         VALUES ($1, $2, $3, $4, NULL, NULL, NULL) ON CONFLICT DO NOTHING",
        order_id.get(),
        seller_id.get(),
        amount.get(),
        now
    )?;
    Ok(n == 1)
}

/// Records the seller's share of a tip as its own line (once per tip).
pub async fn insert_tip(
    c: &mut impl Exec,
    order_id: OrderId,
    tip_id: i64,
    seller_id: UserId,
    amount: Yen,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO sales (order_id, tip_id, seller_id, amount, credited_at, payout_request_id, expired_at, reinstated_at)
         VALUES ($1, $2, $3, $4, $5, NULL, NULL, NULL) ON CONFLICT DO NOTHING",
        order_id.get(),
        tip_id,
        seller_id.get(),
        amount.get(),
        now
    )?;
    Ok(n == 1)
}

/// A sale (or a tip's line: `tip_id`) with the title of the order it came from.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SaleLine {
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    pub listing_title: String,
    pub tip_id: Option<i64>,
    #[sqlx(try_from = "i64")]
    pub amount: Yen,
    pub credited_at: i64,
    pub payout_request_id: Option<i64>,
    pub expired_at: Option<i64>,
}

/// A seller's sales, newest first.
pub async fn list(
    c: &mut impl Exec,
    seller_id: UserId,
    limit: i64,
    offset: i64,
) -> Result<Vec<SaleLine>> {
    Ok(query_as!(
        c,
        fetch_all,
        SaleLine,
        "SELECT s.order_id, o.listing_title, s.tip_id, s.amount, s.credited_at, s.payout_request_id, s.expired_at
         FROM sales s JOIN orders o ON o.id = s.order_id
         WHERE s.seller_id = $1
         ORDER BY s.credited_at DESC, s.order_id DESC, COALESCE(s.tip_id, 0) DESC LIMIT $2 OFFSET $3",
        seller_id.get(),
        limit,
        offset
    )?)
}

/// Takes every open sale of the seller for a payout request; returns their sum.
pub async fn take_for_request(
    c: &mut impl Exec,
    seller_id: UserId,
    request_id: i64,
) -> Result<Yen> {
    let sum: i64 = query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM sales
         WHERE seller_id = $1 AND payout_request_id IS NULL AND expired_at IS NULL",
        seller_id.get()
    )?;
    execute!(
        c,
        "UPDATE sales SET payout_request_id = $2
         WHERE seller_id = $1 AND payout_request_id IS NULL AND expired_at IS NULL",
        seller_id.get(),
        request_id
    )?;
    Ok(Yen::new(sum))
}

/// Gives the sales of a failed request back to the seller's open sales.
pub async fn release_request(c: &mut impl Exec, request_id: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE sales SET payout_request_id = NULL WHERE payout_request_id = $1",
        request_id
    )?)
}

/// Open sales credited before `before`, by seller: what expires now.
pub async fn expiring(c: &mut impl Exec, before: i64, limit: i64) -> Result<Vec<(UserId, Yen)>> {
    let due: Vec<(i64, i64)> = query_as!(
        c,
        fetch_all,
        (i64, i64),
        "SELECT seller_id, CAST(SUM(amount) AS BIGINT) FROM sales
         WHERE payout_request_id IS NULL AND expired_at IS NULL AND credited_at < $1
         GROUP BY seller_id ORDER BY seller_id LIMIT $2",
        before,
        limit
    )?;
    Ok(due
        .into_iter()
        .map(|(seller_id, sum)| (UserId::new(seller_id), Yen::new(sum)))
        .collect())
}

/// Marks a seller's open sales credited before `before` as expired; returns their sum.
pub async fn expire(c: &mut impl Exec, seller_id: UserId, before: i64, now: i64) -> Result<Yen> {
    let sum: i64 = query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM sales
         WHERE seller_id = $1 AND payout_request_id IS NULL AND expired_at IS NULL AND credited_at < $2",
        seller_id.get(),
        before
    )?;
    execute!(
        c,
        "UPDATE sales SET expired_at = $3
         WHERE seller_id = $1 AND payout_request_id IS NULL AND expired_at IS NULL AND credited_at < $2",
        seller_id.get(),
        before,
        now
    )?;
    Ok(Yen::new(sum))
}

/// Reinstates an order's expired sale and its tips' lines (an operator's decision on a
/// claim): they become open again and count from now. Returns the seller and the sum, or
/// `None` if nothing was expired — or it was forfeited by its seller's withdrawal, which
/// only undoing the withdrawal gives back.
pub async fn reinstate(c: &mut impl Exec, order_id: OrderId, now: i64) -> Result<Option<SaleRow>> {
    let rows: Vec<SaleRow> = query_as!(
        c,
        fetch_all,
        SaleRow,
        "SELECT order_id, seller_id, amount, credited_at, payout_request_id, expired_at, reinstated_at
         FROM sales WHERE order_id = $1 AND expired_at IS NOT NULL AND withdrawal_id IS NULL",
        order_id.get()
    )?;
    let Some(first) = rows.first().cloned() else {
        return Ok(None);
    };
    execute!(
        c,
        "UPDATE sales SET expired_at = NULL, reinstated_at = $2, credited_at = $2
         WHERE order_id = $1 AND expired_at IS NOT NULL AND withdrawal_id IS NULL",
        order_id.get(),
        now
    )?;
    let sum = rows.iter().map(|r| r.amount.get()).sum();
    Ok(Some(SaleRow {
        amount: Yen::new(sum),
        ..first
    }))
}

/// Marks the seller's open sales as forfeited by `withdrawal_id` (no longer claimable).
pub async fn forfeit(
    c: &mut impl Exec,
    seller_id: UserId,
    withdrawal_id: WithdrawalId,
    now: i64,
) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE sales SET expired_at = $3, withdrawal_id = $2
         WHERE seller_id = $1 AND payout_request_id IS NULL AND expired_at IS NULL",
        seller_id.get(),
        withdrawal_id.get(),
        now
    )?)
}

/// Gives back the sales a withdrawal forfeited (the member undid it).
pub async fn restore_forfeited(c: &mut impl Exec, withdrawal_id: WithdrawalId) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE sales SET expired_at = NULL, withdrawal_id = NULL WHERE withdrawal_id = $1",
        withdrawal_id.get()
    )?)
}

/// A seller's credited sales per month bucket: `(bucket start, sum)` for sales credited in
/// [from, to), with the bucket computed by the caller's `offset` (Japan time) as
/// `(credited_at + offset) / month-agnostic day`; months are grouped in Rust from daily sums.
pub async fn daily_sums(
    c: &mut impl Exec,
    seller_id: UserId,
    from: i64,
    to: i64,
) -> Result<Vec<(i64, Yen)>> {
    // Day numbers in Japan time (UTC+9); the caller folds days into months.
    let days: Vec<(i64, i64)> = query_as!(
        c,
        fetch_all,
        (i64, i64),
        "SELECT CAST((credited_at + 32400) / 86400 AS BIGINT) AS day, CAST(SUM(amount) AS BIGINT)
         FROM sales WHERE seller_id = $1 AND credited_at >= $2 AND credited_at < $3
         GROUP BY CAST((credited_at + 32400) / 86400 AS BIGINT) ORDER BY day",
        seller_id.get(),
        from,
        to
    )?;
    Ok(days
        .into_iter()
        .map(|(day, sum)| (day, Yen::new(sum)))
        .collect())
}
