//! Formal deliveries (正式な納品) and the buyer's decision on each.

use yorozu_domain::OrderId;
use yorozu_domain::orders::DeliveryOutcome;

use crate::{Exec, Result, execute, query_as};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DeliveryRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    /// The talk-room entry with the delivery's note and files.
    pub message_id: i64,
    #[sqlx(try_from = "String")]
    pub outcome: DeliveryOutcome,
    pub send_back_reason: String,
    pub delivered_at: i64,
    pub auto_approve_at: i64,
    pub decided_at: Option<i64>,
}

/// Records a delivery. Returns `false` when one is already pending for the order (the
/// partial unique index): a second delivery before the buyer decided.
pub async fn insert(c: &mut impl Exec, d: &DeliveryRow) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO order_deliveries (id, order_id, message_id, outcome, send_back_reason,
             delivered_at, auto_approve_at, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT DO NOTHING",
        d.id,
        d.order_id.get(),
        d.message_id,
        d.outcome.as_str(),
        &d.send_back_reason,
        d.delivered_at,
        d.auto_approve_at,
        d.decided_at
    )?;
    Ok(n == 1)
}

/// The delivery waiting for the buyer, if any.
pub async fn pending(c: &mut impl Exec, order_id: OrderId) -> Result<Option<DeliveryRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        DeliveryRow,
        "SELECT id, order_id, message_id, outcome, send_back_reason, delivered_at, auto_approve_at,
                decided_at
         FROM order_deliveries WHERE order_id = $1 AND outcome = 'pending'",
        order_id.get()
    )?)
}

/// Every delivery of an order, oldest first.
pub async fn list(c: &mut impl Exec, order_id: OrderId) -> Result<Vec<DeliveryRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        DeliveryRow,
        "SELECT id, order_id, message_id, outcome, send_back_reason, delivered_at, auto_approve_at,
                decided_at
         FROM order_deliveries WHERE order_id = $1 ORDER BY id",
        order_id.get()
    )?)
}

/// Records the decision on a pending delivery; `false` if it was no longer pending.
pub async fn decide(
    c: &mut impl Exec,
    id: i64,
    outcome: DeliveryOutcome,
    send_back_reason: &str,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE order_deliveries SET outcome = $2, send_back_reason = $3, decided_at = $4
         WHERE id = $1 AND outcome = 'pending'",
        id,
        outcome.as_str(),
        send_back_reason,
        now
    )?;
    Ok(n == 1)
}
