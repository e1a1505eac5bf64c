//! Request counters for throttling: sign-in attempts per address and per client, and sign-up,
//! password-reset and confirmation requests per client. Every change is one conditional
//! statement, so parallel requests (and several server processes) cannot all read the same
//! count and slip past a limit.

use crate::{Exec, Result, execute, query_as};

/// A counter's state after a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct Counter {
    pub hits: i64,
    /// When the current window started (fixed windows) or the first hit after a reset.
    pub window_start: i64,
    /// The latest hit.
    pub last_at: i64,
}

/// Counts one hit in a fixed window of `window_seconds`, starting a new window when the old
/// one is over, and returns the counter after the hit.
pub async fn hit(
    c: &mut impl Exec,
    bucket: &str,
    subject: &str,
    now: i64,
    window_seconds: i64,
) -> Result<Counter> {
    Ok(query_as!(
        c,
        fetch_one,
        Counter,
        "INSERT INTO request_counters (bucket, subject, hits, window_start, last_at)
         VALUES ($1, $2, 1, $3, $3)
         ON CONFLICT (bucket, subject) DO UPDATE SET
             hits = CASE WHEN request_counters.window_start <= $4 THEN 1
                         ELSE request_counters.hits + 1 END,
             window_start = CASE WHEN request_counters.window_start <= $4 THEN $3
                                 ELSE request_counters.window_start END,
             last_at = $3
         RETURNING hits, window_start, last_at",
        bucket,
        subject,
        now,
        now - window_seconds
    )?)
}

/// The counter, created at zero hits when there is none yet.
pub async fn get_or_create(
    c: &mut impl Exec,
    bucket: &str,
    subject: &str,
    now: i64,
) -> Result<Counter> {
    execute!(
        c,
        "INSERT INTO request_counters (bucket, subject, hits, window_start, last_at)
         VALUES ($1, $2, 0, $3, $3)
         ON CONFLICT (bucket, subject) DO NOTHING",
        bucket,
        subject,
        now
    )?;
    Ok(query_as!(
        c,
        fetch_one,
        Counter,
        "SELECT hits, window_start, last_at FROM request_counters WHERE bucket = $1 AND subject = $2",
        bucket,
        subject
    )?)
}

/// Sets the counter to `hits` at `now`, but only if it still is `seen` (compare and swap):
/// false when a parallel request changed it first, and the caller must look again.
pub async fn advance(
    c: &mut impl Exec,
    bucket: &str,
    subject: &str,
    seen: &Counter,
    hits: i64,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE request_counters SET hits = $3, last_at = $4,
             window_start = CASE WHEN $3 = 1 THEN $4 ELSE window_start END
         WHERE bucket = $1 AND subject = $2 AND hits = $5 AND last_at = $6",
        bucket,
        subject,
        hits,
        now,
        seen.hits,
        seen.last_at
    )?;
    Ok(n == 1)
}

/// Takes back one hit (a sign-in that succeeded is no guess).
pub async fn forgive(c: &mut impl Exec, bucket: &str, subject: &str) -> Result<()> {
    execute!(
        c,
        "UPDATE request_counters SET hits = hits - 1 WHERE bucket = $1 AND subject = $2 AND hits > 0",
        bucket,
        subject
    )?;
    Ok(())
}

/// Forgets the counter (a successful sign-in or a password reset lifts the address's slow-down).
pub async fn clear(c: &mut impl Exec, bucket: &str, subject: &str) -> Result<()> {
    execute!(
        c,
        "DELETE FROM request_counters WHERE bucket = $1 AND subject = $2",
        bucket,
        subject
    )?;
    Ok(())
}

/// Deletes counters not hit since `before`.
pub async fn delete_idle_since(c: &mut impl Exec, before: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM request_counters WHERE last_at < $1",
        before
    )?)
}
