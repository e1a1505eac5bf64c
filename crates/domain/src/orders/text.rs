//! Free text in an order: talk-room messages, delivery notes, cancellation reasons, send-back
//! reasons and review comments. One parser, with the limit of each use passed in.

use crate::error_code::error_codes;
use crate::text::{char_count, has_forbidden_chars, normalize_newlines};

/// Longest talk-room message or delivery note, in characters.
pub const MESSAGE_MAX_CHARS: usize = 3_000;
/// Longest cancellation or send-back reason, in characters.
pub const REASON_MAX_CHARS: usize = 1_000;
/// Longest review comment, in characters.
pub const REVIEW_MAX_CHARS: usize = 1_000;
/// Longest request the buyer sends with the purchase, in characters.
pub const REQUEST_MAX_CHARS: usize = 3_000;

/// Why a text of an order is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrderTextError {
    /// Required and blank.
    #[error("the text is empty")]
    Empty,
    /// Longer than `max` characters.
    #[error("the text is longer than {max} characters")]
    TooLong {
        /// The limit in characters.
        max: usize,
    },
    /// Holds control or invisible formatting characters.
    #[error("the text contains characters that are not allowed")]
    InvalidCharacters,
}

error_codes! {
    OrderTextError {
        Empty => "order-text-empty",
        TooLong { max } => "order-text-too-long",
        InvalidCharacters => "order-text-invalid-characters",
    }
}

/// A checked text of an order: newlines normalised, trimmed, at most `max` characters, no
/// invisible characters. May be empty only when parsed with `required = false`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderText(String);

impl OrderText {
    /// Parses `raw` for a use whose limit is `max` characters.
    pub fn parse(raw: &str, max: usize, required: bool) -> Result<Self, OrderTextError> {
        let text = normalize_newlines(raw).trim().to_owned();
        if text.is_empty() && required {
            return Err(OrderTextError::Empty);
        }
        if char_count(&text) > max {
            return Err(OrderTextError::TooLong { max });
        }
        if has_forbidden_chars(&text, true) {
            return Err(OrderTextError::InvalidCharacters);
        }
        Ok(Self(text))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_limits() {
        assert_eq!(
            OrderText::parse("  よろしく\r\nお願いします ", 20, true).map(OrderText::into_string),
            Ok("よろしく\nお願いします".to_owned())
        );
        assert_eq!(
            OrderText::parse(" \n ", 20, true),
            Err(OrderTextError::Empty)
        );
        assert_eq!(
            OrderText::parse("", 20, false).map(OrderText::into_string),
            Ok(String::new())
        );
        assert_eq!(
            OrderText::parse("あいう", 2, true),
            Err(OrderTextError::TooLong { max: 2 })
        );
        assert_eq!(
            OrderText::parse("a\u{200b}b", 20, true),
            Err(OrderTextError::InvalidCharacters)
        );
    }
}
