//! Paid additions (追加オプション): while an order is in progress the seller proposes extra
//! work with a price and extra days; the buyer pays it on its own charge. Its amounts follow
//! the same fee function as an order, so an addition is, for the ledger, a small order
//! without a discount that shares the order's escrow, completion and refund.

use super::ChangeError;
use crate::money::{FeeRate, Yen};
use crate::numbers;
use crate::orders::pricing::{OrderQuote, PricingError};

/// The most days one addition or extension may add (a change of months is a new order).
pub const MAX_EXTRA_DAYS: i64 = 60;

/// Where a proposed addition stands. Only [`AdditionStatus::Proposed`] awaits the buyer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AdditionStatus {
    /// Waiting for the buyer to pay it or decline it.
    Proposed,
    /// The buyer paid: it is part of the order (escrow, completion, refund).
    Paid,
    /// The buyer declined it.
    Declined,
    /// The seller took it back before it was paid.
    Withdrawn,
    /// The order ended, or one of its parties withdrew, while it was still proposed.
    Closed,
}

impl AdditionStatus {
    /// Every status.
    pub const ALL: [AdditionStatus; 5] = [
        Self::Proposed,
        Self::Paid,
        Self::Declined,
        Self::Withdrawn,
        Self::Closed,
    ];

    /// Stable key for storage (the `status` column) and the JSON API.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Paid => "paid",
            Self::Declined => "declined",
            Self::Withdrawn => "withdrawn",
            Self::Closed => "closed",
        }
    }

    /// Reads a key written by [`AdditionStatus::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == key)
    }
}

/// The amounts of an addition at `price`: the order's fee function with no options and no
/// discount (points and coupons apply to purchases only).
pub fn addition_quote(
    price: Yen,
    seller_rate: FeeRate,
    buyer_rate: FeeRate,
) -> Result<OrderQuote, PricingError> {
    OrderQuote::compute(price, &[], Yen::ZERO, seller_rate, buyer_rate)
}

/// Reads the extra days typed by a member (half- or full-width digits): `min` to
/// [`MAX_EXTRA_DAYS`]; an empty field is `min`.
pub fn parse_extra_days(input: &str, min: i64) -> Result<i64, ChangeError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(min);
    }
    let days = numbers::parse_digits(trimmed)
        .and_then(|d| i64::try_from(d).ok())
        .ok_or(ChangeError::DaysOutOfRange)?;
    if (min..=MAX_EXTRA_DAYS).contains(&days) {
        Ok(days)
    } else {
        Err(ChangeError::DaysOutOfRange)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UserId;
    use crate::money::{DEFAULT_BUYER_FEE_RATE, DEFAULT_SELLER_FEE_RATE};
    use crate::orders::Transaction;
    use proptest::prelude::*;

    #[test]
    fn an_addition_uses_the_order_fee_function() {
        let q = addition_quote(
            Yen::new(2_000),
            DEFAULT_SELLER_FEE_RATE,
            DEFAULT_BUYER_FEE_RATE,
        )
        .expect("quote");
        assert_eq!(q.subtotal(), Yen::new(2_000));
        assert_eq!(q.buyer_fee(), Yen::new(110));
        assert_eq!(q.buyer_total(), Yen::new(2_110));
        assert_eq!(q.platform_fee(), Yen::new(440));
        assert_eq!(q.seller_share(), Yen::new(1_560));
    }

    #[test]
    fn extra_days_are_bounded() {
        assert_eq!(parse_extra_days("", 0), Ok(0));
        assert_eq!(parse_extra_days("３", 0), Ok(3));
        assert_eq!(parse_extra_days("60", 1), Ok(60));
        assert_eq!(parse_extra_days("61", 1), Err(ChangeError::DaysOutOfRange));
        assert_eq!(parse_extra_days("0", 1), Err(ChangeError::DaysOutOfRange));
        assert_eq!(parse_extra_days("-1", 0), Err(ChangeError::DaysOutOfRange));
        assert_eq!(parse_extra_days("1.5", 0), Err(ChangeError::DaysOutOfRange));
    }

    #[test]
    fn every_status_key_reads_back() {
        for s in AdditionStatus::ALL {
            assert_eq!(AdditionStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(AdditionStatus::parse("open"), None);
    }

    proptest! {
        /// Paying, completing and refunding an addition each balance, and payment then
        /// completion leave nothing in escrow.
        #[test]
        fn an_addition_books_balanced(price in 0_i64..10_000_000) {
            let q = addition_quote(Yen::new(price), DEFAULT_SELLER_FEE_RATE, DEFAULT_BUYER_FEE_RATE)
                .expect("quote");
            let seller = UserId::new(7);
            let pay = Transaction::payment_into_escrow(&q);
            let done = Transaction::completion(&q, seller);
            let back = Transaction::refund(&q);
            prop_assert!(pay.is_balanced() && done.is_balanced() && back.is_balanced());
            prop_assert_eq!(q.seller_share().get() + q.platform_fee().get() + q.buyer_fee().get(),
                q.buyer_total().get());
        }
    }
}
