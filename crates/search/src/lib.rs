//! The search index port ([`yorozu_app::ports::SearchIndex`]) on tantivy: one index per
//! process in its data folder, fed from the database's change log by the use cases'
//! `search_sync`. Kept in its own crate so that app and store do not rebuild tantivy.
//!
//! Analysis happens before the engine: documents arrive as positioned 1- and 2-character
//! grams of the normalised text ([`yorozu_domain::search::document_tokens`]) and a query term
//! is a phrase over them, so a match is an exact substring of the normalised text, as the
//! n-gram search it replaced (and as the property test checks against a plain scan).

mod board;
mod collector;
mod document;
mod on_disk;
mod schema;

pub use on_disk::terms_and_strays;

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};

use tantivy::directory::MmapDirectory;
use tantivy::query::{AllQuery, BooleanQuery, ExistsQuery, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};
use yorozu_app::ports::{
    IndexBatch, IndexHits, IndexQuery, RequestIndexQuery, SearchIndex, SearchIndexError,
};
use yorozu_domain::search::Positioned;
use yorozu_domain::{ListingId, RequestId};

use crate::board::BoardCollector;
use crate::collector::PageCollector;
use crate::schema::{Fields, ID, REQUEST_ID};

/// Indexing memory. Tantivy flushes a segment when it is reached; 50 MB keeps a 100,000-service
/// build to a handful of segments on one thread.
const WRITER_MEMORY: usize = 50_000_000;

/// `last_change` of an index that was never completely built (no commit payload).
const NOT_BUILT: i64 = -1;

pub struct TantivyIndex {
    index: Index,
    schema: Schema,
    fields: Fields,
    writer: Mutex<IndexWriter<TantivyDocument>>,
    reader: IndexReader,
    /// Mirrors the last commit's payload; [`NOT_BUILT`] for none.
    last_change: AtomicI64,
}

impl std::fmt::Debug for TantivyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TantivyIndex")
            .field("last_change", &self.last_change)
            .finish_non_exhaustive()
    }
}

fn fail(e: impl std::fmt::Display) -> SearchIndexError {
    SearchIndexError(e.to_string())
}

impl TantivyIndex {
    /// Opens the index in `dir`, creating it when missing. An index with another schema (an
    /// older version of this code) is derived data: it is wiped and starts empty, so that the
    /// caller rebuilds it. Any other failure is returned as is (never wipe a folder that
    /// another process may be writing).
    pub fn open(dir: &Path) -> Result<TantivyIndex, SearchIndexError> {
        std::fs::create_dir_all(dir).map_err(fail)?;
        let (schema, fields) = schema::schema();
        let open = || -> tantivy::Result<Index> {
            let directory = MmapDirectory::open(dir)?;
            let index = Index::open_or_create(directory, schema.clone())?;
            Ok(index)
        };
        let index = match open() {
            Ok(index) => index,
            Err(tantivy::TantivyError::SchemaError(_)) => {
                std::fs::remove_dir_all(dir).map_err(fail)?;
                std::fs::create_dir_all(dir).map_err(fail)?;
                open().map_err(fail)?
            }
            Err(e) => return Err(fail(e)),
        };
        Self::with_index(index, schema, fields)
    }

    /// An index in memory (nothing on disk).
    pub fn in_memory() -> Result<TantivyIndex, SearchIndexError> {
        let (schema, fields) = schema::schema();
        let index = Index::create_in_ram(schema.clone());
        Self::with_index(index, schema, fields)
    }

    fn with_index(
        index: Index,
        schema: Schema,
        fields: Fields,
    ) -> Result<TantivyIndex, SearchIndexError> {
        let writer = index
            .writer_with_num_threads(1, WRITER_MEMORY)
            .map_err(fail)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(fail)?;
        let last_change = index
            .load_metas()
            .map_err(fail)?
            .payload
            .and_then(|p| p.parse().ok())
            .unwrap_or(NOT_BUILT);
        Ok(TantivyIndex {
            index,
            schema,
            fields,
            writer: Mutex::new(writer),
            reader,
            last_change: AtomicI64::new(last_change),
        })
    }

    fn commit(
        &self,
        writer: &mut IndexWriter<TantivyDocument>,
        last_change: Option<i64>,
    ) -> Result<(), SearchIndexError> {
        let last_change = last_change.unwrap_or(NOT_BUILT);
        let mut prepared = writer.prepare_commit().map_err(fail)?;
        prepared.set_payload(&last_change.to_string());
        prepared.commit().map_err(fail)?;
        self.last_change.store(last_change, Ordering::SeqCst);
        self.reader.reload().map_err(fail)
    }

    fn id_term(&self, id: ListingId) -> Term {
        Term::from_field_i64(self.fields.id, id.get())
    }

    fn request_term(&self, id: RequestId) -> Term {
        Term::from_field_i64(self.fields.request_id, id.get())
    }

    /// Every id in one i64 fast field (documents without it are of the other kind).
    fn ids_of(&self, name: &str) -> Result<Vec<i64>, SearchIndexError> {
        let searcher = self.reader.searcher();
        let mut ids = Vec::new();
        for segment in searcher.segment_readers() {
            let column = segment.fast_fields().i64(name).map_err(fail)?;
            for doc in 0..segment.max_doc() {
                if !segment.is_deleted(doc)
                    && let Some(id) = column.first(doc)
                {
                    ids.push(id);
                }
            }
        }
        ids.sort_unstable();
        Ok(ids)
    }
}

/// Every term as a phrase (or one token) in `field`, all of them required; `None` for no
/// term.
fn text_query(field: Field, phrases: &[Vec<Positioned>]) -> Option<Box<dyn Query>> {
    let token = |text: &str| Term::from_field_text(field, text);
    let mut required: Vec<Box<dyn Query>> = phrases
        .iter()
        .filter(|phrase| !phrase.is_empty())
        .map(|phrase| -> Box<dyn Query> {
            match phrase.as_slice() {
                [single] => Box::new(TermQuery::new(
                    token(&single.text),
                    IndexRecordOption::WithFreqs,
                )),
                many => Box::new(PhraseQuery::new_with_offset(
                    many.iter().map(|t| (t.position, token(&t.text))).collect(),
                )),
            }
        })
        .collect();
    match required.len() {
        0 => None,
        1 => Some(required.remove(0)),
        _ => Some(Box::new(BooleanQuery::intersection(required))),
    }
}

impl SearchIndex for TantivyIndex {
    fn apply(&self, batch: IndexBatch, last_change: Option<i64>) -> Result<(), SearchIndexError> {
        let mut writer = self.writer.lock().map_err(fail)?;
        for id in batch.removed_listings {
            writer.delete_term(self.id_term(id));
        }
        for id in batch.removed_requests {
            writer.delete_term(self.request_term(id));
        }
        for d in batch.listings {
            writer.delete_term(self.id_term(d.id));
            writer
                .add_document(document::document(&self.schema, self.fields, d))
                .map_err(fail)?;
        }
        for d in batch.requests {
            writer.delete_term(self.request_term(d.id));
            writer
                .add_document(document::request(&self.schema, self.fields, d))
                .map_err(fail)?;
        }
        self.commit(&mut writer, last_change)
    }

    fn compact(&self) -> Result<(), SearchIndexError> {
        let mut writer = self.writer.lock().map_err(fail)?;
        let holding_deletes: Vec<_> = self
            .index
            .searchable_segment_metas()
            .map_err(fail)?
            .into_iter()
            .filter(|meta| meta.has_deletes())
            .map(|meta| meta.id())
            .collect();
        if !holding_deletes.is_empty() {
            writer.merge(&holding_deletes).wait().map_err(fail)?;
        }
        writer.garbage_collect_files().wait().map_err(fail)?;
        self.reader.reload().map_err(fail)
    }

    fn clear(&self) -> Result<(), SearchIndexError> {
        let mut writer = self.writer.lock().map_err(fail)?;
        writer.delete_all_documents().map_err(fail)?;
        self.commit(&mut writer, None)
    }

    fn last_change(&self) -> Option<i64> {
        Some(self.last_change.load(Ordering::SeqCst)).filter(|id| *id != NOT_BUILT)
    }

    fn search(&self, query: &IndexQuery) -> Result<IndexHits, SearchIndexError> {
        // Without a keyword every document reaches the collector, which skips requests.
        let text = text_query(self.fields.text, &query.phrases).unwrap_or(Box::new(AllQuery));
        let scored =
            !query.phrases.is_empty() && query.sort == yorozu_app::ports::Sort::Recommended;
        let searcher = self.reader.searcher();
        let gathered = searcher
            .search(text.as_ref(), &PageCollector { query, scored })
            .map_err(fail)?;
        let mut categories: Vec<(i64, u64)> = gathered.categories.into_iter().collect();
        categories.sort_unstable();
        Ok(IndexHits {
            ids: gathered
                .best
                .into_iter()
                .skip(query.offset)
                .take(query.limit)
                .map(|(_, id)| ListingId::new(id))
                .collect(),
            total: gathered.total,
            categories,
        })
    }

    fn search_requests(
        &self,
        query: &RequestIndexQuery,
    ) -> Result<Vec<RequestId>, SearchIndexError> {
        let text = text_query(self.fields.request_text, &query.phrases)
            .unwrap_or(Box::new(ExistsQuery::new(REQUEST_ID.to_owned(), false)));
        let ids = self
            .reader
            .searcher()
            .search(text.as_ref(), &BoardCollector { query })
            .map_err(fail)?;
        Ok(ids.into_iter().map(RequestId::new).collect())
    }

    fn all_ids(&self) -> Result<Vec<ListingId>, SearchIndexError> {
        Ok(self.ids_of(ID)?.into_iter().map(ListingId::new).collect())
    }

    fn all_request_ids(&self) -> Result<Vec<RequestId>, SearchIndexError> {
        Ok(self
            .ids_of(REQUEST_ID)?
            .into_iter()
            .map(RequestId::new)
            .collect())
    }
}
