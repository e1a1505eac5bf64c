//! Crate-private helpers for numbers typed by members.
//!
//! Japanese IMEs in full-width mode produce 「１２３」 rather than "123"; every numeric field
//! accepts both so that nobody has to switch input modes to enter a price or a day count.

/// The ASCII digit for a full-width digit (０–９, U+FF10–U+FF19); other characters unchanged.
pub(crate) fn fold_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// The value of a non-empty run of ASCII or full-width digits, or `None` when `s` is empty or
/// holds anything else (signs, decimal points and spaces included). Saturates at
/// [`u64::MAX`], so an absurdly long input still reads as "too large" instead of failing
/// differently.
pub(crate) fn parse_digits(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    s.chars().try_fold(0_u64, |acc, c| {
        let digit = fold_digit(c).to_digit(10)?;
        Some(acc.saturating_mul(10).saturating_add(u64::from(digit)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ascii_and_full_width_digits() {
        assert_eq!(parse_digits("123"), Some(123));
        assert_eq!(parse_digits("１２３"), Some(123));
        assert_eq!(parse_digits("1２3"), Some(123));
        assert_eq!(parse_digits("007"), Some(7));
    }

    #[test]
    fn refuses_anything_else() {
        for bad in ["", "-1", "+1", "1.5", "1 2", "１e3", "一"] {
            assert_eq!(parse_digits(bad), None, "{bad}");
        }
    }

    #[test]
    fn saturates() {
        assert_eq!(parse_digits(&"9".repeat(40)), Some(u64::MAX));
    }
}
