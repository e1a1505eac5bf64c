//! Vacation mode (お休み中): a seller stops taking orders until a date, without pausing each
//! listing. Listings stay public and searchable but cannot be bought.

use crate::Timestamp;

use super::ListingStatus;

/// A seller's vacation, ending at `until` (exclusive: from that instant on, sales resume).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Vacation {
    until: Timestamp,
}

impl Vacation {
    /// A vacation that lasts until `until`.
    pub const fn until(until: Timestamp) -> Self {
        Self { until }
    }

    /// Reads the profile's `vacation_until` column (`NULL` = no vacation set).
    pub fn from_storage(vacation_until: Option<i64>) -> Option<Self> {
        vacation_until.map(|seconds| Self::until(Timestamp::from_unix(seconds)))
    }

    /// When sales resume.
    pub const fn ends_at(self) -> Timestamp {
        self.until
    }

    /// True while the seller is away: `now` is before the end. A vacation in the past is
    /// simply over; nothing has to clear the column.
    pub fn is_active_at(self, now: Timestamp) -> bool {
        now < self.until
    }
}

/// Whether a listing can be bought at `now`: it is purchasable by status (published) and its
/// seller is not on vacation then.
pub fn purchasable_now(
    status: ListingStatus,
    vacation_until: Option<Timestamp>,
    now: Timestamp,
) -> bool {
    status.is_purchasable()
        && !vacation_until.is_some_and(|until| Vacation::until(until).is_active_at(now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NOW: Timestamp = Timestamp::from_unix(1_700_000_000);

    #[test]
    fn published_without_vacation_is_purchasable() {
        assert!(purchasable_now(ListingStatus::Published, None, NOW));
        assert!(!purchasable_now(ListingStatus::Paused, None, NOW));
        assert!(!purchasable_now(ListingStatus::Draft, None, NOW));
        assert!(!purchasable_now(ListingStatus::Deleted, None, NOW));
    }

    #[test]
    fn vacation_blocks_until_its_end() {
        let tomorrow = NOW.plus_days(1);
        assert!(!purchasable_now(
            ListingStatus::Published,
            Some(tomorrow),
            NOW
        ));
        assert!(purchasable_now(
            ListingStatus::Published,
            Some(tomorrow),
            tomorrow
        ));
        assert!(purchasable_now(
            ListingStatus::Published,
            Some(NOW.plus_days(-1)),
            NOW
        ));
        let vacation = Vacation::until(tomorrow);
        assert!(vacation.is_active_at(NOW));
        assert!(!vacation.is_active_at(tomorrow));
        assert_eq!(vacation.ends_at(), tomorrow);
    }

    #[test]
    fn reads_the_column() {
        assert_eq!(Vacation::from_storage(None), None);
        assert_eq!(
            Vacation::from_storage(Some(NOW.unix())),
            Some(Vacation::until(NOW))
        );
    }

    proptest! {
        #[test]
        fn purchasable_implies_published_and_not_away(until in any::<Option<i64>>(), now in any::<i64>()) {
            let now = Timestamp::from_unix(now);
            let until = until.map(Timestamp::from_unix);
            for status in ListingStatus::ALL {
                if purchasable_now(status, until, now) {
                    prop_assert_eq!(status, ListingStatus::Published);
                    prop_assert!(until.is_none_or(|u| u <= now));
                }
            }
        }
    }
}
