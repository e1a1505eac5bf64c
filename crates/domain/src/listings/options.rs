//! Paid options (有料オプション): extras a buyer can add to a service, such as 「納期短縮」 or
//! 「商用利用」, each with its own price. Entered as repeated form rows of name and price.

use crate::money::{self, MoneyError, Yen};

use super::field::{self, Problem};
use crate::error_code::{RowInput, error_codes};

/// Most paid options a listing may have.
pub const MAX_PAID_OPTIONS: usize = 10;
/// Longest option name, in characters.
pub const MAX_PAID_OPTION_TITLE_CHARS: usize = 40;
/// Highest price of one option (¥1,000,000).
pub const MAX_PAID_OPTION_PRICE: Yen = Yen::new(1_000_000);
/// The lowest option price by default (¥500); the real minimum is configuration and is passed
/// to [`PaidOptions::parse`].
pub const DEFAULT_MIN_PAID_OPTION_PRICE: Yen = Yen::new(500);

/// Why the paid options are refused. Every variant about one option carries its `row`: the
/// 1-based position of the form row as submitted (blank rows count), so the page can point
/// at 「2行目」.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaidOptionsError {
    /// More than [`MAX_PAID_OPTIONS`] filled-in rows.
    #[error("more than {max} paid options")]
    TooMany {
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// A price without a name.
    #[error("paid option in row {row} has no name")]
    TitleEmpty {
        /// 1-based form row.
        row: usize,
    },
    /// A name longer than [`MAX_PAID_OPTION_TITLE_CHARS`].
    #[error("paid option name in row {row} is longer than {max} characters")]
    TitleTooLong {
        /// 1-based form row.
        row: usize,
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// A name with line breaks, control or invisible characters.
    #[error("paid option name in row {row} contains characters that cannot be shown")]
    TitleInvalidCharacters {
        /// 1-based form row.
        row: usize,
    },
    /// A name without a price.
    #[error("paid option in row {row} has no price")]
    PriceEmpty {
        /// 1-based form row.
        row: usize,
    },
    /// A price that is not a whole, non-negative number of yen.
    #[error("price of paid option in row {row} is not a whole number of yen")]
    PriceNotANumber {
        /// 1-based form row.
        row: usize,
    },
    /// A price below the configured minimum.
    #[error("price of paid option in row {row} is below {min}")]
    PriceBelowMinimum {
        /// 1-based form row.
        row: usize,
        /// The configured minimum (a message argument [`crate::Arg::Money`]).
        min: Yen,
    },
    /// A price above [`MAX_PAID_OPTION_PRICE`].
    #[error("price of paid option in row {row} is above {max}")]
    PriceTooHigh {
        /// 1-based form row.
        row: usize,
        /// The limit (a message argument [`crate::Arg::Money`]).
        max: Yen,
    },
}

error_codes! {
    PaidOptionsError {
        TooMany { max } => "paid-options-too-many",
        TitleEmpty { row } => "paid-option-title-empty",
        TitleTooLong { row, max } => "paid-option-title-too-long",
        TitleInvalidCharacters { row } => "paid-option-title-invalid-characters",
        PriceEmpty { row } => "paid-option-price-empty",
        PriceNotANumber { row } => "paid-option-price-not-a-number",
        PriceBelowMinimum { row, min } => "paid-option-price-below-minimum",
        PriceTooHigh { row, max } => "paid-option-price-too-high",
    }

    fn row_input(&self) -> Option<RowInput> {
        match *self {
            Self::TooMany { .. } => None,
            Self::TitleEmpty { row }
            | Self::TitleTooLong { row, .. }
            | Self::TitleInvalidCharacters { row } => Some(RowInput::OptionTitle { row }),
            Self::PriceEmpty { row }
            | Self::PriceNotANumber { row }
            | Self::PriceBelowMinimum { row, .. }
            | Self::PriceTooHigh { row, .. } => Some(RowInput::OptionPrice { row }),
        }
    }
}

/// One paid option: a name of 1 to [`MAX_PAID_OPTION_TITLE_CHARS`] characters and a price.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct PaidOption {
    title: String,
    price: Yen,
}

impl PaidOption {
    /// The option's name, trimmed.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// What the option adds to the price.
    pub fn price(&self) -> Yen {
        self.price
    }

    /// Parses one form row; `Ok(None)` when both cells are blank.
    fn parse_row(
        row: usize,
        title: &str,
        price: &str,
        min: Yen,
    ) -> Result<Option<Self>, PaidOptionsError> {
        let title =
            field::single_line(title, MAX_PAID_OPTION_TITLE_CHARS).map_err(
                |problem| match problem {
                    Problem::TooLong => PaidOptionsError::TitleTooLong {
                        row,
                        max: MAX_PAID_OPTION_TITLE_CHARS,
                    },
                    Problem::InvalidCharacters => PaidOptionsError::TitleInvalidCharacters { row },
                },
            )?;
        let price = match money::parse_amount(price) {
            Err(MoneyError::Empty) if title.is_empty() => return Ok(None),
            Err(MoneyError::Empty) => return Err(PaidOptionsError::PriceEmpty { row }),
            Err(MoneyError::NotANumber) => return Err(PaidOptionsError::PriceNotANumber { row }),
            Err(MoneyError::TooLarge { .. }) => {
                return Err(PaidOptionsError::PriceTooHigh {
                    row,
                    max: MAX_PAID_OPTION_PRICE,
                });
            }
            Ok(price) => price,
        };
        if title.is_empty() {
            return Err(PaidOptionsError::TitleEmpty { row });
        }
        if price < min {
            return Err(PaidOptionsError::PriceBelowMinimum { row, min });
        }
        if price > MAX_PAID_OPTION_PRICE {
            return Err(PaidOptionsError::PriceTooHigh {
                row,
                max: MAX_PAID_OPTION_PRICE,
            });
        }
        Ok(Some(Self { title, price }))
    }
}

/// Up to [`MAX_PAID_OPTIONS`] paid options in the order entered; possibly none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct PaidOptions(Vec<PaidOption>);

impl PaidOptions {
    /// Parses the repeated form rows, given as two parallel columns (`option_title[]`,
    /// `option_price[]`). Rows whose name and price are both blank are skipped; a missing cell
    /// (columns of different lengths) counts as blank. Prices are read like
    /// [`money::parse_amount`] and must be at least `min`.
    pub fn parse<T: AsRef<str>, P: AsRef<str>>(
        titles: &[T],
        prices: &[P],
        min: Yen,
    ) -> Result<Self, PaidOptionsError> {
        let mut options = Vec::new();
        for index in 0..titles.len().max(prices.len()) {
            let row = index + 1;
            let parsed = PaidOption::parse_row(
                row,
                field::cell(titles, index),
                field::cell(prices, index),
                min,
            )?;
            if let Some(option) = parsed {
                if options.len() == MAX_PAID_OPTIONS {
                    return Err(PaidOptionsError::TooMany {
                        max: MAX_PAID_OPTIONS,
                    });
                }
                options.push(option);
            }
        }
        Ok(Self(options))
    }

    /// Reads stored rows (`listing_options`, ordered by position) without checking today's
    /// limits: a raised minimum applies when the seller next saves, it does not hide options.
    pub fn from_storage(rows: impl IntoIterator<Item = (String, i64)>) -> Self {
        Self(
            rows.into_iter()
                .map(|(title, price)| PaidOption {
                    title,
                    price: Yen::new(price),
                })
                .collect(),
        )
    }

    /// The options, in order.
    pub fn as_slice(&self) -> &[PaidOption] {
        &self.0
    }

    /// The options, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, PaidOption> {
        self.0.iter()
    }

    /// Number of options.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when the listing has no paid options.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> IntoIterator for &'a PaidOptions {
    type Item = &'a PaidOption;
    type IntoIter = std::slice::Iter<'a, PaidOption>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::{ErrorCode, RowInput};
    use proptest::prelude::*;

    const MIN: Yen = DEFAULT_MIN_PAID_OPTION_PRICE;

    #[test]
    fn parses_rows_and_skips_blank_ones() {
        let options = PaidOptions::parse(
            &["納期短縮", "", " 商用利用 ", "\u{3000}"],
            &["¥1,000", " ", "３，０００円", ""],
            MIN,
        )
        .expect("valid");
        assert_eq!(options.len(), 2);
        assert_eq!(options.as_slice()[0].title(), "納期短縮");
        assert_eq!(options.as_slice()[0].price(), Yen::new(1_000));
        assert_eq!(options.as_slice()[1].title(), "商用利用");
        assert_eq!(options.as_slice()[1].price(), Yen::new(3_000));
    }

    #[test]
    fn nothing_entered_is_no_options() {
        let empty: [&str; 0] = [];
        assert_eq!(
            PaidOptions::parse(&empty, &empty, MIN),
            Ok(PaidOptions::default())
        );
        assert!(PaidOptions::parse(&["", ""], &["", ""], MIN).is_ok_and(|o| o.is_empty()));
    }

    #[test]
    fn errors_name_the_row() {
        let titles = ["納期短縮", "", "商用利用"];
        assert_eq!(
            PaidOptions::parse(&titles, &["1000", "", ""], MIN),
            Err(PaidOptionsError::PriceEmpty { row: 3 })
        );
        assert_eq!(
            PaidOptions::parse(&titles, &["1000", "500", "1000"], MIN),
            Err(PaidOptionsError::TitleEmpty { row: 2 })
        );
        assert_eq!(
            PaidOptions::parse(&titles, &["1000", "", "千円"], MIN),
            Err(PaidOptionsError::PriceNotANumber { row: 3 })
        );
        assert_eq!(
            PaidOptions::parse(&titles, &["499", "", "1000"], MIN),
            Err(PaidOptionsError::PriceBelowMinimum { row: 1, min: MIN })
        );
        let too_high = Err(PaidOptionsError::PriceTooHigh {
            row: 1,
            max: MAX_PAID_OPTION_PRICE,
        });
        assert_eq!(
            PaidOptions::parse(&titles, &["1,000,001", "", "1000"], MIN),
            too_high
        );
        assert_eq!(
            PaidOptions::parse(&titles, &["999999999999", "", "1000"], MIN),
            too_high
        );
        assert_eq!(
            PaidOptions::parse(&["あ".repeat(41)], &["1000"], MIN),
            Err(PaidOptionsError::TitleTooLong { row: 1, max: 40 })
        );
        assert_eq!(
            PaidOptions::parse(&["納期\n短縮"], &["1000"], MIN),
            Err(PaidOptionsError::TitleInvalidCharacters { row: 1 })
        );
        // A price in a row whose name column is missing altogether.
        assert_eq!(
            PaidOptions::parse(&["納期短縮"], &["1000", "1000"], MIN),
            Err(PaidOptionsError::TitleEmpty { row: 2 })
        );
        assert_eq!(
            PaidOptionsError::TitleEmpty { row: 2 }
                .row_input()
                .map(RowInput::row),
            Some(2)
        );
        assert_eq!(
            PaidOptionsError::TooMany { max: 10 }
                .row_input()
                .map(RowInput::row),
            None
        );
    }

    #[test]
    fn at_most_ten_options() {
        let titles: Vec<String> = (1..=11).map(|i| format!("オプション{i}")).collect();
        let prices = vec!["1000"; 11];
        assert_eq!(
            PaidOptions::parse(&titles, &prices, MIN),
            Err(PaidOptionsError::TooMany { max: 10 })
        );
        assert_eq!(
            PaidOptions::parse(&titles[..10], &prices[..10], MIN).map(|o| o.len()),
            Ok(10)
        );
        // Blank rows do not count towards the limit.
        let mut with_blanks = titles[..10].to_vec();
        with_blanks.insert(3, String::new());
        let mut blank_prices = prices[..10].to_vec();
        blank_prices.insert(3, "");
        assert!(PaidOptions::parse(&with_blanks, &blank_prices, MIN).is_ok());
    }

    #[test]
    fn storage_is_read_as_is() {
        let options = PaidOptions::from_storage([("急ぎ対応".to_owned(), 100)]);
        assert_eq!(
            options.iter().map(PaidOption::price).collect::<Vec<_>>(),
            [Yen::new(100)]
        );
    }

    #[test]
    fn error_codes() {
        let min = Yen::ZERO;
        let max = Yen::ZERO;
        for (error, code) in [
            (
                PaidOptionsError::TooMany { max: 0 },
                "paid-options-too-many",
            ),
            (
                PaidOptionsError::TitleEmpty { row: 1 },
                "paid-option-title-empty",
            ),
            (
                PaidOptionsError::TitleTooLong { row: 1, max: 0 },
                "paid-option-title-too-long",
            ),
            (
                PaidOptionsError::TitleInvalidCharacters { row: 1 },
                "paid-option-title-invalid-characters",
            ),
            (
                PaidOptionsError::PriceEmpty { row: 1 },
                "paid-option-price-empty",
            ),
            (
                PaidOptionsError::PriceNotANumber { row: 1 },
                "paid-option-price-not-a-number",
            ),
            (
                PaidOptionsError::PriceBelowMinimum { row: 1, min },
                "paid-option-price-below-minimum",
            ),
            (
                PaidOptionsError::PriceTooHigh { row: 1, max },
                "paid-option-price-too-high",
            ),
        ] {
            assert_eq!(error.code(), code);
        }
    }

    proptest! {
        #[test]
        fn never_panics_and_respects_limits(
            titles in proptest::collection::vec(any::<String>(), 0..14),
            prices in proptest::collection::vec("[0-9０-９,¥円 ]{0,9}", 0..14),
        ) {
            match PaidOptions::parse(&titles, &prices, MIN) {
                Ok(options) => {
                    prop_assert!(options.len() <= MAX_PAID_OPTIONS);
                    for option in &options {
                        prop_assert!(!option.title().is_empty());
                        prop_assert!(option.price() >= MIN && option.price() <= MAX_PAID_OPTION_PRICE);
                    }
                }
                Err(e) => {
                    let rows = titles.len().max(prices.len());
                    prop_assert!(e.row_input().map(RowInput::row).is_none_or(|row| (1..=rows).contains(&row)));
                }
            }
        }
    }
}
