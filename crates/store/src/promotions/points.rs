//! A per-member points ledger: grants, uses on orders, restorations on cancellation and
//! expiries. The balance is the sum of a member's entries.

use yorozu_domain::OrderId;
use yorozu_domain::promotions::{PointKind, Points};

use crate::{Exec, Result, execute, query_as, query_scalar};
use yorozu_domain::UserId;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PointEntryRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    #[sqlx(try_from = "String")]
    pub kind: PointKind,
    /// Signed: grants and restorations add, uses and expiries subtract.
    #[sqlx(try_from = "i64")]
    pub amount: Points,
    #[sqlx(try_from = "crate::OptionalId")]
    pub order_id: Option<OrderId>,
    pub note: String,
    pub created_at: i64,
}

/// Books an entry. Returns `false` when an entry of the same kind already exists for the
/// order (a use or restoration is booked once per order).
pub async fn insert(c: &mut impl Exec, e: &PointEntryRow) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO point_entries (id, user_id, kind, amount, order_id, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT DO NOTHING",
        e.id,
        e.user_id.get(),
        e.kind.as_str(),
        e.amount.get(),
        e.order_id.map(OrderId::get),
        &e.note,
        e.created_at
    )?;
    Ok(n == 1)
}

pub async fn balance(c: &mut impl Exec, user_id: UserId) -> Result<Points> {
    let sum: i64 = query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM point_entries WHERE user_id = $1",
        user_id.get()
    )?;
    Ok(Points::new(sum))
}

/// When the member last acquired points (a grant), if ever.
pub async fn last_acquired_at(c: &mut impl Exec, user_id: UserId) -> Result<Option<i64>> {
    Ok(query_scalar!(
        c,
        fetch_one,
        Option<i64>,
        "SELECT MAX(created_at) FROM point_entries WHERE user_id = $1 AND kind IN ('grant', 'invite_reward')",
        user_id.get()
    )?)
}

/// A member's entries, newest first.
pub async fn history(c: &mut impl Exec, user_id: UserId, limit: i64) -> Result<Vec<PointEntryRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        PointEntryRow,
        "SELECT id, user_id, kind, amount, order_id, note, created_at FROM point_entries
         WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
        user_id.get(),
        limit
    )?)
}

/// The entry of `kind` booked for an order, if any.
pub async fn for_order(
    c: &mut impl Exec,
    order_id: OrderId,
    kind: PointKind,
) -> Result<Option<PointEntryRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        PointEntryRow,
        "SELECT id, user_id, kind, amount, order_id, note, created_at FROM point_entries
         WHERE order_id = $1 AND kind = $2",
        order_id.get(),
        kind.as_str()
    )?)
}

/// Members holding points whose last grant is older than `acquired_before`, with their
/// balance: the points that expire now.
pub async fn expiring(
    c: &mut impl Exec,
    acquired_before: i64,
    limit: i64,
) -> Result<Vec<(UserId, Points)>> {
    let due: Vec<(i64, i64)> = query_as!(
        c,
        fetch_all,
        (i64, i64),
        "SELECT user_id, CAST(SUM(amount) AS BIGINT) FROM point_entries
         GROUP BY user_id
         HAVING SUM(amount) > 0
            AND MAX(CASE WHEN kind IN ('grant', 'invite_reward') THEN created_at END) < $1
         LIMIT $2",
        acquired_before,
        limit
    )?;
    Ok(due
        .into_iter()
        .map(|(user_id, sum)| (UserId::new(user_id), Points::new(sum)))
        .collect())
}
