//! Bounded multi-line texts of a profile (自己紹介, 経歴, 実績).

use crate::error_code::error_codes;
use crate::text;

/// Longest introduction, career or track record, in characters.
pub const MAX_PROFILE_TEXT_CHARS: usize = 2000;

/// Why a profile text is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileTextError {
    /// Longer than the field's limit.
    #[error("text is longer than {max} characters")]
    TooLong {
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// Contains control characters other than line breaks and tabs, or invisible
    /// formatting characters.
    #[error("text contains characters that cannot be shown")]
    InvalidCharacters,
}

error_codes! {
    ProfileTextError {
        TooLong { max } => "profile-text-too-long",
        InvalidCharacters => "profile-text-invalid-characters",
    }
}

/// The one rule all three texts share: trimmed, CRLF turned into LF, at most `max`
/// characters, no hidden characters. An empty result is valid and means "not filled in".
fn parse_bounded(input: &str, max: usize) -> Result<String, ProfileTextError> {
    let normalized = text::normalize_newlines(input);
    let trimmed = normalized.trim();
    if text::char_count(trimmed) > max {
        return Err(ProfileTextError::TooLong { max });
    }
    if text::has_forbidden_chars(trimmed, true) {
        return Err(ProfileTextError::InvalidCharacters);
    }
    Ok(trimmed.to_owned())
}

/// Defines one bounded profile text newtype; they differ only in name and limit so that
/// an introduction cannot be stored as a career by mistake. The shared part (`as_str`,
/// `Display`, conversions) is [`crate::text::str_newtype`].
macro_rules! profile_text {
    ($(#[$meta:meta])* $name:ident, $max:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String")]
        pub struct $name(String);

        impl $name {
            /// Longest accepted text, in characters.
            pub const MAX_CHARS: usize = $max;

            /// Parses what a member typed; an empty or blank input gives an empty text.
            pub fn parse(input: &str) -> Result<Self, ProfileTextError> {
                parse_bounded(input, Self::MAX_CHARS).map(Self)
            }

            /// True when the member has not filled this field in.
            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }

            /// Length in characters, as the completeness score counts it.
            pub fn char_count(&self) -> usize {
                text::char_count(&self.0)
            }
        }

        $crate::text::str_newtype!($name, ProfileTextError);
    };
}

profile_text!(
    /// 自己紹介: who the member is and what they offer.
    Introduction,
    MAX_PROFILE_TEXT_CHARS
);
profile_text!(
    /// 経歴: education and work history.
    Career,
    MAX_PROFILE_TEXT_CHARS
);
profile_text!(
    /// 実績: past work, awards, numbers that show what the member has done.
    TrackRecord,
    MAX_PROFILE_TEXT_CHARS
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    #[test]
    fn empty_means_not_filled() {
        let intro = Introduction::parse("  \u{3000}\r\n ").expect("blank is allowed");
        assert!(intro.is_empty());
        assert_eq!(Introduction::default(), intro);
    }

    #[test]
    fn keeps_inner_line_breaks_as_lf() {
        let career = Career::parse("\r\n2010年 入社\r\n2020年 独立\r\n").expect("valid");
        assert_eq!(career.as_str(), "2010年 入社\n2020年 独立");
        assert_eq!(career.char_count(), 17);
    }

    #[test]
    fn boundary_counts_full_width_as_one() {
        assert!(TrackRecord::parse(&"実".repeat(2000)).is_ok());
        assert_eq!(
            TrackRecord::parse(&"実".repeat(2001)),
            Err(ProfileTextError::TooLong { max: 2000 })
        );
        // A CRLF counts as one character, as the browser's maxlength counted it.
        let with_crlf = format!("{}\r\n{}", "あ".repeat(999), "い".repeat(1000));
        assert_eq!(
            Introduction::parse(&with_crlf).map(|t| t.char_count()),
            Ok(2000)
        );
    }

    #[test]
    fn rejects_hidden_characters_but_allows_tabs() {
        assert_eq!(
            Introduction::parse("a\u{0008}b"),
            Err(ProfileTextError::InvalidCharacters)
        );
        assert_eq!(
            Introduction::parse("a\u{202E}b"),
            Err(ProfileTextError::InvalidCharacters)
        );
        assert!(Introduction::parse("項目\t内容").is_ok());
    }

    #[test]
    fn error_codes() {
        assert_eq!(
            ProfileTextError::TooLong { max: 1 }.code(),
            "profile-text-too-long"
        );
        assert_eq!(
            ProfileTextError::InvalidCharacters.code(),
            "profile-text-invalid-characters"
        );
    }

    proptest! {
        #[test]
        fn never_panics_and_reparses(raw in any::<String>()) {
            if let Ok(text) = Introduction::parse(&raw) {
                prop_assert_eq!(Introduction::parse(text.as_str()), Ok(text.clone()));
                prop_assert!(text.char_count() <= Introduction::MAX_CHARS);
            }
        }
    }
}
