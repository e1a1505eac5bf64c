//! Mail captured locally instead of sent, for a fresh `cargo run` without an SMTP server.

use crate::{Exec, Result, execute, query_as};
use yorozu_domain::UserId;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MailboxRow {
    pub id: i64,
    #[sqlx(try_from = "crate::OptionalId")]
    pub user_id: Option<UserId>,
    pub to_addr: String,
    pub subject: String,
    pub body_text: String,
    pub headers: String,
    pub sent_at: i64,
}

pub async fn insert(c: &mut impl Exec, m: &MailboxRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO mailbox (id, user_id, to_addr, subject, body_text, headers, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        m.id,
        m.user_id.map(UserId::get),
        &m.to_addr,
        &m.subject,
        &m.body_text,
        &m.headers,
        m.sent_at
    )?;
    Ok(())
}

pub async fn latest(c: &mut impl Exec, limit: i64) -> Result<Vec<MailboxRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        MailboxRow,
        "SELECT id, user_id, to_addr, subject, body_text, headers, sent_at FROM mailbox ORDER BY id DESC LIMIT $1",
        limit
    )?)
}

pub async fn find(c: &mut impl Exec, id: i64) -> Result<Option<MailboxRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        MailboxRow,
        "SELECT id, user_id, to_addr, subject, body_text, headers, sent_at FROM mailbox WHERE id = $1",
        id
    )?)
}
