//! Extractors whose failures answer in the API's JSON error shape rather than axum's plain
//! text: the JSON body, path ids, raw image uploads and the caller's language.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use serde::de::DeserializeOwned;
use yorozu_domain::Locale;

use crate::api::error::ApiError;
use crate::pages::extract::parse_id;

/// A JSON request body. Unreadable JSON is a 400 `error-bad-json` whose `detail` says where
/// the parser stopped; a body without `Content-Type: application/json` is a 415.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<serde_json::Value>::from_request(request, state).await {
            Ok(axum::Json(value)) => typed(value).map(ApiJson),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::request(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "error-unsupported-media-type",
            )),
            Err(JsonRejection::BytesRejection(e)) => Err(body_error(&e)),
            Err(e) => Err(ApiError::request_with_detail(
                StatusCode::BAD_REQUEST,
                "error-bad-json",
                e.body_text(),
            )),
        }
    }
}

/// The body as `T`. JSON (and the document's JSON Schema) counts `10.0` as the integer 10,
/// so a whole number written with a fraction is read as an integer; anything else `T` cannot
/// take is a 400 `error-bad-json` saying which field.
fn typed<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    match serde_path_to_error::deserialize::<_, T>(value.clone()) {
        Ok(typed) => Ok(typed),
        Err(first) => serde_path_to_error::deserialize::<_, T>(whole_numbers_as_integers(value))
            .map_err(|second| {
                // The second reading says what is wrong once whole numbers are integers.
                let why = if second.to_string().contains("floating point") {
                    first.to_string()
                } else {
                    second.to_string()
                };
                ApiError::request_with_detail(
                    StatusCode::BAD_REQUEST,
                    "error-bad-json",
                    format!("Failed to deserialize the JSON body into the target type: {why}"),
                )
            }),
    }
}

fn whole_numbers_as_integers(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Number(n) => match n.as_f64() {
            // Within ±2^53 a float holds every whole number exactly.
            Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_992.0 => {
                // Whole and within 2^53: the cast is exact.
                Value::from(f as i64)
            }
            _ => Value::Number(n),
        },
        Value::Array(items) => {
            Value::Array(items.into_iter().map(whole_numbers_as_integers).collect())
        }
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, whole_numbers_as_integers(v)))
                .collect(),
        ),
        other => other,
    }
}

/// An id in the path as `T` (a plain `i64` unless said otherwise), read as pages read theirs
/// ([`parse_id`]); anything else cannot name a resource, so it is simply not found.
#[derive(Debug)]
pub struct ApiId<T = i64>(pub T);

impl<S: Send + Sync, T: TryFrom<i64>> FromRequestParts<S> for ApiId<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let axum::extract::Path(raw) =
            axum::extract::Path::<String>::from_request_parts(parts, state)
                .await
                .map_err(|_| ApiError::from(yorozu_app::AppError::NotFound))?;
        parse_id(&raw)
            .map(ApiId)
            .ok_or_else(|| yorozu_app::AppError::NotFound.into())
    }
}

/// A session id in the path (the stored hash, an opaque string).
#[derive(Debug)]
pub struct ApiKey(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ApiKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Path::<String>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(key)| ApiKey(key))
            .map_err(|_| yorozu_app::AppError::NotFound.into())
    }
}

/// A raw image upload: the body is the file, `Content-Type` must be `image/*`.
#[derive(Debug)]
pub struct ImageBody(pub Vec<u8>);

impl<S: Send + Sync> FromRequest<S> for ImageBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let is_image = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("image/"));
        if !is_image {
            return Err(ApiError::request(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "error-unsupported-media-type",
            ));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|e| body_error(&e))?;
        Ok(ImageBody(bytes.to_vec()))
    }
}

fn body_error(e: &BytesRejection) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::request(StatusCode::PAYLOAD_TOO_LARGE, "error-body-too-large")
    } else {
        ApiError::request(StatusCode::BAD_REQUEST, "error-bad-body")
    }
}

/// Who is calling: the client address (see [`crate::client_addr`]) and user agent, for the
/// per-client limits.
#[derive(Debug, Clone)]
pub struct ApiClient(pub yorozu_app::accounts::Client);

impl FromRequestParts<crate::state::AppState> for ApiClient {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &crate::state::AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ApiClient(crate::client_addr::client_of(parts, &state.web)))
    }
}

/// The caller's language: `Accept-Language`, Japanese when absent or unsupported.
#[derive(Debug, Clone, Copy)]
pub struct ApiLocale(pub Locale);

impl<S: Send + Sync> FromRequestParts<S> for ApiLocale {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ApiLocale(locale_of(&parts.headers)))
    }
}

pub fn locale_of(headers: &HeaderMap) -> Locale {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Locale::from_accept_language)
        .unwrap_or_default()
}
