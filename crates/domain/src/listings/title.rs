//! The title of a service (サービスタイトル), shown on cards and in search results.

use super::field::{self, Problem};
use crate::error_code::error_codes;
use crate::text::str_newtype;

/// Longest title, in characters (full-width characters count as one).
pub const MAX_LISTING_TITLE_CHARS: usize = 60;

/// Why a listing title is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListingTitleError {
    /// Nothing but whitespace was entered.
    #[error("listing title is empty")]
    Empty,
    /// Longer than [`MAX_LISTING_TITLE_CHARS`].
    #[error("listing title is longer than {max} characters")]
    TooLong {
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// Contains line breaks, control or invisible formatting characters.
    #[error("listing title contains characters that cannot be shown")]
    InvalidCharacters,
}

error_codes! {
    ListingTitleError {
        Empty => "listing-title-empty",
        TooLong { max } => "listing-title-too-long",
        InvalidCharacters => "listing-title-invalid-characters",
    }
}

/// A trimmed, single-line title of 1 to [`MAX_LISTING_TITLE_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct ListingTitle(String);

impl ListingTitle {
    /// Parses what the seller typed; surrounding spaces (including 全角スペース) are dropped.
    pub fn parse(input: &str) -> Result<Self, ListingTitleError> {
        match field::single_line(input, MAX_LISTING_TITLE_CHARS) {
            Ok(title) if title.is_empty() => Err(ListingTitleError::Empty),
            Ok(title) => Ok(Self(title)),
            Err(Problem::TooLong) => Err(ListingTitleError::TooLong {
                max: MAX_LISTING_TITLE_CHARS,
            }),
            Err(Problem::InvalidCharacters) => Err(ListingTitleError::InvalidCharacters),
        }
    }
}

str_newtype!(ListingTitle, ListingTitleError);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    #[test]
    fn accepts_and_trims_a_japanese_title() {
        let title =
            ListingTitle::parse("\u{3000}シンプルで伝わるロゴを作成します ").expect("valid");
        assert_eq!(title.as_str(), "シンプルで伝わるロゴを作成します");
        assert_eq!(title.to_string(), title.as_str());
    }

    #[test]
    fn bounds_in_characters() {
        assert_eq!(
            ListingTitle::parse(" \u{3000}"),
            Err(ListingTitleError::Empty)
        );
        assert!(ListingTitle::parse(&"字".repeat(60)).is_ok());
        assert_eq!(
            ListingTitle::parse(&"字".repeat(61)),
            Err(ListingTitleError::TooLong { max: 60 })
        );
    }

    #[test]
    fn refuses_line_breaks_and_hidden_characters() {
        for bad in [
            "ロゴ\n作成",
            "ロゴ\r\n作成",
            "ロゴ\u{200B}作成",
            "ロゴ\u{202E}作成",
            "\u{7}",
        ] {
            assert_eq!(
                ListingTitle::parse(bad),
                Err(ListingTitleError::InvalidCharacters),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn error_codes() {
        assert_eq!(ListingTitleError::Empty.code(), "listing-title-empty");
        assert_eq!(
            ListingTitleError::TooLong { max: 60 }.code(),
            "listing-title-too-long"
        );
        assert_eq!(
            ListingTitleError::InvalidCharacters.code(),
            "listing-title-invalid-characters"
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_reparses(raw in any::<String>()) {
            if let Ok(title) = ListingTitle::parse(&raw) {
                prop_assert_eq!(ListingTitle::parse(title.as_str()), Ok(title.clone()));
                prop_assert!(title.as_str().chars().count() <= MAX_LISTING_TITLE_CHARS);
            }
        }
    }
}
