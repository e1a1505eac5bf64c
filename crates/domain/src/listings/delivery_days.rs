//! How many days the seller needs to deliver (お届け日数).

use std::fmt;

use crate::error_code::error_codes;
use crate::numbers;

/// Fewest delivery days.
pub const MIN_DELIVERY_DAYS: u16 = 1;
/// Most delivery days.
pub const MAX_DELIVERY_DAYS: u16 = 90;

/// Why a number of delivery days is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryDaysError {
    /// Nothing was entered or chosen.
    #[error("delivery days are empty")]
    Empty,
    /// Not a whole number of days.
    #[error("delivery days are not a whole number")]
    NotANumber,
    /// Outside [`MIN_DELIVERY_DAYS`]..=[`MAX_DELIVERY_DAYS`].
    #[error("delivery days must be between {min} and {max}")]
    OutOfRange {
        /// The fewest days allowed, for the message.
        min: u16,
        /// The most days allowed, for the message.
        max: u16,
    },
}

error_codes! {
    DeliveryDaysError {
        Empty => "delivery-days-empty",
        NotANumber => "delivery-days-not-a-number",
        OutOfRange { min, max } => "delivery-days-out-of-range",
    }
}

/// A number of days from [`MIN_DELIVERY_DAYS`] to [`MAX_DELIVERY_DAYS`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "u16", into = "u16")]
pub struct DeliveryDays(u16);

impl DeliveryDays {
    /// Parses what the seller typed or chose: `7`, `７`, `7日` or `７日`, spaces allowed
    /// around it.
    pub fn parse(input: &str) -> Result<Self, DeliveryDaysError> {
        let trimmed = input.trim();
        let number = trimmed.strip_suffix('日').unwrap_or(trimmed).trim_end();
        if number.is_empty() {
            return Err(DeliveryDaysError::Empty);
        }
        let days = numbers::parse_digits(number).ok_or(DeliveryDaysError::NotANumber)?;
        Self::new(u16::try_from(days).unwrap_or(u16::MAX))
    }

    /// Checks a number of days that is already a number (the JSON API, the database).
    pub fn new(days: u16) -> Result<Self, DeliveryDaysError> {
        if (MIN_DELIVERY_DAYS..=MAX_DELIVERY_DAYS).contains(&days) {
            Ok(Self(days))
        } else {
            Err(DeliveryDaysError::OutOfRange {
                min: MIN_DELIVERY_DAYS,
                max: MAX_DELIVERY_DAYS,
            })
        }
    }

    /// Reads the `delivery_days` column.
    pub fn from_storage(days: i64) -> Result<Self, DeliveryDaysError> {
        Self::new(u16::try_from(days).unwrap_or(u16::MAX))
    }

    /// The number of days.
    pub const fn get(self) -> u16 {
        self.0
    }

    /// The value for the `delivery_days` column.
    pub fn as_storage(self) -> i64 {
        i64::from(self.0)
    }
}

impl TryFrom<u16> for DeliveryDays {
    type Error = DeliveryDaysError;
    fn try_from(days: u16) -> Result<Self, Self::Error> {
        Self::new(days)
    }
}

impl From<DeliveryDays> for u16 {
    fn from(days: DeliveryDays) -> u16 {
        days.0
    }
}

impl fmt::Display for DeliveryDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    #[test]
    fn reads_ascii_full_width_and_a_day_suffix() {
        for (input, days) in [
            ("7", 7),
            ("７", 7),
            ("7日", 7),
            (" ３０ 日 ", 30),
            ("1", 1),
            ("90", 90),
            ("090", 90),
        ] {
            assert_eq!(
                DeliveryDays::parse(input).map(DeliveryDays::get),
                Ok(days),
                "{input}"
            );
        }
    }

    #[test]
    fn refuses_out_of_range_and_non_numbers() {
        let out_of_range = Err(DeliveryDaysError::OutOfRange { min: 1, max: 90 });
        assert_eq!(DeliveryDays::parse("0"), out_of_range);
        assert_eq!(DeliveryDays::parse("91"), out_of_range);
        assert_eq!(DeliveryDays::parse("99999999999"), out_of_range);
        assert_eq!(DeliveryDays::parse(" "), Err(DeliveryDaysError::Empty));
        assert_eq!(DeliveryDays::parse("日"), Err(DeliveryDaysError::Empty));
        for bad in ["-3", "1.5", "一週間", "7days"] {
            assert_eq!(
                DeliveryDays::parse(bad),
                Err(DeliveryDaysError::NotANumber),
                "{bad}"
            );
        }
    }

    #[test]
    fn storage_round_trip() {
        let days = DeliveryDays::parse("14").expect("valid");
        assert_eq!(DeliveryDays::from_storage(days.as_storage()), Ok(days));
        assert!(DeliveryDays::from_storage(-1).is_err());
        assert!(DeliveryDays::from_storage(i64::MAX).is_err());
    }

    #[test]
    fn error_codes() {
        assert_eq!(DeliveryDaysError::Empty.code(), "delivery-days-empty");
        assert_eq!(
            DeliveryDaysError::NotANumber.code(),
            "delivery-days-not-a-number"
        );
        assert_eq!(
            DeliveryDaysError::OutOfRange { min: 1, max: 90 }.code(),
            "delivery-days-out-of-range"
        );
    }

    proptest! {
        #[test]
        fn accepted_days_are_in_range(raw in any::<String>()) {
            if let Ok(days) = DeliveryDays::parse(&raw) {
                prop_assert!((MIN_DELIVERY_DAYS..=MAX_DELIVERY_DAYS).contains(&days.get()));
                prop_assert_eq!(DeliveryDays::parse(&days.to_string()), Ok(days));
            }
        }
    }
}
