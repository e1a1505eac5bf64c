//! When an order's deadlines fall: pure arithmetic on [`Timestamp`]s.
//!
//! Every period is configuration and is passed in; the `DEFAULT_*` constants are the
//! business rules' defaults for the configuration to start from. Days are whole days of
//! [`crate::time::SECONDS_PER_DAY`] and hours whole hours of [`SECONDS_PER_HOUR`], without
//! calendar or time-zone rules, so a deadline is the same instant for every member. Like
//! [`Timestamp::plus_seconds`], the functions saturate instead of overflowing, so a
//! misconfigured huge period means "never" rather than a crash.

use crate::Timestamp;

/// Seconds in one hour.
pub const SECONDS_PER_HOUR: i64 = 3_600;

/// Days after a formal delivery until it is approved automatically (default).
pub const DEFAULT_AUTO_APPROVAL_DAYS: i64 = 3;

/// Hours the other side has to answer a cancellation request (default).
pub const DEFAULT_CANCELLATION_ANSWER_HOURS: i64 = 24;

/// Days after the order until its talk room closes (default; the 120-day rule).
pub const DEFAULT_TALK_ROOM_DAYS: i64 = 120;

/// Hours a deferred payment may take before the order expires unpaid (default).
pub const DEFAULT_PAYMENT_HOURS: i64 = 72;

/// When a delivery made at `delivered_at` is approved automatically if the buyer neither
/// approves nor sends it back: `days` later. The auto-approval job acts at or after it, and
/// the withdrawal page shows it as the date the seller's blocker clears.
pub const fn auto_approval_at(delivered_at: Timestamp, days: i64) -> Timestamp {
    delivered_at.plus_days(days)
}

/// When a cancellation requested at `requested_at` takes effect without an answer: `hours`
/// later (silence is agreement).
pub const fn cancellation_deadline(requested_at: Timestamp, hours: i64) -> Timestamp {
    requested_at.plus_seconds(hours.saturating_mul(SECONDS_PER_HOUR))
}

/// When the talk room of an order placed at `ordered_at` closes: `days` later. Counted from
/// the order, not from its completion, so that a long-running order cannot keep it open.
pub const fn talk_room_closes_at(ordered_at: Timestamp, days: i64) -> Timestamp {
    ordered_at.plus_days(days)
}

/// When an order placed at `ordered_at` on the deferred-payment path expires unpaid:
/// `hours` later.
pub const fn payment_deadline(ordered_at: Timestamp, hours: i64) -> Timestamp {
    ordered_at.plus_seconds(hours.saturating_mul(SECONDS_PER_HOUR))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::SECONDS_PER_DAY;

    const T: Timestamp = Timestamp::from_unix(1_700_000_000);

    #[test]
    fn the_default_deadlines() {
        assert_eq!(
            auto_approval_at(T, DEFAULT_AUTO_APPROVAL_DAYS).unix(),
            T.unix() + 3 * SECONDS_PER_DAY
        );
        assert_eq!(
            cancellation_deadline(T, DEFAULT_CANCELLATION_ANSWER_HOURS).unix(),
            T.unix() + SECONDS_PER_DAY
        );
        assert_eq!(
            talk_room_closes_at(T, DEFAULT_TALK_ROOM_DAYS).unix(),
            T.unix() + 120 * SECONDS_PER_DAY
        );
        assert_eq!(
            payment_deadline(T, DEFAULT_PAYMENT_HOURS).unix(),
            T.unix() + 3 * SECONDS_PER_DAY
        );
    }

    #[test]
    fn periods_are_configuration() {
        assert_eq!(auto_approval_at(T, 0), T);
        assert_eq!(
            auto_approval_at(T, 7).unix(),
            T.unix() + 7 * SECONDS_PER_DAY
        );
        assert_eq!(cancellation_deadline(T, 1).unix(), T.unix() + 3_600);
        assert_eq!(payment_deadline(T, 0), T);
    }

    #[test]
    fn saturates_instead_of_overflowing() {
        assert_eq!(auto_approval_at(T, i64::MAX).unix(), i64::MAX);
        assert_eq!(cancellation_deadline(T, i64::MAX).unix(), i64::MAX);
        assert_eq!(talk_room_closes_at(T, i64::MAX).unix(), i64::MAX);
        assert_eq!(payment_deadline(T, i64::MAX).unix(), i64::MAX);
    }
}
