//! Sales and payouts (売上金・振込申請): the caller's balance, sales and monthly earnings,
//! their bank account for payouts, and their payout requests. Everything here is the
//! caller's own (`/me/…`): no id in a path can reach another member's money.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use yorozu_app::AppError;
use yorozu_app::accounts::reauth::{self, Credentials};
use yorozu_app::payouts::bank::{self, BankAccountView, BankInput};
use yorozu_app::payouts::{self, request, sales};

use crate::api::auth::ApiUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::extract::ApiJson;
use crate::state::AppState;

// ---------------------------------------------------------------------------------------
// Input

/// The account to register; every field is a string as the member typed it (codes keep
/// their leading zeros). Absent fields count as empty.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankAccountInput {
    #[serde(default)]
    bank_code: String,
    #[serde(default)]
    branch_code: String,
    #[serde(default)]
    account_type: String,
    #[serde(default)]
    account_number: String,
    #[serde(default)]
    holder: String,
    /// Re-authentication: API clients have no session, so the password (and the two-step
    /// code when it is on) come with the change itself.
    #[serde(flatten)]
    reauth: Credentials,
}

/// The optional body of a payout request: the password (and code) for re-authentication.
#[derive(Debug, Default, Deserialize)]
pub struct PayoutRequestInput {
    #[serde(flatten)]
    reauth: Credentials,
}

// ---------------------------------------------------------------------------------------
// Output

/// A payout request as its seller sees it.
#[derive(Debug, Serialize)]
pub struct PayoutRequest {
    id: String,
    gross: i64,
    fee: i64,
    net: i64,
    status: String,
    transfer_date: String,
    failure_reason: Option<String>,
    requested_at: i64,
    transferred_at: Option<i64>,
    failed_at: Option<i64>,
}

impl From<payouts::PayoutRequest> for PayoutRequest {
    fn from(r: payouts::PayoutRequest) -> PayoutRequest {
        PayoutRequest {
            id: r.id.to_string(),
            gross: r.gross.get(),
            fee: r.fee.get(),
            net: r.net.get(),
            status: r.status.as_str().to_owned(),
            transfer_date: r.transfer_date,
            failure_reason: r.failure_reason,
            requested_at: r.requested_at,
            transferred_at: r.transferred_at,
            failed_at: r.failed_at,
        }
    }
}

/// One sale (one completed order).
#[derive(Debug, Serialize)]
struct Sale {
    order_id: String,
    listing_title: String,
    amount: i64,
    credited_at: i64,
    /// The last day (Japan time) it can be requested before it expires.
    deadline: String,
    /// `open`, `requested` (taken by a payout request) or `expired`.
    status: &'static str,
    payout_request_id: Option<String>,
    expired_at: Option<i64>,
}

#[derive(Debug, Serialize)]
struct MonthTotal {
    year: i32,
    month: u8,
    amount: i64,
}

/// What a payout request made now would pay.
#[derive(Debug, Serialize)]
struct PayoutPreview {
    gross: i64,
    fee: i64,
    net: i64,
    transfer_date: String,
}

/// The sales page as data.
#[derive(Debug, Serialize)]
pub struct Sales {
    available: i64,
    in_escrow: i64,
    validity_days: i64,
    /// `null` when the balance does not exceed the transfer fee.
    payout_preview: Option<PayoutPreview>,
    in_flight: Option<PayoutRequest>,
    sales: Vec<Sale>,
    requests: Vec<PayoutRequest>,
    months: Vec<MonthTotal>,
}

/// The registered account as its owner sees it (the number masked).
#[derive(Debug, Serialize)]
pub struct BankAccount {
    bank_code: String,
    bank_name: String,
    branch_code: String,
    branch_name: String,
    account_type: &'static str,
    number_masked: String,
    holder: String,
    /// `false` after a transfer failed on the account's data: register it again.
    usable: bool,
    invalid_reason: Option<String>,
    /// Payouts to a newly registered or changed account wait until then (unix seconds).
    held_until: Option<i64>,
}

impl From<BankAccountView> for BankAccount {
    fn from(v: BankAccountView) -> BankAccount {
        BankAccount {
            bank_code: v.bank_code,
            bank_name: v.bank_name,
            branch_code: v.branch_code,
            branch_name: v.branch_name,
            account_type: v.account_type.key(),
            number_masked: v.number_masked,
            holder: v.holder,
            usable: v.invalid_reason.is_none(),
            invalid_reason: v.invalid_reason,
            held_until: v.held_until,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Handlers

/// `GET /me/sales`: balance, escrow, each sale with its deadline, requests, monthly totals.
pub async fn mine(State(state): State<AppState>, ApiUser(user): ApiUser) -> ApiResult<Json<Sales>> {
    let page = sales::page(&state.app, &user).await?;
    let payout_preview = state
        .app
        .policy
        .transfer_fee
        .payout(page.available)
        .ok()
        .map(|a| PayoutPreview {
            gross: a.gross.get(),
            fee: a.fee.get(),
            net: a.net.get(),
            transfer_date: page.next_transfer_date.iso(),
        });
    let sales = page
        .sales
        .iter()
        .map(|s| Sale {
            order_id: s.order_id.to_string(),
            listing_title: s.listing_title.clone(),
            amount: s.amount.get(),
            credited_at: s.credited_at,
            deadline: page.deadline(s.credited_at).iso(),
            status: s.state().as_str(),
            payout_request_id: s.payout_request_id.map(|id| id.to_string()),
            expired_at: s.expired_at,
        })
        .collect();
    Ok(Json(Sales {
        available: page.available.get(),
        in_escrow: page.in_escrow.get(),
        validity_days: page.validity_days,
        payout_preview,
        in_flight: page.in_flight.map(PayoutRequest::from),
        sales,
        requests: page.requests.into_iter().map(PayoutRequest::from).collect(),
        months: page
            .months
            .iter()
            .map(|m| MonthTotal {
                year: m.year,
                month: m.month,
                amount: m.amount.get(),
            })
            .collect(),
    }))
}

/// `GET /me/bank-account`; 404 when none is registered.
pub async fn bank_account(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<BankAccount>> {
    let view = bank::view(&state.app, &user)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(view.into()))
}

/// `PUT /me/bank-account`: registers or replaces the account.
pub async fn register_bank_account(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<BankAccountInput>,
) -> ApiResult<Json<BankAccount>> {
    let proof = reauth::require(&state.app, &user, None, Some(&input.reauth)).await?;
    let input = BankInput {
        bank_code: input.bank_code,
        branch_code: input.branch_code,
        account_type: input.account_type,
        account_number: input.account_number,
        holder: input.holder,
    };
    let view = bank::register(&state.app, &user, &proof, &input).await?;
    Ok(Json(view.into()))
}

/// `DELETE /me/bank-account`; refused (409) while a payout request needs it.
pub async fn remove_bank_account(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<StatusCode> {
    bank::remove(&state.app, &user).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /me/payout-requests`: requests the whole available balance.
pub async fn request_payout(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    body: axum::body::Bytes,
) -> ApiResult<(StatusCode, Json<PayoutRequest>)> {
    // The body is optional (older clients send none): without the password the answer is
    // 403 `reauth-required`.
    let input: PayoutRequestInput = if body.iter().all(u8::is_ascii_whitespace) {
        PayoutRequestInput::default()
    } else {
        serde_json::from_slice(&body).map_err(|e| {
            ApiError::request_with_detail(StatusCode::BAD_REQUEST, "error-bad-json", e.to_string())
        })?
    };
    let proof = reauth::require(&state.app, &user, None, Some(&input.reauth)).await?;
    let row = request::request(&state.app, &user, &proof).await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

/// `GET /me/payout-requests`: the caller's requests, newest first.
pub async fn payout_requests(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<PayoutRequest>>> {
    let rows = request::mine(&state.app, &user).await?;
    Ok(Json(rows.into_iter().map(PayoutRequest::from).collect()))
}
