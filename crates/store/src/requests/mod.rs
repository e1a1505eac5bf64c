//! The request board (公開依頼): requests, their attachments, and the proposals on them (the
//! consultations with a `request_id`, whose offers carry the terms). Every change of a
//! request's state or proposal count is a conditional update that names where it starts
//! from, so racing proposals, purchases and closings cannot break the limits.

use yorozu_domain::offers::OfferState;
use yorozu_domain::requests::RequestState;
use yorozu_domain::{ConsultationId, ListingId, OfferId, OrderId, RequestId, UserId};

use crate::dynamic::{Bind, QueryBuilder};
use crate::{Exec, Result, execute, query_as};

/// One request.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RequestRow {
    #[sqlx(try_from = "i64")]
    pub id: RequestId,
    #[sqlx(try_from = "i64")]
    pub buyer_id: UserId,
    pub category_id: i64,
    pub parent_category_id: i64,
    pub title: String,
    pub description: String,
    pub budget_min: i64,
    pub budget_max: i64,
    /// `YYYY-MM-DD`.
    pub desired_date: Option<String>,
    pub proposal_deadline: i64,
    pub max_proposals: i64,
    pub proposal_count: i64,
    #[sqlx(try_from = "String")]
    pub state: RequestState,
    #[sqlx(try_from = "crate::OptionalId")]
    pub order_id: Option<OrderId>,
    pub closed_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "SELECT id, buyer_id, category_id, parent_category_id, title, description,
        budget_min, budget_max, desired_date, proposal_deadline, max_proposals,
        proposal_count, state, order_id, closed_at, created_at, updated_at FROM requests ";

pub async fn insert(c: &mut impl Exec, r: &RequestRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO requests (id, buyer_id, category_id, parent_category_id, title, description,
           budget_min, budget_max, desired_date, proposal_deadline, max_proposals,
           proposal_count, state, order_id, closed_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        r.id.get(),
        r.buyer_id.get(),
        r.category_id,
        r.parent_category_id,
        &r.title,
        &r.description,
        r.budget_min,
        r.budget_max,
        r.desired_date.as_deref(),
        r.proposal_deadline,
        r.max_proposals,
        r.proposal_count,
        r.state.as_str(),
        r.order_id.map(OrderId::get),
        r.closed_at,
        r.created_at,
        r.updated_at
    )?;
    Ok(())
}

pub async fn find(c: &mut impl Exec, id: RequestId) -> Result<Option<RequestRow>> {
    let mut q = QueryBuilder::new(COLUMNS);
    q.push("WHERE id = ").push_bind(Bind::I64(id.get()));
    Ok(q.fetch_all(c).await?.into_iter().next())
}

/// The open requests among `ids` (what the board's search found), newest first.
pub async fn open_among(c: &mut impl Exec, ids: &[RequestId], now: i64) -> Result<Vec<RequestRow>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut q = QueryBuilder::new(COLUMNS);
    q.push("WHERE state = 'open' AND proposal_deadline > ")
        .push_bind(Bind::I64(now))
        .push(" AND id IN (");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push_bind(Bind::I64(id.get()));
    }
    q.push(") ORDER BY id DESC");
    q.fetch_all(c).await
}

/// The requests a buyer posted, newest first.
pub async fn of_buyer(c: &mut impl Exec, buyer: UserId) -> Result<Vec<RequestRow>> {
    let mut q = QueryBuilder::new(COLUMNS);
    q.push("WHERE buyer_id = ")
        .push_bind(Bind::I64(buyer.get()))
        .push(" ORDER BY id DESC LIMIT 200");
    q.fetch_all(c).await
}

/// Takes one proposal slot of an open request before its deadline; false when it is not
/// open, its deadline passed, or every slot is taken.
pub async fn take_slot(c: &mut impl Exec, id: RequestId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE requests SET proposal_count = proposal_count + 1, updated_at = $2
         WHERE id = $1 AND state = 'open' AND proposal_deadline > $2
           AND proposal_count < max_proposals",
        id.get(),
        now
    )?;
    Ok(n == 1)
}

/// Gives a withdrawn proposal's slot back while the request is open.
pub async fn release_slot(c: &mut impl Exec, id: RequestId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE requests SET proposal_count = proposal_count - 1, updated_at = $2
         WHERE id = $1 AND state = 'open' AND proposal_count > 0",
        id.get(),
        now
    )?;
    Ok(n == 1)
}

/// Marks an open request filled by `order_id`; false when it was filled or closed first.
/// Run inside the purchase's transaction.
pub async fn fill(c: &mut impl Exec, id: RequestId, order_id: OrderId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE requests SET state = 'filled', order_id = $2, closed_at = $3, updated_at = $3
         WHERE id = $1 AND state = 'open'",
        id.get(),
        order_id.get(),
        now
    )?;
    Ok(n == 1)
}

/// Closes an open request (the buyer early, or at withdrawal); false if it was not open.
pub async fn close(c: &mut impl Exec, id: RequestId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE requests SET state = 'closed', closed_at = $2, updated_at = $2
         WHERE id = $1 AND state = 'open'",
        id.get(),
        now
    )?;
    Ok(n == 1)
}

/// Closes an open request whose proposal deadline has passed; false otherwise.
pub async fn close_at_deadline(c: &mut impl Exec, id: RequestId, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE requests SET state = 'closed', closed_at = $2, updated_at = $2
         WHERE id = $1 AND state = 'open' AND proposal_deadline <= $2",
        id.get(),
        now
    )?;
    Ok(n == 1)
}

/// The ids of a buyer's open requests.
pub async fn open_of_buyer(c: &mut impl Exec, buyer: UserId) -> Result<Vec<RequestId>> {
    let mut q = QueryBuilder::new(COLUMNS);
    q.push("WHERE buyer_id = ")
        .push_bind(Bind::I64(buyer.get()))
        .push(" AND state = 'open'");
    Ok(q.fetch_all::<RequestRow>(c)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect())
}

/// Erases the texts of every request a member posted (at purge); how many.
pub async fn erase_texts_of(c: &mut impl Exec, buyer: UserId, now: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE requests SET title = '', description = '', desired_date = NULL, updated_at = $2
         WHERE buyer_id = $1 AND (title <> '' OR description <> '')",
        buyer.get(),
        now
    )?)
}

/// A file attached to a request.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RequestAttachmentRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub request_id: RequestId,
    pub file_key: String,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub created_at: i64,
}

pub async fn insert_attachment(c: &mut impl Exec, a: &RequestAttachmentRow) -> Result<()> {
    execute!(
        c,
        "INSERT INTO request_attachments
           (id, request_id, file_key, file_name, content_type, size_bytes, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        a.id,
        a.request_id.get(),
        &a.file_key,
        &a.file_name,
        &a.content_type,
        a.size_bytes,
        a.created_at
    )?;
    Ok(())
}

pub async fn attachments(c: &mut impl Exec, id: RequestId) -> Result<Vec<RequestAttachmentRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        RequestAttachmentRow,
        "SELECT id, request_id, file_key, file_name, content_type, size_bytes, created_at
         FROM request_attachments WHERE request_id = $1 ORDER BY id",
        id.get()
    )?)
}

/// The attachments of every request a member posted (for the purge and the export).
pub async fn attachments_of_buyer(
    c: &mut impl Exec,
    buyer: UserId,
) -> Result<Vec<RequestAttachmentRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        RequestAttachmentRow,
        "SELECT a.id, a.request_id, a.file_key, a.file_name, a.content_type, a.size_bytes,
                a.created_at
         FROM request_attachments a JOIN requests r ON r.id = a.request_id
         WHERE r.buyer_id = $1 ORDER BY a.id",
        buyer.get()
    )?)
}

/// Forgets one attachment row (its file is deleted first).
pub async fn delete_attachment(c: &mut impl Exec, id: i64) -> Result<()> {
    execute!(c, "DELETE FROM request_attachments WHERE id = $1", id)?;
    Ok(())
}

/// One proposal as the request's page shows it: the seller, the latest offer version and the
/// proposal's message (the consultation's first message), with the seller's rating totals.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProposalRow {
    #[sqlx(try_from = "i64")]
    pub consultation_id: ConsultationId,
    #[sqlx(try_from = "i64")]
    pub request_id: RequestId,
    #[sqlx(try_from = "i64")]
    pub seller_id: UserId,
    #[sqlx(try_from = "i64")]
    pub listing_id: ListingId,
    #[sqlx(try_from = "i64")]
    pub offer_id: OfferId,
    #[sqlx(try_from = "String")]
    pub offer_state: OfferState,
    pub title: String,
    pub included: String,
    pub price: i64,
    pub delivery_days: i64,
    pub revisions: i64,
    pub expires_at: i64,
    pub message: Option<String>,
    pub seller_name: Option<String>,
    /// 1 when the seller's identity is verified (本人確認済み).
    pub seller_verified: i64,
    pub rating_sum: i64,
    pub rating_count: i64,
    pub created_at: i64,
}

const PROPOSAL_COLUMNS: &str = "SELECT k.id AS consultation_id, k.request_id, k.seller_id,
        k.listing_id, o.id AS offer_id, o.state AS offer_state, o.title, o.included, o.price,
        o.delivery_days, o.revisions, o.expires_at,
        (SELECT m.body FROM consultation_messages m WHERE m.consultation_id = k.id
           ORDER BY m.id LIMIT 1) AS message,
        p.display_name AS seller_name,
        CAST(CASE WHEN p.identity_verified_at IS NULL THEN 0 ELSE 1 END AS BIGINT)
           AS seller_verified,
        (SELECT CAST(COALESCE(SUM(l.rating_sum), 0) AS BIGINT) FROM listings l
           WHERE l.seller_id = k.seller_id AND l.status IN ('published', 'paused'))
           AS rating_sum,
        (SELECT CAST(COALESCE(SUM(l.rating_count), 0) AS BIGINT) FROM listings l
           WHERE l.seller_id = k.seller_id AND l.status IN ('published', 'paused'))
           AS rating_count,
        k.created_at
     FROM consultations k
     JOIN offers o ON o.consultation_id = k.id
       AND o.version = (SELECT MAX(v.version) FROM offers v WHERE v.consultation_id = k.id)
     LEFT JOIN profiles p ON p.user_id = k.seller_id ";

/// The proposals on a request, oldest first.
pub async fn proposals(c: &mut impl Exec, id: RequestId) -> Result<Vec<ProposalRow>> {
    let mut q = QueryBuilder::new(PROPOSAL_COLUMNS);
    q.push("WHERE k.request_id = ")
        .push_bind(Bind::I64(id.get()))
        .push(" ORDER BY k.id");
    q.fetch_all(c).await
}

/// The proposals a seller sent, newest first.
pub async fn proposals_of_seller(c: &mut impl Exec, seller: UserId) -> Result<Vec<ProposalRow>> {
    let mut q = QueryBuilder::new(PROPOSAL_COLUMNS);
    q.push("WHERE k.request_id IS NOT NULL AND k.seller_id = ")
        .push_bind(Bind::I64(seller.get()))
        .push(" ORDER BY k.id DESC LIMIT 200");
    q.fetch_all(c).await
}

/// The seller's proposal (consultation) on a request, if any.
pub async fn proposal_of(
    c: &mut impl Exec,
    id: RequestId,
    seller: UserId,
) -> Result<Option<ProposalRow>> {
    let mut q = QueryBuilder::new(PROPOSAL_COLUMNS);
    q.push("WHERE k.request_id = ")
        .push_bind(Bind::I64(id.get()))
        .push(" AND k.seller_id = ")
        .push_bind(Bind::I64(seller.get()));
    Ok(q.fetch_all(c).await?.into_iter().next())
}

/// The request a consultation proposes on, if it is a proposal.
pub async fn request_of_consultation(
    c: &mut impl Exec,
    id: ConsultationId,
) -> Result<Option<RequestId>> {
    let raw: Option<Option<i64>> = crate::query_scalar!(
        c,
        fetch_optional,
        Option<i64>,
        "SELECT request_id FROM consultations WHERE id = $1",
        id.get()
    )?;
    Ok(raw.flatten().map(RequestId::new))
}

/// Withdraws the open offer versions of every proposal on a request (when it closes or is
/// filled); the consultations whose offer was open.
pub async fn withdraw_open_proposals(c: &mut impl Exec, id: RequestId, now: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE offers SET state = 'withdrawn', updated_at = $2
         WHERE state = 'open'
           AND consultation_id IN (SELECT id FROM consultations WHERE request_id = $1)",
        id.get(),
        now
    )?)
}

/// The requests a seller has an open proposal on (at withdrawal, to give the slots back).
pub async fn open_proposals_of_seller(
    c: &mut impl Exec,
    seller: UserId,
) -> Result<Vec<ProposalRow>> {
    Ok(proposals_of_seller(c, seller)
        .await?
        .into_iter()
        .filter(|p| p.offer_state == OfferState::Open)
        .collect())
}
