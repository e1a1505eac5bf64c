//! Appends to the audit log inside the transaction of the action it records, and reads it back
//! for the operator console.

use yorozu_domain::UserId;
use yorozu_store::Exec;
use yorozu_store::audit::{self, AuditRow};

use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

pub async fn record(
    c: &mut impl Exec,
    app: &App,
    operator_id: UserId,
    action: &str,
    target: Option<UserId>,
    detail: &str,
) -> AppResult<()> {
    audit::append(
        c,
        &AuditRow {
            id: app.new_id(),
            operator_id,
            action: action.to_owned(),
            target_user_id: target,
            detail: detail.to_owned(),
            at: app.now(),
        },
    )
    .await?;
    Ok(())
}

/// How many entries one page of the log shows.
pub const PAGE_SIZE: usize = 100;

/// One line of the audit log as the console shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub operator_id: UserId,
    /// `None` when the operator's profile is gone.
    pub operator_name: Option<String>,
    pub action: String,
    pub target_user_id: Option<UserId>,
    /// `None` when there is no target or the member's profile is gone (withdrawn).
    pub target_name: Option<String>,
    pub detail: String,
    pub at: i64,
}

/// Newest first, [`PAGE_SIZE`] entries older than the entry `before` (ids are time-ordered).
pub async fn list(
    app: &App,
    operator: &CurrentUser,
    before: Option<i64>,
) -> AppResult<Vec<AuditEntry>> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut c = app.db.read().await?;
    let rows = audit::list_named(&mut c, before, PAGE_SIZE as i64).await?;
    Ok(rows
        .into_iter()
        .map(|r| AuditEntry {
            id: r.entry.id,
            operator_id: r.entry.operator_id,
            operator_name: r.operator_name,
            action: r.entry.action,
            target_user_id: r.entry.target_user_id,
            target_name: r.target_name,
            detail: r.entry.detail,
            at: r.entry.at,
        })
        .collect())
}
