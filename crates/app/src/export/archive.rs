//! An archive as the member's pages and the API see it: where it stands, never the row.

use yorozu_domain::export::ArchiveStatus;
use yorozu_store::export::archives::ArchiveRow;

/// One archive the member asked for, with its progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    pub id: i64,
    /// A ready archive past its expiry reads as expired, whatever the row says yet.
    pub status: ArchiveStatus,
    /// 0–100.
    pub progress: i64,
    /// 0 until it is ready.
    pub size_bytes: i64,
    pub requested_at: i64,
    pub ready_at: Option<i64>,
    pub expires_at: Option<i64>,
}

impl Archive {
    /// The archive as it stands at `now`: the expiry sweep may not have run yet.
    pub(crate) fn at(row: ArchiveRow, now: i64) -> Archive {
        let expired =
            row.status == ArchiveStatus::Ready && row.expires_at.is_some_and(|at| at <= now);
        Archive {
            id: row.id,
            status: if expired {
                ArchiveStatus::Expired
            } else {
                row.status
            },
            progress: row.progress,
            size_bytes: row.size_bytes,
            requested_at: row.requested_at,
            ready_at: row.ready_at,
            expires_at: row.expires_at,
        }
    }
}
