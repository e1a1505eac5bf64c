//! One convention for every refusal the domain reports.
//!
//! Each error enum implements [`ErrorCode`]: a stable kebab-case `code` (the Fluent message
//! id, also the API's `code`), the message's arguments as typed [`Arg`]s, and, for the rows
//! of a repeated form field, the [`RowInput`] the error is about. The enums declare all of
//! it once, next to their variants, with `error_codes!`; the same declaration lists the
//! enum's codes in its `CODES`, and [`all_codes`] gathers those, so no table elsewhere can
//! fall behind a new variant.

use crate::Yen;

/// A refusal that the member sees as a message.
pub trait ErrorCode {
    /// Stable message id (a Fluent key in `errors.ftl`), also the API's `code`.
    fn code(&self) -> &'static str;

    /// The message's arguments: the limit that was broken, the offending value, the row.
    fn args(&self) -> Vec<(&'static str, Arg)>;

    /// The input of a repeated form row the error is about; `None` for a whole field.
    /// The field itself is named by the use case: the same error serves several fields.
    fn row_input(&self) -> Option<RowInput> {
        None
    }
}

/// A message argument, typed so that text stays text (a title "123" is not a number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A count or a limit: grouped by the locale (1,000) and used for plural forms.
    Number(i64),
    /// Words, names, characters, dates already formatted: shown as given.
    Text(String),
    /// An amount of yen: the message writes the currency sign, the argument is the grouped
    /// number (never the `¥1,234` display form, which would show the sign twice).
    Money(Yen),
}

/// The input of one row of a repeated form field (paid options, FAQ) that an error points
/// at, so that the form marks that input. `row` is 1-based and counts blank rows, as
/// submitted (the same number the message shows as 「2行目」).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowInput {
    /// The name of a paid option.
    OptionTitle { row: usize },
    /// The price of a paid option.
    OptionPrice { row: usize },
    /// The question of a FAQ entry.
    FaqQuestion { row: usize },
    /// The answer of a FAQ entry.
    FaqAnswer { row: usize },
    /// Both the question and the answer (a character check covers the whole entry).
    FaqEntry { row: usize },
}

impl RowInput {
    /// The 1-based form row.
    pub fn row(self) -> usize {
        match self {
            RowInput::OptionTitle { row }
            | RowInput::OptionPrice { row }
            | RowInput::FaqQuestion { row }
            | RowInput::FaqAnswer { row }
            | RowInput::FaqEntry { row } => row,
        }
    }
}

/// Every code the domain's error enums can produce. Add a new error enum here; its variants
/// come with it.
pub fn all_codes() -> impl Iterator<Item = &'static str> {
    use crate::{accounts, identity, listings, money, orders, payouts, profile, promotions};
    [
        accounts::EmailError::CODES,
        accounts::PasswordError::CODES,
        profile::DisplayNameError::CODES,
        profile::ProfileTextError::CODES,
        profile::SkillsError::CODES,
        profile::SnsLinksError::CODES,
        profile::NdaWillingnessError::CODES,
        identity::IdentityError::CODES,
        money::MoneyError::CODES,
        listings::PriceError::CODES,
        listings::ListingTitleError::CODES,
        listings::ListingDescriptionError::CODES,
        listings::BuyerNotesError::CODES,
        listings::DeliveryDaysError::CODES,
        listings::RevisionsError::CODES,
        listings::PaidOptionsError::CODES,
        listings::FaqError::CODES,
        listings::ListingStatusError::CODES,
        listings::CategoryError::CODES,
        orders::OrderStateError::CODES,
        crate::moderation::StandingError::CODES,
        orders::OrderTransitionError::CODES,
        orders::PricingError::CODES,
        orders::OrderTextError::CODES,
        orders::RatingError::CODES,
        orders::TipError::CODES,
        promotions::CouponError::CODES,
        promotions::PointsError::CODES,
        payouts::schedule::PayoutError::CODES,
        payouts::KanaError::CODES,
        payouts::BankAccountError::CODES,
        payouts::BankLookupError::CODES,
        payouts::ZenginError::CODES,
        crate::withdrawal::ReasonError::CODES,
        crate::offers::OfferExpiryError::CODES,
        crate::requests::RequestError::CODES,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// Implements [`ErrorCode`] and `CODES` for an error enum from one line per variant:
/// `Variant { arg, .. } => "code"`, where the listed fields become the message's arguments
/// under their own names (fields left out are not shown). Items after the variants (such as
/// `fn row_input`) go into the `ErrorCode` impl.
macro_rules! error_codes {
    (
        $enum:ident {
            $( $variant:ident $({ $($arg:ident),* })? => $code:literal ),* $(,)?
        }
        $($extra:tt)*
    ) => {
        impl $enum {
            /// Every code of this enum, one per variant.
            pub const CODES: &'static [&'static str] = &[$($code),*];
        }

        impl $crate::error_code::ErrorCode for $enum {
            fn code(&self) -> &'static str {
                match self {
                    $( Self::$variant { .. } => $code, )*
                }
            }

            fn args(&self) -> Vec<(&'static str, $crate::error_code::Arg)> {
                match self {
                    $( Self::$variant { $($($arg,)*)? .. } => vec![
                        $($( (stringify!($arg), $crate::error_code::Arg::from($arg)), )*)?
                    ], )*
                }
            }

            $($extra)*
        }
    };
}
pub(crate) use error_codes;

/// Counts and limits of every integer type the domain uses.
macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                // Only a count beyond i64 could fail, which no message shows; saturate.
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
numbers!(i64, i32, u8, u16, u32, u64, usize);

/// Templates hand their values over by reference, once or twice (inside loops and `if let`).
macro_rules! by_reference {
    ($($t:ty),*) => {$(
        impl From<&$t> for Arg {
            fn from(v: &$t) -> Arg {
                Arg::from(v.clone())
            }
        }
        impl From<&&$t> for Arg {
            fn from(v: &&$t) -> Arg {
                Arg::from((*v).clone())
            }
        }
    )*};
}
by_reference!(i64, i32, u8, u16, u32, u64, usize, Yen, String, char);

impl From<Yen> for Arg {
    fn from(y: Yen) -> Arg {
        Arg::Money(y)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}
impl From<&&str> for Arg {
    fn from(s: &&str) -> Arg {
        Arg::Text((*s).to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Text(c.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listings::{FaqError, PaidOptionsError, PriceError};
    use crate::money::MoneyError;
    use crate::profile::SkillsError;

    #[test]
    fn arguments_keep_their_type() {
        let skill = SkillsError::SkillTooLong {
            max: 30,
            skill: "123".to_owned(),
        };
        assert_eq!(
            skill.args(),
            vec![
                ("max", Arg::Number(30)),
                ("skill", Arg::Text("123".to_owned()))
            ]
        );
        let price = PaidOptionsError::PriceBelowMinimum {
            row: 2,
            min: Yen::new(500),
        };
        assert_eq!(
            price.args(),
            vec![("row", Arg::Number(2)), ("min", Arg::Money(Yen::new(500)))]
        );
        assert!(
            PaidOptionsError::PriceEmpty { row: 1 }
                .code()
                .ends_with("empty")
        );
    }

    #[test]
    fn a_price_that_is_no_amount_speaks_as_money() {
        let e = PriceError::Money(MoneyError::TooLarge { max: Yen::new(9) });
        assert_eq!(e.code(), "amount-too-large");
        assert_eq!(e.args(), vec![("max", Arg::Money(Yen::new(9)))]);
    }

    #[test]
    fn row_errors_name_the_input() {
        assert_eq!(
            PaidOptionsError::TitleInvalidCharacters { row: 3 }.row_input(),
            Some(RowInput::OptionTitle { row: 3 })
        );
        assert_eq!(
            PaidOptionsError::PriceNotANumber { row: 1 }.row_input(),
            Some(RowInput::OptionPrice { row: 1 })
        );
        assert_eq!(
            FaqError::InvalidCharacters { row: 2 }.row_input(),
            Some(RowInput::FaqEntry { row: 2 })
        );
        assert_eq!(FaqError::TooMany { max: 1 }.row_input(), None);
    }
}
