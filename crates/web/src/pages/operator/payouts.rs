//! Payouts for operators (振込管理): the requests waiting for each transfer date and closing
//! them into a batch, a batch with its transfers, the 全銀 (Zengin) transfer file, marking a
//! batch transferred or one transfer failed, and the expired sales an operator can
//! reinstate on a seller's claim.

use askama::Template;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;
use yorozu_app::AppError;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::payouts::batches::{self, Failure};
use yorozu_app::payouts::console::{self, BatchLine, Transfer};
use yorozu_app::payouts::expiry;
use yorozu_domain::BatchId;
use yorozu_domain::OrderId;
use yorozu_domain::payouts::schedule::Date;
use yorozu_domain::payouts::{BatchStatus, PayoutStatus};
use yorozu_domain::{UserId, Yen};

use super::member_name;
use crate::ctx::Ctx;
use crate::error::{FormErrors, PageResult, form_or_page};
use crate::pages::extract::{Operator, PathId, PathIds};
use crate::render::{page_with_status, redirect_with_flash};
use crate::state::AppState;

const CONSOLE: &str = "/operator/payouts";
const EXPIRED: &str = "/operator/payouts/expired";

/// The longest note an operator may give with a failed transfer (the use case's limit).
const NOTE_MAX: usize = 500;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(CONSOLE, get(show_console))
        .route("/operator/payouts/batches", post(close))
        .route("/operator/payouts/batches/{id}", get(show_batch))
        .route("/operator/payouts/batches/{id}/zengin", get(zengin))
        .route(
            "/operator/payouts/batches/{id}/transferred",
            post(transferred),
        )
        .route(
            "/operator/payouts/batches/{id}/requests/{request_id}/failed",
            post(failed),
        )
        .route(EXPIRED, get(show_expired))
        .route(
            "/operator/payouts/expired/{order_id}/reinstate",
            post(reinstate),
        )
}

/// An amount as the page's language writes it.
fn yen(ctx: &Ctx, amount: Yen) -> String {
    crate::pages::discovery::yen(ctx, amount.get())
}

/// A transfer date (YYYY-MM-DD) as the page's language writes dates.
fn transfer_date_label(ctx: &Ctx, iso: &str) -> String {
    Date::parse_iso(iso)
        .map(|d| ctx.date(&d.start_in_japan().unix()))
        .unwrap_or_else(|| iso.to_owned())
}

/// A payout request ready for a template.
struct TransferView {
    id: i64,
    seller_id: UserId,
    seller: String,
    gross: String,
    fee: String,
    net: String,
    requested_at: String,
    bank: String,
    branch: String,
    number: String,
    status_label: String,
    failure_label: Option<String>,
    /// Still processing: it can be marked failed.
    processing: bool,
}

impl TransferView {
    fn new(ctx: &Ctx, t: Transfer) -> TransferView {
        let r = t.request;
        TransferView {
            id: r.id,
            seller_id: r.seller_id,
            seller: member_name(ctx, t.seller_name),
            gross: yen(ctx, r.gross),
            fee: yen(ctx, r.fee),
            net: yen(ctx, r.net),
            requested_at: ctx.datetime(&r.requested_at),
            bank: t.bank_name,
            branch: t.branch_name,
            number: t.number_masked,
            status_label: ctx.t(&format!("op-payouts-request-status-{}", r.status)),
            failure_label: r
                .failure_reason
                .map(|reason| ctx.t(&format!("op-payouts-failure-{}", reason.replace('_', "-")))),
            processing: r.status == PayoutStatus::Processing,
        }
    }
}

/// A batch ready for a template.
struct BatchView {
    id: BatchId,
    date: String,
    count: i64,
    total: String,
    processing: bool,
    status_label: String,
    closed_by: String,
    closed_at: String,
    transferred_at: Option<String>,
}

impl BatchView {
    fn new(ctx: &Ctx, line: BatchLine) -> BatchView {
        let b = line.batch;
        BatchView {
            id: b.id,
            date: transfer_date_label(ctx, &b.transfer_date),
            count: b.transfer_count,
            total: yen(ctx, b.total_net),
            processing: b.status == BatchStatus::Processing,
            status_label: ctx.t(&format!("op-payouts-batch-status-{}", b.status)),
            closed_by: member_name(ctx, line.closed_by_name),
            closed_at: ctx.datetime(&b.closed_at),
            transferred_at: b.transferred_at.map(|at| ctx.datetime(&at)),
        }
    }
}

/// The requests of one transfer date, with the form that closes them into a batch.
struct DayView {
    iso: String,
    date: String,
    count: usize,
    total: String,
    transfers: Vec<TransferView>,
}

// ---------------------------------------------------------------------------------------
// The console

#[derive(Template)]
#[template(path = "operator_payouts.html")]
struct ConsolePage<'a> {
    ctx: &'a Ctx,
    days: Vec<DayView>,
    batches: Vec<BatchView>,
    errors: FormErrors,
}

async fn render_console(
    state: &AppState,
    ctx: &Ctx,
    operator: &CurrentUser,
    status: StatusCode,
    errors: FormErrors,
) -> PageResult {
    let overview = console::overview(&state.app, operator).await?;
    let days = overview
        .waiting
        .into_iter()
        .map(|d| DayView {
            date: transfer_date_label(ctx, &d.transfer_date),
            iso: d.transfer_date,
            count: d.count,
            total: yen(ctx, d.total_net),
            transfers: d
                .transfers
                .into_iter()
                .map(|t| TransferView::new(ctx, t))
                .collect(),
        })
        .collect();
    let batches = overview
        .batches
        .into_iter()
        .map(|b| BatchView::new(ctx, b))
        .collect();
    no_store(page_with_status(
        status,
        &ConsolePage {
            ctx,
            days,
            batches,
            errors,
        },
    ))
}

/// Pages with bank details: browsers and proxies must not keep a copy.
fn no_store(response: PageResult) -> PageResult {
    let mut response = response?;
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

async fn show_console(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
) -> PageResult {
    render_console(
        &state,
        &ctx,
        operator,
        StatusCode::OK,
        FormErrors::default(),
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
struct CloseForm {
    #[serde(default)]
    transfer_date: String,
}

async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    form: Result<Form<CloseForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    match batches::close(&state.app, operator, form.transfer_date.trim()).await {
        // On to the batch: its transfer file is the next step.
        Ok(batch) => Ok(redirect_with_flash(
            &ctx,
            &format!("/operator/payouts/batches/{}", batch.id),
            "op-payouts-flash-closed",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render_console(&state, &ctx, operator, status, errors).await
        }
    }
}

// ---------------------------------------------------------------------------------------
// One batch

#[derive(Template)]
#[template(path = "operator_payout_batch.html")]
struct BatchPage<'a> {
    ctx: &'a Ctx,
    batch: BatchView,
    transfers: Vec<TransferView>,
    errors: FormErrors,
    /// The transfer whose failure form was sent with errors, and what was entered.
    failing: Option<FailInput>,
    note_max: usize,
}

impl BatchPage<'_> {
    /// What the failure form of transfer `id` shows: the input sent back with errors, or empty.
    fn failing_input(&self, id: &i64) -> (&str, &str) {
        match &self.failing {
            Some(f) if f.request_id == *id => (f.reason.as_str(), f.note.as_str()),
            _ => ("", ""),
        }
    }

    /// The error of one field of transfer `id`'s failure form.
    fn failing_error(&self, id: &i64, field: &str) -> Option<&str> {
        match &self.failing {
            Some(f) if f.request_id == *id => self.errors.get(field),
            _ => None,
        }
    }
}

struct FailInput {
    request_id: i64,
    reason: String,
    note: String,
}

async fn render_batch(
    state: &AppState,
    ctx: &Ctx,
    operator: &CurrentUser,
    batch_id: BatchId,
    status: StatusCode,
    errors: FormErrors,
    failing: Option<FailInput>,
) -> PageResult {
    let (batch, transfers) = console::batch(&state.app, operator, batch_id).await?;
    no_store(page_with_status(
        status,
        &BatchPage {
            ctx,
            batch: BatchView::new(ctx, batch),
            transfers: transfers
                .into_iter()
                .map(|t| TransferView::new(ctx, t))
                .collect(),
            errors,
            failing,
            note_max: NOTE_MAX,
        },
    ))
}

async fn show_batch(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(id): PathId<BatchId>,
) -> PageResult {
    render_batch(
        &state,
        &ctx,
        operator,
        id,
        StatusCode::OK,
        FormErrors::default(),
        None,
    )
    .await
}

/// The 全銀 transfer file of a batch, to upload to the paying bank.
async fn zengin(
    State(state): State<AppState>,
    _ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(id): PathId<BatchId>,
) -> PageResult {
    let (file_name, bytes) = batches::transfer_file(&state.app, operator, id).await?;
    Ok(crate::download::shift_jis_text(&file_name, bytes))
}

async fn transferred(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(batch_id): PathId<BatchId>,
) -> PageResult {
    match batches::mark_transferred(&state.app, operator, batch_id).await {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            &format!("/operator/payouts/batches/{batch_id}"),
            "op-payouts-flash-transferred",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render_batch(&state, &ctx, operator, batch_id, status, errors, None).await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct FailForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    note: String,
}

async fn failed(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    PathIds(batch_id, request_id): PathIds<BatchId, i64>,
    form: Result<Form<FailForm>, FormRejection>,
) -> PageResult {
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let failure = match form.reason.as_str() {
        "account_data" => Ok(Failure::AccountData),
        "other" => Ok(Failure::Other),
        _ => Err(AppError::invalid(
            "reason",
            "op-payouts-fail-reason-required",
        )),
    };
    let result = match failure {
        Ok(failure) => {
            batches::mark_failed(&state.app, operator, request_id, failure, &form.note).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(redirect_with_flash(
            &ctx,
            &format!("/operator/payouts/batches/{batch_id}"),
            "op-payouts-flash-failed",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            let failing = FailInput {
                request_id,
                reason: form.reason,
                note: form.note,
            };
            render_batch(
                &state,
                &ctx,
                operator,
                batch_id,
                status,
                errors,
                Some(failing),
            )
            .await
        }
    }
}

// ---------------------------------------------------------------------------------------
// Expired sales

struct ExpiredView {
    order_id: OrderId,
    seller_id: UserId,
    seller: String,
    title: String,
    amount: String,
    credited_at: String,
    expired_at: String,
}

#[derive(Template)]
#[template(path = "operator_payouts_expired.html")]
struct ExpiredPage<'a> {
    ctx: &'a Ctx,
    sales: Vec<ExpiredView>,
    errors: FormErrors,
}

async fn render_expired(
    state: &AppState,
    ctx: &Ctx,
    operator: &CurrentUser,
    status: StatusCode,
    errors: FormErrors,
) -> PageResult {
    let sales = expiry::expired_list(&state.app, operator)
        .await?
        .into_iter()
        .map(|s| ExpiredView {
            order_id: s.order_id,
            seller_id: s.seller_id,
            seller: member_name(ctx, s.seller_name),
            title: s.listing_title,
            amount: yen(ctx, s.amount),
            credited_at: ctx.date(&s.credited_at),
            expired_at: ctx.date(&s.expired_at),
        })
        .collect();
    page_with_status(status, &ExpiredPage { ctx, sales, errors })
}

async fn show_expired(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
) -> PageResult {
    render_expired(
        &state,
        &ctx,
        operator,
        StatusCode::OK,
        FormErrors::default(),
    )
    .await
}

async fn reinstate(
    State(state): State<AppState>,
    ctx: Ctx,
    Operator(ref operator): Operator,
    PathId(order_id): PathId<OrderId>,
) -> PageResult {
    match expiry::reinstate(&state.app, operator, order_id).await {
        Ok(_) => Ok(redirect_with_flash(
            &ctx,
            EXPIRED,
            "op-payouts-flash-reinstated",
        )),
        Err(e) => {
            let (status, errors) = form_or_page(ctx.tr, e)?;
            render_expired(&state, &ctx, operator, status, errors).await
        }
    }
}
