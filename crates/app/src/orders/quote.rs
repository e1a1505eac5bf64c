//! The final confirmation screen (最終確認画面): what the buyer is about to buy and what it
//! costs, worked out from the service, the chosen options, points and a coupon. The same
//! function checks a purchase again when it is placed, inside its transaction.

use yorozu_domain::UserId;
use yorozu_domain::listings::{ListingStatus, purchasable_now};
use yorozu_domain::orders::OrderQuote;
use yorozu_domain::promotions::{CouponCode, CouponError, CouponTerms, points_to_use};
use yorozu_domain::{Timestamp, Yen};
use yorozu_store::Exec;
use yorozu_store::listings::rows::{self as listing_rows, ListingRow, OptionRow};
use yorozu_store::promotions::coupons::{self, CouponRow};
use yorozu_store::promotions::points;

use super::notify::Recipient;
use crate::accounts::CurrentUser;
use crate::mail::compose::locale_of;
use crate::{App, AppError, AppResult, FieldError};

/// What the buyer chose on the service page and the confirmation screen.
#[derive(Debug, Clone, Default)]
pub struct Choice {
    pub listing_id: i64,
    /// Positions of the chosen paid options.
    pub options: Vec<i64>,
    /// Points to use, as typed (blank = none).
    pub points: String,
    /// Coupon code, as typed (blank = none).
    pub coupon: String,
}

/// Everything the confirmation screen shows, consistent with what [`super::place`] books.
#[derive(Debug, Clone)]
pub struct Quote {
    pub listing: ListingRow,
    pub seller_name: String,
    /// Every option of the service, and which were chosen.
    pub options: Vec<(OptionRow, bool)>,
    pub points_balance: i64,
    pub points_used: i64,
    pub coupon: Option<CouponRow>,
    pub coupon_discount: i64,
    pub amounts: OrderQuote,
    /// Where the seller's mail about the order goes (not shown to the buyer).
    pub(crate) seller_recipient: Option<Recipient>,
}

impl Quote {
    /// The chosen options.
    pub fn chosen(&self) -> impl Iterator<Item = &OptionRow> {
        self.options.iter().filter(|(_, on)| *on).map(|(o, _)| o)
    }
}

/// Works out the quote for `buyer`, with every problem as a field error (`options`, `points`,
/// `coupon`) or `Conflict` when the service cannot be bought now.
pub async fn quote(
    c: &mut impl Exec,
    app: &App,
    buyer: &CurrentUser,
    choice: &Choice,
) -> AppResult<Quote> {
    let found = listing_rows::find_for_sale(c, choice.listing_id)
        .await?
        .filter(|l| l.listing.status != ListingStatus::Deleted)
        .ok_or(AppError::NotFound)?;
    let listing = found.listing;
    if listing.seller_id == buyer.id {
        return Err(AppError::Conflict("order-own-listing"));
    }
    let status = listing.status;
    let vacation = found.seller_vacation_until;
    let now = app.now();
    if !purchasable_now(
        status,
        vacation.map(Timestamp::from_unix),
        Timestamp::from_unix(now),
    ) {
        return Err(AppError::Conflict("order-not-purchasable"));
    }
    let seller_recipient = match (found.seller_email, found.seller_status.as_str()) {
        (Some(email), "active") => Some(Recipient {
            user_id: listing.seller_id,
            email,
            locale: locale_of(&found.seller_locale),
        }),
        _ => None,
    };
    let seller_name = found.seller_name;

    let all_options = listing_rows::options(c, listing.id).await?;
    let mut errors = Vec::new();
    if choice
        .options
        .iter()
        .any(|pos| !all_options.iter().any(|o| o.position == *pos))
    {
        errors.push(FieldError::new("options", "order-option-unknown"));
    }
    let options: Vec<(OptionRow, bool)> = all_options
        .into_iter()
        .map(|o| {
            let on = choice.options.contains(&o.position);
            (o, on)
        })
        .collect();
    let subtotal = options
        .iter()
        .filter(|(_, on)| *on)
        .fold(listing.price.get(), |sum, (o, _)| {
            sum.saturating_add(o.price.get())
        });

    let points_balance = points::balance(c, buyer.id).await?;
    let points_used = match points_to_use(&choice.points, points_balance) {
        Ok(p) => p,
        Err(e) => {
            errors.push(FieldError::of("points", &e));
            0
        }
    };

    let (coupon, coupon_discount) = if choice.coupon.trim().is_empty() {
        (None, 0)
    } else {
        match coupon_for(c, buyer.id, &choice.coupon, Yen::new(subtotal), now).await? {
            Ok((row, discount)) => (Some(row), discount.get()),
            Err(e) => {
                errors.push(FieldError::of("coupon", &e));
                (None, 0)
            }
        }
    };

    // A coupon worth more than the order only takes the order to ¥0; points beyond what is
    // left are refused rather than silently reduced.
    let undiscounted = subtotal.saturating_add(
        yorozu_domain::money::fee(Yen::new(subtotal), app.policy.buyer_fee_rate).get(),
    );
    let coupon_discount = coupon_discount.min(undiscounted);
    if points_used > undiscounted - coupon_discount {
        errors.push(
            FieldError::new("points", "points-exceed-total")
                .with("max", undiscounted - coupon_discount),
        );
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let chosen: Vec<Yen> = options
        .iter()
        .filter(|(_, on)| *on)
        .map(|(o, _)| o.price)
        .collect();
    let amounts = OrderQuote::compute(
        listing.price,
        &chosen,
        Yen::new(coupon_discount + points_used),
        app.policy.seller_fee_rate,
        app.policy.buyer_fee_rate,
    )
    .map_err(|e| AppError::refused("points", &e))?;
    Ok(Quote {
        listing,
        seller_name,
        options,
        points_balance,
        points_used,
        coupon,
        coupon_discount,
        amounts,
        seller_recipient,
    })
}

/// The coupon with `code` and the discount it gives this member on `subtotal` now, or why
/// it does not apply.
async fn coupon_for(
    c: &mut impl Exec,
    user_id: UserId,
    code: &str,
    subtotal: Yen,
    now: i64,
) -> AppResult<Result<(CouponRow, Yen), CouponError>> {
    let code = match CouponCode::parse(code) {
        Ok(code) => code,
        Err(e) => return Ok(Err(e)),
    };
    let Some(row) = coupons::find_by_code(c, code.as_str()).await? else {
        return Ok(Err(CouponError::NotFound));
    };
    let used = coupons::has_redeemed(c, row.id, user_id).await?;
    let terms = CouponTerms {
        discount: Yen::new(row.discount),
        min_order: Yen::new(row.min_order),
        starts_at: Timestamp::from_unix(row.starts_at),
        expires_at: Timestamp::from_unix(row.expires_at),
    };
    Ok(terms
        .discount_for(subtotal, Timestamp::from_unix(now), used)
        .map(|discount| (row, discount)))
}
