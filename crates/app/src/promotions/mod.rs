//! Points and coupons: operators grant points and create coupons; members see their points.
//! Using them on an order is part of placing it (see `orders::quote` and `orders::place`).

pub mod coupons;
pub mod invitations;
pub mod points;
