//! How many times the buyer may ask for changes (修正回数): a number, or unlimited.

use std::fmt;

use crate::error_code::error_codes;
use crate::numbers;

/// Most revisions a seller may promise as a number; beyond that, "unlimited" is the choice.
pub const MAX_REVISIONS: u8 = 10;

/// What the form and the JSON API send for unlimited revisions.
const UNLIMITED_KEY: &str = "unlimited";

/// Why a number of revisions is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RevisionsError {
    /// Neither a whole number nor "unlimited".
    #[error("revisions must be a number or \"unlimited\"")]
    Invalid,
    /// A number above [`MAX_REVISIONS`].
    #[error("more than {max} revisions")]
    TooMany {
        /// The limit, for the message shown to the member.
        max: u8,
    },
}

error_codes! {
    RevisionsError {
        Invalid => "revisions-invalid",
        TooMany { max } => "revisions-too-many",
    }
}

/// 0 to [`MAX_REVISIONS`] revisions, or unlimited (無制限).
///
/// The field is private so that a count above the limit cannot exist; read it with
/// [`Revisions::limit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Revisions(Option<u8>);

impl Revisions {
    /// Unlimited revisions.
    pub const UNLIMITED: Revisions = Revisions(None);

    /// Parses what the seller chose: `unlimited` (or 「無制限」) or a number `0`–`10` in ASCII or
    /// full-width digits, optionally followed by 回.
    pub fn parse(input: &str) -> Result<Self, RevisionsError> {
        let trimmed = input.trim();
        if trimmed.eq_ignore_ascii_case(UNLIMITED_KEY) || trimmed == "無制限" {
            return Ok(Self::UNLIMITED);
        }
        let number = trimmed.strip_suffix('回').unwrap_or(trimmed).trim_end();
        let count = numbers::parse_digits(number).ok_or(RevisionsError::Invalid)?;
        Self::count(u8::try_from(count).unwrap_or(u8::MAX))
    }

    /// A limited number of revisions, 0 to [`MAX_REVISIONS`].
    pub fn count(count: u8) -> Result<Self, RevisionsError> {
        if count <= MAX_REVISIONS {
            Ok(Self(Some(count)))
        } else {
            Err(RevisionsError::TooMany { max: MAX_REVISIONS })
        }
    }

    /// The number of revisions, or `None` when unlimited.
    pub const fn limit(self) -> Option<u8> {
        self.0
    }

    /// True for unlimited revisions.
    pub const fn is_unlimited(self) -> bool {
        self.0.is_none()
    }

    /// The form value: `"unlimited"` or the number, e.g. `"3"`; [`Revisions::parse`] reads it.
    pub fn as_key(self) -> String {
        match self.0 {
            Some(count) => count.to_string(),
            None => UNLIMITED_KEY.to_owned(),
        }
    }

    /// The value for the `revisions` column: the count, or -1 for unlimited.
    pub fn as_storage(self) -> i64 {
        self.0.map_or(-1, i64::from)
    }

    /// Reads the `revisions` column written by [`Revisions::as_storage`].
    pub fn from_storage(stored: i64) -> Result<Self, RevisionsError> {
        match stored {
            -1 => Ok(Self::UNLIMITED),
            _ => Self::count(u8::try_from(stored).map_err(|_| RevisionsError::Invalid)?),
        }
    }
}

/// The form value, as [`Revisions::as_key`].
impl fmt::Display for Revisions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_key())
    }
}

/// A number, or the string `"unlimited"`.
impl serde::Serialize for Revisions {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(count) => serializer.serialize_u8(count),
            None => serializer.serialize_str(UNLIMITED_KEY),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    #[test]
    fn reads_numbers_and_unlimited() {
        assert_eq!(Revisions::parse("unlimited"), Ok(Revisions::UNLIMITED));
        assert_eq!(Revisions::parse(" Unlimited "), Ok(Revisions::UNLIMITED));
        assert_eq!(Revisions::parse("無制限"), Ok(Revisions::UNLIMITED));
        for (input, count) in [("0", 0), ("3", 3), ("３", 3), ("3回", 3), ("１０", 10)] {
            assert_eq!(
                Revisions::parse(input).map(Revisions::limit),
                Ok(Some(count)),
                "{input}"
            );
        }
        assert!(Revisions::UNLIMITED.is_unlimited());
        assert!(!Revisions::parse("0").is_ok_and(Revisions::is_unlimited));
    }

    #[test]
    fn refuses_too_many_and_other_text() {
        assert_eq!(
            Revisions::parse("11"),
            Err(RevisionsError::TooMany { max: 10 })
        );
        assert_eq!(
            Revisions::parse("1000"),
            Err(RevisionsError::TooMany { max: 10 })
        );
        for bad in ["", "-1", "many", "1.5", "三"] {
            assert_eq!(Revisions::parse(bad), Err(RevisionsError::Invalid), "{bad}");
        }
    }

    #[test]
    fn storage_uses_minus_one_for_unlimited() {
        assert_eq!(Revisions::UNLIMITED.as_storage(), -1);
        assert_eq!(Revisions::count(3).map(Revisions::as_storage), Ok(3));
        assert_eq!(Revisions::from_storage(-1), Ok(Revisions::UNLIMITED));
        assert_eq!(Revisions::from_storage(10), Revisions::count(10));
        assert_eq!(Revisions::from_storage(-2), Err(RevisionsError::Invalid));
        assert_eq!(
            Revisions::from_storage(11),
            Err(RevisionsError::TooMany { max: 10 })
        );
    }

    #[test]
    fn form_key_round_trips() {
        assert_eq!(Revisions::UNLIMITED.as_key(), "unlimited");
        assert_eq!(
            Revisions::count(2).map(|r| r.to_string()),
            Ok("2".to_owned())
        );
    }

    #[test]
    fn error_codes() {
        assert_eq!(RevisionsError::Invalid.code(), "revisions-invalid");
        assert_eq!(
            RevisionsError::TooMany { max: 10 }.code(),
            "revisions-too-many"
        );
    }

    proptest! {
        #[test]
        fn parse_and_storage_round_trip(raw in any::<String>()) {
            if let Ok(revisions) = Revisions::parse(&raw) {
                prop_assert_eq!(Revisions::parse(&revisions.as_key()), Ok(revisions));
                prop_assert_eq!(Revisions::from_storage(revisions.as_storage()), Ok(revisions));
                prop_assert!(revisions.limit().is_none_or(|n| n <= MAX_REVISIONS));
            }
        }
    }
}
