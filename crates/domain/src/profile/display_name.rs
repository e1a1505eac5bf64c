//! The name a member is shown by (表示名).

use std::fmt;

use crate::error_code::error_codes;
use crate::text;

/// Longest display name, in characters (full-width characters count as one).
pub const MAX_DISPLAY_NAME_CHARS: usize = 30;

/// Names that would let a member pass for the platform or for a withdrawn account.
/// 「退会したユーザー」 is what others see in place of a withdrawn member, so a live
/// account using it would make kept reviews and messages misleading.
/// Compared after [`text::comparison_key`] (case, width and spaces ignored).
const RESERVED_NAMES: &[&str] = &[
    "退会したユーザー",
    "運営",
    "よろず運営",
    "yorozu",
    "admin",
    "administrator",
    "operator",
];

/// Why a display name is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DisplayNameError {
    /// Nothing but whitespace was entered.
    #[error("display name is empty")]
    Empty,
    /// Longer than [`MAX_DISPLAY_NAME_CHARS`].
    #[error("display name is longer than {max} characters")]
    TooLong {
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// Contains control or invisible formatting characters.
    #[error("display name contains characters that cannot be shown")]
    InvalidCharacters,
    /// One of the names kept for the platform itself.
    #[error("display name is reserved")]
    Reserved,
}

error_codes! {
    DisplayNameError {
        Empty => "display-name-empty",
        TooLong { max } => "display-name-too-long",
        InvalidCharacters => "display-name-invalid-characters",
        Reserved => "display-name-reserved",
    }
}

/// A trimmed display name of 1 to [`MAX_DISPLAY_NAME_CHARS`] visible characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct DisplayName(String);

impl DisplayName {
    /// Parses what a member typed; surrounding spaces (including 全角スペース) are dropped, and
    /// so are bidirectional and invisible format characters ([`text::strip_format_chars`]):
    /// a name is shown beside other text, where a right-to-left override would flip it and
    /// a zero-width space would let 「運\u{200B}営」 pass for the reserved 「運営」.
    pub fn parse(input: &str) -> Result<Self, DisplayNameError> {
        let visible = text::strip_format_chars(input);
        let trimmed = visible.trim();
        if trimmed.is_empty() {
            return Err(DisplayNameError::Empty);
        }
        if text::char_count(trimmed) > MAX_DISPLAY_NAME_CHARS {
            return Err(DisplayNameError::TooLong {
                max: MAX_DISPLAY_NAME_CHARS,
            });
        }
        if text::has_forbidden_chars(trimmed, false) {
            return Err(DisplayNameError::InvalidCharacters);
        }
        let key = text::comparison_key(trimmed);
        if RESERVED_NAMES
            .iter()
            .any(|reserved| text::comparison_key(reserved) == key)
        {
            return Err(DisplayNameError::Reserved);
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// The name as entered, trimmed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DisplayName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for DisplayName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl TryFrom<&str> for DisplayName {
    type Error = DisplayNameError;
    fn try_from(value: &str) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl TryFrom<String> for DisplayName {
    type Error = DisplayNameError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    #[test]
    fn accepts_japanese_and_trims_ideographic_space() {
        let name = DisplayName::parse("\u{3000}山田 太郎\u{3000}").expect("valid");
        assert_eq!(name.as_str(), "山田 太郎");
        assert_eq!(name.to_string(), "山田 太郎");
    }

    #[test]
    fn rejects_empty() {
        assert_eq!(DisplayName::parse(""), Err(DisplayNameError::Empty));
        assert_eq!(
            DisplayName::parse(" \u{3000}\t"),
            Err(DisplayNameError::Empty)
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(DisplayName::parse(&"あ".repeat(30)).is_ok());
        assert!(DisplayName::parse(&"Ａ".repeat(30)).is_ok());
        assert_eq!(
            DisplayName::parse(&"あ".repeat(31)),
            Err(DisplayNameError::TooLong { max: 30 })
        );
        assert_eq!(
            DisplayName::parse(&"a".repeat(31)),
            Err(DisplayNameError::TooLong { max: 30 })
        );
        // Trimming happens before counting.
        assert!(DisplayName::parse(&format!("  {}  ", "a".repeat(30))).is_ok());
    }

    #[test]
    fn rejects_control_characters() {
        assert_eq!(
            DisplayName::parse("山田\n太郎"),
            Err(DisplayNameError::InvalidCharacters)
        );
        assert_eq!(
            DisplayName::parse("山田\u{0}"),
            Err(DisplayNameError::InvalidCharacters)
        );
    }

    #[test]
    fn drops_bidi_and_invisible_format_characters() {
        assert_eq!(
            DisplayName::parse("abc\u{202E}def").map(|n| n.to_string()),
            Ok("abcdef".to_owned())
        );
        assert_eq!(
            DisplayName::parse("\u{200F}山田\u{2066}太郎\u{FEFF}").map(|n| n.to_string()),
            Ok("山田太郎".to_owned())
        );
        // Dropping happens before the reserved-name check, so an invisible character cannot
        // smuggle a reserved name through.
        assert_eq!(
            DisplayName::parse("運\u{200B}営"),
            Err(DisplayNameError::Reserved)
        );
        assert_eq!(
            DisplayName::parse("\u{202E}\u{200B}"),
            Err(DisplayNameError::Empty)
        );
    }

    #[test]
    fn rejects_reserved_names_in_any_case_or_width() {
        for reserved in [
            "退会したユーザー",
            " 運営 ",
            "よろず運営",
            "よろず\u{3000}運営",
            "Yorozu",
            "ADMIN",
            "ａｄｍｉｎ",
            "Administrator",
            "operator",
        ] {
            assert_eq!(
                DisplayName::parse(reserved),
                Err(DisplayNameError::Reserved),
                "{reserved}"
            );
        }
        assert!(DisplayName::parse("運営さん").is_ok());
        assert!(DisplayName::parse("yorozu好き").is_ok());
    }

    #[test]
    fn error_codes() {
        assert_eq!(DisplayNameError::Empty.code(), "display-name-empty");
        assert_eq!(
            DisplayNameError::TooLong { max: 30 }.code(),
            "display-name-too-long"
        );
        assert_eq!(
            DisplayNameError::InvalidCharacters.code(),
            "display-name-invalid-characters"
        );
        assert_eq!(DisplayNameError::Reserved.code(), "display-name-reserved");
    }

    proptest! {
        #[test]
        fn never_panics_and_reparses(raw in any::<String>()) {
            if let Ok(name) = DisplayName::parse(&raw) {
                prop_assert_eq!(DisplayName::parse(name.as_str()), Ok(name.clone()));
                prop_assert_eq!(text::strip_format_chars(name.as_str()), name.as_str());
                prop_assert!(name.as_str().chars().count() <= MAX_DISPLAY_NAME_CHARS);
            }
        }
    }
}
