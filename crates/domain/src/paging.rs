//! Page numbers of lists (orders, reviews, search results), read from query strings.
//!
//! A page number only ever becomes an `OFFSET`: `(page - 1) * size` overflows for huge values
//! and PostgreSQL refuses a negative `OFFSET`, so every list clamps its page with
//! [`clamp_page`] before computing one.

use crate::numbers::parse_digits;

/// The highest page number served by any list; a page beyond it shows that last page.
pub const MAX_PAGE: i64 = 10_000;

/// `page` brought into `1..=MAX_PAGE`.
pub fn clamp_page(page: i64) -> i64 {
    page.clamp(1, MAX_PAGE)
}

/// A page number as typed in a URL: digits (ASCII or full-width) clamped into
/// `1..=MAX_PAGE`; anything unreadable is the first page.
pub fn parse_page(raw: &str) -> i64 {
    parse_digits(raw.trim())
        .map(|n| i64::try_from(n).unwrap_or(i64::MAX))
        .map_or(1, clamp_page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn clamps_into_range() {
        assert_eq!(clamp_page(i64::MIN), 1);
        assert_eq!(clamp_page(0), 1);
        assert_eq!(clamp_page(7), 7);
        assert_eq!(clamp_page(i64::MAX), MAX_PAGE);
    }

    #[test]
    fn parses_leniently() {
        assert_eq!(parse_page(""), 1);
        assert_eq!(parse_page("abc"), 1);
        assert_eq!(parse_page("-3"), 1);
        assert_eq!(parse_page(" 3 "), 3);
        assert_eq!(parse_page("３"), 3);
        assert_eq!(parse_page("9223372036854775807"), MAX_PAGE);
        assert_eq!(parse_page(&"9".repeat(40)), MAX_PAGE);
    }

    proptest! {
        #[test]
        fn offsets_never_overflow(page in any::<i64>()) {
            let p = clamp_page(page);
            prop_assert!((1..=MAX_PAGE).contains(&p));
            prop_assert!((p - 1).checked_mul(1_000).is_some());
        }
    }
}
