//! Withdrawal (退会): the readiness check's reads.

pub mod readiness;
