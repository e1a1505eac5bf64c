//! Disputes (トラブル相談): why a party asks an operator to step in, what the operator
//! decides, and how a partial refund divides the money.
//!
//! A partial refund is the one decision that needs arithmetic: the buyer gets an amount back
//! and the order completes on what is kept. The kept amount is split with the same fee
//! function ([`fee`]) as any order, so the seller's share and both fees of a partially
//! refunded order are those of an order that had cost what was kept.

use crate::error_code::error_codes;
use crate::money::{FeeRate, Yen, fee};

use super::pricing::OrderQuote;

/// Why a party opens a dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeReason {
    /// 納品されない: the work does not arrive.
    NotDelivered,
    /// 品質: what arrived is not what was agreed.
    Quality,
    /// 連絡が取れない: the other side does not answer.
    NoContact,
    /// その他.
    Other,
}

impl DisputeReason {
    /// Every reason, in the order the form lists them.
    pub const ALL: [DisputeReason; 4] = [
        Self::NotDelivered,
        Self::Quality,
        Self::NoContact,
        Self::Other,
    ];

    /// Stable key for storage, forms, the JSON API and message ids.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NotDelivered => "not_delivered",
            Self::Quality => "quality",
            Self::NoContact => "no_contact",
            Self::Other => "other",
        }
    }

    /// Reads a key written by [`DisputeReason::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == key.trim())
    }
}

/// Which side opened a dispute or wrote a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeSide {
    Buyer,
    Seller,
}

impl DisputeSide {
    /// Both sides.
    pub const ALL: [DisputeSide; 2] = [Self::Buyer, Self::Seller];

    /// Stable key for storage and the JSON API.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Buyer => "buyer",
            Self::Seller => "seller",
        }
    }

    /// Reads a key written by [`DisputeSide::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == key)
    }
}

/// What the operator decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeDecision {
    /// The seller is paid in full: the order completes (only after a formal delivery).
    Release,
    /// The buyer gets everything back: the order is cancelled and refunded.
    FullRefund,
    /// The buyer gets part back; the order completes on the rest.
    PartialRefund,
}

impl DisputeDecision {
    /// Every decision.
    pub const ALL: [DisputeDecision; 3] = [Self::Release, Self::FullRefund, Self::PartialRefund];

    /// Stable key for storage, forms, the JSON API and message ids.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Release => "release",
            Self::FullRefund => "full_refund",
            Self::PartialRefund => "partial_refund",
        }
    }

    /// Reads a key written by [`DisputeDecision::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == key.trim())
    }
}

/// Why a partial refund cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DisputeError {
    /// The amount is not above zero and below what the buyer paid (a full refund and a
    /// release are their own decisions).
    #[error("a partial refund is more than ¥0 and less than ¥{paid}")]
    RefundOutOfRange {
        /// What the buyer paid.
        paid: Yen,
    },
}

error_codes! {
    DisputeError {
        RefundOutOfRange { paid } => "dispute-refund-out-of-range",
    }
}

/// The amounts of an order after a partial refund of `refund`, as an [`OrderQuote`] of what
/// is kept: `0 < refund < paid` (what the buyer paid).
///
/// The buyer keeps paying `paid − refund`; the discount (points, coupon) stays spent, so what
/// escrow keeps is `kept = paid − refund + discount`. It is split like any order's escrow:
/// the kept subtotal is the largest `s` with `s + fee(s, buyer rate) ≤ kept`, the seller fee
/// is `fee(s, seller rate)` and the seller's share `s −` that fee. Where the buyer fee's
/// rounding skips a yen (`s + fee(s)` can jump by 2), the yen left over is the buyer fee's, so
/// the amounts still add up exactly: buyer total = share + seller fee + buyer fee − discount.
pub fn partial_refund(
    quote: &OrderQuote,
    refund: Yen,
    seller_rate: FeeRate,
    buyer_rate: FeeRate,
) -> Result<OrderQuote, DisputeError> {
    let paid = quote.buyer_total();
    if refund <= Yen::ZERO || refund >= paid {
        return Err(DisputeError::RefundOutOfRange { paid });
    }
    let out_of_range = || DisputeError::RefundOutOfRange { paid };
    let kept = quote
        .escrow_amount()
        .checked_sub(refund)
        .ok_or_else(out_of_range)?;
    let subtotal = kept_subtotal(kept, buyer_rate);
    let buyer_fee = kept.checked_sub(subtotal).ok_or_else(out_of_range)?;
    let platform_fee = fee(subtotal, seller_rate);
    OrderQuote::from_recorded(subtotal, buyer_fee, quote.discount(), platform_fee)
        .map_err(|_| out_of_range())
}

/// The largest subtotal `s ≥ 0` with `s + fee(s, rate) ≤ kept`, by bisection (`s + fee(s)`
/// grows with `s`).
fn kept_subtotal(kept: Yen, rate: FeeRate) -> Yen {
    let with_fee = |s: i64| i128::from(s) + i128::from(fee(Yen::new(s), rate).get());
    let (mut low, mut high) = (0_i64, kept.get().max(0));
    while low < high {
        let mid = low + (high - low + 1) / 2;
        if with_fee(mid) <= i128::from(kept.get()) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    Yen::new(low)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UserId;
    use crate::error_code::ErrorCode;
    use crate::money::{DEFAULT_BUYER_FEE_RATE, DEFAULT_SELLER_FEE_RATE};
    use crate::orders::ledger::{Account, Transaction};
    use proptest::prelude::*;

    fn quote(price: i64, options: &[i64], discount: i64) -> OrderQuote {
        let options: Vec<Yen> = options.iter().copied().map(Yen::new).collect();
        OrderQuote::compute(
            Yen::new(price),
            &options,
            Yen::new(discount),
            DEFAULT_SELLER_FEE_RATE,
            DEFAULT_BUYER_FEE_RATE,
        )
        .expect("quote")
    }

    fn kept(q: &OrderQuote, refund: i64) -> Result<OrderQuote, DisputeError> {
        partial_refund(
            q,
            Yen::new(refund),
            DEFAULT_SELLER_FEE_RATE,
            DEFAULT_BUYER_FEE_RATE,
        )
    }

    #[test]
    fn keys_round_trip() {
        for r in DisputeReason::ALL {
            assert_eq!(DisputeReason::parse(r.as_str()), Some(r));
        }
        for d in DisputeDecision::ALL {
            assert_eq!(DisputeDecision::parse(d.as_str()), Some(d));
        }
        for s in DisputeSide::ALL {
            assert_eq!(DisputeSide::parse(s.as_str()), Some(s));
        }
        assert_eq!(DisputeReason::parse("品質"), None);
    }

    #[test]
    fn a_worked_partial_refund() {
        // ¥3,000 + ¥1,000 option: buyer fee ¥220, paid ¥4,220. ¥2,110 back leaves ¥2,110 in
        // escrow: subtotal ¥2,000 + buyer fee ¥110; seller fee 22 % ¥440, share ¥1,560.
        let q = quote(3_000, &[1_000], 0);
        assert_eq!(q.buyer_total(), Yen::new(4_220));
        let k = kept(&q, 2_110).expect("kept");
        assert_eq!(k.subtotal(), Yen::new(2_000));
        assert_eq!(k.buyer_fee(), Yen::new(110));
        assert_eq!(k.platform_fee(), Yen::new(440));
        assert_eq!(k.seller_share(), Yen::new(1_560));
        assert_eq!(k.buyer_total(), Yen::new(2_110));
    }

    #[test]
    fn the_amount_is_more_than_nothing_and_less_than_everything() {
        let q = quote(3_000, &[], 0);
        for refund in [0, -1, 3_165, 3_166] {
            assert_eq!(
                kept(&q, refund),
                Err(DisputeError::RefundOutOfRange {
                    paid: Yen::new(3_165)
                }),
                "{refund}"
            );
        }
        assert_eq!(
            DisputeError::RefundOutOfRange { paid: Yen::ZERO }.code(),
            "dispute-refund-out-of-range"
        );
    }

    fn sum_of(transactions: &[Transaction], account: Account) -> i64 {
        transactions
            .iter()
            .flat_map(Transaction::entries)
            .filter(|entry| entry.account == account)
            .map(|entry| entry.amount)
            .sum()
    }

    fn any_rate() -> impl Strategy<Value = FeeRate> {
        (0..=FeeRate::MAX_BASIS_POINTS).prop_filter_map("rate", FeeRate::from_basis_points)
    }

    proptest! {
        /// For any order (price, options, discount, fee rates) and any partial amount: the
        /// buyer's total is the seller's share plus both fees less the discount, the buyer
        /// paid exactly the amount kept, the ledger transaction balances and escrow empties.
        #[test]
        fn any_partial_refund_adds_up_and_empties_escrow(
            price in 0..=100_000_000_i64,
            options in proptest::collection::vec(0..=10_000_000_i64, 0..4),
            discount_permille in 0..=1_000_i64,
            seller_rate in any_rate(),
            buyer_rate in any_rate(),
            refund_permille in 0..=1_000_i64,
            seller in any::<i64>().prop_map(UserId::new),
        ) {
            let options: Vec<Yen> = options.into_iter().map(Yen::new).collect();
            let full = OrderQuote::compute(Yen::new(price), &options, Yen::ZERO, seller_rate, buyer_rate);
            prop_assume!(full.is_ok());
            let undiscounted = full.map(|q| q.buyer_total().get()).unwrap_or(0);
            let discount = Yen::new(undiscounted * discount_permille / 1_000);
            let q = OrderQuote::compute(Yen::new(price), &options, discount, seller_rate, buyer_rate);
            prop_assume!(q.is_ok());
            let q = q.expect("checked");
            let paid = q.buyer_total().get();
            prop_assume!(paid >= 2);
            let refund = Yen::new((paid * refund_permille / 1_000).clamp(1, paid - 1));
            let k = partial_refund(&q, refund, seller_rate, buyer_rate).expect("in range");
            prop_assert_eq!(k.buyer_total().get(), paid - refund.get());
            prop_assert_eq!(
                k.buyer_total().get(),
                k.seller_share().get() + k.platform_fee().get() + k.buyer_fee().get() - k.discount().get()
            );
            prop_assert_eq!(k.discount(), q.discount());
            prop_assert_eq!(k.platform_fee(), fee(k.subtotal(), seller_rate));
            let buyer_fee_rounding = k.buyer_fee().get() - fee(k.subtotal(), buyer_rate).get();
            prop_assert!((0..=1).contains(&buyer_fee_rounding), "{}", buyer_fee_rounding);
            prop_assert!(k.seller_share() <= q.seller_share());
            let all = [
                Transaction::payment_into_escrow(&q),
                Transaction::partial_refund(&q, &k, seller),
            ];
            prop_assert!(all.iter().all(Transaction::is_balanced));
            prop_assert_eq!(sum_of(&all, Account::Escrow), 0);
            prop_assert_eq!(sum_of(&all, Account::BuyerPayment), paid - refund.get());
            prop_assert_eq!(sum_of(&all, Account::SellerBalance(seller)), -k.seller_share().get());
            prop_assert_eq!(
                sum_of(&all, Account::PlatformRevenue),
                -(k.platform_fee().get() + k.buyer_fee().get())
            );
        }
    }
}
