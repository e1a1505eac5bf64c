//! The [`Job`] trait: one kind of job, its payload and what running it does. Every side effect
//! that outlives a request (mail, erasures, deadlines, the purge) is queued through it, so a
//! kind is a type the compiler checks, never a string a caller spells.

use std::future::Future;
use yorozu_domain::{JobId, UserId};

use serde::Serialize;
use serde::de::DeserializeOwned;
use yorozu_store::{Exec, jobs};

use crate::{App, AppResult};

/// One kind of job. The implementing type is the payload (stored as JSON in `jobs.payload`).
///
/// Define the type in a leaf module of its area (one that imports no use case) and implement
/// the trait beside the use case it runs: the use cases that queue a job then import only the
/// payload, and the module that runs it may import them without a circle.
pub trait Job: Serialize + DeserializeOwned + Send + Sync + 'static {
    /// The stored kind (`jobs.kind`). Never change one: queued rows carry it.
    const KIND: &'static str;
    /// Whether the payload is blanked once the job is done (a sent mail's address and text
    /// need not be kept).
    const FORGET_PAYLOAD_WHEN_DONE: bool = false;

    /// Attempts before the job fails for good: as many as a mail's, unless the job says
    /// otherwise.
    fn max_attempts(app: &App) -> i64 {
        app.policy.mail_max_attempts
    }

    /// Does the work. A lease can run out while a job runs, so this must be idempotent: it
    /// re-checks what it acts on, and running it twice changes nothing.
    fn run(self, app: &App) -> impl Future<Output = AppResult<()>> + Send;
}

/// Queues `job` to run at `run_at`, inside the caller's transaction; `user_id` is the member
/// it concerns (their queued jobs of a kind can be dropped, see [`drop_queued_for_user`]).
pub async fn enqueue<J: Job>(
    c: &mut impl Exec,
    app: &App,
    job: &J,
    user_id: Option<UserId>,
    run_at: i64,
) -> AppResult<()> {
    let payload = serde_json::to_string(job)?;
    jobs::enqueue(
        c,
        &jobs::NewJob {
            id: app.new_id(),
            kind: J::KIND,
            payload: &payload,
            user_id,
            run_at,
            max_attempts: J::max_attempts(app),
            now: app.now(),
        },
    )
    .await?;
    Ok(())
}

/// Queues several jobs of one kind in one statement, each with the member it concerns, to run
/// now (nothing for an empty list).
pub async fn enqueue_many<J: Job>(
    c: &mut impl Exec,
    app: &App,
    queued: &[(J, Option<UserId>)],
) -> AppResult<()> {
    let now = app.now();
    let rows: Vec<(JobId, Option<UserId>, String)> = queued
        .iter()
        .map(|(job, user_id)| serde_json::to_string(job).map(|p| (app.new_id(), *user_id, p)))
        .collect::<Result<_, _>>()?;
    let new: Vec<jobs::NewJob<'_>> = rows
        .iter()
        .map(|(id, user_id, payload)| jobs::NewJob {
            id: *id,
            kind: J::KIND,
            payload,
            user_id: *user_id,
            run_at: now,
            max_attempts: J::max_attempts(app),
            now,
        })
        .collect();
    jobs::enqueue_many(c, &new).await?;
    Ok(())
}

/// Whether this very job (same kind, same payload) is already queued, so that a sweep does
/// not queue it twice.
pub async fn is_queued<J: Job>(c: &mut impl Exec, job: &J) -> AppResult<bool> {
    let payload = serde_json::to_string(job)?;
    Ok(jobs::count_queued_with_payload(c, J::KIND, &payload).await? > 0)
}

/// Drops the queued jobs of kind `J` concerning this member (e.g. mail after withdrawal);
/// returns how many.
pub async fn drop_queued_for_user<J: Job>(
    c: &mut impl Exec,
    user_id: UserId,
    now: i64,
) -> AppResult<u64> {
    Ok(jobs::drop_queued_for_user(c, user_id, J::KIND, now).await?)
}

/// Queued (not yet run) jobs of kind `J`, for tests and the operator console.
pub async fn count_queued<J: Job>(c: &mut impl Exec) -> AppResult<i64> {
    Ok(jobs::count_queued(c, J::KIND).await?)
}
