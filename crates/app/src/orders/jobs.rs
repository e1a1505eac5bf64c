//! The order jobs: what happens when nobody acts. Each is queued with its due time in the
//! transaction that set the deadline, and each re-checks the order when it runs, so a job
//! whose deadline no longer applies (the buyer approved, the request was answered, the order
//! was paid) does nothing, and running one twice changes nothing.

use yorozu_domain::orders::{OrderEvent, OrderState};
use yorozu_store::orders::{cancellations, deliveries, rows};

use super::transition;
use crate::{App, AppError, AppResult};

/// A delivery nobody answered is approved (`item_id` = the delivery).
pub const AUTO_APPROVE: &str = "orders.auto_approve";
/// A cancellation request nobody answered takes effect (`item_id` = the request).
pub const CANCELLATION_TIMEOUT: &str = "orders.cancellation_timeout";
/// An unpaid deferred order expires.
pub const PAYMENT_EXPIRY: &str = "orders.payment_expiry";
/// A cancelled order's card payment is refunded at the provider.
pub const REFUND: &str = "orders.refund";

/// The payload of every order job.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct OrderJob {
    pub order_id: i64,
    /// The delivery or cancellation request the job is about, where there is one.
    pub item_id: Option<i64>,
}

/// Runs an order job; `Ok(false)` when `kind` is not an order job.
pub async fn dispatch(app: &App, kind: &str, payload: &str) -> AppResult<bool> {
    if ![AUTO_APPROVE, CANCELLATION_TIMEOUT, PAYMENT_EXPIRY, REFUND].contains(&kind) {
        return Ok(false);
    }
    let job: OrderJob = serde_json::from_str(payload)?;
    match kind {
        AUTO_APPROVE => auto_approve(app, job).await?,
        CANCELLATION_TIMEOUT => cancellation_timeout(app, job).await?,
        PAYMENT_EXPIRY => payment_expiry(app, job).await?,
        _ => refund(app, job).await?,
    }
    Ok(true)
}

async fn auto_approve(app: &App, job: OrderJob) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let Some(order) = rows::lock(&mut tx, job.order_id).await? else {
        return Ok(());
    };
    let Some(pending) = deliveries::pending(&mut tx, order.id).await? else {
        return Ok(());
    };
    if Some(pending.id) != job.item_id
        || order.state != OrderState::Delivered
        || app.now() < pending.auto_approve_at
    {
        return Ok(());
    }
    super::deliver::complete(
        &mut tx,
        app,
        &order,
        OrderEvent::AutoApprove,
        "auto_approved",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn cancellation_timeout(app: &App, job: OrderJob) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let Some(order) = rows::lock(&mut tx, job.order_id).await? else {
        return Ok(());
    };
    let Some(open) = cancellations::open(&mut tx, order.id).await? else {
        return Ok(());
    };
    if Some(open.id) != job.item_id || app.now() < open.deadline_at {
        return Ok(());
    }
    if !transition::allows(&order, OrderEvent::CancellationTimedOut, app) {
        cancellations::close(&mut tx, open.id, "withdrawn", "", app.now()).await?;
        tx.commit().await?;
        return Ok(());
    }
    super::cancel::cancel(&mut tx, app, &order, OrderEvent::CancellationTimedOut).await?;
    cancellations::close(&mut tx, open.id, "timed_out", "", app.now()).await?;
    tx.commit().await?;
    Ok(())
}

async fn payment_expiry(app: &App, job: OrderJob) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let Some(order) = rows::lock(&mut tx, job.order_id).await? else {
        return Ok(());
    };
    let due = order.payment_due_at.unwrap_or(i64::MAX);
    if order.state != OrderState::AwaitingPayment || app.now() < due {
        return Ok(());
    }
    transition::apply(
        &mut tx,
        app,
        &order,
        OrderEvent::PaymentExpired,
        Default::default(),
    )
    .await?;
    super::effects::unpaid_ended(&mut tx, app, &order, "order-payment-expired").await?;
    if let Some(open) = cancellations::open(&mut tx, order.id).await? {
        cancellations::close(&mut tx, open.id, "withdrawn", "", app.now()).await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn refund(app: &App, job: OrderJob) -> AppResult<()> {
    let order = {
        let mut c = app.db.read().await?;
        rows::find(&mut c, job.order_id).await?
    };
    let Some(order) = order else { return Ok(()) };
    let Some(charge_id) = order.charge_id.as_deref() else {
        return Ok(());
    };
    if order.state != OrderState::Cancelled {
        return Err(AppError::Internal(format!(
            "refund of order {} that is {}",
            order.id, order.state
        )));
    }
    // The same key on every attempt: the provider refunds once however often this runs.
    app.payments
        .refund(
            charge_id,
            order.buyer_total.get(),
            &format!("order-refund-{}", order.id),
        )
        .await
        .map_err(|e| AppError::Internal(format!("refund of order {}: {e}", order.id)))?;
    let mut tx = app.db.begin().await?;
    transition::note(&mut tx, app, order.id, "order-event-refunded").await?;
    tx.commit().await?;
    Ok(())
}
