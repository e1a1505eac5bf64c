//! What improvement hints and the sellers' category page read: a service's images and FAQ,
//! first-reply times in talk rooms and consultations, and the completed orders, selling
//! services and sellers of a category. Rows per seller or per order come back so that the
//! app can take medians and enforce the K-seller rule; nothing here is shown as it is.

use yorozu_domain::{ListingId, UserId};

use crate::dynamic::{Bind, QueryBuilder};
use crate::{Exec, Result, query_as, query_scalar};

/// Images and FAQ entries of a service.
pub async fn images_and_faqs(c: &mut impl Exec, listing: ListingId) -> Result<(i64, i64)> {
    Ok(query_as!(
        c,
        fetch_one,
        (i64, i64),
        "SELECT (SELECT CAST(COUNT(*) AS BIGINT) FROM listing_images WHERE listing_id = $1),
                (SELECT CAST(COUNT(*) AS BIGINT) FROM listing_faqs WHERE listing_id = $1)",
        listing.get()
    )?)
}

/// A first reply: whose it was, and how many seconds after the buyer wrote.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReplySample {
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    pub seconds: i64,
}

/// First-reply times of these sellers since `since`: per order, the seller's first message
/// (a delivery counts) after the purchase, whose request is the buyer's first message; per
/// consultation, the seller's first message after the buyer's first one. Threads without a
/// reply yet are left out.
pub async fn first_replies(
    c: &mut impl Exec,
    sellers: &[UserId],
    since: i64,
) -> Result<Vec<ReplySample>> {
    if sellers.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for head in [
        "SELECT seller_id, replied - asked AS seconds FROM (
           SELECT o.seller_id, o.created_at AS asked,
                  (SELECT MIN(m.created_at) FROM order_messages m
                    WHERE m.order_id = o.id AND m.author_id = o.seller_id) AS replied
           FROM orders o WHERE o.created_at >= ",
        "SELECT seller_id, replied - asked AS seconds FROM (
           SELECT t.seller_id,
                  (SELECT MIN(m.created_at) FROM consultation_messages m
                    WHERE m.consultation_id = t.id AND m.author_id = t.buyer_id) AS asked,
                  (SELECT MIN(m.created_at) FROM consultation_messages m
                    WHERE m.consultation_id = t.id AND m.author_id = t.seller_id) AS replied
           FROM consultations t WHERE t.created_at >= ",
    ] {
        let mut q = QueryBuilder::new(head);
        q.push_bind(Bind::I64(since));
        q.push(" AND seller_id IN (");
        for (i, s) in sellers.iter().enumerate() {
            if i > 0 {
                q.push(", ");
            }
            q.push_bind(Bind::I64(s.get()));
        }
        q.push(")) AS r WHERE asked IS NOT NULL AND replied IS NOT NULL AND replied >= asked");
        out.extend(q.fetch_all::<ReplySample>(c).await?);
    }
    Ok(out)
}

/// A completed order of the category: its seller, the service's price as bought (options
/// left out), the delivery days promised, and when it completed.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CompletedOrder {
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    pub price: i64,
    pub delivery_days: i64,
    pub completed_at: i64,
}

/// Every completed order of services filed under `category` (by the service's category now)
/// that completed before `before`, except those made from a custom offer (their price was
/// agreed between two members).
pub async fn completed_orders(
    c: &mut impl Exec,
    category: i64,
    before: i64,
) -> Result<Vec<CompletedOrder>> {
    Ok(query_as!(
        c,
        fetch_all,
        CompletedOrder,
        "SELECT o.seller_id,
                o.subtotal - (SELECT CAST(COALESCE(SUM(p.price), 0) AS BIGINT) FROM order_options p
                               WHERE p.order_id = o.id) AS price,
                o.delivery_days, COALESCE(o.completed_at, o.updated_at) AS completed_at
         FROM orders o JOIN listings l ON l.id = o.listing_id
         WHERE l.category_id = $1 AND o.state = 'completed'
           AND COALESCE(o.completed_at, o.updated_at) < $2
           AND NOT EXISTS (SELECT 1 FROM offers f WHERE f.order_id = o.id)",
        category,
        before
    )?)
}

/// A service of the category with a completed order: its seller and its images.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SellingListing {
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    pub images: i64,
}

/// The services of `category` with at least one completed order (deleted ones left out).
pub async fn selling_listings(c: &mut impl Exec, category: i64) -> Result<Vec<SellingListing>> {
    Ok(query_as!(
        c,
        fetch_all,
        SellingListing,
        "SELECT l.seller_id,
                (SELECT CAST(COUNT(*) AS BIGINT) FROM listing_images i WHERE i.listing_id = l.id) AS images
         FROM listings l
         WHERE l.category_id = $1 AND l.status <> 'deleted'
           AND EXISTS (SELECT 1 FROM orders o WHERE o.listing_id = l.id AND o.state = 'completed')",
        category
    )?)
}

/// Sellers with a published service in `category`.
pub async fn listed_sellers(c: &mut impl Exec, category: i64) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT CAST(COUNT(DISTINCT seller_id) AS BIGINT) FROM listings
         WHERE category_id = $1 AND status = 'published'",
        category
    )?)
}

/// The average ratings (× 100) of the category's published services that have a rating.
pub async fn ratings(c: &mut impl Exec, category: i64) -> Result<Vec<i64>> {
    Ok(query_scalar!(
        c,
        fetch_all,
        i64,
        "SELECT rating_x100 FROM listings
         WHERE category_id = $1 AND status = 'published' AND rating_count > 0",
        category
    )?)
}
