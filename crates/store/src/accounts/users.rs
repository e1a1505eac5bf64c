//! The `users` table: one row per account, kept as a tombstone after withdrawal.

use yorozu_domain::UserId;
use yorozu_domain::accounts::{AccountStatus, Role};

use crate::{Exec, Result, execute, query_as};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    #[sqlx(try_from = "i64")]
    pub id: UserId,
    pub email: Option<String>,
    pub email_verified_at: Option<i64>,
    pub password_hash: Option<String>,
    #[sqlx(try_from = "String")]
    pub status: AccountStatus,
    #[sqlx(try_from = "String")]
    pub role: Role,
    pub locale: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug)]
pub struct NewUser<'a> {
    pub id: UserId,
    pub email: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub locale: &'a str,
    pub now: i64,
}

/// Inserts an active, unconfirmed account. A taken e-mail fails with a unique violation.
pub async fn insert(c: &mut impl Exec, u: &NewUser<'_>) -> Result<()> {
    execute!(
        c,
        "INSERT INTO users (id, email, email_verified_at, password_hash, status, role, locale, created_at, updated_at)
         VALUES ($1, $2, NULL, $3, 'active', $4, $5, $6, $6)",
        u.id.get(),
        u.email,
        u.password_hash,
        u.role.as_str(),
        u.locale,
        u.now
    )?;
    Ok(())
}

pub async fn find(c: &mut impl Exec, id: UserId) -> Result<Option<UserRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        UserRow,
        "SELECT id, email, email_verified_at, password_hash, status, role, locale, created_at, updated_at
         FROM users WHERE id = $1",
        id.get()
    )?)
}

pub async fn find_by_email(c: &mut impl Exec, email: &str) -> Result<Option<UserRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        UserRow,
        "SELECT id, email, email_verified_at, password_hash, status, role, locale, created_at, updated_at
         FROM users WHERE email = $1",
        email
    )?)
}

pub async fn mark_email_verified(c: &mut impl Exec, id: UserId, now: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE users SET email_verified_at = COALESCE(email_verified_at, $2), updated_at = $2 WHERE id = $1",
        id.get(),
        now
    )?;
    Ok(())
}

pub async fn set_password_hash(c: &mut impl Exec, id: UserId, hash: &str, now: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1",
        id.get(),
        hash,
        now
    )?;
    Ok(())
}

/// Replaces the address and marks it confirmed (the change was confirmed by mail).
pub async fn set_email(c: &mut impl Exec, id: UserId, email: &str, now: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE users SET email = $2, email_verified_at = $3, updated_at = $3 WHERE id = $1",
        id.get(),
        email,
        now
    )?;
    Ok(())
}

pub async fn set_locale(c: &mut impl Exec, id: UserId, locale: &str, now: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE users SET locale = $2, updated_at = $3 WHERE id = $1",
        id.get(),
        locale,
        now
    )?;
    Ok(())
}

pub async fn set_role(c: &mut impl Exec, id: UserId, role: Role, now: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE users SET role = $2, updated_at = $3 WHERE id = $1",
        id.get(),
        role.as_str(),
        now
    )?;
    Ok(())
}

/// Serialises a member's money-related writes for the rest of the transaction (their points,
/// coupons, purchase keys, payout requests, bank account): PostgreSQL locks the user row
/// `FOR UPDATE`; SQLite's single writer serialises write transactions anyway.
pub async fn lock(c: &mut impl Exec, id: UserId) -> Result<()> {
    if matches!(c.backend(), crate::Backend::Postgres) {
        execute!(c, "SELECT id FROM users WHERE id = $1 FOR UPDATE", id.get())?;
    }
    Ok(())
}

/// Like [`lock`], and says whether the account is active: a closed (withdrawing) account may
/// not buy, sell or request a payout. The lock makes the answer hold until commit, because a
/// withdrawal closes the account by updating this row.
pub async fn lock_active(c: &mut impl Exec, id: UserId) -> Result<bool> {
    let sql = match c.backend() {
        crate::Backend::Postgres => "SELECT status FROM users WHERE id = $1 FOR UPDATE",
        crate::Backend::Sqlite => "SELECT status FROM users WHERE id = $1",
    };
    let status: Option<String> = crate::query_scalar!(c, fetch_optional, String, sql, id.get())?;
    Ok(status.as_deref() == Some(AccountStatus::Active.as_str()))
}

/// Whether the account is active, holding a shared lock on PostgreSQL until commit: a seller
/// whose service is being bought cannot withdraw in between, while purchases from the same
/// seller do not wait for each other.
pub async fn share_active(c: &mut impl Exec, id: UserId) -> Result<bool> {
    let sql = match c.backend() {
        crate::Backend::Postgres => "SELECT status FROM users WHERE id = $1 FOR SHARE",
        crate::Backend::Sqlite => "SELECT status FROM users WHERE id = $1",
    };
    let status: Option<String> = crate::query_scalar!(c, fetch_optional, String, sql, id.get())?;
    Ok(status.as_deref() == Some(AccountStatus::Active.as_str()))
}

/// Sets the account's status (`active`, `closed`) if it is `from` now; false if it was not.
pub async fn set_status(
    c: &mut impl Exec,
    id: UserId,
    from: AccountStatus,
    to: AccountStatus,
    now: i64,
) -> Result<bool> {
    Ok(execute!(
        c,
        "UPDATE users SET status = $3, updated_at = $4 WHERE id = $1 AND status = $2",
        id.get(),
        from.as_str(),
        to.as_str(),
        now
    )? == 1)
}
