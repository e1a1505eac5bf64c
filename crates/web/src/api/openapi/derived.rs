//! The part of the document derived from the request and response types with utoipa: their
//! schemas, under the names the operations refer to.

use serde_json::{Value, json};
use utoipa::OpenApi;

use crate::api::openapi::order_fields;
use crate::api::{
    accounts, error, notifications, orders, orders_actions, orders_talk, profile, sessions, tokens,
};

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
    orders::QuoteRequest,
    orders::PlaceRequest,
    orders::QuoteBody,
    orders::OrderBody,
    orders::OrderList,
    orders_actions::PayRequest,
    orders_actions::ReasonRequest,
    orders_actions::AnswerRequest,
    orders_actions::ReviewRequest,
    orders_talk::Message,
    order_fields::MessageInput,
    order_fields::DeliveryInput,
)))]
struct Derived;

/// Puts the derived schemas into `doc`, in place of any of the same name. Their objects are
/// closed, as the hand-written ones are: a request object takes only the properties it
/// documents (the server refuses others), a response object holds only those.
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
        let mut schema = schema.clone();
        close_objects(&mut schema);
        schemas.insert(name.clone(), schema);
    }
}

/// Every object schema in `schema` takes no property it does not list.
fn close_objects(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            let is_object = map.get("type").and_then(Value::as_str) == Some("object")
                || map.contains_key("properties");
            if is_object && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), json!(false));
            }
            for value in map.values_mut() {
                close_objects(value);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(close_objects),
        _ => {}
    }
}
