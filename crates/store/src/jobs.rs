//! The `jobs` table: durable side effects (mail, erasures, …) claimed with a lease.
//!
//! A job row is inserted in the same transaction as the state change that caused it. Workers
//! claim one due job at a time by setting a lease; a crashed worker's lease runs out and the
//! job becomes claimable again, so every job handler must be idempotent.

use yorozu_domain::jobs::JobStatus;

use crate::{Backend, Exec, Result, execute, query_as};
use yorozu_domain::{JobId, UserId};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JobRow {
    #[sqlx(try_from = "i64")]
    pub id: JobId,
    pub kind: String,
    pub payload: String,
    #[sqlx(try_from = "crate::OptionalId")]
    pub user_id: Option<UserId>,
    #[sqlx(try_from = "String")]
    pub status: JobStatus,
    pub run_at: i64,
    pub attempts: i64,
    pub max_attempts: i64,
    pub locked_until: Option<i64>,
    pub locked_by: Option<String>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub finished_at: Option<i64>,
}

#[derive(Debug)]
pub struct NewJob<'a> {
    pub id: JobId,
    pub kind: &'a str,
    pub payload: &'a str,
    pub user_id: Option<UserId>,
    pub run_at: i64,
    pub max_attempts: i64,
    pub now: i64,
}

pub async fn enqueue(c: &mut impl Exec, j: &NewJob<'_>) -> Result<()> {
    execute!(
        c,
        "INSERT INTO jobs (id, kind, payload, user_id, status, run_at, attempts, max_attempts, locked_until,
                           locked_by, last_error, created_at, finished_at)
         VALUES ($1, $2, $3, $4, 'queued', $5, 0, $6, NULL, NULL, NULL, $7, NULL)",
        j.id.get(),
        j.kind,
        j.payload,
        j.user_id.map(UserId::get),
        j.run_at,
        j.max_attempts,
        j.now
    )?;
    Ok(())
}

/// Inserts several jobs in one statement (nothing for an empty slice).
pub async fn enqueue_many(c: &mut impl Exec, jobs: &[NewJob<'_>]) -> Result<()> {
    use crate::dynamic::{Bind, QueryBuilder};
    if jobs.is_empty() {
        return Ok(());
    }
    let mut q = QueryBuilder::new(
        "INSERT INTO jobs (id, kind, payload, user_id, status, run_at, attempts, max_attempts, locked_until,
                           locked_by, last_error, created_at, finished_at) VALUES ",
    );
    for (i, j) in jobs.iter().enumerate() {
        q.push(if i == 0 { "(" } else { ", (" });
        q.push_bind(Bind::I64(j.id.get())).push(", ");
        q.push_bind(Bind::Text(j.kind.to_owned())).push(", ");
        q.push_bind(Bind::Text(j.payload.to_owned())).push(", ");
        q.push_bind(Bind::OptI64(j.user_id.map(UserId::get)))
            .push(", 'queued', ");
        q.push_bind(Bind::I64(j.run_at)).push(", 0, ");
        q.push_bind(Bind::I64(j.max_attempts))
            .push(", NULL, NULL, NULL, ");
        q.push_bind(Bind::I64(j.now)).push(", NULL)");
    }
    q.execute(c).await?;
    Ok(())
}

/// Claims the oldest due job, leasing it to `worker` until `lease_until`.
///
/// PostgreSQL: `FOR UPDATE SKIP LOCKED` lets several workers claim different jobs without
/// waiting on each other. SQLite has a single writer, so the plain subquery is already atomic.
pub async fn claim(
    c: &mut impl Exec,
    worker: &str,
    now: i64,
    lease_until: i64,
) -> Result<Option<JobRow>> {
    let row = match c.backend() {
        Backend::Sqlite => query_as!(
            c,
            fetch_optional,
            JobRow,
            "UPDATE jobs SET locked_until = $1, locked_by = $2, attempts = attempts + 1
             WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= $3
                         AND (locked_until IS NULL OR locked_until < $3) ORDER BY run_at, id LIMIT 1)
             RETURNING id, kind, payload, user_id, status, run_at, attempts, max_attempts,
                       locked_until, locked_by, last_error, created_at, finished_at",
            lease_until,
            worker,
            now
        )?,
        Backend::Postgres => query_as!(
            c,
            fetch_optional,
            JobRow,
            "UPDATE jobs SET locked_until = $1, locked_by = $2, attempts = attempts + 1
             WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= $3
                         AND (locked_until IS NULL OR locked_until < $3) ORDER BY run_at, id LIMIT 1
                         FOR UPDATE SKIP LOCKED)
             RETURNING id, kind, payload, user_id, status, run_at, attempts, max_attempts,
                       locked_until, locked_by, last_error, created_at, finished_at",
            lease_until,
            worker,
            now
        )?,
    };
    Ok(row)
}

/// Marks a claimed job done (only if this worker still holds it).
pub async fn complete(c: &mut impl Exec, id: JobId, worker: &str, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE jobs SET status = 'done', finished_at = $3, locked_until = NULL WHERE id = $1 AND locked_by = $2 AND status = 'queued'",
        id.get(),
        worker,
        now
    )?;
    Ok(n == 1)
}

/// Forgets a finished job's payload (a sent mail's address and text need not be kept).
pub async fn forget_payload(c: &mut impl Exec, id: JobId) -> Result<()> {
    execute!(
        c,
        "UPDATE jobs SET payload = '' WHERE id = $1 AND status <> 'queued'",
        id.get()
    )?;
    Ok(())
}

/// Records a failure: retried at `retry_at`, or failed for good once attempts are used up.
pub async fn fail(
    c: &mut impl Exec,
    id: JobId,
    worker: &str,
    error: &str,
    retry_at: i64,
    now: i64,
) -> Result<()> {
    execute!(
        c,
        "UPDATE jobs SET last_error = $3, locked_until = NULL, run_at = $4,
                         status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
                         finished_at = CASE WHEN attempts >= max_attempts THEN $5 ELSE NULL END
         WHERE id = $1 AND locked_by = $2",
        id.get(),
        worker,
        error,
        retry_at,
        now
    )?;
    Ok(())
}

/// Drops queued jobs of the given kind concerning this member (e.g. mail after withdrawal).
pub async fn drop_queued_for_user(
    c: &mut impl Exec,
    user_id: UserId,
    kind: &str,
    now: i64,
) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE jobs SET status = 'dropped', finished_at = $3 WHERE user_id = $1 AND kind = $2 AND status = 'queued'",
        user_id.get(),
        kind,
        now
    )?)
}

pub async fn find(c: &mut impl Exec, id: JobId) -> Result<Option<JobRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        JobRow,
        "SELECT id, kind, payload, user_id, status, run_at, attempts, max_attempts, locked_until, locked_by,
                last_error, created_at, finished_at FROM jobs WHERE id = $1",
        id.get()
    )?)
}

/// Queued jobs by kind, for tests and the operator console.
pub async fn count_queued(c: &mut impl Exec, kind: &str) -> Result<i64> {
    Ok(crate::query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM jobs WHERE kind = $1 AND status = 'queued'",
        kind
    )?)
}

/// Queued jobs of `kind` with exactly this payload (so that a sweep does not queue twice).
pub async fn count_queued_with_payload(
    c: &mut impl Exec,
    kind: &str,
    payload: &str,
) -> Result<i64> {
    Ok(crate::query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM jobs WHERE kind = $1 AND payload = $2 AND status = 'queued'",
        kind,
        payload
    )?)
}
