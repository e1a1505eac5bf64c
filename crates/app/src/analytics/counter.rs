//! Counting without slowing the counted pages: a count is an addition to a sharded map in
//! memory (one short mutex hold, no I/O); a background task ([`run`]) writes the sums every
//! few seconds in one transaction of upserts that add to what other processes wrote, and
//! once more at a graceful shutdown. A crash loses at most the counts of one interval.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use yorozu_domain::ListingId;
use yorozu_domain::analytics::{Kind, MAX_VALUES_PER_DAY, OTHER};
use yorozu_store::analytics::{self as store, Count};

use crate::{App, AppResult};

/// Independent locks, so that concurrent requests rarely wait for each other.
const SHARDS: usize = 16;

/// How often counts are written unless configured otherwise.
pub const DEFAULT_FLUSH_INTERVAL: Duration = Duration::from_secs(5);

/// What one count adds to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub listing: ListingId,
    /// The unix time at which the (Japanese) day begins.
    pub day: i64,
    pub kind: Kind,
    pub value: Box<str>,
}

/// This process's counts not yet written.
#[derive(Debug)]
pub struct Counter {
    enabled: AtomicBool,
    shards: Vec<Mutex<HashMap<Key, i64>>>,
}

impl Default for Counter {
    fn default() -> Counter {
        Counter {
            enabled: AtomicBool::new(true),
            shards: (0..SHARDS).map(|_| Mutex::new(HashMap::new())).collect(),
        }
    }
}

impl Counter {
    /// Whether counting is on (a switch for measuring what counting costs).
    pub fn enabled(&self) -> bool {
        self.enabled.load(Ordering::Relaxed)
    }

    pub fn set_enabled(&self, on: bool) {
        self.enabled.store(on, Ordering::Relaxed);
    }

    fn shard(&self, key: &Key) -> &Mutex<HashMap<Key, i64>> {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        key.listing.get().hash(&mut h);
        key.day.hash(&mut h);
        // SHARDS is small: the remainder always fits.
        let i = usize::try_from(h.finish() % SHARDS as u64).unwrap_or(0);
        &self.shards[i]
    }

    /// Adds `n` to a key (nothing when counting is off).
    pub fn add(&self, key: Key, n: i64) {
        if !self.enabled() || n == 0 {
            return;
        }
        let mut map = self
            .shard(&key)
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *map.entry(key).or_insert(0) += n;
    }

    /// Takes every count out of memory.
    pub fn drain(&self) -> Vec<(Key, i64)> {
        let mut out = Vec::new();
        for shard in &self.shards {
            let mut map = shard.lock().unwrap_or_else(|p| p.into_inner());
            out.extend(map.drain());
        }
        out
    }

    /// Puts counts back (a write failed; they go with the next one).
    fn restore(&self, counts: Vec<(Key, i64)>) {
        for (key, n) in counts {
            let mut map = self.shard(&key).lock().unwrap_or_else(|p| p.into_inner());
            *map.entry(key).or_insert(0) += n;
        }
    }

    /// Counts waiting to be written (keys, not their sum).
    pub fn pending(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().unwrap_or_else(|p| p.into_inner()).len())
            .sum()
    }
}

/// Writes this process's counts now, in one transaction; returns how many keys were
/// written. On failure the counts stay in memory for the next flush.
pub async fn flush(app: &App) -> AppResult<usize> {
    let mut counts = app.analytics.drain();
    if counts.is_empty() {
        return Ok(0);
    }
    // Every process writes its rows in the same order, so that two transactions adding to
    // the same keys wait for each other instead of deadlocking (PostgreSQL locks each row).
    counts.sort_by(|(a, _), (b, _)| {
        (a.listing.get(), a.day, a.kind, &a.value).cmp(&(b.listing.get(), b.day, b.kind, &b.value))
    });
    let rows: Vec<Count> = counts
        .iter()
        .map(|(key, n)| Count {
            id: app.new_id(),
            listing_id: key.listing,
            day: key.day,
            kind: key.kind.as_str(),
            value: key.value.to_string(),
            n: *n,
        })
        .collect();
    let written = async {
        let mut tx = app.db.begin_background().await?;
        store::add(&mut tx, &rows, MAX_VALUES_PER_DAY, OTHER).await?;
        tx.commit().await?;
        AppResult::Ok(())
    }
    .await;
    match written {
        Ok(()) => Ok(counts.len()),
        Err(e) => {
            app.analytics.restore(counts);
            Err(e)
        }
    }
}

/// Flushes every `interval` until `shutdown` turns true, then once more. Started with the
/// server (and the worker) process.
pub async fn run(app: App, interval: Duration, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    loop {
        let stop = tokio::select! {
            () = tokio::time::sleep(interval) => false,
            changed = shutdown.changed() => changed.is_err() || *shutdown.borrow(),
        };
        if let Err(e) = flush(&app).await {
            tracing::warn!(error = %e, pending = app.analytics.pending(), "writing analytics counts failed; kept for the next flush");
        }
        if stop {
            return;
        }
    }
}
