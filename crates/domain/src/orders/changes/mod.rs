//! Changes during an order (取引中の変更): paid additions (追加オプション) the seller proposes
//! and the buyer pays on top of the order, requests to move the delivery date (納品予定日の
//! 延長), and the due date with its overdue rule. One file per concept.

pub mod addition;
pub mod due;
pub mod extension;

pub use addition::{AdditionStatus, MAX_EXTRA_DAYS, addition_quote, parse_extra_days};
pub use due::{due_at, overdue_cancel_allowed};
pub use extension::ExtensionStatus;

use crate::error_code::error_codes;

/// Why a change to an order is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangeError {
    /// The extra days are not a whole number from 0 (or 1 for an extension) to
    /// [`MAX_EXTRA_DAYS`].
    #[error("the extra days are out of range")]
    DaysOutOfRange,
    /// Only the buyer of an order in progress past its due date may cancel at once.
    #[error("the order is not overdue")]
    NotOverdue,
}

error_codes! {
    ChangeError {
        DaysOutOfRange => "order-change-days-out-of-range",
        NotOverdue => "order-not-overdue",
    }
}
