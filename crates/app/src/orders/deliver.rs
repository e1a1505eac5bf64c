//! Formal delivery (正式な納品) and the buyer's answer: approval, or sending it back once.
//! Without an answer the delivery is approved automatically (see [`super::jobs`]).

use yorozu_domain::OrderId;
use yorozu_domain::Timestamp;
use yorozu_domain::orders::text::{MESSAGE_MAX_CHARS, REASON_MAX_CHARS};
use yorozu_domain::orders::{
    DeliveryOutcome, MessageKind, OrderEvent, OrderText, auto_approval_at,
};
use yorozu_store::Exec;
use yorozu_store::orders::{OrderRow, deliveries, rows};

use super::job_kinds::AutoApprove;
use super::talk::{self, Upload};
use super::transition::{self, Stamps};
use super::{Party, effects, notify};
use crate::accounts::CurrentUser;
use crate::mail::MailCategory;
use crate::{App, AppError, AppResult, Fields};

/// The seller delivers with a note and files. Refused unless the order is in progress
/// (delivering twice, or before payment, is a conflict).
pub async fn deliver(
    app: &App,
    seller: &CurrentUser,
    order_id: OrderId,
    note: &str,
    files: Vec<Upload>,
) -> AppResult<()> {
    let mut fields = Fields::default();
    let note = fields.check("body", OrderText::parse(note, MESSAGE_MAX_CHARS, true));
    let note = fields.finish(note)?;
    talk::check_uploads(app, &files)?;
    let stored = talk::store_files(app, order_id, &files).await?;
    let result = async {
        let mut tx = app.db.begin().await?;
        let (order, party) = super::lock_for(&mut tx, order_id, seller.id).await?;
        if party != Party::Seller {
            return Err(AppError::Forbidden);
        }
        let now = app.now();
        transition::apply(
            &mut tx,
            app,
            &order,
            OrderEvent::FormalDelivery,
            Stamps {
                delivered_at: Some(now),
                ..Stamps::default()
            },
        )
        .await?;
        let message_id = talk::insert(
            &mut tx,
            app,
            &order,
            seller.id,
            MessageKind::Delivery,
            note.as_str(),
            &stored,
        )
        .await?;
        let auto =
            auto_approval_at(Timestamp::from_unix(now), app.policy.auto_approval_days).unix();
        let delivery = deliveries::DeliveryRow {
            id: app.new_id(),
            order_id,
            message_id,
            outcome: DeliveryOutcome::Pending,
            send_back_reason: String::new(),
            delivered_at: now,
            auto_approve_at: auto,
            decided_at: None,
        };
        if !deliveries::insert(&mut tx, &delivery).await? {
            return Err(AppError::Conflict("order-transition-not-allowed"));
        }
        let job = AutoApprove {
            order_id,
            delivery_id: delivery.id,
        };
        crate::jobs::enqueue(&mut tx, app, &job, None, auto).await?;
        notify::order_mail(
            &mut tx,
            app,
            &order,
            order.buyer_id,
            MailCategory::Transactions,
            "order-delivered",
            &[("auto", notify::mail_time(auto))],
        )
        .await?;
        crate::notifications::raise(
            &mut tx,
            app,
            order.buyer_id,
            crate::notifications::NotificationKind::OrderDelivered,
            crate::notifications::NotificationSubject::Order(order.id),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
    .await;
    if result.is_err() {
        talk::discard_files(app, &stored).await;
    }
    result
}

/// The buyer approves the delivery: the order completes.
pub async fn approve(app: &App, buyer: &CurrentUser, order_id: OrderId) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let (order, party) = super::lock_for(&mut tx, order_id, buyer.id).await?;
    if party != Party::Buyer {
        return Err(AppError::Forbidden);
    }
    complete(
        &mut tx,
        app,
        &order,
        OrderEvent::Approve,
        DeliveryOutcome::Approved,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Completes a delivered order (approval or auto-approval) inside the caller's transaction.
pub(crate) async fn complete(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
    event: OrderEvent,
    outcome: DeliveryOutcome,
) -> AppResult<()> {
    let now = app.now();
    transition::apply(
        c,
        app,
        order,
        event,
        Stamps {
            completed_at: Some(now),
            ..Stamps::default()
        },
    )
    .await?;
    if let Some(pending) = deliveries::pending(c, order.id).await? {
        deliveries::decide(c, pending.id, outcome, "", now).await?;
    }
    let order = rows::find(c, order.id).await?.ok_or(AppError::NotFound)?;
    effects::completed(c, app, &order).await?;
    // The completion mail goes to both; on the site, who did not act is told.
    let (kind, told) = if event == OrderEvent::AutoApprove {
        (
            crate::notifications::NotificationKind::OrderAutoApproved,
            vec![order.seller_id, order.buyer_id],
        )
    } else {
        (
            crate::notifications::NotificationKind::OrderApproved,
            vec![order.seller_id],
        )
    };
    for user_id in told {
        crate::notifications::raise(
            c,
            app,
            user_id,
            kind,
            crate::notifications::NotificationSubject::Order(order.id),
        )
        .await?;
    }
    Ok(())
}

/// The buyer sends the delivery back with a reason; the seller works on and delivers again.
pub async fn send_back(
    app: &App,
    buyer: &CurrentUser,
    order_id: OrderId,
    reason: &str,
) -> AppResult<()> {
    let mut fields = Fields::default();
    let reason = fields.check("reason", OrderText::parse(reason, REASON_MAX_CHARS, true));
    let reason = fields.finish(reason)?;
    let mut tx = app.db.begin().await?;
    let (order, party) = super::lock_for(&mut tx, order_id, buyer.id).await?;
    if party != Party::Buyer {
        return Err(AppError::Forbidden);
    }
    transition::apply(
        &mut tx,
        app,
        &order,
        OrderEvent::SendBack,
        Stamps::default(),
    )
    .await?;
    let now = app.now();
    if let Some(pending) = deliveries::pending(&mut tx, order_id).await? {
        deliveries::decide(
            &mut tx,
            pending.id,
            DeliveryOutcome::SentBack,
            reason.as_str(),
            now,
        )
        .await?;
    }
    talk::insert(
        &mut tx,
        app,
        &order,
        buyer.id,
        MessageKind::Message,
        reason.as_str(),
        &[],
    )
    .await?;
    notify::order_mail(
        &mut tx,
        app,
        &order,
        order.seller_id,
        MailCategory::Transactions,
        "order-sent-back",
        &[("reason", reason.as_str().into())],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
