//! The text rules every listing field shares, so that a title, an option name and a FAQ
//! question are trimmed, counted and checked the same way. Each field maps the
//! [`Problem`] onto its own error variant (and message); whether a blank field is an error is
//! the field's decision too.

use crate::text;

/// What is wrong with one text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Problem {
    /// More characters than the field's limit.
    TooLong,
    /// Control or invisible characters (line breaks too, in a single-line field).
    InvalidCharacters,
}

/// A one-line field (`<input>`): trimmed, at most `max` characters, no line breaks.
/// Blank input gives `""`.
pub(super) fn single_line(input: &str, max: usize) -> Result<String, Problem> {
    check(input.trim(), max, false)
}

/// A multi-line field (`<textarea>`): CRLF turned into LF, trimmed, at most `max` characters
/// with line breaks and tabs allowed. Blank input gives `""`.
pub(super) fn multi_line(input: &str, max: usize) -> Result<String, Problem> {
    let normalized = text::normalize_newlines(input);
    check(normalized.trim(), max, true)
}

fn check(trimmed: &str, max: usize, allow_newlines: bool) -> Result<String, Problem> {
    if text::char_count(trimmed) > max {
        return Err(Problem::TooLong);
    }
    if text::has_forbidden_chars(trimmed, allow_newlines) {
        return Err(Problem::InvalidCharacters);
    }
    Ok(trimmed.to_owned())
}

/// The `row`-th (0-based) cell of one column of a repeated form row; a missing cell reads as
/// blank, so columns of different lengths never panic.
pub(super) fn cell<S: AsRef<str>>(column: &[S], row: usize) -> &str {
    column.get(row).map_or("", AsRef::as_ref)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_line_trims_and_refuses_breaks() {
        assert_eq!(
            single_line("\u{3000}ロゴ作成\u{3000}", 10),
            Ok("ロゴ作成".to_owned())
        );
        assert_eq!(single_line(" \u{3000}", 10), Ok(String::new()));
        assert_eq!(single_line("あいう", 2), Err(Problem::TooLong));
        assert_eq!(single_line("a\nb", 10), Err(Problem::InvalidCharacters));
        assert_eq!(
            single_line("a\u{200B}b", 10),
            Err(Problem::InvalidCharacters)
        );
    }

    #[test]
    fn multi_line_counts_crlf_as_one() {
        assert_eq!(multi_line(" a\r\nb ", 3), Ok("a\nb".to_owned()));
        assert_eq!(multi_line("  ", 3), Ok(String::new()));
        assert_eq!(multi_line("a\r\nbc", 3), Err(Problem::TooLong));
    }

    #[test]
    fn missing_cells_are_blank() {
        let column = ["a"];
        assert_eq!(cell(&column, 0), "a");
        assert_eq!(cell(&column, 5), "");
    }
}
