//! The request board (公開依頼) in the API: the board with its search and filters, posting a
//! request, one request (with the proposals for its buyer), closing it early, proposing on it
//! and withdrawing the proposal, and the caller's requests and proposals. Buying a proposal
//! is `POST /orders/quote` and `POST /orders` with its `offer_id` and `listing_id`.
//! Attachments are sent on the pages; the API lists them.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};
use yorozu_app::requests::board::{self, BoardQuery, ProposalView, RequestSummary, RequestView};
use yorozu_app::requests::close as closing;
use yorozu_app::requests::form::RequestForm;
use yorozu_app::requests::propose::{self, ProposalForm};
use yorozu_app::safety::checked::{self, Checked};
use yorozu_domain::RequestId;
use yorozu_domain::listings::MAX_LISTING_DESCRIPTION_CHARS;
use yorozu_domain::offers::OfferState;
use yorozu_domain::orders::text::MESSAGE_MAX_CHARS;
use yorozu_domain::requests::RequestState;

use crate::api::auth::ApiUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::extract::{ApiId, ApiJson};
use crate::api::offers::OfferRequest;
use crate::api::openapi::fields::{self as openapi, one_of, text};
use crate::api::openapi::responses::{
    BadRequest, Conflict, NotFound, UnsupportedMediaType, ValidationFailed,
};
use crate::api::safety;
use crate::state::AppState;

fn request_state() -> Object {
    let mut schema = one_of(
        &RequestState::ALL
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>(),
    );
    schema.description = Some(
        "`open` takes proposals until its deadline; `filled` when a proposal was bought.".into(),
    );
    schema
}

fn proposal_state() -> Object {
    one_of(&OfferState::ALL.map(OfferState::as_str))
}

fn nullable_integer() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
        .build()
}

fn description_text() -> Object {
    text(
        MAX_LISTING_DESCRIPTION_CHARS,
        "What the buyer needs (依頼内容).",
    )
}

fn message_text() -> Object {
    text(MESSAGE_MAX_CHARS, "The proposal's message to the buyer.")
}

// ---------------------------------------------------------------------------------------
// Bodies

/// One request as lists show it.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = RequestLine)]
pub struct LineBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    category_id: i64,
    title: String,
    #[schema(schema_with = openapi::yen)]
    budget_min: i64,
    #[schema(schema_with = openapi::yen)]
    budget_max: i64,
    /// `YYYY-MM-DD`, or null.
    #[schema(schema_with = openapi::nullable_text)]
    desired_date: Option<String>,
    #[schema(schema_with = openapi::time)]
    proposal_deadline: i64,
    max_proposals: i64,
    proposal_count: i64,
    #[schema(schema_with = request_state)]
    state: &'static str,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
}

fn line(r: &RequestSummary) -> LineBody {
    LineBody {
        id: r.id.to_string(),
        category_id: r.category_id,
        title: r.title.clone(),
        budget_min: r.budget_min,
        budget_max: r.budget_max,
        desired_date: r.desired_date.clone(),
        proposal_deadline: r.proposal_deadline,
        max_proposals: r.max_proposals,
        proposal_count: r.proposal_count,
        state: r.state.as_str(),
        created_at: r.created_at,
    }
}

/// A page of the board.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = RequestBoard)]
pub struct BoardBody {
    requests: Vec<LineBody>,
    /// Pass as `before` for the next page; null on the last.
    #[schema(schema_with = openapi::nullable_id)]
    next: Option<String>,
}

/// One proposal.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Proposal)]
pub struct ProposalBody {
    #[schema(schema_with = openapi::id)]
    consultation_id: String,
    #[schema(schema_with = openapi::id)]
    seller_id: String,
    #[schema(schema_with = openapi::nullable_text)]
    seller_name: Option<String>,
    /// 本人確認済み.
    seller_verified: bool,
    /// The seller's average rating × 100; null before the first review.
    #[schema(schema_with = nullable_integer)]
    rating_x100: Option<i64>,
    review_count: i64,
    #[schema(schema_with = openapi::id)]
    listing_id: String,
    /// The offer to buy (`offer_id` on `POST /orders`).
    #[schema(schema_with = openapi::id)]
    offer_id: String,
    #[schema(schema_with = proposal_state)]
    state: &'static str,
    title: String,
    included: String,
    #[schema(schema_with = openapi::yen)]
    price: i64,
    delivery_days: i64,
    message: String,
    /// The caller (the buyer) can buy it now.
    can_accept: bool,
}

fn proposal(p: &ProposalView) -> ProposalBody {
    ProposalBody {
        consultation_id: p.consultation_id.to_string(),
        seller_id: p.seller_id.to_string(),
        seller_name: p.seller_name.clone(),
        seller_verified: p.seller_verified,
        rating_x100: p.rating_x100,
        review_count: p.review_count,
        listing_id: p.listing_id.to_string(),
        offer_id: p.offer_id.to_string(),
        state: p.state.as_str(),
        title: p.title.clone(),
        included: p.included.clone(),
        price: p.price,
        delivery_days: p.delivery_days,
        message: p.message.clone(),
        can_accept: p.accept_href.is_some(),
    }
}

/// A file attached to a request (downloaded on the request's page).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = RequestAttachment)]
pub struct AttachmentBody {
    #[schema(schema_with = openapi::id)]
    id: String,
    file_name: String,
    size_bytes: i64,
}

/// One request with its proposals (all of them for its buyer, the caller's own otherwise).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Request)]
pub struct RequestBody {
    /// What the board's lists show of it (a nested object: a flattened one would make the
    /// document's `allOf` refuse its own fields).
    summary: LineBody,
    description: String,
    #[schema(schema_with = openapi::nullable_text)]
    buyer_name: Option<String>,
    /// The caller posted it.
    mine: bool,
    can_propose: bool,
    attachments: Vec<AttachmentBody>,
    proposals: Vec<ProposalBody>,
}

fn body_of(v: &RequestView) -> RequestBody {
    RequestBody {
        summary: line(&v.summary),
        description: v.description.clone(),
        buyer_name: v.buyer_name.clone(),
        mine: v.mine,
        can_propose: v.can_propose,
        attachments: v
            .attachments
            .iter()
            .map(|a| AttachmentBody {
                id: a.id.to_string(),
                file_name: a.file_name.clone(),
                size_bytes: a.size_bytes,
            })
            .collect(),
        proposals: v.proposals.iter().map(proposal).collect(),
    }
}

/// The caller's requests.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = MyRequests)]
pub struct MineBody {
    requests: Vec<LineBody>,
}

/// One request the caller proposed on, with the proposal.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ProposedLine)]
pub struct ProposedBody {
    request: LineBody,
    proposal: ProposalBody,
}

/// The requests the caller proposed on.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = MyProposals)]
pub struct ProposedListBody {
    proposals: Vec<ProposedBody>,
}

// ---------------------------------------------------------------------------------------
// Input

/// The board's filters.
#[derive(Debug, Default, Deserialize)]
pub struct BoardParams {
    #[serde(default)]
    q: String,
    category: Option<String>,
    budget_min: Option<String>,
    budget_max: Option<String>,
    before: Option<String>,
}

/// A query value as a number; one that cannot be read is ignored, as on the board's page.
fn lenient(value: Option<&str>) -> Option<i64> {
    value.and_then(|v| v.trim().parse().ok())
}

/// A new request.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = RequestInput)]
#[serde(deny_unknown_fields)]
pub struct RequestInput {
    #[serde(default)]
    #[schema(required)]
    category_id: i64,
    #[serde(default)]
    #[schema(required, max_length = 60)]
    title: String,
    #[serde(default)]
    #[schema(schema_with = description_text, required)]
    description: String,
    #[serde(default)]
    #[schema(schema_with = openapi::yen, required)]
    budget_min: i64,
    #[serde(default)]
    #[schema(schema_with = openapi::yen, required)]
    budget_max: i64,
    /// `YYYY-MM-DD`, not before the proposal deadline; optional.
    #[serde(default)]
    #[schema(nullable)]
    desired_date: Option<String>,
    /// Days to take proposals (1–30); 7 when left out.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 30, nullable)]
    proposal_days: Option<i64>,
    /// Most proposals to take (1–50); 10 when left out.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 50, nullable)]
    max_proposals: Option<i64>,
    /// Post the texts even though they hold contact details (after a 422
    /// `contact-details-found`).
    #[serde(default)]
    acknowledge_contact_warning: bool,
}

/// A proposal: the service it is on, the message, and the offer's terms (its expiry is the
/// request's proposal deadline; `expiry_days` is ignored).
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = ProposalInput)]
#[serde(deny_unknown_fields)]
pub struct ProposalInput {
    #[serde(default)]
    #[schema(schema_with = openapi::id, required)]
    listing_id: String,
    #[serde(default)]
    #[schema(schema_with = message_text, required)]
    message: String,
    offer: OfferRequest,
}

// ---------------------------------------------------------------------------------------
// Actions

async fn answer(
    state: &AppState,
    user: Option<&yorozu_app::accounts::CurrentUser>,
    id: RequestId,
) -> ApiResult<Json<RequestBody>> {
    Ok(Json(body_of(&board::show(&state.app, user, id).await?)))
}

/// Open requests, newest first.
#[utoipa::path(
    get,
    path = "/requests",
    operation_id = "listRequests",
    tag = "requests",
    summary = "The request board (公開依頼)",
    description = "Open requests before their deadline, for anyone (no sign-in needed). Keywords \
                   match like the service search: widths and kana folded, any substring, one \
                   character included. Every parameter is optional and lenient, as on the board's \
                   page: a value that cannot be read is ignored rather than refused.",
    security(),
    params(
        ("q" = Option<String>, Query, description = "Keywords, separated by spaces."),
        ("category" = Option<String>, Query, description = "A category id; a top-level one includes its subcategories."),
        ("budget_min" = Option<String>, Query, description = "Requests whose budget reaches at least this (yen)."),
        ("budget_max" = Option<String>, Query, description = "Requests whose budget starts at most at this (yen)."),
        ("before" = Option<String>, Query, description = "The `next` of the previous page."),
    ),
    responses(
        (status = 200, description = "One page.", body = BoardBody),
        (status = 400, response = BadRequest),
    ),
)]
pub async fn list(
    State(state): State<AppState>,
    params: Result<Query<BoardParams>, QueryRejection>,
) -> ApiResult<Json<BoardBody>> {
    let Query(p) = params.map_err(|e| {
        ApiError::request_with_detail(
            StatusCode::BAD_REQUEST,
            "error-invalid-input",
            e.body_text(),
        )
    })?;
    let found = board::board(
        &state.app,
        &BoardQuery {
            q: p.q,
            category_id: lenient(p.category.as_deref()),
            budget_at_least: lenient(p.budget_min.as_deref()),
            budget_at_most: lenient(p.budget_max.as_deref()),
            before: lenient(p.before.as_deref()).map(RequestId::new),
        },
    )
    .await?;
    Ok(Json(BoardBody {
        requests: found.requests.iter().map(line).collect(),
        next: found.next.map(|id| id.to_string()),
    }))
}

/// Post a request; it is on the board at once.
#[utoipa::path(
    post,
    path = "/requests",
    operation_id = "postRequest",
    tag = "requests",
    summary = "Post a request (公開依頼)",
    description = "The budget's ends follow the minimum price of services and min ≤ max; the \
                   proposal deadline is 1–30 days ahead; 1–50 proposals (422). A title or \
                   description with contact details is refused with 422 \
                   `contact-details-found` unless `acknowledge_contact_warning` is true.",
    request_body = RequestInput,
    responses(
        (status = 200, description = "The request.", body = RequestBody),
        (status = 400, response = BadRequest),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = safety::ValidationOrContactDetails),
    ),
)]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    headers: HeaderMap,
    ApiJson(input): ApiJson<RequestInput>,
) -> ApiResult<Response> {
    let form = RequestForm {
        category_id: input.category_id.to_string(),
        title: input.title,
        description: input.description,
        budget_min: input.budget_min.to_string(),
        budget_max: input.budget_max.to_string(),
        desired_date: input.desired_date.unwrap_or_default(),
        proposal_days: input
            .proposal_days
            .map(|d| d.to_string())
            .unwrap_or_default(),
        max_proposals: input
            .max_proposals
            .map(|n| n.to_string())
            .unwrap_or_default(),
    };
    let acknowledged = input.acknowledge_contact_warning;
    match checked::post_request(&state.app, &user, &form, vec![], acknowledged).await? {
        Checked::Done(id) => Ok(answer(&state, Some(&user), id).await?.into_response()),
        Checked::Warning(w) => Ok(safety::warning_response(&headers, &w)),
    }
}

/// One request: open ones for anyone; filled or closed ones for their buyer and proposers.
#[utoipa::path(
    get,
    path = "/requests/{id}",
    operation_id = "getRequest",
    tag = "requests",
    summary = "Show a request with its proposals",
    params(("id" = String, Path, description = "The request id.")),
    responses(
        (status = 200, description = "The request.", body = RequestBody),
        (status = 404, response = NotFound),
    ),
)]
pub async fn get(
    State(state): State<AppState>,
    user: Option<ApiUser>,
    ApiId(id): ApiId<RequestId>,
) -> ApiResult<Json<RequestBody>> {
    let user = user.map(|ApiUser(u)| u);
    answer(&state, user.as_ref(), id).await
}

/// The buyer closes their open request; open proposals end and their sellers are told.
#[utoipa::path(
    post,
    path = "/requests/{id}/close",
    operation_id = "closeRequest",
    tag = "requests",
    summary = "Close a request early",
    params(("id" = String, Path, description = "The request id.")),
    responses(
        (status = 200, description = "The closed request.", body = RequestBody),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    ),
)]
pub async fn close(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<RequestId>,
) -> ApiResult<Json<RequestBody>> {
    closing::close(&state.app, &user, id).await?;
    answer(&state, Some(&user), id).await
}

/// A seller proposes: a consultation with the buyer on one of the seller's published
/// services, its message, and offer version 1 with the terms.
#[utoipa::path(
    post,
    path = "/requests/{id}/proposals",
    operation_id = "proposeOnRequest",
    tag = "requests",
    summary = "Propose on a request (提案)",
    description = "One proposal per seller (409 `proposal-exists`); 409 \
                   `request-proposals-full` when the request's limit is reached, \
                   `request-not-open` after its deadline. The offer follows the limits of a \
                   service (422).",
    params(("id" = String, Path, description = "The request id.")),
    request_body = ProposalInput,
    responses(
        (status = 200, description = "The request with the caller's proposal.", body = RequestBody),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn propose_on(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<RequestId>,
    ApiJson(input): ApiJson<ProposalInput>,
) -> ApiResult<Json<RequestBody>> {
    let form = ProposalForm {
        listing_id: input.listing_id,
        message: input.message,
        offer: input.offer.form(),
    };
    propose::propose(&state.app, &user, id, &form).await?;
    answer(&state, Some(&user), id).await
}

/// The seller withdraws their open proposal; its slot is free again.
#[utoipa::path(
    post,
    path = "/requests/{id}/proposals/withdraw",
    operation_id = "withdrawProposal",
    tag = "requests",
    summary = "Withdraw my proposal",
    params(("id" = String, Path, description = "The request id.")),
    responses(
        (status = 200, description = "The request.", body = RequestBody),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    ),
)]
pub async fn withdraw_proposal(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<RequestId>,
) -> ApiResult<Json<RequestBody>> {
    propose::withdraw(&state.app, &user, id).await?;
    answer(&state, Some(&user), id).await
}

/// 「自分の依頼」.
#[utoipa::path(
    get,
    path = "/me/requests",
    operation_id = "listMyRequests",
    tag = "requests",
    summary = "List my requests",
    responses((status = 200, description = "Newest first.", body = MineBody)),
)]
pub async fn mine(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<MineBody>> {
    let requests = board::mine(&state.app, &user).await?;
    Ok(Json(MineBody {
        requests: requests.iter().map(line).collect(),
    }))
}

/// 「提案した依頼」.
#[utoipa::path(
    get,
    path = "/me/proposals",
    operation_id = "listMyProposals",
    tag = "requests",
    summary = "List the requests I proposed on",
    responses((status = 200, description = "Newest proposal first.", body = ProposedListBody)),
)]
pub async fn proposed(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<ProposedListBody>> {
    let lines = board::proposed(&state.app, &user).await?;
    Ok(Json(ProposedListBody {
        proposals: lines
            .iter()
            .map(|l| ProposedBody {
                request: line(&l.request),
                proposal: proposal(&l.proposal),
            })
            .collect(),
    }))
}
