//! Suspensions (利用停止): at most one in force per member.

use yorozu_domain::UserId;
use yorozu_domain::moderation::OrdersOnSuspension;

use crate::{Exec, Result, execute, query_as};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SuspensionRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    pub reason: String,
    #[sqlx(try_from = "String")]
    pub orders: OrdersOnSuspension,
    #[sqlx(try_from = "i64")]
    pub operator_id: UserId,
    pub created_at: i64,
    pub lifted_at: Option<i64>,
}

/// Records a suspension; `false` when one is already in force (nothing written).
pub async fn insert(c: &mut impl Exec, s: &SuspensionRow) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO suspensions (id, user_id, reason, orders, operator_id, created_at, lifted_at)
         VALUES ($1, $2, $3, $4, $5, $6, NULL)
         ON CONFLICT DO NOTHING",
        s.id,
        s.user_id.get(),
        &s.reason,
        s.orders.as_str(),
        s.operator_id.get(),
        s.created_at
    )?;
    Ok(n == 1)
}

/// The suspension in force, if any.
pub async fn in_force(c: &mut impl Exec, user_id: UserId) -> Result<Option<SuspensionRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        SuspensionRow,
        "SELECT id, user_id, reason, orders, operator_id, created_at, lifted_at
         FROM suspensions WHERE user_id = $1 AND lifted_at IS NULL",
        user_id.get()
    )?)
}

/// Members suspended now, newest first.
pub async fn all_in_force(c: &mut impl Exec, limit: i64) -> Result<Vec<SuspensionRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        SuspensionRow,
        "SELECT id, user_id, reason, orders, operator_id, created_at, lifted_at
         FROM suspensions WHERE lifted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT $1",
        limit
    )?)
}

/// Lifts the suspension in force; `false` if there was none.
pub async fn lift(c: &mut impl Exec, user_id: UserId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE suspensions SET lifted_at = $2 WHERE user_id = $1 AND lifted_at IS NULL",
        user_id.get(),
        now
    )?;
    Ok(n == 1)
}

/// At the purge: the member's suspensions, reasons included.
pub async fn delete_of(c: &mut impl Exec, user_id: UserId) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM suspensions WHERE user_id = $1",
        user_id.get()
    )?)
}
