//! The talk room (トークルーム) of an order: reading it, posting messages with files, and
//! downloading attachments.
//!
//! Messages (and deliveries, in [`super::orders_actions`]) take JSON (`{"body": "…"}`) or, to
//! attach files, `multipart/form-data` with the same text field and one `files` part per file.

use std::collections::HashMap;

use axum::Json;
use axum::extract::multipart::{Multipart, MultipartError};
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use yorozu_app::AppError;
use yorozu_app::orders::talk::{self, Upload};
use yorozu_app::orders::view::{self, MessageView};
use yorozu_app::orders::{self, Party};
use yorozu_app::safety::checked::{self, Checked};
use yorozu_domain::OrderId;
use yorozu_domain::orders::MessageKind;

use crate::api::auth::ApiUser;
use crate::api::error::{ApiError, ApiResult};
use crate::api::extract::{ApiId, ApiJson};
use crate::api::openapi::fields as openapi;
use crate::api::openapi::order_fields::{self, MessageForm, MessageInput};
use crate::api::openapi::responses::{
    BadRequest, Conflict, NotFound, PayloadTooLarge, UnsupportedMediaType,
};
use crate::api::safety;
use crate::state::AppState;

// ---------------------------------------------------------------------------------------
// Input

/// A text field and optional files, as JSON or as `multipart/form-data` (files in parts
/// named `files`). Any other body is a 415.
#[derive(Debug)]
pub struct Submission {
    texts: HashMap<String, String>,
    pub(crate) files: Vec<Upload>,
}

impl Submission {
    /// A text field's value ("" when absent).
    pub(crate) fn text(&self, name: &str) -> &str {
        self.texts.get(name).map_or("", String::as_str)
    }
}

impl<S: Send + Sync> FromRequest<S> for Submission {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let content_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .trim_start()
            .to_ascii_lowercase();
        if content_type.starts_with("multipart/form-data") {
            let multipart = Multipart::from_request(request, state)
                .await
                .map_err(|_| ApiError::request(StatusCode::BAD_REQUEST, "error-bad-body"))?;
            return read_multipart(multipart).await;
        }
        let ApiJson(object) =
            ApiJson::<HashMap<String, Value>>::from_request(request, state).await?;
        let mut texts = HashMap::new();
        for (name, value) in object {
            match value {
                Value::String(text) => {
                    texts.insert(name, text);
                }
                Value::Null => {}
                // The one flag a message takes: sending despite the contact-details warning.
                Value::Bool(flag) if name == safety::ACKNOWLEDGE_FIELD => {
                    texts.insert(name, flag.to_string());
                }
                _ => {
                    return Err(ApiError::request_with_detail(
                        StatusCode::BAD_REQUEST,
                        "error-bad-json",
                        format!("`{name}` must be a string"),
                    ));
                }
            }
        }
        Ok(Submission {
            texts,
            files: vec![],
        })
    }
}

async fn read_multipart(mut multipart: Multipart) -> Result<Submission, ApiError> {
    let mut submission = Submission {
        texts: HashMap::new(),
        files: vec![],
    };
    while let Some(field) = multipart.next_field().await.map_err(|e| unreadable(&e))? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "files" || name == "files[]" {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let content_type = field
                .content_type()
                .unwrap_or("application/octet-stream")
                .to_owned();
            let bytes = field.bytes().await.map_err(|e| unreadable(&e))?;
            // What a browser form sends when no file was chosen; not a file.
            if bytes.is_empty() && file_name.is_empty() {
                continue;
            }
            submission.files.push(Upload {
                file_name,
                content_type,
                bytes: bytes.to_vec(),
            });
        } else {
            let text = field.text().await.map_err(|e| unreadable(&e))?;
            submission.texts.insert(name, text);
        }
    }
    Ok(submission)
}

fn unreadable(e: &MultipartError) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::request(StatusCode::PAYLOAD_TOO_LARGE, "error-body-too-large")
    } else {
        ApiError::request(StatusCode::BAD_REQUEST, "error-bad-body")
    }
}

/// `/orders/{id}/attachments/{attachment_id}`: both ids, each a decimal string.
#[derive(Debug)]
pub struct AttachmentPath {
    order_id: OrderId,
    attachment_id: i64,
}

impl<S: Send + Sync> FromRequestParts<S> for AttachmentPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path((order, attachment)) = Path::<(String, String)>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::from(AppError::NotFound))?;
        match (order.parse().map(OrderId::new), attachment.parse()) {
            (Ok(order_id), Ok(attachment_id)) => Ok(AttachmentPath {
                order_id,
                attachment_id,
            }),
            _ => Err(AppError::NotFound.into()),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Output

/// A file attached to a message or a delivery.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderAttachment)]
pub struct Attachment {
    #[schema(schema_with = openapi::id)]
    id: String,
    file_name: String,
    content_type: String,
    /// Bytes.
    size: i64,
    /// GET /orders/{id}/attachments/{attachment_id}.
    url: String,
}

/// The API path of an attachment's bytes.
pub(crate) fn attachment_url(order_id: OrderId, attachment_id: i64) -> String {
    format!("/api/v1/orders/{order_id}/attachments/{attachment_id}")
}

impl From<orders::Attachment> for Attachment {
    fn from(a: orders::Attachment) -> Attachment {
        Attachment {
            url: attachment_url(a.order_id, a.id),
            id: a.id.to_string(),
            file_name: a.file_name,
            content_type: a.content_type,
            size: a.size_bytes,
        }
    }
}

/// One talk-room entry: a message, a formal delivery's note, or a platform event (then
/// `event` is its stable id, such as `order-event-approve`, and `body` is null).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = OrderMessage)]
pub struct Message {
    #[schema(schema_with = openapi::id)]
    id: String,
    #[schema(schema_with = order_fields::message_kind)]
    kind: String,
    #[schema(schema_with = order_fields::author, required)]
    author: Option<Party>,
    mine: bool,
    /// The text; null for events.
    #[schema(required)]
    body: Option<String>,
    /// For events: a stable id such as order-event-approve.
    #[schema(required)]
    event: Option<String>,
    #[schema(schema_with = openapi::time)]
    created_at: i64,
    attachments: Vec<Attachment>,
    /// For the caller's own messages: the other side has read it (既読).
    read_by_other: bool,
}

impl From<MessageView> for Message {
    fn from(m: MessageView) -> Message {
        let (body, event) = if m.kind == MessageKind::Event {
            (None, Some(m.body))
        } else {
            (Some(m.body), None)
        };
        Message {
            id: m.id.to_string(),
            kind: m.kind.as_str().to_owned(),
            author: m.author,
            mine: m.mine,
            body,
            event,
            created_at: m.created_at,
            attachments: m.attachments.into_iter().map(Attachment::from).collect(),
            read_by_other: m.read_by_other,
        }
    }
}

// ---------------------------------------------------------------------------------------
// The talk room

/// The talk room, oldest first. Reading it marks it read.
#[utoipa::path(
    get,
    path = "/orders/{id}/messages",
    operation_id = "listOrderMessages",
    tag = "orders",
    summary = "The talk room",
    description = "Messages, formal deliveries and the platform's notes (`kind` `event`, with a stable `event` id such \
                   as `order-event-approve`), oldest first. Reading them marks the room read.",
    params(("id" = String, Path, description = "The order id.")),
    responses(
        (status = 200, description = "Every entry.", body = Vec<Message>),
        (status = 404, response = NotFound),
    ),
)]
pub async fn messages(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
) -> ApiResult<Json<Vec<Message>>> {
    let detail = view::detail(&state.app, &user, id).await?;
    Ok(Json(
        detail.messages.into_iter().map(Message::from).collect(),
    ))
}

/// Posts a message (with optional files); answers 201 with it.
#[utoipa::path(
    post,
    path = "/orders/{id}/messages",
    operation_id = "postOrderMessage",
    tag = "orders",
    summary = "Post a message",
    description = "JSON `{\"body\"}`, or multipart with `body` and `files` to attach files (at most 5, each at most \
                   20 MB by default: field `files`). The other party is mailed. A closed talk room (120 days after \
                   the order) is a 409 `talk-room-closed`; between members who block each other, a finished order's room is a \
                   409 `talk-blocked`. A body with contact details is a 422 `contact-details-found` unless \
                   `acknowledge_contact_warning` is true.",
    params(("id" = String, Path, description = "The order id.")),
    request_body(content(
        (MessageInput = "application/json"),
        (inline(MessageForm) = "multipart/form-data"),
    )),
    responses(
        (status = 201, description = "The message.", body = Message),
        (status = 400, response = BadRequest),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = safety::ValidationOrContactDetails),
    ),
)]
pub async fn post_message(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiId(id): ApiId<OrderId>,
    headers: HeaderMap,
    input: Submission,
) -> ApiResult<Response> {
    let body = input.text("body").to_owned();
    let acknowledged = matches!(input.text(safety::ACKNOWLEDGE_FIELD), "true" | "1" | "on");
    let message_id =
        match checked::post_message(&state.app, &user, id, &body, input.files, acknowledged).await?
        {
            Checked::Done(id) => id,
            Checked::Warning(w) => return Ok(safety::warning_response(&headers, &w)),
        };
    let detail = view::detail(&state.app, &user, id).await?;
    let message = detail
        .messages
        .into_iter()
        .find(|m| m.id == message_id)
        .map(Message::from)
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(message)).into_response())
}

/// An attachment's bytes, as a download.
#[utoipa::path(
    get,
    path = "/orders/{id}/attachments/{attachment_id}",
    operation_id = "getOrderAttachment",
    tag = "orders",
    summary = "Download an attachment",
    description = "For the order's parties only.",
    params(
        ("id" = String, Path, description = "The order id."),
        ("attachment_id" = String, Path, description = "The attachment id."),
    ),
    responses(
        (
            status = 200,
            description = "The file, with the Content-Type it was uploaded with.",
            content_type = "*/*",
            body = inline(order_fields::FileBytes),
            headers(("Content-Disposition" = String, description = "`attachment`, with the file name.")),
        ),
        (status = 404, response = NotFound),
    ),
)]
pub async fn attachment(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    path: AttachmentPath,
) -> ApiResult<Response> {
    let (file, bytes) =
        talk::attachment(&state.app, &user, path.order_id, path.attachment_id).await?;
    Ok(crate::download::attachment(
        &file.file_name,
        &file.content_type,
        bytes,
    ))
}
