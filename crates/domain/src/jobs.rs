//! The life of a background job (the `jobs.status` column). Job kinds and payloads belong to
//! the application's job registry; only the status is the queue's own.

use std::fmt;

/// A job waits (and is retried) while queued; it ends done, failed for good, or dropped
/// unrun (mail to a member who withdrew).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JobStatus {
    /// Due at its `run_at`, claimable when no lease holds it.
    Queued,
    /// Ran to the end.
    Done,
    /// Every attempt failed.
    Failed,
    /// No longer wanted, never run.
    Dropped,
}

impl JobStatus {
    /// Every status.
    pub const ALL: [JobStatus; 4] = [Self::Queued, Self::Done, Self::Failed, Self::Dropped];

    /// Stable key for storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Done => "done",
            Self::Failed => "failed",
            Self::Dropped => "dropped",
        }
    }

    /// Reads a key written by [`JobStatus::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == key)
    }
}

impl fmt::Display for JobStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for s in JobStatus::ALL {
            assert_eq!(JobStatus::try_from(s.as_str().to_owned()), Ok(s));
        }
        assert!(JobStatus::try_from("running".to_owned()).is_err());
    }
}
