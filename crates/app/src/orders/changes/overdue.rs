//! The overdue early cancel: once an order in progress is past its due date (期限超過), its
//! buyer may cancel it at once — no request, no 24-hour wait for the seller's answer — and
//! is refunded, additions included. The rule is the domain's
//! [`overdue_cancel_allowed`]; the cancellation is recorded like an agreed one.

use yorozu_domain::orders::changes::overdue_cancel_allowed;
use yorozu_domain::orders::text::REASON_MAX_CHARS;
use yorozu_domain::orders::{CancellationStatus, OrderEvent, OrderText};
use yorozu_domain::{ErrorCode, OrderId, Timestamp};
use yorozu_store::orders::cancellations::{self, CancellationRow};

use crate::accounts::CurrentUser;
use crate::orders::{Party, cancel, lock_for};
use crate::{App, AppError, AppResult, Fields};

/// The buyer cancels an overdue order now, for `reason`.
pub async fn cancel_now(
    app: &App,
    buyer: &CurrentUser,
    order_id: OrderId,
    reason: &str,
) -> AppResult<()> {
    let mut fields = Fields::default();
    let reason = fields.check("reason", OrderText::parse(reason, REASON_MAX_CHARS, false));
    let reason = fields.finish(reason)?;
    let mut tx = app.db.begin().await?;
    let (order, party) = lock_for(&mut tx, order_id, buyer.id).await?;
    let due = super::due_date(&mut tx, &order)
        .await?
        .ok_or(AppError::Conflict("order-not-overdue"))?;
    let now = app.now();
    overdue_cancel_allowed(
        party == Party::Buyer,
        order.state,
        Timestamp::from_unix(due),
        Timestamp::from_unix(now),
    )
    .map_err(|e| AppError::Conflict(e.code()))?;
    cancel::cancel(&mut tx, app, &order, OrderEvent::CancellationAgreed).await?;
    // An open request (from either side) is superseded; this cancellation is on record
    // with its reason, as one the seller agreed to by letting the date pass.
    if let Some(open) = cancellations::open(&mut tx, order_id).await? {
        cancellations::close(&mut tx, open.id, CancellationStatus::Withdrawn, "", now).await?;
    }
    cancellations::insert(
        &mut tx,
        &CancellationRow {
            id: app.new_id(),
            order_id,
            requested_by: buyer.id,
            reason: reason.into_string(),
            status: CancellationStatus::Agreed,
            deadline_at: now,
            answer: String::new(),
            answered_at: Some(now),
            created_at: now,
        },
    )
    .await?;
    super::notify::overdue_cancelled(&mut tx, app, &order).await?;
    tx.commit().await?;
    Ok(())
}
