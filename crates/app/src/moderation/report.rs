//! Filing a report (通報): one per reporter and target. Reporting the same target again while
//! the report is open rewrites it; once an operator decided, it is refused politely.

use yorozu_domain::moderation::{Activity, ReportReason, ReportState, TargetKind};
use yorozu_i18n::Arg;
use yorozu_store::moderation::reports::{self, ReportRow};

use super::{Target, targets};
use crate::accounts::CurrentUser;
use crate::{App, AppError, AppResult, Fields};

/// What the reporter entered.
#[derive(Debug, Clone, Default)]
pub struct ReportInput {
    pub reason: String,
    pub comment: String,
}

/// Whether the report is new or rewrote the member's open one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filed {
    Created,
    Updated,
}

/// What the report form shows about its target before the member writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportForm {
    pub target: Target,
    /// A service's title or a profile's name, or the first words of a message or review.
    pub about: String,
    /// The member's earlier report of this target, if any: reason, comment, state, when.
    pub earlier: Option<(ReportReason, String, ReportState, i64)>,
}

/// The target as the member may report it: it exists, it is not their own, and a message
/// belongs to one of their orders (anyone else gets "not found", as order ids reveal nothing).
async fn reportable(
    c: &mut impl yorozu_store::Exec,
    member: &CurrentUser,
    target: Target,
) -> AppResult<targets::Content> {
    let content = targets::load(c, target).await?.ok_or(AppError::NotFound)?;
    if let Some((buyer, seller)) = content.parties
        && member.id != buyer
        && member.id != seller
    {
        return Err(AppError::NotFound);
    }
    if content.owner == Some(member.id) {
        return Err(AppError::Conflict("moderation-report-own"));
    }
    Ok(content)
}

/// The form for reporting `target`.
pub async fn form(app: &App, member: &CurrentUser, target: Target) -> AppResult<ReportForm> {
    let mut c = app.db.read().await?;
    let content = reportable(&mut c, member, target).await?;
    let earlier = reports::of_reporter(&mut c, member.id, target.kind, target.id)
        .await?
        .map(|r| (r.reason, r.comment, r.state, r.created_at));
    let about = match target.kind {
        TargetKind::Service | TargetKind::Profile | TargetKind::Offer | TargetKind::Request => {
            content.title
        }
        TargetKind::Message
        | TargetKind::Review
        | TargetKind::ConsultationMessage
        | TargetKind::Tip => targets::excerpt(&content.text),
    };
    Ok(ReportForm {
        target,
        about,
        earlier,
    })
}

/// Files the member's report of `target`; the reporter gets a receipt by mail.
pub async fn file(
    app: &App,
    member: &CurrentUser,
    target: Target,
    input: &ReportInput,
) -> AppResult<Filed> {
    let mut fields = Fields::default();
    let reason = fields.check(
        "reason",
        ReportReason::parse(&input.reason)
            .ok_or_else(|| crate::FieldError::new("reason", "moderation-reason-required")),
    );
    let comment = fields.check("comment", super::parse_text(&input.comment));
    let (reason, comment) = fields.finish(reason.zip(comment))?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    super::standing::check(&mut tx, member.id, Activity::Report).await?;
    let content = reportable(&mut tx, member, target).await?;
    let filed = match reports::of_reporter(&mut tx, member.id, target.kind, target.id).await? {
        Some(earlier) if earlier.state == ReportState::Open => {
            reports::update_open(&mut tx, earlier.id, reason, &comment, now).await?;
            Filed::Updated
        }
        Some(_) => return Err(AppError::Conflict("moderation-report-already-decided")),
        None => {
            reports::insert(
                &mut tx,
                &ReportRow {
                    id: app.new_id(),
                    reporter_id: Some(member.id),
                    target_kind: target.kind,
                    target_id: target.id,
                    target_owner_id: content.owner,
                    reason,
                    comment,
                    state: ReportState::Open,
                    outcome: None,
                    created_at: now,
                    updated_at: now,
                    decided_at: None,
                },
            )
            .await?;
            Filed::Created
        }
    };
    if filed == Filed::Created {
        super::mail::send(
            &mut tx,
            app,
            member.id,
            "moderation-report-received",
            &[("target", Arg::from(target.kind.as_str()))],
        )
        .await?;
    }
    tx.commit().await?;
    Ok(filed)
}
