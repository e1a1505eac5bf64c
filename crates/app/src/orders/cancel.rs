//! Cancellation (キャンセル): either side asks with a reason; the other agrees or objects
//! within the answer period (24 hours by default), and silence is agreement (a job). The
//! requester may withdraw an open request.

use yorozu_domain::OrderId;
use yorozu_domain::Timestamp;
use yorozu_domain::orders::text::REASON_MAX_CHARS;
use yorozu_domain::orders::{CancellationStatus, OrderEvent, OrderText, cancellation_deadline};
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::orders::{OrderRow, cancellations, rows};

use super::job_kinds::CancellationTimeout;
use super::transition::{self, Stamps};
use super::{effects, notify};
use crate::accounts::CurrentUser;
use crate::mail::MailCategory;
use crate::{App, AppError, AppResult, Fields};

/// A party asks to cancel the order.
pub async fn request(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    reason: &str,
) -> AppResult<i64> {
    let mut fields = Fields::default();
    let reason = fields.check("reason", OrderText::parse(reason, REASON_MAX_CHARS, true));
    let reason = fields.finish(reason)?;
    let mut tx = app.db.begin().await?;
    let (order, party) = super::lock_for(&mut tx, order_id, member.id).await?;
    if !transition::allows(&order, OrderEvent::CancellationAgreed, app) {
        return Err(AppError::Conflict("order-transition-not-allowed"));
    }
    let now = app.now();
    let deadline = cancellation_deadline(
        Timestamp::from_unix(now),
        app.policy.cancellation_answer_hours,
    )
    .unix();
    let row = cancellations::CancellationRow {
        id: app.new_id(),
        order_id,
        requested_by: member.id,
        reason: reason.as_str().to_owned(),
        status: CancellationStatus::Open,
        deadline_at: deadline,
        answer: String::new(),
        answered_at: None,
        created_at: now,
    };
    if !cancellations::insert(&mut tx, &row).await? {
        return Err(AppError::Conflict("cancellation-already-open"));
    }
    transition::note(&mut tx, app, order_id, "order-event-cancellation-requested").await?;
    let job = CancellationTimeout {
        order_id,
        request_id: row.id,
    };
    crate::jobs::enqueue(&mut tx, app, &job, None, deadline).await?;
    notify::order_mail(
        &mut tx,
        app,
        &order,
        party.counterpart(&order),
        MailCategory::Transactions,
        "order-cancellation-requested",
        &[
            ("reason", Arg::from(reason.as_str())),
            ("deadline", notify::mail_time(deadline)),
        ],
    )
    .await?;
    crate::notifications::raise(
        &mut tx,
        app,
        party.counterpart(&order),
        crate::notifications::NotificationKind::CancellationRequested,
        crate::notifications::NotificationSubject::Order(order.id),
    )
    .await?;
    tx.commit().await?;
    Ok(row.id)
}

/// How the other side answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Agree,
    Object,
}

/// The other side agrees (the order is cancelled and refunded) or objects (the order goes
/// on; the requester is told, with the answer's text).
pub async fn answer(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    answer: Answer,
    text: &str,
) -> AppResult<()> {
    let mut fields = Fields::default();
    let required = answer == Answer::Object;
    let text = fields.check("answer", OrderText::parse(text, REASON_MAX_CHARS, required));
    let text = fields.finish(text)?;
    let mut tx = app.db.begin().await?;
    let (order, _) = super::lock_for(&mut tx, order_id, member.id).await?;
    let open = cancellations::open(&mut tx, order_id)
        .await?
        .ok_or(AppError::Conflict("cancellation-not-open"))?;
    if open.requested_by == member.id {
        return Err(AppError::Conflict("cancellation-own-request"));
    }
    match answer {
        Answer::Agree => {
            cancel(&mut tx, app, &order, OrderEvent::CancellationAgreed).await?;
            if !cancellations::close(
                &mut tx,
                open.id,
                CancellationStatus::Agreed,
                text.as_str(),
                app.now(),
            )
            .await?
            {
                return Err(AppError::Conflict("order-changed"));
            }
        }
        Answer::Object => {
            if !cancellations::close(
                &mut tx,
                open.id,
                CancellationStatus::Objected,
                text.as_str(),
                app.now(),
            )
            .await?
            {
                return Err(AppError::Conflict("order-changed"));
            }
            transition::note(&mut tx, app, order_id, "order-event-cancellation-objected").await?;
            notify::order_mail(
                &mut tx,
                app,
                &order,
                open.requested_by,
                MailCategory::Transactions,
                "order-cancellation-objected",
                &[("answer", Arg::from(text.as_str()))],
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// The requester withdraws their open request.
pub async fn withdraw(app: &App, member: &CurrentUser, order_id: OrderId) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    super::lock_for(&mut tx, order_id, member.id).await?;
    let open = cancellations::open(&mut tx, order_id)
        .await?
        .filter(|r| r.requested_by == member.id)
        .ok_or(AppError::Conflict("cancellation-not-open"))?;
    cancellations::close(
        &mut tx,
        open.id,
        CancellationStatus::Withdrawn,
        "",
        app.now(),
    )
    .await?;
    transition::note(&mut tx, app, order_id, "order-event-cancellation-withdrawn").await?;
    tx.commit().await?;
    Ok(())
}

/// Cancels the order inside the caller's transaction (agreement or time-out) with all that
/// follows: refund, restored points and coupon, mail.
pub(crate) async fn cancel(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
    event: OrderEvent,
) -> AppResult<()> {
    let now = app.now();
    transition::apply(
        c,
        app,
        order,
        event,
        Stamps {
            cancelled_at: Some(now),
            ..Stamps::default()
        },
    )
    .await?;
    let order = rows::find(c, order.id).await?.ok_or(AppError::NotFound)?;
    effects::cancelled(c, app, &order).await
}
