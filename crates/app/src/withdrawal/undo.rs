//! Signing in during the grace period undoes the withdrawal: the account opens again and what
//! was forfeited comes back (the ledger and points entries are reversed). Sessions revoked at
//! closing stay revoked, services stay paused until the member publishes them again, and
//! marketing mail stays off until they switch it on. A member who chose 「すぐに削除する」 has
//! no way back from the moment of confirmation, and after the grace period nobody has.

use yorozu_domain::UserId;
use yorozu_domain::Yen;
use yorozu_domain::accounts::AccountStatus;
use yorozu_domain::orders::Transaction;
use yorozu_domain::promotions::{PointKind, Points};
use yorozu_domain::withdrawal::WithdrawalState;
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::accounts::users;
use yorozu_store::payouts::sales;
use yorozu_store::promotions::points;
use yorozu_store::withdrawal::{
    stats,
    withdrawals::{self, WithdrawalRow},
};

use super::{LEDGER_FORFEITURE_REVERSED, month_of};
use crate::mail::compose::compose;
use crate::mail::{MailCategory, outbox};
use crate::orders::notify::Recipient;
use crate::{App, AppResult, ledger};

/// What a correct password does to a closed account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undo {
    /// The grace period was running: the account is open again.
    Reopened,
    /// The withdrawal is final and nothing brings the account back: the member chose
    /// 「すぐに削除する」 (`erase_now`), or the grace period is over.
    Final { erase_now: bool },
    /// No withdrawal to undo (the account was not closed by one).
    Nothing,
}

/// Whether `row` can still be undone at `now`: closed with a grace period that has not run
/// out, and no purge under way. Erasure now is final from the moment it is confirmed.
pub fn can_undo(row: &WithdrawalRow, now: i64) -> bool {
    row.state == WithdrawalState::Closed
        && !row.erase_now
        && row.purge_step.is_none()
        && row.purge_at.is_some_and(|at| at > now)
}

/// Whether `user_id`'s closed account can still be reopened now (its withdrawal is in the
/// grace period); false for a final withdrawal or an account not closed by one.
pub async fn can_undo_now(c: &mut impl Exec, app: &App, user_id: UserId) -> AppResult<bool> {
    let row = withdrawals::open_for(c, user_id).await?;
    Ok(row.is_some_and(|w| can_undo(&w, app.now())))
}

/// Reopens the closed account of a member who has just passed every step of signing in,
/// inside the sign-in's transaction: true when reopened; a withdrawal that became final
/// meanwhile is refused with [`crate::accounts::sign_in::WITHDRAWAL_FINAL`].
pub async fn reopen_after_sign_in(
    c: &mut impl Exec,
    app: &App,
    user_id: UserId,
) -> AppResult<bool> {
    match reopen_in(c, app, user_id).await? {
        Undo::Reopened => Ok(true),
        Undo::Final { .. } => Err(crate::AppError::Conflict(
            crate::accounts::sign_in::WITHDRAWAL_FINAL,
        )),
        Undo::Nothing => Err(crate::AppError::BadCredentials),
    }
}

/// Reopens `user_id`'s closed account (their password was just verified) in its own
/// transaction.
pub async fn reopen(app: &App, user_id: UserId) -> AppResult<Undo> {
    let mut tx = app.db.begin().await?;
    let undo = reopen_in(&mut tx, app, user_id).await?;
    if undo == Undo::Reopened {
        tx.commit().await?;
    }
    Ok(undo)
}

/// [`reopen`] inside the caller's transaction (a password reset sets the new password in the
/// same one).
pub async fn reopen_in(c: &mut impl Exec, app: &App, user_id: UserId) -> AppResult<Undo> {
    let now = app.now();
    let Some(row) = withdrawals::open_for(c, user_id).await? else {
        return Ok(Undo::Nothing);
    };
    if row.state != WithdrawalState::Closed {
        return Ok(Undo::Nothing);
    }
    // The compare-and-set repeats `can_undo` in SQL, so a purge starting meanwhile wins.
    if !can_undo(&row, now)
        || !withdrawals::undo(c, row.id, now).await?
        || !users::set_status(
            c,
            user_id,
            AccountStatus::Closed,
            AccountStatus::Active,
            now,
        )
        .await?
    {
        return Ok(Undo::Final {
            erase_now: row.erase_now,
        });
    }
    if let Some(reason_id) = row.reason_id {
        stats::forget_reason(c, reason_id).await?;
    }
    if row.forfeited_sales > Yen::ZERO {
        ledger::post(
            c,
            app,
            LEDGER_FORFEITURE_REVERSED,
            &row.id.to_string(),
            &Transaction::withdrawal_forfeiture_reversed(user_id, row.forfeited_sales.get()),
        )
        .await?;
        sales::restore_forfeited(c, row.id).await?;
    }
    if row.forfeited_points > 0 {
        points::insert(
            c,
            &points::PointEntryRow {
                id: app.new_id(),
                user_id,
                kind: PointKind::ForfeitReversed,
                amount: Points::new(row.forfeited_points),
                order_id: None,
                note: String::new(),
                created_at: now,
            },
        )
        .await?;
    }
    stats::count_event(c, &month_of(now), "undone").await?;
    if let Some(to) = Recipient::load(c, user_id).await? {
        let mail = compose(
            to.locale,
            "withdrawal-undone",
            &to.email,
            Some(user_id),
            &[("url", Arg::from(app.url("/settings/listings")))],
        );
        outbox::enqueue(c, app, MailCategory::Account, mail).await?;
    }
    Ok(Undo::Reopened)
}
