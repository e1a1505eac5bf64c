//! What an order costs and how the money divides: the amounts of the final confirmation
//! screen (最終確認画面) and of the ledger, computed once, in whole yen, with [`fee`].

use crate::error_code::error_codes;
use crate::money::{FeeRate, Yen, fee};

/// Why an order's amounts cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PricingError {
    /// The price, an option's price or the discount is below zero.
    #[error("an amount of the order is negative")]
    NegativeAmount,
    /// The discount (points and coupon) is more than the buyer would pay without it.
    #[error("the discount is larger than {max}")]
    DiscountTooLarge {
        /// What the buyer would pay without a discount (subtotal + buyer fee).
        max: Yen,
    },
    /// A sum does not fit into an amount; only absurd inputs get here.
    #[error("the order's amounts are too large")]
    Overflow,
}

error_codes! {
    PricingError {
        NegativeAmount => "order-amount-negative",
        DiscountTooLarge { max } => "order-discount-too-large",
        Overflow => "order-amount-too-large",
    }
}

/// The amounts of one order, consistent by construction:
///
/// - `subtotal` = price + chosen options;
/// - `buyer_fee` = [`fee`]`(subtotal, buyer rate)` (サービス利用料);
/// - `buyer_total` = subtotal + buyer_fee − discount, what the buyer pays;
/// - `platform_fee` = [`fee`]`(subtotal, seller rate)` (販売手数料);
/// - `seller_share` = subtotal − platform_fee, the seller's sales on completion.
///
/// So buyer_total = seller_share + platform_fee + buyer_fee − discount, and no amount is
/// negative. The discount is borne by the platform: the seller's share does not depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct OrderQuote {
    subtotal: Yen,
    buyer_fee: Yen,
    discount: Yen,
    buyer_total: Yen,
    platform_fee: Yen,
    seller_share: Yen,
}

impl OrderQuote {
    /// Computes the amounts of an order of a listing at `price` with the prices of the
    /// chosen `options`, less `discount` (points and coupon together), at the configured fee
    /// rates.
    pub fn compute(
        price: Yen,
        options: &[Yen],
        discount: Yen,
        seller_rate: FeeRate,
        buyer_rate: FeeRate,
    ) -> Result<OrderQuote, PricingError> {
        if price < Yen::ZERO || discount < Yen::ZERO || options.iter().any(|o| *o < Yen::ZERO) {
            return Err(PricingError::NegativeAmount);
        }
        let subtotal = options
            .iter()
            .try_fold(price, |sum, option| sum.checked_add(*option))
            .ok_or(PricingError::Overflow)?;
        let buyer_fee = fee(subtotal, buyer_rate);
        let undiscounted = subtotal
            .checked_add(buyer_fee)
            .ok_or(PricingError::Overflow)?;
        if discount > undiscounted {
            return Err(PricingError::DiscountTooLarge { max: undiscounted });
        }
        let platform_fee = fee(subtotal, seller_rate);
        // Neither subtraction can fail: discount ≤ undiscounted and fee ≤ amount.
        let buyer_total = undiscounted
            .checked_sub(discount)
            .ok_or(PricingError::Overflow)?;
        let seller_share = subtotal
            .checked_sub(platform_fee)
            .ok_or(PricingError::Overflow)?;
        Ok(OrderQuote {
            subtotal,
            buyer_fee,
            discount,
            buyer_total,
            platform_fee,
            seller_share,
        })
    }

    /// The quote of a stored order, rebuilt from its recorded amounts (the fee rates may have
    /// changed since it was placed, so they are not recomputed). The derived amounts follow
    /// from the recorded ones; inconsistent records are refused.
    pub fn from_recorded(
        subtotal: Yen,
        buyer_fee: Yen,
        discount: Yen,
        platform_fee: Yen,
    ) -> Result<OrderQuote, PricingError> {
        if [subtotal, buyer_fee, discount, platform_fee]
            .iter()
            .any(|amount| *amount < Yen::ZERO)
            || platform_fee > subtotal
        {
            return Err(PricingError::NegativeAmount);
        }
        let undiscounted = subtotal
            .checked_add(buyer_fee)
            .ok_or(PricingError::Overflow)?;
        let buyer_total = undiscounted
            .checked_sub(discount)
            .filter(|total| *total >= Yen::ZERO)
            .ok_or(PricingError::DiscountTooLarge { max: undiscounted })?;
        let seller_share = subtotal
            .checked_sub(platform_fee)
            .ok_or(PricingError::Overflow)?;
        Ok(OrderQuote {
            subtotal,
            buyer_fee,
            discount,
            buyer_total,
            platform_fee,
            seller_share,
        })
    }

    /// Price plus options.
    pub const fn subtotal(&self) -> Yen {
        self.subtotal
    }

    /// The buyer's service fee on the subtotal.
    pub const fn buyer_fee(&self) -> Yen {
        self.buyer_fee
    }

    /// Points and coupon together.
    pub const fn discount(&self) -> Yen {
        self.discount
    }

    /// What the buyer pays: subtotal + buyer fee − discount.
    pub const fn buyer_total(&self) -> Yen {
        self.buyer_total
    }

    /// The seller fee the platform keeps from the subtotal.
    pub const fn platform_fee(&self) -> Yen {
        self.platform_fee
    }

    /// What the seller is credited on completion: subtotal − platform fee.
    pub const fn seller_share(&self) -> Yen {
        self.seller_share
    }

    /// Subtotal + buyer fee: what escrow holds for the order, whoever paid it (the buyer's
    /// payment and the platform-funded discount together).
    pub const fn escrow_amount(&self) -> Yen {
        Yen::new(self.buyer_total.get() + self.discount.get())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use crate::money::{DEFAULT_BUYER_FEE_RATE, DEFAULT_SELLER_FEE_RATE};
    use proptest::prelude::*;

    fn quote(price: i64, options: &[i64], discount: i64) -> Result<OrderQuote, PricingError> {
        let options: Vec<Yen> = options.iter().copied().map(Yen::new).collect();
        OrderQuote::compute(
            Yen::new(price),
            &options,
            Yen::new(discount),
            DEFAULT_SELLER_FEE_RATE,
            DEFAULT_BUYER_FEE_RATE,
        )
    }

    #[test]
    fn a_worked_example() {
        // ¥5,000 + options ¥1,000 and ¥500 = ¥6,500; buyer fee 5.5 % = ¥357 (357.5 down);
        // seller fee 22 % = ¥1,430; coupon ¥300.
        let q = quote(5_000, &[1_000, 500], 300);
        assert_eq!(
            q,
            Ok(OrderQuote {
                subtotal: Yen::new(6_500),
                buyer_fee: Yen::new(357),
                discount: Yen::new(300),
                buyer_total: Yen::new(6_557),
                platform_fee: Yen::new(1_430),
                seller_share: Yen::new(5_070),
            })
        );
        assert_eq!(q.map(|q| q.escrow_amount()), Ok(Yen::new(6_857)));
    }

    #[test]
    fn a_recorded_quote_round_trips() {
        let q = quote(5_000, &[1_000, 500], 300).expect("quote");
        assert_eq!(
            OrderQuote::from_recorded(q.subtotal(), q.buyer_fee(), q.discount(), q.platform_fee()),
            Ok(q)
        );
        assert!(
            OrderQuote::from_recorded(Yen::new(100), Yen::ZERO, Yen::new(101), Yen::ZERO).is_err()
        );
        assert!(
            OrderQuote::from_recorded(Yen::new(100), Yen::ZERO, Yen::ZERO, Yen::new(101)).is_err()
        );
    }

    #[test]
    fn the_discount_may_cover_everything_but_no_more() {
        assert_eq!(
            quote(1_000, &[], 1_055).map(|q| q.buyer_total()),
            Ok(Yen::ZERO)
        );
        assert_eq!(
            quote(1_000, &[], 1_056),
            Err(PricingError::DiscountTooLarge {
                max: Yen::new(1_055)
            })
        );
    }

    #[test]
    fn refuses_negative_amounts_and_overflow() {
        assert_eq!(quote(-1, &[], 0), Err(PricingError::NegativeAmount));
        assert_eq!(quote(500, &[-1], 0), Err(PricingError::NegativeAmount));
        assert_eq!(quote(500, &[], -1), Err(PricingError::NegativeAmount));
        assert_eq!(quote(i64::MAX, &[1], 0), Err(PricingError::Overflow));
        assert_eq!(quote(i64::MAX, &[], 0), Err(PricingError::Overflow));
    }

    #[test]
    fn error_codes() {
        assert_eq!(PricingError::NegativeAmount.code(), "order-amount-negative");
        assert_eq!(
            PricingError::DiscountTooLarge { max: Yen::ZERO }.code(),
            "order-discount-too-large"
        );
        assert_eq!(PricingError::Overflow.code(), "order-amount-too-large");
    }

    fn any_rate() -> impl Strategy<Value = FeeRate> {
        (0..=FeeRate::MAX_BASIS_POINTS).prop_filter_map("rate", FeeRate::from_basis_points)
    }

    proptest! {
        #[test]
        fn the_amounts_add_up(
            price in 0..=1_000_000_000_i64,
            options in proptest::collection::vec(0..=100_000_000_i64, 0..5),
            discount in 0..=2_000_000_000_i64,
            seller_rate in any_rate(),
            buyer_rate in any_rate(),
        ) {
            let options: Vec<Yen> = options.into_iter().map(Yen::new).collect();
            match OrderQuote::compute(Yen::new(price), &options, Yen::new(discount), seller_rate, buyer_rate) {
                Ok(q) => {
                    prop_assert_eq!(
                        q.buyer_total().get(),
                        q.seller_share().get() + q.platform_fee().get() + q.buyer_fee().get() - q.discount().get()
                    );
                    prop_assert_eq!(q.subtotal().get(), price + options.iter().map(|o| o.get()).sum::<i64>());
                    prop_assert_eq!(q.escrow_amount().get(), q.subtotal().get() + q.buyer_fee().get());
                    for amount in [q.subtotal(), q.buyer_fee(), q.discount(), q.buyer_total(), q.platform_fee(), q.seller_share()] {
                        prop_assert!(amount >= Yen::ZERO);
                    }
                }
                Err(e) => prop_assert_eq!(e.code(), "order-discount-too-large"),
            }
        }

        #[test]
        fn never_panics(
            price in any::<i64>(),
            options in proptest::collection::vec(any::<i64>(), 0..4),
            discount in any::<i64>(),
            seller_rate in any_rate(),
            buyer_rate in any_rate(),
        ) {
            let options: Vec<Yen> = options.into_iter().map(Yen::new).collect();
            if let Ok(q) = OrderQuote::compute(Yen::new(price), &options, Yen::new(discount), seller_rate, buyer_rate) {
                prop_assert!(q.buyer_total() >= Yen::ZERO && q.seller_share() >= Yen::ZERO);
            }
        }
    }
}
