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

/// `POST /me/withdrawal`. Everything but the password is optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfirmRequest {
    password: String,
    /// With two-step sign-in on, its code (or a recovery code).
    #[serde(default)]
    totp_code: String,
    /// Reason keys (`cannot-sell`, …).
    #[serde(default)]
    reasons: Vec<String>,
    #[serde(default)]
    comment: String,
    /// The sales balance and points the caller saw in the readiness and accepts to forfeit;
    /// 0 when there is nothing to forfeit.
    #[serde(default)]
    acknowledged_sales: i64,
    #[serde(default)]
    acknowledged_points: i64,
    #[serde(default)]
    erase_now: bool,
    #[serde(default)]
    when: WhenInput,
}

// ---------------------------------------------------------------------------------------
// Output

/// One blocker.
#[derive(Debug, Serialize)]
struct Blocker {
    kind: BlockerKind,
    /// The order's or the payout request's id.
    reference: String,
    /// The order's state, or the payout request's status.
    state: String,
    /// The service's title for orders; `None` for a payout request.
    title: Option<String>,
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

#[derive(Debug, Serialize)]
struct Forfeits {
    sales_balance: i64,
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
#[derive(Debug, Serialize)]
struct DataLine {
    category: DataCategory,
    fate: String,
    /// For data kept for a fixed time; `None` otherwise.
    kept_years: Option<u8>,
    name: String,
    fate_text: String,
    why: String,
}

/// A fate as the API names it: the fate's key in snake_case, like every other enum here.
pub(super) fn fate_name(fate: Fate) -> String {
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
#[derive(Debug, Serialize)]
struct Scheduled {
    withdrawal_id: String,
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

#[derive(Debug, Serialize)]
pub struct Readiness {
    ready: bool,
    blockers: Vec<Blocker>,
    clears_by_itself_at: Option<i64>,
    forfeits: Forfeits,
    unpaid_sales_to_cancel: usize,
    data: Vec<DataLine>,
    scheduled: Option<Scheduled>,
}

/// The answer to a confirmation: the account was closed (200), or the withdrawal scheduled
/// until its blockers clear (202).
#[derive(Debug, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
enum ConfirmAnswer {
    Closed {
        withdrawal_id: String,
        purge_at: i64,
        /// The purge started at once (the caller chose to erase now, or there is no grace).
        erase_now: bool,
        forfeited: Forfeits,
        cancelled_orders: usize,
    },
    Scheduled {
        withdrawal_id: String,
        blockers: Vec<Blocker>,
        clears_by_itself_at: Option<i64>,
    },
}

impl ConfirmAnswer {
    fn closed(closed: Closed, now: i64) -> ConfirmAnswer {
        ConfirmAnswer::Closed {
            withdrawal_id: closed.withdrawal_id.to_string(),
            purge_at: closed.purge_at,
            erase_now: closed.purge_at <= now,
            forfeited: closed.forfeited.into(),
            cancelled_orders: closed.cancelled_orders,
        }
    }

    fn scheduled(withdrawal_id: WithdrawalId, readiness: AppReadiness) -> ConfirmAnswer {
        ConfirmAnswer::Scheduled {
            withdrawal_id: withdrawal_id.to_string(),
            clears_by_itself_at: readiness.clears_by_itself_at().map(|t| t.unix()),
            blockers: readiness.blockers.into_iter().map(Blocker::from).collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Handlers

/// `GET /me/withdrawal/readiness`.
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
        data: data_lines(locale).into_iter().map(DataLine::from).collect(),
        blockers: r.blockers.into_iter().map(Blocker::from).collect(),
        scheduled: scheduled.map(Scheduled::from),
    }))
}

/// `POST /me/withdrawal`: closes the caller's account (200), or schedules it (202).
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
            Json(ConfirmAnswer::closed(closed, state.app.now())),
        )
            .into_response(),
        Outcome::Scheduled {
            withdrawal_id,
            readiness,
        } => (
            StatusCode::ACCEPTED,
            Json(ConfirmAnswer::scheduled(withdrawal_id, readiness)),
        )
            .into_response(),
    })
}

/// `DELETE /me/withdrawal`: cancels the caller's scheduled withdrawal.
pub async fn cancel(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<StatusCode> {
    schedule::cancel(&state.app, &user).await?;
    Ok(StatusCode::NO_CONTENT)
}
