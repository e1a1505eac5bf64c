//! The follow jobs' payloads (see [`crate::jobs::Job`]; they run in [`super::fan_out`]).

use serde::{Deserialize, Serialize};
use yorozu_domain::{ListingId, UserId};

/// A seller's new service is announced to their followers, one page of followers per run
/// (ordered by id, starting after `after`); a full page queues the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewServiceFanOut {
    pub listing_id: ListingId,
    pub seller_id: UserId,
    /// The last follower id told (0 at the start).
    pub after: i64,
}
