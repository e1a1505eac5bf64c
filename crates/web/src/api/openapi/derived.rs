//! The part of the document derived from the request and response types with utoipa: their
//! schemas, under the names the operations refer to.

use serde_json::Value;
use utoipa::OpenApi;

use crate::api::{accounts, error, notifications, profile, sessions, tokens};

#[derive(OpenApi)]
#[openapi(components(schemas(
    error::Envelope,
    accounts::RegisterRequest,
    accounts::SignUpAccepted,
    accounts::Me,
    accounts::ChangeEmailRequest,
    accounts::ChangePasswordRequest,
    profile::Profile,
    profile::ProfileInput,
    sessions::Session,
    tokens::Token,
    notifications::NotificationSetting,
    notifications::UpdateRequest,
)))]
struct Derived;

/// Puts the derived schemas into `doc`, in place of any of the same name.
pub fn merge(doc: &mut Value) {
    let Ok(derived) = serde_json::to_value(Derived::openapi()) else {
        return;
    };
    let (Some(Value::Object(derived)), Some(Value::Object(schemas))) = (
        derived.pointer("/components/schemas"),
        doc.pointer_mut("/components/schemas"),
    ) else {
        return;
    };
    for (name, schema) in derived {
        schemas.insert(name.clone(), schema.clone());
    }
}
