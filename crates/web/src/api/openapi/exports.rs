//! The data export (データのダウンロード) part of the OpenAPI document: operations and schemas.

use serde_json::{Value, json};
use yorozu_app::export::signed::PUBLIC_KEY_PATH;
use yorozu_app::export::{HOURS_BETWEEN, VALID_DAYS};

use super::{Op, schema_ref};

/// The archive's bytes: a ZIP file, with its length and name.
fn zip(mut op: Op) -> Op {
    op.responses.push((
        "200",
        json!({
            "description": "The archive, a ZIP file, sent as it is read (parts are not gathered first).",
            "headers": {
                "Content-Disposition": {
                    "description": "`attachment`, with the file name `yorozu-data-YYYY-MM-DD.zip` (the day it was asked for).",
                    "schema": { "type": "string" },
                },
                "Content-Length": {
                    "description": "The archive's size, the same as `size_bytes`.",
                    "schema": { "type": "integer" },
                },
            },
            "content": { "application/zip": { "schema": { "type": "string", "contentMediaType": "application/zip" } } },
        }),
    ));
    op
}

pub(super) fn paths() -> Vec<(&'static str, &'static str, Op)> {
    vec![
        (
            "post",
            "/me/exports",
            Op::new("requestMyExport", "exports", "Ask for an archive of the caller's data")
                .describe("Starts building a ZIP archive of everything the platform holds about the caller: the \
                           profile, services with their images, orders, talk-room messages and files, reviews \
                           received and given, sales, the ledger, payout requests, points and coupons — each as JSON \
                           (`data/`) and as CSV for spreadsheets (`csv/`), a readable `index.html`, the stored files \
                           (`files/`), the JSON Schema of the data (`schema/`) and the reviews received as a signed \
                           bundle (`reviews/`; check it with the key at `/.well-known/yorozu-reviews-key.json`). \
                           Other members appear only by their public display name. The archive is built in the \
                           background: follow it with GET /me/exports/latest; the caller is also mailed when it is \
                           ready. Refusals: 409 `export-in-progress` (one is being built), `export-once-a-day` (the \
                           last one was asked for less than 24 hours ago; see its `next_request_at`), \
                           `account-closed`.")
                .ok("202", "The archive is queued.", schema_ref("Export"))
                .errors(&["409"]),
        ),
        (
            "get",
            "/me/exports/latest",
            Op::new("getMyLatestExport", "exports", "The caller's latest archive")
                .describe("Its progress while it is built (`queued`, then `building` with `progress` 0–100), then \
                           `ready` with `download_url` until `expires_at`, after which it is `expired` and deleted. \
                           404 when the caller never asked for one.")
                .ok("200", "The latest archive.", schema_ref("Export"))
                .errors(&["404"]),
        ),
        (
            "get",
            "/me/exports/{id}/download",
            zip(Op::new("downloadMyExport", "exports", "Download an archive")
                .describe("The caller's own archive while it is `ready`; anyone else's is 404. One that is not ready \
                           (still built, expired, failed) is a 409 `export-not-available`.")
                .path_id("The archive id."))
                .errors(&["404", "409"]),
        ),
    ]
}

pub(super) fn schemas() -> Value {
    let time = json!({ "type": "integer", "format": "int64", "description": "Unix seconds." });
    let nullable_time =
        json!({ "type": ["integer", "null"], "format": "int64", "description": "Unix seconds." });
    json!({
        "Export": {
            "type": "object",
            "required": [
                "id", "status", "progress", "requested_at", "ready_at", "expires_at", "size_bytes", "download_url",
                "next_request_at",
            ],
            "additionalProperties": false,
            "properties": {
                "id": { "type": "string", "pattern": "^[0-9]+$", "description": "A 63-bit id as a decimal string." },
                "status": {
                    "type": "string",
                    "enum": ["queued", "building", "ready", "expired", "failed"],
                    "description": "queued: waiting to be built; building: see `progress`; ready: can be downloaded \
                                    until `expires_at`; expired: the download period ended and it was deleted; \
                                    failed: it could not be built (ask again).",
                },
                "progress": { "type": "integer", "minimum": 0, "maximum": 100, "description": "Percent built." },
                "requested_at": time,
                "ready_at": nullable_time,
                "expires_at": {
                    "type": ["integer", "null"],
                    "format": "int64",
                    "description": format!("Unix seconds: the end of the download period, {VALID_DAYS} days after it was ready."),
                },
                "size_bytes": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "The ZIP file's size in bytes once it is ready; 0 before.",
                },
                "download_url": {
                    "type": ["string", "null"],
                    "description": "GET /me/exports/{id}/download while the archive is ready; null otherwise.",
                },
                "next_request_at": {
                    "type": "integer",
                    "format": "int64",
                    "description": format!("Unix seconds: from when POST /me/exports accepts the next request ({HOURS_BETWEEN} hours \
                                            after this one was asked for; at once after a failure)."),
                },
            },
        },
        "ReviewsPublicKey": {
            "type": "object",
            "description": format!("Served at {PUBLIC_KEY_PATH} (outside this API) to check signed review bundles."),
            "required": ["format", "algorithm", "key_id", "public_key"],
            "additionalProperties": false,
            "properties": {
                "format": { "type": "string", "enum": ["yorozu-reviews/1"] },
                "algorithm": { "type": "string", "enum": ["Ed25519ph"] },
                "key_id": { "type": "string", "description": "The first 16 hex digits of the key's SHA-256." },
                "public_key": { "type": "string", "description": "The 32-byte Ed25519 key in standard base64." },
            },
        },
    })
}
