//! Formal deliveries (正式な納品): what became of each one.

/// The buyer's decision on a formal delivery, or the lack of one yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeliveryOutcome {
    /// Waiting for the buyer; at most one per order (a unique index on the stored key).
    Pending,
    /// The buyer approved it: the order completed.
    Approved,
    /// Nobody answered within the auto-approval period: the order completed.
    AutoApproved,
    /// The buyer sent it back with a reason; the seller works on and delivers again.
    SentBack,
    /// The order was cancelled while the delivery waited for the buyer.
    Cancelled,
}

impl DeliveryOutcome {
    /// Every outcome.
    pub const ALL: [DeliveryOutcome; 5] = [
        Self::Pending,
        Self::Approved,
        Self::AutoApproved,
        Self::SentBack,
        Self::Cancelled,
    ];

    /// Stable key for storage (the `outcome` column) and the JSON API.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::AutoApproved => "auto_approved",
            Self::SentBack => "sent_back",
            Self::Cancelled => "cancelled",
        }
    }

    /// Reads a key written by [`DeliveryOutcome::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.as_str() == key)
    }
}
