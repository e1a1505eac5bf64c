//! One rule at the edge for every text a request carries: no control characters.
//!
//! No field of Yorozu has a use for NUL, ESC, DEL or the C1 controls, and PostgreSQL cannot
//! store NUL at all (a search term or a path key holding one used to end in a 500 there
//! while SQLite took it). Rather than trusting every handler and parser to check, the pages'
//! and the API's routers run [`pages`] and [`api`] before any extractor: the path and the
//! query string may hold no control character at all, url-encoded and JSON bodies none but
//! line breaks and tabs (multi-line fields keep them; single-line domain types refuse them).
//! The refusal is a 400 `input-control-characters` in the caller's language, before
//! anything is read or written. Multipart bodies are left to their parsers: their text fields
//! go through domain types that refuse control characters.

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use yorozu_app::AppError;
use yorozu_domain::text::has_control_chars;

use crate::api::ApiError;
use crate::error::PageError;
use crate::state::AppState;

/// The message id of the refusal.
pub const CONTROL_CHARACTERS: &str = "input-control-characters";

/// For the pages' router (inside the context middleware, which renders the error page).
pub async fn pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match screened(request, state.web.max_body_bytes).await {
        Ok(request) => next.run(request).await,
        Err(e) => PageError(e).into_response(),
    }
}

/// For the API's router (inside the middleware that localises error bodies).
pub async fn api(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match screened(request, state.web.max_body_bytes).await {
        Ok(request) => next.run(request).await,
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// The request unchanged (its body re-assembled when it had to be read), or the refusal.
async fn screened(request: Request, limit: usize) -> Result<Request, AppError> {
    let refused = || AppError::BadRequest(CONTROL_CHARACTERS);
    let (parts, body) = request.into_parts();
    if url_has_control_chars(&parts) {
        return Err(refused());
    }
    let Some(kind) = text_body_kind(&parts) else {
        return Ok(Request::from_parts(parts, body));
    };
    // A body announced over the limit is left for the extractor, which answers 413 as it
    // always has; one that turns out longer than announced cannot be put back together.
    let announced = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let known = usize::try_from(axum::body::HttpBody::size_hint(&body).lower()).ok();
    if announced.or(known).is_some_and(|n| n > limit) {
        return Ok(Request::from_parts(parts, body));
    }
    let bytes = match to_bytes(body, limit).await {
        Ok(bytes) => bytes,
        Err(_) => return Ok(Request::from_parts(parts, Body::empty())),
    };
    if body_has_control_chars(kind, &bytes) {
        return Err(refused());
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextBody {
    Form,
    Json,
}

fn text_body_kind(parts: &Parts) -> Option<TextBody> {
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)?
        .to_str()
        .ok()?
        .to_ascii_lowercase();
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if essence == "application/x-www-form-urlencoded" {
        Some(TextBody::Form)
    } else if essence == "application/json" || essence.ends_with("+json") {
        Some(TextBody::Json)
    } else {
        None
    }
}

/// The path (a key such as a session id is part of it) and the query string, percent-decoded:
/// single-line values, so not even a line break is allowed.
fn url_has_control_chars(parts: &Parts) -> bool {
    let decoded_has = |raw: &str| {
        let bytes = urlencoding::decode_binary(raw.as_bytes());
        has_control_chars(&String::from_utf8_lossy(&bytes), false)
    };
    decoded_has(parts.uri.path()) || parts.uri.query().is_some_and(decoded_has)
}

fn body_has_control_chars(kind: TextBody, bytes: &Bytes) -> bool {
    match kind {
        TextBody::Form => {
            // `+` is a space in forms; decoding the whole body at once is enough to find a
            // character, whichever field it is in.
            let spaced: Vec<u8> = bytes
                .iter()
                .map(|b| if *b == b'+' { b' ' } else { *b })
                .collect();
            let decoded = urlencoding::decode_binary(&spaced);
            has_control_chars(&String::from_utf8_lossy(&decoded), true)
        }
        // Unreadable JSON is left for the extractor's own message.
        TextBody::Json => serde_json::from_slice::<Value>(bytes).is_ok_and(|v| json_has(&v)),
    }
}

fn json_has(value: &Value) -> bool {
    match value {
        Value::String(s) => has_control_chars(s, true),
        Value::Array(items) => items.iter().any(json_has),
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| has_control_chars(k, false) || json_has(v)),
        Value::Null | Value::Bool(_) | Value::Number(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request as HttpRequest;

    fn parts(uri: &str) -> Parts {
        HttpRequest::builder()
            .uri(uri)
            .body(())
            .expect("request")
            .into_parts()
            .0
    }

    #[test]
    fn finds_control_chars_in_path_and_query() {
        assert!(url_has_control_chars(&parts("/me/sessions/ab%00cd")));
        assert!(url_has_control_chars(&parts("/search?q=a%00b")));
        assert!(url_has_control_chars(&parts("/search?q=a%0Ab")));
        assert!(url_has_control_chars(&parts("/search?q=%C2%85")));
        assert!(!url_has_control_chars(&parts(
            "/search?q=%E5%90%8D%E5%88%BA+%E3%83%87%E3%82%B6%E3%82%A4%E3%83%B3&page=2"
        )));
        assert!(!url_has_control_chars(&parts("/orders/123")));
    }

    #[test]
    fn finds_control_chars_in_forms_and_json_but_keeps_line_breaks() {
        let form = |s: &'static str| body_has_control_chars(TextBody::Form, &Bytes::from(s));
        assert!(form("comment=a%00b&reason=other"));
        assert!(!form("comment=line%0D%0Aline%09tab&x=a+b"));
        let json = |s: &'static str| body_has_control_chars(TextBody::Json, &Bytes::from(s));
        assert!(json(r#"{"comment":"a\u0000b"}"#));
        assert!(json(r#"{"list":[{"deep":"\u001b[31m"}]}"#));
        assert!(json(r#"{"a\u0000":1}"#));
        assert!(!json(r#"{"body":"line\r\nline\ttab","n":1,"ok":true}"#));
        assert!(!json("not json \u{0}"));
    }
}
