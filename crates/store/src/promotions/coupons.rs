//! Coupons created by operators and their use, once per member.

use yorozu_domain::OrderId;
use yorozu_domain::Yen;

use crate::{Exec, Result, execute, query_as, query_scalar};
use yorozu_domain::UserId;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CouponRow {
    pub id: i64,
    pub code: String,
    pub title: String,
    #[sqlx(try_from = "i64")]
    pub discount: Yen,
    #[sqlx(try_from = "i64")]
    pub min_order: Yen,
    pub starts_at: i64,
    pub expires_at: i64,
    #[sqlx(try_from = "crate::OptionalId")]
    pub created_by: Option<UserId>,
    pub created_at: i64,
    pub disabled_at: Option<i64>,
}

/// Creates a coupon. Returns `false` when the code is taken.
pub async fn insert(c: &mut impl Exec, r: &CouponRow) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO coupons (id, code, title, discount, min_order, starts_at, expires_at, created_by,
             created_at, disabled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT DO NOTHING",
        r.id,
        &r.code,
        &r.title,
        r.discount.get(),
        r.min_order.get(),
        r.starts_at,
        r.expires_at,
        r.created_by.map(UserId::get),
        r.created_at,
        r.disabled_at
    )?;
    Ok(n == 1)
}

/// The coupon with this (normalised) code, unless disabled.
pub async fn find_by_code(c: &mut impl Exec, code: &str) -> Result<Option<CouponRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        CouponRow,
        "SELECT id, code, title, discount, min_order, starts_at, expires_at, created_by, created_at,
                disabled_at
         FROM coupons WHERE code = $1 AND disabled_at IS NULL",
        code
    )?)
}

pub async fn find(c: &mut impl Exec, id: i64) -> Result<Option<CouponRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        CouponRow,
        "SELECT id, code, title, discount, min_order, starts_at, expires_at, created_by, created_at,
                disabled_at
         FROM coupons WHERE id = $1",
        id
    )?)
}

/// Coupons with how often each was used, newest first.
pub async fn list(c: &mut impl Exec, limit: i64) -> Result<Vec<(CouponRow, i64)>> {
    let rows: Vec<CouponRow> = query_as!(
        c,
        fetch_all,
        CouponRow,
        "SELECT id, code, title, discount, min_order, starts_at, expires_at, created_by, created_at,
                disabled_at
         FROM coupons ORDER BY created_at DESC, id DESC LIMIT $1",
        limit
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let used = query_scalar!(
            c,
            fetch_one,
            i64,
            "SELECT COUNT(*) FROM coupon_redemptions WHERE coupon_id = $1",
            row.id
        )?;
        out.push((row, used));
    }
    Ok(out)
}

pub async fn disable(c: &mut impl Exec, id: i64, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE coupons SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL",
        id,
        now
    )?;
    Ok(n == 1)
}

/// Whether the member has a use of this coupon on record.
pub async fn has_redeemed(c: &mut impl Exec, coupon_id: i64, user_id: UserId) -> Result<bool> {
    let n = query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM coupon_redemptions WHERE coupon_id = $1 AND user_id = $2",
        coupon_id,
        user_id.get()
    )?;
    Ok(n > 0)
}

/// Records a use. Returns `false` when the member already used the coupon (primary key).
pub async fn redeem(
    c: &mut impl Exec,
    coupon_id: i64,
    user_id: UserId,
    order_id: OrderId,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO coupon_redemptions (coupon_id, user_id, order_id, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        coupon_id,
        user_id.get(),
        order_id.get(),
        now
    )?;
    Ok(n == 1)
}

/// Gives back the coupon used on a cancelled or expired order; returns whether one was.
pub async fn release(c: &mut impl Exec, order_id: OrderId) -> Result<bool> {
    let n = execute!(
        c,
        "DELETE FROM coupon_redemptions WHERE order_id = $1",
        order_id.get()
    )?;
    Ok(n > 0)
}
