//! Money: whole yen, amounts typed by members, and the one fee-rounding rule.
//!
//! Yen have no minor unit, so every amount is an integer number of yen ([`Yen`]); floats are
//! never used. Fees are computed by [`fee`] and nowhere else, so that the seller's statement,
//! the buyer's receipt and the ledger always agree to the yen.

use std::fmt;

use crate::error_code::error_codes;
use crate::numbers;

/// Largest amount [`parse_amount`] accepts (¥100,000,000). Fields with a tighter limit, such as
/// a listing's price, check theirs after parsing.
pub const MAX_AMOUNT: Yen = Yen(100_000_000);

/// An amount of Japanese yen. May be negative: ledger movements and balances are signed.
/// Arithmetic is checked; an overflow is a bug to report, never a wrapped amount.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(transparent)]
pub struct Yen(i64);

impl Yen {
    /// ¥0.
    pub const ZERO: Yen = Yen(0);

    /// Wraps a number of yen, e.g. from a database column or configuration.
    pub const fn new(yen: i64) -> Self {
        Self(yen)
    }

    /// The number of yen, for binding into SQL or passing to a message as a number.
    pub const fn get(self) -> i64 {
        self.0
    }

    /// `self + other`, or `None` on overflow.
    pub const fn checked_add(self, other: Yen) -> Option<Yen> {
        match self.0.checked_add(other.0) {
            Some(sum) => Some(Yen(sum)),
            None => None,
        }
    }

    /// `self - other`, or `None` on overflow.
    pub const fn checked_sub(self, other: Yen) -> Option<Yen> {
        match self.0.checked_sub(other.0) {
            Some(difference) => Some(Yen(difference)),
            None => None,
        }
    }

    /// The amount as Japanese pages write it: `1,234円` (`-1,234円` when negative).
    pub fn format_ja(self) -> String {
        format!(
            "{}{}円",
            sign(self.0),
            group_thousands(self.0.unsigned_abs())
        )
    }
}

/// A stored amount (`#[sqlx(try_from = "i64")]` on a row field): every whole number is an
/// amount of yen.
impl From<i64> for Yen {
    fn from(yen: i64) -> Self {
        Self(yen)
    }
}

/// `¥1,234` (`-¥1,234` when negative): the locale-neutral form, used in English pages, logs
/// and CSV exports.
impl fmt::Display for Yen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}¥{}",
            sign(self.0),
            group_thousands(self.0.unsigned_abs())
        )
    }
}

fn sign(yen: i64) -> &'static str {
    if yen < 0 { "-" } else { "" }
}

/// `1234567` → `"1,234,567"`.
fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// Why an amount typed by a member is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Nothing but whitespace (or only a currency sign) was entered.
    #[error("amount is empty")]
    Empty,
    /// Not a whole, non-negative number of yen: letters, decimals, signs, stray symbols.
    #[error("amount is not a whole number of yen")]
    NotANumber,
    /// Larger than [`MAX_AMOUNT`].
    #[error("amount is larger than {max}")]
    TooLarge {
        /// The limit (a message argument [`crate::Arg::Money`]).
        max: Yen,
    },
}

error_codes! {
    MoneyError {
        Empty => "amount-empty",
        NotANumber => "amount-not-a-number",
        TooLarge { max } => "amount-too-large",
    }
}

/// Reads an amount the way Japanese members type it: `3000`, `３０００`, `3,000`, `３，０００`,
/// `¥3,000`, `￥３０００`, `3000円`, with surrounding spaces (全角スペース included).
///
/// Refuses decimals (`3000.5`), signs (`-500`, `+500`), spaces inside the number and anything
/// above [`MAX_AMOUNT`]. Commas are separators only and their positions are not checked:
/// `30,00` is read as 3000 rather than guessing what was meant.
pub fn parse_amount(input: &str) -> Result<Yen, MoneyError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(MoneyError::Empty);
    }
    let without_sign = trimmed
        .strip_prefix(['¥', '￥'])
        .unwrap_or(trimmed)
        .trim_start();
    let number = without_sign
        .strip_suffix('円')
        .unwrap_or(without_sign)
        .trim_end();
    if number.is_empty() {
        return Err(MoneyError::Empty);
    }
    let digits: String = number
        .chars()
        .filter(|c| !matches!(c, ',' | '，'))
        .collect();
    let value = numbers::parse_digits(&digits).ok_or(MoneyError::NotANumber)?;
    match i64::try_from(value) {
        Ok(yen) if yen <= MAX_AMOUNT.0 => Ok(Yen(yen)),
        _ => Err(MoneyError::TooLarge { max: MAX_AMOUNT }),
    }
}

/// A fee rate in basis points (1/100 of a percent): 2200 is 22 %, 550 is 5.5 %.
/// At most 10,000 (100 %), so a fee can never exceed the amount it is taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct FeeRate(u16);

/// The seller fee of the business rules, 22 % of the price (a default; configurable).
pub const DEFAULT_SELLER_FEE_RATE: FeeRate = FeeRate(2200);

/// The buyer fee of the business rules, 5.5 % of the price (a default; configurable).
pub const DEFAULT_BUYER_FEE_RATE: FeeRate = FeeRate(550);

impl FeeRate {
    /// 100 %.
    pub const MAX_BASIS_POINTS: u16 = 10_000;

    /// A rate of `basis_points` / 10,000, or `None` above 100 % (a configuration mistake).
    pub const fn from_basis_points(basis_points: u16) -> Option<Self> {
        if basis_points <= Self::MAX_BASIS_POINTS {
            Some(Self(basis_points))
        } else {
            None
        }
    }

    /// The rate in basis points, for configuration files and storage.
    pub const fn basis_points(self) -> u16 {
        self.0
    }
}

/// The rate as a percentage without trailing zeros: `22%`, `5.5%`, `0.01%`.
impl fmt::Display for FeeRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 100;
        let hundredths = self.0 % 100;
        match (hundredths, hundredths % 10) {
            (0, _) => write!(f, "{whole}%"),
            (_, 0) => write!(f, "{whole}.{}%", hundredths / 10),
            _ => write!(f, "{whole}.{hundredths:02}%"),
        }
    }
}

/// The fee on `amount` at `rate`: **the** rounding rule of Yorozu, used for the seller fee,
/// the buyer fee and every other percentage of money.
///
/// Fees are rounded down to the yen (切り捨て) in the member's favour:
/// `floor(amount × basis_points / 10,000)`. So ¥1,234 at 5.5 % is ¥67 (67.87 rounded down),
/// and a fee is never more than the amount.
///
/// A negative amount (a reversal) gives the exact negative of the fee on the positive amount,
/// `fee(-a) = -fee(a)`, so a refund returns precisely the fee that was charged.
///
/// Because each fee is rounded down separately, fees on parts can add up to at most ¥1 less
/// than the fee on the whole: `fee(a) + fee(b) ≤ fee(a + b) ≤ fee(a) + fee(b) + 1`.
pub fn fee(amount: Yen, rate: FeeRate) -> Yen {
    // i128 cannot overflow: |amount| < 2^63 and rate ≤ 10^4 < 2^14. Integer division
    // truncates toward zero, which is the floor for non-negative amounts and the mirror image
    // for negative ones.
    let product = i128::from(amount.0) * i128::from(rate.0);
    let fee = product / i128::from(FeeRate::MAX_BASIS_POINTS);
    // |fee| ≤ |amount|, so the fee fits back into i64.
    Yen(i64::try_from(fee).unwrap_or(amount.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    #[test]
    fn displays_with_grouping() {
        assert_eq!(Yen::new(0).to_string(), "¥0");
        assert_eq!(Yen::new(999).to_string(), "¥999");
        assert_eq!(Yen::new(1_234).to_string(), "¥1,234");
        assert_eq!(Yen::new(1_234_567).to_string(), "¥1,234,567");
        assert_eq!(Yen::new(-500_000).to_string(), "-¥500,000");
        assert_eq!(Yen::new(1_234).format_ja(), "1,234円");
        assert_eq!(Yen::new(100_000_000).format_ja(), "100,000,000円");
        assert_eq!(Yen::new(-160).format_ja(), "-160円");
        assert_eq!(
            Yen::new(i64::MIN).format_ja(),
            "-9,223,372,036,854,775,808円"
        );
    }

    #[test]
    fn checked_arithmetic() {
        let a = Yen::new(3_000);
        assert_eq!(a.checked_add(Yen::new(160)), Some(Yen::new(3_160)));
        assert_eq!(a.checked_sub(Yen::new(3_160)), Some(Yen::new(-160)));
        assert_eq!(Yen::new(i64::MAX).checked_add(Yen::new(1)), None);
        assert_eq!(Yen::new(i64::MIN).checked_sub(Yen::new(1)), None);
    }

    #[test]
    fn parses_what_japanese_members_type() {
        for (input, yen) in [
            ("3000", 3_000),
            ("３０００", 3_000),
            ("3,000", 3_000),
            ("３，０００", 3_000),
            ("¥3,000", 3_000),
            ("￥３，０００", 3_000),
            ("¥ 3000", 3_000),
            ("3000円", 3_000),
            ("３,０００ 円", 3_000),
            ("\u{3000}500\u{3000}", 500),
            ("0", 0),
            ("0500", 500),
            ("100,000,000", 100_000_000),
        ] {
            assert_eq!(parse_amount(input), Ok(Yen::new(yen)), "{input}");
        }
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert_eq!(parse_amount(""), Err(MoneyError::Empty));
        assert_eq!(parse_amount(" \u{3000}"), Err(MoneyError::Empty));
        assert_eq!(parse_amount("¥"), Err(MoneyError::Empty));
        assert_eq!(parse_amount("円"), Err(MoneyError::Empty));
        for bad in [
            "-500",
            "－５００",
            "+500",
            "500.5",
            "５００．０",
            "5 000",
            "abc",
            "五百",
            "500ドル",
            "$500",
            ",",
            "1e3",
        ] {
            assert_eq!(parse_amount(bad), Err(MoneyError::NotANumber), "{bad}");
        }
    }

    #[test]
    fn refuses_more_than_the_maximum() {
        let too_large = Err(MoneyError::TooLarge { max: MAX_AMOUNT });
        assert_eq!(parse_amount("100,000,001"), too_large);
        assert_eq!(parse_amount(&"9".repeat(30)), too_large);
        assert_eq!(parse_amount("9223372036854775808"), too_large);
    }

    #[test]
    fn error_codes() {
        assert_eq!(MoneyError::Empty.code(), "amount-empty");
        assert_eq!(MoneyError::NotANumber.code(), "amount-not-a-number");
        assert_eq!(
            MoneyError::TooLarge { max: MAX_AMOUNT }.code(),
            "amount-too-large"
        );
    }

    #[test]
    fn fee_rounds_down() {
        assert_eq!(fee(Yen::new(500), DEFAULT_SELLER_FEE_RATE), Yen::new(110));
        assert_eq!(fee(Yen::new(1_234), DEFAULT_BUYER_FEE_RATE), Yen::new(67));
        assert_eq!(fee(Yen::new(1_234), DEFAULT_SELLER_FEE_RATE), Yen::new(271));
        assert_eq!(fee(Yen::new(9), DEFAULT_SELLER_FEE_RATE), Yen::new(1));
        assert_eq!(fee(Yen::new(4), DEFAULT_SELLER_FEE_RATE), Yen::ZERO);
        assert_eq!(fee(Yen::new(-1_234), DEFAULT_BUYER_FEE_RATE), Yen::new(-67));
        let all = FeeRate::from_basis_points(10_000);
        assert_eq!(
            all.map(|r| fee(Yen::new(i64::MAX), r)),
            Some(Yen::new(i64::MAX))
        );
        assert_eq!(
            all.map(|r| fee(Yen::new(i64::MIN), r)),
            Some(Yen::new(i64::MIN))
        );
    }

    #[test]
    fn fee_rates() {
        assert_eq!(FeeRate::from_basis_points(10_001), None);
        assert_eq!(DEFAULT_SELLER_FEE_RATE.basis_points(), 2200);
        assert_eq!(DEFAULT_SELLER_FEE_RATE.to_string(), "22%");
        assert_eq!(DEFAULT_BUYER_FEE_RATE.to_string(), "5.5%");
        assert_eq!(
            FeeRate::from_basis_points(1)
                .map(|r| r.to_string())
                .as_deref(),
            Some("0.01%")
        );
        assert_eq!(
            FeeRate::from_basis_points(0)
                .map(|r| r.to_string())
                .as_deref(),
            Some("0%")
        );
    }

    fn any_rate() -> impl Strategy<Value = FeeRate> {
        (0..=FeeRate::MAX_BASIS_POINTS).prop_map(FeeRate)
    }

    proptest! {
        #[test]
        fn fee_is_at_most_the_amount(amount in 0..=i64::MAX, rate in any_rate()) {
            let f = fee(Yen::new(amount), rate);
            prop_assert!(f >= Yen::ZERO);
            prop_assert!(f <= Yen::new(amount));
        }

        #[test]
        fn fees_on_parts_lose_at_most_one_yen(
            a in 0..=1_000_000_000_i64,
            b in 0..=1_000_000_000_i64,
            rate in any_rate(),
        ) {
            let parts = fee(Yen::new(a), rate).get() + fee(Yen::new(b), rate).get();
            let whole = fee(Yen::new(a + b), rate).get();
            prop_assert!(parts <= whole);
            prop_assert!(whole <= parts + 1);
        }

        #[test]
        fn fee_is_monotonic(a in 0..=i64::MAX, b in 0..=i64::MAX, rate in any_rate(), other in any_rate()) {
            let (low, high) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(fee(Yen::new(low), rate) <= fee(Yen::new(high), rate));
            let (low_rate, high_rate) = if rate <= other { (rate, other) } else { (other, rate) };
            prop_assert!(fee(Yen::new(a), low_rate) <= fee(Yen::new(a), high_rate));
        }

        #[test]
        fn reversal_mirrors_the_fee(amount in -i64::MAX..=i64::MAX, rate in any_rate()) {
            prop_assert_eq!(fee(Yen::new(-amount), rate), Yen::new(-fee(Yen::new(amount), rate).get()));
        }

        #[test]
        fn parse_never_panics_and_reads_display_back(raw in any::<String>()) {
            if let Ok(yen) = parse_amount(&raw) {
                prop_assert!(yen >= Yen::ZERO && yen <= MAX_AMOUNT);
                prop_assert_eq!(parse_amount(&yen.to_string()), Ok(yen));
                prop_assert_eq!(parse_amount(&yen.format_ja()), Ok(yen));
            }
        }

        #[test]
        fn every_amount_round_trips(yen in 0..=MAX_AMOUNT.get()) {
            prop_assert_eq!(parse_amount(&Yen::new(yen).to_string()), Ok(Yen::new(yen)));
            prop_assert_eq!(parse_amount(&Yen::new(yen).format_ja()), Ok(Yen::new(yen)));
        }
    }
}
