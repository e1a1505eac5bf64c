//! Points as the ledger of a member holds them: an amount of points and the kind of each
//! entry. Points are not yen (one point buys ¥1 off an order only when spent), so they have
//! their own type.

use std::fmt;

/// A number of points. Signed: an entry that spends or expires points is negative, and a
/// balance is the sum of entries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Points(i64);

impl Points {
    /// No points.
    pub const ZERO: Points = Points(0);

    pub const fn new(points: i64) -> Self {
        Self(points)
    }

    /// The number, for binding into SQL, a message argument or JSON.
    pub const fn get(self) -> i64 {
        self.0
    }

    /// The entry that takes these points away again (a use restored, a balance expired).
    pub const fn negated(self) -> Self {
        Self(self.0.saturating_neg())
    }
}

/// A stored amount (`#[sqlx(try_from = "i64")]`): every whole number is a number of points.
impl From<i64> for Points {
    fn from(points: i64) -> Self {
        Self(points)
    }
}

impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What a points entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PointKind {
    /// Granted by an operator (adds).
    Grant,
    /// Spent on an order (subtracts).
    Use,
    /// Given back when the order was cancelled (adds).
    Restore,
    /// The balance expired a year after the last grant (subtracts).
    Expire,
    /// The balance was given up by closing the account (subtracts).
    Forfeit,
    /// The withdrawal was undone and the forfeited balance given back (adds).
    ForfeitReversed,
    /// A friend-invitation reward (友達招待特典), to the inviter or the invited member (adds; an
    /// acquisition like a grant, so it restarts the expiry).
    InviteReward,
}

impl PointKind {
    pub const ALL: [PointKind; 7] = [
        Self::Grant,
        Self::Use,
        Self::Restore,
        Self::Expire,
        Self::Forfeit,
        Self::ForfeitReversed,
        Self::InviteReward,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Grant => "grant",
            Self::Use => "use",
            Self::Restore => "restore",
            Self::Expire => "expire",
            Self::Forfeit => "forfeit",
            Self::ForfeitReversed => "forfeit_reversed",
            Self::InviteReward => "invite_reward",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == key)
    }

    /// Whether the entry belongs to an order (a use or its restoration).
    pub fn is_for_order(self) -> bool {
        matches!(self, Self::Use | Self::Restore)
    }
}

impl fmt::Display for PointKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_back() {
        for k in PointKind::ALL {
            assert_eq!(PointKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(PointKind::parse("bonus"), None);
    }

    #[test]
    fn negation() {
        assert_eq!(Points::new(120).negated(), Points::new(-120));
        assert_eq!(Points::ZERO.negated(), Points::ZERO);
    }
}
