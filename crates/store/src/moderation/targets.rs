//! The content a report points at, with its owner: what the queue shows and what an action
//! changes. Each lookup answers `None` once the content is gone.

use yorozu_domain::orders::MessageKind;
use yorozu_domain::{ConsultationId, ListingId, OrderId, UserId};

use crate::{Exec, Result, execute, query_as};

/// A service as the queue shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ServiceTarget {
    #[sqlx(try_from = "i64")]
    pub id: ListingId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    pub title: String,
    pub description: String,
    pub status: String,
}

pub async fn service(c: &mut impl Exec, id: i64) -> Result<Option<ServiceTarget>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ServiceTarget,
        "SELECT id, seller_id, title, description, status FROM listings
         WHERE id = $1 AND status <> 'deleted'",
        id
    )?)
}

/// A profile as the queue shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProfileTarget {
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    pub display_name: String,
    pub introduction: String,
}

pub async fn profile(c: &mut impl Exec, user_id: i64) -> Result<Option<ProfileTarget>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ProfileTarget,
        "SELECT p.user_id, p.display_name, p.introduction FROM profiles p
         JOIN users u ON u.id = p.user_id
         WHERE p.user_id = $1 AND u.status = 'active'",
        user_id
    )?)
}

/// A talk-room message with the order's parties (only they may report it).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MessageTarget {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    #[sqlx(try_from = "crate::OptionalId")]
    pub author_id: Option<UserId>,
    #[sqlx(try_from = "String")]
    pub kind: MessageKind,
    pub body: String,
    #[sqlx(try_from = "i64")]
    pub buyer_id: UserId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
}

pub async fn message(c: &mut impl Exec, id: i64) -> Result<Option<MessageTarget>> {
    Ok(query_as!(
        c,
        fetch_optional,
        MessageTarget,
        "SELECT m.id, m.order_id, m.author_id, m.kind, m.body, o.buyer_id, o.seller_id
         FROM order_messages m JOIN orders o ON o.id = m.order_id WHERE m.id = $1",
        id
    )?)
}

/// Replaces a message by the platform's note `note_id` (a message id shown in the reader's
/// language) and deletes its attachments' rows; returns their file keys for the file store.
pub async fn remove_message(c: &mut impl Exec, id: i64, note_id: &str) -> Result<Vec<String>> {
    let keys: Vec<String> = crate::query_scalar!(
        c,
        fetch_all,
        String,
        "SELECT file_key FROM order_attachments WHERE message_id = $1",
        id
    )?;
    execute!(c, "DELETE FROM order_attachments WHERE message_id = $1", id)?;
    execute!(
        c,
        "UPDATE order_messages SET kind = 'event', body = $2, author_id = NULL WHERE id = $1",
        id,
        note_id
    )?;
    Ok(keys)
}

/// A quote consultation's message with the thread's parties (only they may report it).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConsultationMessageTarget {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub consultation_id: ConsultationId,
    #[sqlx(try_from = "i64")]
    pub author_id: UserId,
    pub body: String,
    #[sqlx(try_from = "i64")]
    pub buyer_id: UserId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
}

pub async fn consultation_message(
    c: &mut impl Exec,
    id: i64,
) -> Result<Option<ConsultationMessageTarget>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ConsultationMessageTarget,
        "SELECT m.id, m.consultation_id, m.author_id, m.body, k.buyer_id, k.seller_id
         FROM consultation_messages m JOIN consultations k ON k.id = m.consultation_id
         WHERE m.id = $1",
        id
    )?)
}

/// Deletes a consultation message and its attachments' rows; returns their file keys for
/// the file store.
pub async fn remove_consultation_message(c: &mut impl Exec, id: i64) -> Result<Vec<String>> {
    let keys: Vec<String> = crate::query_scalar!(
        c,
        fetch_all,
        String,
        "SELECT file_key FROM consultation_attachments WHERE message_id = $1",
        id
    )?;
    execute!(
        c,
        "DELETE FROM consultation_attachments WHERE message_id = $1",
        id
    )?;
    execute!(c, "DELETE FROM consultation_messages WHERE id = $1", id)?;
    Ok(keys)
}

/// A custom offer's texts with its parties.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OfferTarget {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub consultation_id: ConsultationId,
    #[sqlx(try_from = "i64")]
    pub buyer_id: UserId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    pub title: String,
    pub included: String,
}

/// A request of the board with its buyer.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RequestTarget {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub buyer_id: UserId,
    pub title: String,
    pub description: String,
}

pub async fn request(c: &mut impl Exec, id: i64) -> Result<Option<RequestTarget>> {
    Ok(query_as!(
        c,
        fetch_optional,
        RequestTarget,
        "SELECT id, buyer_id, title, description FROM requests WHERE id = $1",
        id
    )?)
}

/// A tip's message with the order's parties.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TipTarget {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    #[sqlx(try_from = "i64")]
    pub buyer_id: UserId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    pub message: String,
}

pub async fn tip(c: &mut impl Exec, id: i64) -> Result<Option<TipTarget>> {
    Ok(query_as!(
        c,
        fetch_optional,
        TipTarget,
        "SELECT id, order_id, buyer_id, seller_id, message FROM order_tips WHERE id = $1",
        id
    )?)
}

pub async fn offer(c: &mut impl Exec, id: i64) -> Result<Option<OfferTarget>> {
    Ok(query_as!(
        c,
        fetch_optional,
        OfferTarget,
        "SELECT id, consultation_id, buyer_id, seller_id, title, included FROM offers
         WHERE id = $1",
        id
    )?)
}

/// A review as the queue shows it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReviewTarget {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub listing_id: ListingId,
    #[sqlx(try_from = "crate::OptionalId")]
    pub author_id: Option<UserId>,
    #[sqlx(try_from = "i64")]
    pub subject_id: UserId,
    pub author_role: String,
    pub rating: i64,
    pub comment: String,
}

pub async fn review(c: &mut impl Exec, id: i64) -> Result<Option<ReviewTarget>> {
    Ok(query_as!(
        c,
        fetch_optional,
        ReviewTarget,
        "SELECT id, listing_id, author_id, subject_id, author_role, rating, comment FROM reviews
         WHERE id = $1 AND removed_at IS NULL",
        id
    )?)
}

/// Takes a review out of lists and ratings: its comment is blanked and it is marked removed.
pub async fn remove_review(c: &mut impl Exec, id: i64, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE reviews SET comment = '', removed_at = $2 WHERE id = $1 AND removed_at IS NULL",
        id,
        now
    )?;
    Ok(n == 1)
}

/// Recomputes a service's rating from its buyers' reviews that are still shown.
pub async fn recompute_listing_rating(c: &mut impl Exec, listing_id: ListingId) -> Result<()> {
    execute!(
        c,
        "UPDATE listings SET
             rating_sum = (SELECT CAST(COALESCE(SUM(rating), 0) AS BIGINT) FROM reviews
                           WHERE listing_id = $1 AND author_role = 'buyer' AND removed_at IS NULL),
             rating_count = (SELECT COUNT(*) FROM reviews
                             WHERE listing_id = $1 AND author_role = 'buyer' AND removed_at IS NULL)
         WHERE id = $1",
        listing_id.get()
    )?;
    execute!(
        c,
        "UPDATE listings SET rating_x100 = CASE WHEN rating_count = 0 THEN 0
             ELSE (rating_sum * 200 + rating_count) / (2 * rating_count) END
         WHERE id = $1",
        listing_id.get()
    )?;
    Ok(())
}
