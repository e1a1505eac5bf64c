//! Applying the catalogue's change log to this process's cache.
//!
//! Every request that reads the cache first makes sure that every change committed before it
//! arrived has been applied: it waits for the sync in progress and runs one more only if that
//! one began before the request arrived. Requests arriving together thus share one indexed
//! range read, and a member sees their own change on their next page, on any process.

use std::time::Instant;

use yorozu_store::catalog;

use super::Seen;
use crate::freshness::{Freshness, Gaps, Reading};
use crate::{App, AppResult};

/// Changes read per batch.
const BATCH: i64 = 2_000;

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
    /// Skipped change ids still looked for.
    gaps: Gaps,
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
        let gaps = state.gaps.open();
        let found = catalog::among(&mut c, &gaps).await?;
        let changes = catalog::after(&mut c, last, BATCH).await?;
        let found_ids: Vec<i64> = found.iter().map(|ch| ch.id).collect();
        state
            .gaps
            .note(last, changes.iter().map(|ch| ch.id), &found_ids);
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
