//! The engine finds exactly what a plain scan finds: for random services and random queries
//! (copied pieces of a service, their width and kana variants, or random text), the ids the
//! index returns equal the services whose normalised text contains every query term. The
//! same texts are also the board's requests in the same index: the board finds the same
//! ones (newest first), and neither kind ever shows up in the other's search.

use proptest::prelude::*;
use yorozu_app::ports::{
    IndexBatch, IndexQuery, RequestDocument, RequestIndexQuery, SearchDocument, SearchIndex, Sort,
};
use yorozu_domain::search::{SearchQuery, document_tokens, normalize};
use yorozu_domain::{ListingId, RequestId};
use yorozu_search::TantivyIndex;

/// Short texts over a small alphabet (so that random queries do hit), in every width and
/// script the normalisation folds, with separators and word-joining marks.
fn text() -> impl Strategy<Value = String> {
    "[あいうアイウｱｲｳ名刺ロゴabcABCａｂ12１ _.+、・]{0,24}"
}

fn document(id: i64, text: &str) -> SearchDocument {
    SearchDocument {
        id: ListingId::new(id),
        tokens: document_tokens(&normalize(text)),
        category_id: 301,
        parent_category_id: 3,
        price: 1000 + id,
        delivery_days: 3,
        rating_x100: 0,
        rating_count: 0,
        sales_count: 0,
        rank_score: id,
        seller_verified: false,
        published_at: id,
    }
}

fn request(id: i64, text: &str) -> RequestDocument {
    RequestDocument {
        id: RequestId::new(id),
        tokens: document_tokens(&normalize(text)),
        category_id: 301,
        parent_category_id: 3,
        budget_min: 1000,
        budget_max: 5000,
        proposal_deadline: 100,
    }
}

fn board_query(q: &str) -> RequestIndexQuery {
    RequestIndexQuery {
        phrases: SearchQuery::parse(q).term_phrases(),
        category: None,
        budget_at_least: None,
        budget_at_most: None,
        open_at: 99,
        before: None,
        limit: 1000,
    }
}

fn query(q: &str) -> IndexQuery {
    IndexQuery {
        phrases: SearchQuery::parse(q).term_phrases(),
        category: None,
        min_price: None,
        max_price: None,
        max_delivery_days: None,
        min_rating_x100: None,
        verified_only: false,
        sort: Sort::PriceLow,
        offset: 0,
        limit: 1000,
    }
}

fn scan(texts: &[String], q: &str) -> Vec<i64> {
    let terms = SearchQuery::parse(q);
    texts
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            let normalized = normalize(t);
            terms
                .terms()
                .iter()
                .all(|term| normalized.contains(term.as_str()))
        })
        .map(|(i, _)| i as i64)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_engine_finds_what_a_scan_finds(
        texts in prop::collection::vec(text(), 1..30),
        queries in prop::collection::vec(text(), 1..8),
        pieces in prop::collection::vec((0..30_usize, 0..24_usize, 1..6_usize), 1..8),
    ) {
        let index = TantivyIndex::in_memory().expect("index");
        let batch = IndexBatch {
            listings: texts.iter().enumerate().map(|(i, t)| document(i as i64, t)).collect(),
            requests: texts.iter().enumerate().map(|(i, t)| request(i as i64, t)).collect(),
            ..IndexBatch::default()
        };
        index.apply(batch, Some(1)).expect("apply");
        let copied = pieces.iter().map(|(doc, start, len)| {
            let chars: Vec<char> = texts[doc % texts.len()].chars().collect();
            let start = (*start).min(chars.len());
            chars[start..(start + len).min(chars.len())].iter().collect::<String>()
        });
        for q in queries.into_iter().chain(copied) {
            let found = index.search(&query(&q)).expect("search");
            let expected = scan(&texts, &q);
            prop_assert_eq!(found.total, expected.len() as u64, "count for {:?}", q);
            let found: Vec<i64> = found.ids.iter().map(|id| id.get()).collect();
            prop_assert_eq!(found, expected.clone(), "ids for {:?}", q);
            let on_board: Vec<i64> = index
                .search_requests(&board_query(&q))
                .expect("board")
                .iter()
                .map(|id| id.get())
                .collect();
            let newest_first: Vec<i64> = expected.into_iter().rev().collect();
            prop_assert_eq!(on_board, newest_first, "requests for {:?}", q);
        }
    }
}
