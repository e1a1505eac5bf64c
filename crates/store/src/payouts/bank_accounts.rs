//! A member's bank account for payouts (one active at a time). The account number and the
//! holder's name are encrypted by the application before they get here.

use crate::{Exec, Result, execute, query_as};
use yorozu_domain::UserId;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct BankAccountRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    pub bank_code: String,
    pub branch_code: String,
    pub account_type: i64,
    pub account_number_sealed: String,
    pub account_number_last3: String,
    pub holder_sealed: String,
    pub created_at: i64,
    pub invalid_since: Option<i64>,
    pub invalid_reason: Option<String>,
    pub deleted_at: Option<i64>,
}

/// Replaces the member's active account with `row` (the old one is marked deleted).
pub async fn replace(c: &mut impl Exec, row: &BankAccountRow, now: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE bank_accounts SET deleted_at = $2, account_number_sealed = '', account_number_last3 = '',
            holder_sealed = '' WHERE user_id = $1 AND deleted_at IS NULL",
        row.user_id.get(),
        now
    )?;
    execute!(
        c,
        "INSERT INTO bank_accounts (id, user_id, bank_code, branch_code, account_type, account_number_sealed,
             account_number_last3, holder_sealed, created_at, invalid_since, invalid_reason, deleted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, NULL, NULL)",
        row.id,
        row.user_id.get(),
        &row.bank_code,
        &row.branch_code,
        row.account_type,
        &row.account_number_sealed,
        &row.account_number_last3,
        &row.holder_sealed,
        row.created_at
    )?;
    Ok(())
}

/// The member's active account.
pub async fn active(c: &mut impl Exec, user_id: UserId) -> Result<Option<BankAccountRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        BankAccountRow,
        "SELECT id, user_id, bank_code, branch_code, account_type, account_number_sealed, account_number_last3,
                holder_sealed, created_at, invalid_since, invalid_reason, deleted_at
         FROM bank_accounts WHERE user_id = $1 AND deleted_at IS NULL",
        user_id.get()
    )?)
}

pub async fn find(c: &mut impl Exec, id: i64) -> Result<Option<BankAccountRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        BankAccountRow,
        "SELECT id, user_id, bank_code, branch_code, account_type, account_number_sealed, account_number_last3,
                holder_sealed, created_at, invalid_since, invalid_reason, deleted_at
         FROM bank_accounts WHERE id = $1",
        id
    )?)
}

/// Marks an account unusable after a failed transfer.
pub async fn mark_invalid(c: &mut impl Exec, id: i64, reason: &str, now: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE bank_accounts SET invalid_since = $2, invalid_reason = $3 WHERE id = $1",
        id,
        now,
        reason
    )?;
    Ok(())
}

/// Removes the member's active account (partial erasure); `false` if there was none.
pub async fn delete_active(c: &mut impl Exec, user_id: UserId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE bank_accounts SET deleted_at = $2, account_number_sealed = '', account_number_last3 = '',
            holder_sealed = '' WHERE user_id = $1 AND deleted_at IS NULL",
        user_id.get(),
        now
    )?;
    Ok(n > 0)
}
