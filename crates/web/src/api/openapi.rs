//! The OpenAPI 3.1 document of the API, written by hand (a derive crate would cost more
//! build time than these few pages of JSON). Tests check that its paths are exactly
//! [`super::ROUTES`] and that real responses match the schemas described here.

mod constraints;
mod conventions;
mod derived;
mod exports;
pub mod fields;
pub mod listing_fields;
pub mod order_fields;
mod payouts;
mod points;
pub mod responses;
mod withdrawal;

use std::sync::OnceLock;

use axum::Json;
use serde_json::{Map, Value, json};

/// `GET /api/v1/openapi.json`.
#[utoipa::path(
    get,
    path = "/openapi.json",
    operation_id = "getOpenApi",
    tag = "meta",
    summary = "This document",
    security(),
    responses((status = 200, description = "The OpenAPI 3.1 document.", body = Object)),
)]
pub async fn document() -> Json<Value> {
    Json(spec().clone())
}

/// The document, built once.
pub fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(build)
}

fn build() -> Value {
    let mut doc = derived::merged_over(document_as_written());
    constraints::apply(&mut doc);
    doc
}

/// The operations and schemas not derived yet.
fn document_as_written() -> Value {
    json!({
        "paths": paths(),
        "components": { "schemas": schemas() },
    })
}

/// Which credentials an operation takes.
#[derive(Clone, Copy)]
enum Auth {
    /// A token is required.
    Token,
    /// Anyone may call it; a token changes what is shown.
    Optional,
    /// No token is needed.
    Public,
}

/// One operation: everything but the responses is optional.
struct Op {
    id: &'static str,
    tag: &'static str,
    summary: &'static str,
    description: &'static str,
    auth: Auth,
    path_id: Option<&'static str>,
    query: Vec<Value>,
    body: Option<Value>,
    responses: Vec<(&'static str, Value)>,
}

impl Op {
    fn new(id: &'static str, tag: &'static str, summary: &'static str) -> Op {
        Op {
            id,
            tag,
            summary,
            description: "",
            auth: Auth::Token,
            path_id: None,
            query: vec![],
            body: None,
            responses: vec![],
        }
    }

    fn describe(mut self, text: &'static str) -> Op {
        self.description = text;
        self
    }

    fn auth(mut self, auth: Auth) -> Op {
        self.auth = auth;
        self
    }

    /// The `{id}` path parameter.
    fn path_id(mut self, description: &'static str) -> Op {
        self.path_id = Some(description);
        self
    }

    /// An optional query-string parameter.
    fn query(mut self, name: &'static str, description: &'static str, schema: Value) -> Op {
        self.query.push(json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema }));
        self
    }

    fn json_body(mut self, schema: &str) -> Op {
        self.body = Some(json!({
            "required": true,
            "content": { "application/json": { "schema": schema_ref(schema) } },
        }));
        self
    }

    /// A JSON body the client may leave out.
    fn json_body_optional(mut self, schema: &str) -> Op {
        self.body = Some(json!({
            "required": false,
            "content": { "application/json": { "schema": schema_ref(schema) } },
        }));
        self
    }

    fn image_body(mut self) -> Op {
        self.body = Some(json!({
            "required": true,
            "description": "The image file itself (JPEG, PNG, WebP or GIF), not multipart.",
            "content": { "image/*": { "schema": { "type": "string", "contentMediaType": "image/*" } } },
        }));
        self
    }

    /// A success answered with a JSON body.
    fn ok(mut self, status: &'static str, description: &'static str, schema: Value) -> Op {
        self.responses.push((
            status,
            json!({
                "description": description,
                "content": { "application/json": { "schema": schema } },
            }),
        ));
        self
    }

    /// A success answered with a JPEG image.
    fn jpeg(mut self, status: &'static str, description: &'static str) -> Op {
        self.responses.push((status, json!({
            "description": description,
            "content": { "image/jpeg": { "schema": { "type": "string", "contentMediaType": "image/jpeg" } } },
        })));
        self
    }

    /// A success without a body.
    fn empty(mut self, status: &'static str, description: &'static str) -> Op {
        self.responses
            .push((status, json!({ "description": description })));
        self
    }

    /// Error responses by status, from `components/responses`.
    fn errors(mut self, statuses: &[&'static str]) -> Op {
        for status in statuses {
            self.responses.push((status, json!({ "$ref": format!("#/components/responses/{}", error_response_name(status)) })));
        }
        self
    }

    fn into_json(self) -> Value {
        let mut op = Map::new();
        op.insert("operationId".into(), self.id.into());
        op.insert("tags".into(), json!([self.tag]));
        op.insert("summary".into(), self.summary.into());
        if !self.description.is_empty() {
            op.insert("description".into(), self.description.into());
        }
        match self.auth {
            Auth::Token => {}
            Auth::Optional => {
                op.insert("security".into(), json!([{}, { "bearerAuth": [] }]));
            }
            Auth::Public => {
                op.insert("security".into(), json!([]));
            }
        }
        let mut parameters = vec![];
        if let Some(description) = self.path_id {
            parameters.push(
                json!({ "name": "id", "in": "path", "required": true, "description": description, "schema": { "type": "string" } }),
            );
        }
        parameters.extend(self.query);
        if !parameters.is_empty() {
            op.insert("parameters".into(), Value::Array(parameters));
        }
        if let Some(body) = self.body {
            op.insert("requestBody".into(), body);
        }
        let mut responses: Map<String, Value> = self
            .responses
            .into_iter()
            .map(|(s, v)| (s.to_owned(), v))
            .collect();
        if matches!(self.auth, Auth::Token | Auth::Optional) {
            responses.insert(
                "401".into(),
                json!({ "$ref": "#/components/responses/Unauthenticated" }),
            );
        }
        responses.insert(
            "default".into(),
            json!({ "$ref": "#/components/responses/Internal" }),
        );
        op.insert("responses".into(), Value::Object(responses));
        Value::Object(op)
    }
}

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn list_of(name: &str) -> Value {
    json!({ "type": "array", "items": schema_ref(name) })
}

fn paths() -> Value {
    let mut ops = Vec::new();
    ops.extend(points::paths());
    ops.extend(payouts::paths());
    ops.extend(withdrawal::paths());
    ops.extend(exports::paths());
    let mut paths = Map::new();
    for (method, path, op) in ops {
        let entry = paths
            .entry(path.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(methods) = entry {
            methods.insert(method.to_owned(), op.into_json());
        }
    }
    Value::Object(paths)
}

fn error_response_name(status: &str) -> &'static str {
    match status {
        "400" => "BadRequest",
        "403" => "Forbidden",
        "429" => "TooManyRequests",
        "404" => "NotFound",
        "409" => "Conflict",
        "413" => "PayloadTooLarge",
        "415" => "UnsupportedMediaType",
        "422" => "ValidationFailed",
        _ => "Internal",
    }
}

/// Every schema: the accounts', the listings' and the orders'.
fn schemas() -> Value {
    let mut all = json!({});
    if let (Value::Object(all), Value::Object(more)) = (&mut all, points::schemas()) {
        all.extend(more);
    }
    if let (Value::Object(all), Value::Object(more)) = (&mut all, payouts::schemas()) {
        all.extend(more);
    }
    if let (Value::Object(all), Value::Object(more)) = (&mut all, withdrawal::schemas()) {
        all.extend(more);
    }
    if let (Value::Object(all), Value::Object(more)) = (&mut all, exports::schemas()) {
        all.extend(more);
    }
    all
}
