//! Placing an order (購入): the buyer confirmed the final confirmation screen.
//!
//! By card, the charge comes first, under an idempotency key derived from the confirmation
//! screen's purchase key; the order, the use of points and coupon, the ledger entry, the mail
//! and the jobs are then booked in one transaction. A re-sent or double-clicked purchase
//! carries the same key: the provider returns the same charge and the transaction finds the
//! order already booked, so there is one order and one charge. If the booking fails after a
//! charge (the points or the coupon were spent by another purchase meanwhile), the purchase key
//! is voided and the charge refunded; a voided key never books an order.
//!
//! On the deferred path (後払い) the order waits for payment until its deadline, when a job
//! expires it and gives the points and coupon back.

use yorozu_domain::OrderId;
use yorozu_domain::UserId;
use yorozu_domain::listings::ListingStatus;
use yorozu_domain::moderation::Activity;
use yorozu_domain::orders::text::REQUEST_MAX_CHARS;
use yorozu_domain::orders::{
    MessageKind, Order, OrderState, OrderText, PaymentMethod, payment_deadline,
};
use yorozu_domain::promotions::{CouponError, PointKind, Points, PointsError};
use yorozu_domain::{Timestamp, Yen};
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::orders::rows::PurchaseKeyUse;
use yorozu_store::orders::{OrderRow, rows, talk};
use yorozu_store::promotions::{coupons, points};

use super::effects;
use super::job_kinds::PaymentExpiry;
use super::notify::{self, Recipient};
use super::pay::{self, own_card};
use super::quote::{Choice, Priced, price};
use crate::accounts::CurrentUser;
use crate::mail::MailCategory;
use crate::ports::{Charge, OutgoingMail};
use crate::{App, AppError, AppResult, Fields};

/// How the buyer pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payment {
    /// Charged now to one of the buyer's registered cards.
    Card(i64),
    /// Paid later, before the payment deadline (後払い).
    Deferred,
}

/// A confirmed purchase.
#[derive(Debug, Clone)]
pub struct Purchase {
    pub choice: Choice,
    pub payment: Payment,
    /// The buyer's request to the seller, sent as the first talk-room message.
    pub request: String,
    /// The token of the confirmation screen; the same token never makes two orders.
    pub purchase_key: String,
    /// The total the confirmation screen showed; if the price changed since, the buyer must
    /// confirm again.
    pub expected_total: Option<i64>,
}

/// The outcome: the order, its state and total, and whether this request created it (or
/// found it already made). Enough to answer the purchase without reading the order again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub order_id: OrderId,
    pub state: OrderState,
    pub buyer_total: Yen,
    pub created: bool,
}

impl Placed {
    /// The order a request found already made with its purchase key.
    fn existing(order: &OrderRow) -> Placed {
        Placed {
            order_id: order.id,
            state: order.state,
            buyer_total: order.buyer_total,
            created: false,
        }
    }
}

/// A purchase key: 16–64 characters of `[A-Za-z0-9_-]`, made by the confirmation screen.
fn check_purchase_key(key: &str) -> AppResult<()> {
    let ok = (16..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(AppError::BadRequest("order-purchase-key-invalid"))
    }
}

/// Places the order (see the module documentation).
pub async fn place(app: &App, buyer: &CurrentUser, p: &Purchase) -> AppResult<Placed> {
    check_purchase_key(&p.purchase_key)?;
    let mut fields = Fields::default();
    let request = fields.check(
        "request",
        OrderText::parse(&p.request, REQUEST_MAX_CHARS, false),
    );
    let request = fields.finish(request)?;

    let (quote, card) = {
        let mut c = app.db.read().await?;
        match rows::purchase_key_use(&mut c, buyer.id, &p.purchase_key).await? {
            Some(PurchaseKeyUse::Booked(order_id)) => {
                let order = rows::find(&mut c, order_id)
                    .await?
                    .ok_or(AppError::NotFound)?;
                return Ok(Placed::existing(&order));
            }
            Some(PurchaseKeyUse::Voided) => {
                return Err(AppError::Conflict("order-purchase-key-used"));
            }
            None => {}
        }
        crate::moderation::standing::check(&mut c, buyer.id, Activity::PlaceOrder).await?;
        let quote = price(&mut c, app, buyer, &p.choice).await?;
        let card = match p.payment {
            Payment::Card(card_id) => Some(own_card(&mut c, buyer.id, card_id).await?),
            Payment::Deferred => None,
        };
        (quote, card)
    };
    let total = quote.amounts.buyer_total().get();
    if p.expected_total.is_some_and(|expected| expected != total) {
        return Err(AppError::Conflict("order-total-changed"));
    }

    let charge = match &card {
        Some(card) if total > 0 => {
            Some(pay::charge(app, card, total, &charge_key(buyer, p)).await?)
        }
        _ => None,
    };
    let booked = book(
        app,
        buyer,
        p,
        &request,
        &quote,
        card.as_ref().map(|c| c.id),
        charge.as_ref(),
    )
    .await;
    if let (Err(_), Some(charge)) = (&booked, &charge)
        && let Some(existing) = void_unless_booked(app, buyer, p, charge).await?
    {
        return Ok(existing);
    }
    booked
}

/// After a booking failed with a charge made: if a concurrent request with the same key
/// booked the order meanwhile, that order is the answer (the charge is its charge); otherwise
/// the key is voided for good and the charge refunded. The check and the void are one
/// transaction under the member's lock, so a charge is never refunded under a booked order and
/// a voided key never books one.
async fn void_unless_booked(
    app: &App,
    buyer: &CurrentUser,
    p: &Purchase,
    charge: &Charge,
) -> AppResult<Option<Placed>> {
    let mut tx = app.db.begin().await?;
    yorozu_store::accounts::users::lock(&mut tx, buyer.id).await?;
    if let Some(existing) = rows::find_by_purchase_key(&mut tx, buyer.id, &p.purchase_key).await? {
        return Ok(Some(Placed::existing(&existing)));
    }
    let first = rows::void_purchase_key(&mut tx, buyer.id, &p.purchase_key, app.now()).await?;
    tx.commit().await?;
    if first {
        pay::void(app, charge, &format!("{}-void", charge_key(buyer, p))).await;
    }
    Ok(None)
}

/// Locks the buyer (their points, coupons and purchase keys: one purchase at a time) and holds
/// the seller's account shared, both until commit, and refuses if either account is closing:
/// a withdrawal closes the account by updating the same row, so it either waits for this
/// purchase and then sees its order, or this purchase waits and sees the closed account.
/// Rows are locked in id order, so two members buying from each other cannot deadlock.
async fn lock_parties(
    tx: &mut yorozu_store::Tx,
    buyer_id: UserId,
    seller_id: UserId,
) -> AppResult<()> {
    use yorozu_store::accounts::users;
    let (buyer_ok, seller_ok) = if buyer_id <= seller_id {
        let b = users::lock_active(tx, buyer_id).await?;
        (b, users::share_active(tx, seller_id).await?)
    } else {
        let s = users::share_active(tx, seller_id).await?;
        (users::lock_active(tx, buyer_id).await?, s)
    };
    if !buyer_ok {
        return Err(AppError::Conflict("account-closed"));
    }
    if !seller_ok {
        return Err(AppError::Conflict("order-not-purchasable"));
    }
    Ok(())
}

fn charge_key(buyer: &CurrentUser, p: &Purchase) -> String {
    format!("purchase-{}-{}", buyer.id, p.purchase_key)
}

/// The transaction of a purchase, on the quote the buyer confirmed.
///
/// Everything that can be worked out before taking the writer is: the order row, the option,
/// points and talk-room rows, and the mail (rendering a mail is the slowest part of a
/// purchase, and SQLite has one writer). Inside the transaction, what can change between the
/// quote and here without the buyer's doing is re-checked by the order's INSERT itself
/// ([`rows::PurchaseGuard`]): the listing still published as quoted, both accounts active,
/// the points balance, the purchase key (the order's unique key and the void list); the
/// coupon by its once-per-member key. If the INSERT refuses, [`refusal`] reads why.
async fn book(
    app: &App,
    buyer: &CurrentUser,
    p: &Purchase,
    request: &OrderText,
    q: &Priced,
    card_id: Option<i64>,
    charge: Option<&Charge>,
) -> AppResult<Placed> {
    let now = app.now();
    // A total of ¥0 (discounts cover everything) needs no payment on either path.
    let paid = charge.is_some() || q.amounts.buyer_total().get() == 0;
    let row = order_row(app, buyer, p, request, q, card_id, charge, paid);
    let options: Vec<rows::OrderOptionRow> = q
        .chosen()
        .map(|o| rows::OrderOptionRow {
            order_id: row.id,
            position: o.position,
            title: o.title.clone(),
            price: o.price,
        })
        .collect();
    let points_use = (q.points_used > 0).then(|| points::PointEntryRow {
        id: app.new_id(),
        user_id: buyer.id,
        kind: PointKind::Use,
        amount: Points::new(q.points_used).negated(),
        order_id: Some(row.id),
        note: String::new(),
        created_at: now,
    });
    let opening = opening_messages(app, &row, buyer, request, paid);
    let mails = opening_mails(app, &row, buyer, q, paid);
    let guard = rows::PurchaseGuard {
        listing_updated_at: q.listing.updated_at,
    };

    let mut tx = app.db.begin().await?;
    if matches!(tx.backend(), yorozu_store::Backend::Postgres) {
        // PostgreSQL runs purchases side by side: the buyer's row lock serialises their
        // points and coupons, the seller's shared lock keeps a withdrawal out until commit.
        // On SQLite the single writer does both.
        lock_parties(&mut tx, buyer.id, q.listing.seller_id).await?;
    }
    if !rows::insert(&mut tx, &row, guard).await? {
        return refusal(&mut tx, buyer, p, q).await;
    }
    rows::insert_options(&mut tx, &options).await?;
    if let Some(offered) = &q.offered {
        crate::offers::purchase::accept(&mut tx, app, &offered.offer, row.id).await?;
    }
    if let Some(entry) = &points_use {
        points::insert(&mut tx, entry).await?;
    }
    if let Some(coupon) = &q.coupon
        && !coupons::redeem(&mut tx, coupon.id, buyer.id, row.id, now).await?
    {
        return Err(AppError::refused("coupon", &CouponError::AlreadyUsed));
    }
    talk::insert_messages(&mut tx, &opening).await?;
    if paid {
        effects::paid(&mut tx, app, &row).await?;
    } else {
        let due = row.payment_due_at.unwrap_or(now);
        let job = PaymentExpiry { order_id: row.id };
        crate::jobs::enqueue(&mut tx, app, &job, None, due).await?;
    }
    crate::mail::outbox::enqueue_many(&mut tx, app, mails).await?;
    if paid {
        crate::notifications::raise(
            &mut tx,
            app,
            row.seller_id,
            crate::notifications::NotificationKind::OrderPlaced,
            crate::notifications::NotificationSubject::Order(row.id),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Placed {
        order_id: row.id,
        state: row.state,
        buyer_total: row.buyer_total,
        created: true,
    })
}

/// Why the order's INSERT wrote nothing (read inside the same transaction): the purchase was
/// booked already (a re-sent or concurrent request; on PostgreSQL the insert waited for it),
/// its key was voided, an account closed, the listing was paused or changed since the quote,
/// or the points were spent meanwhile.
async fn refusal(
    tx: &mut yorozu_store::Tx,
    buyer: &CurrentUser,
    p: &Purchase,
    q: &Priced,
) -> AppResult<Placed> {
    use yorozu_store::accounts::users;
    if let Some(existing) = rows::find_by_purchase_key(tx, buyer.id, &p.purchase_key).await? {
        return Ok(Placed::existing(&existing));
    }
    if rows::purchase_key_use(tx, buyer.id, &p.purchase_key)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict("order-purchase-key-used"));
    }
    if !users::share_active(tx, buyer.id).await? {
        return Err(AppError::Conflict("account-closed"));
    }
    if !users::share_active(tx, q.listing.seller_id).await? {
        return Err(AppError::Conflict("order-not-purchasable"));
    }
    match yorozu_store::listings::rows::find(tx, q.listing.id).await? {
        Some(now) if now.status != ListingStatus::Published => {
            return Err(AppError::Conflict("order-not-purchasable"));
        }
        Some(now) if now.updated_at != q.listing.updated_at => {
            return Err(AppError::Conflict("order-total-changed"));
        }
        None => return Err(AppError::Conflict("order-not-purchasable")),
        Some(_) => {}
    }
    if q.points_used > 0 {
        let balance = points::balance(tx, buyer.id).await?.get();
        if balance < q.points_used {
            let balance = balance.max(0);
            return Err(AppError::refused(
                "points",
                &PointsError::ExceedsBalance { balance },
            ));
        }
    }
    Err(AppError::Conflict("order-purchase-key-used"))
}

/// The order as booked, from the quote.
#[allow(clippy::too_many_arguments)]
fn order_row(
    app: &App,
    buyer: &CurrentUser,
    p: &Purchase,
    request: &OrderText,
    q: &Priced,
    card_id: Option<i64>,
    charge: Option<&Charge>,
    paid: bool,
) -> OrderRow {
    let now = app.now();
    let order = Order::placed(paid);
    OrderRow {
        id: app.new_id(),
        buyer_id: buyer.id,
        seller_id: q.listing.seller_id,
        listing_id: q.listing.id,
        listing_title: q.listing.title.clone(),
        delivery_days: q.listing.delivery_days,
        state: order.state(),
        send_backs_used: 0,
        has_been_delivered: false,
        subtotal: q.amounts.subtotal(),
        buyer_fee: q.amounts.buyer_fee(),
        discount: q.amounts.discount(),
        points_used: q.points_used,
        coupon_id: q.coupon.as_ref().map(|c| c.id),
        coupon_discount: Yen::new(q.coupon_discount),
        buyer_total: q.amounts.buyer_total(),
        platform_fee: q.amounts.platform_fee(),
        seller_share: q.amounts.seller_share(),
        payment_method: if card_id.is_some() {
            PaymentMethod::Card
        } else {
            PaymentMethod::Deferred
        },
        card_id,
        charge_id: charge.map(|c| c.id.clone()),
        purchase_key: p.purchase_key.clone(),
        request_text: request.as_str().to_owned(),
        payment_due_at: (!paid)
            .then(|| payment_deadline(Timestamp::from_unix(now), app.policy.payment_hours).unix()),
        paid_at: paid.then_some(now),
        delivered_at: None,
        completed_at: None,
        cancelled_at: None,
        created_at: now,
        updated_at: now,
    }
}

/// The talk room opens with the payment note and the buyer's request.
fn opening_messages(
    app: &App,
    row: &OrderRow,
    buyer: &CurrentUser,
    request: &OrderText,
    paid: bool,
) -> Vec<talk::MessageRow> {
    let mut opening = Vec::with_capacity(2);
    if paid {
        opening.push(talk::MessageRow {
            id: app.new_id(),
            order_id: row.id,
            author_id: None,
            kind: MessageKind::Event,
            body: "order-event-payment_succeeded".into(),
            created_at: row.created_at,
        });
    }
    if !request.as_str().is_empty() {
        opening.push(talk::MessageRow {
            id: app.new_id(),
            order_id: row.id,
            author_id: Some(buyer.id),
            kind: MessageKind::Message,
            body: request.as_str().to_owned(),
            created_at: row.created_at,
        });
    }
    opening
}

/// The mail of a new order, rendered before the transaction: paid, a receipt to the buyer
/// and the news to the seller; awaiting payment, the deadline to the buyer.
fn opening_mails(
    app: &App,
    row: &OrderRow,
    buyer: &CurrentUser,
    q: &Priced,
    paid: bool,
) -> Vec<(MailCategory, OutgoingMail)> {
    let to_buyer = Recipient::of(buyer);
    if paid {
        return pay::placed_mails(app, row, &to_buyer, q.seller_recipient.as_ref());
    }
    let due = row.payment_due_at.unwrap_or(row.created_at);
    vec![(
        MailCategory::Transactions,
        notify::compose_order_mail(
            app,
            row,
            &to_buyer,
            "order-awaiting-payment",
            &[
                ("total", Arg::Number(row.buyer_total.get())),
                ("due", notify::mail_time(due)),
            ],
        ),
    )]
}
