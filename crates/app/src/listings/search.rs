//! Finding services: the search page's parameters, parsed leniently (a bad filter is ignored
//! rather than failing the page), turned into a query for the search index port; the index
//! answers with ids, exact counts and category counts, the cards come from the database.

use std::ops::Range;
use std::sync::Arc;
use yorozu_domain::listings::categories;
use yorozu_domain::money::parse_amount;
use yorozu_domain::search::{SearchQuery, highlight_ranges};

use yorozu_store::listings::search as cards;

use crate::listings::{Card, card};
use crate::ports::{CategoryFilter, IndexHits, IndexQuery, Sort};
use crate::search_sync;
use crate::{App, AppResult};

/// How far the page numbers count: beyond it the page says 「N件以上」 and offers no more
/// pages (the index itself counts exactly: [`SearchResults::matches`]).
pub const COUNT_CAP: i64 = 1000;

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

#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    pub cards: Vec<Card>,
    /// Per card, the byte ranges of its title that match the keyword (for `<mark>`).
    pub highlights: Vec<Vec<Range<usize>>>,
    /// Matches, counted up to [`COUNT_CAP`] + 1 (what the page numbers use).
    pub total: i64,
    pub capped: bool,
    /// Every match, counted exactly.
    pub matches: u64,
    /// Matches per category id (leaf and top level), with every filter but the category.
    pub categories: Vec<(i64, u64)>,
    pub page: i64,
    pub pages: i64,
    /// When nothing matched: where the keyword does occur (category ids, most matches first),
    /// found by dropping the filters, then by each term alone, then by each term's first two
    /// characters.
    pub nearest_categories: Vec<i64>,
    /// When nothing matched: what other visitors found something with (this process's
    /// memory, most frequent first).
    pub popular_searches: Vec<String>,
}

/// How many nearest categories and popular searches an empty result page offers.
const SUGGESTIONS: usize = 6;

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

    /// The keyword terms, normalised (also what result titles highlight).
    pub fn keyword(&self) -> SearchQuery {
        SearchQuery::parse(&self.q)
    }

    pub fn query(&self) -> IndexQuery {
        let query = self.keyword();
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
        IndexQuery {
            phrases: query.term_phrases(),
            category,
            min_price: amount(&self.min_price).map(|y| y.get()),
            max_price: amount(&self.max_price).map(|y| y.get()),
            max_delivery_days: self
                .days
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|d| (1..=90).contains(d)),
            min_rating_x100: rating,
            verified_only: matches!(self.verified.as_str(), "1" | "true" | "on"),
            sort: self.sort(),
            limit: PAGE_SIZE as usize,
            offset: ((page - 1) * PAGE_SIZE) as usize,
        }
    }
}

/// One page of results; served from the catalogue cache when nothing changed since.
pub async fn run(app: &App, params: &SearchParams) -> AppResult<Arc<SearchResults>> {
    let seen = crate::catalog::sync(app).await?;
    let key = serde_json::to_string(params)?;
    if let Some(hit) = app.catalog.search(&key) {
        return Ok(hit);
    }
    search_sync::catch_up(app).await?;
    let hits = app.search.index().search(&params.query())?;
    let found = {
        let mut c = app.db.read().await?;
        card::cards(cards::cards_by_ids(&mut c, &hits.ids).await?)
    };
    let results = Arc::new(results(app, params, hits, found)?);
    app.catalog.store_search(seen, key, results.clone());
    Ok(results)
}

/// Counts a results page served to `visitor` (after the services they do not see were
/// taken out): each service shown has one search impression, with the page's search words.
/// Called for every page served, from the results cache or not.
pub fn count_impressions(
    app: &App,
    params: &SearchParams,
    results: &SearchResults,
    visitor: &crate::analytics::Visitor<'_>,
) {
    let shown: Vec<_> = results.cards.iter().map(|c| (c.id, c.seller_id)).collect();
    // The words as the visitor typed them (the index's folded forms, such as katakana as
    // hiragana, would not read as the seller's buyers wrote them).
    let words: Vec<String> = params.q.split_whitespace().map(str::to_lowercase).collect();
    crate::analytics::record_impressions(app, &shown, &words, visitor);
}

/// Builds the page, counting a keyword that found something towards the popular searches
/// and offering suggestions when nothing matched.
fn results(
    app: &App,
    params: &SearchParams,
    hits: IndexHits,
    found: Vec<Card>,
) -> AppResult<SearchResults> {
    let total = (hits.total as i64).min(COUNT_CAP + 1);
    let capped = total > COUNT_CAP;
    let pages = ((total.min(COUNT_CAP) + PAGE_SIZE - 1) / PAGE_SIZE).clamp(1, MAX_PAGE);
    let keyword = params.keyword();
    let highlights = found
        .iter()
        .map(|c| highlight_ranges(&c.title, keyword.terms()))
        .collect();
    let (nearest_categories, popular_searches) = if hits.total > 0 {
        app.search.popular().count(&keyword);
        (vec![], vec![])
    } else {
        (
            nearest_categories(app, params, &keyword)?,
            app.search.popular().top(SUGGESTIONS),
        )
    };
    Ok(SearchResults {
        cards: found,
        highlights,
        total,
        capped,
        matches: hits.total,
        categories: hits.categories,
        page: params.page(),
        pages,
        nearest_categories,
        popular_searches,
    })
}

fn nearest_categories(
    app: &App,
    params: &SearchParams,
    keyword: &SearchQuery,
) -> AppResult<Vec<i64>> {
    if keyword.is_empty() {
        return Ok(vec![]);
    }
    let bare = |phrases| IndexQuery {
        phrases,
        category: None,
        min_price: None,
        max_price: None,
        max_delivery_days: None,
        min_rating_x100: None,
        verified_only: false,
        sort: Sort::Recommended,
        offset: 0,
        limit: 0,
    };
    let mut attempts = vec![bare(params.query().phrases)];
    let terms = keyword.terms();
    attempts.extend(
        terms
            .iter()
            .map(|t| bare(SearchQuery::parse(t).term_phrases())),
    );
    attempts.extend(terms.iter().map(|t| {
        let short: String = t.chars().take(2).collect();
        bare(SearchQuery::parse(&short).term_phrases())
    }));
    for attempt in attempts {
        let hits = app.search.index().search(&attempt)?;
        if hits.total > 0 {
            let mut leaves: Vec<(i64, u64)> = hits
                .categories
                .into_iter()
                .filter(|(id, _)| categories::by_id(*id).is_some_and(|c| c.is_leaf()))
                .collect();
            leaves.sort_by_key(|(id, count)| (std::cmp::Reverse(*count), *id));
            return Ok(leaves
                .into_iter()
                .take(SUGGESTIONS)
                .map(|(id, _)| id)
                .collect());
        }
    }
    Ok(vec![])
}
