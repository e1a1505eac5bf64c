//! A withdrawal scheduled while blockers remain: the member's services stop taking orders at
//! once, and a job re-checks at the date the last blocker clears by itself (or every
//! `withdrawal_recheck_minutes` while one needs someone to act). When nothing blocks any more
//! the account closes — unless something other than what the member acknowledged would now be
//! forfeited (a sale completed meanwhile). Then the balance is requested as a payout to the member's
//! registered bank account, and the account closes after the transfer; where that is not
//! possible (no account, a balance not above the transfer fee, more points) the schedule is
//! called off and the member is told, so nothing is ever forfeited unseen. The member may
//! cancel the schedule at any time.

use yorozu_domain::UserId;
use yorozu_domain::WithdrawalId;
use yorozu_domain::withdrawal::{WithdrawalEnding, WithdrawalState};
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::accounts::users;
use yorozu_store::listings::rows as listing_rows;
use yorozu_store::withdrawal::stats;
use yorozu_store::withdrawal::withdrawals::{self, WithdrawalRow};

use super::Withdrawal;
use super::close::{self, CloseError};
use super::job_kinds::Attempt;
use super::month_of;
use super::readiness::{Readiness, assess};
use crate::accounts::CurrentUser;
use crate::mail::compose::compose;
use crate::mail::{MailCategory, outbox};
use crate::orders::notify::Recipient;
use crate::{App, AppError, AppResult, jobs};

/// Starts the schedule of `row` (already inserted as scheduled) inside the caller's
/// transaction.
pub(crate) async fn start(
    c: &mut impl Exec,
    app: &App,
    row: &WithdrawalRow,
    readiness: &Readiness,
) -> AppResult<()> {
    let now = app.now();
    listing_rows::pause_all_published(c, row.user_id, now).await?;
    let month = month_of(now);
    stats::count_event(c, &month, "scheduled").await?;
    let mut kinds: Vec<&str> = readiness
        .blockers
        .iter()
        .map(|b| b.blocker.kind.key())
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        stats::count_event(c, &month, &format!("blocker:{kind}")).await?;
    }
    recheck_at(c, app, row.id, next_check(app, readiness)).await
}

/// When to look again: when the last blocker clears by itself, but no later than the
/// re-check interval (someone may act sooner).
fn next_check(app: &App, readiness: &Readiness) -> i64 {
    let interval = app.now() + app.policy.withdrawal_recheck_minutes * 60;
    readiness
        .clears_by_itself_at()
        .map_or(interval, |at| at.unix().min(interval))
        .max(app.now() + 1)
}

/// The member calls off their scheduled withdrawal. Their services stay paused; they can
/// publish them again.
pub async fn cancel(app: &App, member: &CurrentUser) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let Some(row) = withdrawals::open_for(&mut tx, member.id).await? else {
        return Err(AppError::Conflict("withdrawal-not-scheduled"));
    };
    if row.state != WithdrawalState::Scheduled
        || !withdrawals::end(
            &mut tx,
            row.id,
            WithdrawalState::Scheduled,
            WithdrawalState::Cancelled,
            WithdrawalEnding::Member,
            app.now(),
        )
        .await?
    {
        return Err(AppError::Conflict("withdrawal-not-scheduled"));
    }
    stats::count_event(&mut tx, &month_of(app.now()), "cancelled").await?;
    tx.commit().await?;
    Ok(())
}

/// The job: closes the account if nothing blocks any more; otherwise looks again later.
/// Running it twice, or after a cancellation, changes nothing.
pub async fn attempt(app: &App, withdrawal_id: WithdrawalId) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    let Some(row) = withdrawals::find(&mut tx, withdrawal_id).await? else {
        return Ok(());
    };
    if row.state != WithdrawalState::Scheduled {
        return Ok(());
    }
    users::lock_active(&mut tx, row.user_id).await?;
    let readiness = assess(&mut tx, app, row.user_id).await?;
    if !readiness.is_ready() {
        let at = next_check(app, &readiness);
        recheck_at(&mut tx, app, row.id, at).await?;
        tx.commit().await?;
        return Ok(());
    }
    match close::close_in(&mut tx, app, &row).await {
        Ok(_) => {
            tx.commit().await?;
            Ok(())
        }
        Err(CloseError::AmountsChanged(now)) => {
            drop(tx);
            let points_as_seen = now.points == 0 || now.points == row.acknowledged_points;
            if points_as_seen && request_payout(app, row.user_id).await? {
                // The balance that grew is on its way to the member's bank account; the
                // request is a new blocker, which clears on its transfer date.
                let mut tx = app.db.begin().await?;
                recheck_at(&mut tx, app, row.id, app.now() + 60).await?;
                tx.commit().await?;
                return Ok(());
            }
            call_off(app, &row).await
        }
        Err(CloseError::Blocked(_)) => {
            drop(tx);
            let mut tx = app.db.begin().await?;
            recheck_at(&mut tx, app, row.id, app.now() + 60).await?;
            tx.commit().await?;
            Ok(())
        }
        Err(CloseError::Other(e)) => Err(e),
    }
}

/// Requests a payout of the member's whole balance to their registered account; false when
/// that is not possible (no usable account, a balance not above the transfer fee).
async fn request_payout(app: &App, user_id: UserId) -> AppResult<bool> {
    let member = {
        let mut c = app.db.read().await?;
        CurrentUser::load(&mut c, user_id).await?
    };
    let Some(member) = member else {
        return Ok(false);
    };
    // The member confirmed the scheduled withdrawal, its payout included, with the password.
    let confirmed = crate::accounts::reauth::Reauthenticated::confirmed_earlier();
    match crate::payouts::request::request(app, &member, &confirmed).await {
        Ok(_) => Ok(true),
        Err(AppError::Conflict(_) | AppError::Invalid(_)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// More would be forfeited than the member acknowledged and it cannot be paid out: the
/// schedule ends and the member is asked to look again.
async fn call_off(app: &App, row: &WithdrawalRow) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    if !withdrawals::end(
        &mut tx,
        row.id,
        WithdrawalState::Scheduled,
        WithdrawalState::Cancelled,
        WithdrawalEnding::AmountsChanged,
        app.now(),
    )
    .await?
    {
        return Ok(());
    }
    stats::count_event(&mut tx, &month_of(app.now()), "cancelled").await?;
    if let Some(to) = Recipient::load(&mut tx, row.user_id).await? {
        let url = app.url("/settings/withdrawal");
        let mail = compose(
            to.locale,
            "withdrawal-called-off",
            &to.email,
            Some(to.user_id),
            &[
                ("url", Arg::from(url)),
                (
                    "requested",
                    crate::orders::notify::mail_time(row.requested_at),
                ),
            ],
        );
        outbox::enqueue(&mut tx, app, MailCategory::Account, mail).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The member's scheduled withdrawal, if they have one (for the withdrawal page and the API).
pub async fn current(app: &App, member: &CurrentUser) -> AppResult<Option<Withdrawal>> {
    let mut c = app.db.read().await?;
    let row = withdrawals::open_for(&mut c, member.id).await?;
    Ok(row
        .filter(|r| r.state == WithdrawalState::Scheduled)
        .map(Withdrawal::from))
}

/// Queues the re-check of withdrawal `withdrawal_id` at `at`.
async fn recheck_at(
    c: &mut impl Exec,
    app: &App,
    withdrawal_id: WithdrawalId,
    at: i64,
) -> AppResult<()> {
    jobs::enqueue(c, app, &Attempt { withdrawal_id }, None, at).await
}
