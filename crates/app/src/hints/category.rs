//! What sells in a category, for sellers (`/sales/categories/…`): the prices of completed
//! orders in bands, the delivery days promised (median and bands), how many sellers list a
//! service there and how many sold in the last [`RECENT_DAYS`] days, and the median rating.
//! Only aggregates, and only when at least [`MIN_SELLERS`] sellers have a completed order
//! there: below that the category is too small, and nothing about it is shown.

use yorozu_domain::UserId;
use yorozu_domain::hints::{DELIVERY_BANDS, MIN_SELLERS, PRICE_BANDS, histogram, median};
use yorozu_domain::listings::categories::Category;
use yorozu_store::hints as store;

use crate::{App, AppResult};

/// "Sold recently": a completed order in the last this many days.
pub const RECENT_DAYS: i64 = 90;

/// A band and how many fall in it: `[from, to)`, `to` `None` for the last band.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Band {
    pub from: i64,
    pub to: Option<i64>,
    pub count: i64,
}

/// The category's numbers (only built over at least K sellers).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CategoryNumbers {
    /// Completed orders counted.
    pub completed_orders: i64,
    pub median_price: i64,
    pub price_bands: Vec<Band>,
    pub median_delivery_days: i64,
    pub delivery_bands: Vec<Band>,
    /// Sellers with a published service in the category.
    pub listed_sellers: i64,
    /// Sellers with a completed order in the category in the last [`RECENT_DAYS`] days.
    pub recent_sellers: i64,
    /// The median of the published services' average ratings (× 100), if any has one.
    pub median_rating_x100: Option<i64>,
}

/// A category for sellers: its numbers, or `None` when it is too small to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryReport {
    pub category: &'static Category,
    pub numbers: Option<CategoryNumbers>,
}

fn bands(edges: &[i64], counts: Vec<i64>) -> Vec<Band> {
    counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| Band {
            from: edges[i],
            to: edges.get(i + 1).copied(),
            count,
        })
        .collect()
}

fn distinct(mut ids: Vec<UserId>) -> i64 {
    ids.sort_unstable_by_key(|s| s.get());
    ids.dedup();
    i64::try_from(ids.len()).unwrap_or(i64::MAX)
}

/// The report of `category` (a leaf; a top-level category has no services of its own and is
/// reported as too small).
pub async fn report(app: &App, category: &'static Category) -> AppResult<CategoryReport> {
    let mut c = app.db.read().await?;
    let orders = store::completed_orders(&mut c, category.id).await?;
    let sellers = distinct(orders.iter().map(|o| o.seller_id).collect());
    if sellers < i64::try_from(MIN_SELLERS).unwrap_or(i64::MAX) {
        return Ok(CategoryReport {
            category,
            numbers: None,
        });
    }
    let since = app.now() - RECENT_DAYS * 86_400;
    let recent_sellers = distinct(
        orders
            .iter()
            .filter(|o| o.completed_at >= since)
            .map(|o| o.seller_id)
            .collect(),
    );
    let prices: Vec<i64> = orders.iter().map(|o| o.price).collect();
    let days: Vec<i64> = orders.iter().map(|o| o.delivery_days).collect();
    let listed_sellers = store::listed_sellers(&mut c, category.id).await?;
    let ratings = store::ratings(&mut c, category.id).await?;
    Ok(CategoryReport {
        category,
        numbers: Some(CategoryNumbers {
            completed_orders: i64::try_from(orders.len()).unwrap_or(i64::MAX),
            median_price: median(&prices).unwrap_or(0),
            price_bands: bands(&PRICE_BANDS, histogram(&PRICE_BANDS, &prices)),
            median_delivery_days: median(&days).unwrap_or(0),
            delivery_bands: bands(&DELIVERY_BANDS, histogram(&DELIVERY_BANDS, &days)),
            listed_sellers,
            recent_sellers,
            median_rating_x100: median(&ratings),
        }),
    })
}
