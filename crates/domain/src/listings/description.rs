//! What a service offers (サービス内容): the long text of the listing page.

use super::field::{self, Problem};
use crate::error_code::error_codes;
use crate::text::str_newtype;

/// Longest description, in characters; a line break counts as one.
pub const MAX_LISTING_DESCRIPTION_CHARS: usize = 5000;

/// Why a listing description is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListingDescriptionError {
    /// Nothing but whitespace was entered.
    #[error("listing description is empty")]
    Empty,
    /// Longer than [`MAX_LISTING_DESCRIPTION_CHARS`].
    #[error("listing description is longer than {max} characters")]
    TooLong {
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// Contains control characters other than line breaks and tabs, or invisible ones.
    #[error("listing description contains characters that cannot be shown")]
    InvalidCharacters,
}

error_codes! {
    ListingDescriptionError {
        Empty => "listing-description-empty",
        TooLong { max } => "listing-description-too-long",
        InvalidCharacters => "listing-description-invalid-characters",
    }
}

/// A trimmed description of 1 to [`MAX_LISTING_DESCRIPTION_CHARS`] characters with `\n`
/// line breaks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct ListingDescription(String);

impl ListingDescription {
    /// Parses what the seller typed; CRLF from the browser becomes LF before counting, so the
    /// limit matches the `maxlength` the browser enforced.
    pub fn parse(input: &str) -> Result<Self, ListingDescriptionError> {
        match field::multi_line(input, MAX_LISTING_DESCRIPTION_CHARS) {
            Ok(text) if text.is_empty() => Err(ListingDescriptionError::Empty),
            Ok(text) => Ok(Self(text)),
            Err(Problem::TooLong) => Err(ListingDescriptionError::TooLong {
                max: MAX_LISTING_DESCRIPTION_CHARS,
            }),
            Err(Problem::InvalidCharacters) => Err(ListingDescriptionError::InvalidCharacters),
        }
    }
}

str_newtype!(ListingDescription, ListingDescriptionError);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    #[test]
    fn keeps_line_breaks_as_lf() {
        let description = ListingDescription::parse(
            "\r\nご覧いただきありがとうございます。\r\n\r\n丁寧に対応します。\r\n",
        )
        .expect("valid");
        assert_eq!(
            description.as_str(),
            "ご覧いただきありがとうございます。\n\n丁寧に対応します。"
        );
    }

    #[test]
    fn bounds_in_characters() {
        assert_eq!(
            ListingDescription::parse("\r\n \u{3000}"),
            Err(ListingDescriptionError::Empty)
        );
        assert!(ListingDescription::parse(&"あ\r\n".repeat(2500)).is_ok());
        assert_eq!(
            ListingDescription::parse(&"あ".repeat(5001)),
            Err(ListingDescriptionError::TooLong { max: 5000 })
        );
    }

    #[test]
    fn refuses_hidden_characters_but_keeps_tabs() {
        assert!(ListingDescription::parse("料金\t3000円").is_ok());
        assert_eq!(
            ListingDescription::parse("a\u{FEFF}b"),
            Err(ListingDescriptionError::InvalidCharacters)
        );
    }

    #[test]
    fn error_codes() {
        assert_eq!(
            ListingDescriptionError::Empty.code(),
            "listing-description-empty"
        );
        assert_eq!(
            ListingDescriptionError::TooLong { max: 1 }.code(),
            "listing-description-too-long"
        );
        assert_eq!(
            ListingDescriptionError::InvalidCharacters.code(),
            "listing-description-invalid-characters"
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_reparses(raw in any::<String>()) {
            if let Ok(description) = ListingDescription::parse(&raw) {
                prop_assert_eq!(ListingDescription::parse(description.as_str()), Ok(description.clone()));
                prop_assert!(!description.as_str().contains('\r'));
            }
        }
    }
}
