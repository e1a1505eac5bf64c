//! Two-step sign-in (TOTP): the sealed secret, the single-use recovery codes, sign-ins that
//! wait for their code, and when a session last re-confirmed the password.

use crate::{Exec, Result, execute, query_as, query_scalar};
use yorozu_domain::UserId;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TwoStepRow {
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    /// Sealed by the application; opening it needs the file key.
    pub secret_sealed: String,
    /// `None` while the set-up waits for its first code.
    pub enabled_at: Option<i64>,
    /// The last 30-second step whose code was accepted.
    pub last_step: i64,
    pub created_at: i64,
}

pub async fn find(c: &mut impl Exec, user_id: UserId) -> Result<Option<TwoStepRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        TwoStepRow,
        "SELECT user_id, secret_sealed, enabled_at, last_step, created_at FROM two_step WHERE user_id = $1",
        user_id.get()
    )?)
}

/// Starts (or restarts) a set-up: a new secret, not yet enabled. An enabled secret is kept.
pub async fn begin(
    c: &mut impl Exec,
    user_id: UserId,
    secret_sealed: &str,
    now: i64,
) -> Result<()> {
    execute!(
        c,
        "DELETE FROM two_step WHERE user_id = $1 AND enabled_at IS NULL",
        user_id.get()
    )?;
    execute!(
        c,
        "INSERT INTO two_step (user_id, secret_sealed, enabled_at, last_step, created_at)
         VALUES ($1, $2, NULL, 0, $3)",
        user_id.get(),
        secret_sealed,
        now
    )?;
    Ok(())
}

/// Turns on a pending set-up; `false` when there was none.
pub async fn enable(c: &mut impl Exec, user_id: UserId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE two_step SET enabled_at = $2 WHERE user_id = $1 AND enabled_at IS NULL",
        user_id.get(),
        now
    )?;
    Ok(n > 0)
}

/// Records `step` as used; `false` when it (or a later one) was already used, so a code
/// seen by someone else cannot be replayed, even by two requests at once.
pub async fn use_step(c: &mut impl Exec, user_id: UserId, step: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE two_step SET last_step = $2 WHERE user_id = $1 AND last_step < $2",
        user_id.get(),
        step
    )?;
    Ok(n > 0)
}

/// Turns two-step sign-in off: the secret, the recovery codes and pending sign-ins go.
pub async fn remove(c: &mut impl Exec, user_id: UserId) -> Result<()> {
    execute!(c, "DELETE FROM two_step WHERE user_id = $1", user_id.get())?;
    execute!(
        c,
        "DELETE FROM two_step_recovery_codes WHERE user_id = $1",
        user_id.get()
    )?;
    execute!(
        c,
        "DELETE FROM two_step_challenges WHERE user_id = $1",
        user_id.get()
    )?;
    Ok(())
}

/// Replaces the member's recovery codes with these hashes.
pub async fn replace_recovery_codes(
    c: &mut impl Exec,
    user_id: UserId,
    hashes: &[String],
) -> Result<()> {
    execute!(
        c,
        "DELETE FROM two_step_recovery_codes WHERE user_id = $1",
        user_id.get()
    )?;
    for hash in hashes {
        execute!(
            c,
            "INSERT INTO two_step_recovery_codes (user_id, code_hash, used_at) VALUES ($1, $2, NULL)",
            user_id.get(),
            hash
        )?;
    }
    Ok(())
}

/// Uses up a recovery code; `false` when it is unknown or already used.
pub async fn use_recovery_code(
    c: &mut impl Exec,
    user_id: UserId,
    hash: &str,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE two_step_recovery_codes SET used_at = $3
         WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
        user_id.get(),
        hash,
        now
    )?;
    Ok(n > 0)
}

/// How many recovery codes are left.
pub async fn recovery_codes_left(c: &mut impl Exec, user_id: UserId) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM two_step_recovery_codes WHERE user_id = $1 AND used_at IS NULL",
        user_id.get()
    )?)
}

/// A sign-in waiting for its code.
pub async fn insert_challenge(
    c: &mut impl Exec,
    token_hash: &str,
    user_id: UserId,
    expires_at: i64,
) -> Result<()> {
    execute!(
        c,
        "INSERT INTO two_step_challenges (token_hash, user_id, expires_at) VALUES ($1, $2, $3)",
        token_hash,
        user_id.get(),
        expires_at
    )?;
    Ok(())
}

/// The member of a live challenge.
pub async fn challenge_user(
    c: &mut impl Exec,
    token_hash: &str,
    now: i64,
) -> Result<Option<UserId>> {
    let id: Option<i64> = query_scalar!(
        c,
        fetch_optional,
        i64,
        "SELECT user_id FROM two_step_challenges WHERE token_hash = $1 AND expires_at > $2",
        token_hash,
        now
    )?;
    Ok(id.map(UserId::new))
}

/// Ends a challenge (used or given up); also drops the member's expired ones.
pub async fn delete_challenge(c: &mut impl Exec, token_hash: &str, now: i64) -> Result<()> {
    execute!(
        c,
        "DELETE FROM two_step_challenges WHERE token_hash = $1 OR expires_at <= $2",
        token_hash,
        now
    )?;
    Ok(())
}

/// Records that a session confirmed the password (and code) now.
pub async fn mark_reauthenticated(
    c: &mut impl Exec,
    session_hash: &str,
    user_id: UserId,
    now: i64,
) -> Result<()> {
    execute!(
        c,
        "DELETE FROM reauthentications WHERE session_hash = $1",
        session_hash
    )?;
    execute!(
        c,
        "INSERT INTO reauthentications (session_hash, user_id, at) VALUES ($1, $2, $3)",
        session_hash,
        user_id.get(),
        now
    )?;
    Ok(())
}

/// When this session of this member last confirmed the password.
pub async fn reauthenticated_at(
    c: &mut impl Exec,
    session_hash: &str,
    user_id: UserId,
) -> Result<Option<i64>> {
    Ok(query_scalar!(
        c,
        fetch_optional,
        i64,
        "SELECT at FROM reauthentications WHERE session_hash = $1 AND user_id = $2",
        session_hash,
        user_id.get()
    )?)
}
