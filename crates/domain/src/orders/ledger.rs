//! Double-entry ledger transactions for orders.
//!
//! Money moves only as a [`Transaction`]: a set of [`Entry`]s whose amounts sum to zero. An
//! entry's amount is signed: **positive is a debit, negative is a credit**. Assets and
//! expenses grow by debits; liabilities and revenue grow by credits, so their balance (the
//! sum of their entries) is negative while the platform owes or has earned money, and a page
//! shows its negation. A [`Transaction`] can only be built by the constructors below, each of
//! which is balanced by construction; [`Transaction::is_balanced`] lets the store and the
//! tests check it anyway.

use super::pricing::OrderQuote;
use crate::ids::UserId;

/// An account of the ledger. Each account's normal side is named: a debit-normal account's
/// balance is positive, a credit-normal one's negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(tag = "account", content = "user_id", rename_all = "snake_case")]
pub enum Account {
    /// Money received from buyers through the payment gateway, not yet settled (asset;
    /// debit-normal).
    BuyerPayment,
    /// Money held for orders between payment and completion or refund (liability;
    /// credit-normal).
    Escrow,
    /// The platform's earnings: seller fees and buyer fees (revenue; credit-normal).
    PlatformRevenue,
    /// What the platform owes one seller, keyed by the seller's user id (liability;
    /// credit-normal). The sales balance (売上金) is the negation of its sum.
    SellerBalance(UserId),
    /// The platform's bank account that pays sellers (asset; a transfer credits it).
    Payout,
    /// Payout requests accepted and not yet transferred (liability; credit-normal).
    PayoutInFlight,
    /// Transfer fees charged on payouts (revenue; credit-normal).
    TransferFee,
    /// Balances forfeited on withdrawal or expiry (revenue; credit-normal).
    Forfeiture,
    /// Points granted to members and not yet used or expired (liability; credit-normal).
    PointsLiability,
    /// Discounts the platform funds on orders, points and coupons alike (expense;
    /// debit-normal).
    CouponDiscount,
}

impl Account {
    /// Stable key of the account's kind, for the `account` column (a seller's balance
    /// stores the user id in a second column).
    pub fn kind(self) -> &'static str {
        match self {
            Self::BuyerPayment => "buyer_payment",
            Self::Escrow => "escrow",
            Self::PlatformRevenue => "platform_revenue",
            Self::SellerBalance(_) => "seller_balance",
            Self::Payout => "payout",
            Self::PayoutInFlight => "payout_in_flight",
            Self::TransferFee => "transfer_fee",
            Self::Forfeiture => "forfeiture",
            Self::PointsLiability => "points_liability",
            Self::CouponDiscount => "coupon_discount",
        }
    }
}

/// One line of a transaction: `amount` yen on `account`; positive is a debit, negative a
/// credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    /// The account moved.
    pub account: Account,
    /// Signed yen: positive = debit, negative = credit.
    pub amount: i64,
}

/// A balanced set of entries, recorded together or not at all.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Transaction {
    entries: Vec<Entry>,
}

impl Transaction {
    /// Builds a transaction from lines; entries of ¥0 are left out (no discount, a 0 % fee).
    /// Private: every public constructor passes lines that sum to zero.
    fn from_lines(lines: &[(Account, i64)]) -> Self {
        Self {
            entries: lines
                .iter()
                .filter(|(_, amount)| *amount != 0)
                .map(|&(account, amount)| Entry { account, amount })
                .collect(),
        }
    }

    /// The buyer pays for an order: the buyer's payment and the platform-funded discount
    /// together put subtotal + buyer fee into escrow.
    ///
    /// Debit buyer payment `buyer_total`, debit coupon discount `discount`, credit escrow
    /// `subtotal + buyer_fee`.
    pub fn payment_into_escrow(quote: &OrderQuote) -> Self {
        Self::from_lines(&[
            (Account::BuyerPayment, quote.buyer_total().get()),
            (Account::CouponDiscount, quote.discount().get()),
            (Account::Escrow, -quote.escrow_amount().get()),
        ])
    }

    /// The order completes: escrow is released to the seller's balance (their share) and to
    /// platform revenue (the seller fee and the buyer fee).
    ///
    /// Debit escrow `subtotal + buyer_fee`, credit the seller's balance `seller_share`,
    /// credit platform revenue `platform_fee + buyer_fee`.
    pub fn completion(quote: &OrderQuote, seller_id: UserId) -> Self {
        Self::from_lines(&[
            (Account::Escrow, quote.escrow_amount().get()),
            (
                Account::SellerBalance(seller_id),
                -quote.seller_share().get(),
            ),
            (
                Account::PlatformRevenue,
                -(quote.platform_fee().get() + quote.buyer_fee().get()),
            ),
        ])
    }

    /// The order is cancelled after payment: the exact reversal of
    /// [`Transaction::payment_into_escrow`]. The buyer gets back what they paid and the
    /// discount returns to the platform (the points or coupon are restored elsewhere).
    pub fn refund(quote: &OrderQuote) -> Self {
        Self::from_lines(&[
            (Account::Escrow, quote.escrow_amount().get()),
            (Account::BuyerPayment, -quote.buyer_total().get()),
            (Account::CouponDiscount, -quote.discount().get()),
        ])
    }

    /// An operator decided a dispute with a partial refund: escrow empties into the buyer's
    /// refund (what they paid less what is kept), the seller's share of the kept amount and
    /// the platform's two fees on it. The discount stays spent. `kept` comes from
    /// [`crate::orders::dispute::partial_refund`].
    ///
    /// Debit escrow `subtotal + buyer_fee`, credit buyer payment `paid − kept total`, credit
    /// the seller's balance `kept share`, credit platform revenue `kept fees`.
    pub fn partial_refund(original: &OrderQuote, kept: &OrderQuote, seller_id: UserId) -> Self {
        Self::from_lines(&[
            (Account::Escrow, original.escrow_amount().get()),
            (
                Account::BuyerPayment,
                -(original.buyer_total().get() - kept.buyer_total().get()),
            ),
            (
                Account::SellerBalance(seller_id),
                -kept.seller_share().get(),
            ),
            (
                Account::PlatformRevenue,
                -(kept.platform_fee().get() + kept.buyer_fee().get()),
            ),
        ])
    }

    /// A seller requests a payout of `gross` (their whole balance): it leaves their balance;
    /// `net` waits to be transferred and the transfer `fee` is the platform's.
    ///
    /// Debit the seller's balance `gross`, credit payouts in flight `net`, credit transfer
    /// fees `fee` (gross = net + fee).
    pub fn payout_requested(seller_id: UserId, gross: i64, fee: i64) -> Self {
        Self::from_lines(&[
            (Account::SellerBalance(seller_id), gross),
            (Account::PayoutInFlight, -(gross - fee)),
            (Account::TransferFee, -fee),
        ])
    }

    /// A requested payout was transferred: debit payouts in flight `net`, credit the paying
    /// bank account `net`.
    pub fn payout_transferred(net: i64) -> Self {
        Self::from_lines(&[(Account::PayoutInFlight, net), (Account::Payout, -net)])
    }

    /// A transfer failed: the exact reversal of [`Transaction::payout_requested`], the money
    /// and the fee back on the seller's balance.
    pub fn payout_failed(seller_id: UserId, gross: i64, fee: i64) -> Self {
        Self::from_lines(&[
            (Account::PayoutInFlight, gross - fee),
            (Account::TransferFee, fee),
            (Account::SellerBalance(seller_id), -gross),
        ])
    }

    /// Sales not requested in time expire (失効): debit the seller's balance, credit
    /// forfeiture.
    pub fn sales_expired(seller_id: UserId, amount: i64) -> Self {
        Self::from_lines(&[
            (Account::SellerBalance(seller_id), amount),
            (Account::Forfeiture, -amount),
        ])
    }

    /// An operator reinstates expired sales on a claim: the reversal of
    /// [`Transaction::sales_expired`].
    pub fn sales_reinstated(seller_id: UserId, amount: i64) -> Self {
        Self::from_lines(&[
            (Account::Forfeiture, amount),
            (Account::SellerBalance(seller_id), -amount),
        ])
    }

    /// A withdrawing seller forfeits their unrequested balance, having seen and acknowledged
    /// the amount: debit the seller's balance, credit forfeiture.
    pub fn withdrawal_forfeiture(seller_id: UserId, amount: i64) -> Self {
        Self::sales_expired(seller_id, amount)
    }

    /// The member undid the withdrawal during the grace period: the reversal of
    /// [`Transaction::withdrawal_forfeiture`].
    pub fn withdrawal_forfeiture_reversed(seller_id: UserId, amount: i64) -> Self {
        Self::sales_reinstated(seller_id, amount)
    }

    /// The lines, in the order they were built.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Debits equal credits: the amounts sum to zero (summed without overflow).
    pub fn is_balanced(&self) -> bool {
        self.entries
            .iter()
            .map(|entry| i128::from(entry.amount))
            .sum::<i128>()
            == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Yen;
    use crate::money::{DEFAULT_BUYER_FEE_RATE, DEFAULT_SELLER_FEE_RATE, FeeRate};
    use proptest::prelude::*;

    fn example() -> Option<OrderQuote> {
        OrderQuote::compute(
            Yen::new(5_000),
            &[Yen::new(1_000), Yen::new(500)],
            Yen::new(300),
            DEFAULT_SELLER_FEE_RATE,
            DEFAULT_BUYER_FEE_RATE,
        )
        .ok()
    }

    fn sum_of(transactions: &[Transaction], account: Account) -> i64 {
        transactions
            .iter()
            .flat_map(Transaction::entries)
            .filter(|entry| entry.account == account)
            .map(|entry| entry.amount)
            .sum()
    }

    #[test]
    fn an_order_from_payment_to_completion() {
        let quote = example();
        let Some(quote) = quote else {
            panic!("the example quote is valid");
        };
        let paid = Transaction::payment_into_escrow(&quote);
        let done = Transaction::completion(&quote, UserId::new(42));
        assert_eq!(
            paid.entries(),
            [
                Entry {
                    account: Account::BuyerPayment,
                    amount: 6_557
                },
                Entry {
                    account: Account::CouponDiscount,
                    amount: 300
                },
                Entry {
                    account: Account::Escrow,
                    amount: -6_857
                },
            ]
        );
        let all = [paid, done];
        assert_eq!(sum_of(&all, Account::Escrow), 0);
        assert_eq!(
            sum_of(&all, Account::SellerBalance(UserId::new(42))),
            -5_070
        );
        assert_eq!(sum_of(&all, Account::PlatformRevenue), -(1_430 + 357));
        assert!(all.iter().all(Transaction::is_balanced));
    }

    #[test]
    fn a_refund_reverses_the_payment() {
        let Some(quote) = example() else {
            panic!("the example quote is valid");
        };
        let all = [
            Transaction::payment_into_escrow(&quote),
            Transaction::refund(&quote),
        ];
        for account in [
            Account::BuyerPayment,
            Account::CouponDiscount,
            Account::Escrow,
        ] {
            assert_eq!(sum_of(&all, account), 0, "{}", account.kind());
        }
    }

    #[test]
    fn zero_lines_are_left_out() {
        let quote = OrderQuote::compute(
            Yen::new(1_000),
            &[],
            Yen::ZERO,
            DEFAULT_SELLER_FEE_RATE,
            DEFAULT_BUYER_FEE_RATE,
        );
        let entries = quote.map(|q| Transaction::payment_into_escrow(&q).entries().len());
        assert_eq!(entries, Ok(2));
    }

    fn any_quote() -> impl Strategy<Value = OrderQuote> {
        (
            0..=i64::MAX / 4,
            proptest::collection::vec(0..=i64::MAX / 16, 0..3),
            0..=1_000_i128,
            0..=FeeRate::MAX_BASIS_POINTS,
            0..=FeeRate::MAX_BASIS_POINTS,
        )
            .prop_filter_map(
                "valid quote",
                |(price, options, permille, seller, buyer)| {
                    let options: Vec<Yen> = options.into_iter().map(Yen::new).collect();
                    let seller = FeeRate::from_basis_points(seller)?;
                    let buyer = FeeRate::from_basis_points(buyer)?;
                    // Any discount from none to everything the buyer would pay.
                    let undiscounted =
                        OrderQuote::compute(Yen::new(price), &options, Yen::ZERO, seller, buyer)
                            .ok()?
                            .buyer_total();
                    let discount =
                        i64::try_from(i128::from(undiscounted.get()) * permille / 1_000).ok()?;
                    OrderQuote::compute(
                        Yen::new(price),
                        &options,
                        Yen::new(discount),
                        seller,
                        buyer,
                    )
                    .ok()
                },
            )
    }

    proptest! {
        #[test]
        fn every_constructor_is_balanced(quote in any_quote(), seller in any::<i64>().prop_map(UserId::new)) {
            for transaction in [
                Transaction::payment_into_escrow(&quote),
                Transaction::completion(&quote, seller),
                Transaction::refund(&quote),
            ] {
                prop_assert!(transaction.is_balanced());
                prop_assert!(transaction.entries().iter().all(|e| e.amount != 0));
            }
        }

        #[test]
        fn escrow_empties_on_completion_or_refund(quote in any_quote(), seller in any::<i64>().prop_map(UserId::new), completed in any::<bool>()) {
            let payment = Transaction::payment_into_escrow(&quote);
            let end = if completed {
                Transaction::completion(&quote, seller)
            } else {
                Transaction::refund(&quote)
            };
            prop_assert_eq!(sum_of(&[payment, end], Account::Escrow), 0);
        }

        #[test]
        fn payout_movements_balance_and_return_the_balance(
            seller in any::<i64>().prop_map(UserId::new),
            gross in 1_i64..1_000_000_000,
            fee_share in 0_i64..1_000,
            transferred in any::<bool>(),
        ) {
            let fee = gross.min(fee_share);
            let request = Transaction::payout_requested(seller, gross, fee);
            let end = if transferred {
                Transaction::payout_transferred(gross - fee)
            } else {
                Transaction::payout_failed(seller, gross, fee)
            };
            for t in [&request, &end, &Transaction::sales_expired(seller, gross), &Transaction::sales_reinstated(seller, gross)] {
                prop_assert!(t.is_balanced());
            }
            // Nothing stays in flight; a failure gives the whole balance back.
            prop_assert_eq!(sum_of(&[request.clone(), end.clone()], Account::PayoutInFlight), 0);
            let back = sum_of(&[request, end], Account::SellerBalance(seller));
            prop_assert_eq!(back, if transferred { gross } else { 0 });
        }
    }
}
