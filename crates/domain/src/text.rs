//! Helpers for user-entered text, shared by every parser so that all limits are counted and
//! compared the same way. [`strip_format_chars`] and [`has_control_chars`] are public: the web
//! layer applies them to file names and to every request before any parser sees it.

/// Number of Unicode scalar values: the unit in which the UI states limits ("30文字以内"),
/// so that 「山田太郎」 is four characters, not twelve bytes.
pub(crate) fn char_count(s: &str) -> usize {
    s.chars().count()
}

/// Browsers submit `<textarea>` line breaks as CRLF but count them as one character for
/// `maxlength`; normalising first keeps our limit identical to the one the browser enforced.
pub(crate) fn normalize_newlines(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Characters that are invisible or reorder text. They let one name pose as another
/// (「運営」 with a zero-width space) or flip the direction of what follows it
/// (`\u{202E}txt.exe` shows as `exe.txt`): the bidirectional controls (U+061C, U+200E,
/// U+200F, U+202A–U+202E, U+2066–U+2069) and the invisible format characters (soft hyphen
/// U+00AD, Mongolian vowel separator U+180E, U+200B–U+200D, U+2060–U+2064, BOM U+FEFF).
pub(crate) fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// `s` without bidirectional controls and invisible format characters. Names that are shown
/// to other members (file names, display names) are cleaned with this rather than refused:
/// a file named on a right-to-left system keeps its readable part, and nobody can make
/// `\u{202E}txt.exe` read as `exe.txt`.
pub fn strip_format_chars(s: &str) -> String {
    s.chars().filter(|c| !is_invisible_format(*c)).collect()
}

/// True when `s` holds a C0 or C1 control character (NUL, ESC, DEL, U+0080–U+009F...).
/// `allow_line_breaks` lets multi-line text keep `\n`, `\r` and `\t`; single-line values
/// (search terms, path keys, query parameters) may hold none at all. No text input has a use
/// for them, and PostgreSQL cannot store NUL.
pub fn has_control_chars(s: &str, allow_line_breaks: bool) -> bool {
    s.chars()
        .any(|c| c.is_control() && !(allow_line_breaks && matches!(c, '\n' | '\r' | '\t')))
}

/// True when `s` holds a control or invisible formatting character; `allow_newlines` lets
/// multi-line fields keep `\n` and `\t`.
pub(crate) fn has_forbidden_chars(s: &str, allow_newlines: bool) -> bool {
    s.chars().any(|c| {
        let allowed_whitespace = allow_newlines && (c == '\n' || c == '\t');
        (c.is_control() && !allowed_whitespace) || is_invisible_format(c)
    })
}

/// Key for case- and width-insensitive comparison: Japanese IMEs readily produce full-width
/// Latin letters, and 「ＡＤＭＩＮ」 or 「Ｒｕｓｔ」 must compare equal to "admin" and "rust".
/// Whitespace (including the ideographic space U+3000) is dropped for the same reason.
pub(crate) fn comparison_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            // Full-width ASCII block (！ .. ～) maps 1:1 onto ASCII 0x21..0x7E.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Implements `as_str`, `Display`, `AsRef<str>` and `TryFrom<&str>`/`TryFrom<String>`
/// (through `parse`) for a newtype `$name(String)` whose parser fails with `$error`: the one
/// shape of every checked text in the domain (listing texts, profile texts, bank fields), so
/// that a value of one can never be passed as another.
macro_rules! str_newtype {
    ($name:ident, $error:ty) => {
        impl $name {
            /// The checked text, as stored and shown.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<&str> for $name {
            type Error = $error;
            fn try_from(value: &str) -> Result<Self, Self::Error> {
                Self::parse(value)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $error;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }
    };
}
pub(crate) use str_newtype;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_japanese_as_one_char_each() {
        assert_eq!(char_count("山田太郎"), 4);
        assert_eq!(char_count("ＡＢＣ"), 3);
    }

    #[test]
    fn comparison_key_folds_width_case_and_spaces() {
        assert_eq!(comparison_key("ＡＤＭＩＮ"), "admin");
        assert_eq!(comparison_key("よろず\u{3000}運営"), "よろず運営");
        assert_eq!(comparison_key("Rust"), comparison_key("ｒｕｓｔ"));
    }

    #[test]
    fn crlf_becomes_lf() {
        assert_eq!(normalize_newlines("a\r\nb\rc"), "a\nb\nc");
    }

    #[test]
    fn strips_bidi_and_invisible_format_chars() {
        assert_eq!(strip_format_chars("\u{202E}txt.exe"), "txt.exe");
        assert_eq!(
            strip_format_chars("a\u{200E}b\u{200F}c\u{061C}d\u{2066}e\u{2069}"),
            "abcde"
        );
        assert_eq!(
            strip_format_chars("\u{FEFF}運\u{200B}営\u{00AD}\u{180E}\u{2060}"),
            "運営"
        );
        assert_eq!(strip_format_chars("請求書 (1).pdf"), "請求書 (1).pdf");
    }

    #[test]
    fn control_chars_with_and_without_line_breaks() {
        assert!(has_control_chars("a\0b", true));
        assert!(has_control_chars("a\u{1B}b", true));
        assert!(has_control_chars("a\u{7F}", true));
        assert!(has_control_chars("a\u{85}", true));
        assert!(!has_control_chars("a\r\nb\tc", true));
        assert!(has_control_chars("a\nb", false));
        assert!(has_control_chars("a\tb", false));
        assert!(!has_control_chars("山田 太郎\u{3000}", false));
    }

    proptest::proptest! {
        #[test]
        fn stripped_text_has_no_format_chars_and_keeps_the_rest(s in proptest::prelude::any::<String>()) {
            let stripped = strip_format_chars(&s);
            proptest::prop_assert!(!stripped.chars().any(is_invisible_format));
            let kept: String = s.chars().filter(|c| !is_invisible_format(*c)).collect();
            proptest::prop_assert_eq!(&stripped, &kept);
            proptest::prop_assert_eq!(strip_format_chars(&stripped), stripped.clone());
        }
    }

    #[test]
    fn detects_invisible_and_control_chars() {
        assert!(has_forbidden_chars("運\u{200B}営", true));
        assert!(has_forbidden_chars("a\u{0007}", true));
        assert!(has_forbidden_chars("a\nb", false));
        assert!(!has_forbidden_chars("a\nb\tc", true));
    }
}
