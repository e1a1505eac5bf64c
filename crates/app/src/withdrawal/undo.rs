//! Signing in during the grace period undoes the withdrawal: the account opens again and what
//! was forfeited comes back (the ledger and points entries are reversed). Sessions revoked at
//! closing stay revoked, services stay paused until the member publishes them again, and
//! marketing mail stays off until they switch it on. Once the purge has started there is
//! nothing to undo.

use yorozu_domain::orders::Transaction;
use yorozu_domain::withdrawal::WithdrawalState;
use yorozu_i18n::Arg;
use yorozu_store::accounts::users;
use yorozu_store::payouts::sales;
use yorozu_store::promotions::points;
use yorozu_store::withdrawal::{stats, withdrawals};

use super::{LEDGER_FORFEITURE_REVERSED, POINTS_FORFEITURE_REVERSED, month_of};
use crate::mail::compose::compose;
use crate::mail::{MailCategory, outbox};
use crate::orders::notify::Recipient;
use crate::{App, AppResult, ledger};

/// Reopens `user_id`'s closed account (their password was just verified). False when there
/// is no withdrawal to undo — the purge has started, or the account was closed otherwise.
pub async fn reopen(app: &App, user_id: i64) -> AppResult<bool> {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let Some(row) = withdrawals::open_for(&mut tx, user_id).await? else {
        return Ok(false);
    };
    if row.state != WithdrawalState::Closed.as_str()
        || !withdrawals::end(&mut tx, row.id, "closed", "undone", "signed_in", now).await?
        || !users::set_status(&mut tx, user_id, "closed", "active", now).await?
    {
        return Ok(false);
    }
    if row.forfeited_sales > 0 {
        ledger::post(
            &mut tx,
            app,
            LEDGER_FORFEITURE_REVERSED,
            &row.id.to_string(),
            &Transaction::withdrawal_forfeiture_reversed(user_id, row.forfeited_sales),
        )
        .await?;
        sales::restore_forfeited(&mut tx, row.id).await?;
    }
    if row.forfeited_points > 0 {
        points::insert(
            &mut tx,
            &points::PointEntryRow {
                id: app.new_id(),
                user_id,
                kind: POINTS_FORFEITURE_REVERSED.into(),
                amount: row.forfeited_points,
                order_id: None,
                note: String::new(),
                created_at: now,
            },
        )
        .await?;
    }
    stats::count_event(&mut tx, &month_of(now), "undone").await?;
    if let Some(to) = Recipient::load(&mut tx, user_id).await? {
        let mail = compose(
            to.locale,
            "withdrawal-undone",
            &to.email,
            Some(user_id),
            &[("url", Arg::from(app.url("/settings/listings")))],
        );
        outbox::enqueue(&mut tx, app, MailCategory::Account, mail).await?;
    }
    tx.commit().await?;
    Ok(true)
}
