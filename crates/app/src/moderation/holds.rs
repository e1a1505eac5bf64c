//! Services held back by moderation. An operator hides a service (it is paused, and only an
//! operator can publish it again); the seller sees why on their services page, may edit it
//! and ask for a review (再審査を依頼); the operator restores it from the queue. A seller's
//! suspension pauses their services the same way, and lifting it publishes them again.

use yorozu_domain::ListingId;
use yorozu_domain::UserId;
use yorozu_domain::listings::ListingStatus;
use yorozu_domain::moderation::Activity;
use yorozu_store::Exec;
use yorozu_store::listings::rows;
use yorozu_store::moderation::holds::{self, HoldRow};

use super::notices::{NoticeKind, tell};
use crate::accounts::CurrentUser;
use crate::operators::audit;
use crate::{App, AppError, AppResult};

/// A hold's cause: an operator's decision.
pub(crate) const HIDDEN: &str = "hidden";
/// A hold's cause: the seller's suspension.
pub(crate) const SUSPENSION: &str = "suspension";

/// Pauses the service if it is published and holds it (`cause`), inside the caller's
/// transaction.
pub(crate) async fn hold(
    c: &mut impl Exec,
    app: &App,
    listing_id: ListingId,
    seller_id: UserId,
    cause: &str,
    reason: &str,
) -> AppResult<()> {
    let now = app.now();
    if let Some(row) = rows::find(c, listing_id).await?
        && row.status == ListingStatus::Published
    {
        rows::set_status(
            c,
            listing_id,
            ListingStatus::Published,
            ListingStatus::Paused,
            now,
        )
        .await?;
    }
    let row = HoldRow {
        listing_id,
        seller_id,
        cause: cause.to_owned(),
        reason: reason.to_owned(),
        created_at: now,
        review_requested_at: None,
    };
    if cause == HIDDEN {
        holds::hide(c, &row).await?;
    } else {
        holds::hold_for_suspension(c, &row).await?;
    }
    Ok(())
}

/// Refuses publishing a held service (409 `moderation-service-held`) or any service of a
/// suspended seller: asked by the listing use cases before a service goes public.
pub async fn check_publishing(
    c: &mut impl Exec,
    seller_id: UserId,
    listing_id: Option<ListingId>,
) -> AppResult<()> {
    super::standing::check(c, seller_id, Activity::PublishService).await?;
    if let Some(id) = listing_id
        && holds::find(c, id).await?.is_some()
    {
        return Err(AppError::Conflict("moderation-service-held"));
    }
    Ok(())
}

/// One of the seller's held services, for the banner on their services page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HeldService {
    pub listing_id: ListingId,
    /// Hidden by an operator (true) or paused with the seller's suspension.
    pub hidden: bool,
    pub reason: String,
    pub since: i64,
    pub review_requested_at: Option<i64>,
}

/// The seller's held services.
pub async fn mine(app: &App, seller: &CurrentUser) -> AppResult<Vec<HeldService>> {
    let mut c = app.db.read().await?;
    Ok(holds::of_seller(&mut c, seller.id)
        .await?
        .into_iter()
        .map(|h| HeldService {
            listing_id: h.listing_id,
            hidden: h.cause == HIDDEN,
            reason: h.reason,
            since: h.created_at,
            review_requested_at: h.review_requested_at,
        })
        .collect())
}

/// The seller asks for a review of their hidden service (after editing it); it appears in
/// the operators' queue.
pub async fn request_review(
    app: &App,
    seller: &CurrentUser,
    listing_id: ListingId,
) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let hold = holds::find(&mut tx, listing_id)
        .await?
        .filter(|h| h.seller_id == seller.id)
        .ok_or(AppError::NotFound)?;
    if hold.cause != HIDDEN {
        return Err(AppError::Conflict("moderation-review-not-needed"));
    }
    super::standing::check(&mut tx, seller.id, Activity::PublishService).await?;
    if !holds::request_review(&mut tx, listing_id, app.now()).await? {
        return Err(AppError::Conflict("moderation-review-already-requested"));
    }
    tx.commit().await?;
    Ok(())
}

/// An operator restores a hidden service: the hold is lifted and the service published again
/// (unless its seller is suspended, in which case it waits for the suspension to end).
pub async fn restore(
    app: &App,
    operator: &CurrentUser,
    listing_id: ListingId,
    reason: &str,
) -> AppResult<()> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let reason = super::parse_text(reason).map_err(|e| AppError::refused("reason", &e))?;
    let mut tx = app.db.begin().await?;
    let hold = holds::find(&mut tx, listing_id)
        .await?
        .filter(|h| h.cause == HIDDEN)
        .ok_or(AppError::NotFound)?;
    let suspended = super::standing::of(&mut tx, hold.seller_id)
        .await?
        .is_suspended();
    if suspended {
        holds::hide(
            &mut tx,
            &HoldRow {
                cause: SUSPENSION.to_owned(),
                ..hold.clone()
            },
        )
        .await?;
    } else {
        holds::lift(&mut tx, listing_id).await?;
        republish(&mut tx, app, listing_id).await?;
    }
    let title = rows::find(&mut tx, listing_id)
        .await?
        .map(|l| l.title)
        .unwrap_or_default();
    tell(
        &mut tx,
        app,
        hold.seller_id,
        NoticeKind::ServiceRestored,
        &title,
        &reason,
    )
    .await?;
    audit::record(
        &mut tx,
        app,
        operator.id,
        "moderation.restore_service",
        Some(hold.seller_id),
        &format!("service {listing_id}: {reason}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes a paused service again (a draft or deleted one stays as it is).
pub(crate) async fn republish(
    c: &mut impl Exec,
    app: &App,
    listing_id: ListingId,
) -> AppResult<()> {
    rows::set_status(
        c,
        listing_id,
        ListingStatus::Paused,
        ListingStatus::Published,
        app.now(),
    )
    .await?;
    Ok(())
}
