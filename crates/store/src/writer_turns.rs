//! Turns at SQLite's single writer: members' requests first, background job work after.
//!
//! SQLite has one writer, and every write transaction queues for it (the one-connection write
//! pool). A heavy job (the purge, an export's progress) writes in many short transactions; if
//! each simply joined the queue, a member's purchase could wait behind a run of them. So a
//! request counts itself as waiting while it queues, and a job transaction first waits for its
//! turn: until no request is waiting (checked every millisecond), for at most [`MAX_DEFER`]
//! so that a busy site still lets the job finish. Only one job transaction queues at a time,
//! so job work never holds more than one place in the writer's queue, whatever the number of
//! workers in the process. PostgreSQL has no single writer and needs none of this.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::sync::{Semaphore, SemaphorePermit};

/// The longest a job transaction gives way to requests before it queues regardless.
pub const MAX_DEFER: Duration = Duration::from_millis(250);

/// How often a deferred job transaction looks again.
const RECHECK: Duration = Duration::from_millis(1);

/// Who is waiting for the writer (see the module documentation).
#[derive(Debug)]
pub struct WriterTurns {
    /// Request transactions queueing for the writer right now.
    requests_waiting: AtomicUsize,
    /// The one place in the queue that job work may take.
    job_place: Semaphore,
}

impl Default for WriterTurns {
    fn default() -> Self {
        WriterTurns {
            requests_waiting: AtomicUsize::new(0),
            job_place: Semaphore::new(1),
        }
    }
}

/// A request queueing for the writer; it stops counting when dropped (also when the request
/// is cancelled while it waits).
#[derive(Debug)]
pub struct RequestWaiting<'a>(&'a AtomicUsize);

impl Drop for RequestWaiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl WriterTurns {
    /// Counts a request as waiting for the writer until the returned guard is dropped.
    pub fn request(&self) -> RequestWaiting<'_> {
        self.requests_waiting.fetch_add(1, Ordering::AcqRel);
        RequestWaiting(&self.requests_waiting)
    }

    /// How many requests are waiting for the writer now.
    pub fn requests_waiting(&self) -> usize {
        self.requests_waiting.load(Ordering::Acquire)
    }

    /// Waits for a job transaction's turn; hold the permit until the transaction has the
    /// writer. `None` only if the place was closed, which never happens: the job then simply
    /// queues.
    pub async fn job_turn(&self) -> Option<SemaphorePermit<'_>> {
        let place = self.job_place.acquire().await.ok();
        let started = Instant::now();
        while self.requests_waiting() > 0 && started.elapsed() < MAX_DEFER {
            tokio::time::sleep(RECHECK).await;
        }
        place
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_job_waits_while_a_request_waits_and_not_longer_than_the_bound() {
        let turns = WriterTurns::default();
        let started = Instant::now();
        drop(turns.job_turn().await);
        assert!(started.elapsed() < MAX_DEFER, "no request: no wait");

        let waiting = turns.request();
        assert_eq!(turns.requests_waiting(), 1);
        let started = Instant::now();
        drop(turns.job_turn().await);
        assert!(started.elapsed() >= MAX_DEFER, "gave way to the request");
        drop(waiting);
        assert_eq!(turns.requests_waiting(), 0);
    }

    #[tokio::test]
    async fn a_job_goes_as_soon_as_the_request_has_the_writer() {
        let turns = std::sync::Arc::new(WriterTurns::default());
        let waiting = turns.request();
        let job = {
            let turns = turns.clone();
            tokio::spawn(async move {
                let started = Instant::now();
                drop(turns.job_turn().await);
                started.elapsed()
            })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        drop(waiting);
        let waited = job.await.expect("job");
        assert!(
            waited >= Duration::from_millis(20) && waited < MAX_DEFER,
            "{waited:?}"
        );
    }
}
