//! A cache of what every visitor sees the same way — search result pages and public service
//! pages — invalidated exactly by the catalogue version in the database.
//!
//! Every transaction that changes the public catalogue calls [`yorozu_store::catalog::bump`]
//! (listing content, status, images, favourites counts, a seller's public profile, identity
//! badge, vacation). A request reads the version first (one primary-key read) and uses only
//! entries stored under that same version, so several processes sharing one database never
//! serve a stale page: whichever process bumps, every other one sees the new version on its
//! next request. An entry computed from data at least as new as its version is stored only if
//! the cache has not moved on meanwhile.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use yorozu_domain::ListingId;

use crate::listings::search::SearchResults;
use crate::listings::view::ListingView;

/// Entries kept per map before the map is emptied (a crude bound that needs no LRU).
const CAPACITY: usize = 10_000;

#[derive(Debug, Default)]
pub struct CatalogCache {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    version: i64,
    search: HashMap<String, Arc<SearchResults>>,
    listings: HashMap<ListingId, Arc<ListingView>>,
}

impl Inner {
    /// Moves to `version`, dropping everything older.
    fn at(&mut self, version: i64) {
        if version != self.version {
            self.version = version;
            self.search.clear();
            self.listings.clear();
        }
    }
}

fn get<K: Eq + Hash, V>(map: &HashMap<K, Arc<V>>, key: &K) -> Option<Arc<V>> {
    map.get(key).cloned()
}

fn put<K: Eq + Hash, V>(map: &mut HashMap<K, Arc<V>>, key: K, value: Arc<V>) {
    if map.len() >= CAPACITY {
        map.clear();
    }
    map.insert(key, value);
}

impl CatalogCache {
    pub fn search(&self, version: i64, key: &str) -> Option<Arc<SearchResults>> {
        let mut inner = self.inner.lock().ok()?;
        inner.at(version);
        get(&inner.search, &key.to_owned())
    }

    pub fn store_search(&self, version: i64, key: String, value: Arc<SearchResults>) {
        if let Ok(mut inner) = self.inner.lock()
            && inner.version == version
        {
            put(&mut inner.search, key, value);
        }
    }

    pub fn listing(&self, version: i64, id: ListingId) -> Option<Arc<ListingView>> {
        let mut inner = self.inner.lock().ok()?;
        inner.at(version);
        get(&inner.listings, &id)
    }

    pub fn store_listing(&self, version: i64, value: Arc<ListingView>) {
        if let Ok(mut inner) = self.inner.lock()
            && inner.version == version
        {
            put(&mut inner.listings, value.id, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results(total: i64) -> Arc<SearchResults> {
        Arc::new(SearchResults {
            cards: vec![],
            total,
            capped: false,
            page: 1,
            pages: 1,
            ..Default::default()
        })
    }

    #[test]
    fn an_entry_is_served_only_at_its_version() {
        let cache = CatalogCache::default();
        assert!(cache.search(1, "q").is_none());
        cache.store_search(1, "q".into(), results(5));
        assert_eq!(cache.search(1, "q").map(|r| r.total), Some(5));
        assert!(
            cache.search(2, "q").is_none(),
            "a newer version drops the entry"
        );
        assert!(cache.search(1, "q").is_none(), "and it does not come back");
    }

    #[test]
    fn a_result_computed_before_a_change_is_not_stored_after_it() {
        let cache = CatalogCache::default();
        assert!(cache.search(1, "q").is_none());
        // Another request has seen version 2 meanwhile.
        assert!(cache.search(2, "other").is_none());
        cache.store_search(1, "q".into(), results(5));
        assert!(cache.search(2, "q").is_none());
    }
}
