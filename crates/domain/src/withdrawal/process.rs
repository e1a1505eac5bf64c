//! Withdrawal as a durable state machine (DESIGN.md): a confirmation either closes the account
//! at once or, while blockers remain, is scheduled to close it when the last one clears; a
//! closed account is purged after the grace period (or at once), in steps.
//!
//! ```text
//! scheduled ──(blockers cleared)──▶ closed ──(purge finished)──▶ purged
//!     │                               │
//!     └──(cancelled)──▶ cancelled     └──(signed in during the grace period)──▶ undone
//! ```

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WithdrawalState {
    /// Confirmed while blockers remained; closes the account when the last one clears.
    Scheduled,
    /// The account is closed (invisible, no mail, no orders); purge due after the grace period.
    Closed,
    /// Personal data erased; the user row is a tombstone.
    Purged,
    /// A schedule the member (or a changed amount) called off.
    Cancelled,
    /// The member signed in during the grace period and kept the account.
    Undone,
}

/// Why a state change is not allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a {from} withdrawal cannot become {to}")]
pub struct WithdrawalTransitionError {
    pub from: WithdrawalState,
    pub to: WithdrawalState,
}

impl WithdrawalState {
    pub const ALL: [WithdrawalState; 5] = [
        Self::Scheduled,
        Self::Closed,
        Self::Purged,
        Self::Cancelled,
        Self::Undone,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Scheduled => "scheduled",
            Self::Closed => "closed",
            Self::Purged => "purged",
            Self::Cancelled => "cancelled",
            Self::Undone => "undone",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == key)
    }

    /// Whether the withdrawal is still under way (at most one per member).
    pub fn is_open(self) -> bool {
        matches!(self, Self::Scheduled | Self::Closed)
    }

    /// Checks an edge of the machine above.
    pub fn to(self, next: Self) -> Result<Self, WithdrawalTransitionError> {
        use WithdrawalState as S;
        match (self, next) {
            (S::Scheduled, S::Closed | S::Cancelled) | (S::Closed, S::Purged | S::Undone) => {
                Ok(next)
            }
            _ => Err(WithdrawalTransitionError {
                from: self,
                to: next,
            }),
        }
    }
}

impl fmt::Display for WithdrawalState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The purge, in the order it runs. Each step erases in bounded batches and can be run again
/// after a crash: it picks up whatever is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PurgeStep {
    /// Listings: images (files), options, FAQs, search grams and favourites erased; the row
    /// stays blank and deleted for the orders that refer to it.
    Listings,
    /// The member's own favourites; follows both ways, the invite code and invitations.
    Favorites,
    /// Reviews the member received (erased).
    ReviewsReceived,
    /// Reviews the member wrote (kept; the author cleared).
    ReviewsWritten,
    /// Quote consultations: the member's messages and files, their offers nobody bought,
    /// their reasons for declining; threads left empty.
    Consultations,
    /// Identity documents, files included.
    IdentityDocuments,
    /// Bank accounts (number and holder erased; the row stays for past payouts).
    BankAccounts,
    /// Cards: the provider's token deleted at the provider, then the row.
    Cards,
    /// Data-export archives (their encrypted parts, then the rows).
    Exports,
    /// Sessions, API and e-mail tokens, notification settings, sign-in failures, blocks
    /// (both directions).
    Access,
    /// Mail to the member: sent and dropped mail jobs, the local mailbox.
    Mail,
    /// The profile and avatar.
    Profile,
    /// The user row becomes a tombstone; the e-mail address is released.
    Tombstone,
}

impl PurgeStep {
    pub const ALL: [PurgeStep; 13] = [
        Self::Listings,
        Self::Favorites,
        Self::ReviewsReceived,
        Self::ReviewsWritten,
        Self::Consultations,
        Self::IdentityDocuments,
        Self::BankAccounts,
        Self::Cards,
        Self::Exports,
        Self::Access,
        Self::Mail,
        Self::Profile,
        Self::Tombstone,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Listings => "listings",
            Self::Favorites => "favorites",
            Self::ReviewsReceived => "reviews_received",
            Self::ReviewsWritten => "reviews_written",
            Self::Consultations => "consultations",
            Self::IdentityDocuments => "identity_documents",
            Self::BankAccounts => "bank_accounts",
            Self::Cards => "cards",
            Self::Exports => "exports",
            Self::Access => "access",
            Self::Mail => "mail",
            Self::Profile => "profile",
            Self::Tombstone => "tombstone",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == key)
    }

    /// The step after this one; `None` after the tombstone.
    pub fn next(self) -> Option<Self> {
        let i = Self::ALL.iter().position(|s| *s == self)?;
        Self::ALL.get(i + 1).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use WithdrawalState as S;

    #[test]
    fn the_machine() {
        let allowed = [
            (S::Scheduled, S::Closed),
            (S::Scheduled, S::Cancelled),
            (S::Closed, S::Purged),
            (S::Closed, S::Undone),
        ];
        for from in S::ALL {
            assert_eq!(S::parse(from.as_str()), Some(from));
            for to in S::ALL {
                assert_eq!(
                    from.to(to).is_ok(),
                    allowed.contains(&(from, to)),
                    "{from} → {to}"
                );
            }
        }
        assert!(S::Scheduled.is_open() && S::Closed.is_open());
        assert!(!S::Purged.is_open() && !S::Undone.is_open() && !S::Cancelled.is_open());
    }

    #[test]
    fn steps_run_in_order_and_end_with_the_tombstone() {
        let mut step = PurgeStep::ALL[0];
        let mut seen = vec![step];
        while let Some(next) = step.next() {
            assert!(next > step);
            assert_eq!(PurgeStep::parse(next.as_str()), Some(next));
            seen.push(next);
            step = next;
        }
        assert_eq!(seen, PurgeStep::ALL);
        assert_eq!(step, PurgeStep::Tombstone);
    }
}
