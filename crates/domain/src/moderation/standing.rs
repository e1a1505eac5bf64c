//! A member's standing: in good standing, or suspended (利用停止) with the reason operators
//! gave. [`Standing::allows`] is the one rule every use case asks before a member buys,
//! sells or writes; nothing else keeps its own list of what a suspension stops.

use crate::error_code::error_codes;

use super::report::keyed;
use crate::stored::UnknownKey;

keyed!(
    /// What becomes of a suspended member's orders in progress, chosen by the operator.
    OrdersOnSuspension, "orders on suspension" {
        /// They continue to their end (delivery, approval, payout as usual).
        Continue => "continue",
        /// They are cancelled and the buyers refunded.
        Cancel => "cancel",
    }
);

/// Something a member may want to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Activity {
    /// Buy a service.
    PlaceOrder,
    /// Write in a talk room.
    SendMessage,
    /// Create, publish or ask for the review of a service.
    PublishService,
    /// Report something (a suspended member may still report what happens to them).
    Report,
    /// Download their data (データのダウンロード).
    ExportData,
    /// Withdraw (退会) once the blockers clear.
    Withdraw,
}

/// Where a member stands with the operators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Nothing in force against them.
    Good,
    /// Suspended since `since` (unix seconds) for `reason`.
    Suspended {
        /// The reason the member sees.
        reason: String,
        /// When the suspension began.
        since: i64,
    },
}

/// Why an activity is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StandingError {
    /// The member is suspended: no orders, messages or services.
    #[error("the account is suspended")]
    Suspended,
}

error_codes! {
    StandingError {
        Suspended => "moderation-suspended",
    }
}

impl Standing {
    /// Whether the member may do `activity`: a suspended member keeps what they need to
    /// leave with their data (export and withdrawal) and to report, and nothing that
    /// reaches other members (orders, messages, services).
    pub fn allows(&self, activity: Activity) -> Result<(), StandingError> {
        match (self, activity) {
            (Self::Good, _) => Ok(()),
            (
                Self::Suspended { .. },
                Activity::ExportData | Activity::Withdraw | Activity::Report,
            ) => Ok(()),
            (
                Self::Suspended { .. },
                Activity::PlaceOrder | Activity::SendMessage | Activity::PublishService,
            ) => Err(StandingError::Suspended),
        }
    }

    /// True while a suspension is in force.
    pub fn is_suspended(&self) -> bool {
        matches!(self, Self::Suspended { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suspended_member_keeps_export_withdrawal_and_reports_only() {
        let suspended = Standing::Suspended {
            reason: "規約違反".into(),
            since: 0,
        };
        for activity in [
            Activity::PlaceOrder,
            Activity::SendMessage,
            Activity::PublishService,
        ] {
            assert_eq!(suspended.allows(activity), Err(StandingError::Suspended));
            assert_eq!(Standing::Good.allows(activity), Ok(()));
        }
        for activity in [Activity::ExportData, Activity::Withdraw, Activity::Report] {
            assert_eq!(suspended.allows(activity), Ok(()));
        }
    }
}
