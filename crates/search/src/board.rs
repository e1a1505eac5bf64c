//! The request board's search (公開依頼): one pass over the matching requests that filters on
//! fast fields and keeps the newest `limit` by id.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};
use yorozu_app::ports::{CategoryFilter, RequestIndexQuery};

use crate::schema::{BUDGET_MAX, BUDGET_MIN, CATEGORY, DEADLINE, PARENT_CATEGORY, REQUEST_ID};

pub(crate) struct BoardCollector<'q> {
    pub query: &'q RequestIndexQuery,
}

impl Collector for BoardCollector<'_> {
    /// Request ids, newest (highest) first.
    type Fruit = Vec<i64>;
    type Child = SegmentBoard;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentBoard> {
        let fast = reader.fast_fields();
        let q = self.query;
        Ok(SegmentBoard {
            id: fast.i64(REQUEST_ID)?,
            category: fast.i64(CATEGORY)?,
            parent_category: fast.i64(PARENT_CATEGORY)?,
            budget_min: fast.i64(BUDGET_MIN)?,
            budget_max: fast.i64(BUDGET_MAX)?,
            deadline: fast.i64(DEADLINE)?,
            category_filter: q.category,
            budget_at_least: q.budget_at_least.unwrap_or(i64::MIN),
            budget_at_most: q.budget_at_most.unwrap_or(i64::MAX),
            open_at: q.open_at,
            before: q.before.map_or(i64::MAX, |id| id.get()),
            keep: q.limit,
            newest: BinaryHeap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<i64>>) -> tantivy::Result<Vec<i64>> {
        let mut ids: Vec<i64> = fruits.into_iter().flatten().collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        ids.truncate(self.query.limit);
        Ok(ids)
    }
}

pub(crate) struct SegmentBoard {
    id: Column<i64>,
    category: Column<i64>,
    parent_category: Column<i64>,
    budget_min: Column<i64>,
    budget_max: Column<i64>,
    deadline: Column<i64>,
    category_filter: Option<CategoryFilter>,
    budget_at_least: i64,
    budget_at_most: i64,
    open_at: i64,
    before: i64,
    keep: usize,
    /// A min-heap of the newest `keep` ids so far.
    newest: BinaryHeap<Reverse<i64>>,
}

impl SegmentCollector for SegmentBoard {
    type Fruit = Vec<i64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(id) = self.id.first(doc) else {
            return;
        };
        let v = |column: &Column<i64>| column.first(doc).unwrap_or(0);
        let in_category = match self.category_filter {
            None => true,
            Some(CategoryFilter::Leaf(c)) => v(&self.category) == c,
            Some(CategoryFilter::Parent(c)) => v(&self.parent_category) == c,
        };
        if id >= self.before
            || !in_category
            || v(&self.budget_max) < self.budget_at_least
            || v(&self.budget_min) > self.budget_at_most
            || v(&self.deadline) <= self.open_at
            || self.keep == 0
        {
            return;
        }
        if self.newest.len() < self.keep {
            self.newest.push(Reverse(id));
        } else if let Some(Reverse(oldest)) = self.newest.peek()
            && id > *oldest
        {
            self.newest.pop();
            self.newest.push(Reverse(id));
        }
    }

    fn harvest(self) -> Vec<i64> {
        self.newest.into_iter().map(|Reverse(id)| id).collect()
    }
}
