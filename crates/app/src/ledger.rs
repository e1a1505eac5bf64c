//! Booking money movements in the double-entry ledger.
//!
//! A use case that moves money builds a balanced [`Transaction`] in the domain and calls
//! [`post`] inside its own database transaction, so the money moves together with the state
//! change that caused it, or not at all. Each business event (`kind`, `reference`) is booked
//! at most once; posting it again is a no-op that reports `false`.

use yorozu_domain::orders::ledger::{Account, Transaction};
use yorozu_domain::{UserId, Yen};
use yorozu_store::Exec;
use yorozu_store::ledger::{self as store, EntryRow};

use crate::{App, AppError, AppResult};

/// The `account` and `account_owner` columns of a domain account.
pub fn account_key(account: Account) -> (&'static str, Option<UserId>) {
    let owner = match account {
        Account::SellerBalance(seller_id) => Some(seller_id),
        _ => None,
    };
    (account.kind(), owner)
}

/// Books `tx` as the event (`kind`, `reference`) within the caller's transaction `c`.
///
/// Returns `Ok(true)` when booked, `Ok(false)` when that event was already booked (nothing is
/// written). An unbalanced transaction is refused with `Internal` (the domain's constructors
/// make one impossible). When two callers book the same event at once, the unique index on
/// (`kind`, `reference`) decides: the second waits for the first and then gets `Ok(false)`.
pub async fn post(
    c: &mut impl Exec,
    app: &App,
    kind: &str,
    reference: &str,
    tx: &Transaction,
) -> AppResult<bool> {
    if !tx.is_balanced() {
        return Err(AppError::Internal(format!(
            "unbalanced ledger transaction {kind} {reference}"
        )));
    }
    let now = app.now();
    let id = app.new_id();
    if !store::insert_transaction(c, id, kind, reference, now).await? {
        return Ok(false);
    }
    let rows: Vec<EntryRow> = tx
        .entries()
        .iter()
        .map(|entry| {
            let (account, account_owner) = account_key(entry.account);
            EntryRow {
                id: app.new_id(),
                transaction_id: id,
                account: account.to_owned(),
                account_owner,
                amount: Yen::new(entry.amount),
                created_at: now,
            }
        })
        .collect();
    store::insert_entries(c, &rows).await?;
    Ok(true)
}

/// The balance of an account: the sum of its entries (debit-positive; see
/// [`yorozu_domain::orders::ledger`] for the sign of each account).
pub async fn balance(app: &App, account: Account) -> AppResult<Yen> {
    let (key, owner) = account_key(account);
    let mut c = app.db.read().await?;
    Ok(store::balance(&mut c, key, owner).await?)
}
