//! The withdrawal (退会) part of the OpenAPI document: operations and schemas. The enums come
//! from the domain's types, so the document lists exactly what the API can send.

use serde_json::{Value, json};
use yorozu_domain::orders::OrderState;
use yorozu_domain::withdrawal::reason::MAX_COMMENT_CHARS;
use yorozu_domain::withdrawal::{BlockerKind, DATA_TABLE, ReasonChoice};

use super::{Op, list_of, schema_ref};
use crate::api::withdrawal::fate_name;

pub(super) fn paths() -> Vec<(&'static str, &'static str, Op)> {
    vec![
        (
            "get",
            "/me/withdrawal/readiness",
            Op::new("getMyWithdrawalReadiness", "withdrawal", "Where the caller stands before closing their account")
                .describe("Live, like the withdrawal page: every blocker — purchases and sales not completed or \
                           cancelled, open cancellation requests, orders under dispute handling, a payout request not \
                           yet transferred — with the date it clears by itself (`clears_at`: a delivery's \
                           auto-approval, a cancellation request's deadline, an unpaid order's payment deadline, a \
                           payout's transfer) or `null` when someone has to act. `clears_by_itself_at` is when the \
                           last blocker clears, if every one of them does. `forfeits` are the exact amounts closing \
                           the account now would forfeit (send them back as `acknowledged_sales` and \
                           `acknowledged_points` to confirm); `unpaid_sales_to_cancel` counts orders on the caller's \
                           services that only await payment, which closing the account cancels (their buyers are \
                           told). `data` says what happens to each kind of data, with texts in the language of \
                           `Accept-Language` (the same as the erasure receipt and the privacy page). `scheduled` is \
                           the caller's scheduled withdrawal, or `null`.")
                .ok("200", "The caller's readiness.", schema_ref("WithdrawalReadiness")),
        ),
        (
            "post",
            "/me/withdrawal",
            Op::new("confirmMyWithdrawal", "withdrawal", "Close the caller's account, or schedule it")
                .describe("Needs the caller's password (422 `withdrawal-password-wrong` on the `password` field). Each \
                           amount that would be forfeited must be acknowledged at the amount it is now: \
                           `acknowledged_sales` and `acknowledged_points` are compared with the readiness' \
                           `forfeits` (422 `withdrawal-acknowledge-sales` / `withdrawal-acknowledge-points`). \
                           Reasons are optional keys (422 `withdrawal-reason-unknown` on `reasons`); the comment is \
                           optional, at most 1000 characters (422 `withdrawal-comment-too-long` on `comment`), and is \
                           kept for statistics without the caller's id, with e-mail addresses, URLs and long numbers \
                           removed.\n\n\
                           With nothing blocking, the account is closed at once (200): every session and API token \
                           is revoked — this token included, so the next call answers 401 — services are \
                           unpublished, unpaid orders on them are cancelled, marketing mail stops, the acknowledged \
                           amounts are forfeited and one last mail with the erasure receipt is sent. The data is \
                           erased at `purge_at`: after the grace period, during which signing in on the site undoes \
                           the closure, or at once with `erase_now`.\n\n\
                           While something blocks, `when: \"now\"` is refused (409 `withdrawal-blocked`) and \
                           `when: \"when_ready\"` schedules the withdrawal (202): the caller's services are paused at \
                           once and the account is closed by itself when the last blocker clears — unless the sales \
                           balance or points have grown beyond what was acknowledged by then, in which case the \
                           schedule is called off and the caller is told by mail. Other refusals: 409 \
                           `withdrawal-already-requested` (a schedule exists; cancel it first), \
                           `withdrawal-amounts-changed`.")
                .json_body("WithdrawalRequest")
                .ok("200", "The account is closed; this token no longer works.", schema_ref("WithdrawalClosed"))
                .ok("202", "The withdrawal is scheduled until its blockers clear.", schema_ref("WithdrawalScheduled"))
                .errors(&["400", "409", "415", "422"]),
        ),
        (
            "delete",
            "/me/withdrawal",
            Op::new("cancelMyWithdrawal", "withdrawal", "Cancel the caller's scheduled withdrawal")
                .describe("The paused services stay paused; publish them again to take orders. 409 \
                           `withdrawal-not-scheduled` when there is no scheduled withdrawal.")
                .empty("204", "The schedule is cancelled.")
                .errors(&["409"]),
        ),
    ]
}

fn names<T: serde::Serialize>(values: impl IntoIterator<Item = T>) -> Vec<Value> {
    values
        .into_iter()
        .filter_map(|v| serde_json::to_value(v).ok())
        .collect()
}

pub(super) fn schemas() -> Value {
    let kinds = names([
        BlockerKind::Purchase,
        BlockerKind::Sale,
        BlockerKind::CancellationRequest,
        BlockerKind::Dispute,
        BlockerKind::PayoutRequest,
    ]);
    let mut states: Vec<&str> = OrderState::ALL.iter().map(|s| s.as_str()).collect();
    states.extend(["requested", "processing"]);
    let categories = names(DATA_TABLE);
    // The fates the table uses, in its order: exactly what `fate` can be.
    let mut fates: Vec<String> = Vec::new();
    for category in DATA_TABLE {
        let fate = fate_name(category.fate());
        if !fates.contains(&fate) {
            fates.push(fate);
        }
    }
    let reasons: Vec<&str> = ReasonChoice::ALL.iter().map(|c| c.key()).collect();
    let id = json!({ "type": "string", "pattern": "^[0-9]+$", "description": "A 63-bit id as a decimal string." });
    let time = json!({ "type": "integer", "format": "int64", "description": "Unix seconds." });
    let nullable_time = json!({
        "type": ["integer", "null"],
        "format": "int64",
        "description": "Unix seconds.",
    });
    json!({
        "WithdrawalReadiness": {
            "type": "object",
            "required": [
                "ready", "blockers", "clears_by_itself_at", "forfeits", "unpaid_sales_to_cancel", "data", "scheduled",
            ],
            "additionalProperties": false,
            "properties": {
                "ready": { "type": "boolean", "description": "Nothing blocks: the account could be closed now." },
                "blockers": list_of("WithdrawalBlocker"),
                "clears_by_itself_at": {
                    "type": ["integer", "null"],
                    "format": "int64",
                    "description": "Unix seconds: when the last blocker clears, if every one clears by itself; \
                                    null when ready or when some blocker needs someone to act.",
                },
                "forfeits": schema_ref("WithdrawalForfeits"),
                "unpaid_sales_to_cancel": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Orders on the caller's services awaiting payment, which closing the account cancels.",
                },
                "data": list_of("WithdrawalDataLine"),
                "scheduled": {
                    "oneOf": [{ "type": "null" }, schema_ref("WithdrawalSchedule")],
                    "description": "The caller's scheduled withdrawal (DELETE /me/withdrawal cancels it), or null.",
                },
            },
        },
        "WithdrawalSchedule": {
            "type": "object",
            "required": ["withdrawal_id", "requested_at"],
            "additionalProperties": false,
            "properties": {
                "withdrawal_id": id,
                "requested_at": time,
            },
        },
        "WithdrawalRequest": {
            "type": "object",
            "required": ["password"],
            "properties": {
                "password": { "type": "string", "description": "The caller's password, to confirm it is them." },
                "totp_code": { "type": "string", "description": "With two-step sign-in on: its six-digit code or a recovery code (422 `two-step-code-required` / `two-step-code-wrong` otherwise)." },
                "reasons": {
                    "type": "array",
                    "items": { "type": "string", "enum": reasons },
                    "description": "Optional: cannot-sell 売れない, no-longer-used 使わなくなった, privacy-concern 個人情報が心配, \
                                    fees-too-high 手数料が高い, new-account アカウントを作り直したい, other その他.",
                },
                "comment": {
                    "type": "string",
                    "maxLength": MAX_COMMENT_CHARS,
                    "description": "Optional; kept for statistics without personal data.",
                },
                "acknowledged_sales": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "The sales balance to forfeit, as shown in the readiness' `forfeits`; 0 or absent when there is none.",
                },
                "acknowledged_points": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "The points to forfeit, as shown in the readiness' `forfeits`; 0 or absent when there are none.",
                },
                "erase_now": {
                    "type": "boolean",
                    "description": "Erase the data at once instead of after the grace period (default false). It cannot be undone.",
                },
                "when": {
                    "type": "string",
                    "enum": ["now", "when_ready"],
                    "description": "now (default): close the account now, refused while anything blocks; when_ready: close it \
                                    now if nothing blocks, otherwise schedule it.",
                },
            },
        },
        "WithdrawalClosed": {
            "type": "object",
            "required": ["state", "withdrawal_id", "purge_at", "erase_now", "forfeited", "cancelled_orders"],
            "additionalProperties": false,
            "properties": {
                "state": { "type": "string", "enum": ["closed"] },
                "withdrawal_id": id,
                "purge_at": {
                    "type": "integer",
                    "format": "int64",
                    "description": "Unix seconds: when the data is erased. Signing in on the site before then undoes the closure.",
                },
                "erase_now": { "type": "boolean", "description": "Erasure started at once: there is nothing to undo." },
                "forfeited": schema_ref("WithdrawalForfeits"),
                "cancelled_orders": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Unpaid orders on the caller's services that were cancelled (their buyers are told).",
                },
            },
        },
        "WithdrawalScheduled": {
            "type": "object",
            "required": ["state", "withdrawal_id", "blockers", "clears_by_itself_at"],
            "additionalProperties": false,
            "properties": {
                "state": { "type": "string", "enum": ["scheduled"] },
                "withdrawal_id": id,
                "blockers": list_of("WithdrawalBlocker"),
                "clears_by_itself_at": {
                    "type": ["integer", "null"],
                    "format": "int64",
                    "description": "Unix seconds: when the last blocker clears, if every one clears by itself.",
                },
            },
        },
        "WithdrawalBlocker": {
            "type": "object",
            "required": ["kind", "reference", "state", "title", "clears_at"],
            "additionalProperties": false,
            "properties": {
                "kind": {
                    "type": "string",
                    "enum": kinds,
                    "description": "purchase 購入中の取引, sale 販売中の取引, cancellation_request 回答待ちのキャンセル申請, \
                                    dispute トラブル対応中の取引, payout_request 振込前の振込申請.",
                },
                "reference": {
                    "type": "string",
                    "pattern": "^[0-9]+$",
                    "description": "The order's id (GET /orders/{id}), or the payout request's id for payout_request.",
                },
                "state": {
                    "type": "string",
                    "enum": states,
                    "description": "The order's state (see OrderState), or the payout request's status (requested, processing).",
                },
                "title": {
                    "type": ["string", "null"],
                    "description": "The service's title as ordered; null for a payout request.",
                },
                "clears_at": nullable_time,
            },
        },
        "WithdrawalForfeits": {
            "type": "object",
            "required": ["sales_balance", "points"],
            "additionalProperties": false,
            "properties": {
                "sales_balance": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "The sales balance not yet requested (yen); a payout request first saves it.",
                },
                "points": { "type": "integer", "minimum": 0, "description": "Points (1 point = ¥1 off a purchase)." },
            },
        },
        "WithdrawalDataLine": {
            "type": "object",
            "required": ["category", "fate", "kept_years", "name", "fate_text", "why"],
            "additionalProperties": false,
            "properties": {
                "category": { "type": "string", "enum": categories },
                "fate": {
                    "type": "string",
                    "enum": fates,
                    "description": "ended_at_once: stopped or revoked when the account is closed; erased: at purge; \
                                    kept: without the member's identity; forfeited: after the member saw and \
                                    acknowledged the amounts; released: free for a new registration.",
                },
                "kept_years": {
                    "type": ["integer", "null"],
                    "minimum": 1,
                    "description": "For kept data with a fixed term (e.g. 7 years for accounting records); null otherwise.",
                },
                "name": { "type": "string", "description": "The kind of data, in the language of Accept-Language." },
                "fate_text": { "type": "string", "description": "What happens to it, in words." },
                "why": { "type": "string", "description": "Why, and for how long where it is kept." },
            },
        },
    })
}
