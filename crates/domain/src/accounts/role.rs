//! What an account may do on the platform (the `users.role` column).

use std::fmt;

/// A member buys and sells; an operator also runs the console (payouts, reviews of identity
/// documents, the newsletter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everyone who signed up.
    Member,
    /// Staff, created from the command line.
    Operator,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 2] = [Self::Member, Self::Operator];

    /// Stable key for storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Operator => "operator",
        }
    }

    /// Reads a key written by [`Role::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == key)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::try_from(r.as_str().to_owned()), Ok(r));
        }
        assert!(Role::try_from("admin".to_owned()).is_err());
    }
}
