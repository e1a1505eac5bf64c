//! Changes during an order: paid additions (追加オプション) and extension requests (納品予定日
//! の延長). Every answer is a conditional update from the waiting status, so of two racing
//! answers (or an answer racing with the order ending) exactly one takes effect.

use yorozu_domain::orders::changes::{AdditionStatus, ExtensionStatus};
use yorozu_domain::{OrderId, UserId, Yen};

use crate::{Exec, Result, execute, query_as, query_scalar};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AdditionRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    #[sqlx(try_from = "i64")]
    pub proposed_by: UserId,
    pub title: String,
    pub description: String,
    pub extra_days: i64,
    #[sqlx(try_from = "i64")]
    pub price: Yen,
    #[sqlx(try_from = "i64")]
    pub buyer_fee: Yen,
    #[sqlx(try_from = "i64")]
    pub platform_fee: Yen,
    #[sqlx(try_from = "String")]
    pub status: AdditionStatus,
    pub card_id: Option<i64>,
    pub charge_id: Option<String>,
    pub answer: String,
    pub created_at: i64,
    pub answered_at: Option<i64>,
    pub paid_at: Option<i64>,
    pub refunded_at: Option<i64>,
}

impl AdditionRow {
    /// What the buyer pays for it: price + buyer fee.
    pub fn buyer_total(&self) -> Yen {
        Yen::new(self.price.get() + self.buyer_fee.get())
    }

    /// What the seller is credited for it on completion: price − seller fee.
    pub fn seller_share(&self) -> Yen {
        Yen::new(self.price.get() - self.platform_fee.get())
    }
}

/// The columns of [`AdditionRow`], as a literal for `concat!` (queries are static strings).
macro_rules! addition_columns {
    () => {
        "id, order_id, proposed_by, title, description, extra_days, price, buyer_fee, \
         platform_fee, status, card_id, charge_id, answer, created_at, answered_at, paid_at, \
         refunded_at"
    };
}

pub async fn insert_addition(c: &mut impl Exec, a: &AdditionRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO order_additions (id, order_id, proposed_by, title, description, extra_days,
             price, buyer_fee, platform_fee, status, card_id, charge_id, answer, created_at,
             answered_at, paid_at, refunded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        a.id,
        a.order_id.get(),
        a.proposed_by.get(),
        &a.title,
        &a.description,
        a.extra_days,
        a.price.get(),
        a.buyer_fee.get(),
        a.platform_fee.get(),
        a.status.as_str(),
        a.card_id,
        a.charge_id.as_deref(),
        &a.answer,
        a.created_at,
        a.answered_at,
        a.paid_at,
        a.refunded_at
    )?;
    Ok(())
}

pub async fn find_addition(c: &mut impl Exec, id: i64) -> Result<Option<AdditionRow>> {
    let sql = concat!(
        "SELECT ",
        addition_columns!(),
        " FROM order_additions WHERE id = $1"
    );
    Ok(query_as!(c, fetch_optional, AdditionRow, sql, id)?)
}

/// Every addition of an order, oldest first.
pub async fn additions(c: &mut impl Exec, order_id: OrderId) -> Result<Vec<AdditionRow>> {
    let sql = concat!(
        "SELECT ",
        addition_columns!(),
        " FROM order_additions WHERE order_id = $1 ORDER BY id"
    );
    Ok(query_as!(c, fetch_all, AdditionRow, sql, order_id.get())?)
}

/// The paid additions of an order, oldest first: the ones that are part of its money.
pub async fn paid_additions(c: &mut impl Exec, order_id: OrderId) -> Result<Vec<AdditionRow>> {
    let sql = concat!(
        "SELECT ",
        addition_columns!(),
        " FROM order_additions WHERE order_id = $1 AND status = 'paid'
         ORDER BY id"
    );
    Ok(query_as!(c, fetch_all, AdditionRow, sql, order_id.get())?)
}

/// Marks a proposed addition paid with its charge; `false` if it was no longer proposed.
pub async fn mark_paid(
    c: &mut impl Exec,
    id: i64,
    card_id: i64,
    charge_id: &str,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE order_additions SET status = 'paid', card_id = $2, charge_id = $3, paid_at = $4,
             answered_at = $4
         WHERE id = $1 AND status = 'proposed'",
        id,
        card_id,
        charge_id,
        now
    )?;
    Ok(n == 1)
}

/// Ends a proposed addition with `status` (declined, withdrawn, closed); `false` if it was no
/// longer proposed.
pub async fn end_addition(
    c: &mut impl Exec,
    id: i64,
    status: AdditionStatus,
    answer: &str,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE order_additions SET status = $2, answer = $3, answered_at = $4
         WHERE id = $1 AND status = 'proposed'",
        id,
        status.as_str(),
        answer,
        now
    )?;
    Ok(n == 1)
}

/// Closes every addition of an order still waiting for the buyer (the order ended).
pub async fn close_proposed(c: &mut impl Exec, order_id: OrderId, now: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE order_additions SET status = 'closed', answered_at = $2
         WHERE order_id = $1 AND status = 'proposed'",
        order_id.get(),
        now
    )?)
}

/// Stamps the paid additions of a cancelled order refunded; returns those newly stamped (a
/// second call returns none).
pub async fn mark_refunded(
    c: &mut impl Exec,
    order_id: OrderId,
    now: i64,
) -> Result<Vec<AdditionRow>> {
    let sql = concat!(
        "SELECT ",
        addition_columns!(),
        " FROM order_additions
         WHERE order_id = $1 AND status = 'paid' AND refunded_at IS NULL ORDER BY id"
    );
    let rows = query_as!(c, fetch_all, AdditionRow, sql, order_id.get())?;
    execute!(
        c,
        "UPDATE order_additions SET refunded_at = $2
         WHERE order_id = $1 AND status = 'paid' AND refunded_at IS NULL",
        order_id.get(),
        now
    )?;
    Ok(rows)
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ExtensionRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    #[sqlx(try_from = "i64")]
    pub requested_by: UserId,
    pub reason: String,
    pub extra_days: i64,
    #[sqlx(try_from = "String")]
    pub status: ExtensionStatus,
    pub answer: String,
    pub created_at: i64,
    pub answered_at: Option<i64>,
}

/// The columns of [`ExtensionRow`], as a literal for `concat!`.
macro_rules! extension_columns {
    () => {
        "id, order_id, requested_by, reason, extra_days, status, answer, created_at, answered_at"
    };
}

/// Records a request; `false` when the order already has an open one.
pub async fn insert_extension(c: &mut impl Exec, e: &ExtensionRow) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO order_extensions (id, order_id, requested_by, reason, extra_days, status,
             answer, created_at, answered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT DO NOTHING",
        e.id,
        e.order_id.get(),
        e.requested_by.get(),
        &e.reason,
        e.extra_days,
        e.status.as_str(),
        &e.answer,
        e.created_at,
        e.answered_at
    )?;
    Ok(n == 1)
}

/// The open request of an order, if any.
pub async fn open_extension(c: &mut impl Exec, order_id: OrderId) -> Result<Option<ExtensionRow>> {
    let sql = concat!(
        "SELECT ",
        extension_columns!(),
        " FROM order_extensions WHERE order_id = $1 AND status = 'open'"
    );
    Ok(query_as!(
        c,
        fetch_optional,
        ExtensionRow,
        sql,
        order_id.get()
    )?)
}

/// Every request of an order, oldest first.
pub async fn extensions(c: &mut impl Exec, order_id: OrderId) -> Result<Vec<ExtensionRow>> {
    let sql = concat!(
        "SELECT ",
        extension_columns!(),
        " FROM order_extensions WHERE order_id = $1 ORDER BY id"
    );
    Ok(query_as!(c, fetch_all, ExtensionRow, sql, order_id.get())?)
}

/// Answers or ends an open request with `status`; `false` if it was no longer open.
pub async fn end_extension(
    c: &mut impl Exec,
    id: i64,
    status: ExtensionStatus,
    answer: &str,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE order_extensions SET status = $2, answer = $3, answered_at = $4
         WHERE id = $1 AND status = 'open'",
        id,
        status.as_str(),
        answer,
        now
    )?;
    Ok(n == 1)
}

/// Closes the open request of an order (the order ended).
pub async fn close_open_extension(c: &mut impl Exec, order_id: OrderId, now: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE order_extensions SET status = 'closed', answered_at = $2
         WHERE order_id = $1 AND status = 'open'",
        order_id.get(),
        now
    )?)
}

/// The days the due date moved: paid additions and accepted extensions together.
pub async fn extra_days(c: &mut impl Exec, order_id: OrderId) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT CAST(
             (SELECT COALESCE(SUM(extra_days), 0) FROM order_additions
              WHERE order_id = $1 AND status = 'paid')
           + (SELECT COALESCE(SUM(extra_days), 0) FROM order_extensions
              WHERE order_id = $1 AND status = 'accepted') AS BIGINT)",
        order_id.get()
    )?)
}

/// Closes, at a member's withdrawal, every addition still proposed and every extension
/// request still open on the orders where they are buyer or seller; returns how many.
pub async fn close_for_member(c: &mut impl Exec, user_id: UserId, now: i64) -> Result<u64> {
    let additions = execute!(
        c,
        "UPDATE order_additions SET status = 'closed', answered_at = $2
         WHERE status = 'proposed' AND order_id IN
             (SELECT id FROM orders WHERE buyer_id = $1 OR seller_id = $1)",
        user_id.get(),
        now
    )?;
    let extensions = execute!(
        c,
        "UPDATE order_extensions SET status = 'closed', answered_at = $2
         WHERE status = 'open' AND order_id IN
             (SELECT id FROM orders WHERE buyer_id = $1 OR seller_id = $1)",
        user_id.get(),
        now
    )?;
    Ok(additions + extensions)
}
