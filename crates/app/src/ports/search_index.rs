//! The search engine port. The use cases talk to this trait only: documents in, ids out. The
//! built-in adapter is tantivy on local files (`yorozu-search`); an external engine such as
//! OpenSearch can be added as another implementation without touching a use case.
//!
//! The index is derived data: [`crate::search_sync`] feeds it from the database's
//! change log and the index remembers the last change it applied. It holds two kinds of
//! document: published services, and open requests of the request board (公開依頼).

use yorozu_domain::search::Positioned;
use yorozu_domain::{ListingId, RequestId};

/// A published listing as the engine indexes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDocument {
    pub id: ListingId,
    /// Tokens of the normalised title and description ([`yorozu_domain::search::document_tokens`]).
    pub tokens: Vec<Positioned>,
    pub category_id: i64,
    pub parent_category_id: i64,
    pub price: i64,
    pub delivery_days: i64,
    pub rating_x100: i64,
    pub rating_count: i64,
    pub sales_count: i64,
    pub rank_score: i64,
    pub seller_verified: bool,
    pub published_at: i64,
}

/// An open request of the board as the engine indexes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestDocument {
    pub id: RequestId,
    /// Tokens of the normalised title and description, as a listing's.
    pub tokens: Vec<Positioned>,
    pub category_id: i64,
    pub parent_category_id: i64,
    pub budget_min: i64,
    pub budget_max: i64,
    pub proposal_deadline: i64,
}

/// One batch of changes, applied in one commit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexBatch {
    /// Listings to add or replace.
    pub listings: Vec<SearchDocument>,
    /// Listings to remove (missing ones are fine).
    pub removed_listings: Vec<ListingId>,
    pub requests: Vec<RequestDocument>,
    pub removed_requests: Vec<RequestId>,
}

/// How results are ordered. Every order breaks ties by id in the same direction as its key
/// (price-low is exactly price-high reversed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// The recommended score, blended with text relevance when there is a keyword.
    Recommended,
    Newest,
    PriceLow,
    PriceHigh,
    /// Average rating, then number of ratings.
    Rating,
    Sales,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CategoryFilter {
    Leaf(i64),
    /// A top-level category: every leaf under it.
    Parent(i64),
}

/// What to find. Every field but the page is optional.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexQuery {
    /// Per keyword term, the tokens a document holds at these offsets from one start
    /// ([`yorozu_domain::search::SearchQuery::term_phrases`]); every term must match.
    pub phrases: Vec<Vec<Positioned>>,
    pub category: Option<CategoryFilter>,
    pub min_price: Option<i64>,
    pub max_price: Option<i64>,
    pub max_delivery_days: Option<i64>,
    pub min_rating_x100: Option<i64>,
    pub verified_only: bool,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
}

/// What to find on the request board: open requests, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestIndexQuery {
    /// As [`IndexQuery::phrases`]: every term must match.
    pub phrases: Vec<Vec<Positioned>>,
    pub category: Option<CategoryFilter>,
    /// Requests whose budget reaches at least this (budget_max ≥).
    pub budget_at_least: Option<i64>,
    /// Requests whose budget starts at most at this (budget_min ≤).
    pub budget_at_most: Option<i64>,
    /// Only requests whose proposal deadline is after this (unix seconds).
    pub open_at: i64,
    /// Only requests with an id below this one (the next page).
    pub before: Option<RequestId>,
    pub limit: usize,
}

/// One page of matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexHits {
    /// Listing ids of the page, in order.
    pub ids: Vec<ListingId>,
    /// Every match, counted exactly.
    pub total: u64,
    /// Matches per category, leaf and top level alike, counted with every filter but the
    /// category one (so the counts beside the category filter say where else to look).
    pub categories: Vec<(i64, u64)>,
}

#[derive(Debug, thiserror::Error)]
#[error("search index: {0}")]
pub struct SearchIndexError(pub String);

pub trait SearchIndex: Send + Sync + std::fmt::Debug {
    /// Applies one batch atomically: documents replace those of the same kind and id, removed
    /// ones go, and the index then records `last_change` as applied, in the same commit
    /// (`None` while a build is under way: not usable yet).
    fn apply(&self, batch: IndexBatch, last_change: Option<i64>) -> Result<(), SearchIndexError>;

    /// Rewrites the index files that still hold removed documents, so that their text is
    /// gone from the disk and not only hidden (an erased member's services).
    fn compact(&self) -> Result<(), SearchIndexError>;

    /// Removes every document and forgets the applied change (before a rebuild).
    fn clear(&self) -> Result<(), SearchIndexError>;

    /// The change log id applied last; `None` for an index never (completely) built.
    fn last_change(&self) -> Option<i64>;

    fn search(&self, query: &IndexQuery) -> Result<IndexHits, SearchIndexError>;

    /// The ids of the board's requests that match, newest first.
    fn search_requests(
        &self,
        query: &RequestIndexQuery,
    ) -> Result<Vec<RequestId>, SearchIndexError>;

    /// Every listing id the index holds (checks and tests; small catalogues only).
    fn all_ids(&self) -> Result<Vec<ListingId>, SearchIndexError>;

    /// Every request id the index holds (checks and tests).
    fn all_request_ids(&self) -> Result<Vec<RequestId>, SearchIndexError>;
}
