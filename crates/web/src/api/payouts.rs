//! Sales and payouts (売上金・振込申請): the caller's balance, sales and monthly earnings,
//! their bank account for payouts, and their payout requests. Everything here is the
//! caller's own (`/me/…`): no id in a path can reach another member's money.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use yorozu_app::AppError;
use yorozu_app::accounts::reauth::{self, Credentials};
use yorozu_app::payouts::bank::{self, BankAccountView, BankInput};
use yorozu_app::payouts::{self, request, sales};

use crate::api::auth::ApiUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::extract::ApiJson;
use crate::api::openapi::fields as openapi;
use crate::api::openapi::payout_fields;
use crate::api::openapi::responses::{
    BadRequest, Conflict, Forbidden, NotFound, UnsupportedMediaType, ValidationFailed,
};
use crate::state::AppState;

// ---------------------------------------------------------------------------------------
// Input

// Absent fields count as empty, and an empty field is refused (422): the five account fields
// are documented as required.
/// The account to register; every field is a string as typed (codes keep their leading zeros).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BankAccountInput {
    #[serde(default)]
    #[schema(schema_with = payout_fields::bank_code, required)]
    bank_code: String,
    #[serde(default)]
    #[schema(schema_with = payout_fields::branch_code, required)]
    branch_code: String,
    #[serde(default)]
    #[schema(schema_with = payout_fields::account_type, required)]
    account_type: String,
    #[serde(default)]
    #[schema(schema_with = payout_fields::account_number, required)]
    account_number: String,
    #[serde(default)]
    #[schema(schema_with = payout_fields::holder, required)]
    holder: String,
    // Re-authentication: API clients have no session, so the password (and the two-step
    // code when it is on) come with the change itself. They are fields of their own, not a
    // flattened `Credentials`, which the document could only describe as an `allOf` of two
    // closed objects (that no body satisfies).
    /// The current password (re-authentication).
    #[serde(default)]
    password: String,
    /// The two-step code (six digits) or a recovery code, when two-step sign-in is on.
    #[serde(default)]
    totp_code: String,
}

// The optional body of a payout request.
/// The password again (and the two-step code when it is on) before a sensitive action.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[schema(as = Reauthentication)]
pub struct PayoutRequestInput {
    /// The current password.
    #[serde(default)]
    password: String,
    /// The two-step code (six digits) or a recovery code, when two-step sign-in is on.
    #[serde(default)]
    totp_code: String,
}

/// The password and code a body carries.
fn credentials(password: String, totp_code: String) -> Credentials {
    Credentials {
        password,
        totp_code,
    }
}

// ---------------------------------------------------------------------------------------
// Output

/// A payout request as its seller sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PayoutRequest {
    #[schema(schema_with = openapi::id)]
    id: String,
    /// The balance requested (yen).
    gross: i64,
    /// The transfer fee (yen).
    fee: i64,
    /// What is transferred (yen).
    net: i64,
    #[schema(schema_with = payout_fields::payout_status)]
    status: String,
    #[schema(schema_with = payout_fields::transfer_date)]
    transfer_date: String,
    #[schema(schema_with = payout_fields::failure_reason, required)]
    failure_reason: Option<String>,
    #[schema(schema_with = openapi::time)]
    requested_at: i64,
    #[schema(schema_with = openapi::nullable_time, required)]
    transferred_at: Option<i64>,
    #[schema(schema_with = openapi::nullable_time, required)]
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
#[derive(Debug, Serialize, ToSchema)]
struct Sale {
    #[schema(schema_with = openapi::id)]
    order_id: String,
    listing_title: String,
    /// The seller's share of the order (yen).
    amount: i64,
    #[schema(schema_with = openapi::time)]
    credited_at: i64,
    #[schema(schema_with = payout_fields::deadline)]
    deadline: String,
    #[schema(schema_with = payout_fields::sale_state)]
    status: &'static str,
    #[schema(schema_with = openapi::nullable_id, required)]
    payout_request_id: Option<String>,
    #[schema(schema_with = openapi::nullable_time, required)]
    expired_at: Option<i64>,
}

/// The earnings of one month.
#[derive(Debug, Serialize, ToSchema)]
struct MonthTotal {
    year: i32,
    #[schema(minimum = 1, maximum = 12)]
    month: u8,
    /// Sales credited in the month (yen, Japan time).
    amount: i64,
}

/// What a payout request made now would pay.
#[derive(Debug, Serialize, ToSchema)]
struct PayoutPreview {
    #[schema(schema_with = openapi::yen)]
    gross: i64,
    #[schema(schema_with = openapi::yen)]
    fee: i64,
    #[schema(schema_with = openapi::yen)]
    net: i64,
    #[schema(schema_with = payout_fields::transfer_date)]
    transfer_date: String,
}

/// The sales page as data.
#[derive(Debug, Serialize, ToSchema)]
pub struct Sales {
    /// The balance a payout request would take (yen).
    available: i64,
    /// The caller's share of orders paid but not completed (yen).
    in_escrow: i64,
    /// Days a sale stays payable after it is credited.
    validity_days: i64,
    /// What a request made now would pay; null when the balance does not exceed the fee.
    #[schema(required)]
    payout_preview: Option<PayoutPreview>,
    /// The request waiting or being processed, if any.
    #[schema(required)]
    in_flight: Option<PayoutRequest>,
    sales: Vec<Sale>,
    requests: Vec<PayoutRequest>,
    months: Vec<MonthTotal>,
}

/// The registered account as its owner sees it (the number masked).
#[derive(Debug, Serialize, ToSchema)]
pub struct BankAccount {
    bank_code: String,
    bank_name: String,
    branch_code: String,
    branch_name: String,
    #[schema(schema_with = payout_fields::account_type)]
    account_type: &'static str,
    /// All but the last three digits hidden.
    number_masked: String,
    /// Half-width katakana, as transfers carry it.
    holder: String,
    /// False after a transfer failed on the account's data.
    usable: bool,
    /// The operator's note when a transfer failed on the account's data.
    #[schema(required)]
    invalid_reason: Option<String>,
    /// Unix seconds: payouts to a newly registered or changed account wait until then; null when they may go.
    #[schema(format = Int64, required)]
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
#[utoipa::path(
    get,
    path = "/me/sales",
    operation_id = "getMySales",
    summary = "The caller's sales balance and sales",
    description = "The available balance (売上金), the sellers' share of orders paid but not yet completed \
                   (`in_escrow`), each sale with the last day it can be requested (`deadline`, Japan time; sales \
                   not requested by then expire and can only be reinstated through an operator), the payout \
                   requests, and the earnings of the last twelve months (oldest first). `payout_preview` is what a \
                   payout request made now would pay, or `null` when the balance does not exceed the transfer fee.",
    responses(
        (status = 200, description = "The balance, sales, requests and monthly totals.", body = Sales),
    ),
)]
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
#[utoipa::path(
    get,
    path = "/me/bank-account",
    operation_id = "getMyBankAccount",
    summary = "The caller's bank account for payouts",
    description = "The number is masked. `usable` is false after a transfer failed because of the account's data: \
                   register the account again (PUT) before requesting a payout.",
    responses(
        (status = 200, description = "The registered account.", body = BankAccount),
        (status = 404, response = NotFound),
    ),
)]
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
#[utoipa::path(
    put,
    path = "/me/bank-account",
    operation_id = "registerMyBankAccount",
    summary = "Register or replace the bank account",
    description = "Bank code (4 digits), branch code (3 digits), account type, account number (up to 7 digits) and \
                   the holder's name in katakana. Full-width digits and katakana are accepted and normalised; the \
                   holder is stored in the half-width katakana that transfer files carry. Every field is checked \
                   and all problems are reported at once, e.g. `bank-code-invalid`, `bank-unknown`, \
                   `branch-unknown`, `account-type-unknown`, `account-number-invalid`, `account-holder-empty`, \
                   `account-holder-invalid-characters`. The number and the holder are stored encrypted. \
                   Re-authentication: the body carries `password` (and `totp_code` when two-step sign-in is on); \
                   without it the answer is 403 `reauth-required`, with a wrong one 422 `password-wrong` (field \
                   `current_password`) or `two-step-code-wrong` (field `totp_code`). The member is mailed, the \
                   change is audited, and payouts to the new account wait until `held_until` (72 hours by \
                   default).",
    request_body = BankAccountInput,
    responses(
        (status = 200, description = "The account as registered, with the bank's and branch's names.", body = BankAccount),
        (status = 400, response = BadRequest),
        (status = 403, response = Forbidden),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = ValidationFailed),
    ),
)]
pub async fn register_bank_account(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<BankAccountInput>,
) -> ApiResult<Json<BankAccount>> {
    let credentials = credentials(input.password, input.totp_code);
    let proof = reauth::require(&state.app, &user, None, Some(&credentials)).await?;
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
#[utoipa::path(
    delete,
    path = "/me/bank-account",
    operation_id = "removeMyBankAccount",
    summary = "Remove the bank account",
    description = "Refused with 409 `bank-account-in-use` while a payout request is waiting or being processed.",
    responses(
        (status = 204, description = "Removed."),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
    ),
)]
pub async fn remove_bank_account(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<StatusCode> {
    bank::remove(&state.app, &user).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /me/payout-requests`: requests the whole available balance.
#[utoipa::path(
    post,
    path = "/me/payout-requests",
    operation_id = "requestPayout",
    summary = "Request a payout (振込申請)",
    description = "Requests the whole available balance. The body carries only re-authentication: `password` (and \
                   `totp_code` when two-step sign-in is on); without it the answer is 403 `reauth-required`. Within \
                   the hold after the bank account was registered or changed (`held_until` of GET \
                   /me/bank-account) the request is refused with 422 and the field error \
                   `payout-bank-account-held`, which says until when. The transfer fee is taken from it (see \
                   `payout_preview` of GET /me/sales). Requests made on the 1st–15th are paid on the 20th, those \
                   made on the 16th–end on the 5th of the next month (the next business day when that is a weekend \
                   or holiday). Refused, with nothing moved: 409 `payout-no-bank-account`, \
                   `payout-bank-account-invalid` (a transfer failed on the account's data; register it again) or \
                   `payout-already-requested` (one request at a time); 422 with the field error \
                   `payout-balance-too-low` when the balance does not exceed the fee.",
    request_body = Option<PayoutRequestInput>,
    responses(
        (status = 201, description = "The request.", body = PayoutRequest),
        (status = 400, response = BadRequest),
        (status = 403, response = Forbidden),
        (status = 409, response = Conflict),
        (status = 422, response = ValidationFailed),
    ),
)]
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
    let credentials = credentials(input.password, input.totp_code);
    let proof = reauth::require(&state.app, &user, None, Some(&credentials)).await?;
    let row = request::request(&state.app, &user, &proof).await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

/// `GET /me/payout-requests`: the caller's requests, newest first.
#[utoipa::path(
    get,
    path = "/me/payout-requests",
    operation_id = "listMyPayoutRequests",
    summary = "The caller's payout requests",
    responses((status = 200, description = "The latest 50 requests, newest first.", body = Vec<PayoutRequest>)),
)]
pub async fn payout_requests(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<PayoutRequest>>> {
    let rows = request::mine(&state.app, &user).await?;
    Ok(Json(rows.into_iter().map(PayoutRequest::from).collect()))
}
