//! The talk room of an order: messages, their attachments and each party's read mark.

use yorozu_domain::OrderId;
use yorozu_domain::orders::MessageKind;

use crate::{Exec, Result, execute, query_as, query_scalar};
use yorozu_domain::UserId;

/// One talk-room entry. A platform note ([`MessageKind::Event`]) has no author (`author_id`
/// is NULL) and a message id as its body.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MessageRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    #[sqlx(try_from = "crate::OptionalId")]
    pub author_id: Option<UserId>,
    #[sqlx(try_from = "String")]
    pub kind: MessageKind,
    pub body: String,
    pub created_at: i64,
}

pub async fn insert_message(c: &mut impl Exec, m: &MessageRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO order_messages (id, order_id, author_id, kind, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
        m.id,
        m.order_id.get(),
        m.author_id.map(UserId::get),
        m.kind.as_str(),
        &m.body,
        m.created_at
    )?;
    Ok(())
}

/// Inserts several messages in one statement (nothing for an empty slice).
pub async fn insert_messages(c: &mut impl Exec, rows: &[MessageRow]) -> Result<()> {
    use crate::dynamic::{Bind, QueryBuilder};
    if rows.is_empty() {
        return Ok(());
    }
    let mut q = QueryBuilder::new(
        "INSERT INTO order_messages (id, order_id, author_id, kind, body, created_at) VALUES ",
    );
    for (i, m) in rows.iter().enumerate() {
        q.push(if i == 0 { "(" } else { ", (" });
        q.push_bind(Bind::I64(m.id)).push(", ");
        q.push_bind(Bind::I64(m.order_id.get())).push(", ");
        q.push_bind(Bind::OptI64(m.author_id.map(UserId::get)))
            .push(", ");
        q.push_bind(Bind::Text(m.kind.as_str().to_owned()))
            .push(", ");
        q.push_bind(Bind::Text(m.body.clone())).push(", ");
        q.push_bind(Bind::I64(m.created_at)).push(")");
    }
    q.execute(c).await?;
    Ok(())
}

/// The messages of an order, oldest first.
pub async fn messages(c: &mut impl Exec, order_id: OrderId) -> Result<Vec<MessageRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        MessageRow,
        "SELECT id, order_id, author_id, kind, body, created_at FROM order_messages
         WHERE order_id = $1 ORDER BY id",
        order_id.get()
    )?)
}

/// A file attached to a message (stored encrypted in the file store under `file_key`).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AttachmentRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    pub message_id: i64,
    pub file_key: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub created_at: i64,
}

pub async fn insert_attachment(c: &mut impl Exec, a: &AttachmentRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO order_attachments (id, order_id, message_id, file_key, file_name, content_type,
             size_bytes, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        a.id,
        a.order_id.get(),
        a.message_id,
        &a.file_key,
        &a.file_name,
        &a.content_type,
        a.size_bytes,
        a.created_at
    )?;
    Ok(())
}

/// Every attachment of an order, oldest first.
pub async fn attachments(c: &mut impl Exec, order_id: OrderId) -> Result<Vec<AttachmentRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        AttachmentRow,
        "SELECT id, order_id, message_id, file_key, file_name, content_type, size_bytes, created_at
         FROM order_attachments WHERE order_id = $1 ORDER BY id",
        order_id.get()
    )?)
}

pub async fn find_attachment(c: &mut impl Exec, id: i64) -> Result<Option<AttachmentRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        AttachmentRow,
        "SELECT id, order_id, message_id, file_key, file_name, content_type, size_bytes, created_at
         FROM order_attachments WHERE id = $1",
        id
    )?)
}

/// Moves a member's read mark forward to `message_id` (never back).
pub async fn mark_read(
    c: &mut impl Exec,
    order_id: OrderId,
    user_id: UserId,
    message_id: i64,
    now: i64,
) -> Result<()> {
    execute!(
        c,
        "INSERT INTO order_reads (order_id, user_id, last_read_message_id, read_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (order_id, user_id) DO UPDATE SET
             last_read_message_id = CASE WHEN excluded.last_read_message_id > order_reads.last_read_message_id
                                         THEN excluded.last_read_message_id
                                         ELSE order_reads.last_read_message_id END,
             read_at = excluded.read_at",
        order_id.get(),
        user_id.get(),
        message_id,
        now
    )?;
    Ok(())
}

/// The newest message a member has seen in an order (0 if none).
pub async fn last_read(c: &mut impl Exec, order_id: OrderId, user_id: UserId) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_optional,
        i64,
        "SELECT last_read_message_id FROM order_reads WHERE order_id = $1 AND user_id = $2",
        order_id.get(),
        user_id.get()
    )?
    .unwrap_or(0))
}

/// Messages from the other side that a member has not seen, per order of theirs with any.
pub async fn unread_counts(c: &mut impl Exec, user_id: UserId) -> Result<Vec<(OrderId, i64)>> {
    let counts: Vec<(i64, i64)> = query_as!(
        c,
        fetch_all,
        (i64, i64),
        "SELECT m.order_id, COUNT(*) FROM order_messages m
         JOIN orders o ON o.id = m.order_id
         LEFT JOIN order_reads r ON r.order_id = m.order_id AND r.user_id = $1
         WHERE (o.buyer_id = $1 OR o.seller_id = $1)
           AND m.author_id IS NOT NULL AND m.author_id <> $1
           AND m.id > COALESCE(r.last_read_message_id, 0)
         GROUP BY m.order_id",
        user_id.get()
    )?;
    Ok(counts
        .into_iter()
        .map(|(order_id, unread)| (OrderId::new(order_id), unread))
        .collect())
}
