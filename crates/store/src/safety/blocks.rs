//! Blocks (ブロック): one row per direction (`blocker_id` keeps `blocked_id` away).

use yorozu_domain::UserId;

use crate::{Exec, Result, execute, query_as, query_scalar};

/// Adds a block; false if it was already there.
pub async fn add(c: &mut impl Exec, blocker: UserId, blocked: UserId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO member_blocks (blocker_id, blocked_id, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (blocker_id, blocked_id) DO NOTHING",
        blocker.get(),
        blocked.get(),
        now
    )?;
    Ok(n == 1)
}

/// Removes a block; false if there was none.
pub async fn remove(c: &mut impl Exec, blocker: UserId, blocked: UserId) -> Result<bool> {
    let n = execute!(
        c,
        "DELETE FROM member_blocks WHERE blocker_id = $1 AND blocked_id = $2",
        blocker.get(),
        blocked.get()
    )?;
    Ok(n == 1)
}

/// Whether `blocker` blocks `blocked` (one direction).
pub async fn blocks(c: &mut impl Exec, blocker: UserId, blocked: UserId) -> Result<bool> {
    let n: i64 = query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM member_blocks WHERE blocker_id = $1 AND blocked_id = $2",
        blocker.get(),
        blocked.get()
    )?;
    Ok(n > 0)
}

/// Whether either member blocks the other.
pub async fn between(c: &mut impl Exec, a: UserId, b: UserId) -> Result<bool> {
    let n: i64 = query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM member_blocks
         WHERE (blocker_id = $1 AND blocked_id = $2) OR (blocker_id = $2 AND blocked_id = $1)",
        a.get(),
        b.get()
    )?;
    Ok(n > 0)
}

/// Every member `member` blocks or is blocked by: whose reviews and services the member does
/// not see.
pub async fn either_way(c: &mut impl Exec, member: UserId) -> Result<Vec<UserId>> {
    let ids: Vec<i64> = query_scalar!(
        c,
        fetch_all,
        i64,
        "SELECT blocked_id FROM member_blocks WHERE blocker_id = $1
         UNION SELECT blocker_id FROM member_blocks WHERE blocked_id = $1",
        member.get()
    )?;
    Ok(ids.into_iter().map(UserId::new).collect())
}

/// One member the blocker blocks, with the name their profile shows (none once withdrawn).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct BlockedRow {
    #[sqlx(try_from = "i64")]
    pub blocked_id: UserId,
    pub display_name: Option<String>,
    pub created_at: i64,
}

/// The members `blocker` blocks, newest first.
pub async fn list(c: &mut impl Exec, blocker: UserId, limit: i64) -> Result<Vec<BlockedRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        BlockedRow,
        "SELECT b.blocked_id, p.display_name, b.created_at FROM member_blocks b
         LEFT JOIN profiles p ON p.user_id = b.blocked_id
         WHERE b.blocker_id = $1 ORDER BY b.created_at DESC, b.blocked_id LIMIT $2",
        blocker.get(),
        limit
    )?)
}

/// Erases every block the member made or received (withdrawal purge); returns the rows.
pub async fn erase_member(c: &mut impl Exec, member: UserId) -> Result<u64> {
    let n = execute!(
        c,
        "DELETE FROM member_blocks WHERE blocker_id = $1 OR blocked_id = $1",
        member.get()
    )?;
    Ok(n)
}
