//! Requests to move the delivery date (納品予定日の延長): either side asks for more days with
//! a reason; the other accepts (the due date moves) or declines. At most one is open per
//! order.

/// Where an extension request stands. Only [`ExtensionStatus::Open`] awaits an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExtensionStatus {
    /// Waiting for the other side.
    Open,
    /// The other side accepted: the due date moved by its days.
    Accepted,
    /// The other side declined: the due date stays.
    Declined,
    /// The requester took it back.
    Withdrawn,
    /// The order ended, or one of its parties withdrew, while it was open.
    Closed,
}

impl ExtensionStatus {
    /// Every status.
    pub const ALL: [ExtensionStatus; 5] = [
        Self::Open,
        Self::Accepted,
        Self::Declined,
        Self::Withdrawn,
        Self::Closed,
    ];

    /// Stable key for storage (the `status` column) and the JSON API.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::Withdrawn => "withdrawn",
            Self::Closed => "closed",
        }
    }

    /// Reads a key written by [`ExtensionStatus::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_key_reads_back() {
        for s in ExtensionStatus::ALL {
            assert_eq!(ExtensionStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(ExtensionStatus::parse("paid"), None);
    }
}
