//! Points (ポイント) and coupons (クーポン): the buyer-side discounts that the platform funds.
//!
//! A coupon has a code, a discount in yen, a minimum order and a validity window, and can be
//! used once per member. Points are granted by operators (campaigns, compensation), spent
//! one point = ¥1 on orders, and all of a member's points expire one year after their last
//! acquisition.

pub mod points;

pub use points::{PointKind, Points};

use crate::Timestamp;
use crate::error_code::error_codes;
use crate::money::Yen;

/// Days after a member's last point acquisition until all their points expire (default).
pub const DEFAULT_POINTS_VALIDITY_DAYS: i64 = 365;

/// Why a coupon code or its use is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CouponError {
    /// Not 4–20 letters, digits or hyphens.
    #[error("a coupon code is 4 to 20 letters, digits or hyphens")]
    InvalidCode,
    /// No coupon has this code (or it was disabled).
    #[error("no such coupon")]
    NotFound,
    /// Before its start or after its expiry.
    #[error("the coupon is not valid now")]
    Expired,
    /// The order's subtotal is below the coupon's minimum.
    #[error("the coupon needs an order of at least {min}")]
    BelowMinimum {
        /// The coupon's minimum order.
        min: Yen,
    },
    /// This member has used the coupon before.
    #[error("the coupon was already used")]
    AlreadyUsed,
}

error_codes! {
    CouponError {
        InvalidCode => "coupon-code-invalid",
        NotFound => "coupon-not-found",
        Expired => "coupon-expired",
        BelowMinimum { min } => "coupon-below-minimum",
        AlreadyUsed => "coupon-already-used",
    }
}

/// A coupon code: trimmed, upper-case ASCII letters, digits and hyphens, 4–20 characters.
/// Full-width input from a Japanese IME (「ＷＥＬＣＯＭＥ」) is folded to ASCII.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouponCode(String);

impl CouponCode {
    /// Parses what a member or an operator typed.
    pub fn parse(raw: &str) -> Result<Self, CouponError> {
        let code: String = raw
            .trim()
            .chars()
            .map(|c| match c {
                'ー' | '－' => '-',
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
                other => other,
            })
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let ok = (4..=20).contains(&code.len())
            && code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        if ok {
            Ok(Self(code))
        } else {
            Err(CouponError::InvalidCode)
        }
    }

    /// The normalised code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The terms of a coupon, as an operator created it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CouponTerms {
    /// Yen off the order.
    pub discount: Yen,
    /// Smallest subtotal (price + options) the coupon applies to.
    pub min_order: Yen,
    /// First moment of validity.
    pub starts_at: Timestamp,
    /// First moment the coupon is no longer valid.
    pub expires_at: Timestamp,
}

impl CouponTerms {
    /// The discount this coupon gives on an order with `subtotal` at `now`, for a member who
    /// has `already_used` it or not.
    pub fn discount_for(
        &self,
        subtotal: Yen,
        now: Timestamp,
        already_used: bool,
    ) -> Result<Yen, CouponError> {
        if already_used {
            return Err(CouponError::AlreadyUsed);
        }
        if now < self.starts_at || now >= self.expires_at {
            return Err(CouponError::Expired);
        }
        if subtotal < self.min_order {
            return Err(CouponError::BelowMinimum {
                min: self.min_order,
            });
        }
        Ok(self.discount)
    }
}

/// Why an amount of points cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PointsError {
    /// Not a whole, non-negative number.
    #[error("points are a whole number of 0 or more")]
    Invalid,
    /// More than the member holds.
    #[error("only {balance} points are available")]
    ExceedsBalance {
        /// The member's balance.
        balance: i64,
    },
}

error_codes! {
    PointsError {
        Invalid => "points-invalid",
        ExceedsBalance { balance } => "points-exceed-balance",
    }
}

/// Parses the points a buyer wants to use (blank = none; full-width digits and grouping
/// commas allowed) and checks them against the `balance`.
pub fn points_to_use(raw: &str, balance: i64) -> Result<i64, PointsError> {
    let digits: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            other => other,
        })
        .collect();
    if digits.is_empty() {
        return Ok(0);
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 12 {
        return Err(PointsError::Invalid);
    }
    let points: i64 = digits.parse().map_err(|_| PointsError::Invalid)?;
    if points > balance.max(0) {
        return Err(PointsError::ExceedsBalance {
            balance: balance.max(0),
        });
    }
    Ok(points)
}

/// When a member's points expire: `days` after their last acquisition.
pub const fn points_expire_at(last_acquired_at: Timestamp, days: i64) -> Timestamp {
    last_acquired_at.plus_days(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const T: Timestamp = Timestamp::from_unix(1_700_000_000);

    fn terms() -> CouponTerms {
        CouponTerms {
            discount: Yen::new(500),
            min_order: Yen::new(3_000),
            starts_at: T,
            expires_at: T.plus_days(30),
        }
    }

    #[test]
    fn coupon_codes_are_normalised() {
        assert_eq!(
            CouponCode::parse(" welcome-500 ").map(|c| c.0),
            Ok("WELCOME-500".into())
        );
        assert_eq!(
            CouponCode::parse("ＷＥＬＣＯＭＥ５００").map(|c| c.0),
            Ok("WELCOME500".into())
        );
        for bad in [
            "abc",
            "",
            "WELCOME 500",
            "クーポン",
            "A".repeat(21).as_str(),
        ] {
            assert_eq!(
                CouponCode::parse(bad),
                Err(CouponError::InvalidCode),
                "{bad}"
            );
        }
    }

    #[test]
    fn coupon_applicability() {
        let t = terms();
        assert_eq!(t.discount_for(Yen::new(3_000), T, false), Ok(Yen::new(500)));
        assert_eq!(
            t.discount_for(Yen::new(3_000), T, true),
            Err(CouponError::AlreadyUsed)
        );
        assert_eq!(
            t.discount_for(Yen::new(2_999), T, false),
            Err(CouponError::BelowMinimum {
                min: Yen::new(3_000)
            })
        );
        assert_eq!(
            t.discount_for(Yen::new(3_000), T.plus_seconds(-1), false),
            Err(CouponError::Expired)
        );
        assert_eq!(
            t.discount_for(Yen::new(3_000), T.plus_days(30), false),
            Err(CouponError::Expired)
        );
        assert!(
            t.discount_for(Yen::new(3_000), T.plus_days(30).plus_seconds(-1), false)
                .is_ok()
        );
    }

    #[test]
    fn points_input() {
        assert_eq!(points_to_use("", 100), Ok(0));
        assert_eq!(points_to_use(" 1,000 ", 5_000), Ok(1_000));
        assert_eq!(points_to_use("１２０", 500), Ok(120));
        assert_eq!(
            points_to_use("501", 500),
            Err(PointsError::ExceedsBalance { balance: 500 })
        );
        assert_eq!(points_to_use("-5", 500), Err(PointsError::Invalid));
        assert_eq!(points_to_use("1.5", 500), Err(PointsError::Invalid));
        assert_eq!(
            points_to_use("1", -3),
            Err(PointsError::ExceedsBalance { balance: 0 })
        );
    }

    #[test]
    fn points_expire_a_year_after_the_last_acquisition() {
        assert_eq!(
            points_expire_at(T, DEFAULT_POINTS_VALIDITY_DAYS).unix(),
            T.unix() + 365 * 86_400
        );
    }

    proptest! {
        #[test]
        fn points_never_exceed_the_balance(raw in "\\PC{0,14}", balance in -10_i64..1_000_000) {
            if let Ok(points) = points_to_use(&raw, balance) {
                prop_assert!(points >= 0 && points <= balance.max(0));
            }
        }
    }
}
