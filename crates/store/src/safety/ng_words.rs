//! The operators' NG words for the contact-details rule.

use yorozu_domain::UserId;

use crate::{Exec, Result, execute, query_as, query_scalar};

/// One NG word as the operator page lists it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NgWordRow {
    pub id: i64,
    pub word: String,
    pub word_key: String,
    pub created_at: i64,
}

/// Adds a word; false if a word with the same key is listed already.
pub async fn add(
    c: &mut impl Exec,
    id: i64,
    word: &str,
    word_key: &str,
    created_by: UserId,
    now: i64,
) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO contact_ng_words (id, word, word_key, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (word_key) DO NOTHING",
        id,
        word,
        word_key,
        created_by.get(),
        now
    )?;
    Ok(n == 1)
}

/// Removes a word; the removed row, if there was one.
pub async fn remove(c: &mut impl Exec, id: i64) -> Result<Option<NgWordRow>> {
    let row = query_as!(
        c,
        fetch_optional,
        NgWordRow,
        "SELECT id, word, word_key, created_at FROM contact_ng_words WHERE id = $1",
        id
    )?;
    if row.is_some() {
        execute!(c, "DELETE FROM contact_ng_words WHERE id = $1", id)?;
    }
    Ok(row)
}

/// Every word, oldest first.
pub async fn list(c: &mut impl Exec) -> Result<Vec<NgWordRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        NgWordRow,
        "SELECT id, word, word_key, created_at FROM contact_ng_words ORDER BY created_at, id"
    )?)
}

/// The keys the detector matches.
pub async fn keys(c: &mut impl Exec) -> Result<Vec<String>> {
    Ok(query_scalar!(
        c,
        fetch_all,
        String,
        "SELECT word_key FROM contact_ng_words ORDER BY id"
    )?)
}
