//! The states of one offer version. Only an open offer whose expiry has not passed can be
//! bought; every other state is final.

use crate::Timestamp;
use crate::stored::{UnknownKey, decode_key};

/// Where one version of an offer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferState {
    /// Sent and waiting for the buyer (it may still have passed its expiry; see
    /// [`OfferState::effective`]).
    Open,
    /// Bought: an order was placed on these terms.
    Accepted,
    /// The buyer said no (with an optional reason).
    Declined,
    /// Its expiry passed before the buyer accepted.
    Expired,
    /// The seller sent a revised version.
    Superseded,
    /// Taken back by the seller, or closed because a party withdrew from the service.
    Withdrawn,
}

impl OfferState {
    /// Every state, for tests and lists.
    pub const ALL: [OfferState; 6] = [
        Self::Open,
        Self::Accepted,
        Self::Declined,
        Self::Expired,
        Self::Superseded,
        Self::Withdrawn,
    ];

    /// The stored key.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Expired => "expired",
            Self::Superseded => "superseded",
            Self::Withdrawn => "withdrawn",
        }
    }

    /// Reads a stored key.
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == key)
    }

    /// The state as the members see it at `now`: an open offer past its expiry is expired
    /// even before the job that records it has run.
    pub fn effective(self, expires_at: Timestamp, now: Timestamp) -> Self {
        if self == Self::Open && now >= expires_at {
            Self::Expired
        } else {
            self
        }
    }

    /// Whether the buyer can accept (buy) an offer in this state at `now`.
    pub fn can_accept(self, expires_at: Timestamp, now: Timestamp) -> bool {
        self.effective(expires_at, now) == Self::Open
    }

    /// The message key naming the state on pages and in the API (`offer-state-open`, …).
    pub fn message_id(self) -> String {
        format!("offer-state-{}", self.as_str())
    }
}

decode_key!(OfferState, "offer state", OfferState::parse);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for s in OfferState::ALL {
            assert_eq!(OfferState::try_from(s.as_str().to_owned()), Ok(s));
        }
        assert!(OfferState::try_from("nope".to_owned()).is_err());
    }

    #[test]
    fn an_open_offer_expires_at_its_expiry() {
        let at = Timestamp::from_unix(1_000);
        let open = OfferState::Open;
        assert!(open.can_accept(at, Timestamp::from_unix(999)));
        assert!(!open.can_accept(at, at));
        assert_eq!(open.effective(at, at), OfferState::Expired);
        for s in OfferState::ALL
            .into_iter()
            .filter(|s| *s != OfferState::Open)
        {
            assert!(!s.can_accept(at, Timestamp::from_unix(0)));
            assert_eq!(s.effective(at, at), s);
        }
    }
}
