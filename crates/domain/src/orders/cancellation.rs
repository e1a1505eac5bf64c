//! Cancellation requests: where each one stands.

/// Where a cancellation request stands. Only [`CancellationStatus::Open`] awaits an answer;
/// the others are final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CancellationStatus {
    /// Waiting for the other side's answer until the deadline; at most one per order (a unique
    /// index on the stored key).
    Open,
    /// The other side agreed: the order was cancelled.
    Agreed,
    /// The other side objected: the order goes on.
    Objected,
    /// Nobody answered in time, which counts as agreement: the order was cancelled.
    TimedOut,
    /// The requester withdrew it, or the order ended otherwise while it was open.
    Withdrawn,
}

impl CancellationStatus {
    /// Every status.
    pub const ALL: [CancellationStatus; 5] = [
        Self::Open,
        Self::Agreed,
        Self::Objected,
        Self::TimedOut,
        Self::Withdrawn,
    ];

    /// Stable key for storage (the `status` column) and the JSON API.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Agreed => "agreed",
            Self::Objected => "objected",
            Self::TimedOut => "timed_out",
            Self::Withdrawn => "withdrawn",
        }
    }

    /// Reads a key written by [`CancellationStatus::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == key)
    }
}
