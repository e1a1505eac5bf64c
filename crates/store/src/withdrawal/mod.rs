//! Withdrawal (退会): the readiness check's reads, the process's state, the purge's bounded
//! erasures and the statistics kept without anyone's id.

pub mod purge;
pub mod readiness;
pub mod stats;
pub mod withdrawals;
