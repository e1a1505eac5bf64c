//! The moderation queue: open reports grouped by target, oldest first, with counts per
//! reason, the reporters' comments and the content with its author; and the hidden services
//! whose sellers asked for a review.

use std::collections::HashMap;

use yorozu_domain::moderation::ReportReason;
use yorozu_domain::{ListingId, UserId};
use yorozu_store::Exec;
use yorozu_store::moderation::{holds, reports};

use super::{Target, targets};
use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult};

/// How many open reports the queue reads at most.
const MAX_REPORTS: i64 = 2_000;

/// One reporter's words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReportLine {
    pub reason: ReportReason,
    pub comment: String,
    /// Filed by the platform (e.g. the contact-details detector), not a member.
    pub automatic: bool,
    pub at: i64,
}

/// Every open report of one target.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct QueueEntry {
    pub target: Target,
    /// `None` when the content is gone (only a dismissal is left).
    pub content: Option<targets::Content>,
    /// The content's author.
    pub owner_name: Option<String>,
    /// Reports per reason, in the order of [`ReportReason::ALL`], reasons with none left out.
    pub counts: Vec<(ReportReason, usize)>,
    pub total: usize,
    /// The oldest open report's time: the queue's order.
    pub oldest_at: i64,
    pub reports: Vec<ReportLine>,
}

/// A hidden service whose seller asked for a review.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReviewRequest {
    pub listing_id: ListingId,
    pub title: String,
    pub description: String,
    pub seller: UserId,
    pub seller_name: Option<String>,
    /// Why it was hidden.
    pub reason: String,
    pub requested_at: i64,
}

/// The queue's two lists.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Queue {
    pub entries: Vec<QueueEntry>,
    pub review_requests: Vec<ReviewRequest>,
}

async fn name_of(c: &mut impl Exec, user_id: Option<UserId>) -> AppResult<Option<String>> {
    let Some(id) = user_id else {
        return Ok(None);
    };
    Ok(yorozu_store::profiles::find(c, id)
        .await?
        .map(|p| p.display_name))
}

/// The queue (operators only).
pub async fn open(app: &App, operator: &CurrentUser) -> AppResult<Queue> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let mut c = app.db.read().await?;
    let rows = reports::open(&mut c, MAX_REPORTS).await?;
    // Rows come oldest first, so the first report of a target fixes its place.
    let mut order: Vec<Target> = vec![];
    let mut grouped: HashMap<Target, Vec<ReportLine>> = HashMap::new();
    for r in rows {
        let target = Target {
            kind: r.target_kind,
            id: r.target_id,
        };
        grouped
            .entry(target)
            .or_insert_with(|| {
                order.push(target);
                vec![]
            })
            .push(ReportLine {
                reason: r.reason,
                comment: r.comment,
                automatic: r.reporter_id.is_none(),
                at: r.created_at,
            });
    }
    let mut entries = Vec::with_capacity(order.len());
    for target in order {
        let lines = grouped.remove(&target).unwrap_or_default();
        let content = targets::load(&mut c, target).await?;
        let owner_name = name_of(&mut c, content.as_ref().and_then(|c| c.owner)).await?;
        let counts = ReportReason::ALL
            .iter()
            .map(|reason| {
                (
                    *reason,
                    lines.iter().filter(|l| l.reason == *reason).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        entries.push(QueueEntry {
            target,
            content,
            owner_name,
            counts,
            total: lines.len(),
            oldest_at: lines.first().map(|l| l.at).unwrap_or_default(),
            reports: lines,
        });
    }
    let mut review_requests = vec![];
    for hold in holds::review_requested(&mut c, 200).await? {
        let listing = yorozu_store::listings::rows::find(&mut c, hold.listing_id).await?;
        let seller_name = name_of(&mut c, Some(hold.seller_id)).await?;
        review_requests.push(ReviewRequest {
            listing_id: hold.listing_id,
            title: listing
                .as_ref()
                .map(|l| l.title.clone())
                .unwrap_or_default(),
            description: listing.map(|l| l.description).unwrap_or_default(),
            seller: hold.seller_id,
            seller_name,
            reason: hold.reason,
            requested_at: hold.review_requested_at.unwrap_or(hold.created_at),
        });
    }
    Ok(Queue {
        entries,
        review_requests,
    })
}

/// Targets waiting in the queue plus review requests, for the dashboard.
pub async fn waiting(c: &mut impl Exec) -> AppResult<i64> {
    let targets = reports::count_open_targets(c).await?;
    let reviews = holds::review_requested(c, 1_000).await?.len();
    Ok(targets + i64::try_from(reviews).unwrap_or(i64::MAX))
}
