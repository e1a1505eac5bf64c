//! What follows from an order completing, being cancelled or expiring: money in the ledger,
//! points and coupons restored, the service's figures, jobs and mail. Each function runs
//! inside the caller's transaction, right after the state change.

use yorozu_domain::ListingId;
use yorozu_domain::Yen;
use yorozu_domain::orders::{CancellationStatus, DeliveryOutcome, OrderQuote, Transaction};
use yorozu_domain::promotions::PointKind;
use yorozu_i18n::Arg;
use yorozu_store::orders::{OrderRow, cancellations, deliveries};
use yorozu_store::promotions::{coupons, points};
use yorozu_store::{Exec, listings::rows as listing_rows};

use super::job_kinds::Refund;
use super::notify;
use crate::listings::rank::rank_score;
use crate::{App, AppError, AppResult, ledger};

/// Ledger event kinds of orders (`ledger_transactions.kind`; the reference is the order id).
pub const LEDGER_PAYMENT: &str = "order_payment";
pub const LEDGER_COMPLETION: &str = "order_completion";
pub const LEDGER_REFUND: &str = "order_refund";

/// The amounts recorded on the order.
pub(crate) fn quote_of(order: &OrderRow) -> AppResult<OrderQuote> {
    OrderQuote::from_recorded(
        order.subtotal,
        order.buyer_fee,
        order.discount,
        order.platform_fee,
    )
    .map_err(|e| AppError::Internal(format!("order {} amounts: {e}", order.id)))
}

/// The buyer's payment reached escrow (at purchase by card, or when a deferred payment
/// arrives).
pub(crate) async fn paid(c: &mut impl Exec, app: &App, order: &OrderRow) -> AppResult<()> {
    let quote = quote_of(order)?;
    ledger::post(
        c,
        app,
        LEDGER_PAYMENT,
        &order.id.to_string(),
        &Transaction::payment_into_escrow(&quote),
    )
    .await?;
    Ok(())
}

/// The order completed (approved or auto-approved): escrow goes to the seller's balance and
/// platform revenue; the service counts a sale; an open cancellation request lapses; both
/// parties are invited to review.
pub(crate) async fn completed(c: &mut impl Exec, app: &App, order: &OrderRow) -> AppResult<()> {
    let quote = quote_of(order)?;
    ledger::post(
        c,
        app,
        LEDGER_COMPLETION,
        &order.id.to_string(),
        &Transaction::completion(&quote, order.seller_id),
    )
    .await?;
    if let Some(open) = cancellations::open(c, order.id).await? {
        cancellations::close(c, open.id, CancellationStatus::Withdrawn, "", app.now()).await?;
    }
    let additions_share = super::changes::additions::completed(c, app, order).await?;
    let share = Yen::new(order.seller_share.get() + additions_share.get());
    // The share (paid additions included) becomes a sale on the seller's sales page,
    // payable until it expires.
    yorozu_store::payouts::sales::insert(c, order.id, order.seller_id, share, app.now()).await?;
    listing_rows::record_sale(c, order.listing_id).await?;
    refresh_rank(c, order.listing_id).await?;
    // An invited buyer's first completed purchase rewards both sides (友達招待特典).
    crate::promotions::invitations::order_completed(c, app, order).await?;
    notify::both(
        c,
        app,
        order,
        "order-completed",
        &[("share", Arg::Number(share.get()))],
    )
    .await
}

/// The order was cancelled: a paid order's money goes back (ledger now, the gateway refund as
/// a job), points and coupon are restored, a waiting delivery is void, both are told.
pub(crate) async fn cancelled(c: &mut impl Exec, app: &App, order: &OrderRow) -> AppResult<()> {
    let now = app.now();
    if order.paid_at.is_some() {
        let quote = quote_of(order)?;
        ledger::post(
            c,
            app,
            LEDGER_REFUND,
            &order.id.to_string(),
            &Transaction::refund(&quote),
        )
        .await?;
        if order.charge_id.is_some() && order.buyer_total > Yen::ZERO {
            let job = Refund { order_id: order.id };
            crate::jobs::enqueue(c, app, &job, None, now).await?;
        }
    }
    let additions_refunded = super::changes::additions::cancelled(c, app, order).await?;
    restore_discounts(c, app, order).await?;
    if let Some(pending) = deliveries::pending(c, order.id).await? {
        deliveries::decide(c, pending.id, DeliveryOutcome::Cancelled, "", now).await?;
    }
    let refunded = if order.paid_at.is_some() {
        Yen::new(order.buyer_total.get() + additions_refunded.get())
    } else {
        Yen::ZERO
    };
    notify::both(
        c,
        app,
        order,
        "order-cancelled",
        &[("refund", Arg::Number(refunded.get()))],
    )
    .await?;
    for user_id in [order.buyer_id, order.seller_id] {
        crate::notifications::raise(
            c,
            app,
            user_id,
            crate::notifications::NotificationKind::OrderCancelled,
            crate::notifications::NotificationSubject::Order(order.id),
        )
        .await?;
    }
    Ok(())
}

/// An unpaid order ended without payment — it expired (`order-payment-expired`) or its seller
/// withdrew (`order-seller-withdrew`): points and coupon return to the buyer, who is told.
pub(crate) async fn unpaid_ended(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
    mail: &str,
) -> AppResult<()> {
    restore_discounts(c, app, order).await?;
    notify::order_mail(
        c,
        app,
        order,
        order.buyer_id,
        crate::mail::MailCategory::Transactions,
        mail,
        &[],
    )
    .await?;
    crate::notifications::raise(
        c,
        app,
        order.buyer_id,
        crate::notifications::NotificationKind::OrderCancelled,
        crate::notifications::NotificationSubject::Order(order.id),
    )
    .await?;
    Ok(())
}

/// Gives back the points and the coupon used on the order (each at most once).
async fn restore_discounts(c: &mut impl Exec, app: &App, order: &OrderRow) -> AppResult<()> {
    if let Some(used) = points::for_order(c, order.id, PointKind::Use).await? {
        points::insert(
            c,
            &points::PointEntryRow {
                id: app.new_id(),
                user_id: order.buyer_id,
                kind: PointKind::Restore,
                amount: used.amount.negated(),
                order_id: Some(order.id),
                note: String::new(),
                created_at: app.now(),
            },
        )
        .await?;
    }
    coupons::release(c, order.id).await?;
    Ok(())
}

/// Recomputes a service's "recommended" score after its sales or rating changed.
pub async fn refresh_rank(c: &mut impl Exec, listing_id: ListingId) -> AppResult<()> {
    if let Some(l) = listing_rows::find(c, listing_id).await? {
        let score = rank_score(
            l.sales_count,
            l.rating_x100,
            l.rating_count,
            l.favorites_count,
            l.seller_verified,
        );
        listing_rows::set_rank_score(c, listing_id, score).await?;
    }
    Ok(())
}
