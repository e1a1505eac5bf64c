//! Reading a database change log (the catalogue cache's, the search index's): when a reader
//! may skip reading it again, and which skipped ids it still looks for.
//!
//! A request must see every change committed before it arrived. What this process committed
//! is known exactly: the database handle counts its commits ([`yorozu_store::Db::commits`]),
//! so after a member's own change the next request reads the log. What other processes
//! committed reaches this one within [`OTHERS_LAG`], well inside the promise of "within a
//! second on every process". Under load this turns one log read per request, each waiting
//! for the one before, into at most one per lag.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long changes made by other processes may take to show here.
pub const OTHERS_LAG: Duration = Duration::from_millis(100);

/// The last complete read of a change log (see the module documentation).
#[derive(Debug, Default)]
pub struct Freshness {
    last: Mutex<Option<Reading>>,
}

/// A read of the log about to begin: when, and how many commits this process had made.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    began: Instant,
    commits: u64,
}

impl Reading {
    /// Take it before the read: `commits` is [`yorozu_store::Db::commits`] now.
    pub fn begin(commits: u64) -> Reading {
        Reading {
            began: Instant::now(),
            commits,
        }
    }
}

impl Freshness {
    /// Whether the last complete read already holds every change a request arriving now must
    /// see: this process committed nothing since it began, and it began less than
    /// [`OTHERS_LAG`] ago.
    pub fn is_fresh(&self, commits: u64) -> bool {
        self.last.lock().is_ok_and(|last| {
            last.is_some_and(|r| r.commits == commits && r.began.elapsed() < OTHERS_LAG)
        })
    }

    /// Records a read that applied everything it found.
    pub fn done(&self, reading: Reading) {
        if let Ok(mut last) = self.last.lock()
            && last.is_none_or(|r| r.began <= reading.began)
        {
            *last = Some(reading);
        }
    }
}

/// How long an id skipped in a change log is looked for again. On PostgreSQL ids come from a
/// sequence: a transaction that took id 10 may commit after one that took 11 was applied.
/// A rolled-back transaction leaves a gap for good, so the wait is bounded.
const GAP_PATIENCE: Duration = Duration::from_secs(10);

/// Gaps wider than this are not tracked (a sequence jump, not transactions in flight).
const MAX_GAP: i64 = 1_000;

/// Change ids a reader of a log skipped, and when it first missed each.
#[derive(Debug, Default)]
pub struct Gaps(BTreeMap<i64, Instant>);

impl Gaps {
    /// The gaps still worth looking for; forgets the expired ones.
    pub fn open(&mut self) -> Vec<i64> {
        self.0.retain(|_, since| since.elapsed() < GAP_PATIENCE);
        self.0.keys().copied().collect()
    }

    /// Notes a read: `found` filled gaps; `read` (ids in order, after `after`) may skip some.
    pub fn note(&mut self, after: i64, read: impl Iterator<Item = i64>, found: &[i64]) {
        for id in found {
            self.0.remove(id);
        }
        let mut expected = after + 1;
        let now = Instant::now();
        for id in read {
            if id > expected && id - expected <= MAX_GAP {
                for missing in expected..id {
                    self.0.entry(missing).or_insert(now);
                }
            }
            expected = id + 1;
        }
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_is_fresh_until_this_process_commits_or_the_lag_passes() {
        let freshness = Freshness::default();
        assert!(!freshness.is_fresh(0), "never read");
        freshness.done(Reading::begin(3));
        assert!(freshness.is_fresh(3));
        assert!(!freshness.is_fresh(4), "a commit of ours since the read");
        std::thread::sleep(OTHERS_LAG);
        assert!(!freshness.is_fresh(3), "others' changes are due");
    }

    #[test]
    fn an_older_read_finishing_late_does_not_replace_a_newer_one() {
        let freshness = Freshness::default();
        let older = Reading::begin(1);
        freshness.done(Reading::begin(2));
        freshness.done(older);
        assert!(freshness.is_fresh(2));
        assert!(!freshness.is_fresh(1));
    }
}
