//! What sells in a category, for sellers (`/sales/categories/…`): the sellers' typical prices
//! of completed orders in bands, their typical delivery days (median and bands), how many
//! sellers list a service there and how many sold in the last [`RECENT_DAYS`] days, and the
//! median rating. Only aggregates, and only when at least [`MIN_SELLERS`] sellers other than
//! the one looking have a completed order there: below that the category is too small, and
//! nothing about it is shown.
//!
//! Never another seller's private numbers: each seller counts once, by the median of their
//! own orders (a seller with many sales cannot make the category's numbers theirs); orders
//! made from a custom offer (their price is between two members) are left out; orders count
//! from the day after they completed (the numbers change once a day, so watching them cannot
//! tell one new sale); and the count of recent sellers is shown only from K up.

use std::collections::BTreeMap;

use yorozu_domain::UserId;
use yorozu_domain::analytics::day_start;
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
    /// Sellers counted (each by the medians of their own orders).
    pub selling_sellers: i64,
    /// The median of the sellers' median prices.
    pub median_price: i64,
    /// How many sellers' median price falls in each band.
    pub price_bands: Vec<Band>,
    pub median_delivery_days: i64,
    /// How many sellers' median delivery days fall in each band.
    pub delivery_bands: Vec<Band>,
    /// Sellers with a published service in the category.
    pub listed_sellers: i64,
    /// Sellers with a completed order in the category in the last [`RECENT_DAYS`] days;
    /// `None` when they are fewer than K.
    pub recent_sellers: Option<i64>,
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

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// One seller's orders in the category.
#[derive(Default)]
struct SellerOrders {
    prices: Vec<i64>,
    days: Vec<i64>,
    last_completed: i64,
}

/// The report of `category` (a leaf; a top-level category has no services of its own and is
/// reported as too small) for `viewer`, whose own orders are left out so that the others'
/// numbers cannot be worked out from what they know of theirs.
pub async fn report(
    app: &App,
    category: &'static Category,
    viewer: UserId,
) -> AppResult<CategoryReport> {
    let mut c = app.db.read().await?;
    let before = day_start(app.now());
    let orders = store::completed_orders(&mut c, category.id, before).await?;
    let mut sellers: BTreeMap<i64, SellerOrders> = BTreeMap::new();
    for o in orders.iter().filter(|o| o.seller_id != viewer) {
        let s = sellers.entry(o.seller_id.get()).or_default();
        s.prices.push(o.price);
        s.days.push(o.delivery_days);
        s.last_completed = s.last_completed.max(o.completed_at);
    }
    if sellers.len() < MIN_SELLERS {
        return Ok(CategoryReport {
            category,
            numbers: None,
        });
    }
    let since = app.now() - RECENT_DAYS * 86_400;
    let recent = sellers
        .values()
        .filter(|s| s.last_completed >= since)
        .count();
    let prices: Vec<i64> = sellers.values().filter_map(|s| median(&s.prices)).collect();
    let days: Vec<i64> = sellers.values().filter_map(|s| median(&s.days)).collect();
    let listed_sellers = store::listed_sellers(&mut c, category.id).await?;
    let ratings = store::ratings(&mut c, category.id).await?;
    Ok(CategoryReport {
        category,
        numbers: Some(CategoryNumbers {
            completed_orders: count(sellers.values().map(|s| s.prices.len()).sum()),
            selling_sellers: count(sellers.len()),
            median_price: median(&prices).unwrap_or(0),
            price_bands: bands(&PRICE_BANDS, histogram(&PRICE_BANDS, &prices)),
            median_delivery_days: median(&days).unwrap_or(0),
            delivery_bands: bands(&DELIVERY_BANDS, histogram(&DELIVERY_BANDS, &days)),
            listed_sellers,
            recent_sellers: (recent >= MIN_SELLERS).then(|| count(recent)),
            median_rating_x100: median(&ratings),
        }),
    })
}
