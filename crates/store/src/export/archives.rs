//! The `exports` table: one row per archive a member asked for, with its progress.

use yorozu_domain::export::ArchiveStatus;

use crate::{Exec, Result, execute, query_as};
use yorozu_domain::UserId;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ArchiveRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    #[sqlx(try_from = "String")]
    pub status: ArchiveStatus,
    /// 0–100.
    pub progress: i64,
    /// How many stored parts the archive was written in.
    pub parts: i64,
    pub size_bytes: i64,
    pub requested_at: i64,
    pub ready_at: Option<i64>,
    pub expires_at: Option<i64>,
    pub updated_at: i64,
}

macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT id, user_id, status, progress, parts, size_bytes, requested_at, ready_at, expires_at, updated_at
             FROM exports ",
            $rest
        )
    };
}

pub async fn insert(c: &mut impl Exec, id: i64, user_id: UserId, now: i64) -> Result<()> {
    execute!(
        c,
        "INSERT INTO exports (id, user_id, status, progress, parts, size_bytes, requested_at, ready_at, expires_at, updated_at)
         VALUES ($1, $2, 'queued', 0, 0, 0, $3, NULL, NULL, $3)",
        id,
        user_id.get(),
        now
    )?;
    Ok(())
}

pub async fn find(c: &mut impl Exec, id: i64) -> Result<Option<ArchiveRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ArchiveRow,
        select!("WHERE id = $1"),
        id
    )?)
}

/// The member's latest archive.
pub async fn latest(c: &mut impl Exec, user_id: UserId) -> Result<Option<ArchiveRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ArchiveRow,
        select!("WHERE user_id = $1 ORDER BY requested_at DESC, id DESC LIMIT 1"),
        user_id.get()
    )?)
}

/// Takes the build: a queued archive, or one whose builder went silent before `stale_before`
/// (a crashed process). False if another builder holds it or it is no longer wanted.
pub async fn claim(c: &mut impl Exec, id: i64, now: i64, stale_before: i64) -> Result<bool> {
    Ok(execute!(
        c,
        "UPDATE exports SET status = 'building', updated_at = $2
         WHERE id = $1 AND (status = 'queued' OR (status = 'building' AND updated_at < $3))",
        id,
        now,
        stale_before
    )? == 1)
}

/// Moves the build on (its progress and parts so far), which also keeps the claim fresh.
/// False when the archive is no longer being built (withdrawn, failed): the builder stops.
pub async fn progress(
    c: &mut impl Exec,
    id: i64,
    progress: i64,
    parts: i64,
    now: i64,
) -> Result<bool> {
    Ok(execute!(
        c,
        "UPDATE exports SET progress = $2, parts = $3, updated_at = $4
         WHERE id = $1 AND status = 'building'",
        id,
        progress,
        parts,
        now
    )? == 1)
}

/// Marks the member's archives still queued or being built as failed (their withdrawal).
pub async fn fail_unfinished(c: &mut impl Exec, user_id: UserId, now: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE exports SET status = 'failed', updated_at = $2
         WHERE user_id = $1 AND status IN ('queued', 'building')",
        user_id.get(),
        now
    )?)
}

/// Seconds after which a build that reported nothing is taken as crashed.
pub const STALE_SECONDS: i64 = 600;

pub async fn mark_ready(
    c: &mut impl Exec,
    id: i64,
    parts: i64,
    size_bytes: i64,
    expires_at: i64,
    now: i64,
) -> Result<bool> {
    Ok(execute!(
        c,
        "UPDATE exports SET status = 'ready', progress = 100, parts = $2, size_bytes = $3, ready_at = $5,
            expires_at = $4, updated_at = $5
         WHERE id = $1 AND status = 'building'",
        id,
        parts,
        size_bytes,
        expires_at,
        now
    )? == 1)
}

pub async fn mark(c: &mut impl Exec, id: i64, status: ArchiveStatus, now: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE exports SET status = $2, updated_at = $3 WHERE id = $1",
        id,
        status.as_str(),
        now
    )?;
    Ok(())
}

/// Ready archives past their expiry.
pub async fn expired(c: &mut impl Exec, now: i64, limit: i64) -> Result<Vec<ArchiveRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        ArchiveRow,
        select!("WHERE status = 'ready' AND expires_at <= $1 ORDER BY expires_at LIMIT $2"),
        now,
        limit
    )?)
}

/// Every archive of a member (the withdrawal's purge erases them).
pub async fn of_member(c: &mut impl Exec, user_id: UserId, limit: i64) -> Result<Vec<ArchiveRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        ArchiveRow,
        select!("WHERE user_id = $1 ORDER BY id LIMIT $2"),
        user_id.get(),
        limit
    )?)
}

pub async fn delete(c: &mut impl Exec, id: i64) -> Result<()> {
    execute!(c, "DELETE FROM exports WHERE id = $1", id)?;
    Ok(())
}
