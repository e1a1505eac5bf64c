//! Applying the catalogue's change log to this process's cache.
//!
//! Every request that reads the cache first makes sure that every change committed before it
//! arrived has been applied: it waits for the sync in progress and runs one more only if that
//! one began before the request arrived. Requests arriving together thus share one indexed
//! range read, and a member sees their own change on their next page, on any process.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use yorozu_store::catalog::{self, CatalogChange};

use super::Seen;
use crate::freshness::{Freshness, Reading};
use crate::{App, AppResult};

/// Changes read per batch.
const BATCH: i64 = 2_000;

/// How long an id skipped in the log is looked for again. On PostgreSQL ids come from a
/// sequence: a transaction that took id 10 may commit after one that took 11 was applied.
/// A rolled-back transaction leaves a gap for good, so the wait is bounded.
const GAP_PATIENCE: Duration = Duration::from_secs(10);

/// Gaps wider than this are not tracked (a sequence jump, not transactions in flight).
const MAX_GAP: i64 = 1_000;

#[derive(Debug, Default)]
pub(super) struct Feed {
    state: tokio::sync::Mutex<FeedState>,
    freshness: Freshness,
}

#[derive(Debug, Default)]
struct FeedState {
    /// The last change id applied; `None` until the first sync, which starts at the head
    /// (the cache is empty then, so there is nothing older to drop).
    last: Option<i64>,
    /// When the last completed sync began: it saw every change committed before that.
    began: Option<Instant>,
    /// Skipped change ids and when they were first missed.
    gaps: BTreeMap<i64, Instant>,
}

impl FeedState {
    fn open_gaps(&mut self) -> Vec<i64> {
        self.gaps.retain(|_, since| since.elapsed() < GAP_PATIENCE);
        self.gaps.keys().copied().collect()
    }

    fn note_gaps(&mut self, after: i64, changes: &[CatalogChange], found: &[CatalogChange]) {
        for c in found {
            self.gaps.remove(&c.id);
        }
        let mut expected = after + 1;
        let now = Instant::now();
        for c in changes {
            if c.id > expected && c.id - expected <= MAX_GAP {
                for missing in expected..c.id {
                    self.gaps.entry(missing).or_insert(now);
                }
            }
            expected = c.id + 1;
        }
    }
}

/// Applies every change this process committed before this call, and every change other
/// processes committed more than [`crate::freshness::OTHERS_LAG`] before it; returns how far
/// the cache is, for storing what the caller computes next.
pub async fn sync(app: &App) -> AppResult<Seen> {
    let cache = &app.catalog;
    if cache.feed.freshness.is_fresh(app.db.commits()) {
        return Ok(cache.seen());
    }
    let arrived = Instant::now();
    let mut state = cache.feed.state.lock().await;
    if state.began.is_some_and(|began| began >= arrived) {
        return Ok(cache.seen());
    }
    let reading = Reading::begin(app.db.commits());
    let began = Instant::now();
    let mut c = app.db.read().await?;
    let Some(mut last) = state.last else {
        state.last = Some(catalog::latest(&mut c).await?);
        state.began = Some(began);
        cache.feed.freshness.done(reading);
        return Ok(cache.seen());
    };
    if catalog::oldest(&mut c)
        .await?
        .is_some_and(|oldest| last < oldest - 1)
    {
        // Idle past the pruning of the log ([`crate::change_log_prune`]): what was missed
        // cannot be told, so nothing cached can be trusted.
        cache.forget_all();
        state.gaps.clear();
        last = catalog::latest(&mut c).await?;
    }
    loop {
        let gaps = state.open_gaps();
        let found = catalog::among(&mut c, &gaps).await?;
        let changes = catalog::after(&mut c, last, BATCH).await?;
        state.note_gaps(last, &changes, &found);
        cache.apply(found.iter().chain(&changes).copied());
        last = changes.last().map_or(last, |ch| ch.id.max(last));
        state.last = Some(last);
        if (changes.len() as i64) < BATCH {
            break;
        }
    }
    state.began = Some(began);
    cache.feed.freshness.done(reading);
    Ok(cache.seen())
}
