//! Consultations: the pre-order thread of a member and a seller about one service, its
//! messages and their attachments.

use yorozu_domain::{ConsultationId, ListingId, RequestId, UserId};

use crate::{Exec, Result, execute, query_as};

/// One consultation thread.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConsultationRow {
    #[sqlx(try_from = "i64")]
    pub id: ConsultationId,
    #[sqlx(try_from = "i64")]
    pub listing_id: ListingId,
    #[sqlx(try_from = "i64")]
    pub buyer_id: UserId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    /// The request this consultation is a proposal on (公開依頼への提案), if any.
    #[sqlx(try_from = "crate::OptionalId")]
    pub request_id: Option<RequestId>,
    pub created_at: i64,
    pub updated_at: i64,
}

pub async fn insert(c: &mut impl Exec, row: &ConsultationRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO consultations (id, listing_id, buyer_id, seller_id, request_id, created_at,
           updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        row.id.get(),
        row.listing_id.get(),
        row.buyer_id.get(),
        row.seller_id.get(),
        row.request_id.map(RequestId::get),
        row.created_at,
        row.updated_at
    )?;
    Ok(())
}

pub async fn find(c: &mut impl Exec, id: ConsultationId) -> Result<Option<ConsultationRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ConsultationRow,
        "SELECT id, listing_id, buyer_id, seller_id, request_id, created_at, updated_at
         FROM consultations WHERE id = $1",
        id.get()
    )?)
}

/// The member's earlier consultation about this service, if any: asking again continues it.
/// A proposal on one of the member's requests is a thread of its own.
pub async fn find_for(
    c: &mut impl Exec,
    listing_id: ListingId,
    buyer_id: UserId,
) -> Result<Option<ConsultationRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ConsultationRow,
        "SELECT id, listing_id, buyer_id, seller_id, request_id, created_at, updated_at
         FROM consultations WHERE listing_id = $1 AND buyer_id = $2 AND request_id IS NULL
         ORDER BY id DESC LIMIT 1",
        listing_id.get(),
        buyer_id.get()
    )?)
}

/// Records activity (a message or an offer) so that lists show the liveliest thread first.
pub async fn touch(c: &mut impl Exec, id: ConsultationId, now: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE consultations SET updated_at = $2 WHERE id = $1",
        id.get(),
        now
    )?;
    Ok(())
}

/// One line of a member's list of consultations: the service's title and the other party's
/// display name (none once they withdrew).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConsultationListRow {
    #[sqlx(try_from = "i64")]
    pub id: ConsultationId,
    #[sqlx(try_from = "i64")]
    pub buyer_id: UserId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    pub listing_title: String,
    pub counterpart_name: Option<String>,
    pub updated_at: i64,
}

/// The member's consultations as buyer or seller, most recently active first.
pub async fn of_member(c: &mut impl Exec, member: UserId) -> Result<Vec<ConsultationListRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        ConsultationListRow,
        "SELECT k.id, k.buyer_id, k.seller_id, l.title AS listing_title,
                p.display_name AS counterpart_name, k.updated_at
         FROM consultations k
         JOIN listings l ON l.id = k.listing_id
         LEFT JOIN profiles p
           ON p.user_id = CASE WHEN k.buyer_id = $1 THEN k.seller_id ELSE k.buyer_id END
         WHERE k.buyer_id = $1 OR k.seller_id = $1
         ORDER BY k.updated_at DESC, k.id DESC LIMIT 200",
        member.get()
    )?)
}

/// One message of a consultation.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MessageRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub consultation_id: ConsultationId,
    #[sqlx(try_from = "i64")]
    pub author_id: UserId,
    pub body: String,
    pub created_at: i64,
}

pub async fn insert_message(c: &mut impl Exec, m: &MessageRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO consultation_messages (id, consultation_id, author_id, body, created_at)
         VALUES ($1, $2, $3, $4, $5)",
        m.id,
        m.consultation_id.get(),
        m.author_id.get(),
        &m.body,
        m.created_at
    )?;
    Ok(())
}

/// The messages of a consultation, oldest first.
pub async fn messages(c: &mut impl Exec, id: ConsultationId) -> Result<Vec<MessageRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        MessageRow,
        "SELECT id, consultation_id, author_id, body, created_at FROM consultation_messages
         WHERE consultation_id = $1 ORDER BY id",
        id.get()
    )?)
}

/// A file sent with a consultation message.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AttachmentRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub consultation_id: ConsultationId,
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
        "INSERT INTO consultation_attachments
           (id, consultation_id, message_id, file_key, file_name, content_type, size_bytes,
            created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        a.id,
        a.consultation_id.get(),
        a.message_id,
        &a.file_key,
        &a.file_name,
        &a.content_type,
        a.size_bytes,
        a.created_at
    )?;
    Ok(())
}

/// The attachments of a consultation, in message order.
pub async fn attachments(c: &mut impl Exec, id: ConsultationId) -> Result<Vec<AttachmentRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        AttachmentRow,
        "SELECT id, consultation_id, message_id, file_key, file_name, content_type, size_bytes,
                created_at
         FROM consultation_attachments WHERE consultation_id = $1 ORDER BY message_id, id",
        id.get()
    )?)
}
