//! Withdrawal (退会): where the caller stands — what blocks closing the account and when each
//! blocker clears by itself, what closing it would forfeit, what happens to each kind of data,
//! and a scheduled withdrawal if there is one (the same readiness check as the withdrawal
//! page); confirming the withdrawal, which closes the account or schedules it; and cancelling
//! a schedule.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use yorozu_app::withdrawal::close::Closed;
use yorozu_app::withdrawal::confirm::{self, Confirmation, Outcome, When};
use yorozu_app::withdrawal::readiness::{self, BlockerLine, Readiness as AppReadiness};
use yorozu_app::withdrawal::receipt::{self, data_lines};
use yorozu_app::withdrawal::{Withdrawal, schedule};
use yorozu_domain::WithdrawalId;
use yorozu_domain::withdrawal::{BlockerKind, DataCategory, Fate};

use crate::api::auth::ApiUser;
use crate::api::error::ApiResult;
use crate::api::extract::{ApiJson, ApiLocale};
use crate::api::openapi::fields as openapi;
use crate::api::openapi::responses::{
    BadRequest, Conflict, UnsupportedMediaType, ValidationFailed,
};
use crate::api::openapi::withdrawal_fields as fields;
use crate::state::AppState;

// ---------------------------------------------------------------------------------------
// Input

/// When to close the account: now (refused while anything blocks), or as soon as the last
/// blocker clears.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhenInput {
    #[default]
    Now,
    WhenReady,
}

impl From<WhenInput> for When {
    fn from(w: WhenInput) -> When {
        match w {
            WhenInput::Now => When::Now,
            WhenInput::WhenReady => When::WhenReady,
        }
    }
}

/// The confirmation of a withdrawal (`POST /me/withdrawal`): everything but the password is optional.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = WithdrawalRequest)]
#[serde(deny_unknown_fields)]
pub struct ConfirmRequest {
    /// The caller's password, to confirm it is them.
    password: String,
    /// With two-step sign-in on: its six-digit code or a recovery code (422
    /// `two-step-code-required` / `two-step-code-wrong` otherwise).
    #[serde(default)]
    totp_code: String,
    /// Reason keys (`cannot-sell`, …).
    #[serde(default)]
    #[schema(schema_with = fields::reasons)]
    reasons: Vec<String>,
    #[serde(default)]
    #[schema(schema_with = fields::comment)]
    comment: String,
    // The sales balance and points the caller saw in the readiness and accepts to forfeit;
    // 0 when there is nothing to forfeit.
    #[serde(default)]
    #[schema(schema_with = fields::acknowledged_sales)]
    acknowledged_sales: i64,
    #[serde(default)]
    #[schema(schema_with = fields::acknowledged_points)]
    acknowledged_points: i64,
    /// Erase the data at once instead of after the grace period (default false). It cannot be undone.
    #[serde(default)]
    erase_now: bool,
    #[serde(default)]
    #[schema(schema_with = fields::when)]
    when: WhenInput,
}

// ---------------------------------------------------------------------------------------
// Output

/// One blocker.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = WithdrawalBlocker)]
struct Blocker {
    #[schema(schema_with = fields::blocker_kind)]
    kind: BlockerKind,
    /// The order's or the payout request's id.
    #[schema(schema_with = fields::blocker_reference)]
    reference: String,
    /// The order's state, or the payout request's status.
    #[schema(schema_with = fields::blocker_state)]
    state: String,
    /// The service's title for orders; `None` for a payout request.
    #[schema(schema_with = fields::blocker_title, required)]
    title: Option<String>,
    #[schema(schema_with = openapi::nullable_time, required)]
    clears_at: Option<i64>,
}

impl From<BlockerLine> for Blocker {
    fn from(line: BlockerLine) -> Blocker {
        Blocker {
            kind: line.blocker.kind,
            reference: line.blocker.reference.to_string(),
            state: line.blocker.state,
            title: (!line.title.is_empty()).then_some(line.title),
            clears_at: line.blocker.clears_at.map(|t| t.unix()),
        }
    }
}

/// What closing the account forfeits.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = WithdrawalForfeits)]
struct Forfeits {
    /// The sales balance not yet requested (yen); a payout request first saves it.
    #[schema(minimum = 0)]
    sales_balance: i64,
    /// Points (1 point = ¥1 off a purchase).
    #[schema(minimum = 0)]
    points: i64,
}

impl From<readiness::Forfeits> for Forfeits {
    fn from(f: readiness::Forfeits) -> Forfeits {
        Forfeits {
            sales_balance: f.sales_balance,
            points: f.points,
        }
    }
}

/// What happens to one kind of data: the erasure receipt's line (in the caller's language)
/// with the fate as a stable key for programs.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = WithdrawalDataLine)]
struct DataLine {
    #[schema(schema_with = fields::data_category)]
    category: DataCategory,
    #[schema(schema_with = fields::fate)]
    fate: String,
    /// For data kept for a fixed time; `None` otherwise.
    #[schema(schema_with = fields::kept_years, required)]
    kept_years: Option<u8>,
    /// The kind of data, in the language of Accept-Language.
    name: String,
    /// What happens to it, in words.
    fate_text: String,
    /// Why, and for how long where it is kept.
    why: String,
}

/// A fate as the API names it: the fate's key in snake_case, like every other enum here.
pub(crate) fn fate_name(fate: Fate) -> String {
    fate.key().replace('-', "_")
}

impl From<receipt::DataLine> for DataLine {
    fn from(line: receipt::DataLine) -> DataLine {
        let fate = line.category.fate();
        DataLine {
            category: line.category,
            fate: fate_name(fate),
            kept_years: match fate {
                Fate::Kept { years } => years,
                _ => None,
            },
            name: line.name,
            fate_text: line.fate,
            why: line.why,
        }
    }
}

/// A withdrawal waiting for its blockers to clear.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = WithdrawalSchedule)]
struct Scheduled {
    #[schema(schema_with = openapi::id)]
    withdrawal_id: String,
    #[schema(schema_with = openapi::time)]
    requested_at: i64,
}

impl From<Withdrawal> for Scheduled {
    fn from(row: Withdrawal) -> Scheduled {
        Scheduled {
            withdrawal_id: row.id.to_string(),
            requested_at: row.requested_at,
        }
    }
}

/// Where the caller stands before closing their account.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = WithdrawalReadiness)]
pub struct Readiness {
    /// Nothing blocks: the account could be closed now.
    ready: bool,
    blockers: Vec<Blocker>,
    #[schema(schema_with = fields::readiness_clears_at, required)]
    clears_by_itself_at: Option<i64>,
    forfeits: Forfeits,
    /// Orders on the caller's services awaiting payment, which closing the account cancels.
    unpaid_sales_to_cancel: usize,
    /// Open custom offers, sent or received, which closing the account withdraws.
    open_offers_to_withdraw: u64,
    data: Vec<DataLine>,
    /// The caller's scheduled withdrawal (DELETE /me/withdrawal cancels it), or null.
    #[schema(required)]
    scheduled: Option<Scheduled>,
}

// The answers to a confirmation: the account was closed (200), or the withdrawal scheduled
// until its blockers clear (202). Each names itself in `state`.

/// The account is closed.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = WithdrawalClosed)]
struct ClosedAnswer {
    #[schema(schema_with = fields::closed)]
    state: &'static str,
    #[schema(schema_with = openapi::id)]
    withdrawal_id: String,
    #[schema(schema_with = fields::purge_at)]
    purge_at: i64,
    // The purge started at once (the caller chose to erase now, or there is no grace).
    /// Erasure started at once: there is nothing to undo.
    erase_now: bool,
    forfeited: Forfeits,
    /// Unpaid orders on the caller's services that were cancelled (their buyers are told).
    cancelled_orders: usize,
}

impl ClosedAnswer {
    fn new(closed: Closed, now: i64) -> ClosedAnswer {
        ClosedAnswer {
            state: "closed",
            withdrawal_id: closed.withdrawal_id.to_string(),
            purge_at: closed.purge_at,
            erase_now: closed.purge_at <= now,
            forfeited: closed.forfeited.into(),
            cancelled_orders: closed.cancelled_orders,
        }
    }
}

/// The withdrawal waits for its blockers to clear.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = WithdrawalScheduled)]
struct ScheduledAnswer {
    #[schema(schema_with = fields::scheduled)]
    state: &'static str,
    #[schema(schema_with = openapi::id)]
    withdrawal_id: String,
    blockers: Vec<Blocker>,
    #[schema(schema_with = fields::schedule_clears_at, required)]
    clears_by_itself_at: Option<i64>,
}

impl ScheduledAnswer {
    fn new(withdrawal_id: WithdrawalId, readiness: AppReadiness) -> ScheduledAnswer {
        ScheduledAnswer {
            state: "scheduled",
            withdrawal_id: withdrawal_id.to_string(),
            clears_by_itself_at: readiness.clears_by_itself_at().map(|t| t.unix()),
            blockers: readiness.blockers.into_iter().map(Blocker::from).collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Handlers

/// `GET /me/withdrawal/readiness`.
#[utoipa::path(
    get,
    path = "/me/withdrawal/readiness",
    operation_id = "getMyWithdrawalReadiness",
    summary = "Where the caller stands before closing their account",
    description = "Live, like the withdrawal page: every blocker — purchases and sales not completed or cancelled, \
                   open cancellation requests, orders under dispute handling, a payout request not yet transferred \
                   — with the date it clears by itself (`clears_at`: a delivery's auto-approval, a cancellation \
                   request's deadline, an unpaid order's payment deadline, a payout's transfer) or `null` when \
                   someone has to act. `clears_by_itself_at` is when the last blocker clears, if every one of them \
                   does. `forfeits` are the exact amounts closing the account now would forfeit (send them back as \
                   `acknowledged_sales` and `acknowledged_points` to confirm); `unpaid_sales_to_cancel` counts \
                   orders on the caller's services that only await payment, which closing the account cancels \
                   (their buyers are told); `open_offers_to_withdraw` counts open custom offers the caller sent \
                   or received, which closing the account withdraws. `data` says what happens to each kind of data, with texts in the \
                   language of `Accept-Language` (the same as the erasure receipt and the privacy page). \
                   `scheduled` is the caller's scheduled withdrawal, or `null`.",
    responses((status = 200, description = "The caller's readiness.", body = Readiness)),
)]
pub async fn readiness(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiLocale(locale): ApiLocale,
) -> ApiResult<Json<Readiness>> {
    let r = readiness::check(&state.app, &user).await?;
    let scheduled = schedule::current(&state.app, &user).await?;
    Ok(Json(Readiness {
        ready: r.is_ready(),
        clears_by_itself_at: r.clears_by_itself_at().map(|t| t.unix()),
        forfeits: r.forfeits.into(),
        unpaid_sales_to_cancel: r.unpaid_sales_to_cancel,
        open_offers_to_withdraw: r.open_offers_to_withdraw,
        data: data_lines(locale).into_iter().map(DataLine::from).collect(),
        blockers: r.blockers.into_iter().map(Blocker::from).collect(),
        scheduled: scheduled.map(Scheduled::from),
    }))
}

/// `POST /me/withdrawal`: closes the caller's account (200), or schedules it (202).
#[utoipa::path(
    post,
    path = "/me/withdrawal",
    operation_id = "confirmMyWithdrawal",
    summary = "Close the caller's account, or schedule it",
    description = "Needs the caller's password (422 `withdrawal-password-wrong` on the `password` field). Each amount \
                   that would be forfeited must be acknowledged at the amount it is now: `acknowledged_sales` and \
                   `acknowledged_points` are compared with the readiness' `forfeits` (422 \
                   `withdrawal-acknowledge-sales` / `withdrawal-acknowledge-points`). Reasons are optional keys \
                   (422 `withdrawal-reason-unknown` on `reasons`); the comment is optional, at most 1000 characters \
                   (422 `withdrawal-comment-too-long` on `comment`), and is kept for statistics without the \
                   caller's id, with e-mail addresses, URLs and long numbers removed.\n\n\
                   With nothing blocking, the account is closed at once (200): every session and API token is \
                   revoked — this token included, so the next call answers 401 — services are unpublished, unpaid \
                   orders on them are cancelled, marketing mail stops, the acknowledged amounts are forfeited and \
                   one last mail with the erasure receipt is sent. The data is erased at `purge_at`: after the \
                   grace period, during which signing in on the site undoes the closure, or at once with \
                   `erase_now`.\n\n\
                   While something blocks, `when: \"now\"` is refused (409 `withdrawal-blocked`) and `when: \
                   \"when_ready\"` schedules the withdrawal (202): the caller's services are paused at once and the \
                   account is closed by itself when the last blocker clears — unless the sales balance or points \
                   have grown beyond what was acknowledged by then, in which case the schedule is called off and \
                   the caller is told by mail. Other refusals: 409 `withdrawal-already-requested` (a schedule \
                   exists; cancel it first), `withdrawal-amounts-changed`.",
    request_body = ConfirmRequest,
    responses(
        (status = 200, description = "The account is closed; this token no longer works.", body = ClosedAnswer),
        (status = 202, description = "The withdrawal is scheduled until its blockers clear.", body = ScheduledAnswer),
        (status = 400, response = BadRequest),
        (status = 409, response = Conflict),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn confirm(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<ConfirmRequest>,
) -> ApiResult<Response> {
    yorozu_app::accounts::two_step::require_code(&state.app, user.id, &input.totp_code).await?;
    let confirmation = Confirmation {
        password: input.password,
        reasons: input.reasons,
        comment: input.comment,
        acknowledged: readiness::Forfeits {
            sales_balance: input.acknowledged_sales,
            points: input.acknowledged_points,
        },
        erase_now: input.erase_now,
    };
    let outcome = confirm::withdraw(&state.app, &user, &confirmation, input.when.into()).await?;
    Ok(match outcome {
        Outcome::Closed(closed) => (
            StatusCode::OK,
            Json(ClosedAnswer::new(closed, state.app.now())),
        )
            .into_response(),
        Outcome::Scheduled {
            withdrawal_id,
            readiness,
        } => (
            StatusCode::ACCEPTED,
            Json(ScheduledAnswer::new(withdrawal_id, readiness)),
        )
            .into_response(),
    })
}

/// `DELETE /me/withdrawal`: cancels the caller's scheduled withdrawal.
#[utoipa::path(
    delete,
    path = "/me/withdrawal",
    operation_id = "cancelMyWithdrawal",
    summary = "Cancel the caller's scheduled withdrawal",
    description = "The paused services stay paused; publish them again to take orders. 409 \
                   `withdrawal-not-scheduled` when there is no scheduled withdrawal.",
    responses(
        (status = 204, description = "The schedule is cancelled."),
        (status = 409, response = Conflict),
    ),
)]
pub async fn cancel(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<StatusCode> {
    schedule::cancel(&state.app, &user).await?;
    Ok(StatusCode::NO_CONTENT)
}
