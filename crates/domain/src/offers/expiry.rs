//! How long an offer stays open (有効期限): whole days, 7 by default.

use crate::Timestamp;
use crate::error_code::error_codes;
use crate::numbers;

/// The expiry of an offer when the seller does not choose one.
pub const DEFAULT_OFFER_EXPIRY_DAYS: u16 = 7;
/// The longest expiry a seller may choose.
pub const MAX_OFFER_EXPIRY_DAYS: u16 = 30;

/// Why an expiry is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OfferExpiryError {
    /// Not a whole number of days from 1 to [`MAX_OFFER_EXPIRY_DAYS`].
    #[error("the expiry must be between 1 and {max} days")]
    OutOfRange {
        /// The most days allowed, for the message.
        max: u16,
    },
}

error_codes! {
    OfferExpiryError {
        OutOfRange { max } => "offer-expiry-out-of-range",
    }
}

/// Days from sending until the offer expires: 1 to [`MAX_OFFER_EXPIRY_DAYS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct OfferExpiry(u16);

impl Default for OfferExpiry {
    fn default() -> Self {
        Self(DEFAULT_OFFER_EXPIRY_DAYS)
    }
}

impl OfferExpiry {
    /// Parses what the seller typed (`7`, `７`, `7日`); blank is the default of 7 days.
    pub fn parse(input: &str) -> Result<Self, OfferExpiryError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Ok(Self::default());
        }
        let number = trimmed.strip_suffix('日').unwrap_or(trimmed).trim_end();
        let days = numbers::parse_digits(number).ok_or(OfferExpiryError::OutOfRange {
            max: MAX_OFFER_EXPIRY_DAYS,
        })?;
        Self::days(days)
    }

    /// A number of days (the JSON API).
    pub fn days(days: u64) -> Result<Self, OfferExpiryError> {
        match u16::try_from(days) {
            Ok(d) if (1..=MAX_OFFER_EXPIRY_DAYS).contains(&d) => Ok(Self(d)),
            _ => Err(OfferExpiryError::OutOfRange {
                max: MAX_OFFER_EXPIRY_DAYS,
            }),
        }
    }

    /// The number of days.
    pub const fn get(self) -> u16 {
        self.0
    }

    /// When an offer sent at `sent_at` expires.
    pub const fn expires_at(self, sent_at: Timestamp) -> Timestamp {
        sent_at.plus_days(self.0 as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_is_seven_days_and_limits_hold() {
        assert_eq!(OfferExpiry::parse(" ").map(OfferExpiry::get), Ok(7));
        assert_eq!(OfferExpiry::parse("３日").map(OfferExpiry::get), Ok(3));
        assert_eq!(OfferExpiry::parse("30").map(OfferExpiry::get), Ok(30));
        for bad in ["0", "31", "-1", "abc", "1.5"] {
            assert!(OfferExpiry::parse(bad).is_err(), "{bad}");
        }
        let sent = Timestamp::from_unix(0);
        assert_eq!(OfferExpiry::default().expires_at(sent).unix(), 7 * 86_400);
    }
}
