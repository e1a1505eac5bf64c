//! Identity reviews: the queue of pending documents, one document's review page with its
//! image, and the approve / send-back decisions.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::identity::review::{self, Decision, ReviewDocument};
use yorozu_domain::identity::MAX_REJECTION_REASON_CHARS;
use yorozu_domain::{DocumentId, UserId};

use super::member_name;
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{Operator, PathId};
use crate::pages::identity::kind_label;
use crate::render::{page, page_with_status, redirect_with_flash};
use crate::state::AppState;

const QUEUE: &str = "/operator/identity";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(QUEUE, get(queue))
        .route("/operator/identity/{id}", get(show))
        .route("/operator/identity/{id}/image", get(image))
        .route("/operator/identity/{id}/approve", post(approve))
        .route("/operator/identity/{id}/reject", post(reject))
}

/// A document id from the path; anything that is not one is simply not found.
/// A document ready for a template: labels translated, dates formatted.
struct DocumentView {
    id: DocumentId,
    user_id: UserId,
    member: String,
    kind: String,
    status: String,
    status_label: String,
    submitted_at: String,
    decided_at: Option<String>,
    reason_lines: Vec<String>,
    has_image: bool,
    image_alt: String,
    /// Why there is no image, when there is none.
    image_note: Option<String>,
}

impl DocumentView {
    fn new(ctx: &Ctx, d: ReviewDocument) -> DocumentView {
        let member = member_name(ctx, d.member_name);
        let image_note = match (d.has_image, d.file_erased_at) {
            (true, _) => None,
            (false, Some(at)) => {
                Some(ctx.t1("operator-review-image-erased", "date", ctx.date(&at)))
            }
            (false, None) => Some(ctx.t("operator-review-image-gone")),
        };
        DocumentView {
            id: d.id,
            user_id: d.user_id,
            image_alt: ctx.t1("operator-review-image-alt", "name", &member),
            member,
            kind: kind_label(ctx, d.kind.as_str()),
            status_label: ctx.t(&format!("identity-status-{}", d.status)),
            status: d.status.as_str().to_owned(),
            submitted_at: ctx.datetime(&d.submitted_at),
            decided_at: d.decided_at.map(|at| ctx.datetime(&at)),
            reason_lines: d
                .rejection_reason
                .as_deref()
                .unwrap_or("")
                .lines()
                .map(str::to_owned)
                .collect(),
            has_image: d.has_image,
            image_note,
        }
    }
}

#[derive(Template)]
#[template(path = "operator_identity_queue.html")]
struct QueuePage<'a> {
    ctx: &'a Ctx,
    documents: Vec<DocumentView>,
}

async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
) -> PageResult {
    let documents = review::pending(&state.app, operator).await?;
    let documents = documents
        .into_iter()
        .map(|d| DocumentView::new(&ctx, d))
        .collect();
    page(&QueuePage {
        ctx: &ctx,
        documents,
    })
}

#[derive(Template)]
#[template(path = "operator_identity_review.html")]
struct ReviewPage<'a> {
    ctx: &'a Ctx,
    document: DocumentView,
    errors: FormErrors,
    reason: String,
    reason_hint: String,
    reason_max: usize,
}

/// The review page; personal data, so browsers and proxies must not keep a copy.
async fn review_page(
    state: &AppState,
    ctx: &Ctx,
    operator: &CurrentUser,
    id: DocumentId,
    status: StatusCode,
    errors: FormErrors,
    reason: String,
) -> PageResult {
    let document = DocumentView::new(ctx, review::document(&state.app, operator, id).await?);
    let mut response = page_with_status(
        status,
        &ReviewPage {
            ctx,
            document,
            errors,
            reason,
            reason_hint: ctx.t1(
                "operator-review-reason-hint",
                "max",
                MAX_REJECTION_REASON_CHARS,
            ),
            reason_max: MAX_REJECTION_REASON_CHARS,
        },
    )?;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(id): PathId<DocumentId>,
) -> PageResult {
    review_page(
        &state,
        &ctx,
        operator,
        id,
        StatusCode::OK,
        FormErrors::default(),
        String::new(),
    )
    .await
}

/// The decrypted document image, for operators only, never cached or indexed.
async fn image(
    State(state): State<AppState>,
    _ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(id): PathId<DocumentId>,
) -> PageResult {
    let bytes = review::image(&state.app, operator, id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, "no-store"),
            (header::HeaderName::from_static("x-robots-tag"), "noindex"),
            (header::CONTENT_DISPOSITION, "inline"),
        ],
        bytes,
    )
        .into_response())
}

async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(id): PathId<DocumentId>,
) -> PageResult {
    decide(&state, &ctx, operator, id, Decision::Approve, String::new()).await
}

#[derive(Debug, Deserialize)]
struct RejectForm {
    #[serde(default)]
    reason: String,
}

async fn reject(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(id): PathId<DocumentId>,
    Form(form): Form<RejectForm>,
) -> PageResult {
    decide(&state, &ctx, operator, id, Decision::Reject, form.reason).await
}

async fn decide(
    state: &AppState,
    ctx: &Ctx,
    operator: &CurrentUser,
    id: DocumentId,
    decision: Decision,
    reason: String,
) -> PageResult {
    match review::decide(&state.app, operator, id, decision, &reason).await {
        Ok(()) => {
            let flash = if decision == Decision::Approve {
                "operator-flash-approved"
            } else {
                "operator-flash-rejected"
            };
            Ok(redirect_with_flash(ctx, QUEUE, flash))
        }
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            review_page(state, ctx, operator, id, status, errors, reason).await
        }
    }
}
