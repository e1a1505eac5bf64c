//! Personal access tokens for the JSON API. Only a hash of the secret is stored.

use crate::{Exec, Result, execute, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiTokenRow {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub token_hash: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

pub async fn insert(c: &mut impl Exec, t: &ApiTokenRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, last_used_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, NULL, NULL)",
        t.id,
        t.user_id,
        &t.name,
        &t.token_hash,
        t.created_at
    )?;
    Ok(())
}

/// The unrevoked token with this hash.
pub async fn find_active(c: &mut impl Exec, token_hash: &str) -> Result<Option<ApiTokenRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ApiTokenRow,
        "SELECT id, user_id, name, token_hash, created_at, last_used_at, revoked_at
         FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
        token_hash
    )?)
}

pub async fn list_active_for_user(c: &mut impl Exec, user_id: i64) -> Result<Vec<ApiTokenRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        ApiTokenRow,
        "SELECT id, user_id, name, token_hash, created_at, last_used_at, revoked_at
         FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC",
        user_id
    )?)
}

pub async fn touch(c: &mut impl Exec, id: i64, now: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1",
        id,
        now
    )?;
    Ok(())
}

/// Revokes one token of this member; false when it was not theirs or already revoked.
pub async fn revoke(c: &mut impl Exec, user_id: i64, id: i64, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL",
        id,
        user_id,
        now
    )?;
    Ok(n == 1)
}

pub async fn revoke_all_for_user(c: &mut impl Exec, user_id: i64, now: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
        user_id,
        now
    )?)
}
