//! The withdrawal (退会) part of the OpenAPI document: operations and schemas. The enums come
//! from the domain's types, so the document lists exactly what the API can send.

use serde_json::{Value, json};
use yorozu_domain::orders::OrderState;
use yorozu_domain::withdrawal::{BlockerKind, DATA_TABLE};

use super::{Op, list_of, schema_ref};

pub(super) fn paths() -> Vec<(&'static str, &'static str, Op)> {
    vec![(
        "get",
        "/me/withdrawal/readiness",
        Op::new("getMyWithdrawalReadiness", "withdrawal", "Where the caller stands before closing their account")
            .describe("Live, like the withdrawal page: every blocker — purchases and sales not completed or \
                       cancelled, open cancellation requests, orders under dispute handling, a payout request not \
                       yet transferred — with the date it clears by itself (`clears_at`: a delivery's \
                       auto-approval, a cancellation request's deadline, an unpaid order's payment deadline, a \
                       payout's transfer) or `null` when someone has to act. `clears_by_itself_at` is when the \
                       last blocker clears, if every one of them does. `forfeits` are the exact amounts closing \
                       the account now would forfeit; `unpaid_sales_to_cancel` counts orders on the caller's \
                       services that only await payment, which closing the account cancels (their buyers are \
                       told). `data` says what happens to each kind of data.")
            .ok("200", "The caller's readiness.", schema_ref("WithdrawalReadiness")),
    )]
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
    let nullable_time = json!({
        "type": ["integer", "null"],
        "format": "int64",
        "description": "Unix seconds.",
    });
    json!({
        "WithdrawalReadiness": {
            "type": "object",
            "required": [
                "ready", "blockers", "clears_by_itself_at", "forfeits", "unpaid_sales_to_cancel", "data",
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
            "required": ["category", "fate", "kept_years"],
            "additionalProperties": false,
            "properties": {
                "category": { "type": "string", "enum": categories },
                "fate": {
                    "type": "string",
                    "enum": ["ended_at_once", "erased", "kept", "forfeited", "released"],
                    "description": "ended_at_once: stopped or revoked when the account is closed; erased: at purge; \
                                    kept: without the member's identity; forfeited: after the member saw and \
                                    acknowledged the amounts; released: free for a new registration.",
                },
                "kept_years": {
                    "type": ["integer", "null"],
                    "minimum": 1,
                    "description": "For kept data with a fixed term (e.g. 7 years for accounting records); null otherwise.",
                },
            },
        },
    })
}
