//! Reviews (評価): one per order and side; the buyer's feed the service's and the seller's
//! rating summaries.

use yorozu_domain::ListingId;
use yorozu_domain::OrderId;
use yorozu_domain::orders::ReviewRole;

use crate::{Exec, Result, execute, query_as};
use yorozu_domain::UserId;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReviewRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    #[sqlx(try_from = "i64")]
    pub listing_id: ListingId,
    /// NULL once the author's account is erased; the review stays, shown as 「退会したユーザー」.
    #[sqlx(try_from = "crate::OptionalId")]
    pub author_id: Option<UserId>,
    #[sqlx(try_from = "i64")]
    pub subject_id: UserId,
    /// The author's side: the buyer rates the seller, the seller the buyer.
    #[sqlx(try_from = "String")]
    pub author_role: ReviewRole,
    pub rating: i64,
    pub comment: String,
    pub anonymous: bool,
    pub created_at: i64,
}

/// Records a review. Returns `false` when this side already reviewed the order.
pub async fn insert(c: &mut impl Exec, r: &ReviewRow) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO reviews (id, order_id, listing_id, author_id, subject_id, author_role, rating,
             comment, anonymous, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT DO NOTHING",
        r.id,
        r.order_id.get(),
        r.listing_id.get(),
        r.author_id.map(UserId::get),
        r.subject_id.get(),
        r.author_role.as_str(),
        r.rating,
        &r.comment,
        r.anonymous,
        r.created_at
    )?;
    Ok(n == 1)
}

/// The reviews of one order (at most one per side).
pub async fn for_order(c: &mut impl Exec, order_id: OrderId) -> Result<Vec<ReviewRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        ReviewRow,
        "SELECT id, order_id, listing_id, author_id, subject_id, author_role, rating, comment,
                anonymous, created_at
         FROM reviews WHERE order_id = $1 ORDER BY id",
        order_id.get()
    )?)
}

/// A review as a public page shows it: with the author's display name (NULL when the author
/// has withdrawn) and the title of the service as bought.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PublicReview {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub order_id: OrderId,
    #[sqlx(try_from = "i64")]
    pub listing_id: ListingId,
    pub listing_title: String,
    #[sqlx(try_from = "crate::OptionalId")]
    pub author_id: Option<UserId>,
    pub author_name: Option<String>,
    pub rating: i64,
    pub comment: String,
    pub anonymous: bool,
    pub created_at: i64,
    /// An operator removed it: its comment is blank and pages show a note in its place.
    pub removed: bool,
}

/// The buyers' reviews of a service, newest first.
pub async fn for_listing(
    c: &mut impl Exec,
    listing_id: ListingId,
    limit: i64,
    offset: i64,
) -> Result<Vec<PublicReview>> {
    Ok(query_as!(
        c,
        fetch_all,
        PublicReview,
        "SELECT r.id, r.order_id, r.listing_id, o.listing_title, r.author_id,
                p.display_name AS author_name, r.rating, r.comment, r.anonymous, r.created_at,
                (r.removed_at IS NOT NULL) AS removed
         FROM reviews r
         JOIN orders o ON o.id = r.order_id
         LEFT JOIN profiles p ON p.user_id = r.author_id
         WHERE r.listing_id = $1 AND r.author_role = 'buyer'
         ORDER BY r.created_at DESC, r.id DESC LIMIT $2 OFFSET $3",
        listing_id.get(),
        limit,
        offset
    )?)
}

/// Reviews a member received from one side (the buyers' reviews of them as a seller, the
/// sellers' of them as a buyer), newest first.
pub async fn received(
    c: &mut impl Exec,
    subject_id: UserId,
    author_role: ReviewRole,
    limit: i64,
    offset: i64,
) -> Result<Vec<PublicReview>> {
    Ok(query_as!(
        c,
        fetch_all,
        PublicReview,
        "SELECT r.id, r.order_id, r.listing_id, o.listing_title, r.author_id,
                p.display_name AS author_name, r.rating, r.comment, r.anonymous, r.created_at,
                (r.removed_at IS NOT NULL) AS removed
         FROM reviews r
         JOIN orders o ON o.id = r.order_id
         LEFT JOIN profiles p ON p.user_id = r.author_id
         WHERE r.subject_id = $1 AND r.author_role = $2
         ORDER BY r.created_at DESC, r.id DESC LIMIT $3 OFFSET $4",
        subject_id.get(),
        author_role.as_str(),
        limit,
        offset
    )?)
}

/// Count and sum of the ratings a member received from one side.
pub async fn summary(
    c: &mut impl Exec,
    subject_id: UserId,
    author_role: ReviewRole,
) -> Result<(i64, i64)> {
    Ok(query_as!(
        c,
        fetch_one,
        (i64, i64),
        "SELECT COUNT(*), CAST(COALESCE(SUM(rating), 0) AS BIGINT) FROM reviews
         WHERE subject_id = $1 AND author_role = $2 AND removed_at IS NULL",
        subject_id.get(),
        author_role.as_str()
    )?)
}

/// The newest review `author_id` wrote (on either side), as a public page shows it; `None`
/// when they have written none.
pub async fn latest_written(c: &mut impl Exec, author_id: UserId) -> Result<Option<PublicReview>> {
    Ok(query_as!(
        c,
        fetch_optional,
        PublicReview,
        "SELECT r.id, r.order_id, r.listing_id, o.listing_title, r.author_id,
                p.display_name AS author_name, r.rating, r.comment, r.anonymous, r.created_at,
                (r.removed_at IS NOT NULL) AS removed
         FROM reviews r
         JOIN orders o ON o.id = r.order_id
         LEFT JOIN profiles p ON p.user_id = r.author_id
         WHERE r.author_id = $1
         ORDER BY r.created_at DESC, r.id DESC LIMIT 1",
        author_id.get()
    )?)
}
