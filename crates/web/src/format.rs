//! Formatting for people: dates in Japan time, numbers with grouping.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_shown_in_japan_time() {
        // 2026-11-24 15:30 UTC is 2026-11-25 00:30 JST.
        let unix = 1_795_534_200;
        assert_eq!(datetime(Locale::Ja, unix), "2026年11月25日 00:30");
        assert_eq!(date(Locale::En, unix), "2026-11-25");
    }
}
