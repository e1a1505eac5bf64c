//! The job runner: claims due jobs with a lease, runs their handler, and records the outcome
//! with retries and exponential backoff. Several workers (in one or many processes) can run
//! side by side; the lease makes each claim exclusive.

//!
//! A kind of job is a type implementing [`Job`] (kind, payload, `run`), queued with
//! [`enqueue`] and run through the one [`registry`].

mod job;
pub mod maintenance;
mod registry;

pub use job::{Job, count_queued, drop_queued_for_user, enqueue, enqueue_many, is_queued};
pub use registry::{Registry, registry};

use std::time::Duration;

use yorozu_store::jobs::{self, JobRow};

use crate::{App, AppError, AppResult};

/// How long a claimed job is reserved for its worker before others may retry it.
const LEASE_SECONDS: i64 = 300;

#[derive(Debug, Clone)]
pub struct Worker {
    pub app: App,
    pub name: String,
    pub poll: Duration,
}

impl Worker {
    pub fn new(app: App, poll: Duration) -> Worker {
        let name = format!(
            "{}-{}",
            std::process::id(),
            crate::crypto::random_token().get(..8).unwrap_or("w")
        );
        Worker { app, name, poll }
    }

    /// Runs until `shutdown` resolves.
    pub async fn run(self, mut shutdown: tokio::sync::watch::Receiver<bool>) {
        let mut last_maintenance = 0;
        loop {
            match self.run_due().await {
                Ok(0) => {}
                Ok(_) => continue,
                Err(e) => tracing::error!(error = %e, "job runner"),
            }
            let now = self.app.now();
            if now - last_maintenance >= 600 {
                last_maintenance = now;
                if let Err(e) = maintenance::run(&self.app).await {
                    tracing::error!(error = %e, "maintenance");
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(self.poll) => {}
                _ = shutdown.changed() => return,
            }
        }
    }

    /// Runs every job that is due now; returns how many ran.
    pub async fn run_due(&self) -> AppResult<usize> {
        let mut ran = 0;
        while let Some(job) = self.claim().await? {
            self.execute(job).await?;
            ran += 1;
        }
        Ok(ran)
    }

    async fn claim(&self) -> AppResult<Option<JobRow>> {
        let now = self.app.now();
        let mut tx = self.app.db.begin_background().await?;
        let job = jobs::claim(&mut tx, &self.name, now, now + LEASE_SECONDS).await?;
        tx.commit().await?;
        Ok(job)
    }

    async fn execute(&self, job: JobRow) -> AppResult<()> {
        let entry = registry().get(&job.kind);
        let outcome = match entry {
            Some(entry) => (entry.run)(&self.app, &job.payload).await,
            None => Err(AppError::Internal(format!("unknown job kind {}", job.kind))),
        };
        let now = self.app.now();
        let mut tx = self.app.db.begin_background().await?;
        match outcome {
            Ok(()) => {
                let done = jobs::complete(&mut tx, job.id, &self.name, now).await?;
                if done && entry.is_some_and(|e| e.forget_payload_when_done) {
                    jobs::forget_payload(&mut tx, job.id).await?;
                }
            }
            Err(e) => {
                tracing::warn!(job = job.id.get(), kind = %job.kind, attempt = job.attempts, error = %e, "job failed");
                let backoff = 10_i64
                    .saturating_mul(1 << job.attempts.clamp(0, 12))
                    .min(3600);
                jobs::fail(
                    &mut tx,
                    job.id,
                    &self.name,
                    &e.to_string(),
                    now + backoff,
                    now,
                )
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
