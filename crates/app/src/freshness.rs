//! When a cache fed by a database change log (the catalogue cache, the search index) may skip
//! reading the log again.
//!
//! A request must see every change committed before it arrived. What this process committed
//! is known exactly: the database handle counts its commits ([`yorozu_store::Db::commits`]),
//! so after a member's own change the next request reads the log. What other processes
//! committed reaches this one within [`OTHERS_LAG`], well inside the promise of "within a
//! second on every process". Under load this turns one log read per request, each waiting
//! for the one before, into at most one per lag.

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
