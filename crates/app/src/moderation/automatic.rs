//! Entries the platform files itself (no reporter): e.g. the contact-details detector, when a
//! writer sends a text it flagged anyway. They land in the same queue as members' reports.

use yorozu_domain::moderation::{ReportReason, ReportState};
use yorozu_store::Exec;
use yorozu_store::moderation::reports::{self, ReportRow};

use super::{Target, targets};
use crate::{App, AppResult};

/// Files a system entry about `target` inside the caller's transaction, with `note` (what the
/// detector saw) as its comment. A target that already has an open system entry gets no
/// second one; a target that is gone gets none.
pub async fn flag_automatically(
    c: &mut impl Exec,
    app: &App,
    target: Target,
    reason: ReportReason,
    note: &str,
) -> AppResult<bool> {
    let open = reports::open_for(c, target.kind, target.id).await?;
    if open.iter().any(|r| r.reporter_id.is_none()) {
        return Ok(false);
    }
    let Some(content) = targets::load(c, target).await? else {
        return Ok(false);
    };
    let now = app.now();
    reports::insert(
        c,
        &ReportRow {
            id: app.new_id(),
            reporter_id: None,
            target_kind: target.kind,
            target_id: target.id,
            target_owner_id: content.owner,
            reason,
            comment: note
                .chars()
                .take(yorozu_domain::moderation::TEXT_MAX_CHARS)
                .collect(),
            state: ReportState::Open,
            outcome: None,
            created_at: now,
            updated_at: now,
            decided_at: None,
        },
    )
    .await?;
    Ok(true)
}
