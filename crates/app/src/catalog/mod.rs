//! A cache of what every visitor sees the same way — service pages, rendered anonymous pages
//! and search result pages — dropped entry by entry as the database's change log says what
//! changed.
//!
//! Triggers append to `catalog_changes` in the same transaction as every change a visitor
//! could see (a service, its options, FAQ and images; a member's profile and status), naming
//! the service, the member and whether the public lists may move. Each request first applies
//! what this process has not seen yet ([`sync`], one indexed range read shared by the
//! requests that arrive together), so a page is never older than the request, whichever
//! process made the change. An entry says what it [`Shows`]; a change drops only the entries
//! that show what it names, so a completed order of one service keeps every other service's
//! page. An entry computed while a change that concerns it was applied is not stored.

mod feed;

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use yorozu_domain::{ListingId, UserId};
use yorozu_store::catalog::CatalogChange;

use crate::change_log_prune::PruneMarks;
use crate::listings::search::SearchResults;
use crate::listings::view::ListingView;
use crate::orders::reviews_public::NewestReviews;
use crate::share::og_image::OgImage;

pub use feed::sync;

/// Entries kept per map before the map is emptied (a crude bound that needs no LRU).
const CAPACITY: usize = 10_000;

/// Drawn Open Graph images kept before the map is emptied (each is tens of kilobytes).
const OG_IMAGE_CAPACITY: usize = 512;

/// Applied changes remembered to judge entries computed meanwhile; an entry older than all
/// of them is not stored.
const RECENT: usize = 4_096;

/// What a cached entry shows: a change to any of it drops the entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shows {
    pub listings: Vec<ListingId>,
    /// Members whose cards or names are on it (sellers, review authors, new members).
    pub members: Vec<UserId>,
    /// The public lists (newest, popular, new members): any change that may move them.
    pub lists: bool,
    /// A moment the entry goes stale by itself (the end of a seller's vacation).
    pub until: Option<i64>,
}

impl Shows {
    fn affected_by(&self, change: &CatalogChange) -> bool {
        (self.lists && change.lists)
            || change
                .listing_id
                .is_some_and(|id| self.listings.contains(&id))
            || change
                .member_id
                .is_some_and(|id| self.members.contains(&id))
    }

    fn fresh_at(&self, now: i64) -> bool {
        self.until.is_none_or(|until| now < until)
    }
}

/// How far this process had applied the change log when a request began: an entry computed
/// from data read afterwards is stored only if nothing it shows changed since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen(u64);

#[derive(Debug)]
struct Entry<V: ?Sized> {
    value: Arc<V>,
    shows: Shows,
}

#[derive(Debug, Default)]
pub struct CatalogCache {
    inner: Mutex<Inner>,
    feed: feed::Feed,
    prune_marks: PruneMarks,
}

#[derive(Debug, Default)]
struct Inner {
    /// Changes applied by this process so far.
    applied: u64,
    /// The last [`RECENT`] of them, with their position.
    recent: VecDeque<(u64, CatalogChange)>,
    listings: HashMap<ListingId, Entry<ListingView>>,
    /// The newest reviews of a service, as its page shows them.
    reviews: HashMap<ListingId, Entry<NewestReviews>>,
    /// Whether a member keeps a service among their favourites. Adding or removing one
    /// updates the service's favourites count, so the service's change drops the mark.
    favorite_marks: HashMap<(UserId, ListingId), bool>,
    /// Whether a member (first) follows a seller (second). Following or unfollowing logs a
    /// change naming the follower, which drops their marks.
    follow_marks: HashMap<(UserId, UserId), bool>,
    /// The members hidden from a member: those they block and those who block them. A block
    /// names both members in the change log.
    hidden: HashMap<UserId, Entry<Vec<UserId>>>,
    pages: HashMap<String, Entry<str>>,
    /// Services' drawn Open Graph images ([`crate::share::og_image`]).
    og_images: HashMap<ListingId, Entry<OgImage>>,
    search: HashMap<String, Arc<SearchResults>>,
}

impl Inner {
    fn apply(&mut self, change: CatalogChange) {
        self.applied += 1;
        if self.recent.len() >= RECENT {
            self.recent.pop_front();
        }
        self.recent.push_back((self.applied, change));
        self.listings.retain(|_, e| !e.shows.affected_by(&change));
        self.reviews.retain(|_, e| !e.shows.affected_by(&change));
        if let Some(changed) = change.listing_id {
            self.favorite_marks.retain(|(_, id), _| *id != changed);
        }
        if let Some(member) = change.member_id {
            self.follow_marks
                .retain(|(follower, _), _| *follower != member);
        }
        self.hidden.retain(|_, e| !e.shows.affected_by(&change));
        self.pages.retain(|_, e| !e.shows.affected_by(&change));
        self.og_images.retain(|_, e| !e.shows.affected_by(&change));
        // Result pages show any service and any seller: every change may concern them.
        self.search.clear();
    }

    /// Drops every entry: changes were pruned from the log before this process applied them.
    /// Entries computed meanwhile are not stored either (nothing recent is remembered).
    fn forget_all(&mut self) {
        self.applied += 1;
        self.recent.clear();
        self.listings.clear();
        self.reviews.clear();
        self.favorite_marks.clear();
        self.follow_marks.clear();
        self.hidden.clear();
        self.pages.clear();
        self.og_images.clear();
        self.search.clear();
    }

    /// Whether an entry computed from `seen` on may be stored: no change applied since
    /// concerns it (and the changes since are all still remembered).
    fn storable(&self, seen: Seen, shows: &Shows) -> bool {
        if self.applied == seen.0 {
            return true;
        }
        let remembered = self.recent.front().is_some_and(|(n, _)| *n <= seen.0 + 1);
        remembered
            && self
                .recent
                .iter()
                .filter(|(n, _)| *n > seen.0)
                .all(|(_, change)| !shows.affected_by(change))
    }
}

fn put<K: Eq + Hash, V>(map: &mut HashMap<K, V>, key: K, value: V) {
    if map.len() >= CAPACITY {
        map.clear();
    }
    map.insert(key, value);
}

impl CatalogCache {
    fn seen(&self) -> Seen {
        Seen(self.inner.lock().map_or(0, |inner| inner.applied))
    }

    pub(crate) fn prune_marks(&self) -> &PruneMarks {
        &self.prune_marks
    }

    fn forget_all(&self) {
        if let Ok(mut inner) = self.inner.lock() {
            inner.forget_all();
        }
    }

    fn apply(&self, changes: impl IntoIterator<Item = CatalogChange>) {
        if let Ok(mut inner) = self.inner.lock() {
            for change in changes {
                inner.apply(change);
            }
        }
    }

    pub fn listing(&self, id: ListingId) -> Option<Arc<ListingView>> {
        let inner = self.inner.lock().ok()?;
        inner.listings.get(&id).map(|e| e.value.clone())
    }

    pub fn store_listing(&self, seen: Seen, value: Arc<ListingView>, shows: Shows) {
        if let Ok(mut inner) = self.inner.lock()
            && inner.storable(seen, &shows)
        {
            put(&mut inner.listings, value.id, Entry { value, shows });
        }
    }

    pub fn newest_reviews(&self, id: ListingId) -> Option<Arc<NewestReviews>> {
        let inner = self.inner.lock().ok()?;
        inner.reviews.get(&id).map(|e| e.value.clone())
    }

    pub fn store_newest_reviews(
        &self,
        seen: Seen,
        id: ListingId,
        value: Arc<NewestReviews>,
        shows: Shows,
    ) {
        if let Ok(mut inner) = self.inner.lock()
            && inner.storable(seen, &shows)
        {
            put(&mut inner.reviews, id, Entry { value, shows });
        }
    }

    /// Whether `member` keeps the service among their favourites, when known.
    pub fn favorite_mark(&self, member: UserId, id: ListingId) -> Option<bool> {
        let inner = self.inner.lock().ok()?;
        inner.favorite_marks.get(&(member, id)).copied()
    }

    pub fn store_favorite_mark(&self, seen: Seen, member: UserId, id: ListingId, on: bool) {
        let shows = Shows {
            listings: vec![id],
            ..Default::default()
        };
        if let Ok(mut inner) = self.inner.lock()
            && inner.storable(seen, &shows)
        {
            put(&mut inner.favorite_marks, (member, id), on);
        }
    }

    /// Whether `follower` follows `seller`, when known.
    pub fn follow_mark(&self, follower: UserId, seller: UserId) -> Option<bool> {
        let inner = self.inner.lock().ok()?;
        inner.follow_marks.get(&(follower, seller)).copied()
    }

    pub fn store_follow_mark(&self, seen: Seen, follower: UserId, seller: UserId, on: bool) {
        let shows = Shows {
            members: vec![follower],
            ..Default::default()
        };
        if let Ok(mut inner) = self.inner.lock()
            && inner.storable(seen, &shows)
        {
            put(&mut inner.follow_marks, (follower, seller), on);
        }
    }

    /// The members hidden from `member` (see [`crate::safety::blocks::hidden_from`]), when
    /// known.
    pub fn hidden_from(&self, member: UserId) -> Option<Arc<Vec<UserId>>> {
        let inner = self.inner.lock().ok()?;
        inner.hidden.get(&member).map(|e| e.value.clone())
    }

    pub fn store_hidden_from(&self, seen: Seen, member: UserId, value: Arc<Vec<UserId>>) {
        let shows = Shows {
            members: vec![member],
            ..Default::default()
        };
        if let Ok(mut inner) = self.inner.lock()
            && inner.storable(seen, &shows)
        {
            put(&mut inner.hidden, member, Entry { value, shows });
        }
    }

    /// A rendered page stored under `key` (the page and everything else its HTML depends
    /// on, such as the language), if still fresh at `now`.
    pub fn page(&self, key: &str, now: i64) -> Option<Arc<str>> {
        let inner = self.inner.lock().ok()?;
        inner
            .pages
            .get(key)
            .filter(|e| e.shows.fresh_at(now))
            .map(|e| e.value.clone())
    }

    pub fn store_page(&self, seen: Seen, key: String, body: Arc<str>, shows: Shows) {
        if let Ok(mut inner) = self.inner.lock()
            && inner.storable(seen, &shows)
        {
            put(&mut inner.pages, key, Entry { value: body, shows });
        }
    }

    /// A service's drawn Open Graph image, if cached.
    pub fn og_image(&self, id: ListingId) -> Option<Arc<OgImage>> {
        let inner = self.inner.lock().ok()?;
        inner.og_images.get(&id).map(|e| e.value.clone())
    }

    pub fn store_og_image(&self, seen: Seen, id: ListingId, value: Arc<OgImage>, shows: Shows) {
        if let Ok(mut inner) = self.inner.lock()
            && inner.storable(seen, &shows)
        {
            if inner.og_images.len() >= OG_IMAGE_CAPACITY {
                inner.og_images.clear();
            }
            inner.og_images.insert(id, Entry { value, shows });
        }
    }

    /// Whether a service's Open Graph image is cached (for tests of what a change drops).
    pub fn holds_og_image(&self, id: ListingId) -> bool {
        self.inner
            .lock()
            .is_ok_and(|inner| inner.og_images.contains_key(&id))
    }

    pub fn search(&self, key: &str) -> Option<Arc<SearchResults>> {
        let inner = self.inner.lock().ok()?;
        inner.search.get(key).cloned()
    }

    pub fn store_search(&self, seen: Seen, key: String, value: Arc<SearchResults>) {
        if let Ok(mut inner) = self.inner.lock()
            && inner.applied == seen.0
        {
            if inner.search.len() >= CAPACITY {
                inner.search.clear();
            }
            inner.search.insert(key, value);
        }
    }

    /// Whether the service's page data is cached (for tests of what a change drops).
    pub fn holds_listing(&self, id: ListingId) -> bool {
        self.inner
            .lock()
            .is_ok_and(|inner| inner.listings.contains_key(&id))
    }

    /// Whether a rendered page is cached under `key` (for tests of what a change drops).
    pub fn holds_page(&self, key: &str) -> bool {
        self.inner
            .lock()
            .is_ok_and(|inner| inner.pages.contains_key(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(listing: Option<i64>, member: Option<i64>, lists: bool) -> CatalogChange {
        CatalogChange {
            id: 1,
            listing_id: listing.map(ListingId::new),
            member_id: member.map(UserId::new),
            lists,
        }
    }

    fn shows(listing: i64, member: i64) -> Shows {
        Shows {
            listings: vec![ListingId::new(listing)],
            members: vec![UserId::new(member)],
            ..Default::default()
        }
    }

    #[test]
    fn a_change_drops_only_the_pages_that_show_what_it_names() {
        let cache = CatalogCache::default();
        let seen = cache.seen();
        cache.store_page(seen, "a".into(), "A".into(), shows(1, 10));
        cache.store_page(seen, "b".into(), "B".into(), shows(2, 20));
        let home = Shows {
            lists: true,
            ..Default::default()
        };
        cache.store_page(seen, "home".into(), "H".into(), home);
        cache.apply([change(Some(1), None, false)]);
        assert!(!cache.holds_page("a"));
        assert!(cache.holds_page("b") && cache.holds_page("home"));
        cache.apply([change(None, Some(20), false)]);
        assert!(!cache.holds_page("b"), "the seller's card changed");
        assert!(cache.holds_page("home"));
        cache.apply([change(Some(3), None, true)]);
        assert!(!cache.holds_page("home"), "the lists may have moved");
    }

    #[test]
    fn a_page_computed_before_a_change_to_it_is_not_stored_after_it() {
        let cache = CatalogCache::default();
        let seen = cache.seen();
        cache.apply([change(Some(1), None, false)]);
        cache.store_page(seen, "a".into(), "stale".into(), shows(1, 10));
        assert!(!cache.holds_page("a"));
        cache.store_page(seen, "b".into(), "B".into(), shows(2, 20));
        assert!(cache.holds_page("b"), "an unrelated change does not matter");
    }

    #[test]
    fn a_page_goes_stale_at_its_own_moment() {
        let cache = CatalogCache::default();
        let until = Shows {
            until: Some(100),
            ..shows(1, 10)
        };
        cache.store_page(cache.seen(), "a".into(), "A".into(), until);
        assert!(cache.page("a", 99).is_some());
        assert!(cache.page("a", 100).is_none());
    }

    #[test]
    fn a_change_to_a_service_drops_every_members_favourite_mark_of_it() {
        let cache = CatalogCache::default();
        let (fan, other) = (UserId::new(10), UserId::new(11));
        let (one, two) = (ListingId::new(1), ListingId::new(2));
        cache.store_favorite_mark(cache.seen(), fan, one, true);
        cache.store_favorite_mark(cache.seen(), other, one, false);
        cache.store_favorite_mark(cache.seen(), fan, two, true);
        cache.apply([change(Some(1), None, false)]);
        assert_eq!(cache.favorite_mark(fan, one), None);
        assert_eq!(cache.favorite_mark(other, one), None);
        assert_eq!(cache.favorite_mark(fan, two), Some(true));

        let seen = cache.seen();
        cache.apply([change(Some(2), None, false)]);
        cache.store_favorite_mark(seen, fan, two, false);
        assert_eq!(
            cache.favorite_mark(fan, two),
            None,
            "read before the change"
        );
    }

    #[test]
    fn a_change_naming_a_follower_drops_their_follow_marks_only() {
        let cache = CatalogCache::default();
        let (fan, other, seller) = (UserId::new(10), UserId::new(11), UserId::new(20));
        cache.store_follow_mark(cache.seen(), fan, seller, true);
        cache.store_follow_mark(cache.seen(), other, seller, false);
        cache.apply([change(Some(5), None, true)]);
        assert_eq!(cache.follow_mark(fan, seller), Some(true));
        cache.apply([change(None, Some(10), false)]);
        assert_eq!(cache.follow_mark(fan, seller), None);
        assert_eq!(cache.follow_mark(other, seller), Some(false));

        let seen = cache.seen();
        cache.apply([change(None, Some(11), false)]);
        cache.store_follow_mark(seen, other, seller, true);
        assert_eq!(
            cache.follow_mark(other, seller),
            None,
            "read before the change"
        );
    }

    #[test]
    fn a_change_naming_a_member_drops_their_hidden_list_only() {
        let cache = CatalogCache::default();
        let (a, b) = (UserId::new(10), UserId::new(11));
        cache.store_hidden_from(cache.seen(), a, Arc::new(vec![UserId::new(99)]));
        cache.store_hidden_from(cache.seen(), b, Arc::new(Vec::new()));
        cache.apply([change(Some(5), None, true)]);
        assert!(
            cache.hidden_from(a).is_some(),
            "a service's change keeps it"
        );
        cache.apply([change(None, Some(10), false)]);
        assert_eq!(cache.hidden_from(a), None);
        assert_eq!(cache.hidden_from(b), Some(Arc::new(Vec::new())));
    }
}
