//! Closing an account: the one transaction of DESIGN.md. Block first (the user row becomes
//! `closed`, which every purchase, sale and payout request checks under a lock), then
//! re-check the blockers inside the same transaction so that nothing can slip in; then
//! revoke access, pause the services, cancel orders that only await payment on them, stop
//! mail, book the forfeitures, keep the reasons without the member's id, queue the purge and
//! the one last mail with the erasure receipt.

use yorozu_domain::UserId;
use yorozu_domain::WithdrawalId;
use yorozu_domain::Yen;
use yorozu_domain::accounts::AccountStatus;
use yorozu_domain::orders::{OrderEvent, OrderState, Transaction};
use yorozu_domain::promotions::{PointKind, Points};
use yorozu_domain::withdrawal::Reasons;
use yorozu_store::accounts::{api_tokens, email_tokens, sessions, users};
use yorozu_store::listings::rows as listing_rows;
use yorozu_store::orders::{cancellations, rows as order_rows};
use yorozu_store::payouts::sales;
use yorozu_store::promotions::points;
use yorozu_store::withdrawal::readiness::{Column, open_orders};
use yorozu_store::withdrawal::stats;
use yorozu_store::withdrawal::withdrawals::{self, Closing, WithdrawalRow};
use yorozu_store::{Exec, notifications};

use super::job_kinds::Purge;
use super::readiness::{Forfeits, Readiness, assess};
use super::{LEDGER_FORFEITED, month_of, receipt};
use crate::mail::{MailCategory, outbox};
use crate::orders::{effects, transition};
use crate::{App, AppError, AppResult, jobs, ledger};

/// A closed account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closed {
    pub withdrawal_id: WithdrawalId,
    /// When the purge runs (now, if the member chose to erase at once).
    pub purge_at: i64,
    pub forfeited: Forfeits,
    /// Unpaid orders on the member's services that were cancelled.
    pub cancelled_orders: usize,
}

/// Why an account could not close. The caller's transaction must roll back.
#[derive(Debug)]
pub enum CloseError {
    /// Something still blocks (re-checked after blocking the account).
    Blocked(Readiness),
    /// More would be forfeited than the member acknowledged (a sale completed, points came).
    AmountsChanged(Forfeits),
    Other(AppError),
}

impl From<AppError> for CloseError {
    fn from(e: AppError) -> Self {
        Self::Other(e)
    }
}

impl From<yorozu_store::Error> for CloseError {
    fn from(e: yorozu_store::Error) -> Self {
        Self::Other(e.into())
    }
}

impl From<CloseError> for AppError {
    fn from(e: CloseError) -> Self {
        match e {
            CloseError::Blocked(_) => AppError::Conflict("withdrawal-blocked"),
            CloseError::AmountsChanged(_) => AppError::Conflict("withdrawal-amounts-changed"),
            CloseError::Other(e) => e,
        }
    }
}

/// Closes the account of `row` (a scheduled withdrawal) inside `c`'s transaction.
pub async fn close_in(
    c: &mut impl Exec,
    app: &App,
    row: &WithdrawalRow,
) -> Result<Closed, CloseError> {
    let now = app.now();
    let member = row.user_id;
    if !users::set_status(c, member, AccountStatus::Active, AccountStatus::Closed, now).await? {
        return Err(AppError::Conflict("account-closed").into());
    }
    let readiness = assess(c, app, member).await?;
    if !readiness.is_ready() {
        return Err(CloseError::Blocked(readiness));
    }
    // Only the exact amounts the member saw are forfeited (nothing to forfeit is always fine).
    let forfeits = readiness.forfeits;
    if (forfeits.sales_balance != 0 && forfeits.sales_balance != row.acknowledged_sales.get())
        || (forfeits.points != 0 && forfeits.points != row.acknowledged_points)
    {
        return Err(CloseError::AmountsChanged(forfeits));
    }
    let grace_days = if row.erase_now {
        0
    } else {
        app.policy.withdrawal_grace_days
    };
    let purge_at = now + grace_days * 86_400;
    let closing = Closing {
        purge_at,
        forfeited_sales: Yen::new(forfeits.sales_balance),
        forfeited_points: forfeits.points,
        now,
    };
    if !withdrawals::mark_closed(c, row.id, &closing).await? {
        return Err(AppError::Conflict("withdrawal-changed").into());
    }
    record_reasons(c, app, row).await?;

    sessions::delete_all_for_user(c, member, None).await?;
    // Links mailed before (reset, confirmation, e-mail change) stop working: a closed account
    // is reached only by signing in, or by a reset link asked for during the grace period.
    email_tokens::expire_all_unused(c, member, now).await?;
    // A data export still being built stops (its builder sees this and deletes its parts).
    yorozu_store::export::archives::fail_unfinished(c, member, now).await?;
    api_tokens::revoke_all_for_user(c, member, now).await?;
    listing_rows::pause_all_published(c, member, now).await?;
    // Before the offers: closing the member's requests tells the sellers whose proposals were
    // still open, and their own open proposals give their slots back.
    crate::requests::withdrawal::close_open(c, app, member).await?;
    crate::offers::withdrawal::close_open(c, app, member).await?;
    let cancelled_orders = cancel_unpaid_sales(c, app, member).await?;
    // Additions still waiting for the buyer and open extension requests close with the
    // account; an addition being paid right now then fails its conditional update and its
    // charge is given back, so none is left half-written.
    yorozu_store::orders::changes::close_for_member(c, member, now).await?;
    stop_mail(c, app, member).await?;
    forfeit(c, app, row.id, member, &forfeits).await?;
    let closed = Closed {
        withdrawal_id: row.id,
        purge_at,
        forfeited: forfeits,
        cancelled_orders,
    };
    // The mail is queued before the purge, so that a worker takes it first: the purge waits
    // for it before it erases the address.
    if let Some(mail) = receipt::closing_mail(c, app, member, &closed).await? {
        outbox::enqueue_to_closed_account(c, app, mail).await?;
    }
    let purge = Purge {
        withdrawal_id: row.id,
    };
    jobs::enqueue(c, app, &purge, None, purge_at).await?;
    Ok(closed)
}

/// The reasons go to the statistics without the member's id; the month is all the time kept.
/// The withdrawal remembers the row until its purge starts, so that undoing it takes the
/// reasons back out.
async fn record_reasons(c: &mut impl Exec, app: &App, row: &WithdrawalRow) -> AppResult<()> {
    let month = month_of(app.now());
    let reasons = Reasons::from_stored(&row.reason_choices, &row.reason_comment);
    if !reasons.choices().is_empty() || !reasons.comment().is_empty() {
        // A random id: the application's ids carry their creation time, which would tie the
        // reason to the withdrawal closed in the same instant.
        let reason_id = rand::random::<i64>() & i64::MAX;
        stats::record_reason(
            c,
            reason_id,
            &month,
            &reasons.stored_choices(),
            reasons.comment(),
        )
        .await?;
        withdrawals::set_reason_id(c, row.id, reason_id).await?;
    }
    stats::count_event(c, &month, "closed").await?;
    Ok(())
}

/// Orders on the member's services that only await payment are cancelled; buyers are told.
async fn cancel_unpaid_sales(c: &mut impl Exec, app: &App, member: UserId) -> AppResult<usize> {
    let unpaid = open_orders(c, member, Column::Seller, &[OrderState::AwaitingPayment]).await?;
    for open in &unpaid {
        let Some(order) = order_rows::lock(c, open.id).await? else {
            continue;
        };
        transition::apply(
            c,
            app,
            &order,
            OrderEvent::SellerWithdrew,
            Default::default(),
        )
        .await?;
        effects::unpaid_ended(c, app, &order, "order-seller-withdrew").await?;
        if let Some(request) = cancellations::open(c, order.id).await? {
            cancellations::close(
                c,
                request.id,
                yorozu_domain::orders::CancellationStatus::Withdrawn,
                "",
                app.now(),
            )
            .await?;
        }
    }
    Ok(unpaid.len())
}

/// Marketing is switched off, queued mail to the member is dropped, and a hashed suppression
/// entry keeps the address off marketing lists until a new account opts in again.
async fn stop_mail(c: &mut impl Exec, app: &App, member: UserId) -> AppResult<()> {
    let now = app.now();
    for category in MailCategory::ALL.into_iter().filter(|m| m.is_marketing()) {
        notifications::set(c, member, category.key(), false, now).await?;
    }
    outbox::drop_queued_for(c, app, member).await?;
    if let Some(email) = users::find(c, member).await?.and_then(|u| u.email) {
        notifications::suppress(c, &app.signer.email_hash(&email), "withdrawal", now).await?;
    }
    Ok(())
}

/// The acknowledged balance and points are forfeited: a ledger transaction and a points entry.
async fn forfeit(
    c: &mut impl Exec,
    app: &App,
    withdrawal_id: WithdrawalId,
    member: UserId,
    forfeits: &Forfeits,
) -> AppResult<()> {
    if forfeits.sales_balance > 0 {
        ledger::post(
            c,
            app,
            LEDGER_FORFEITED,
            &withdrawal_id.to_string(),
            &Transaction::withdrawal_forfeiture(member, forfeits.sales_balance),
        )
        .await?;
        sales::forfeit(c, member, withdrawal_id, app.now()).await?;
    }
    if forfeits.points > 0 {
        points::insert(
            c,
            &points::PointEntryRow {
                id: app.new_id(),
                user_id: member,
                kind: PointKind::Forfeit,
                amount: Points::new(forfeits.points).negated(),
                order_id: None,
                note: String::new(),
                created_at: app.now(),
            },
        )
        .await?;
    }
    Ok(())
}
