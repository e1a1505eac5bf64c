//! Moderation (通報と運営の対応): what members report, what operators do about it, and a
//! member's standing (利用停止) that every other part of the application asks before letting
//! them buy, sell or write.

pub mod report;
pub mod standing;

pub use report::{ModerationAction, Outcome, ReportReason, ReportState, TargetKind};
pub use standing::{Activity, OrdersOnSuspension, Standing, StandingError};

/// Longest report comment or operator reason, in characters.
pub const TEXT_MAX_CHARS: usize = 1_000;
