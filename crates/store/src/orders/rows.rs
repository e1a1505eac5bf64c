//! The `orders` table and the options chosen with each order.

use yorozu_domain::ListingId;
use yorozu_domain::OrderId;
use yorozu_domain::UserId;
use yorozu_domain::Yen;
use yorozu_domain::orders::{OrderState, PaymentMethod};

use crate::{Exec, Result, execute, query_as};

/// One order as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OrderRow {
    #[sqlx(try_from = "i64")]
    pub id: OrderId,
    #[sqlx(try_from = "i64")]
    pub buyer_id: UserId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    #[sqlx(try_from = "i64")]
    pub listing_id: ListingId,
    pub listing_title: String,
    pub delivery_days: i64,
    #[sqlx(try_from = "String")]
    pub state: OrderState,
    pub send_backs_used: i64,
    pub has_been_delivered: bool,
    #[sqlx(try_from = "i64")]
    pub subtotal: Yen,
    #[sqlx(try_from = "i64")]
    pub buyer_fee: Yen,
    #[sqlx(try_from = "i64")]
    pub discount: Yen,
    pub points_used: i64,
    pub coupon_id: Option<i64>,
    #[sqlx(try_from = "i64")]
    pub coupon_discount: Yen,
    #[sqlx(try_from = "i64")]
    pub buyer_total: Yen,
    #[sqlx(try_from = "i64")]
    pub platform_fee: Yen,
    #[sqlx(try_from = "i64")]
    pub seller_share: Yen,
    #[sqlx(try_from = "String")]
    pub payment_method: PaymentMethod,
    pub card_id: Option<i64>,
    pub charge_id: Option<String>,
    pub purchase_key: String,
    pub request_text: String,
    pub payment_due_at: Option<i64>,
    pub paid_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub completed_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, buyer_id, seller_id, listing_id, listing_title, delivery_days, state, \
    send_backs_used, has_been_delivered, subtotal, buyer_fee, discount, points_used, coupon_id, \
    coupon_discount, buyer_total, platform_fee, seller_share, payment_method, card_id, charge_id, \
    purchase_key, request_text, payment_due_at, paid_at, delivered_at, completed_at, cancelled_at, \
    created_at, updated_at";

macro_rules! select_orders {
    ($rest:literal) => {
        concat!(
            "SELECT id, buyer_id, seller_id, listing_id, listing_title, delivery_days, state, \
             send_backs_used, has_been_delivered, subtotal, buyer_fee, discount, points_used, coupon_id, \
             coupon_discount, buyer_total, platform_fee, seller_share, payment_method, card_id, charge_id, \
             purchase_key, request_text, payment_due_at, paid_at, delivered_at, completed_at, cancelled_at, \
             created_at, updated_at FROM orders ",
            $rest
        )
    };
}

/// What must still hold when a purchase is written: checked by the INSERT itself, so that
/// the writer is held for one statement instead of a read for each check (on SQLite the
/// single writer makes the statement atomic with the rest of the transaction; on PostgreSQL
/// the caller also holds the buyer's row lock, which serialises the buyer's purchases).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurchaseGuard {
    /// The listing's `updated_at` when it was quoted: a pause or an edit since then
    /// (price, options) refuses the purchase.
    pub listing_updated_at: i64,
}

/// Inserts an order unless this buyer already has one with the same purchase key (a re-sent
/// purchase), the key was voided (see [`void_purchase_key`]), the listing is no longer
/// published as quoted, either party's account is no longer active, or the buyer's points
/// no longer cover `points_used`; returns whether it did. The checks are part of the
/// statement, so that they cost no extra round trip; when it returns false the caller reads
/// why (a rare path).
pub async fn insert(c: &mut impl Exec, o: &OrderRow, guard: PurchaseGuard) -> Result<bool> {
    debug_assert_eq!(COLUMNS.split(',').count(), 30);
    // SQLite needs the WHERE of INSERT … SELECT to tell ON CONFLICT from a join clause.
    let n = execute!(
        c,
        "INSERT INTO orders (id, buyer_id, seller_id, listing_id, listing_title, delivery_days, state,
             send_backs_used, has_been_delivered, subtotal, buyer_fee, discount, points_used, coupon_id,
             coupon_discount, buyer_total, platform_fee, seller_share, payment_method, card_id, charge_id,
             purchase_key, request_text, payment_due_at, paid_at, delivered_at, completed_at, cancelled_at,
             created_at, updated_at)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
                $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30
         WHERE NOT EXISTS (SELECT 1 FROM purchase_voids v WHERE v.buyer_id = $2 AND v.purchase_key = $22)
           AND EXISTS (SELECT 1 FROM listings l
                       WHERE l.id = $4 AND l.status = 'published' AND l.updated_at = $31)
           AND (SELECT COUNT(*) FROM users u WHERE u.id IN ($2, $3) AND u.status = 'active') = 2
           AND ($13 = 0 OR (SELECT COALESCE(SUM(p.amount), 0) FROM point_entries p
                            WHERE p.user_id = $2) >= $13)
         ON CONFLICT DO NOTHING",
        o.id.get(),
        o.buyer_id.get(),
        o.seller_id.get(),
        o.listing_id.get(),
        &o.listing_title,
        o.delivery_days,
        o.state.as_str(),
        o.send_backs_used,
        o.has_been_delivered,
        o.subtotal.get(),
        o.buyer_fee.get(),
        o.discount.get(),
        o.points_used,
        o.coupon_id,
        o.coupon_discount.get(),
        o.buyer_total.get(),
        o.platform_fee.get(),
        o.seller_share.get(),
        o.payment_method.as_str(),
        o.card_id,
        &o.charge_id,
        &o.purchase_key,
        &o.request_text,
        o.payment_due_at,
        o.paid_at,
        o.delivered_at,
        o.completed_at,
        o.cancelled_at,
        o.created_at,
        o.updated_at,
        guard.listing_updated_at
    )?;
    Ok(n == 1)
}

pub async fn find(c: &mut impl Exec, id: OrderId) -> Result<Option<OrderRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        OrderRow,
        select_orders!("WHERE id = $1"),
        id.get()
    )?)
}

/// The order a buyer made with a purchase key, if any.
pub async fn find_by_purchase_key(
    c: &mut impl Exec,
    buyer_id: UserId,
    purchase_key: &str,
) -> Result<Option<OrderRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        OrderRow,
        select_orders!("WHERE buyer_id = $1 AND purchase_key = $2"),
        buyer_id.get(),
        purchase_key
    )?)
}

/// Which side of the orders to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Buyer,
    Seller,
}

/// A member's purchases or sales, newest first.
pub async fn list_for(
    c: &mut impl Exec,
    side: Side,
    user_id: UserId,
    limit: i64,
    offset: i64,
) -> Result<Vec<OrderRow>> {
    Ok(match side {
        Side::Buyer => query_as!(
            c,
            fetch_all,
            OrderRow,
            select_orders!(
                "WHERE buyer_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
            ),
            user_id.get(),
            limit,
            offset
        )?,
        Side::Seller => query_as!(
            c,
            fetch_all,
            OrderRow,
            select_orders!(
                "WHERE seller_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
            ),
            user_id.get(),
            limit,
            offset
        )?,
    })
}

/// How many orders a member has on one side.
pub async fn count_for(c: &mut impl Exec, side: Side, user_id: UserId) -> Result<i64> {
    Ok(match side {
        Side::Buyer => crate::query_scalar!(
            c,
            fetch_one,
            i64,
            "SELECT COUNT(*) FROM orders WHERE buyer_id = $1",
            user_id.get()
        )?,
        Side::Seller => crate::query_scalar!(
            c,
            fetch_one,
            i64,
            "SELECT COUNT(*) FROM orders WHERE seller_id = $1",
            user_id.get()
        )?,
    })
}

/// A change of an order's state columns, applied only if the order is still as it was read.
#[derive(Debug, Clone)]
pub struct Transition<'a> {
    pub id: OrderId,
    /// The state and send-back count the change was computed from.
    pub from_state: OrderState,
    pub from_send_backs: i64,
    pub to_state: OrderState,
    pub to_send_backs: i64,
    pub has_been_delivered: bool,
    /// Timestamps and payment data to set (left unchanged when `None`).
    pub paid_at: Option<i64>,
    pub card_id: Option<i64>,
    pub charge_id: Option<&'a str>,
    pub delivered_at: Option<i64>,
    pub completed_at: Option<i64>,
    pub cancelled_at: Option<i64>,
    pub now: i64,
}

/// Applies `t` if the order is still in `from_state` with `from_send_backs`. Returns whether
/// it did: `false` means another action changed the order first (the caller reports a
/// conflict and rolls back).
pub async fn transition(c: &mut impl Exec, t: &Transition<'_>) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE orders SET state = $4, send_backs_used = $5, has_been_delivered = $6,
             paid_at = COALESCE($7, paid_at), card_id = COALESCE($8, card_id),
             charge_id = COALESCE($9, charge_id), delivered_at = COALESCE($10, delivered_at),
             completed_at = COALESCE($11, completed_at), cancelled_at = COALESCE($12, cancelled_at),
             updated_at = $13
         WHERE id = $1 AND state = $2 AND send_backs_used = $3",
        t.id.get(),
        t.from_state.as_str(),
        t.from_send_backs,
        t.to_state.as_str(),
        t.to_send_backs,
        t.has_been_delivered,
        t.paid_at,
        t.card_id,
        t.charge_id,
        t.delivered_at,
        t.completed_at,
        t.cancelled_at,
        t.now
    )?;
    Ok(n == 1)
}

/// Locks the order row for the rest of the transaction on PostgreSQL (`FOR UPDATE`); on
/// SQLite the single writer already serialises write transactions. Use before reading
/// related rows that a decision depends on.
pub async fn lock(c: &mut impl Exec, id: OrderId) -> Result<Option<OrderRow>> {
    if matches!(c.backend(), crate::Backend::Postgres) {
        Ok(query_as!(
            c,
            fetch_optional,
            OrderRow,
            select_orders!("WHERE id = $1 FOR UPDATE"),
            id.get()
        )?)
    } else {
        find(c, id).await
    }
}

/// An option as chosen with an order.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OrderOptionRow {
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    pub position: i64,
    pub title: String,
    #[sqlx(try_from = "i64")]
    pub price: Yen,
}

pub async fn insert_options(c: &mut impl Exec, rows: &[OrderOptionRow]) -> Result<()> {
    for o in rows {
        execute!(
            c,
            "INSERT INTO order_options (order_id, position, title, price) VALUES ($1, $2, $3, $4)",
            o.order_id.get(),
            o.position,
            &o.title,
            o.price.get()
        )?;
    }
    Ok(())
}

pub async fn options(c: &mut impl Exec, order_id: OrderId) -> Result<Vec<OrderOptionRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        OrderOptionRow,
        "SELECT order_id, position, title, price FROM order_options WHERE order_id = $1 ORDER BY position",
        order_id.get()
    )?)
}

/// Marks a purchase key as voided (its charge refunded); `false` if it already was.
pub async fn void_purchase_key(
    c: &mut impl Exec,
    buyer_id: UserId,
    purchase_key: &str,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO purchase_voids (buyer_id, purchase_key, created_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
        buyer_id.get(),
        purchase_key,
        now
    )?;
    Ok(n == 1)
}

/// What a purchase key was used for so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PurchaseKeyUse {
    /// It booked this order.
    Booked(OrderId),
    /// Its charge was refunded; it may not be used again.
    Voided,
}

/// How a buyer's purchase key was used, in one query (`None`: not yet).
pub async fn purchase_key_use(
    c: &mut impl Exec,
    buyer_id: UserId,
    purchase_key: &str,
) -> Result<Option<PurchaseKeyUse>> {
    // Order ids are never 0, so 0 marks a void.
    let ids: Vec<i64> = crate::query_scalar!(
        c,
        fetch_all,
        i64,
        "SELECT id FROM orders WHERE buyer_id = $1 AND purchase_key = $2
         UNION ALL
         SELECT 0 FROM purchase_voids WHERE buyer_id = $1 AND purchase_key = $2",
        buyer_id.get(),
        purchase_key
    )?;
    Ok(match ids.iter().find(|id| **id != 0) {
        Some(id) => Some(PurchaseKeyUse::Booked(OrderId::new(*id))),
        None if !ids.is_empty() => Some(PurchaseKeyUse::Voided),
        None => None,
    })
}

/// The sum of a seller's shares over their orders in `states` (the caller passes the states
/// that hold escrow, from the domain's state machine).
pub async fn seller_share_in_states(
    c: &mut impl Exec,
    seller_id: UserId,
    states: &[OrderState],
) -> Result<i64> {
    let mut q = crate::dynamic::QueryBuilder::new(
        "SELECT CAST(COALESCE(SUM(seller_share), 0) AS BIGINT) FROM orders WHERE seller_id = ",
    );
    q.push_bind(crate::dynamic::Bind::I64(seller_id.get()));
    q.push(" AND state IN (");
    for (i, s) in states.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push_bind(crate::dynamic::Bind::Text(s.as_str().to_owned()));
    }
    q.push(")");
    q.fetch_scalar_i64(c).await
}
