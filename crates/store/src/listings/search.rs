//! Lists of published listings in SQL, without keywords (keyword search, its counts and its
//! filters run on the search engine, `yorozu_app::ports::SearchIndex`): the home page's newest
//! and recommended lists, and cards by id for what the engine found. The category, price,
//! delivery, rating and verified-seller filters and six sorts each walk an index (see the
//! query-plan test `search_and_listing_queries_use_indexes`).

use yorozu_domain::Yen;

use crate::dynamic::{Bind, QueryBuilder};
use crate::{Exec, Result};
use yorozu_domain::{ListingId, UserId};

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Recommended,
    Newest,
    PriceLow,
    PriceHigh,
    Rating,
    Sales,
}

/// Which listings to find; every field is optional except the page.
#[derive(Debug, Clone)]
pub struct Filter {
    /// A leaf category, or a top-level one (matched on the parent column).
    pub category: Option<CategoryFilter>,
    pub min_price: Option<Yen>,
    pub max_price: Option<Yen>,
    pub max_delivery_days: Option<i64>,
    pub min_rating_x100: Option<i64>,
    pub verified_only: bool,
    pub sort: Sort,
    pub limit: i64,
    pub offset: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CategoryFilter {
    Leaf(i64),
    Parent(i64),
}

/// One search result, with what a result card shows.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CardRow {
    #[sqlx(try_from = "i64")]
    pub id: ListingId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    pub title: String,
    #[sqlx(try_from = "i64")]
    pub price: Yen,
    pub delivery_days: i64,
    pub rating_x100: i64,
    pub rating_count: i64,
    pub sales_count: i64,
    pub favorites_count: i64,
    pub category_id: i64,
    pub seller_verified: bool,
    pub published_at: Option<i64>,
    pub seller_name: String,
    pub thumb_image_id: Option<i64>,
}

fn where_clause(q: &mut QueryBuilder, f: &Filter) {
    q.push(" WHERE l.status = 'published'");
    match f.category {
        Some(CategoryFilter::Leaf(id)) => {
            q.push(" AND l.category_id = ").push_bind(Bind::I64(id));
        }
        Some(CategoryFilter::Parent(id)) => {
            q.push(" AND l.parent_category_id = ")
                .push_bind(Bind::I64(id));
        }
        None => {}
    }
    if let Some(v) = f.min_price {
        q.push(" AND l.price >= ").push_bind(Bind::I64(v.get()));
    }
    if let Some(v) = f.max_price {
        q.push(" AND l.price <= ").push_bind(Bind::I64(v.get()));
    }
    if let Some(v) = f.max_delivery_days {
        q.push(" AND l.delivery_days <= ").push_bind(Bind::I64(v));
    }
    if let Some(v) = f.min_rating_x100 {
        q.push(" AND l.rating_x100 >= ").push_bind(Bind::I64(v));
    }
    if f.verified_only {
        q.push(" AND l.seller_verified = TRUE");
    }
}

/// Every order ends with the id as tie-break, in the same direction as the key before it, so
/// that one index `(status, key, id)` walked forwards or backwards serves it (price-low is
/// exactly price-high reversed).
fn order_clause(q: &mut QueryBuilder, sort: Sort) {
    q.push(match sort {
        Sort::Recommended => " ORDER BY l.rank_score DESC, l.id DESC",
        Sort::Newest => " ORDER BY l.published_at DESC, l.id DESC",
        Sort::PriceLow => " ORDER BY l.price ASC, l.id ASC",
        Sort::PriceHigh => " ORDER BY l.price DESC, l.id DESC",
        Sort::Rating => " ORDER BY l.rating_x100 DESC, l.rating_count DESC, l.id DESC",
        Sort::Sales => " ORDER BY l.sales_count DESC, l.id DESC",
    });
}

/// The query for one page of results (public for the query-plan tests).
pub fn page_query(f: &Filter) -> QueryBuilder {
    let mut q = QueryBuilder::new(
        "SELECT l.id, l.seller_id, l.title, l.price, l.delivery_days, l.rating_x100, l.rating_count, l.sales_count,
                l.favorites_count, l.category_id, l.seller_verified, l.published_at, p.display_name AS seller_name,
                (SELECT i.id FROM listing_images i WHERE i.listing_id = l.id ORDER BY i.position, i.id LIMIT 1) AS thumb_image_id
         FROM listings l JOIN profiles p ON p.user_id = l.seller_id",
    );
    where_clause(&mut q, f);
    order_clause(&mut q, f.sort);
    q.push(" LIMIT ")
        .push_bind(Bind::I64(f.limit))
        .push(" OFFSET ")
        .push_bind(Bind::I64(f.offset));
    q
}

/// Counting stops at this many matches: the page says "1,000件以上" rather than paying to count
/// a hundred thousand rows for a number nobody pages through.
pub const COUNT_CAP: i64 = 1000;

pub fn count_query(f: &Filter) -> QueryBuilder {
    let mut q = QueryBuilder::new("SELECT COUNT(*) FROM (SELECT l.id FROM listings l");
    where_clause(&mut q, f);
    q.push(" LIMIT ")
        .push_bind(Bind::I64(COUNT_CAP + 1))
        .push(") capped");
    q
}

/// One page of results and the (capped) number of matches.
pub async fn search(c: &mut impl Exec, f: &Filter) -> Result<(Vec<CardRow>, i64)> {
    let rows = page_query(f).fetch_all::<CardRow>(c).await?;
    let total = count_query(f).fetch_scalar_i64(c).await?;
    Ok((rows, total))
}

/// The query for [`cards_by_ids`] (public for the query-plan tests); `ids` is not empty. The
/// seller's name is a lookup per card rather than a join: with a join PostgreSQL may hash the
/// whole profiles table for two dozen cards.
pub fn cards_by_ids_query(ids: &[ListingId]) -> QueryBuilder {
    let mut q = QueryBuilder::new(
        "SELECT l.id, l.seller_id, l.title, l.price, l.delivery_days, l.rating_x100, l.rating_count, l.sales_count,
                l.favorites_count, l.category_id, l.seller_verified, l.published_at,
                (SELECT p.display_name FROM profiles p WHERE p.user_id = l.seller_id) AS seller_name,
                (SELECT i.id FROM listing_images i WHERE i.listing_id = l.id ORDER BY i.position, i.id LIMIT 1) AS thumb_image_id
         FROM listings l WHERE l.status = 'published' AND l.id IN (",
    );
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push_bind(Bind::I64(id.get()));
    }
    q.push(")");
    q
}

/// Cards for specific listings (what the search engine found, favourites, a seller's page), in
/// the given order.
pub async fn cards_by_ids(c: &mut impl Exec, ids: &[ListingId]) -> Result<Vec<CardRow>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut rows = cards_by_ids_query(ids).fetch_all::<CardRow>(c).await?;
    rows.sort_by_key(|r| ids.iter().position(|id| *id == r.id));
    Ok(rows)
}
