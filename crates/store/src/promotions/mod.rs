//! Points and coupons, the buyer-side discounts.

pub mod coupons;
pub mod points;
