//! Coupons (クーポン): operators create them with a code, a discount, a minimum order and a
//! validity window; each member may use each coupon once.

use yorozu_domain::promotions::CouponCode;
use yorozu_domain::{UserId, Yen};
use yorozu_store::promotions::coupons::{self, CouponRow};

use crate::accounts::CurrentUser;
use crate::operators::audit;
use crate::{App, AppError, AppResult, FieldError, Fields};

/// A coupon as operators see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coupon {
    pub id: i64,
    /// The normalised code members type.
    pub code: String,
    pub title: String,
    /// Yen off the order.
    pub discount: Yen,
    /// Smallest subtotal the coupon applies to.
    pub min_order: Yen,
    pub starts_at: i64,
    pub expires_at: i64,
    pub created_by: Option<UserId>,
    pub created_at: i64,
    pub disabled_at: Option<i64>,
}

impl From<CouponRow> for Coupon {
    fn from(r: CouponRow) -> Self {
        Self {
            id: r.id,
            code: r.code,
            title: r.title,
            discount: r.discount,
            min_order: r.min_order,
            starts_at: r.starts_at,
            expires_at: r.expires_at,
            created_by: r.created_by,
            created_at: r.created_at,
            disabled_at: r.disabled_at,
        }
    }
}

/// What an operator enters.
#[derive(Debug, Clone, Default)]
pub struct CouponInput {
    pub code: String,
    pub title: String,
    pub discount: String,
    pub min_order: String,
    /// Validity in days from now.
    pub valid_days: String,
}

fn yen(field: &'static str, raw: &str, min: i64) -> Result<Yen, FieldError> {
    match raw
        .trim()
        .replace([',', '，', '¥', '円'], "")
        .parse::<i64>()
    {
        Ok(n) if (min..=yorozu_domain::money::MAX_AMOUNT.get()).contains(&n) => Ok(Yen::new(n)),
        _ => Err(FieldError::new(field, "coupon-amount-invalid").with("min", min)),
    }
}

/// Creates a coupon valid from now for the given number of days.
pub async fn create(app: &App, operator: &CurrentUser, input: &CouponInput) -> AppResult<Coupon> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut fields = Fields::default();
    let code = fields.check("code", CouponCode::parse(&input.code));
    let title = fields.check(
        "title",
        yorozu_domain::orders::OrderText::parse(&input.title, 100, true),
    );
    let discount = fields.check("discount", yen("discount", &input.discount, 1));
    let min_order = fields.check("min_order", yen("min_order", &input.min_order, 0));
    let days = match input.valid_days.trim().parse::<i64>() {
        Ok(d) if (1..=366).contains(&d) => Some(d),
        _ => {
            fields.push(FieldError::new("valid_days", "coupon-days-invalid"));
            None
        }
    };
    let (((code, title), (discount, min_order)), days) =
        fields.finish(code.zip(title).zip(discount.zip(min_order)).zip(days))?;
    let now = app.now();
    let row = CouponRow {
        id: app.new_id(),
        code: code.as_str().to_owned(),
        title: title.into_string(),
        discount,
        min_order,
        starts_at: now,
        expires_at: now + days * 86_400,
        created_by: Some(operator.id),
        created_at: now,
        disabled_at: None,
    };
    let mut tx = app.db.begin().await?;
    if !coupons::insert(&mut tx, &row).await? {
        return Err(AppError::invalid("code", "coupon-code-taken"));
    }
    audit::record(&mut tx, app, operator.id, "coupon.create", None, &row.code).await?;
    tx.commit().await?;
    Ok(row.into())
}

/// Coupons with their use counts, newest first.
pub async fn list(app: &App, operator: &CurrentUser) -> AppResult<Vec<(Coupon, i64)>> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut c = app.db.read().await?;
    let rows = coupons::list(&mut c, 200).await?;
    Ok(rows
        .into_iter()
        .map(|(row, uses)| (row.into(), uses))
        .collect())
}

/// Stops a coupon from being used on new orders.
pub async fn disable(app: &App, operator: &CurrentUser, coupon_id: i64) -> AppResult<()> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut tx = app.db.begin().await?;
    let row = coupons::find(&mut tx, coupon_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if coupons::disable(&mut tx, coupon_id, app.now()).await? {
        audit::record(&mut tx, app, operator.id, "coupon.disable", None, &row.code).await?;
    }
    tx.commit().await?;
    Ok(())
}
