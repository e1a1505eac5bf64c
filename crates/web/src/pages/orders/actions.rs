//! What the parties do on the order page: pay a deferred order, deliver, approve or send back,
//! ask for, answer or withdraw a cancellation, review, and write in the talk room. Each action
//! is one use case; on success the browser goes back to the order page (303) with a notice, on
//! a refused form the page comes back with the form's messages and what was typed.

use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::rejection::FormRejection;
use axum::routing::post;
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::cancel::{self, Answer};
use yorozu_app::orders::review::{self, ReviewInput};
use yorozu_app::orders::talk::Upload;
use yorozu_app::orders::{deliver, order_path, pay};
use yorozu_app::{AppError, AppResult};
use yorozu_domain::OrderId;

use axum::http::StatusCode;
use yorozu_app::safety::checked::{self, Checked};

use super::show::{Problem, render};
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{PathId, SignedIn};
use crate::pages::safety::{self, notice::ContactNotice};
use crate::render::redirect_with_flash;
use crate::state::AppState;
use crate::upload::read_files;

/// The multipart field that carries the files of a message or a delivery (the use cases report
/// file errors on it too).
const FILES_FIELD: &str = "files";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/orders/{id}/pay", post(pay_order))
        .route("/orders/{id}/delivery", post(delivery))
        .route("/orders/{id}/approve", post(approve))
        .route("/orders/{id}/send-back", post(send_back))
        .route("/orders/{id}/cancellation", post(request_cancellation))
        .route(
            "/orders/{id}/cancellation/answer",
            post(answer_cancellation),
        )
        .route(
            "/orders/{id}/cancellation/withdraw",
            post(withdraw_cancellation),
        )
        .route("/orders/{id}/review", post(write_review))
        .route("/orders/{id}/messages", post(message))
}

/// After an action: back to the order page with `flash`, or the page again with `form`'s
/// messages (a refused form), or an error page (not found, not allowed).
async fn finish(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    order_id: OrderId,
    result: AppResult<()>,
    flash: &str,
    refused: Refused,
) -> PageResult {
    let back = order_path(order_id);
    finish_at(state, ctx, user, order_id, &back, result, flash, refused).await
}

/// Back to `back` (the order page, or a part of it) with `flash`, or the order page again
/// with the refused form's messages and what was typed.
#[allow(clippy::too_many_arguments)]
pub(super) async fn finish_at(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    order_id: OrderId,
    back: &str,
    result: AppResult<()>,
    flash: &str,
    refused: Refused,
) -> PageResult {
    match result {
        Ok(()) => Ok(redirect_with_flash(ctx, back, flash)),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let problem = Problem {
                form: refused.form,
                errors,
                text: refused.text,
                rating: refused.rating,
                contact: None,
            };
            render(state, ctx, user, order_id, status, Some(problem)).await
        }
    }
}

/// Which form an action came from and what was typed into it.
pub(super) struct Refused {
    pub(super) form: &'static str,
    pub(super) text: String,
    pub(super) rating: String,
}

impl Refused {
    fn form(form: &'static str, text: &str) -> Refused {
        Refused {
            form,
            text: text.to_owned(),
            rating: String::new(),
        }
    }
}

#[derive(Deserialize, Default)]
struct CardForm {
    #[serde(default)]
    card: String,
}

async fn pay_order(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    form: Result<Form<CardForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = match form.card.trim().parse::<i64>() {
        Ok(card_id) => pay::pay_deferred(&state.app, user, id, card_id).await,
        Err(_) => Err(AppError::invalid("card", "orders-payment-required")),
    };
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        "orders-flash-paid",
        Refused::form("pay", ""),
    )
    .await
}

/// A talk-room form (a message or a delivery): its `body` text, kept for re-rendering, and
/// its files, or the error reading them.
async fn talk_form(
    state: &AppState,
    multipart: Result<Multipart, MultipartRejection>,
) -> (String, Result<Vec<Upload>, AppError>) {
    let form = read_files(
        multipart,
        FILES_FIELD,
        state.web.max_body_bytes,
        "orders-files-too-large",
    )
    .await;
    (form.text("body"), form.files)
}

/// [`talk_form`] and whether the writer chose to send despite the contact-details warning.
async fn talk_form_checked(
    state: &AppState,
    multipart: Result<Multipart, MultipartRejection>,
) -> (String, bool, Result<Vec<Upload>, AppError>) {
    let form = read_files(
        multipart,
        FILES_FIELD,
        state.web.max_body_bytes,
        "orders-files-too-large",
    )
    .await;
    let acknowledged = safety::acknowledged(Some(&form.text(safety::ACKNOWLEDGE_FIELD)));
    (form.text("body"), acknowledged, form.files)
}

async fn delivery(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let (note, files) = talk_form(&state, multipart).await;
    let result = match files {
        Ok(files) => deliver::deliver(&state.app, user, id, &note, files).await,
        Err(e) => Err(e),
    };
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        "orders-flash-delivered",
        Refused::form("deliver", &note),
    )
    .await
}

async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
) -> PageResult {
    let result = deliver::approve(&state.app, user, id).await;
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        "orders-flash-approved",
        Refused::form("approve", ""),
    )
    .await
}

#[derive(Deserialize, Default)]
struct ReasonForm {
    #[serde(default)]
    reason: String,
}

async fn send_back(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    form: Result<Form<ReasonForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = deliver::send_back(&state.app, user, id, &form.reason).await;
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        "orders-flash-sent-back",
        Refused::form("send_back", &form.reason),
    )
    .await
}

async fn request_cancellation(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    form: Result<Form<ReasonForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let result = cancel::request(&state.app, user, id, &form.reason)
        .await
        .map(|_| ());
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        "orders-flash-cancellation-requested",
        Refused::form("cancel_request", &form.reason),
    )
    .await
}

#[derive(Deserialize, Default)]
struct AnswerForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    answer: String,
}

async fn answer_cancellation(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    form: Result<Form<AnswerForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let (answer, flash) = match form.decision.as_str() {
        "agree" => (Answer::Agree, "orders-flash-cancellation-agreed"),
        "object" => (Answer::Object, "orders-flash-cancellation-objected"),
        _ => return Err(AppError::BadRequest("error-invalid-input").into()),
    };
    let result = cancel::answer(&state.app, user, id, answer, &form.answer).await;
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        flash,
        Refused::form("cancel_answer", &form.answer),
    )
    .await
}

async fn withdraw_cancellation(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
) -> PageResult {
    let result = cancel::withdraw(&state.app, user, id).await;
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        "orders-flash-cancellation-withdrawn",
        Refused::form("withdraw", ""),
    )
    .await
}

#[derive(Deserialize, Default)]
struct ReviewForm {
    #[serde(default)]
    rating: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    anonymous: Option<String>,
}

async fn write_review(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    form: Result<Form<ReviewForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let input = ReviewInput {
        rating: form.rating.clone(),
        comment: form.comment.clone(),
        anonymous: form.anonymous.is_some(),
    };
    let result = review::write(&state.app, user, id, &input).await;
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        "orders-flash-reviewed",
        Refused {
            form: "review",
            text: form.comment,
            rating: form.rating,
        },
    )
    .await
}

async fn message(
    State(state): State<AppState>,
    ctx: Ctx,
    SignedIn(ref user): SignedIn,
    PathId(id): PathId<OrderId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let (body, acknowledged, files) = talk_form_checked(&state, multipart).await;
    let result = match files {
        Ok(files) => checked::post_message(&state.app, user, id, &body, files, acknowledged).await,
        Err(e) => Err(e),
    };
    let result = match result {
        Ok(Checked::Done(_)) => Ok(()),
        Ok(Checked::Warning(w)) => {
            let problem = Problem {
                form: "message",
                errors: FormErrors::default(),
                text: body,
                rating: String::new(),
                contact: Some(ContactNotice::new(&ctx, &w, "message-body")),
            };
            return render(&state, &ctx, user, id, StatusCode::OK, Some(problem)).await;
        }
        Err(e) => Err(e),
    };
    finish(
        &state,
        &ctx,
        user,
        id,
        result,
        "orders-flash-message-sent",
        Refused::form("message", &body),
    )
    .await
}
