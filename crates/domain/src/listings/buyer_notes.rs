//! What the seller asks of buyers before they purchase (購入にあたってのお願い), e.g. which
//! materials to send. Optional.

use super::field::{self, Problem};
use crate::error_code::error_codes;
use crate::text::str_newtype;

/// Longest buyer notes, in characters; a line break counts as one.
pub const MAX_BUYER_NOTES_CHARS: usize = 2000;

/// Why the buyer notes are refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuyerNotesError {
    /// Longer than [`MAX_BUYER_NOTES_CHARS`].
    #[error("buyer notes are longer than {max} characters")]
    TooLong {
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// Contains control characters other than line breaks and tabs, or invisible ones.
    #[error("buyer notes contain characters that cannot be shown")]
    InvalidCharacters,
}

error_codes! {
    BuyerNotesError {
        TooLong { max } => "buyer-notes-too-long",
        InvalidCharacters => "buyer-notes-invalid-characters",
    }
}

/// Trimmed notes of 0 to [`MAX_BUYER_NOTES_CHARS`] characters with `\n` line breaks; empty
/// when the seller has nothing to ask.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct BuyerNotes(String);

impl BuyerNotes {
    /// Parses what the seller typed; blank input gives empty notes.
    pub fn parse(input: &str) -> Result<Self, BuyerNotesError> {
        field::multi_line(input, MAX_BUYER_NOTES_CHARS)
            .map(Self)
            .map_err(|problem| match problem {
                Problem::InvalidCharacters => BuyerNotesError::InvalidCharacters,
                Problem::TooLong => BuyerNotesError::TooLong {
                    max: MAX_BUYER_NOTES_CHARS,
                },
            })
    }

    /// True when the seller asks nothing of buyers.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

str_newtype!(BuyerNotes, BuyerNotesError);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    #[test]
    fn may_be_empty() {
        let notes = BuyerNotes::parse(" \r\n\u{3000}").expect("valid");
        assert!(notes.is_empty());
        assert_eq!(notes, BuyerNotes::default());
    }

    #[test]
    fn keeps_lines_and_bounds_characters() {
        let notes = BuyerNotes::parse("ご購入前に\r\nメッセージをお送りください。").expect("valid");
        assert_eq!(notes.as_str(), "ご購入前に\nメッセージをお送りください。");
        assert!(!notes.is_empty());
        assert!(BuyerNotes::parse(&"あ".repeat(2000)).is_ok());
        assert_eq!(
            BuyerNotes::parse(&"あ".repeat(2001)),
            Err(BuyerNotesError::TooLong { max: 2000 })
        );
        assert_eq!(
            BuyerNotes::parse("a\u{2066}b"),
            Err(BuyerNotesError::InvalidCharacters)
        );
    }

    #[test]
    fn error_codes() {
        assert_eq!(
            BuyerNotesError::TooLong { max: 1 }.code(),
            "buyer-notes-too-long"
        );
        assert_eq!(
            BuyerNotesError::InvalidCharacters.code(),
            "buyer-notes-invalid-characters"
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_reparses(raw in any::<String>()) {
            if let Ok(notes) = BuyerNotes::parse(&raw) {
                prop_assert_eq!(BuyerNotes::parse(notes.as_str()), Ok(notes.clone()));
            }
        }
    }
}
