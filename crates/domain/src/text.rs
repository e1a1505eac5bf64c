//! Crate-private helpers for user-entered text, shared by every parser so that all
//! limits are counted and compared the same way.

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
/// (「運営」 with a zero-width space) or flip the direction of what follows it.
pub(crate) fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
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
    fn detects_invisible_and_control_chars() {
        assert!(has_forbidden_chars("運\u{200B}営", true));
        assert!(has_forbidden_chars("a\u{0007}", true));
        assert!(has_forbidden_chars("a\nb", false));
        assert!(!has_forbidden_chars("a\nb\tc", true));
    }
}
