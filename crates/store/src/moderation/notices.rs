//! What operators told a member: warnings, removed content, held services, suspensions.

use yorozu_domain::UserId;

use crate::{Exec, Result, execute, query_as};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NoticeRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    /// A message-id suffix: `warning`, `service-hidden`, `service-restored`, `content-removed`,
    /// `suspended`, `suspension-lifted`.
    pub kind: String,
    /// What it is about (a service's title, a message's first words); may be empty.
    pub subject: String,
    pub reason: String,
    pub created_at: i64,
}

pub async fn insert(c: &mut impl Exec, n: &NoticeRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO moderation_notices (id, user_id, kind, subject, reason, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
        n.id,
        n.user_id.get(),
        &n.kind,
        &n.subject,
        &n.reason,
        n.created_at
    )?;
    Ok(())
}

/// A member's notices, newest first.
pub async fn of_member(c: &mut impl Exec, user_id: UserId, limit: i64) -> Result<Vec<NoticeRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        NoticeRow,
        "SELECT id, user_id, kind, subject, reason, created_at FROM moderation_notices
         WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
        user_id.get(),
        limit
    )?)
}

/// At the purge.
pub async fn delete_of(c: &mut impl Exec, user_id: UserId, limit: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM moderation_notices WHERE id IN
            (SELECT id FROM moderation_notices WHERE user_id = $1 LIMIT $2)",
        user_id.get(),
        limit
    )?)
}

/// At the purge: the operators' reasons about the member are cleared from the audit log
/// (free text that may name them); the entries stay with their action, operator and time.
pub async fn clear_audit_reasons(c: &mut impl Exec, user_id: UserId, limit: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE audit_log SET detail = '' WHERE id IN
            (SELECT id FROM audit_log
             WHERE target_user_id = $1 AND action LIKE 'moderation.%' AND detail <> ''
             LIMIT $2)",
        user_id.get(),
        limit
    )?)
}
