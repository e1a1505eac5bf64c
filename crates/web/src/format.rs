//! Formatting for people: dates in Japan time, numbers with grouping, file sizes.

use time::{OffsetDateTime, UtcOffset};
use yorozu_domain::Locale;

const JST: UtcOffset = match UtcOffset::from_hms(9, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// A date and time in JST: 「2026年11月24日 21:05」 or "2026-11-24 21:05 JST".
pub fn datetime(locale: Locale, unix: i64) -> String {
    let Ok(t) = OffsetDateTime::from_unix_timestamp(unix) else {
        return String::new();
    };
    let t = t.to_offset(JST);
    match locale {
        Locale::Ja => format!(
            "{}年{}月{}日 {:02}:{:02}",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute()
        ),
        Locale::En => format!(
            "{}-{:02}-{:02} {:02}:{:02} JST",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute()
        ),
    }
}

/// A date in JST: 「2026年11月24日」 or "2026-11-24".
pub fn date(locale: Locale, unix: i64) -> String {
    let Ok(t) = OffsetDateTime::from_unix_timestamp(unix) else {
        return String::new();
    };
    let t = t.to_offset(JST);
    match locale {
        Locale::Ja => format!("{}年{}月{}日", t.year(), u8::from(t.month()), t.day()),
        Locale::En => format!("{}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day()),
    }
}

/// A file size for people, the same in both languages: 「12.3 MB」 from one megabyte up
/// (1 MB = 1,048,576 bytes, one decimal, rounded down), 「340 KB」 below (at least 1 KB, rounded
/// up, so that a small file never reads as nothing).
pub fn file_size(bytes: i64) -> String {
    const KB: i64 = 1024;
    const MB: i64 = 1024 * KB;
    let bytes = bytes.max(0);
    if bytes >= MB {
        let tenths = bytes * 10 / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} KB", ((bytes + KB - 1) / KB).max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sizes_read_in_megabytes_or_kilobytes() {
        assert_eq!(file_size(0), "1 KB");
        assert_eq!(file_size(1), "1 KB");
        assert_eq!(file_size(1024), "1 KB");
        assert_eq!(file_size(1025), "2 KB");
        assert_eq!(file_size(1024 * 1024 - 1), "1024 KB");
        assert_eq!(file_size(1024 * 1024), "1.0 MB");
        assert_eq!(file_size(12 * 1024 * 1024 + 400 * 1024), "12.3 MB");
    }

    #[test]
    fn dates_are_shown_in_japan_time() {
        // 2026-11-24 15:30 UTC is 2026-11-25 00:30 JST.
        let unix = 1_795_534_200;
        assert_eq!(datetime(Locale::Ja, unix), "2026年11月25日 00:30");
        assert_eq!(date(Locale::En, unix), "2026-11-25");
    }
}
