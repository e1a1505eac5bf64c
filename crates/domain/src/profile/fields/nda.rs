//! Whether a seller is willing to sign a buyer's non-disclosure agreement (NDA締結).

use crate::error_code::error_codes;
use std::fmt;

/// A value that is not one of [`NdaWillingness`]'s keys.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NdaWillingnessError {
    /// Not "unspecified", "willing" or "not-willing".
    #[error("unknown NDA willingness")]
    Unknown,
}

error_codes! {
    NdaWillingnessError {
        Unknown => "nda-willingness-unknown",
    }
}

/// The seller's stance on NDAs, shown to buyers before they order.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum NdaWillingness {
    /// The member has not said; the default for a new profile.
    #[default]
    Unspecified,
    /// Willing to sign an NDA.
    Willing,
    /// Not willing to sign an NDA.
    NotWilling,
}

impl NdaWillingness {
    /// Every value, in the order a form offers them.
    pub const ALL: [NdaWillingness; 3] = [Self::Unspecified, Self::Willing, Self::NotWilling];

    /// Stable key for storage, forms and message ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unspecified => "unspecified",
            Self::Willing => "willing",
            Self::NotWilling => "not-willing",
        }
    }

    /// Reads a key written by [`NdaWillingness::as_str`].
    pub fn parse(key: &str) -> Result<Self, NdaWillingnessError> {
        Self::ALL
            .into_iter()
            .find(|value| value.as_str() == key.trim())
            .ok_or(NdaWillingnessError::Unknown)
    }

    /// True once the member has chosen either way.
    pub fn is_specified(self) -> bool {
        self != Self::Unspecified
    }
}

impl fmt::Display for NdaWillingness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;

    #[test]
    fn keys_round_trip() {
        for value in NdaWillingness::ALL {
            assert_eq!(NdaWillingness::parse(value.as_str()), Ok(value));
        }
        assert_eq!(NdaWillingness::NotWilling.as_str(), "not-willing");
        assert_eq!(NdaWillingness::default(), NdaWillingness::Unspecified);
    }

    #[test]
    fn rejects_unknown() {
        assert_eq!(
            NdaWillingness::parse("yes"),
            Err(NdaWillingnessError::Unknown)
        );
        assert_eq!(
            NdaWillingness::parse("可"),
            Err(NdaWillingnessError::Unknown)
        );
        assert_eq!(
            NdaWillingnessError::Unknown.code(),
            "nda-willingness-unknown"
        );
    }

    #[test]
    fn is_specified() {
        assert!(!NdaWillingness::Unspecified.is_specified());
        assert!(NdaWillingness::Willing.is_specified());
        assert!(NdaWillingness::NotWilling.is_specified());
    }
}
