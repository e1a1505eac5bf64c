//! Tips (おひねり): within a few days of an order's completion its buyer may send the seller
//! an extra amount with a message. A tip's amounts follow the order's fee function (the
//! buyer fee on top, the platform fee taken from the seller's share), so for the ledger a
//! tip is a small order without a discount that is paid and completed at once.

use crate::error_code::error_codes;
use crate::money::{FeeRate, Yen, parse_amount};
use crate::orders::pricing::{OrderQuote, PricingError};
use crate::time::Timestamp;

/// The smallest tip (yen), the default of the configuration.
pub const DEFAULT_TIP_MIN: i64 = 100;
/// The largest tip (yen), the default of the configuration.
pub const DEFAULT_TIP_MAX: i64 = 99_999;
/// Days after completion during which the buyer may tip, the default of the configuration.
pub const DEFAULT_TIP_WINDOW_DAYS: i64 = 7;
/// The longest tip message, in characters.
pub const TIP_MESSAGE_MAX_CHARS: usize = 500;

/// Why a tip amount typed by the buyer is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TipError {
    /// Empty, not a whole number of yen, or absurdly large.
    #[error("the tip is not an amount")]
    NotAnAmount,
    /// Outside the configured range.
    #[error("the tip is outside {min}–{max}")]
    OutOfRange {
        /// The smallest tip (a message argument).
        min: Yen,
        /// The largest tip (a message argument).
        max: Yen,
    },
}

error_codes! {
    TipError {
        NotAnAmount => "tip-amount-invalid",
        OutOfRange { min, max } => "tip-amount-out-of-range",
    }
}

/// A tip amount within the configured bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TipAmount(Yen);

impl TipAmount {
    /// Reads a tip typed as members type amounts (`1000`, `１，０００`, `¥1,000`, `1000円`) and
    /// checks it lies in `min..=max`.
    pub fn parse(input: &str, min: Yen, max: Yen) -> Result<TipAmount, TipError> {
        let amount = match parse_amount(input) {
            Ok(amount) => amount,
            Err(crate::money::MoneyError::TooLarge { .. }) => {
                return Err(TipError::OutOfRange { min, max });
            }
            Err(_) => return Err(TipError::NotAnAmount),
        };
        if amount < min || amount > max {
            return Err(TipError::OutOfRange { min, max });
        }
        Ok(TipAmount(amount))
    }

    /// The amount in yen.
    pub const fn yen(self) -> Yen {
        self.0
    }
}

/// The amounts of a tip of `amount`: the order's fee function with no options and no
/// discount (points and coupons apply to purchases only).
pub fn tip_quote(
    amount: TipAmount,
    seller_rate: FeeRate,
    buyer_rate: FeeRate,
) -> Result<OrderQuote, PricingError> {
    OrderQuote::compute(amount.yen(), &[], Yen::ZERO, seller_rate, buyer_rate)
}

/// The last moment a tip may be sent for an order completed at `completed_at`: `window_days`
/// whole days later (day 7 is still in, a second after it is not).
pub fn tip_deadline(completed_at: Timestamp, window_days: i64) -> Timestamp {
    Timestamp::from_unix(
        completed_at
            .unix()
            .saturating_add(window_days.saturating_mul(86_400)),
    )
}

/// Whether a tip sent at `now` is within the window after completion.
pub fn tip_window_open(completed_at: Timestamp, now: Timestamp, window_days: i64) -> bool {
    now >= completed_at && now <= tip_deadline(completed_at, window_days)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(input: &str) -> Result<TipAmount, TipError> {
        TipAmount::parse(input, Yen::new(100), Yen::new(99_999))
    }

    #[test]
    fn bounds_are_inclusive() {
        assert_eq!(parse("100").map(TipAmount::yen), Ok(Yen::new(100)));
        assert_eq!(parse("99,999").map(TipAmount::yen), Ok(Yen::new(99_999)));
        assert_eq!(parse("１０００円").map(TipAmount::yen), Ok(Yen::new(1000)));
        let out = Err(TipError::OutOfRange {
            min: Yen::new(100),
            max: Yen::new(99_999),
        });
        assert_eq!(parse("99"), out);
        assert_eq!(parse("100000"), out);
        assert_eq!(parse("99999999999999999"), out);
        assert_eq!(parse(""), Err(TipError::NotAnAmount));
        assert_eq!(parse("12.5"), Err(TipError::NotAnAmount));
        assert_eq!(parse("-100"), Err(TipError::NotAnAmount));
    }

    #[test]
    fn the_window_ends_seven_days_after_completion() {
        let done = Timestamp::from_unix(1_000_000);
        assert!(tip_window_open(done, done, 7));
        assert!(tip_window_open(
            done,
            Timestamp::from_unix(1_000_000 + 7 * 86_400),
            7
        ));
        assert!(!tip_window_open(
            done,
            Timestamp::from_unix(1_000_000 + 7 * 86_400 + 1),
            7
        ));
    }

    #[test]
    fn the_quote_takes_both_fees() {
        let amount = parse("1000").expect("amount");
        let q = tip_quote(
            amount,
            crate::money::DEFAULT_SELLER_FEE_RATE,
            crate::money::DEFAULT_BUYER_FEE_RATE,
        )
        .expect("quote");
        assert_eq!(q.buyer_total(), Yen::new(1055));
        assert_eq!(q.seller_share(), Yen::new(780));
        assert_eq!(q.platform_fee(), Yen::new(220));
    }
}
