//! The points part of the hand-written document (operation and schemas), until it is derived.
//! The orders part is derived from the handlers and types of `api::orders*`.

use serde_json::{Value, json};

use super::{Op, list_of, schema_ref};

pub(super) fn paths() -> Vec<(&'static str, &'static str, Op)> {
    vec![
        ("get", "/me/points", Op::new("getMyPoints", "points", "The caller's points")
            .describe("One point is ¥1 off an order. The whole balance expires at `expires_at` unless more points are \
                       acquired first.")
            .ok("200", "Balance, expiry and the latest 100 changes, newest first.", schema_ref("Points"))),
    ]
}

pub(super) fn schemas() -> Value {
    let id = json!({ "type": "string", "pattern": "^[0-9]+$", "description": "A 63-bit id as a decimal string." });
    let time = json!({ "type": "integer", "format": "int64", "description": "Unix seconds." });
    let nullable_time =
        json!({ "type": ["integer", "null"], "format": "int64", "description": "Unix seconds." });
    let nullable_id =
        json!({ "type": ["string", "null"], "description": "A 63-bit id as a decimal string." });
    json!({
        "PointEntry": {
            "type": "object",
            "required": ["id", "kind", "amount", "order_id", "note", "created_at"],
            "additionalProperties": false,
            "properties": {
                "id": id,
                "kind": { "type": "string", "enum": ["grant", "use", "restore", "expire"] },
                "amount": { "type": "integer", "description": "Signed: grants and restorations add, uses and expiries subtract." },
                "order_id": nullable_id,
                "note": { "type": "string" },
                "created_at": time,
            },
        },
        "Points": {
            "type": "object",
            "required": ["balance", "expires_at", "history"],
            "additionalProperties": false,
            "properties": {
                "balance": { "type": "integer" },
                "expires_at": nullable_time,
                "history": list_of("PointEntry"),
            },
        },
    })
}
