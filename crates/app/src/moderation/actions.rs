//! An operator's decision on a reported target: one action with a reason, which closes every
//! open report of the target with that outcome. The member concerned gets a notice and mail
//! with the reason, each reporter a mail with the outcome, and the audit log an entry.

use yorozu_domain::ListingId;
use yorozu_domain::moderation::{ModerationAction, TargetKind};
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::moderation::{reports, targets as target_rows};

use super::holds::{self, HIDDEN};
use super::notices::{NoticeKind, tell};
use super::suspension::{Suspended, SuspensionInput};
use super::{Target, targets};
use crate::accounts::CurrentUser;
use crate::operators::audit;
use crate::{App, AppError, AppResult};

/// The talk-room note that replaces a removed message (a message id in the reader's language).
pub const MESSAGE_REMOVED_NOTE: &str = "order-event-message-removed";

/// What the operator decided.
#[derive(Debug, Clone, Default)]
pub struct DecisionInput {
    /// A [`ModerationAction`] key.
    pub action: String,
    /// The reason the member concerned (and, for a dismissal, nobody else) sees.
    pub reason: String,
    /// For a suspension: `continue` or `cancel` the member's orders in progress.
    pub orders: String,
}

/// What a decision did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    pub action: ModerationAction,
    /// Open reports closed by it.
    pub closed_reports: usize,
    /// For a suspension.
    pub suspended: Option<Suspended>,
}

/// Decides on `target` (see the module).
pub async fn decide(
    app: &App,
    operator: &CurrentUser,
    target: Target,
    input: &DecisionInput,
) -> AppResult<Decided> {
    if !operator.is_operator() {
        return Err(AppError::Forbidden);
    }
    let action = ModerationAction::parse(&input.action)
        .filter(|a| a.fits(target.kind))
        .ok_or_else(|| AppError::invalid("action", "moderation-action-unfit"))?;
    let suspension = if action == ModerationAction::Suspend {
        Some(
            SuspensionInput {
                reason: input.reason.clone(),
                orders: input.orders.clone(),
            }
            .parse()?,
        )
    } else {
        None
    };
    let reason = super::parse_text(&input.reason).map_err(|e| AppError::refused("reason", &e))?;
    let mut tx = app.db.begin().await?;
    let content = targets::load(&mut tx, target).await?;
    // Content that is gone can only be dismissed: there is nothing left to act on.
    let content = match (content, action) {
        (Some(content), _) => Some(content),
        (None, ModerationAction::Dismiss) => None,
        (None, _) => return Err(AppError::NotFound),
    };
    let owner = content.as_ref().and_then(|c| c.owner);
    let subject = content
        .as_ref()
        .map(|c| {
            if c.title.is_empty() {
                targets::excerpt(&c.text)
            } else {
                c.title.clone()
            }
        })
        .unwrap_or_default();
    let mut erased_files = vec![];
    let mut suspended = None;
    match action {
        ModerationAction::Dismiss => {}
        ModerationAction::HideService => {
            let owner = owner.ok_or(AppError::NotFound)?;
            let listing_id = ListingId::new(target.id);
            holds::hold(&mut tx, app, listing_id, owner, HIDDEN, &reason).await?;
            tell(
                &mut tx,
                app,
                owner,
                NoticeKind::ServiceHidden,
                &subject,
                &reason,
            )
            .await?;
        }
        ModerationAction::RemoveContent => {
            erased_files = remove(&mut tx, app, target).await?;
            if let Some(owner) = owner {
                tell(
                    &mut tx,
                    app,
                    owner,
                    NoticeKind::ContentRemoved,
                    &subject,
                    &reason,
                )
                .await?;
            }
        }
        ModerationAction::Warn => {
            let owner = owner.ok_or(AppError::NotFound)?;
            tell(&mut tx, app, owner, NoticeKind::Warning, &subject, &reason).await?;
        }
        ModerationAction::Suspend => {
            let owner = owner.ok_or(AppError::NotFound)?;
            if owner == operator.id {
                return Err(AppError::Conflict("moderation-already-suspended"));
            }
            if let Some(s) = &suspension {
                suspended =
                    Some(super::suspension::suspend_in(&mut tx, app, operator.id, owner, s).await?);
            }
        }
    }
    let closed = reports::close_for(&mut tx, target.kind, target.id, action, app.now()).await?;
    for report in &closed {
        if let Some(reporter) = report.reporter_id {
            super::mail::send(
                &mut tx,
                app,
                reporter,
                "moderation-report-decided",
                &[("outcome", Arg::from(action.as_str()))],
            )
            .await?;
            crate::notifications::raise(
                &mut tx,
                app,
                reporter,
                crate::notifications::NotificationKind::ModerationOutcome,
                crate::notifications::NotificationSubject::Moderation,
            )
            .await?;
        }
    }
    audit::record(
        &mut tx,
        app,
        operator.id,
        &format!("moderation.{}", action.as_str()),
        owner,
        &format!("{} {}: {reason}", target.kind.as_str(), target.id),
    )
    .await?;
    tx.commit().await?;
    // Files go after the commit: a crash leaves unreferenced files, never rows without files.
    for key in erased_files {
        app.files.delete(&key).await?;
    }
    Ok(Decided {
        action,
        closed_reports: closed.len(),
        suspended,
    })
}

/// Replaces a message by the platform's note, deletes a consultation's message, or takes a
/// review out of lists and ratings
/// (the service's rating and rank recomputed); returns files to erase after the commit.
async fn remove(c: &mut impl Exec, app: &App, target: Target) -> AppResult<Vec<String>> {
    match target.kind {
        TargetKind::Message => {
            Ok(target_rows::remove_message(c, target.id, MESSAGE_REMOVED_NOTE).await?)
        }
        TargetKind::Review => {
            let review = target_rows::review(c, target.id)
                .await?
                .ok_or(AppError::NotFound)?;
            target_rows::remove_review(c, target.id, app.now()).await?;
            if review.author_role == "buyer" {
                target_rows::recompute_listing_rating(c, review.listing_id).await?;
                crate::orders::effects::refresh_rank(c, review.listing_id).await?;
            }
            Ok(vec![])
        }
        TargetKind::ConsultationMessage => {
            Ok(target_rows::remove_consultation_message(c, target.id).await?)
        }
        TargetKind::Service
        | TargetKind::Profile
        | TargetKind::Offer
        | TargetKind::Request
        | TargetKind::Tip => Err(AppError::invalid("action", "moderation-action-unfit")),
    }
}
