//! The seller's bank account for payouts (振込先口座): validated, normalised to the
//! half-width katakana that transfer files need, shown back with the bank and branch names
//! from the bundled table, and stored with the number and holder encrypted.
//!
//! Registering or replacing it is what an intruder with a stolen session would do first, so
//! it needs a fresh re-authentication ([`Reauthenticated`]), mails the member (account mail,
//! which cannot be turned off), is written to the audit log, and holds payouts to the new
//! account for [`crate::config::Policy::bank_change_hold_hours`] ([`super::hold`]). A first
//! registration is held too: an intruder can register an account the owner never had.

use yorozu_domain::payouts::bank::{
    AccountHolder, AccountNumber, AccountType, BankCode, BranchCode,
};
use yorozu_domain::payouts::banks;
use yorozu_store::payouts::{bank_accounts, requests};

use crate::accounts::CurrentUser;
use crate::accounts::reauth::Reauthenticated;
use crate::mail::{MailCategory, compose::compose, outbox};
use crate::operators::audit;
use crate::{App, AppError, AppResult, FieldError, Fields};

/// Purposes of the sealed fields (a value sealed for one cannot be opened as the other).
pub(crate) const SEAL_NUMBER: &str = "bank-account-number";
pub(crate) const SEAL_HOLDER: &str = "bank-account-holder";

/// What the member entered.
#[derive(Debug, Clone, Default)]
pub struct BankInput {
    pub bank_code: String,
    pub branch_code: String,
    /// `ordinary` (普通), `checking` (当座) or `savings` (貯蓄).
    pub account_type: String,
    pub account_number: String,
    pub holder: String,
}

/// The registered account as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankAccountView {
    pub bank_code: String,
    pub bank_name: String,
    pub branch_code: String,
    pub branch_name: String,
    pub account_type: AccountType,
    /// The number with all but the last three digits hidden.
    pub number_masked: String,
    /// The holder in half-width katakana, as transfers carry it.
    pub holder: String,
    /// Why transfers to it stopped, when a transfer failed on its data.
    pub invalid_reason: Option<String>,
    /// Until when payouts to it are held after it was registered or changed (unix seconds).
    pub held_until: Option<i64>,
}

/// Audit-log actions of the member's own account changes.
pub const AUDIT_REGISTERED: &str = "bank_account.register";
pub const AUDIT_CHANGED: &str = "bank_account.change";

/// Registers (or replaces) the member's account; needs a fresh re-authentication.
pub async fn register(
    app: &App,
    member: &CurrentUser,
    _reauthenticated: &Reauthenticated,
    input: &BankInput,
) -> AppResult<BankAccountView> {
    let mut fields = Fields::default();
    let bank = fields.check("bank_code", BankCode::parse(&input.bank_code));
    let branch = fields.check("branch_code", BranchCode::parse(&input.branch_code));
    let kind = fields.check("account_type", AccountType::parse(&input.account_type));
    let number = fields.check(
        "account_number",
        AccountNumber::parse(&input.account_number),
    );
    let holder = fields.check("holder", AccountHolder::parse(&input.holder));
    // Codes must name a bank and branch we know, so the transfer file can carry their names.
    if let (Some(bank), Some(branch)) = (&bank, &branch) {
        match banks::lookup(bank, branch) {
            Ok(_) => {}
            Err(e @ banks::BankLookupError::UnknownBank) => {
                fields.push(FieldError::of("bank_code", &e));
            }
            Err(e @ banks::BankLookupError::UnknownBranch) => {
                fields.push(FieldError::of("branch_code", &e));
            }
        }
    }
    let ((((bank, branch), kind), number), holder) =
        fields.finish(bank.zip(branch).zip(kind).zip(number).zip(holder))?;
    let now = app.now();
    let row = bank_accounts::BankAccountRow {
        id: app.new_id(),
        user_id: member.id,
        bank_code: bank.as_str().to_owned(),
        branch_code: branch.as_str().to_owned(),
        account_type: i64::from(kind.zengin_code()),
        account_number_sealed: app.signer.seal(SEAL_NUMBER, number.as_str()),
        account_number_last3: number.last3().to_owned(),
        holder_sealed: app.signer.seal(SEAL_HOLDER, holder.as_str()),
        created_at: now,
        invalid_since: None,
        invalid_reason: None,
        deleted_at: None,
    };
    let mut tx = app.db.begin().await?;
    yorozu_store::accounts::users::lock(&mut tx, member.id).await?;
    let previous = bank_accounts::active(&mut tx, member.id).await?;
    bank_accounts::replace(&mut tx, &row, now).await?;
    let view = view_of(app, &row)?;
    let (action, detail) = match &previous {
        Some(old) => (
            AUDIT_CHANGED,
            format!(
                "{} {} ****{} -> {} {} {}",
                old.bank_code,
                old.branch_code,
                old.account_number_last3,
                row.bank_code,
                row.branch_code,
                view.number_masked
            ),
        ),
        None => (
            AUDIT_REGISTERED,
            format!(
                "{} {} {}",
                row.bank_code, row.branch_code, view.number_masked
            ),
        ),
    };
    audit::record(&mut tx, app, member.id, action, Some(member.id), &detail).await?;
    let until = view.held_until.unwrap_or(now);
    let mail = compose(
        member.locale,
        "bank-account-changed",
        &member.email,
        Some(member.id),
        &[
            ("bank", view.bank_name.clone().into()),
            ("branch", view.branch_name.clone().into()),
            ("number", view.number_masked.clone().into()),
            (
                "until",
                super::hold::datetime_text(member.locale, until).into(),
            ),
            ("url", app.url("/settings/bank").into()),
        ],
    );
    outbox::enqueue(&mut tx, app, MailCategory::Account, mail).await?;
    tx.commit().await?;
    Ok(view)
}

/// The bank and branch of a stored account, from the bundled table.
pub(crate) fn names(
    row: &bank_accounts::BankAccountRow,
) -> Option<(&'static banks::Bank, &'static banks::Branch)> {
    let bank = BankCode::parse(&row.bank_code).ok()?;
    let branch = BranchCode::parse(&row.branch_code).ok()?;
    banks::lookup(&bank, &branch).ok()
}

fn view_of(app: &App, row: &bank_accounts::BankAccountRow) -> AppResult<BankAccountView> {
    let found = names(row);
    let (bank, branch) = (found.map(|f| f.0), found.map(|f| f.1));
    let holder = app
        .signer
        .open(SEAL_HOLDER, &row.holder_sealed)
        .ok_or_else(|| AppError::Internal(format!("bank account {} cannot be opened", row.id)))?;
    Ok(BankAccountView {
        bank_code: row.bank_code.clone(),
        bank_name: bank.map(|b| b.name.to_owned()).unwrap_or_default(),
        branch_code: row.branch_code.clone(),
        branch_name: branch.map(|b| b.name.to_owned()).unwrap_or_default(),
        account_type: AccountType::from_zengin_code(u8::try_from(row.account_type).unwrap_or(1))
            .unwrap_or(AccountType::Ordinary),
        number_masked: format!("****{}", row.account_number_last3),
        holder,
        invalid_reason: row.invalid_reason.clone(),
        held_until: super::hold::held_until(app, row),
    })
}

/// The member's registered account, if any.
pub async fn view(app: &App, member: &CurrentUser) -> AppResult<Option<BankAccountView>> {
    let mut c = app.db.read().await?;
    let row = bank_accounts::active(&mut c, member.id).await?;
    drop(c);
    row.as_ref().map(|r| view_of(app, r)).transpose()
}

/// Removes the member's account; refused while a payout request needs it.
pub async fn remove(app: &App, member: &CurrentUser) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    yorozu_store::accounts::users::lock(&mut tx, member.id).await?;
    if requests::in_flight(&mut tx, member.id).await?.is_some() {
        return Err(AppError::Conflict("bank-account-in-use"));
    }
    if !bank_accounts::delete_active(&mut tx, member.id, app.now()).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}
