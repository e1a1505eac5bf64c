//! The double-entry ledger: transactions (one per business event, unique by kind and
//! reference) and their entries. Append-only: there is no update or delete here, on purpose.
//! Balances are sums of entries.

use yorozu_domain::Yen;

use crate::dynamic::{Bind, QueryBuilder};
use crate::{Exec, Result, execute, query_as, query_scalar};
use yorozu_domain::UserId;

/// One entry to write or as read back.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EntryRow {
    pub id: i64,
    pub transaction_id: i64,
    /// The account's kind key (`escrow`, `seller_balance`, …).
    pub account: String,
    /// The member of a per-member account; `None` otherwise.
    #[sqlx(try_from = "crate::OptionalId")]
    pub account_owner: Option<UserId>,
    /// Signed: positive = debit, negative = credit.
    #[sqlx(try_from = "i64")]
    pub amount: Yen,
    pub created_at: i64,
}

/// Records a transaction's header. Returns `false` (and writes nothing) when a transaction
/// of the same `kind` and `reference` already exists: the unique index is the arbiter, and
/// `ON CONFLICT DO NOTHING` keeps a PostgreSQL transaction usable when it fires (a concurrent
/// writer of the same event waits for the first one and then finds it).
pub async fn insert_transaction(
    c: &mut impl Exec,
    id: i64,
    kind: &str,
    reference: &str,
    now: i64,
) -> Result<bool> {
    let inserted = execute!(
        c,
        "INSERT INTO ledger_transactions (id, kind, reference, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind, reference) DO NOTHING",
        id,
        kind,
        reference,
        now
    )?;
    Ok(inserted == 1)
}

/// Whether a transaction of this `kind` and `reference` is already booked.
pub async fn transaction_exists(c: &mut impl Exec, kind: &str, reference: &str) -> Result<bool> {
    let n: i64 = query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM ledger_transactions WHERE kind = $1 AND reference = $2",
        kind,
        reference
    )?;
    Ok(n > 0)
}

/// Writes entries in one multi-row INSERT (nothing for an empty slice).
pub async fn insert_entries(c: &mut impl Exec, rows: &[EntryRow]) -> Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut q = QueryBuilder::new(
        "INSERT INTO ledger_entries (id, transaction_id, account, account_owner, amount, created_at) VALUES ",
    );
    for (i, row) in rows.iter().enumerate() {
        q.push(if i == 0 { "(" } else { ", (" });
        q.push_bind(Bind::I64(row.id)).push(", ");
        q.push_bind(Bind::I64(row.transaction_id)).push(", ");
        q.push_bind(Bind::Text(row.account.clone())).push(", ");
        q.push_bind(Bind::OptI64(row.account_owner.map(UserId::get)))
            .push(", ");
        q.push_bind(Bind::I64(row.amount.get())).push(", ");
        q.push_bind(Bind::I64(row.created_at)).push(")");
    }
    q.execute(c).await?;
    Ok(())
}

/// The sum of an account's entries (`owner` = `None` for accounts without an owner).
pub async fn balance(c: &mut impl Exec, account: &str, owner: Option<UserId>) -> Result<Yen> {
    // `account_owner = $2` never matches NULL, so the two cases are two queries.
    let sum: i64 = match owner {
        Some(owner) => query_scalar!(
            c,
            fetch_one,
            i64,
            "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM ledger_entries
             WHERE account = $1 AND account_owner = $2",
            account,
            owner.get()
        )?,
        None => query_scalar!(
            c,
            fetch_one,
            i64,
            "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM ledger_entries
             WHERE account = $1 AND account_owner IS NULL",
            account
        )?,
    };
    Ok(Yen::new(sum))
}

/// Every transaction with the sum of its entries (each must be zero), oldest first.
pub async fn transaction_sums(c: &mut impl Exec) -> Result<Vec<(i64, Yen)>> {
    let sums: Vec<(i64, i64)> = query_as!(
        c,
        fetch_all,
        (i64, i64),
        "SELECT t.id, CAST(COALESCE(SUM(e.amount), 0) AS BIGINT)
         FROM ledger_transactions t LEFT JOIN ledger_entries e ON e.transaction_id = t.id
         GROUP BY t.id ORDER BY t.id"
    )?;
    Ok(sums
        .into_iter()
        .map(|(id, sum)| (id, Yen::new(sum)))
        .collect())
}

/// The entries of one transaction, in the order they were written.
pub async fn entries_for_transaction(
    c: &mut impl Exec,
    transaction_id: i64,
) -> Result<Vec<EntryRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        EntryRow,
        "SELECT id, transaction_id, account, account_owner, amount, created_at FROM ledger_entries
         WHERE transaction_id = $1 ORDER BY id",
        transaction_id
    )?)
}

/// The id of the transaction booked for an event, if any.
pub async fn transaction_id(c: &mut impl Exec, kind: &str, reference: &str) -> Result<Option<i64>> {
    Ok(query_scalar!(
        c,
        fetch_optional,
        i64,
        "SELECT id FROM ledger_transactions WHERE kind = $1 AND reference = $2",
        kind,
        reference
    )?)
}
