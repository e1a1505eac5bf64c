//! The search index's change log (`migrations/*/0017_search_changes.sql`, requests since
//! `0031_request_search.sql`) and the listing and request fields the index is built from.
//! Triggers append the rows; this module reads them and prunes the ones every process has
//! applied ([`prune_through`]).

use yorozu_domain::listings::ListingStatus;
use yorozu_domain::requests::RequestState;
use yorozu_domain::{ListingId, RequestId};

use crate::dynamic::{Bind, QueryBuilder};
use crate::{Exec, Result, query_as, query_scalar};

/// One logged change: the transaction that added `id` wrote `subject`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub id: i64,
    pub subject: Subject,
}

/// What a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    Listing(ListingId),
    Request(RequestId),
}

/// A log row as stored: a request's row has its id in `request_id` and 0 in `listing_id`.
#[derive(sqlx::FromRow)]
struct ChangeRow {
    id: i64,
    listing_id: i64,
    request_id: Option<i64>,
}

impl From<ChangeRow> for Change {
    fn from(row: ChangeRow) -> Change {
        let subject = match row.request_id {
            Some(request) => Subject::Request(RequestId::new(request)),
            None => Subject::Listing(ListingId::new(row.listing_id)),
        };
        Change {
            id: row.id,
            subject,
        }
    }
}

/// What the search index holds of a listing.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DocumentRow {
    #[sqlx(try_from = "i64")]
    pub id: ListingId,
    #[sqlx(try_from = "String")]
    pub status: ListingStatus,
    pub title: String,
    pub description: String,
    pub category_id: i64,
    pub parent_category_id: i64,
    pub price: i64,
    pub delivery_days: i64,
    pub rating_x100: i64,
    pub rating_count: i64,
    pub sales_count: i64,
    pub rank_score: i64,
    pub seller_verified: bool,
    pub published_at: Option<i64>,
}

impl DocumentRow {
    /// Only published listings are searchable; any other status removes it from the index.
    pub fn is_published(&self) -> bool {
        self.status == ListingStatus::Published
    }

    /// Erased by a withdrawal purge: deleted and blanked (an ordinary deletion keeps the text).
    pub fn is_erased(&self) -> bool {
        self.status == ListingStatus::Deleted
            && self.title.is_empty()
            && self.description.is_empty()
    }
}

const DOCUMENT_COLUMNS: &str = "SELECT id, status, title, description, category_id, parent_category_id, price,
        delivery_days, rating_x100, rating_count, sales_count, rank_score, seller_verified, published_at
 FROM listings";

/// Changes after `after_id`, oldest first, at most `limit`.
pub async fn after(c: &mut impl Exec, after_id: i64, limit: i64) -> Result<Vec<Change>> {
    let rows = query_as!(
        c,
        fetch_all,
        ChangeRow,
        "SELECT id, listing_id, request_id FROM search_changes WHERE id > $1 ORDER BY id LIMIT $2",
        after_id,
        limit
    )?;
    Ok(rows.into_iter().map(Change::from).collect())
}

/// The changes among `ids` that exist (a gap that has since been filled by a late commit).
pub async fn among(c: &mut impl Exec, ids: &[i64]) -> Result<Vec<Change>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut q =
        QueryBuilder::new("SELECT id, listing_id, request_id FROM search_changes WHERE id IN (");
    push_list(&mut q, ids);
    q.push(") ORDER BY id");
    let rows = q.fetch_all::<ChangeRow>(c).await?;
    Ok(rows.into_iter().map(Change::from).collect())
}

/// The newest change id, 0 when none: an index built now is current up to it.
pub async fn latest(c: &mut impl Exec) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COALESCE(MAX(id), 0) FROM search_changes"
    )?)
}

/// The oldest change id still logged; `None` when the log is empty. A process whose last
/// applied id is below `oldest - 1` missed pruned changes and must rebuild.
pub async fn oldest(c: &mut impl Exec) -> Result<Option<i64>> {
    Ok(query_scalar!(
        c,
        fetch_one,
        Option<i64>,
        "SELECT MIN(id) FROM search_changes"
    )?)
}

/// Deletes the changes up to `through_id`, always keeping the newest one: the log is then
/// never empty once written, so a process behind it can tell by [`oldest`]. Returns how many
/// went.
pub async fn prune_through(c: &mut impl Exec, through_id: i64) -> Result<u64> {
    Ok(crate::execute!(
        c,
        "DELETE FROM search_changes WHERE id <= $1
            AND id < (SELECT MAX(id) FROM search_changes)",
        through_id
    )?)
}

/// The index documents of these listings, whatever their status (missing ones are gone).
pub async fn documents(c: &mut impl Exec, ids: &[ListingId]) -> Result<Vec<DocumentRow>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut q = QueryBuilder::new(DOCUMENT_COLUMNS);
    q.push(" WHERE id IN (");
    push_list(&mut q, ids);
    q.push(")");
    q.fetch_all::<DocumentRow>(c).await
}

/// Published listings after `after_id` in id order, for building the index from scratch.
pub async fn published_after(
    c: &mut impl Exec,
    after_id: ListingId,
    limit: i64,
) -> Result<Vec<DocumentRow>> {
    let mut q = QueryBuilder::new(DOCUMENT_COLUMNS);
    q.push(" WHERE status = 'published' AND id > ")
        .push_bind(Bind::I64(after_id.get()))
        .push(" ORDER BY id LIMIT ")
        .push_bind(Bind::I64(limit));
    q.fetch_all::<DocumentRow>(c).await
}

/// What the search index holds of a request.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RequestDocumentRow {
    #[sqlx(try_from = "i64")]
    pub id: RequestId,
    #[sqlx(try_from = "String")]
    pub state: RequestState,
    pub title: String,
    pub description: String,
    pub category_id: i64,
    pub parent_category_id: i64,
    pub budget_min: i64,
    pub budget_max: i64,
    pub proposal_deadline: i64,
}

impl RequestDocumentRow {
    /// Only open requests are on the board; a filled or closed one leaves the index.
    pub fn is_open(&self) -> bool {
        self.state == RequestState::Open
    }

    /// Erased by a withdrawal purge (its texts blanked).
    pub fn is_erased(&self) -> bool {
        self.title.is_empty() && self.description.is_empty()
    }
}

const REQUEST_DOCUMENT_COLUMNS: &str = "SELECT id, state, title, description, category_id,
        parent_category_id, budget_min, budget_max, proposal_deadline
 FROM requests";

/// The index documents of these requests, whatever their state (missing ones are gone).
pub async fn request_documents(
    c: &mut impl Exec,
    ids: &[RequestId],
) -> Result<Vec<RequestDocumentRow>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut q = QueryBuilder::new(REQUEST_DOCUMENT_COLUMNS);
    q.push(" WHERE id IN (");
    push_list(&mut q, ids);
    q.push(")");
    q.fetch_all::<RequestDocumentRow>(c).await
}

/// Open requests after `after_id` in id order, for building the index from scratch.
pub async fn open_requests_after(
    c: &mut impl Exec,
    after_id: RequestId,
    limit: i64,
) -> Result<Vec<RequestDocumentRow>> {
    let mut q = QueryBuilder::new(REQUEST_DOCUMENT_COLUMNS);
    q.push(" WHERE state = 'open' AND id > ")
        .push_bind(Bind::I64(after_id.get()))
        .push(" ORDER BY id LIMIT ")
        .push_bind(Bind::I64(limit));
    q.fetch_all::<RequestDocumentRow>(c).await
}

fn push_list<Id: Copy + Into<i64>>(q: &mut QueryBuilder, ids: &[Id]) {
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push_bind(Bind::I64((*id).into()));
    }
}
