//! Members shown improvement hints on the withdrawal page (`withdrawal_hint_views`): the
//! member and the first time only, until the outcome (withdrew or stayed) is counted into
//! `withdrawal_stats` and the row is deleted.

use yorozu_domain::UserId;

use crate::{Exec, Result, execute, query_as, query_scalar};

/// Records that `member` was shown the hints at `now` (the first time is kept). Returns
/// whether a row was added.
pub async fn record(c: &mut impl Exec, member: UserId, now: i64) -> Result<bool> {
    Ok(execute!(
        c,
        "INSERT INTO withdrawal_hint_views (user_id, seen_at) VALUES ($1, $2)
         ON CONFLICT (user_id) DO NOTHING",
        member.get(),
        now
    )? > 0)
}

/// When `member` was first shown the hints, if the row is still kept.
pub async fn seen_at(c: &mut impl Exec, member: UserId) -> Result<Option<i64>> {
    Ok(query_scalar!(
        c,
        fetch_optional,
        i64,
        "SELECT seen_at FROM withdrawal_hint_views WHERE user_id = $1",
        member.get()
    )?)
}

/// Deletes `member`'s row; returns when they were first shown the hints, if they were.
pub async fn take(c: &mut impl Exec, member: UserId) -> Result<Option<i64>> {
    let seen = seen_at(c, member).await?;
    if seen.is_some() {
        execute!(
            c,
            "DELETE FROM withdrawal_hint_views WHERE user_id = $1",
            member.get()
        )?;
    }
    Ok(seen)
}

/// Rows first seen before `before` whose member is still active: `(user_id, seen_at)`, at
/// most `limit`.
pub async fn stayed_before(c: &mut impl Exec, before: i64, limit: i64) -> Result<Vec<(i64, i64)>> {
    Ok(query_as!(
        c,
        fetch_all,
        (i64, i64),
        "SELECT v.user_id, v.seen_at FROM withdrawal_hint_views v JOIN users u ON u.id = v.user_id
         WHERE v.seen_at < $1 AND u.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM withdrawals w
                            WHERE w.user_id = v.user_id AND w.state IN ('scheduled', 'closed'))
         ORDER BY v.seen_at LIMIT $2",
        before,
        limit
    )?)
}

/// Deletes one member's row if it is still the one seen at `seen_at` (a concurrent purge may
/// have taken it); returns whether it did.
pub async fn delete_seen(c: &mut impl Exec, member: i64, seen_at: i64) -> Result<bool> {
    Ok(execute!(
        c,
        "DELETE FROM withdrawal_hint_views WHERE user_id = $1 AND seen_at = $2",
        member,
        seen_at
    )? > 0)
}

/// Members whose outcome is not known yet.
pub async fn pending(c: &mut impl Exec) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT CAST(COUNT(*) AS BIGINT) FROM withdrawal_hint_views"
    )?)
}
