//! Appends to the audit log inside the transaction of the action it records.

use yorozu_store::audit::{self, AuditRow};
use yorozu_store::Exec;

use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

pub async fn record(c: &mut impl Exec, app: &App, operator_id: i64, action: &str, target: Option<i64>, detail: &str) -> AppResult<()> {
    audit::append(
        c,
        &AuditRow { id: app.new_id(), operator_id, action: action.to_owned(), target_user_id: target, detail: detail.to_owned(), at: app.now() },
    )
    .await?;
    Ok(())
}

pub async fn list(app: &App, operator: &CurrentUser, before: Option<i64>) -> AppResult<Vec<AuditRow>> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut c = app.db.read().await?;
    Ok(audit::list(&mut c, before, 100).await?)
}
