//! A seller's own service as their list (出品一覧) shows it, drafts and paused ones included.

use yorozu_domain::listings::ListingStatus;
use yorozu_domain::{ListingId, Yen};
use yorozu_store::listings::ListingRow;

/// One of the seller's services, with its counters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MyListing {
    pub id: ListingId,
    pub status: ListingStatus,
    pub category_id: i64,
    pub title: String,
    pub price: Yen,
    pub delivery_days: i64,
    pub sales_count: i64,
    /// Average rating × 100 (0 before the first rating).
    pub rating_x100: i64,
    pub rating_count: i64,
    pub favorites_count: i64,
    pub published_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl From<ListingRow> for MyListing {
    fn from(r: ListingRow) -> MyListing {
        MyListing {
            id: r.id,
            status: r.status,
            category_id: r.category_id,
            title: r.title,
            price: r.price,
            delivery_days: r.delivery_days,
            sales_count: r.sales_count,
            rating_x100: r.rating_x100,
            rating_count: r.rating_count,
            favorites_count: r.favorites_count,
            published_at: r.published_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}
