//! The final confirmation screen (最終確認画面): what the buyer is about to buy and what it
//! costs, worked out from the service, the chosen options, points and a coupon. The same
//! pricing checks a purchase again when it is placed ([`super::place`]).

use yorozu_domain::ListingId;
use yorozu_domain::OfferId;
use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;
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
use crate::offers::purchase::{Offered, for_purchase};
use crate::{App, AppError, AppResult, FieldError};

/// What the buyer chose on the service page and the confirmation screen.
#[derive(Debug, Clone)]
pub struct Choice {
    pub listing_id: ListingId,
    /// Positions of the chosen paid options.
    pub options: Vec<i64>,
    /// Points to use, as typed (blank = none).
    pub points: String,
    /// Coupon code, as typed (blank = none).
    pub coupon: String,
    /// The custom offer being bought instead of the service as listed (its terms replace the
    /// service's price, delivery days and options).
    pub offer: Option<OfferId>,
}

impl Choice {
    /// The service alone: no options, points or coupon.
    pub fn of(listing_id: ListingId) -> Choice {
        Choice {
            listing_id,
            options: Vec::new(),
            points: String::new(),
            coupon: String::new(),
            offer: None,
        }
    }
}

/// The service as quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedListing {
    pub id: ListingId,
    pub seller_id: UserId,
    pub title: String,
    /// The service's own price, without options.
    pub price: Yen,
    pub delivery_days: i64,
}

/// One paid option of the service, and whether the buyer chose it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedOption {
    /// What the choice names it by.
    pub position: i64,
    pub title: String,
    pub price: Yen,
    pub chosen: bool,
}

/// The coupon that applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedCoupon {
    pub code: String,
    pub title: String,
}

/// Everything the confirmation screen shows, consistent with what [`super::place`] books.
#[derive(Debug, Clone)]
pub struct Quote {
    pub listing: QuotedListing,
    pub seller_name: String,
    /// Every option of the service, and which were chosen.
    pub options: Vec<QuotedOption>,
    pub points_balance: i64,
    pub points_used: i64,
    pub coupon: Option<QuotedCoupon>,
    pub coupon_discount: i64,
    pub amounts: OrderQuote,
    /// The custom offer whose terms these are, if any.
    pub offer: Option<OfferId>,
}

impl Quote {
    /// The chosen options.
    pub fn chosen(&self) -> impl Iterator<Item = &QuotedOption> {
        self.options.iter().filter(|o| o.chosen)
    }
}

impl From<Priced> for Quote {
    fn from(p: Priced) -> Quote {
        Quote {
            listing: QuotedListing {
                id: p.listing.id,
                seller_id: p.listing.seller_id,
                title: p.listing.title,
                price: p.listing.price,
                delivery_days: p.listing.delivery_days,
            },
            seller_name: p.seller_name,
            options: p
                .options
                .into_iter()
                .map(|(o, chosen)| QuotedOption {
                    position: o.position,
                    title: o.title,
                    price: o.price,
                    chosen,
                })
                .collect(),
            points_balance: p.points_balance,
            points_used: p.points_used,
            coupon: p.coupon.map(|c| QuotedCoupon {
                code: c.code,
                title: c.title,
            }),
            coupon_discount: p.coupon_discount,
            amounts: p.amounts,
            offer: p.offered.map(|o| o.offer.id),
        }
    }
}

/// The quote for `buyer`, with every problem as a field error (`options`, `points`, `coupon`)
/// or `Conflict` when the service cannot be bought now.
pub async fn quote(app: &App, buyer: &CurrentUser, choice: &Choice) -> AppResult<Quote> {
    let mut c = app.db.read().await?;
    Ok(price(&mut c, app, buyer, choice).await?.into())
}

/// What the confirmation screen shows for a choice.
#[derive(Debug, Clone)]
pub struct Confirmation {
    /// The quote of the choice, or when parts of it were refused, of the choice without them
    /// (what would be bought now).
    pub quote: Quote,
    /// Why parts of the choice were refused (empty when none were).
    pub refused: Vec<FieldError>,
}

/// The confirmation screen's quote: refused points, coupon or options leave the quote without
/// them, so that the screen still shows what would be bought, with the messages beside the
/// typed values. Refusals of the service itself (not found, not purchasable) are errors.
pub async fn confirmation(
    app: &App,
    buyer: &CurrentUser,
    choice: &Choice,
) -> AppResult<Confirmation> {
    let mut c = app.db.read().await?;
    let refused = match price(&mut c, app, buyer, choice).await {
        Ok(priced) => {
            return Ok(Confirmation {
                quote: priced.into(),
                refused: Vec::new(),
            });
        }
        Err(AppError::Invalid(fields)) => fields,
        Err(e) => return Err(e),
    };
    let priced = match price(&mut c, app, buyer, &without_refused(choice, &refused)).await {
        Ok(priced) => priced,
        Err(AppError::Invalid(_)) => {
            let bare = Choice {
                offer: choice.offer,
                ..Choice::of(choice.listing_id)
            };
            price(&mut c, app, buyer, &bare).await?
        }
        Err(e) => return Err(e),
    };
    Ok(Confirmation {
        quote: priced.into(),
        refused,
    })
}

/// The choice without what was refused.
fn without_refused(choice: &Choice, fields: &[FieldError]) -> Choice {
    let refused = |name: &str| fields.iter().any(|f| f.field == name);
    Choice {
        listing_id: choice.listing_id,
        options: if refused("options") {
            Vec::new()
        } else {
            choice.options.clone()
        },
        points: if refused("points") {
            String::new()
        } else {
            choice.points.clone()
        },
        coupon: if refused("coupon") {
            String::new()
        } else {
            choice.coupon.clone()
        },
        offer: choice.offer,
    }
}

/// A quote as the purchase books it: with the rows it was worked out from.
#[derive(Debug, Clone)]
pub(crate) struct Priced {
    pub(crate) listing: ListingRow,
    pub(crate) seller_name: String,
    /// Every option of the service, and which were chosen.
    pub(crate) options: Vec<(OptionRow, bool)>,
    pub(crate) points_balance: i64,
    pub(crate) points_used: i64,
    pub(crate) coupon: Option<CouponRow>,
    pub(crate) coupon_discount: i64,
    pub(crate) amounts: OrderQuote,
    /// Where the seller's mail about the order goes (not shown to the buyer).
    pub(crate) seller_recipient: Option<Recipient>,
    /// The custom offer bought, whose terms replaced the service's.
    pub(crate) offered: Option<Offered>,
}

impl Priced {
    /// The chosen options.
    pub(crate) fn chosen(&self) -> impl Iterator<Item = &OptionRow> {
        self.options.iter().filter(|(_, on)| *on).map(|(o, _)| o)
    }
}

/// Works out the quote for `buyer` on `c` (see [`quote`]).
pub(crate) async fn price(
    c: &mut impl Exec,
    app: &App,
    buyer: &CurrentUser,
    choice: &Choice,
) -> AppResult<Priced> {
    let found = listing_rows::find_for_sale(c, choice.listing_id)
        .await?
        .filter(|l| l.listing.status != ListingStatus::Deleted)
        .ok_or(AppError::NotFound)?;
    let mut listing = found.listing;
    if listing.seller_id == buyer.id {
        return Err(AppError::Conflict("order-own-listing"));
    }
    crate::safety::blocks::check_can_order(c, buyer.id, listing.seller_id).await?;
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
    let seller_recipient = match (found.seller_email, found.seller_status) {
        (Some(email), AccountStatus::Active) => Some(Recipient {
            user_id: listing.seller_id,
            email,
            locale: locale_of(&found.seller_locale),
        }),
        _ => None,
    };
    let seller_name = found.seller_name;

    let offered = match choice.offer {
        Some(offer) => Some(for_purchase(c, app, buyer.id, offer, listing.id).await?),
        None => None,
    };
    let all_options = match &offered {
        Some(offered) => {
            offered.apply(&mut listing);
            offered.options()
        }
        None => listing_rows::options(c, listing.id).await?,
    };
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

    let points_balance = points::balance(c, buyer.id).await?.get();
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
    Ok(Priced {
        listing,
        seller_name,
        options,
        points_balance,
        points_used,
        coupon,
        coupon_discount,
        amounts,
        seller_recipient,
        offered,
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
        discount: row.discount,
        min_order: row.min_order,
        starts_at: Timestamp::from_unix(row.starts_at),
        expires_at: Timestamp::from_unix(row.expires_at),
    };
    Ok(terms
        .discount_for(subtotal, Timestamp::from_unix(now), used)
        .map(|discount| (row, discount)))
}
