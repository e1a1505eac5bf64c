//! The due date (納品予定日) of an order and what being past it allows.
//!
//! The due date is derived, never stored: the order's delivery days from payment, plus the
//! extra days of every paid addition and accepted extension. So a change cannot leave a
//! stale date behind, and the same records give the same date on every page.

use super::ChangeError;
use crate::Timestamp;
use crate::orders::OrderState;

/// The due date of an order paid at `paid_at` with `delivery_days`, moved by `extra_days`
/// (paid additions and accepted extensions together).
pub const fn due_at(paid_at: Timestamp, delivery_days: i64, extra_days: i64) -> Timestamp {
    paid_at.plus_days(delivery_days.saturating_add(extra_days))
}

/// Whether the buyer may cancel at once, without the other side's answer and the 24-hour
/// wait: the seller owes a delivery (the order is in progress) and its due date has passed.
/// A delivered order is not overdue: the buyer answers the delivery instead.
pub fn overdue_cancel_allowed(
    by_buyer: bool,
    state: OrderState,
    due: Timestamp,
    now: Timestamp,
) -> Result<(), ChangeError> {
    if by_buyer && state == OrderState::InProgress && now >= due {
        Ok(())
    } else {
        Err(ChangeError::NotOverdue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAID: Timestamp = Timestamp::from_unix(1_700_000_000);

    #[test]
    fn the_due_date_moves_with_extra_days() {
        assert_eq!(due_at(PAID, 7, 0), PAID.plus_days(7));
        assert_eq!(due_at(PAID, 7, 3), PAID.plus_days(10));
        assert_eq!(due_at(PAID, i64::MAX, 3).unix(), i64::MAX);
    }

    #[test]
    fn only_the_buyer_of_an_overdue_order_in_progress_cancels_at_once() {
        let due = due_at(PAID, 7, 0);
        let late = due.plus_seconds(1);
        let early = due.plus_seconds(-1);
        assert_eq!(
            overdue_cancel_allowed(true, OrderState::InProgress, due, due),
            Ok(())
        );
        assert_eq!(
            overdue_cancel_allowed(true, OrderState::InProgress, due, late),
            Ok(())
        );
        for (buyer, state, now) in [
            (true, OrderState::InProgress, early),
            (false, OrderState::InProgress, late),
            (true, OrderState::Delivered, late),
            (true, OrderState::Disputed, late),
            (true, OrderState::Completed, late),
        ] {
            assert_eq!(
                overdue_cancel_allowed(buyer, state, due, now),
                Err(ChangeError::NotOverdue),
                "{buyer} {state:?}"
            );
        }
    }
}
