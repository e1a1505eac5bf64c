//! Registered payment cards: the provider's token, brand, last four digits and expiry only.

use crate::{Exec, Result, execute, query_as};
use yorozu_domain::UserId;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CardRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    pub provider_token: String,
    pub brand: String,
    pub last4: String,
    pub exp_month: i64,
    pub exp_year: i64,
    pub created_at: i64,
    pub deleted_at: Option<i64>,
}

const COLUMNS: &str =
    "id, user_id, provider_token, brand, last4, exp_month, exp_year, created_at, deleted_at";

pub async fn insert(c: &mut impl Exec, card: &CardRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO cards (id, user_id, provider_token, brand, last4, exp_month, exp_year, created_at, deleted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        card.id,
        card.user_id.get(),
        &card.provider_token,
        &card.brand,
        &card.last4,
        card.exp_month,
        card.exp_year,
        card.created_at,
        card.deleted_at
    )?;
    Ok(())
}

/// The member's cards that are not deleted, newest first.
pub async fn list_active_for_user(c: &mut impl Exec, user_id: UserId) -> Result<Vec<CardRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM cards WHERE user_id = $1 AND deleted_at IS NULL ORDER BY id DESC"
    );
    Ok(query_as!(
        c,
        fetch_all,
        CardRow,
        sqlx::AssertSqlSafe(sql),
        user_id.get()
    )?)
}

/// One card, deleted or not.
pub async fn find(c: &mut impl Exec, id: i64) -> Result<Option<CardRow>> {
    let sql = format!("SELECT {COLUMNS} FROM cards WHERE id = $1");
    Ok(query_as!(
        c,
        fetch_optional,
        CardRow,
        sqlx::AssertSqlSafe(sql),
        id
    )?)
}

/// Marks a card deleted; false if it was already deleted (or does not exist).
pub async fn mark_deleted(c: &mut impl Exec, id: i64, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE cards SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL",
        id,
        now
    )?;
    Ok(n == 1)
}
