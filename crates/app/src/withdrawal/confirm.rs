//! The member confirms their withdrawal: password re-entry, optional reasons, an
//! acknowledgement of each amount that would be forfeited, and the choice between the grace
//! period and erasure now. With nothing blocking, the account closes at once; otherwise the
//! withdrawal can be scheduled to close it when the last blocker clears.

use yorozu_domain::WithdrawalId;
use yorozu_domain::Yen;
use yorozu_domain::accounts::AccountStatus;
use yorozu_domain::withdrawal::{ReasonError, Reasons, WithdrawalState};
use yorozu_store::accounts::{sign_in_failures, users};
use yorozu_store::withdrawal::withdrawals::{self, WithdrawalRow};

use super::close::{self, Closed};
use super::readiness::{self, Forfeits, Readiness};
use super::schedule;
use crate::accounts::CurrentUser;
use crate::crypto::verify_password;
use crate::{App, AppError, AppResult, FieldError};

/// What the member sent.
#[derive(Debug, Clone, Default)]
pub struct Confirmation {
    pub password: String,
    /// Ticked reason keys (ReasonChoice::key) and the comment.
    pub reasons: Vec<String>,
    pub comment: String,
    /// The amounts the member saw and ticked (0 where nothing was ticked).
    pub acknowledged: Forfeits,
    pub erase_now: bool,
}

/// When the account should close.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Now; refused while anything blocks.
    Now,
    /// Now if nothing blocks, otherwise as soon as the last blocker clears.
    WhenReady,
}

/// What came of a confirmation.
#[derive(Debug, Clone)]
pub enum Outcome {
    Closed(Closed),
    /// Scheduled: closes by itself when the blockers clear (`clears_at` when all have a date).
    Scheduled {
        withdrawal_id: WithdrawalId,
        readiness: Readiness,
    },
}

/// Confirms `member`'s withdrawal.
pub async fn withdraw(
    app: &App,
    member: &CurrentUser,
    confirmation: &Confirmation,
    when: When,
) -> AppResult<Outcome> {
    let reasons = Reasons::parse(
        confirmation.reasons.iter().map(String::as_str),
        &confirmation.comment,
    )
    .map_err(reason_error)?;
    check_password(app, member, &confirmation.password).await?;

    let row = WithdrawalRow {
        id: app.new_id(),
        user_id: member.id,
        state: WithdrawalState::Scheduled,
        erase_now: confirmation.erase_now,
        acknowledged_sales: Yen::new(confirmation.acknowledged.sales_balance),
        acknowledged_points: confirmation.acknowledged.points,
        forfeited_sales: Yen::ZERO,
        forfeited_points: 0,
        reason_choices: reasons.stored_choices(),
        reason_comment: reasons.comment().to_owned(),
        requested_at: app.now(),
        closed_at: None,
        purge_at: None,
        purge_step: None,
        purged_at: None,
        ended_reason: None,
        ended_at: None,
        updated_at: app.now(),
        reason_id: None,
    };
    let mut tx = app.db.begin().await?;
    if !users::lock_active(&mut tx, member.id).await? {
        return Err(AppError::Conflict("account-closed"));
    }
    if withdrawals::open_for(&mut tx, member.id).await?.is_some() {
        return Err(AppError::Conflict("withdrawal-already-requested"));
    }
    withdrawals::insert(&mut tx, &row).await?;
    // The member's row is locked: no purchase, sale or payout request of theirs can commit
    // between this check and the closing.
    let current = readiness::assess(&mut tx, app, member.id).await?;
    check_acknowledged(&current.forfeits, &confirmation.acknowledged)?;
    if !current.is_ready() {
        if when == When::Now {
            return Err(AppError::Conflict("withdrawal-blocked"));
        }
        schedule::start(&mut tx, app, &row, &current).await?;
        tx.commit().await?;
        return Ok(Outcome::Scheduled {
            withdrawal_id: row.id,
            readiness: current,
        });
    }
    let closed = close::close_in(&mut tx, app, &row).await?;
    tx.commit().await?;
    Ok(Outcome::Closed(closed))
}

/// The password re-entry, throttled like sign-in (the same failure counter per address), so
/// that a stolen session cannot be used to guess the password here either.
async fn check_password(app: &App, member: &CurrentUser, password: &str) -> AppResult<()> {
    let now = app.now();
    let email_hash = app.signer.email_hash(&member.email);
    let mut c = app.db.read().await?;
    let window_start = now - app.policy.sign_in_window_minutes * 60;
    if sign_in_failures::count_for_email_since(&mut c, &email_hash, window_start).await?
        >= app.policy.sign_in_max_failures_per_email
    {
        return Err(AppError::Throttled {
            retry_after_seconds: app.policy.sign_in_window_minutes * 60,
        });
    }
    let user = users::find(&mut c, member.id).await?;
    drop(c);
    if user
        .as_ref()
        .is_none_or(|u| u.status != AccountStatus::Active)
    {
        return Err(AppError::Conflict("account-closed"));
    }
    let hash = user.and_then(|u| u.password_hash).unwrap_or_default();
    if password.is_empty() || !verify_password(password, &hash) {
        let mut tx = app.db.begin().await?;
        sign_in_failures::record(&mut tx, app.new_id(), &email_hash, "withdrawal", now).await?;
        tx.commit().await?;
        return Err(AppError::Invalid(vec![FieldError::new(
            "password",
            "withdrawal-password-wrong",
        )]));
    }
    Ok(())
}

/// Each amount that would be forfeited must have been ticked, at exactly the amount shown now;
/// an acknowledgement of an amount that is no longer there is refused too (the page is stale).
fn check_acknowledged(now: &Forfeits, acknowledged: &Forfeits) -> AppResult<()> {
    if (now.sales_balance == 0 && acknowledged.sales_balance != 0)
        || (now.points == 0 && acknowledged.points != 0)
    {
        return Err(AppError::Conflict("withdrawal-amounts-changed"));
    }
    let mut errors = Vec::new();
    if now.sales_balance > 0 && acknowledged.sales_balance != now.sales_balance {
        errors.push(
            FieldError::new("acknowledge_sales", "withdrawal-acknowledge-sales")
                .with("amount", now.sales_balance),
        );
    }
    if now.points > 0 && acknowledged.points != now.points {
        errors.push(
            FieldError::new("acknowledge_points", "withdrawal-acknowledge-points")
                .with("points", now.points),
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

fn reason_error(e: ReasonError) -> AppError {
    let field = match e {
        ReasonError::UnknownChoice => "reasons",
        ReasonError::CommentTooLong { .. } => "comment",
    };
    AppError::refused(field, &e)
}
