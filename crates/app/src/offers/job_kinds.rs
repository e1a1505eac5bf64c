//! The offer jobs' payloads (they run in [`super::jobs`]).

use serde::{Deserialize, Serialize};
use yorozu_domain::OfferId;

/// A day before an open offer expires, the buyer is reminded.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OfferExpiring {
    pub offer_id: OfferId,
}

/// At its expiry, an offer still open is recorded as expired.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OfferExpiry {
    pub offer_id: OfferId,
}
