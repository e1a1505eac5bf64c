//! Charging the buyer's card for an order, at purchase or later on the deferred path, and
//! paying a deferred order.

use yorozu_domain::OrderId;
use yorozu_domain::UserId;
use yorozu_domain::orders::{OrderEvent, OrderState};
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::cards::{self, CardRow};
use yorozu_store::orders::rows;

use super::effects;
use super::notify::{self, Recipient};
use super::transition::{self, Stamps};
use crate::accounts::CurrentUser;
use crate::mail::MailCategory;
use crate::ports::{Charge, OutgoingMail, PaymentError};
use crate::{App, AppError, AppResult};

/// The member's active card `card_id`, or a field error on `card`.
pub(crate) async fn own_card(
    c: &mut impl Exec,
    user_id: UserId,
    card_id: i64,
) -> AppResult<CardRow> {
    match cards::find(c, card_id).await? {
        Some(card) if card.user_id == user_id && card.deleted_at.is_none() => Ok(card),
        _ => Err(AppError::invalid("card", "order-card-unknown")),
    }
}

/// Charges `amount` yen to `card` under `key`, retrying a temporary failure once with the same
/// key (the provider's idempotency makes the retry safe).
pub(crate) async fn charge(app: &App, card: &CardRow, amount: i64, key: &str) -> AppResult<Charge> {
    let mut attempt = app.payments.charge(&card.provider_token, amount, key).await;
    if matches!(&attempt, Err(e) if e.is_retryable()) {
        attempt = app.payments.charge(&card.provider_token, amount, key).await;
    }
    attempt.map_err(charge_error)
}

/// A failed charge as the buyer sees it: on the `card` field, nothing booked.
fn charge_error(e: PaymentError) -> AppError {
    match e {
        PaymentError::Declined { code } if code == "insufficient_funds" => {
            AppError::invalid("card", "card-insufficient-funds")
        }
        PaymentError::Declined { .. } => AppError::invalid("card", "card-declined"),
        PaymentError::CardExpired => AppError::invalid("card", "card-expired"),
        PaymentError::UnknownToken | PaymentError::InvalidCard => {
            AppError::invalid("card", "order-card-unknown")
        }
        PaymentError::Transient(_) => AppError::Conflict("payment-temporarily-unavailable"),
        PaymentError::IdempotencyMismatch => AppError::Conflict("order-changed"),
        other => AppError::Internal(format!("payment gateway: {other}")),
    }
}

/// Gives a charge back after the order it was for could not be booked.
pub(crate) async fn void(app: &App, charge: &Charge, key: &str) {
    if let Err(e) = app
        .payments
        .refund(&charge.id, charge.amount_yen, key)
        .await
    {
        tracing::error!(charge = %charge.id, error = %e, "could not refund a charge whose order was not booked");
    }
}

/// Pays an order that awaits payment (the deferred path) with one of the buyer's cards.
pub async fn pay_deferred(
    app: &App,
    buyer: &CurrentUser,
    order_id: OrderId,
    card_id: i64,
) -> AppResult<()> {
    let (order, card, seller) = {
        let mut c = app.db.read().await?;
        let (order, party) = super::load_for(&mut c, order_id, buyer.id).await?;
        if party != super::Party::Buyer {
            return Err(AppError::NotFound);
        }
        if order.state != OrderState::AwaitingPayment {
            return Err(AppError::Conflict("order-transition-not-allowed"));
        }
        if order.payment_due_at.is_some_and(|due| app.now() >= due) {
            return Err(AppError::Conflict("order-payment-overdue"));
        }
        let card = own_card(&mut c, buyer.id, card_id).await?;
        let seller = Recipient::load(&mut c, order.seller_id).await?;
        (order, card, seller)
    };
    let key = format!("order-pay-{}", order.id);
    let charge = charge(app, &card, order.buyer_total.get(), &key).await?;
    let booked = async {
        let mut tx = app.db.begin().await?;
        // The seller's row first (as a withdrawal closes it): a seller who withdraws in the
        // meantime is seen here, or sees this order paid when re-checking blockers.
        if !yorozu_store::accounts::users::share_active(&mut tx, order.seller_id).await? {
            return Err(AppError::Conflict("order-not-purchasable"));
        }
        let (order, _) = super::lock_for(&mut tx, order_id, buyer.id).await?;
        let now = app.now();
        transition::apply(
            &mut tx,
            app,
            &order,
            OrderEvent::PaymentSucceeded,
            Stamps {
                paid_at: Some(now),
                card_id: Some(card.id),
                charge_id: Some(&charge.id),
                ..Stamps::default()
            },
        )
        .await?;
        let order = rows::find(&mut tx, order_id)
            .await?
            .ok_or(AppError::NotFound)?;
        effects::paid(&mut tx, app, &order).await?;
        placed_mail(&mut tx, app, &order, &Recipient::of(buyer), seller.as_ref()).await?;
        tx.commit().await?;
        AppResult::Ok(())
    }
    .await;
    if booked.is_err() {
        void(app, &charge, &format!("order-pay-void-{}", order.id)).await;
    }
    booked
}

/// Mail when an order is paid: a receipt of the order to the buyer, the news to the seller
/// (one statement for both).
pub(crate) async fn placed_mail(
    c: &mut impl Exec,
    app: &App,
    order: &yorozu_store::orders::OrderRow,
    buyer: &Recipient,
    seller: Option<&Recipient>,
) -> AppResult<()> {
    let mails = placed_mails(app, order, buyer, seller);
    crate::mail::outbox::enqueue_many(c, app, mails).await?;
    crate::notifications::raise(
        c,
        app,
        order.seller_id,
        crate::notifications::NotificationKind::OrderPlaced,
        crate::notifications::NotificationSubject::Order(order.id),
    )
    .await?;
    Ok(())
}

/// The mails of [`placed_mail`], rendered (a purchase renders them before taking the writer).
pub(crate) fn placed_mails(
    app: &App,
    order: &yorozu_store::orders::OrderRow,
    buyer: &Recipient,
    seller: Option<&Recipient>,
) -> Vec<(MailCategory, OutgoingMail)> {
    let mut mails = vec![(
        MailCategory::Transactions,
        notify::compose_order_mail(
            app,
            order,
            buyer,
            "order-placed",
            &[("total", Arg::Number(order.buyer_total.get()))],
        ),
    )];
    if let Some(seller) = seller {
        mails.push((
            MailCategory::Transactions,
            notify::compose_order_mail(
                app,
                order,
                seller,
                "order-received",
                &[
                    ("share", Arg::Number(order.seller_share.get())),
                    ("days", Arg::Number(order.delivery_days)),
                ],
            ),
        ));
    }
    mails
}
