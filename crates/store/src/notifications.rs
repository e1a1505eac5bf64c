//! Per-category notification settings and the marketing-mail suppression list.

use crate::{Exec, Result, execute, query_as, query_scalar};
use yorozu_domain::UserId;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SettingRow {
    pub category: String,
    pub enabled: bool,
}

/// The categories this member has set explicitly; unset categories take the category's default.
pub async fn list(c: &mut impl Exec, user_id: UserId) -> Result<Vec<SettingRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        SettingRow,
        "SELECT category, enabled FROM notification_settings WHERE user_id = $1",
        user_id.get()
    )?)
}

pub async fn get(c: &mut impl Exec, user_id: UserId, category: &str) -> Result<Option<bool>> {
    Ok(query_scalar!(
        c,
        fetch_optional,
        bool,
        "SELECT enabled FROM notification_settings WHERE user_id = $1 AND category = $2",
        user_id.get(),
        category
    )?)
}

/// When the member last changed this setting, if ever.
pub async fn changed_at(c: &mut impl Exec, user_id: UserId, category: &str) -> Result<Option<i64>> {
    Ok(query_scalar!(
        c,
        fetch_optional,
        i64,
        "SELECT updated_at FROM notification_settings WHERE user_id = $1 AND category = $2",
        user_id.get(),
        category
    )?)
}

pub async fn set(
    c: &mut impl Exec,
    user_id: UserId,
    category: &str,
    enabled: bool,
    now: i64,
) -> Result<()> {
    execute!(
        c,
        "INSERT INTO notification_settings (user_id, category, enabled, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, category) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at",
        user_id.get(),
        category,
        enabled,
        now
    )?;
    Ok(())
}

pub async fn is_suppressed(c: &mut impl Exec, email_hash: &str) -> Result<bool> {
    let n: i64 = query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM mail_suppressions WHERE email_hash = $1",
        email_hash
    )?;
    Ok(n > 0)
}

pub async fn suppress(c: &mut impl Exec, email_hash: &str, reason: &str, now: i64) -> Result<()> {
    execute!(
        c,
        "INSERT INTO mail_suppressions (email_hash, reason, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (email_hash) DO NOTHING",
        email_hash,
        reason,
        now
    )?;
    Ok(())
}

/// Lifts a suppression: only called on a new, explicit opt-in.
pub async fn lift_suppression(c: &mut impl Exec, email_hash: &str) -> Result<()> {
    execute!(
        c,
        "DELETE FROM mail_suppressions WHERE email_hash = $1",
        email_hash
    )?;
    Ok(())
}

/// Members who explicitly switched this category on.
pub async fn opted_in_users(c: &mut impl Exec, category: &str) -> Result<Vec<UserId>> {
    let ids: Vec<i64> = query_scalar!(
        c,
        fetch_all,
        i64,
        "SELECT user_id FROM notification_settings WHERE category = $1 AND enabled = TRUE ORDER BY user_id",
        category
    )?;
    Ok(ids.into_iter().map(UserId::new).collect())
}
