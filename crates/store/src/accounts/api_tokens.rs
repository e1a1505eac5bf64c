//! Personal access tokens for the JSON API. Only a hash of the secret is stored.

use crate::{Exec, Result, execute, query_as};
use yorozu_domain::accounts::TokenScope;
use yorozu_domain::{TokenId, UserId};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiTokenRow {
    #[sqlx(try_from = "i64")]
    pub id: TokenId,
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    pub name: String,
    pub token_hash: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
    #[sqlx(try_from = "String")]
    pub scope: TokenScope,
    /// Days a renewal extends the token by.
    pub lifetime_days: i64,
    pub expires_at: i64,
}

const COLUMNS: &str = "id, user_id, name, token_hash, created_at, last_used_at, revoked_at, scope, lifetime_days, expires_at";

pub async fn insert(c: &mut impl Exec, t: &ApiTokenRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, last_used_at, revoked_at,
                                 scope, lifetime_days, expires_at)
         VALUES ($1, $2, $3, $4, $5, NULL, NULL, $6, $7, $8)",
        t.id.get(),
        t.user_id.get(),
        &t.name,
        &t.token_hash,
        t.created_at,
        t.scope.as_str(),
        t.lifetime_days,
        t.expires_at
    )?;
    Ok(())
}

/// The unrevoked token with this hash (expired or not: the caller tells the two apart).
pub async fn find_active(c: &mut impl Exec, token_hash: &str) -> Result<Option<ApiTokenRow>> {
    let sql =
        format!("SELECT {COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL");
    Ok(query_as!(
        c,
        fetch_optional,
        ApiTokenRow,
        sqlx::AssertSqlSafe(sql),
        token_hash
    )?)
}

/// The member's unrevoked tokens, expired ones included (they can be renewed), newest first.
pub async fn list_active_for_user(c: &mut impl Exec, user_id: UserId) -> Result<Vec<ApiTokenRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC"
    );
    Ok(query_as!(
        c,
        fetch_all,
        ApiTokenRow,
        sqlx::AssertSqlSafe(sql),
        user_id.get()
    )?)
}

/// Records a use, unless one was recorded since `not_since` (a write per minute at most).
pub async fn touch(c: &mut impl Exec, id: TokenId, now: i64, not_since: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE api_tokens SET last_used_at = $2
         WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $3)",
        id.get(),
        now,
        not_since
    )?;
    Ok(())
}

/// Sets a new expiry on one unrevoked token of this member; false when there is none.
pub async fn renew(
    c: &mut impl Exec,
    user_id: UserId,
    id: TokenId,
    expires_at: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE api_tokens SET expires_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL",
        id.get(),
        user_id.get(),
        expires_at
    )?;
    Ok(n == 1)
}

/// Revokes one token of this member; false when it was not theirs or already revoked.
pub async fn revoke(c: &mut impl Exec, user_id: UserId, id: TokenId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL",
        id.get(),
        user_id.get(),
        now
    )?;
    Ok(n == 1)
}

pub async fn revoke_all_for_user(c: &mut impl Exec, user_id: UserId, now: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
        user_id.get(),
        now
    )?)
}
