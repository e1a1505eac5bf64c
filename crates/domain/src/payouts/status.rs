//! Where a payout request, a transfer batch and a sale stand. Each is stored as the key of
//! `as_str()` and read back through `TryFrom<String>` (see [`crate::stored`]).

use std::fmt;

/// A payout request (振込申請): requested → processing (in a batch) → transferred, or failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PayoutStatus {
    /// Waiting for the operators to close its transfer date into a batch.
    Requested,
    /// In a batch whose transfer file is being paid.
    Processing,
    /// Paid to the seller's account.
    Transferred,
    /// The bank refused it; the money is back on the seller's balance.
    Failed,
}

impl PayoutStatus {
    pub const ALL: [PayoutStatus; 4] = [
        Self::Requested,
        Self::Processing,
        Self::Transferred,
        Self::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Requested => "requested",
            Self::Processing => "processing",
            Self::Transferred => "transferred",
            Self::Failed => "failed",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == key)
    }

    /// Whether the request still holds the seller's money on its way (at most one per seller).
    pub fn is_in_flight(self) -> bool {
        matches!(self, Self::Requested | Self::Processing)
    }
}

impl fmt::Display for PayoutStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A transfer batch: closed as processing, then marked transferred once the bank paid it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BatchStatus {
    /// Closed; its transfer file is being paid.
    Processing,
    /// The bank paid it.
    Transferred,
}

impl BatchStatus {
    pub const ALL: [BatchStatus; 2] = [Self::Processing, Self::Transferred];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Processing => "processing",
            Self::Transferred => "transferred",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == key)
    }
}

impl fmt::Display for BatchStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where one sale stands for its seller. Not stored: it follows from the sale's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SaleState {
    /// On the balance, waiting for a payout request.
    Open,
    /// Taken by a payout request.
    Requested,
    /// Not requested in time (or forfeited by a withdrawal).
    Expired,
}

impl SaleState {
    /// Every state, as the API lists them.
    pub const ALL: [SaleState; 3] = [Self::Open, Self::Requested, Self::Expired];

    /// The state of a sale that has expired or not and is taken by a request or not; an
    /// expiry wins (an expired sale is never paid).
    pub fn of(expired: bool, requested: bool) -> Self {
        match (expired, requested) {
            (true, _) => Self::Expired,
            (false, true) => Self::Requested,
            (false, false) => Self::Open,
        }
    }

    /// The key pages and the API show (a class name and the label's message id suffix).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Requested => "requested",
            Self::Expired => "expired",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back() {
        for s in PayoutStatus::ALL {
            assert_eq!(PayoutStatus::parse(s.as_str()), Some(s));
        }
        for s in BatchStatus::ALL {
            assert_eq!(BatchStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(PayoutStatus::parse("paid"), None);
    }

    #[test]
    fn every_sale_state_is_listed() {
        for (expired, requested) in [(false, false), (false, true), (true, false), (true, true)] {
            assert!(SaleState::ALL.contains(&SaleState::of(expired, requested)));
        }
    }

    #[test]
    fn in_flight_requests() {
        let in_flight: Vec<_> = PayoutStatus::ALL
            .into_iter()
            .filter(|s| s.is_in_flight())
            .collect();
        assert_eq!(
            in_flight,
            [PayoutStatus::Requested, PayoutStatus::Processing]
        );
    }

    #[test]
    fn an_expiry_wins_over_a_request() {
        assert_eq!(SaleState::of(true, true), SaleState::Expired);
        assert_eq!(SaleState::of(false, true), SaleState::Requested);
        assert_eq!(SaleState::of(false, false), SaleState::Open);
    }
}
