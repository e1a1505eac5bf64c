//! A result card: what search, favourites, the home page and a seller's page show of a
//! published service.

use yorozu_domain::{ListingId, UserId, Yen};
use yorozu_store::listings::search::CardRow;

/// One published service as a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub id: ListingId,
    pub seller_id: UserId,
    pub title: String,
    pub price: Yen,
    pub delivery_days: i64,
    /// Average rating × 100 (0 before the first rating).
    pub rating_x100: i64,
    pub rating_count: i64,
    pub sales_count: i64,
    pub favorites_count: i64,
    pub category_id: i64,
    pub seller_verified: bool,
    pub published_at: Option<i64>,
    pub seller_name: String,
    /// The first image, if the service has one.
    pub thumb_image_id: Option<i64>,
}

impl From<CardRow> for Card {
    fn from(r: CardRow) -> Card {
        Card {
            id: r.id,
            seller_id: r.seller_id,
            title: r.title,
            price: r.price,
            delivery_days: r.delivery_days,
            rating_x100: r.rating_x100,
            rating_count: r.rating_count,
            sales_count: r.sales_count,
            favorites_count: r.favorites_count,
            category_id: r.category_id,
            seller_verified: r.seller_verified,
            published_at: r.published_at,
            seller_name: r.seller_name,
            thumb_image_id: r.thumb_image_id,
        }
    }
}

/// Cards from store rows, in their order.
pub(crate) fn cards(rows: Vec<CardRow>) -> Vec<Card> {
    rows.into_iter().map(Card::from).collect()
}
