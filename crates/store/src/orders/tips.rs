//! Tips (おひねり) on completed orders: one row per tip, unique per order and idempotency key,
//! so a re-sent tip finds the row the first one booked.

use yorozu_domain::{OrderId, UserId, Yen};

use crate::{Exec, Result, execute, query_as};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TipRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    #[sqlx(try_from = "i64")]
    pub buyer_id: UserId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    pub tip_key: String,
    #[sqlx(try_from = "i64")]
    pub amount: Yen,
    #[sqlx(try_from = "i64")]
    pub buyer_fee: Yen,
    #[sqlx(try_from = "i64")]
    pub platform_fee: Yen,
    pub message: String,
    pub card_id: Option<i64>,
    pub charge_id: String,
    pub created_at: i64,
}

impl TipRow {
    /// What the buyer paid: amount + buyer fee.
    pub fn buyer_total(&self) -> Yen {
        Yen::new(self.amount.get() + self.buyer_fee.get())
    }

    /// What the seller is credited: amount − platform fee.
    pub fn seller_share(&self) -> Yen {
        Yen::new(self.amount.get() - self.platform_fee.get())
    }
}

/// The columns of [`TipRow`], as a literal for `concat!` (queries are static strings).
macro_rules! tip_columns {
    () => {
        "id, order_id, buyer_id, seller_id, tip_key, amount, buyer_fee, platform_fee, message, \
         card_id, charge_id, created_at"
    };
}

/// Records a tip; `false` when the order already has a tip with this key (a concurrent
/// request with the same key booked it).
pub async fn insert(c: &mut impl Exec, t: &TipRow) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO order_tips (id, order_id, buyer_id, seller_id, tip_key, amount, buyer_fee,
             platform_fee, message, card_id, charge_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING",
        t.id,
        t.order_id.get(),
        t.buyer_id.get(),
        t.seller_id.get(),
        &t.tip_key,
        t.amount.get(),
        t.buyer_fee.get(),
        t.platform_fee.get(),
        &t.message,
        t.card_id,
        &t.charge_id,
        t.created_at
    )?;
    Ok(n == 1)
}

/// The order's tip sent with `tip_key`, if any.
pub async fn find_by_key(
    c: &mut impl Exec,
    order_id: OrderId,
    tip_key: &str,
) -> Result<Option<TipRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        TipRow,
        concat!(
            "SELECT ",
            tip_columns!(),
            " FROM order_tips WHERE order_id = $1 AND tip_key = $2"
        ),
        order_id.get(),
        tip_key
    )?)
}

/// The tips of an order, oldest first.
pub async fn for_order(c: &mut impl Exec, order_id: OrderId) -> Result<Vec<TipRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        TipRow,
        concat!(
            "SELECT ",
            tip_columns!(),
            " FROM order_tips WHERE order_id = $1 ORDER BY created_at, id"
        ),
        order_id.get()
    )?)
}

/// The tips a member gave or received, oldest first (for their data export).
pub async fn of_member(c: &mut impl Exec, user_id: UserId) -> Result<Vec<TipRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        TipRow,
        concat!(
            "SELECT ",
            tip_columns!(),
            " FROM order_tips WHERE buyer_id = $1 OR seller_id = $1 ORDER BY created_at, id"
        ),
        user_id.get()
    )?)
}
