//! The reporter's own reports and how each ended (通報履歴). Nobody sees others' reports.

use yorozu_domain::moderation::{Outcome, ReportReason, ReportState};
use yorozu_store::moderation::reports;

use super::Target;
use crate::accounts::CurrentUser;
use crate::{App, AppResult};

/// How many reports the history lists.
pub const SHOWN: i64 = 100;

/// One of the member's reports.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MyReport {
    pub id: i64,
    pub target: Target,
    pub reason: ReportReason,
    pub comment: String,
    pub state: ReportState,
    /// What the operators did, once decided.
    pub outcome: Option<Outcome>,
    pub created_at: i64,
    pub decided_at: Option<i64>,
}

/// The member's reports, newest first.
pub async fn list(app: &App, member: &CurrentUser) -> AppResult<Vec<MyReport>> {
    let mut c = app.db.read().await?;
    Ok(reports::of_member(&mut c, member.id, SHOWN)
        .await?
        .into_iter()
        .map(|r| MyReport {
            id: r.id,
            target: Target {
                kind: r.target_kind,
                id: r.target_id,
            },
            reason: r.reason,
            comment: r.comment,
            state: r.state,
            outcome: r.outcome,
            created_at: r.created_at,
            decided_at: r.decided_at,
        })
        .collect())
}
