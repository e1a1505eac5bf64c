//! Improvement hints on the withdrawal page (退会ページの改善のヒント): when a member with
//! services ticks 「売れない」, the page shows their numbers and hints beside the form, without
//! any extra step. Whether they saw them is recorded (first time only, in
//! `withdrawal_hint_views`) so that the statistics can tell whether members who saw hints
//! stayed: a purge counts the member as `hints-withdrew`, and a member still active
//! [`STAY_DAYS`] days after seeing them counts as `hints-stayed`; then the row is deleted, so
//! no member's id is kept longer than the outcome takes to know.

use yorozu_domain::listings::ListingStatus;
use yorozu_store::withdrawal::{hint_views, stats};

use super::month_of;
use crate::accounts::CurrentUser;
use crate::analytics::report::{self, Figures};
use crate::hints::{self, ServiceHints};
use crate::{App, AppResult};

/// A member who saw the hints and is still active this many days later "stayed".
pub const STAY_DAYS: i64 = 30;

/// The statistics' event names.
pub const EVENT_WITHDREW: &str = "hints-withdrew";
pub const EVENT_STAYED: &str = "hints-stayed";

/// The window of the numbers shown (days).
pub const SUMMARY_DAYS: i64 = 30;

/// Rows settled per batch by [`settle_due`].
const SETTLE_BATCH: i64 = 500;

/// What the withdrawal page shows a seller who ticks 「売れない」.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HintsSummary {
    /// The last [`SUMMARY_DAYS`] days over all the member's services.
    pub totals: Figures,
    pub days: i64,
    /// Every service (deleted ones left out) with its hints.
    pub services: Vec<ServiceHints>,
}

impl HintsSummary {
    /// How many hints in all.
    pub fn hint_count(&self) -> usize {
        self.services.iter().map(|s| s.hints.len()).sum()
    }
}

/// The summary for a member with services; `None` for a member without any (they see
/// nothing extra).
pub async fn summary(app: &App, member: &CurrentUser) -> AppResult<Option<HintsSummary>> {
    let services = hints::for_seller(app, member).await?;
    if services.is_empty() {
        return Ok(None);
    }
    let numbers = report::for_seller(app, member, SUMMARY_DAYS).await?;
    Ok(Some(HintsSummary {
        totals: numbers.report.totals,
        days: numbers.report.days,
        services,
    }))
}

/// Whether the member has a service the panel would show (not deleted).
async fn has_services(app: &App, member: &CurrentUser) -> AppResult<bool> {
    let mut c = app.db.read().await?;
    let rows = yorozu_store::listings::rows::list_by_seller(&mut c, member.id, 200).await?;
    Ok(rows.iter().any(|l| l.status != ListingStatus::Deleted))
}

/// Records that the member was shown the hints (the panel became visible, or they confirmed
/// a withdrawal with 「売れない」 ticked). Nothing for a member without services, who is shown
/// none. Returns whether a new row was recorded.
pub async fn record_seen(app: &App, member: &CurrentUser) -> AppResult<bool> {
    if !has_services(app, member).await? {
        return Ok(false);
    }
    let mut tx = app.db.begin().await?;
    let added = hint_views::record(&mut tx, member.id, app.now()).await?;
    tx.commit().await?;
    Ok(added)
}

/// The purge's part: a member who saw the hints and is being purged withdrew. Counted once
/// (the row goes in the same transaction), so a resumed purge counts nothing more.
pub async fn settle_withdrawn(
    tx: &mut impl yorozu_store::Exec,
    member: yorozu_domain::UserId,
    now: i64,
) -> AppResult<u64> {
    if hint_views::take(tx, member).await?.is_some() {
        stats::count_event(tx, &month_of(now), EVENT_WITHDREW).await?;
        return Ok(1);
    }
    Ok(0)
}

/// Counts members still active [`STAY_DAYS`] after seeing the hints as stayed, and deletes
/// their rows (maintenance). Returns how many were settled.
pub async fn settle_due(app: &App) -> AppResult<u64> {
    let now = app.now();
    let before = now - STAY_DAYS * 86_400;
    let mut settled = 0;
    loop {
        let rows = {
            let mut c = app.db.read().await?;
            hint_views::stayed_before(&mut c, before, SETTLE_BATCH).await?
        };
        if rows.is_empty() {
            return Ok(settled);
        }
        let mut tx = app.db.begin_background().await?;
        for (member, seen_at) in &rows {
            if hint_views::delete_seen(&mut tx, *member, *seen_at).await? {
                stats::count_event(&mut tx, &month_of(now), EVENT_STAYED).await?;
                settled += 1;
            }
        }
        tx.commit().await?;
        if i64::try_from(rows.len()).unwrap_or(i64::MAX) < SETTLE_BATCH {
            return Ok(settled);
        }
    }
}
