//! One pass over the matches that filters on fast fields, counts every match exactly, counts
//! matches per category and keeps the best `offset + limit` by the requested order.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};
use yorozu_app::ports::{CategoryFilter, IndexQuery, Sort};

use crate::schema::{
    CATEGORY, DELIVERY_DAYS, ID, PARENT_CATEGORY, PRICE, PUBLISHED_AT, RANK, RATING, RATING_COUNT,
    SALES, VERIFIED,
};

/// How much text relevance weighs against the recommended score when there is a keyword: a
/// BM25 score of 10 (a strong match) is worth 1,000 points, what doubling the sales earns in
/// [`yorozu_app::listings::rank::rank_score`].
const RELEVANCE_WEIGHT: f32 = 100.0;

/// Larger is better; the last element breaks ties by id in the key's direction.
type SortKey = (i64, i64, i64);

/// What the collector gathers: the best `(key, id)` pairs, the exact count and the category
/// counts.
#[derive(Debug, Default)]
pub(crate) struct Gathered {
    pub best: Vec<(SortKey, i64)>,
    pub total: u64,
    pub categories: HashMap<i64, u64>,
}

pub(crate) struct PageCollector<'q> {
    pub query: &'q IndexQuery,
    /// True when the order uses relevance (a keyword, recommended order).
    pub scored: bool,
}

impl Collector for PageCollector<'_> {
    type Fruit = Gathered;
    type Child = SegmentPage;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentPage> {
        let fast = reader.fast_fields();
        let column = |name: &str| fast.i64(name);
        Ok(SegmentPage {
            columns: Columns {
                id: column(ID)?,
                category: column(CATEGORY)?,
                parent_category: column(PARENT_CATEGORY)?,
                price: column(PRICE)?,
                delivery_days: column(DELIVERY_DAYS)?,
                rating: column(RATING)?,
                rating_count: column(RATING_COUNT)?,
                sales: column(SALES)?,
                rank: column(RANK)?,
                published_at: column(PUBLISHED_AT)?,
                verified: column(VERIFIED)?,
            },
            filter: Filter::from(self.query),
            sort: self.query.sort,
            scored: self.scored,
            keep: self.query.offset + self.query.limit,
            best: BinaryHeap::new(),
            total: 0,
            categories: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.scored
    }

    fn merge_fruits(&self, fruits: Vec<Gathered>) -> tantivy::Result<Gathered> {
        let mut merged = Gathered::default();
        for fruit in fruits {
            merged.best.extend(fruit.best);
            merged.total += fruit.total;
            for (category, count) in fruit.categories {
                *merged.categories.entry(category).or_default() += count;
            }
        }
        merged.best.sort_unstable_by(|a, b| b.cmp(a));
        Ok(merged)
    }
}

struct Columns {
    id: Column<i64>,
    category: Column<i64>,
    parent_category: Column<i64>,
    price: Column<i64>,
    delivery_days: Column<i64>,
    rating: Column<i64>,
    rating_count: Column<i64>,
    sales: Column<i64>,
    rank: Column<i64>,
    published_at: Column<i64>,
    verified: Column<i64>,
}

/// The query's filters on fast fields.
#[derive(Clone, Copy)]
struct Filter {
    category: Option<CategoryFilter>,
    min_price: i64,
    max_price: i64,
    max_delivery_days: i64,
    min_rating: i64,
    verified_only: bool,
}

impl From<&IndexQuery> for Filter {
    fn from(q: &IndexQuery) -> Filter {
        Filter {
            category: q.category,
            min_price: q.min_price.unwrap_or(i64::MIN),
            max_price: q.max_price.unwrap_or(i64::MAX),
            max_delivery_days: q.max_delivery_days.unwrap_or(i64::MAX),
            min_rating: q.min_rating_x100.unwrap_or(i64::MIN),
            verified_only: q.verified_only,
        }
    }
}

pub(crate) struct SegmentPage {
    columns: Columns,
    filter: Filter,
    sort: Sort,
    scored: bool,
    keep: usize,
    /// A min-heap of the best `keep` so far.
    best: BinaryHeap<Reverse<(SortKey, i64)>>,
    total: u64,
    categories: HashMap<i64, u64>,
}

impl SegmentPage {
    fn value(column: &Column<i64>, doc: DocId) -> i64 {
        column.first(doc).unwrap_or(0)
    }
}

impl SegmentCollector for SegmentPage {
    type Fruit = Gathered;

    fn collect(&mut self, doc: DocId, score: Score) {
        let c = &self.columns;
        // A request of the board (no listing id): not a service.
        let Some(id) = c.id.first(doc) else {
            return;
        };
        let f = self.filter;
        let v = |column: &Column<i64>| Self::value(column, doc);
        let price = v(&c.price);
        let rating = v(&c.rating);
        if price < f.min_price
            || price > f.max_price
            || v(&c.delivery_days) > f.max_delivery_days
            || rating < f.min_rating
            || (f.verified_only && v(&c.verified) == 0)
        {
            return;
        }
        let category = v(&c.category);
        let parent = v(&c.parent_category);
        *self.categories.entry(category).or_default() += 1;
        if parent != category {
            *self.categories.entry(parent).or_default() += 1;
        }
        let in_category = match f.category {
            None => true,
            Some(CategoryFilter::Leaf(id)) => category == id,
            Some(CategoryFilter::Parent(id)) => parent == id,
        };
        if !in_category {
            return;
        }
        self.total += 1;
        if self.keep == 0 {
            return;
        }
        let key = match self.sort {
            Sort::Recommended if self.scored => (
                v(&c.rank) + (score * RELEVANCE_WEIGHT).round() as i64,
                0,
                id,
            ),
            Sort::Recommended => (v(&c.rank), 0, id),
            Sort::Newest => (v(&c.published_at), 0, id),
            Sort::PriceLow => (-price, 0, -id),
            Sort::PriceHigh => (price, 0, id),
            Sort::Rating => (rating, v(&c.rating_count), id),
            Sort::Sales => (v(&c.sales), 0, id),
        };
        if self.best.len() < self.keep {
            self.best.push(Reverse((key, id)));
        } else if let Some(Reverse(worst)) = self.best.peek()
            && (key, id) > *worst
        {
            self.best.pop();
            self.best.push(Reverse((key, id)));
        }
    }

    fn harvest(self) -> Gathered {
        Gathered {
            best: self.best.into_iter().map(|Reverse(e)| e).collect(),
            total: self.total,
            categories: self.categories,
        }
    }
}
