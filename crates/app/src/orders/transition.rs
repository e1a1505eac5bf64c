//! The one way an order changes state.

use yorozu_domain::ErrorCode;
use yorozu_domain::OrderId;
use yorozu_domain::orders::{MessageKind, Order, OrderEvent, OrderTransitionError};
use yorozu_store::Exec;
use yorozu_store::orders::{OrderRow, Transition, talk};

use crate::{App, AppError, AppResult};

/// Timestamps and payment data recorded with a change.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stamps<'a> {
    pub paid_at: Option<i64>,
    pub card_id: Option<i64>,
    pub charge_id: Option<&'a str>,
    pub delivered_at: Option<i64>,
    pub completed_at: Option<i64>,
    pub cancelled_at: Option<i64>,
}

/// A refused event as the member sees it.
pub fn refused(e: OrderTransitionError) -> AppError {
    match e {
        OrderTransitionError::SendBackLimitReached { .. } => AppError::refused("reason", &e),
        other => AppError::Conflict(other.code()),
    }
}

/// Whether the state machine would accept `event` now (for showing or hiding an action).
pub(crate) fn allows(row: &OrderRow, event: OrderEvent, app: &App) -> bool {
    super::domain_order(row)
        .ok()
        .is_some_and(|o| o.apply(event, app.policy.send_backs_allowed).is_ok())
}

/// Applies `event` to the order as read in `row`: asks the state machine, then writes the new
/// state only if nobody changed the order since (otherwise `Conflict("order-changed")`; the
/// caller's transaction rolls back). Leaves a note in the talk room. Call it before any other
/// write of the use case, so that a lost race writes nothing.
pub(crate) async fn apply(
    c: &mut impl Exec,
    app: &App,
    row: &OrderRow,
    event: OrderEvent,
    stamps: Stamps<'_>,
) -> AppResult<Order> {
    apply_to(c, app, row, super::domain_order(row)?, event, stamps).await
}

/// [`apply`] with the domain value of the order given: a dispute's withdrawal needs the state
/// the dispute interrupted, which is stored with the dispute rather than the order.
pub(crate) async fn apply_to(
    c: &mut impl Exec,
    app: &App,
    row: &OrderRow,
    order: Order,
    event: OrderEvent,
    stamps: Stamps<'_>,
) -> AppResult<Order> {
    let next = order
        .apply(event, app.policy.send_backs_allowed)
        .map_err(refused)?;
    let now = app.now();
    let written = yorozu_store::orders::rows::transition(
        c,
        &Transition {
            id: row.id,
            from_state: row.state,
            from_send_backs: row.send_backs_used,
            to_state: next.state(),
            to_send_backs: i64::from(next.send_backs_used()),
            has_been_delivered: next.has_been_delivered(),
            paid_at: stamps.paid_at,
            card_id: stamps.card_id,
            charge_id: stamps.charge_id,
            delivered_at: stamps.delivered_at,
            completed_at: stamps.completed_at,
            cancelled_at: stamps.cancelled_at,
            now,
        },
    )
    .await?;
    if !written {
        return Err(AppError::Conflict("order-changed"));
    }
    note(c, app, row.id, &format!("order-event-{}", event.as_str())).await?;
    Ok(next)
}

/// Writes a platform note into the talk room: `message_id` is a Fluent id shown in the
/// reader's language.
pub async fn note(
    c: &mut impl Exec,
    app: &App,
    order_id: OrderId,
    message_id: &str,
) -> AppResult<()> {
    talk::insert_message(
        c,
        &talk::MessageRow {
            id: app.new_id(),
            order_id,
            author_id: None,
            kind: MessageKind::Event,
            body: message_id.to_owned(),
            created_at: app.now(),
        },
    )
    .await?;
    Ok(())
}
