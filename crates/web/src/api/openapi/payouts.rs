//! The sales and payouts part of the OpenAPI document: operations and schemas.

use serde_json::{Value, json};
use yorozu_domain::payouts::bank::{
    ACCOUNT_NUMBER_DIGITS, BANK_CODE_DIGITS, BRANCH_CODE_DIGITS, MAX_ACCOUNT_HOLDER_CHARS,
};

use super::{Op, list_of, schema_ref};

pub(super) fn paths() -> Vec<(&'static str, &'static str, Op)> {
    vec![
        ("get", "/me/sales", Op::new("getMySales", "payouts", "The caller's sales balance and sales")
            .describe("The available balance (売上金), the sellers' share of orders paid but not yet completed \
                       (`in_escrow`), each sale with the last day it can be requested (`deadline`, Japan time; \
                       sales not requested by then expire and can only be reinstated through an operator), the \
                       payout requests, and the earnings of the last twelve months (oldest first). \
                       `payout_preview` is what a payout request made now would pay, or `null` when the balance \
                       does not exceed the transfer fee.")
            .ok("200", "The balance, sales, requests and monthly totals.", schema_ref("Sales"))),
        ("get", "/me/bank-account", Op::new("getMyBankAccount", "payouts", "The caller's bank account for payouts")
            .describe("The number is masked. `usable` is false after a transfer failed because of the account's \
                       data: register the account again (PUT) before requesting a payout.")
            .ok("200", "The registered account.", schema_ref("BankAccount"))
            .errors(&["404"])),
        ("put", "/me/bank-account", Op::new("registerMyBankAccount", "payouts", "Register or replace the bank account")
            .describe("Bank code (4 digits), branch code (3 digits), account type, account number (up to 7 \
                       digits) and the holder's name in katakana. Full-width digits and katakana are accepted and \
                       normalised; the holder is stored in the half-width katakana that transfer files carry. \
                       Every field is checked and all problems are reported at once, e.g. `bank-code-invalid`, \
                       `bank-unknown`, `branch-unknown`, `account-type-unknown`, `account-number-invalid`, \
                       `account-holder-empty`, `account-holder-invalid-characters`. The number and the holder are \
                       stored encrypted. Re-authentication: the body carries `password` (and `totp_code` when \
                       two-step sign-in is on); without it the answer is 403 `reauth-required`, with a wrong one \
                       422 `password-wrong` (field `current_password`) or `two-step-code-wrong` (field \
                       `totp_code`). The member is mailed, the change is audited, and payouts to the new account \
                       wait until `held_until` (72 hours by default).")
            .json_body("BankAccountInput")
            .ok("200", "The account as registered, with the bank's and branch's names.", schema_ref("BankAccount"))
            .errors(&["400", "403", "415", "422"])),
        ("delete", "/me/bank-account", Op::new("removeMyBankAccount", "payouts", "Remove the bank account")
            .describe("Refused with 409 `bank-account-in-use` while a payout request is waiting or being \
                       processed.")
            .empty("204", "Removed.")
            .errors(&["404", "409"])),
        ("post", "/me/payout-requests", Op::new("requestPayout", "payouts", "Request a payout (振込申請)")
            .describe("Requests the whole available balance. The body carries only re-authentication: \
                       `password` (and `totp_code` when two-step sign-in is on); without it the answer is 403 \
                       `reauth-required`. Within the hold after the bank account was registered or changed \
                       (`held_until` of GET /me/bank-account) the request is refused with 422 and the field \
                       error `payout-bank-account-held`, which says until when. The transfer fee is taken from it \
                       (see `payout_preview` of GET /me/sales). Requests made on the 1st–15th are paid on the \
                       20th, those made on the 16th–end on the 5th of the next month (the next business day when \
                       that is a weekend or holiday). Refused, with nothing moved: 409 `payout-no-bank-account`, \
                       `payout-bank-account-invalid` (a transfer failed on the account's data; register it again) \
                       or `payout-already-requested` (one request at a time); 422 with the field error \
                       `payout-balance-too-low` when the balance does not exceed the fee.")
            .json_body_optional("Reauthentication")
            .ok("201", "The request.", schema_ref("PayoutRequest"))
            .errors(&["400", "403", "409", "422"])),
        ("get", "/me/payout-requests", Op::new("listMyPayoutRequests", "payouts", "The caller's payout requests")
            .ok("200", "The latest 50 requests, newest first.", list_of("PayoutRequest"))),
    ]
}

pub(super) fn schemas() -> Value {
    let id = json!({ "type": "string", "pattern": "^[0-9]+$", "description": "A 63-bit id as a decimal string." });
    let nullable_id =
        json!({ "type": ["string", "null"], "description": "A 63-bit id as a decimal string." });
    let time = json!({ "type": "integer", "format": "int64", "description": "Unix seconds." });
    let nullable_time =
        json!({ "type": ["integer", "null"], "format": "int64", "description": "Unix seconds." });
    let yen = json!({ "type": "integer", "format": "int64", "description": "Whole yen." });
    let date =
        json!({ "type": "string", "format": "date", "description": "YYYY-MM-DD, Japan time." });
    let account_type = json!({
        "type": "string",
        "enum": ["ordinary", "checking", "savings"],
        "description": "普通 (ordinary), 当座 (checking) or 貯蓄 (savings).",
    });
    json!({
        "Sales": {
            "type": "object",
            "required": [
                "available", "in_escrow", "validity_days", "payout_preview", "in_flight", "sales", "requests", "months",
            ],
            "additionalProperties": false,
            "properties": {
                "available": { "type": "integer", "description": "The balance a payout request would take (yen)." },
                "in_escrow": { "type": "integer", "description": "The caller's share of orders paid but not completed (yen)." },
                "validity_days": { "type": "integer", "description": "Days a sale stays payable after it is credited." },
                "payout_preview": {
                    "oneOf": [{ "type": "null" }, schema_ref("PayoutPreview")],
                    "description": "What a request made now would pay; null when the balance does not exceed the fee.",
                },
                "in_flight": {
                    "oneOf": [{ "type": "null" }, schema_ref("PayoutRequest")],
                    "description": "The request waiting or being processed, if any.",
                },
                "sales": list_of("Sale"),
                "requests": list_of("PayoutRequest"),
                "months": list_of("MonthTotal"),
            },
        },
        "PayoutPreview": {
            "type": "object",
            "required": ["gross", "fee", "net", "transfer_date"],
            "additionalProperties": false,
            "properties": {
                "gross": yen,
                "fee": yen,
                "net": yen,
                "transfer_date": date,
            },
        },
        "Sale": {
            "type": "object",
            "required": [
                "order_id", "listing_title", "amount", "credited_at", "deadline", "status", "payout_request_id", "expired_at",
            ],
            "additionalProperties": false,
            "properties": {
                "order_id": id,
                "listing_title": { "type": "string" },
                "amount": { "type": "integer", "description": "The seller's share of the order (yen)." },
                "credited_at": time,
                "deadline": { "type": "string", "format": "date", "description": "The last day it can be requested (Japan time)." },
                "status": {
                    "type": "string",
                    "enum": ["open", "requested", "expired"],
                    "description": "open: on the balance; requested: taken by the payout request `payout_request_id`; \
                                    expired: not requested in time (失効).",
                },
                "payout_request_id": nullable_id,
                "expired_at": nullable_time,
            },
        },
        "MonthTotal": {
            "type": "object",
            "required": ["year", "month", "amount"],
            "additionalProperties": false,
            "properties": {
                "year": { "type": "integer" },
                "month": { "type": "integer", "minimum": 1, "maximum": 12 },
                "amount": { "type": "integer", "description": "Sales credited in the month (yen, Japan time)." },
            },
        },
        "PayoutRequest": {
            "type": "object",
            "required": [
                "id", "gross", "fee", "net", "status", "transfer_date", "failure_reason", "requested_at", "transferred_at",
                "failed_at",
            ],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "gross": { "type": "integer", "description": "The balance requested (yen)." },
                "fee": { "type": "integer", "description": "The transfer fee (yen)." },
                "net": { "type": "integer", "description": "What is transferred (yen)." },
                "status": {
                    "type": "string",
                    "enum": ["requested", "processing", "transferred", "failed"],
                    "description": "requested 申請中 → processing 処理中 (in a transfer batch) → transferred 振込済み, or \
                                    failed 振込失敗 (the money is back on the balance).",
                },
                "transfer_date": date,
                "failure_reason": {
                    "type": ["string", "null"],
                    "enum": ["account_data", "other", null],
                    "description": "Why it failed: account_data (the bank refused the account's data) or other.",
                },
                "requested_at": time,
                "transferred_at": nullable_time,
                "failed_at": nullable_time,
            },
        },
        "BankAccountInput": {
            "type": "object",
            "required": ["bank_code", "branch_code", "account_type", "account_number", "holder"],
            "properties": {
                "bank_code": { "type": "string", "description": format!("{BANK_CODE_DIGITS} digits (金融機関コード).") },
                "branch_code": { "type": "string", "description": format!("{BRANCH_CODE_DIGITS} digits (支店コード).") },
                "account_type": account_type,
                "account_number": { "type": "string", "description": format!("Up to {ACCOUNT_NUMBER_DIGITS} digits (shorter numbers are zero-padded).") },
                "holder": { "type": "string", "description": format!("The holder's name in katakana (at most {MAX_ACCOUNT_HOLDER_CHARS} half-width characters).") },
                "password": { "type": "string", "description": "The current password (re-authentication)." },
                "totp_code": { "type": "string", "description": "The two-step code (six digits) or a recovery code, when two-step sign-in is on." },
            },
        },
        "Reauthentication": {
            "type": "object",
            "description": "The password again (and the two-step code when it is on) before a sensitive action.",
            "properties": {
                "password": { "type": "string", "description": "The current password." },
                "totp_code": { "type": "string", "description": "The two-step code (six digits) or a recovery code, when two-step sign-in is on." },
            },
        },
        "BankAccount": {
            "type": "object",
            "required": [
                "bank_code", "bank_name", "branch_code", "branch_name", "account_type", "number_masked", "holder", "usable",
                "invalid_reason", "held_until",
            ],
            "additionalProperties": false,
            "properties": {
                "bank_code": { "type": "string" },
                "bank_name": { "type": "string" },
                "branch_code": { "type": "string" },
                "branch_name": { "type": "string" },
                "account_type": account_type,
                "number_masked": { "type": "string", "description": "All but the last three digits hidden." },
                "holder": { "type": "string", "description": "Half-width katakana, as transfers carry it." },
                "usable": { "type": "boolean", "description": "False after a transfer failed on the account's data." },
                "invalid_reason": { "type": ["string", "null"], "description": "The operator's note when a transfer failed on the account's data." },
                "held_until": { "type": ["integer", "null"], "format": "int64", "description": "Unix seconds: payouts to a newly registered or changed account wait until then; null when they may go." },
            },
        },
    })
}
