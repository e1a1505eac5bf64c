//! The operators' audit log: every operator action, append-only.

use crate::{Exec, Result, execute, query_as};
use yorozu_domain::UserId;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub operator_id: UserId,
    pub action: String,
    #[sqlx(try_from = "crate::OptionalId")]
    pub target_user_id: Option<UserId>,
    pub detail: String,
    pub at: i64,
}

pub async fn append(c: &mut impl Exec, row: &AuditRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO audit_log (id, operator_id, action, target_user_id, detail, at) VALUES ($1, $2, $3, $4, $5, $6)",
        row.id,
        row.operator_id.get(),
        &row.action,
        row.target_user_id.map(UserId::get),
        &row.detail,
        row.at
    )?;
    Ok(())
}

/// Newest first, `limit` rows before `before` (an id, for paging).
pub async fn list(c: &mut impl Exec, before: Option<i64>, limit: i64) -> Result<Vec<AuditRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        AuditRow,
        "SELECT id, operator_id, action, target_user_id, detail, at FROM audit_log
         WHERE id < $1 ORDER BY id DESC LIMIT $2",
        before.unwrap_or(i64::MAX),
        limit
    )?)
}

/// An audit entry with the display names of the operator and the member it concerns (`None`
/// when that profile is gone).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NamedAuditRow {
    #[sqlx(flatten)]
    pub entry: AuditRow,
    pub operator_name: Option<String>,
    pub target_name: Option<String>,
}

/// Like [`list`], with display names for the operators' screen.
pub async fn list_named(
    c: &mut impl Exec,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<NamedAuditRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        NamedAuditRow,
        "SELECT a.id, a.operator_id, a.action, a.target_user_id, a.detail, a.at,
                op.display_name AS operator_name, t.display_name AS target_name
         FROM audit_log a
         LEFT JOIN profiles op ON op.user_id = a.operator_id
         LEFT JOIN profiles t ON t.user_id = a.target_user_id
         WHERE a.id < $1 ORDER BY a.id DESC LIMIT $2",
        before.unwrap_or(i64::MAX),
        limit
    )?)
}
