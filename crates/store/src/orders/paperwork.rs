//! What sellers' monthly statements (支払明細書) read: their completed sales in a time range,
//! and the days on which they completed any, for the list of months.
//!
//! Receipts need nothing beyond [`super::rows::find`] and [`super::rows::options`]. Month
//! bounds are computed by the caller (in Japan time); the queries only compare unix seconds, so
//! one SQL text serves SQLite and PostgreSQL.

use yorozu_domain::Yen;
use yorozu_domain::orders::OrderState;
use yorozu_domain::{OrderId, UserId};

use crate::{Exec, Result, query_as, query_scalar};

/// One line of a statement: an order's sale, one of its paid additions, or a tip.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StatementLineRow {
    /// `sale`, `addition` or `tip`.
    pub kind: String,
    /// The order id, which is also the receipt number the buyer sees.
    #[sqlx(try_from = "i64")]
    pub id: OrderId,
    pub listing_title: String,
    /// The addition's title (empty on the other lines).
    pub detail: String,
    /// The price: the service and its chosen options, the addition's price, the tip.
    #[sqlx(try_from = "i64")]
    pub subtotal: Yen,
    /// 販売手数料, tax included.
    #[sqlx(try_from = "i64")]
    pub platform_fee: Yen,
    /// What the seller was credited.
    #[sqlx(try_from = "i64")]
    pub seller_share: Yen,
    /// When it was credited: the order's completion (sale, additions) or the tip's payment.
    pub completed_at: i64,
}

/// What a seller was credited in `[from, to)`, in the order it was credited: each order in
/// `state` (the caller passes the completed state's key) completed then, with its paid
/// additions that were not refunded (credited with the order), and each tip paid then.
pub async fn completed_sales(
    c: &mut impl Exec,
    seller_id: UserId,
    state: OrderState,
    from: i64,
    to: i64,
) -> Result<Vec<StatementLineRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        StatementLineRow,
        "SELECT kind, id, listing_title, detail, subtotal, platform_fee, seller_share,
                completed_at
         FROM (
             SELECT 'sale' AS kind, id, listing_title, '' AS detail, subtotal, platform_fee,
                    seller_share, completed_at, 0 AS place, id AS line_id
             FROM orders
             WHERE seller_id = $1 AND state = $2 AND completed_at >= $3 AND completed_at < $4
             UNION ALL
             SELECT 'addition', o.id, o.listing_title, a.title, a.price, a.platform_fee,
                    a.price - a.platform_fee, o.completed_at, 1, a.id
             FROM order_additions a JOIN orders o ON o.id = a.order_id
             WHERE o.seller_id = $1 AND o.state = $2 AND o.completed_at >= $3
               AND o.completed_at < $4 AND a.paid_at IS NOT NULL AND a.refunded_at IS NULL
             UNION ALL
             SELECT 'tip', o.id, o.listing_title, '', t.amount, t.platform_fee,
                    t.amount - t.platform_fee, t.created_at, 2, t.id
             FROM order_tips t JOIN orders o ON o.id = t.order_id
             WHERE t.seller_id = $1 AND t.created_at >= $3 AND t.created_at < $4
         ) lines
         ORDER BY completed_at, id, place, line_id",
        seller_id.get(),
        state.as_str(),
        from,
        to
    )?)
}

/// The distinct local days (days since the epoch in a zone `offset_seconds` east of UTC) on
/// which a seller completed orders in `state` or received tips, newest first. The caller folds days into
/// months; doing the calendar in SQL would need different date functions per backend.
pub async fn completed_sale_days(
    c: &mut impl Exec,
    seller_id: UserId,
    state: OrderState,
    offset_seconds: i64,
) -> Result<Vec<i64>> {
    Ok(query_scalar!(
        c,
        fetch_all,
        i64,
        "SELECT DISTINCT CAST((at + $3) / 86400 AS BIGINT) AS day
         FROM (SELECT completed_at AS at FROM orders
               WHERE seller_id = $1 AND state = $2 AND completed_at IS NOT NULL
               UNION ALL
               SELECT created_at FROM order_tips WHERE seller_id = $1) credited
         ORDER BY day DESC",
        seller_id.get(),
        state.as_str(),
        offset_seconds
    )?)
}
