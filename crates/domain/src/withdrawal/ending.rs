//! Why a withdrawal ended without a purge (the `withdrawals.ended_reason` column).

use std::fmt;

/// Who or what called a withdrawal off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WithdrawalEnding {
    /// The member cancelled their schedule.
    Member,
    /// More would have been forfeited than the member acknowledged, and it could not be paid
    /// out: the schedule was called off and the member told.
    AmountsChanged,
    /// The member signed in during the grace period, which undoes a closed withdrawal.
    SignedIn,
}

impl WithdrawalEnding {
    /// Every ending.
    pub const ALL: [WithdrawalEnding; 3] = [Self::Member, Self::AmountsChanged, Self::SignedIn];

    /// Stable key for storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::AmountsChanged => "amounts_changed",
            Self::SignedIn => "signed_in",
        }
    }

    /// Reads a key written by [`WithdrawalEnding::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.as_str() == key)
    }
}

impl fmt::Display for WithdrawalEnding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for e in WithdrawalEnding::ALL {
            assert_eq!(WithdrawalEnding::try_from(e.as_str().to_owned()), Ok(e));
        }
        assert!(WithdrawalEnding::try_from("timeout".to_owned()).is_err());
    }
}
