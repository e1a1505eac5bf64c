//! Finding services: the search page's parameters, parsed leniently (a bad filter is ignored
//! rather than failing the page), turned into a store filter.

use std::sync::Arc;
use yorozu_domain::listings::categories;
use yorozu_domain::money::parse_amount;
use yorozu_domain::search::SearchQuery;

use yorozu_store::catalog;
use yorozu_store::listings::search::{self, CategoryFilter, Filter, Sort};

use crate::listings::{Card, card};
use crate::{App, AppResult};

/// How far a search counts its matches; beyond it the page says 「N件以上」.
pub const COUNT_CAP: i64 = search::COUNT_CAP;

pub const PAGE_SIZE: i64 = 24;
/// Pages beyond this are not served: nobody pages that far, and deep OFFSETs are slow.
pub const MAX_PAGE: i64 = 40;

/// The query string of the search page (all optional; kept in the URL so results can be shared).
#[derive(Debug, Default, Clone, serde::Deserialize, serde::Serialize)]
pub struct SearchParams {
    #[serde(default)]
    pub q: String,
    /// A category id (leaf or top level).
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub min_price: String,
    #[serde(default)]
    pub max_price: String,
    #[serde(default)]
    pub days: String,
    /// Minimum average rating: 3, 4 or 4.5.
    #[serde(default)]
    pub rating: String,
    #[serde(default)]
    pub verified: String,
    #[serde(default)]
    pub sort: String,
    #[serde(default)]
    pub page: String,
}

/// Sort keys as they appear in URLs.
pub const SORTS: [(&str, Sort); 6] = [
    ("recommended", Sort::Recommended),
    ("new", Sort::Newest),
    ("price-low", Sort::PriceLow),
    ("price-high", Sort::PriceHigh),
    ("rating", Sort::Rating),
    ("sales", Sort::Sales),
];

#[derive(Debug, Clone)]
pub struct SearchResults {
    pub cards: Vec<Card>,
    /// Matches, counted up to [`search::COUNT_CAP`] + 1.
    pub total: i64,
    pub capped: bool,
    pub page: i64,
    pub pages: i64,
}

impl SearchParams {
    pub fn page(&self) -> i64 {
        self.page
            .trim()
            .parse::<i64>()
            .unwrap_or(1)
            .clamp(1, MAX_PAGE)
    }

    pub fn sort(&self) -> Sort {
        SORTS
            .iter()
            .find(|(k, _)| *k == self.sort)
            .map_or(Sort::Recommended, |(_, s)| *s)
    }

    pub fn filter(&self) -> Filter {
        let query = SearchQuery::parse(&self.q);
        let category = self
            .category
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(categories::by_id)
            .map(|c| {
                if c.is_leaf() {
                    CategoryFilter::Leaf(c.id)
                } else {
                    CategoryFilter::Parent(c.id)
                }
            });
        let amount = |s: &str| {
            if s.trim().is_empty() {
                None
            } else {
                parse_amount(s).ok()
            }
        };
        let rating = match self.rating.as_str() {
            "3" => Some(300),
            "4" => Some(400),
            "4.5" => Some(450),
            _ => None,
        };
        let page = self.page();
        Filter {
            term_grams: query.term_grams(),
            terms: query.terms().to_vec(),
            category,
            min_price: amount(&self.min_price),
            max_price: amount(&self.max_price),
            max_delivery_days: self
                .days
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|d| (1..=90).contains(d)),
            min_rating_x100: rating,
            verified_only: matches!(self.verified.as_str(), "1" | "true" | "on"),
            sort: self.sort(),
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
        }
    }
}

/// One page of results; served from the catalogue cache when nothing changed since.
pub async fn run(app: &App, params: &SearchParams) -> AppResult<Arc<SearchResults>> {
    let filter = params.filter();
    let mut c = app.db.read().await?;
    let version = catalog::version(&mut c).await?;
    let key = serde_json::to_string(params)?;
    if let Some(hit) = app.catalog.search(version, &key) {
        return Ok(hit);
    }
    let (cards, total) = search::search(&mut c, &filter).await?;
    let capped = total > search::COUNT_CAP;
    let pages = ((total.min(search::COUNT_CAP) + PAGE_SIZE - 1) / PAGE_SIZE).clamp(1, MAX_PAGE);
    let results = Arc::new(SearchResults {
        cards: card::cards(cards),
        total,
        capped,
        page: params.page(),
        pages,
    });
    app.catalog.store_search(version, key, results.clone());
    Ok(results)
}
