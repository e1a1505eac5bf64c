//! Points in time as the domain sees them.
//!
//! The domain only compares and adds; turning a timestamp into 「2025年4月1日」 or
//! "1 April 2025" depends on the locale and time zone and is the web layer's job.

/// Seconds in one day; the domain's deadlines (3-day auto-approval, 120-day expiry) are
/// counted in whole days of 86 400 s, without calendar or time-zone rules.
pub const SECONDS_PER_DAY: i64 = 86_400;

/// Seconds since the Unix epoch (UTC).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(i64);

impl Timestamp {
    /// Wraps Unix seconds, e.g. from the `Clock` port or a database column.
    pub const fn from_unix(seconds: i64) -> Self {
        Self(seconds)
    }

    /// Unix seconds, for binding into SQL.
    pub const fn unix(self) -> i64 {
        self.0
    }

    /// This instant moved by `seconds` (negative moves back). Saturates instead of
    /// overflowing so that a misconfigured huge deadline cannot crash a request.
    pub const fn plus_seconds(self, seconds: i64) -> Self {
        Self(self.0.saturating_add(seconds))
    }

    /// This instant moved by whole days of [`SECONDS_PER_DAY`]; saturating like
    /// [`Timestamp::plus_seconds`].
    pub const fn plus_days(self, days: i64) -> Self {
        self.plus_seconds(days.saturating_mul(SECONDS_PER_DAY))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_seconds_and_days() {
        let t = Timestamp::from_unix(1_000);
        assert_eq!(t.plus_seconds(5).unix(), 1_005);
        assert_eq!(t.plus_seconds(-5).unix(), 995);
        assert_eq!(t.plus_days(3).unix(), 1_000 + 3 * 86_400);
    }

    #[test]
    fn orders_by_time() {
        let t = Timestamp::from_unix(10);
        assert!(t < t.plus_seconds(1));
        assert!(t.plus_days(-1) < t);
    }

    #[test]
    fn saturates_instead_of_overflowing() {
        assert_eq!(Timestamp::from_unix(i64::MAX).plus_days(1).unix(), i64::MAX);
        assert_eq!(
            Timestamp::from_unix(i64::MIN).plus_seconds(-1).unix(),
            i64::MIN
        );
    }
}
