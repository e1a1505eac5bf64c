//! Withdrawal (退会): the readiness check's reads, the process's state, the purge's bounded
//! erasures (made physical by [`scrub`]) and the statistics kept without anyone's id.

pub mod hint_views;
pub mod purge;
pub mod readiness;
pub mod scrub;
pub mod stats;
pub mod withdrawals;
