//! The operators' side of payouts: close the requests of a transfer date into a batch
//! (→ processing), pay it with the Zengin file, then mark the batch transferred or single
//! transfers failed. Each step is one transaction with its ledger entries and audit entry.

use yorozu_domain::BatchId;
use yorozu_domain::Yen;
use yorozu_domain::orders::Transaction;
use yorozu_domain::payouts::{BatchStatus, PayoutStatus};
use yorozu_i18n::Arg;
use yorozu_store::payouts::batches::{self, BatchRow};
use yorozu_store::payouts::requests;
use yorozu_store::payouts::{bank_accounts, sales};

use super::view::{Batch, PayoutRequest};
use super::{LEDGER_FAILED, LEDGER_TRANSFERRED, mail};
use crate::accounts::CurrentUser;
use crate::operators::audit;
use crate::{App, AppError, AppResult, ledger};

fn operator_only(member: &CurrentUser) -> AppResult<()> {
    if member.is_operator() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// A batch with its requests.
pub async fn batch(
    app: &App,
    operator: &CurrentUser,
    batch_id: BatchId,
) -> AppResult<(Batch, Vec<PayoutRequest>)> {
    operator_only(operator)?;
    let mut c = app.db.read().await?;
    let batch = batches::find(&mut c, batch_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let items = requests::in_batch(&mut c, batch_id).await?;
    Ok((
        batch.into(),
        items.into_iter().map(PayoutRequest::from).collect(),
    ))
}

/// Closes every waiting request for `transfer_date` (YYYY-MM-DD) into a new batch.
pub async fn close(app: &App, operator: &CurrentUser, transfer_date: &str) -> AppResult<Batch> {
    operator_only(operator)?;
    let date = yorozu_domain::payouts::schedule::Date::parse_iso(transfer_date)
        .ok_or_else(|| AppError::invalid("transfer_date", "payout-date-invalid"))?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let mut batch = BatchRow {
        id: app.new_id(),
        transfer_date: date.iso(),
        status: BatchStatus::Processing,
        transfer_count: 0,
        total_net: Yen::ZERO,
        closed_by: Some(operator.id),
        closed_at: now,
        transferred_at: None,
    };
    batches::insert(&mut tx, &batch).await?;
    let moved = requests::close_into_batch(&mut tx, &batch.transfer_date, batch.id).await?;
    if moved == 0 {
        return Err(AppError::Conflict("payout-batch-empty"));
    }
    let items = requests::in_batch(&mut tx, batch.id).await?;
    batch.transfer_count = items.len() as i64;
    batch.total_net = items
        .iter()
        .try_fold(Yen::ZERO, |total, r| total.checked_add(r.net))
        .ok_or_else(|| AppError::Internal(format!("batch {}: total overflows", batch.id)))?;
    batches::set_totals(&mut tx, batch.id, batch.transfer_count, batch.total_net).await?;
    for r in &items {
        mail(
            &mut tx,
            app,
            r.seller_id,
            "payout-processing",
            &[
                ("net", Arg::from(r.net)),
                ("date", Arg::from(r.transfer_date.as_str())),
            ],
        )
        .await?;
    }
    audit::record(
        &mut tx,
        app,
        operator.id,
        "payouts.close_batch",
        None,
        &format!(
            "batch {} for {}: {} transfers, {} yen",
            batch.id,
            batch.transfer_date,
            batch.transfer_count,
            batch.total_net.get()
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(batch.into())
}

/// Marks a batch transferred: every request still processing in it is transferred.
pub async fn mark_transferred(
    app: &App,
    operator: &CurrentUser,
    batch_id: BatchId,
) -> AppResult<usize> {
    operator_only(operator)?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    if !batches::mark_transferred(&mut tx, batch_id, now).await? {
        return Err(AppError::Conflict("payout-batch-not-processing"));
    }
    let items = requests::in_batch(&mut tx, batch_id).await?;
    let mut done = 0;
    for r in items
        .iter()
        .filter(|r| r.status == PayoutStatus::Processing)
    {
        let (from, to) = (PayoutStatus::Processing, PayoutStatus::Transferred);
        if !requests::set_status(&mut tx, r.id, from, to, None, now).await? {
            return Err(AppError::Conflict("payout-changed"));
        }
        ledger::post(
            &mut tx,
            app,
            LEDGER_TRANSFERRED,
            &r.id.to_string(),
            &Transaction::payout_transferred(r.net.get()),
        )
        .await?;
        mail(
            &mut tx,
            app,
            r.seller_id,
            "payout-transferred",
            &[
                ("net", Arg::from(r.net)),
                ("date", Arg::from(r.transfer_date.as_str())),
            ],
        )
        .await?;
        crate::notifications::raise(
            &mut tx,
            app,
            r.seller_id,
            crate::notifications::NotificationKind::PayoutPaid,
            crate::notifications::NotificationSubject::Payout(r.id),
        )
        .await?;
        done += 1;
    }
    audit::record(
        &mut tx,
        app,
        operator.id,
        "payouts.transferred",
        None,
        &format!("batch {batch_id}: {done} transfers"),
    )
    .await?;
    tx.commit().await?;
    Ok(done)
}

/// Why a transfer failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The bank refused the account data (closed account, wrong number or name): the
    /// account is blocked until the seller registers it again.
    AccountData,
    /// Anything else (the bank's error, a returned transfer): the money is back on the
    /// balance and the seller may request again.
    Other,
}

/// Marks one processing transfer failed: the request is cancelled, its money (and fee) is back
/// on the seller's balance, and its sales are open again.
pub async fn mark_failed(
    app: &App,
    operator: &CurrentUser,
    request_id: i64,
    failure: Failure,
    note: &str,
) -> AppResult<()> {
    operator_only(operator)?;
    let note = yorozu_domain::orders::OrderText::parse(note, 500, false)
        .map_err(|e| AppError::refused("note", &e))?;
    let reason = match failure {
        Failure::AccountData => "account_data",
        Failure::Other => "other",
    };
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let r = requests::find(&mut tx, request_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (from, to) = (PayoutStatus::Processing, PayoutStatus::Failed);
    if !requests::set_status(&mut tx, r.id, from, to, Some(reason), now).await? {
        return Err(AppError::Conflict("payout-not-processing"));
    }
    ledger::post(
        &mut tx,
        app,
        LEDGER_FAILED,
        &r.id.to_string(),
        &Transaction::payout_failed(r.seller_id, r.gross.get(), r.fee.get()),
    )
    .await?;
    sales::release_request(&mut tx, r.id).await?;
    if failure == Failure::AccountData {
        bank_accounts::mark_invalid(&mut tx, r.bank_account_id, note.as_str(), now).await?;
    }
    audit::record(
        &mut tx,
        app,
        operator.id,
        "payouts.failed",
        Some(r.seller_id),
        &format!("request {}: {reason} {}", r.id, note.as_str()),
    )
    .await?;
    let name = match failure {
        Failure::AccountData => "payout-failed-account",
        Failure::Other => "payout-failed",
    };
    mail(
        &mut tx,
        app,
        r.seller_id,
        name,
        &[("gross", Arg::from(r.gross))],
    )
    .await?;
    crate::notifications::raise(
        &mut tx,
        app,
        r.seller_id,
        crate::notifications::NotificationKind::PayoutFailed,
        crate::notifications::NotificationSubject::Payout(r.id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The 全銀協 総合振込 file of a batch (Shift_JIS, 120-byte records): its file name and bytes.
/// Account numbers and holders are decrypted only here, for the file; the download is
/// recorded in the audit log.
pub async fn transfer_file(
    app: &App,
    operator: &CurrentUser,
    batch_id: BatchId,
) -> AppResult<(String, Vec<u8>)> {
    use yorozu_domain::payouts::bank::{
        AccountHolder, AccountNumber, AccountType, BankCode, BranchCode,
    };
    use yorozu_domain::payouts::{banks, zengin};

    operator_only(operator)?;
    let broken = |what: &str| AppError::Internal(format!("batch {batch_id}: {what}"));
    let (batch, items) = {
        let mut c = app.db.read().await?;
        let batch = batches::find(&mut c, batch_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let items = requests::in_batch(&mut c, batch_id).await?;
        let mut with_accounts = Vec::with_capacity(items.len());
        for r in items
            .into_iter()
            .filter(|r| r.status != PayoutStatus::Failed)
        {
            let account = bank_accounts::find(&mut c, r.bank_account_id)
                .await?
                .ok_or_else(|| broken("a bank account is missing"))?;
            with_accounts.push((r, account));
        }
        (batch, with_accounts)
    };
    let date = yorozu_domain::payouts::schedule::Date::parse_iso(&batch.transfer_date)
        .ok_or_else(|| broken("bad transfer date"))?;
    let paying = &app.policy.paying_account;
    let from_bank = BankCode::parse(&paying.bank_code).map_err(|_| broken("paying bank code"))?;
    let from_branch =
        BranchCode::parse(&paying.branch_code).map_err(|_| broken("paying branch code"))?;
    let (bank, branch) = banks::lookup(&from_bank, &from_branch)
        .map_err(|_| broken("paying bank not in the table"))?;
    let mut transfers = Vec::with_capacity(items.len());
    for (r, account) in &items {
        let bank_code = BankCode::parse(&account.bank_code).map_err(|_| broken("bank code"))?;
        let branch_code =
            BranchCode::parse(&account.branch_code).map_err(|_| broken("branch code"))?;
        let (to_bank, to_branch) =
            banks::lookup(&bank_code, &branch_code).map_err(|_| broken("bank not in the table"))?;
        let number = app
            .signer
            .open(super::bank::SEAL_NUMBER, &account.account_number_sealed)
            .ok_or_else(|| broken("account number cannot be opened"))?;
        let holder = app
            .signer
            .open(super::bank::SEAL_HOLDER, &account.holder_sealed)
            .ok_or_else(|| broken("holder cannot be opened"))?;
        transfers.push(zengin::Transfer {
            bank_code,
            bank_kana: to_bank.kana.to_owned(),
            branch_code,
            branch_kana: to_branch.kana.to_owned(),
            account_type: AccountType::from_zengin_code(
                u8::try_from(account.account_type).unwrap_or(0),
            )
            .ok_or_else(|| broken("account type"))?,
            account_number: AccountNumber::parse(&number).map_err(|_| broken("account number"))?,
            holder: AccountHolder::parse(&holder).map_err(|_| broken("holder"))?,
            amount: r.net,
            // The bank reports this back with a failed transfer: the request id's last digits.
            customer_code1: format!("{:010}", r.id.rem_euclid(10_000_000_000)),
        });
    }
    let file = zengin::TransferFile {
        requester_code: paying.requester_code.clone(),
        requester_name: paying.requester_name.clone(),
        transfer_date: (date.month, date.day),
        from: zengin::PayingAccount {
            bank_code: from_bank,
            bank_kana: bank.kana.to_owned(),
            branch_code: from_branch,
            branch_kana: branch.kana.to_owned(),
            account_type: AccountType::from_zengin_code(paying.account_type)
                .ok_or_else(|| broken("paying account type"))?,
            account_number: AccountNumber::parse(&paying.account_number)
                .map_err(|_| broken("paying account number"))?,
        },
        transfers,
    };
    let bytes = zengin::write(&file).map_err(|e| broken(&format!("zengin: {e}")))?;
    let mut tx = app.db.begin().await?;
    audit::record(
        &mut tx,
        app,
        operator.id,
        "payouts.file",
        None,
        &format!("batch {batch_id}: {} transfers", items.len()),
    )
    .await?;
    tx.commit().await?;
    Ok((
        format!("zengin-{}-{}.txt", batch.transfer_date, batch.id),
        bytes,
    ))
}
