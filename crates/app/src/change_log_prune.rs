//! Pruning the change logs every process follows: the search index's (`search_changes`) and
//! the catalogue cache's (`catalog_changes`). Every process applies new rows within a second,
//! so a row older than [`KEEP_FOR`] has been applied by every process that is running;
//! keeping rows forever would only make the tables grow by a row or more per write. A process
//! that was stopped (or idle) for longer finds its last applied id below the oldest row left:
//! it rebuilds its index from the listings (`search_sync::catch_up`) and forgets its cached
//! pages (`catalog::sync`).
//!
//! The log has no timestamps: the housekeeping run (every ten minutes, `jobs::maintenance`)
//! notes the log's newest id with the time, and deletes through the newest id it noted at
//! least [`KEEP_FOR`] ago. The notes live in the process's memory: a restart only delays
//! pruning by one period. Several processes pruning is harmless (the same rule, idempotent).

use std::collections::VecDeque;
use std::sync::Mutex;

use yorozu_store::{catalog, search_changes};

use crate::{App, AppResult};

/// How long a change stays in the log after it was noted, in seconds: far beyond the
/// second a running process takes to apply it, and beyond a rolling restart.
pub const KEEP_FOR: i64 = 15 * 60;

/// The log's newest id as seen at times (unix seconds), oldest first.
#[derive(Debug, Default)]
pub struct PruneMarks {
    marks: Mutex<VecDeque<(i64, i64)>>,
}

impl PruneMarks {
    /// Notes `head` at `now`; returns the newest head noted at least [`KEEP_FOR`] ago (what
    /// may be deleted), forgetting the marks before it.
    pub(crate) fn note(&self, now: i64, head: i64) -> Option<i64> {
        let Ok(mut marks) = self.marks.lock() else {
            return None;
        };
        marks.push_back((now, head));
        let ripe = marks.iter().rposition(|(at, _)| *at <= now - KEEP_FOR)?;
        marks.drain(..ripe);
        marks.front().map(|(_, head)| *head)
    }
}

/// Deletes from both logs the changes noted at least [`KEEP_FOR`] ago (the newest row of
/// each always stays); returns how many went.
pub async fn prune(app: &App) -> AppResult<u64> {
    let (search_head, catalog_head) = {
        let mut c = app.db.read().await?;
        (
            search_changes::latest(&mut c).await?,
            catalog::latest(&mut c).await?,
        )
    };
    let now = app.now();
    let search_through = app.search.prune_marks().note(now, search_head);
    let catalog_through = app.catalog.prune_marks().note(now, catalog_head);
    if search_through.is_none() && catalog_through.is_none() {
        return Ok(0);
    }
    let mut tx = app.db.begin_background().await?;
    let mut pruned = 0;
    if let Some(through) = search_through {
        pruned += search_changes::prune_through(&mut tx, through).await?;
    }
    if let Some(through) = catalog_through {
        pruned += catalog::prune_through(&mut tx, through).await?;
    }
    tx.commit().await?;
    Ok(pruned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_is_pruned_once_it_was_noted_long_enough_ago() {
        let marks = PruneMarks::default();
        assert_eq!(marks.note(1_000, 10), None);
        assert_eq!(marks.note(1_000 + 600, 20), None);
        assert_eq!(marks.note(1_000 + KEEP_FOR - 1, 25), None);
        assert_eq!(marks.note(1_000 + KEEP_FOR, 30), Some(10));
        assert_eq!(marks.note(1_600 + KEEP_FOR + 5, 40), Some(20));
        // Nothing new: the same head again is harmless.
        assert_eq!(marks.note(1_600 + KEEP_FOR + 6, 40), Some(20));
        assert_eq!(marks.note(10_000, 40), Some(40));
    }
}
