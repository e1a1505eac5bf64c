//! Single-use tokens sent by mail: address confirmation, password reset, e-mail change.

use crate::{Exec, Result, execute, query_as, query_scalar};
use yorozu_domain::UserId;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EmailTokenRow {
    pub token_hash: String,
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    pub purpose: String,
    pub new_email: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

pub async fn insert(c: &mut impl Exec, t: &EmailTokenRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO email_tokens (token_hash, user_id, purpose, new_email, created_at, expires_at, used_at)
         VALUES ($1, $2, $3, $4, $5, $6, NULL)",
        &t.token_hash,
        t.user_id.get(),
        &t.purpose,
        t.new_email.as_deref(),
        t.created_at,
        t.expires_at
    )?;
    Ok(())
}

pub async fn find(
    c: &mut impl Exec,
    token_hash: &str,
    purpose: &str,
) -> Result<Option<EmailTokenRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        EmailTokenRow,
        "SELECT token_hash, user_id, purpose, new_email, created_at, expires_at, used_at
         FROM email_tokens WHERE token_hash = $1 AND purpose = $2",
        token_hash,
        purpose
    )?)
}

/// Marks the token used. Returns false when another request used it first, which makes
/// concurrent redemption of one link succeed exactly once.
pub async fn mark_used(c: &mut impl Exec, token_hash: &str, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE email_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL",
        token_hash,
        now
    )?;
    Ok(n == 1)
}

/// Invalidates earlier unused tokens of the same purpose (a newer mail supersedes them).
pub async fn expire_unused(
    c: &mut impl Exec,
    user_id: UserId,
    purpose: &str,
    now: i64,
) -> Result<()> {
    execute!(
        c,
        "UPDATE email_tokens SET expires_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        user_id.get(),
        purpose,
        now
    )?;
    Ok(())
}

/// Expires every unused mailed link of the member, whatever its purpose (closing an account).
pub async fn expire_all_unused(c: &mut impl Exec, user_id: UserId, now: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE email_tokens SET expires_at = $2 WHERE user_id = $1 AND used_at IS NULL AND expires_at > $2",
        user_id.get(),
        now
    )?;
    Ok(())
}

/// When the member's newest token of this purpose was issued.
pub async fn latest_created_at(
    c: &mut impl Exec,
    user_id: UserId,
    purpose: &str,
) -> Result<Option<i64>> {
    Ok(query_scalar!(
        c,
        fetch_one,
        Option<i64>,
        "SELECT MAX(created_at) FROM email_tokens WHERE user_id = $1 AND purpose = $2",
        user_id.get(),
        purpose
    )?)
}
