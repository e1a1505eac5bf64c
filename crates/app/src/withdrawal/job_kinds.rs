//! The withdrawal jobs' payloads, one type per kind (see [`crate::jobs::Job`]; they run in
//! [`super::jobs`]). A leaf: closing and scheduling queue these without importing the purge.

use serde::{Deserialize, Serialize};
use yorozu_domain::WithdrawalId;

/// The batched, resumable erasure after the grace period.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Purge {
    pub withdrawal_id: WithdrawalId,
}

/// A scheduled withdrawal's re-check: closes the account once the last blocker cleared.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Attempt {
    pub withdrawal_id: WithdrawalId,
}
