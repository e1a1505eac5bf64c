//! The operators' audit log: every operator action, append-only.

use crate::{execute, query_as, Exec, Result};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub operator_id: i64,
    pub action: String,
    pub target_user_id: Option<i64>,
    pub detail: String,
    pub at: i64,
}

pub async fn append(c: &mut impl Exec, row: &AuditRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO audit_log (id, operator_id, action, target_user_id, detail, at) VALUES ($1, $2, $3, $4, $5, $6)",
        row.id,
        row.operator_id,
        &row.action,
        row.target_user_id,
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
