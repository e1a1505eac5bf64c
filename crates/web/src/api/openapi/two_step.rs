//! The two-step sign-in part of the OpenAPI document: operations and schemas.

use serde_json::{Value, json};

use super::{Op, schema_ref};

pub(super) fn paths() -> Vec<(&'static str, &'static str, Op)> {
    vec![
        ("get", "/me/two-step", Op::new("getMyTwoStep", "accounts", "Two-step sign-in (二段階認証) status")
            .ok("200", "Whether it is on, since when, and how many recovery codes are left.", schema_ref("TwoStepStatus"))),
        ("post", "/me/two-step/setup", Op::new("setUpTwoStep", "accounts", "Start setting up two-step sign-in")
            .describe("The TOTP secret (RFC 6238: SHA-1, 6 digits, 30 seconds) in base32 and the `otpauth://` URI for an \\
                       authenticator app. The same secret is answered until it is confirmed. 409 `two-step-already-on` \\
                       when it is on.")
            .ok("200", "The secret to enter into an authenticator app.", schema_ref("TwoStepSetup"))
            .errors(&["409"])),
        ("post", "/me/two-step", Op::new("enableTwoStep", "accounts", "Turn two-step sign-in on")
            .describe("Needs the password (`current_password` / `password-wrong`) and a first code from the app \\
                       (`totp_code` / `two-step-code-wrong`). The answer holds ten single-use recovery codes; they \\
                       are never shown again. From then on, sensitive requests need `totp_code` besides `password`.")
            .json_body("TwoStepCode")
            .ok("201", "On; the recovery codes.", schema_ref("TwoStepRecoveryCodes"))
            .errors(&["400", "403", "409", "415", "422"])),
        ("delete", "/me/two-step", Op::new("disableTwoStep", "accounts", "Turn two-step sign-in off")
            .describe("Needs the password and a code (or a recovery code).")
            .json_body("TwoStepCode")
            .empty("204", "Off.")
            .errors(&["400", "409", "415", "422"])),
    ]
}

pub(super) fn schemas() -> Value {
    json!({
        "TwoStepStatus": {
            "type": "object",
            "required": ["enabled", "enabled_at", "recovery_codes_left"],
            "additionalProperties": false,
            "properties": {
                "enabled": { "type": "boolean" },
                "enabled_at": { "type": ["integer", "null"], "format": "int64", "description": "Unix seconds." },
                "recovery_codes_left": { "type": "integer", "format": "int64" },
            },
        },
        "TwoStepSetup": {
            "type": "object",
            "required": ["secret", "uri"],
            "additionalProperties": false,
            "properties": {
                "secret": { "type": "string", "pattern": "^[A-Z2-7]+$", "description": "Base32, no padding." },
                "uri": { "type": "string", "description": "otpauth://totp/… for a QR code." },
            },
        },
        "TwoStepCode": {
            "type": "object",
            "properties": {
                "password": { "type": "string", "description": "The current password." },
                "totp_code": { "type": "string", "description": "Six digits from the app, or a recovery code (turning off only)." },
            },
        },
        "TwoStepRecoveryCodes": {
            "type": "object",
            "required": ["recovery_codes"],
            "additionalProperties": false,
            "properties": {
                "recovery_codes": { "type": "array", "items": { "type": "string" }, "minItems": 10, "maxItems": 10 },
            },
        },
    })
}
