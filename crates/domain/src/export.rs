//! The data export's archives (the `exports.status` column).

use std::fmt;

/// Where a member's archive stands: asked for, built by a job, downloadable for a few days,
/// then expired; or failed (a crashed builder, a withdrawal under way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArchiveStatus {
    /// Waiting for its job.
    Queued,
    /// A builder holds it and reports progress.
    Building,
    /// Downloadable until its expiry.
    Ready,
    /// Not built; does not count against the one-a-day limit.
    Failed,
    /// Past its expiry; its parts are deleted.
    Expired,
}

impl ArchiveStatus {
    /// Every status.
    pub const ALL: [ArchiveStatus; 5] = [
        Self::Queued,
        Self::Building,
        Self::Ready,
        Self::Failed,
        Self::Expired,
    ];

    /// Stable key for storage and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Building => "building",
            Self::Ready => "ready",
            Self::Failed => "failed",
            Self::Expired => "expired",
        }
    }

    /// Reads a key written by [`ArchiveStatus::as_str`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == key)
    }

    /// Asked for and not finished: a second request waits, the page refreshes itself.
    pub fn in_progress(self) -> bool {
        matches!(self, Self::Queued | Self::Building)
    }
}

impl fmt::Display for ArchiveStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for s in ArchiveStatus::ALL {
            assert_eq!(ArchiveStatus::try_from(s.as_str().to_owned()), Ok(s));
        }
        assert!(ArchiveStatus::try_from("done".to_owned()).is_err());
    }
}
