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

/// One completed sale as a statement lists it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StatementLineRow {
    /// The order id, which is also the receipt number the buyer sees.
    #[sqlx(try_from = "i64")]
    pub id: OrderId,
    pub listing_title: String,
    /// The sale price: the service and its chosen options.
    #[sqlx(try_from = "i64")]
    pub subtotal: Yen,
    /// 販売手数料, tax included.
    #[sqlx(try_from = "i64")]
    pub platform_fee: Yen,
    /// What the seller was credited.
    #[sqlx(try_from = "i64")]
    pub seller_share: Yen,
    pub completed_at: i64,
}

/// A seller's orders in `state` (the caller passes the completed state's key) completed in
/// `[from, to)`, in the order they completed.
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
        "SELECT id, listing_title, subtotal, platform_fee, seller_share, completed_at
         FROM orders
         WHERE seller_id = $1 AND state = $2 AND completed_at >= $3 AND completed_at < $4
         ORDER BY completed_at, id",
        seller_id.get(),
        state.as_str(),
        from,
        to
    )?)
}

/// The distinct local days (days since the epoch in a zone `offset_seconds` east of UTC) on
/// which a seller completed orders in `state`, newest first. The caller folds days into
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
        "SELECT DISTINCT CAST((completed_at + $3) / 86400 AS BIGINT) AS day
         FROM orders
         WHERE seller_id = $1 AND state = $2 AND completed_at IS NOT NULL
         ORDER BY day DESC",
        seller_id.get(),
        state.as_str(),
        offset_seconds
    )?)
}
