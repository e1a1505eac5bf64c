//! Where an account stands (the `users.status` column).

use std::fmt;

/// An account's life: open, closed by a withdrawal (it may still be undone during the grace
/// period), then purged to a tombstone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccountStatus {
    /// Signs in, buys, sells and receives mail.
    Active,
    /// Withdrawn: invisible, no mail, no orders; signing in during the grace period undoes it.
    Closed,
    /// Personal data erased; the row only keeps references intact.
    Purged,
}

impl AccountStatus {
    /// Every status.
    pub const ALL: [AccountStatus; 3] = [Self::Active, Self::Closed, Self::Purged];

    /// Stable key for storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Closed => "closed",
            Self::Purged => "purged",
        }
    }

    /// Reads a key written by [`AccountStatus::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == key)
    }
}

impl fmt::Display for AccountStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for s in AccountStatus::ALL {
            assert_eq!(AccountStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(AccountStatus::parse("suspended"), None);
    }
}
