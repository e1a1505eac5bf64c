//! The price of a service (販売価格), in whole yen.

use std::fmt;

use crate::error_code::{Arg, ErrorCode};
use crate::money::{self, MoneyError, Yen};

/// The lowest price the business rules allow by default (¥500); the real minimum is
/// configuration and is passed to [`ListingPrice::parse`].
pub const DEFAULT_MIN_LISTING_PRICE: Yen = Yen::new(500);

/// The highest price a service may have (¥10,000,000).
pub const MAX_LISTING_PRICE: Yen = Yen::new(10_000_000);

/// Why a listing price is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PriceError {
    /// Not an amount at all (empty, letters, decimals, negative); its own code is used.
    /// Amounts above [`money::MAX_AMOUNT`] are reported as [`PriceError::TooHigh`] instead,
    /// so the member sees the limit that matters here.
    #[error(transparent)]
    Money(MoneyError),
    /// Below the configured minimum.
    #[error("price is below the minimum of {min}")]
    BelowMinimum {
        /// The configured minimum (a message argument [`crate::Arg::Money`]).
        min: Yen,
    },
    /// Above [`MAX_LISTING_PRICE`].
    #[error("price is above the maximum of {max}")]
    TooHigh {
        /// The limit (a message argument [`crate::Arg::Money`]).
        max: Yen,
    },
}

impl PriceError {
    /// Every code of this enum's own variants (the inner [`MoneyError`] lists its own).
    pub const CODES: &'static [&'static str] = &["price-below-minimum", "price-too-high"];
}

/// Written out because [`PriceError::Money`] has the [`MoneyError`]'s code and arguments: the
/// member reads the same message as for any other amount.
impl ErrorCode for PriceError {
    fn code(&self) -> &'static str {
        match self {
            Self::Money(e) => e.code(),
            Self::BelowMinimum { .. } => "price-below-minimum",
            Self::TooHigh { .. } => "price-too-high",
        }
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::Money(e) => e.args(),
            Self::BelowMinimum { min } => vec![("min", Arg::from(min))],
            Self::TooHigh { max } => vec![("max", Arg::from(max))],
        }
    }
}

/// A price between the configured minimum and [`MAX_LISTING_PRICE`].
///
/// The minimum is configuration, so a stored price is trusted as it is
/// ([`ListingPrice::from_storage`]): raising the minimum must not make existing services
/// unreadable; it applies the next time the seller saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct ListingPrice(Yen);

impl ListingPrice {
    /// Parses what the seller typed (see [`money::parse_amount`] for the accepted forms,
    /// e.g. `３，０００円`) and checks it against `min` and [`MAX_LISTING_PRICE`].
    pub fn parse(input: &str, min: Yen) -> Result<Self, PriceError> {
        match money::parse_amount(input) {
            Ok(amount) => Self::new(amount, min),
            Err(MoneyError::TooLarge { .. }) => Err(PriceError::TooHigh {
                max: MAX_LISTING_PRICE,
            }),
            Err(e) => Err(PriceError::Money(e)),
        }
    }

    /// Checks an amount that is already a number (the JSON API) against `min` and
    /// [`MAX_LISTING_PRICE`].
    pub fn new(amount: Yen, min: Yen) -> Result<Self, PriceError> {
        if amount < min {
            return Err(PriceError::BelowMinimum { min });
        }
        if amount > MAX_LISTING_PRICE {
            return Err(PriceError::TooHigh {
                max: MAX_LISTING_PRICE,
            });
        }
        Ok(Self(amount))
    }

    /// Wraps a price read from the database without checking today's limits.
    pub const fn from_storage(yen: i64) -> Self {
        Self(Yen::new(yen))
    }

    /// The price.
    pub const fn yen(self) -> Yen {
        self.0
    }
}

impl From<ListingPrice> for Yen {
    fn from(price: ListingPrice) -> Yen {
        price.0
    }
}

impl fmt::Display for ListingPrice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MIN: Yen = DEFAULT_MIN_LISTING_PRICE;

    #[test]
    fn accepts_prices_in_range_in_any_width() {
        assert_eq!(
            ListingPrice::parse("500", MIN).map(ListingPrice::yen),
            Ok(Yen::new(500))
        );
        assert_eq!(
            ListingPrice::parse("￥３，０００", MIN).map(ListingPrice::yen),
            Ok(Yen::new(3_000))
        );
        assert_eq!(
            ListingPrice::parse("10,000,000円", MIN).map(Yen::from),
            Ok(Yen::new(10_000_000))
        );
    }

    #[test]
    fn refuses_below_minimum_and_above_maximum() {
        assert_eq!(
            ListingPrice::parse("499", MIN),
            Err(PriceError::BelowMinimum { min: MIN })
        );
        assert_eq!(
            ListingPrice::parse("0", Yen::new(1_000)),
            Err(PriceError::BelowMinimum {
                min: Yen::new(1_000)
            })
        );
        let too_high = Err(PriceError::TooHigh {
            max: MAX_LISTING_PRICE,
        });
        assert_eq!(ListingPrice::parse("10,000,001", MIN), too_high);
        // Beyond what parse_amount reads at all: still this field's own limit.
        assert_eq!(ListingPrice::parse("1,000,000,000", MIN), too_high);
    }

    #[test]
    fn passes_on_what_is_not_an_amount() {
        assert_eq!(
            ListingPrice::parse("", MIN),
            Err(PriceError::Money(MoneyError::Empty))
        );
        assert_eq!(
            ListingPrice::parse("-500", MIN),
            Err(PriceError::Money(MoneyError::NotANumber))
        );
        assert_eq!(
            ListingPrice::parse("500.5", MIN).map_err(|e| e.code()),
            Err("amount-not-a-number")
        );
    }

    #[test]
    fn error_codes() {
        assert_eq!(
            PriceError::BelowMinimum { min: MIN }.code(),
            "price-below-minimum"
        );
        assert_eq!(
            PriceError::TooHigh {
                max: MAX_LISTING_PRICE
            }
            .code(),
            "price-too-high"
        );
        assert_eq!(PriceError::Money(MoneyError::Empty).code(), "amount-empty");
    }

    proptest! {
        #[test]
        fn accepted_prices_are_within_limits(raw in any::<String>(), min in 0..=20_000_i64) {
            if let Ok(price) = ListingPrice::parse(&raw, Yen::new(min)) {
                prop_assert!(price.yen() >= Yen::new(min));
                prop_assert!(price.yen() <= MAX_LISTING_PRICE);
            }
        }

        #[test]
        fn every_price_in_range_round_trips(yen in 500..=10_000_000_i64) {
            let price = ListingPrice::parse(&Yen::new(yen).format_ja(), MIN);
            prop_assert_eq!(price, Ok(ListingPrice::from_storage(yen)));
        }
    }
}
