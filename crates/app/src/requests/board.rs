//! Reading the request board: the open requests (newest first, by category, budget and
//! Japanese search terms matched as exact substrings of the normalised text, as services
//! are), one request's page with its proposals side by side for its buyer, and the members'
//! lists 「自分の依頼」 and 「提案した依頼」.

use yorozu_domain::offers::OfferState;
use yorozu_domain::requests::RequestState;
use yorozu_domain::search::SearchQuery;
use yorozu_domain::{ConsultationId, ListingId, OfferId, RequestId, Timestamp, UserId};
use yorozu_store::requests::{self, ProposalRow, RequestAttachmentRow, RequestRow};

use crate::accounts::CurrentUser;
use crate::ports::{CategoryFilter, RequestIndexQuery};
use crate::search_sync;
use crate::{App, AppError, AppResult};

/// Requests per board page.
pub const PAGE_SIZE: i64 = 20;

/// What a visitor chose on the board.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardQuery {
    /// What was typed in the search box.
    pub q: String,
    pub category_id: Option<i64>,
    /// Only requests whose budget reaches at least this (yen).
    pub budget_at_least: Option<i64>,
    /// Only requests whose budget starts at most at this (yen).
    pub budget_at_most: Option<i64>,
    /// The next page: requests older than this one.
    pub before: Option<RequestId>,
}

/// One request as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RequestSummary {
    pub id: RequestId,
    pub buyer_id: UserId,
    pub category_id: i64,
    pub title: String,
    pub budget_min: i64,
    pub budget_max: i64,
    pub desired_date: Option<String>,
    pub proposal_deadline: i64,
    pub max_proposals: i64,
    pub proposal_count: i64,
    /// Open before its deadline, else filled or closed (a request past its deadline whose job
    /// has not run yet is shown closed).
    pub state: RequestState,
    pub created_at: i64,
}

impl RequestSummary {
    fn of(r: &RequestRow, now: i64) -> Self {
        let state = if r.state == RequestState::Open && r.proposal_deadline <= now {
            RequestState::Closed
        } else {
            r.state
        };
        Self {
            id: r.id,
            buyer_id: r.buyer_id,
            category_id: r.category_id,
            title: r.title.clone(),
            budget_min: r.budget_min,
            budget_max: r.budget_max,
            desired_date: r.desired_date.clone(),
            proposal_deadline: r.proposal_deadline,
            max_proposals: r.max_proposals,
            proposal_count: r.proposal_count,
            state,
            created_at: r.created_at,
        }
    }
}

/// A page of the board.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BoardPage {
    pub requests: Vec<RequestSummary>,
    /// The `before` of the next page, when there is one.
    pub next: Option<RequestId>,
}

/// The open requests that match, newest first: found by the search engine (the same
/// analysis as services), then read from the database.
pub async fn board(app: &App, query: &BoardQuery) -> AppResult<BoardPage> {
    let now = app.now();
    let category = query.category_id.map(|id| {
        if yorozu_domain::listings::categories::is_leaf(id) {
            CategoryFilter::Leaf(id)
        } else {
            CategoryFilter::Parent(id)
        }
    });
    let search = RequestIndexQuery {
        phrases: SearchQuery::parse(&query.q).term_phrases(),
        category,
        budget_at_least: query.budget_at_least,
        budget_at_most: query.budget_at_most,
        open_at: now,
        before: query.before,
        limit: usize::try_from(PAGE_SIZE + 1).unwrap_or(usize::MAX),
    };
    search_sync::catch_up(app).await?;
    let ids = app.search.index().search_requests(&search)?;
    let mut c = app.db.read().await?;
    let mut rows = requests::open_among(&mut c, &ids, now).await?;
    let more = i64::try_from(rows.len()).unwrap_or(i64::MAX) > PAGE_SIZE;
    rows.truncate(usize::try_from(PAGE_SIZE).unwrap_or(0));
    Ok(BoardPage {
        next: more.then(|| rows.last().map(|r| r.id)).flatten(),
        requests: rows.iter().map(|r| RequestSummary::of(r, now)).collect(),
    })
}

/// One proposal as its request's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ProposalView {
    pub consultation_id: ConsultationId,
    pub request_id: RequestId,
    pub seller_id: UserId,
    /// The seller's name; none once they withdrew (shown as 「退会したユーザー」).
    pub seller_name: Option<String>,
    /// 本人確認済み.
    pub seller_verified: bool,
    /// The seller's average rating × 100 over their services, and how many reviews.
    pub rating_x100: Option<i64>,
    pub review_count: i64,
    pub listing_id: ListingId,
    /// The offer version the buyer would buy (the latest).
    pub offer_id: OfferId,
    pub state: OfferState,
    pub title: String,
    pub included: String,
    pub price: i64,
    pub delivery_days: i64,
    pub revisions: i64,
    pub message: String,
    /// The final confirmation screen of this proposal, for the buyer while it is open.
    pub accept_href: Option<String>,
}

impl ProposalView {
    fn of(p: &ProposalRow, buyer_can_accept: bool, now: i64) -> Self {
        let state = p.offer_state.effective(
            Timestamp::from_unix(p.expires_at),
            Timestamp::from_unix(now),
        );
        Self {
            consultation_id: p.consultation_id,
            request_id: p.request_id,
            seller_id: p.seller_id,
            seller_name: p.seller_name.clone(),
            seller_verified: p.seller_verified != 0,
            rating_x100: (p.rating_count > 0)
                .then(|| (p.rating_sum * 200 + p.rating_count) / (2 * p.rating_count)),
            review_count: p.rating_count,
            listing_id: p.listing_id,
            offer_id: p.offer_id,
            state,
            title: p.title.clone(),
            included: p.included.clone(),
            price: p.price,
            delivery_days: p.delivery_days,
            revisions: p.revisions,
            message: p.message.clone().unwrap_or_default(),
            accept_href: (buyer_can_accept && state == OfferState::Open)
                .then(|| format!("/orders/new?listing={}&offer={}", p.listing_id, p.offer_id)),
        }
    }
}

/// A request's page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RequestView {
    pub summary: RequestSummary,
    pub parent_category_id: i64,
    pub description: String,
    pub buyer_name: Option<String>,
    pub attachments: Vec<AttachmentView>,
    /// The viewer posted it.
    pub mine: bool,
    /// Every proposal for its buyer; the viewer's own for a seller who proposed.
    pub proposals: Vec<ProposalView>,
    /// The viewer may propose now (signed in, not the buyer, no proposal yet, open, a slot).
    pub can_propose: bool,
}

/// A file attached to a request.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AttachmentView {
    pub id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
}

impl From<&RequestAttachmentRow> for AttachmentView {
    fn from(a: &RequestAttachmentRow) -> Self {
        Self {
            id: a.id,
            file_name: a.file_name.clone(),
            content_type: a.content_type.clone(),
            size_bytes: a.size_bytes,
        }
    }
}

/// The page of request `id`: anyone sees an open request; once it is filled or closed, only
/// its buyer and the sellers who proposed.
pub async fn show(
    app: &App,
    viewer: Option<&CurrentUser>,
    id: RequestId,
) -> AppResult<RequestView> {
    let now = app.now();
    let mut c = app.db.read().await?;
    let row = requests::find(&mut c, id)
        .await?
        .filter(|r| !r.title.is_empty())
        .ok_or(AppError::NotFound)?;
    let summary = RequestSummary::of(&row, now);
    let viewer_id = viewer.map(|v| v.id);
    let mine = viewer_id == Some(row.buyer_id);
    let all = requests::proposals(&mut c, id).await?;
    let own: Vec<&ProposalRow> = all
        .iter()
        .filter(|p| Some(p.seller_id) == viewer_id)
        .collect();
    if summary.state != RequestState::Open && !mine && own.is_empty() {
        return Err(AppError::NotFound);
    }
    let buyer_can_accept = mine && summary.state == RequestState::Open;
    let proposals = if mine {
        all.iter()
            .map(|p| ProposalView::of(p, buyer_can_accept, now))
            .collect()
    } else {
        own.iter()
            .map(|p| ProposalView::of(p, false, now))
            .collect()
    };
    let can_propose = viewer.is_some()
        && !mine
        && own.is_empty()
        && summary.state == RequestState::Open
        && row.proposal_count < row.max_proposals;
    let buyer_name = yorozu_store::profiles::find(&mut c, row.buyer_id)
        .await?
        .map(|p| p.display_name);
    let attachments = requests::attachments(&mut c, id)
        .await?
        .iter()
        .map(AttachmentView::from)
        .collect();
    Ok(RequestView {
        summary,
        parent_category_id: row.parent_category_id,
        description: row.description,
        buyer_name,
        attachments,
        mine,
        proposals,
        can_propose,
    })
}

/// An attachment of a request, for anyone who may see the request.
pub async fn attachment(
    app: &App,
    viewer: Option<&CurrentUser>,
    id: RequestId,
    attachment_id: i64,
) -> AppResult<(AttachmentView, Vec<u8>)> {
    let view = show(app, viewer, id).await?;
    let row = {
        let mut c = app.db.read().await?;
        requests::attachments(&mut c, id)
            .await?
            .into_iter()
            .find(|a| a.id == attachment_id)
            .ok_or(AppError::NotFound)?
    };
    drop(view);
    let bytes = app.files.get(&row.file_key).await?;
    Ok((AttachmentView::from(&row), bytes))
}

/// 「自分の依頼」: the requests the member posted, newest first.
pub async fn mine(app: &App, buyer: &CurrentUser) -> AppResult<Vec<RequestSummary>> {
    let now = app.now();
    let mut c = app.db.read().await?;
    Ok(requests::of_buyer(&mut c, buyer.id)
        .await?
        .iter()
        .map(|r| RequestSummary::of(r, now))
        .collect())
}

/// One line of 「提案した依頼」.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ProposedLine {
    pub request: RequestSummary,
    pub proposal: ProposalView,
}

/// 「提案した依頼」: the requests the member proposed on, newest proposal first.
pub async fn proposed(app: &App, seller: &CurrentUser) -> AppResult<Vec<ProposedLine>> {
    let now = app.now();
    let mut c = app.db.read().await?;
    let mut lines = Vec::new();
    for p in requests::proposals_of_seller(&mut c, seller.id).await? {
        if let Some(r) = requests::find(&mut c, p.request_id).await? {
            lines.push(ProposedLine {
                request: RequestSummary::of(&r, now),
                proposal: ProposalView::of(&p, false, now),
            });
        }
    }
    Ok(lines)
}
