//! Withdrawal (退会): what blocks it and when each blocker clears; what happens to each kind
//! of data — the one table that the withdrawal page, the erasure receipt and the privacy page
//! all show; the reasons a member gives; and the durable process from confirmation to purge.
//! One file per concept.

pub mod blockers;
pub mod data;
pub mod ending;
pub mod process;
pub mod reason;

pub use blockers::{Blocker, BlockerKind, Side, order_blocks, order_clears_at};
pub use data::{DATA_TABLE, DataCategory, Fate};
pub use ending::WithdrawalEnding;
pub use process::{PurgeStep, WithdrawalState, WithdrawalTransitionError};
pub use reason::{ReasonChoice, ReasonError, Reasons};
