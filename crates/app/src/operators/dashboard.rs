//! The operator console's front page: what is waiting for an operator.

use yorozu_store::identity;

use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

/// Counts shown on the dashboard.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Dashboard {
    /// Identity documents waiting for a decision.
    pub pending_documents: i64,
    /// Disputes waiting for a decision.
    pub open_disputes: i64,
    /// Reported targets and review requests waiting in the moderation queue.
    pub moderation_waiting: i64,
}

pub async fn summary(app: &App, operator: &CurrentUser) -> AppResult<Dashboard> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut c = app.db.read().await?;
    Ok(Dashboard {
        pending_documents: identity::count_pending(&mut c).await?,
        open_disputes: crate::orders::dispute_decide::open_count(&mut c).await?,
        moderation_waiting: crate::moderation::queue::waiting(&mut c).await?,
    })
}
