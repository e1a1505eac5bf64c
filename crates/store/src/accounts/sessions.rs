//! Signed-in browser sessions. Only a hash of the cookie value is stored.

use crate::{Exec, Result, execute, query_as};
use yorozu_domain::UserId;
use yorozu_domain::accounts::{AccountStatus, Role};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRow {
    pub token_hash: String,
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub user_agent: String,
    pub ip: String,
}

pub async fn insert(c: &mut impl Exec, s: &SessionRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, user_agent, ip)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &s.token_hash,
        s.user_id.get(),
        s.created_at,
        s.last_seen_at,
        s.expires_at,
        &s.user_agent,
        &s.ip
    )?;
    Ok(())
}

/// A live session with what every signed-in request needs of its member, in one query (a
/// request pays per query: a thread hand-over on SQLite, a round trip on PostgreSQL).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LiveMember {
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    pub last_seen_at: i64,
    pub email: Option<String>,
    pub email_verified_at: Option<i64>,
    #[sqlx(try_from = "String")]
    pub status: AccountStatus,
    #[sqlx(try_from = "String")]
    pub role: Role,
    pub locale: String,
    pub display_name: Option<String>,
    pub withdrawal_scheduled: bool,
    /// A suspension (利用停止) is in force.
    pub suspended: bool,
    /// The bell's count (see `notification_centre`).
    pub unread_notifications: i64,
}

/// The live session with this hash and its member, if it has not expired.
pub async fn find_live_member(
    c: &mut impl Exec,
    token_hash: &str,
    now: i64,
) -> Result<Option<LiveMember>> {
    Ok(query_as!(
        c,
        fetch_optional,
        LiveMember,
        "SELECT s.user_id, s.last_seen_at, u.email, u.email_verified_at, u.status, u.role,
                u.locale, p.display_name, COALESCE(n.unread, 0) AS unread_notifications,
                EXISTS (SELECT 1 FROM withdrawals w
                        WHERE w.user_id = s.user_id AND w.state = 'scheduled')
                    AS withdrawal_scheduled,
                EXISTS (SELECT 1 FROM suspensions x
                        WHERE x.user_id = s.user_id AND x.lifted_at IS NULL) AS suspended
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         LEFT JOIN profiles p ON p.user_id = s.user_id
         LEFT JOIN notification_counts n ON n.user_id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2",
        token_hash,
        now
    )?)
}

/// The live session with this hash, if it has not expired.
pub async fn find_live(
    c: &mut impl Exec,
    token_hash: &str,
    now: i64,
) -> Result<Option<SessionRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        SessionRow,
        "SELECT token_hash, user_id, created_at, last_seen_at, expires_at, user_agent, ip
         FROM sessions WHERE token_hash = $1 AND expires_at > $2",
        token_hash,
        now
    )?)
}

pub async fn touch(c: &mut impl Exec, token_hash: &str, now: i64, expires_at: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1",
        token_hash,
        now,
        expires_at
    )?;
    Ok(())
}

pub async fn list_for_user(
    c: &mut impl Exec,
    user_id: UserId,
    now: i64,
) -> Result<Vec<SessionRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        SessionRow,
        "SELECT token_hash, user_id, created_at, last_seen_at, expires_at, user_agent, ip
         FROM sessions WHERE user_id = $1 AND expires_at > $2 ORDER BY last_seen_at DESC",
        user_id.get(),
        now
    )?)
}

pub async fn delete(c: &mut impl Exec, token_hash: &str) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM sessions WHERE token_hash = $1",
        token_hash
    )?)
}

/// Deletes one session of this member (the "sign out that device" button).
pub async fn delete_for_user(c: &mut impl Exec, user_id: UserId, token_hash: &str) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM sessions WHERE user_id = $1 AND token_hash = $2",
        user_id.get(),
        token_hash
    )?)
}

/// Deletes every session of the member, optionally keeping the current one.
pub async fn delete_all_for_user(
    c: &mut impl Exec,
    user_id: UserId,
    keep: Option<&str>,
) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2",
        user_id.get(),
        keep.unwrap_or("")
    )?)
}

pub async fn delete_expired(c: &mut impl Exec, now: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM sessions WHERE expires_at <= $1",
        now
    )?)
}
