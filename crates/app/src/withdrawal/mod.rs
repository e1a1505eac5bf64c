//! Withdrawal (退会). This part: where a member stands — every blocker with the date it clears
//! by itself, what would be forfeited, and what happens to each kind of data.

pub mod preview;
pub mod readiness;
