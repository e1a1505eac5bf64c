//! The order jobs: what happens when nobody acts. Each is queued with its due time in the
//! transaction that set the deadline, and each re-checks the order when it runs, so a job
//! whose deadline no longer applies (the buyer approved, the request was answered, the order
//! was paid) does nothing, and running one twice changes nothing.

use yorozu_domain::orders::{CancellationStatus, DeliveryOutcome, OrderEvent, OrderState};
use yorozu_store::orders::{cancellations, deliveries, rows};

use super::job_kinds::{AutoApprove, CancellationTimeout, PaymentExpiry, Refund};
use super::transition;
use crate::jobs::Job;
use crate::{App, AppError, AppResult};

impl Job for AutoApprove {
    const KIND: &'static str = "orders.auto_approve";
    async fn run(self, app: &App) -> AppResult<()> {
        auto_approve(app, self).await
    }
}

impl Job for CancellationTimeout {
    const KIND: &'static str = "orders.cancellation_timeout";
    async fn run(self, app: &App) -> AppResult<()> {
        cancellation_timeout(app, self).await
    }
}

impl Job for PaymentExpiry {
    const KIND: &'static str = "orders.payment_expiry";
    async fn run(self, app: &App) -> AppResult<()> {
        payment_expiry(app, self).await
    }
}

impl Job for Refund {
    const KIND: &'static str = "orders.refund";
    async fn run(self, app: &App) -> AppResult<()> {
        refund(app, self).await
    }
}

async fn auto_approve(app: &App, job: AutoApprove) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let Some(order) = rows::lock(&mut tx, job.order_id).await? else {
        return Ok(());
    };
    let Some(pending) = deliveries::pending(&mut tx, order.id).await? else {
        return Ok(());
    };
    if pending.id != job.delivery_id
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
        DeliveryOutcome::AutoApproved,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn cancellation_timeout(app: &App, job: CancellationTimeout) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let Some(order) = rows::lock(&mut tx, job.order_id).await? else {
        return Ok(());
    };
    let Some(open) = cancellations::open(&mut tx, order.id).await? else {
        return Ok(());
    };
    // A dispute stops the answer period; withdrawing it queues a new job with a new deadline.
    if open.id != job.request_id
        || app.now() < open.deadline_at
        || order.state == OrderState::Disputed
    {
        return Ok(());
    }
    if !transition::allows(&order, OrderEvent::CancellationTimedOut, app) {
        cancellations::close(
            &mut tx,
            open.id,
            CancellationStatus::Withdrawn,
            "",
            app.now(),
        )
        .await?;
        tx.commit().await?;
        return Ok(());
    }
    super::cancel::cancel(&mut tx, app, &order, OrderEvent::CancellationTimedOut).await?;
    cancellations::close(
        &mut tx,
        open.id,
        CancellationStatus::TimedOut,
        "",
        app.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn payment_expiry(app: &App, job: PaymentExpiry) -> AppResult<()> {
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
        cancellations::close(
            &mut tx,
            open.id,
            CancellationStatus::Withdrawn,
            "",
            app.now(),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn refund(app: &App, job: Refund) -> AppResult<()> {
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
