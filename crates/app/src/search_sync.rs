//! Keeping this process's search index current from the database's change log
//! (`search_changes`, appended by triggers in the same transaction as every write to a
//! listing or a request of the board).
//!
//! A search first applies what it has not seen (one primary-key range read when nothing
//! changed), so a process always finds what was committed before the search began, and a
//! background task ([`follow`]) applies changes within a second even when nobody searches.
//! A missing or reset index is rebuilt from the listings and open requests ([`rebuild`]); `yorozu reindex`
//! forces that, and so does a log pruned past what this process applied
//! ([`crate::change_log_prune`]).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use yorozu_domain::search::{document_tokens, normalize};
use yorozu_domain::{ListingId, RequestId};
use yorozu_store::search_changes::{self, DocumentRow, RequestDocumentRow, Subject};

use crate::change_log_prune::PruneMarks;
use crate::freshness::{Freshness, Gaps, Reading};
use crate::ports::{IndexBatch, RequestDocument, SearchDocument, SearchIndex};
use crate::{App, AppError, AppResult};

/// Changes read per batch.
const BATCH: i64 = 2_000;

/// Listings read and committed per batch when building: each commit makes a segment, so
/// fewer, larger batches build faster.
const BUILD_BATCH: i64 = 20_000;

/// The index and what this process knows about applying the log to it.
#[derive(Debug)]
pub struct SearchFeed {
    index: Arc<dyn SearchIndex>,
    /// Skipped change ids still looked for.
    gaps: Mutex<Gaps>,
    /// One applier at a time: a search and the background task must not apply the same
    /// batch twice or move `last_change` backwards.
    applying: tokio::sync::Mutex<()>,
    popular: PopularSearches,
    prune_marks: PruneMarks,
    /// Whether the last complete application may stand in for another read of the log.
    freshness: Freshness,
}

/// Keywords that found something, counted in this process (offered when a search finds
/// nothing). Bounded: past [`PopularSearches::CAPACITY`] keywords the rarest half is dropped.
#[derive(Debug, Default)]
pub struct PopularSearches {
    counts: Mutex<std::collections::HashMap<String, u64>>,
}

impl PopularSearches {
    const CAPACITY: usize = 2_000;

    pub fn count(&self, keyword: &yorozu_domain::search::SearchQuery) {
        if keyword.is_empty() {
            return;
        }
        let Ok(mut counts) = self.counts.lock() else {
            return;
        };
        if counts.len() >= Self::CAPACITY {
            let mut all: Vec<u64> = counts.values().copied().collect();
            all.sort_unstable();
            let median = all[all.len() / 2];
            counts.retain(|_, n| *n > median);
        }
        *counts.entry(keyword.terms().join(" ")).or_default() += 1;
    }

    /// The `n` most counted keywords, most first (ties in text order).
    pub fn top(&self, n: usize) -> Vec<String> {
        let Ok(counts) = self.counts.lock() else {
            return vec![];
        };
        let mut all: Vec<(&String, &u64)> = counts.iter().collect();
        all.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        all.into_iter().take(n).map(|(k, _)| k.clone()).collect()
    }
}

impl SearchFeed {
    pub fn new(index: Arc<dyn SearchIndex>) -> SearchFeed {
        SearchFeed {
            index,
            gaps: Mutex::default(),
            applying: tokio::sync::Mutex::new(()),
            popular: PopularSearches::default(),
            prune_marks: PruneMarks::default(),
            freshness: Freshness::default(),
        }
    }

    pub fn index(&self) -> &dyn SearchIndex {
        self.index.as_ref()
    }

    pub fn popular(&self) -> &PopularSearches {
        &self.popular
    }

    pub(crate) fn prune_marks(&self) -> &PruneMarks {
        &self.prune_marks
    }
}

fn document(row: DocumentRow) -> SearchDocument {
    let text = normalize(&format!("{}\n{}", row.title, row.description));
    SearchDocument {
        id: row.id,
        tokens: document_tokens(&text),
        category_id: row.category_id,
        parent_category_id: row.parent_category_id,
        price: row.price,
        delivery_days: row.delivery_days,
        rating_x100: row.rating_x100,
        rating_count: row.rating_count,
        sales_count: row.sales_count,
        rank_score: row.rank_score,
        seller_verified: row.seller_verified,
        published_at: row.published_at.unwrap_or(0),
    }
}

fn request_document(row: RequestDocumentRow) -> RequestDocument {
    let text = normalize(&format!("{}\n{}", row.title, row.description));
    RequestDocument {
        id: row.id,
        tokens: document_tokens(&text),
        category_id: row.category_id,
        parent_category_id: row.parent_category_id,
        budget_min: row.budget_min,
        budget_max: row.budget_max,
        proposal_deadline: row.proposal_deadline,
    }
}

/// The batch that brings the index up to date with these listings and requests as they are
/// now, and whether any of them was erased by a withdrawal purge.
async fn batch_of(
    c: &mut impl yorozu_store::Exec,
    subjects: &[Subject],
) -> AppResult<(IndexBatch, bool)> {
    let mut listing_ids = Vec::new();
    let mut request_ids = Vec::new();
    for subject in subjects {
        match *subject {
            Subject::Listing(id) => listing_ids.push(id),
            Subject::Request(id) => request_ids.push(id),
        }
    }
    let listings = search_changes::documents(c, &listing_ids).await?;
    let requests = search_changes::request_documents(c, &request_ids).await?;
    let erased = listings.iter().any(DocumentRow::is_erased)
        || requests.iter().any(RequestDocumentRow::is_erased);
    let listings: Vec<SearchDocument> = listings
        .into_iter()
        .filter(DocumentRow::is_published)
        .map(document)
        .collect();
    let requests: Vec<RequestDocument> = requests
        .into_iter()
        .filter(RequestDocumentRow::is_open)
        .map(request_document)
        .collect();
    let removed_listings = listing_ids
        .into_iter()
        .filter(|id| !listings.iter().any(|d| d.id == *id))
        .collect();
    let removed_requests = request_ids
        .into_iter()
        .filter(|id| !requests.iter().any(|d| d.id == *id))
        .collect();
    let batch = IndexBatch {
        listings,
        removed_listings,
        requests,
        removed_requests,
    };
    Ok((batch, erased))
}

fn blocking_failed(e: tokio::task::JoinError) -> AppError {
    AppError::Internal(format!("search index task: {e}"))
}

/// Applies every logged change this process has not applied yet. Builds the index first
/// when it has never been built (a new data folder, or after [`rebuild`] was interrupted).
pub async fn catch_up(app: &App) -> AppResult<()> {
    let feed = app.search.clone();
    if feed.freshness.is_fresh(app.db.commits()) {
        return Ok(());
    }
    let _one = feed.applying.lock().await;
    let reading = Reading::begin(app.db.commits());
    loop {
        let Some(last) = feed.index.last_change() else {
            return build(app, &feed).await;
        };
        let mut c = app.db.read().await?;
        if search_changes::oldest(&mut c)
            .await?
            .is_some_and(|oldest| last < oldest - 1)
        {
            drop(c);
            tracing::info!(last, "search change log pruned past this index: rebuilding");
            return build(app, &feed).await;
        }
        let gaps = feed.gaps.lock().map(|mut g| g.open()).unwrap_or_default();
        let found = search_changes::among(&mut c, &gaps).await?;
        let changes = search_changes::after(&mut c, last, BATCH).await?;
        if changes.is_empty() && found.is_empty() {
            feed.freshness.done(reading);
            return Ok(());
        }
        if let Ok(mut gaps) = feed.gaps.lock() {
            let found_ids: Vec<i64> = found.iter().map(|ch| ch.id).collect();
            gaps.note(last, changes.iter().map(|ch| ch.id), &found_ids);
        }
        let mut subjects: Vec<Subject> =
            changes.iter().chain(&found).map(|ch| ch.subject).collect();
        subjects.sort_unstable();
        subjects.dedup();
        let (batch, erased) = batch_of(&mut c, &subjects).await?;
        drop(c);
        let next = changes.last().map_or(last, |ch| ch.id.max(last));
        let index = feed.index.clone();
        tokio::task::spawn_blocking(move || {
            index.apply(batch, Some(next))?;
            // An erased member's text must leave the files, not only the results.
            if erased { index.compact() } else { Ok(()) }
        })
        .await
        .map_err(blocking_failed)??;
        if (changes.len() as i64) < BATCH {
            feed.freshness.done(reading);
            return Ok(());
        }
    }
}

/// Empties the index and builds it again from every published listing and open request
/// (`yorozu reindex`, and a process starting without an index).
pub async fn rebuild(app: &App) -> AppResult<Rebuilt> {
    let feed = app.search.clone();
    let _one = feed.applying.lock().await;
    build(app, &feed).await?;
    Ok(Rebuilt {
        services: feed.index.all_ids()?.len() as u64,
        requests: feed.index.all_request_ids()?.len() as u64,
    })
}

/// What a rebuilt index holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rebuilt {
    /// Published services.
    pub services: u64,
    /// Open requests of the board.
    pub requests: u64,
}

async fn build(app: &App, feed: &SearchFeed) -> AppResult<()> {
    let index = feed.index.clone();
    tokio::task::spawn_blocking(move || index.clear())
        .await
        .map_err(blocking_failed)??;
    // Read the log's head first: listings read afterwards are at least that new, and changes
    // after it are applied again (harmlessly) by the next catch-up.
    let head = {
        let mut c = app.db.read().await?;
        search_changes::latest(&mut c).await?
    };
    let mut after = ListingId::new(0);
    loop {
        let rows = {
            let mut c = app.db.read().await?;
            search_changes::published_after(&mut c, after, BUILD_BATCH).await?
        };
        let Some(last) = rows.last() else { break };
        after = last.id;
        let full = rows.len() as i64 == BUILD_BATCH;
        let batch = IndexBatch {
            listings: rows.into_iter().map(document).collect(),
            ..IndexBatch::default()
        };
        // Intermediate commits record no change: an interrupted build is started again.
        apply_blocking(feed, batch, None).await?;
        if !full {
            break;
        }
    }
    let mut after = RequestId::new(0);
    loop {
        let rows = {
            let mut c = app.db.read().await?;
            search_changes::open_requests_after(&mut c, after, BUILD_BATCH).await?
        };
        let Some(last) = rows.last() else { break };
        after = last.id;
        let full = rows.len() as i64 == BUILD_BATCH;
        let batch = IndexBatch {
            requests: rows.into_iter().map(request_document).collect(),
            ..IndexBatch::default()
        };
        apply_blocking(feed, batch, None).await?;
        if !full {
            break;
        }
    }
    apply_blocking(feed, IndexBatch::default(), Some(head)).await
}

async fn apply_blocking(
    feed: &SearchFeed,
    batch: IndexBatch,
    last_change: Option<i64>,
) -> AppResult<()> {
    let index = feed.index.clone();
    tokio::task::spawn_blocking(move || index.apply(batch, last_change))
        .await
        .map_err(blocking_failed)??;
    Ok(())
}

/// Applies new changes every `every` until the process stops (spawned by `yorozu serve`).
pub async fn follow(app: App, every: Duration) {
    loop {
        if let Err(e) = catch_up(&app).await {
            tracing::warn!(error = %e, "search index catch-up failed");
        }
        tokio::time::sleep(every).await;
    }
}
