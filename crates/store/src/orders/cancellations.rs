//! Cancellation requests: one side asks with a reason, the other agrees or objects within the
//! answer period; silence is agreement.

use yorozu_domain::OrderId;
use yorozu_domain::orders::CancellationStatus;

use crate::{Exec, Result, execute, query_as};
use yorozu_domain::UserId;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CancellationRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    #[sqlx(try_from = "i64")]
    pub requested_by: UserId,
    pub reason: String,
    #[sqlx(try_from = "String")]
    pub status: CancellationStatus,
    pub deadline_at: i64,
    pub answer: String,
    pub answered_at: Option<i64>,
    pub created_at: i64,
}

/// Records a request. Returns `false` when the order already has an open one.
pub async fn insert(c: &mut impl Exec, r: &CancellationRow) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO order_cancellations (id, order_id, requested_by, reason, status, deadline_at,
             answer, answered_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT DO NOTHING",
        r.id,
        r.order_id.get(),
        r.requested_by.get(),
        &r.reason,
        r.status.as_str(),
        r.deadline_at,
        &r.answer,
        r.answered_at,
        r.created_at
    )?;
    Ok(n == 1)
}

/// The open request of an order, if any.
pub async fn open(c: &mut impl Exec, order_id: OrderId) -> Result<Option<CancellationRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        CancellationRow,
        "SELECT id, order_id, requested_by, reason, status, deadline_at, answer, answered_at, created_at
         FROM order_cancellations WHERE order_id = $1 AND status = 'open'",
        order_id.get()
    )?)
}

pub async fn find(c: &mut impl Exec, id: i64) -> Result<Option<CancellationRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        CancellationRow,
        "SELECT id, order_id, requested_by, reason, status, deadline_at, answer, answered_at, created_at
         FROM order_cancellations WHERE id = $1",
        id
    )?)
}

/// Every request of an order, oldest first.
pub async fn list(c: &mut impl Exec, order_id: OrderId) -> Result<Vec<CancellationRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        CancellationRow,
        "SELECT id, order_id, requested_by, reason, status, deadline_at, answer, answered_at, created_at
         FROM order_cancellations WHERE order_id = $1 ORDER BY id",
        order_id.get()
    )?)
}

/// Closes an open request with `status`; `false` if it was no longer open.
pub async fn close(
    c: &mut impl Exec,
    id: i64,
    status: CancellationStatus,
    answer: &str,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE order_cancellations SET status = $2, answer = $3, answered_at = $4
         WHERE id = $1 AND status = 'open'",
        id,
        status.as_str(),
        answer,
        now
    )?;
    Ok(n == 1)
}
