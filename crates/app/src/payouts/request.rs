//! A seller requests a payout (振込申請) of their whole available balance.

use yorozu_domain::UserId;
use yorozu_domain::Yen;
use yorozu_domain::orders::Transaction;
use yorozu_domain::payouts::PayoutStatus;
use yorozu_i18n::Arg;
use yorozu_store::ledger as ledger_store;
use yorozu_store::payouts::{bank_accounts, requests, sales};

use super::view::PayoutRequest;
use super::{LEDGER_REQUESTED, mail, transfer_date_now};
use crate::accounts::CurrentUser;
use crate::accounts::reauth::Reauthenticated;
use crate::{App, AppError, AppResult, FieldError, ledger};

/// The seller's available balance: the negation of their balance account's sum.
pub(crate) async fn available(
    c: &mut impl yorozu_store::Exec,
    seller_id: UserId,
) -> AppResult<Yen> {
    let balance = ledger_store::balance(c, "seller_balance", Some(seller_id)).await?;
    Yen::ZERO
        .checked_sub(balance)
        .ok_or_else(|| AppError::Internal(format!("seller {seller_id}: balance overflows")))
}

/// Requests a payout of the whole available balance to the seller's registered account.
///
/// Refused with a clear reason (nothing moved) when: no account is registered, the account
/// failed a transfer and must be registered again, a request is already in flight, or the
/// balance does not exceed the transfer fee. Two requests at once: the member lock on
/// PostgreSQL (and the single writer on SQLite) serialise them, and the in-flight unique
/// index backs it up, so the balance is paid out once.
///
/// Needs a fresh re-authentication, and refuses while the account is held after a change
/// ([`super::hold`]), saying until when.
pub async fn request(
    app: &App,
    seller: &CurrentUser,
    _reauthenticated: &Reauthenticated,
) -> AppResult<PayoutRequest> {
    let mut tx = app.db.begin().await?;
    if !yorozu_store::accounts::users::lock_active(&mut tx, seller.id).await? {
        return Err(AppError::Conflict("account-closed"));
    }
    let account = bank_accounts::active(&mut tx, seller.id)
        .await?
        .ok_or(AppError::Conflict("payout-no-bank-account"))?;
    if account.invalid_since.is_some() {
        return Err(AppError::Conflict("payout-bank-account-invalid"));
    }
    if let Some(until) = super::hold::held_until(app, &account) {
        return Err(AppError::Invalid(vec![
            FieldError::new("", "payout-bank-account-held")
                .with("hours", app.policy.bank_change_hold_hours)
                .with("until", super::hold::datetime_text(seller.locale, until)),
        ]));
    }
    if requests::in_flight(&mut tx, seller.id).await?.is_some() {
        return Err(AppError::Conflict("payout-already-requested"));
    }
    let balance = available(&mut tx, seller.id).await?;
    let amounts = app
        .policy
        .transfer_fee
        .payout(balance)
        .map_err(|e| AppError::refused("", &e))?;
    let now = app.now();
    let row = requests::PayoutRequestRow {
        id: app.new_id(),
        seller_id: seller.id,
        gross: amounts.gross,
        fee: amounts.fee,
        net: amounts.net,
        status: PayoutStatus::Requested,
        transfer_date: transfer_date_now(app).iso(),
        bank_account_id: account.id,
        batch_id: None,
        failure_reason: None,
        requested_at: now,
        transferred_at: None,
        failed_at: None,
    };
    if !requests::insert(&mut tx, &row).await? {
        return Err(AppError::Conflict("payout-already-requested"));
    }
    sales::take_for_request(&mut tx, seller.id, row.id).await?;
    ledger::post(
        &mut tx,
        app,
        LEDGER_REQUESTED,
        &row.id.to_string(),
        &Transaction::payout_requested(seller.id, row.gross.get(), row.fee.get()),
    )
    .await?;
    mail(
        &mut tx,
        app,
        seller.id,
        "payout-requested",
        &[
            ("gross", Arg::from(row.gross)),
            ("fee", Arg::from(row.fee)),
            ("net", Arg::from(row.net)),
            ("date", Arg::from(row.transfer_date.as_str())),
        ],
    )
    .await?;
    crate::notifications::raise(
        &mut tx,
        app,
        seller.id,
        crate::notifications::NotificationKind::PayoutRequested,
        crate::notifications::NotificationSubject::Payout(row.id),
    )
    .await?;
    tx.commit().await?;
    Ok(row.into())
}

/// How many of a seller's requests [`mine`] returns.
const MINE_LIMIT: i64 = 50;

/// The seller's own payout requests, newest first (the latest 50).
pub async fn mine(app: &App, seller: &CurrentUser) -> AppResult<Vec<PayoutRequest>> {
    let mut c = app.db.read().await?;
    let rows = requests::for_seller(&mut c, seller.id, MINE_LIMIT).await?;
    Ok(rows.into_iter().map(PayoutRequest::from).collect())
}
