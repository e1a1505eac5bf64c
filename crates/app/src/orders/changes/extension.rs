//! Delivery-date extensions (納品予定日の延長): either side of an order in progress asks for
//! more days with a reason; the other accepts (the due date moves by the days) or declines.
//! The requester may withdraw the request while it is open. At most one is open at a time.

use yorozu_domain::OrderId;
use yorozu_domain::moderation::Activity;
use yorozu_domain::orders::changes::{ExtensionStatus, parse_extra_days};
use yorozu_domain::orders::text::REASON_MAX_CHARS;
use yorozu_domain::orders::{OrderState, OrderText};
use yorozu_store::orders::changes::{self as store, ExtensionRow};

use super::notify::{self, ChangeEvent};
use crate::accounts::CurrentUser;
use crate::orders::lock_for;
use crate::{App, AppError, AppResult, Fields};

/// A party asks to move the due date by `days` (1–60) for `reason`; the other side is told.
pub async fn request(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    days: &str,
    reason: &str,
) -> AppResult<i64> {
    let mut fields = Fields::default();
    let days = fields.check("extra_days", parse_extra_days(days, 1));
    let reason = fields.check("reason", OrderText::parse(reason, REASON_MAX_CHARS, true));
    let (days, reason) = fields.finish(days.zip(reason))?;
    let mut tx = app.db.begin().await?;
    let (order, party) = lock_for(&mut tx, order_id, member.id).await?;
    crate::moderation::standing::check(&mut tx, member.id, Activity::SendMessage).await?;
    if order.state != OrderState::InProgress {
        return Err(AppError::Conflict("order-transition-not-allowed"));
    }
    let row = ExtensionRow {
        id: app.new_id(),
        order_id,
        requested_by: member.id,
        reason: reason.into_string(),
        extra_days: days,
        status: ExtensionStatus::Open,
        answer: String::new(),
        created_at: app.now(),
        answered_at: None,
    };
    if !store::insert_extension(&mut tx, &row).await? {
        return Err(AppError::Conflict("order-extension-already-open"));
    }
    let due = super::due_date(&mut tx, &order).await?.unwrap_or(0);
    let proposed_due = due + days * yorozu_domain::time::SECONDS_PER_DAY;
    notify::extension(
        &mut tx,
        app,
        &order,
        &row,
        proposed_due,
        party.counterpart(&order),
        ChangeEvent::ExtensionRequested,
    )
    .await?;
    tx.commit().await?;
    Ok(row.id)
}

/// How the other side answers an extension request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Accept,
    Decline,
}

/// The other side accepts (the due date moves) or declines (with an optional answer); the
/// requester is told, with the due date that now holds.
pub async fn answer(
    app: &App,
    member: &CurrentUser,
    order_id: OrderId,
    answer: Answer,
    text: &str,
) -> AppResult<()> {
    let mut fields = Fields::default();
    let text = fields.check("answer", OrderText::parse(text, REASON_MAX_CHARS, false));
    let text = fields.finish(text)?;
    let mut tx = app.db.begin().await?;
    let (order, _) = lock_for(&mut tx, order_id, member.id).await?;
    let open = store::open_extension(&mut tx, order_id)
        .await?
        .ok_or(AppError::Conflict("order-extension-not-open"))?;
    if open.requested_by == member.id {
        return Err(AppError::Conflict("order-extension-own-request"));
    }
    if order.state != OrderState::InProgress {
        return Err(AppError::Conflict("order-transition-not-allowed"));
    }
    let (status, event) = match answer {
        Answer::Accept => (ExtensionStatus::Accepted, ChangeEvent::ExtensionAccepted),
        Answer::Decline => (ExtensionStatus::Declined, ChangeEvent::ExtensionDeclined),
    };
    if !store::end_extension(&mut tx, open.id, status, text.as_str(), app.now()).await? {
        return Err(AppError::Conflict("order-changed"));
    }
    let due = super::due_date(&mut tx, &order).await?.unwrap_or(0);
    let answered = ExtensionRow {
        status,
        answer: text.into_string(),
        ..open
    };
    notify::extension(
        &mut tx,
        app,
        &order,
        &answered,
        due,
        answered.requested_by,
        event,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The requester withdraws their open request; the other side is told.
pub async fn withdraw(app: &App, member: &CurrentUser, order_id: OrderId) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let (order, party) = lock_for(&mut tx, order_id, member.id).await?;
    let open = store::open_extension(&mut tx, order_id)
        .await?
        .filter(|e| e.requested_by == member.id)
        .ok_or(AppError::Conflict("order-extension-not-open"))?;
    if !store::end_extension(&mut tx, open.id, ExtensionStatus::Withdrawn, "", app.now()).await? {
        return Err(AppError::Conflict("order-changed"));
    }
    let due = super::due_date(&mut tx, &order).await?.unwrap_or(0);
    notify::extension(
        &mut tx,
        app,
        &order,
        &open,
        due,
        party.counterpart(&order),
        ChangeEvent::ExtensionWithdrawn,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
