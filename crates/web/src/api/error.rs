//! The API's one error type and its JSON body.
//!
//! Every failure answers with the same shape, whatever caused it:
//! `{"error": {"code": "...", "message": "...", "fields": [{"field", "code", "message"}]}}`.
//! `code` is stable (the use-case error's code, which is also its message id); `message` is
//! for people, in the language of `Accept-Language` (Japanese by default). `IntoResponse`
//! cannot see the request, so each error response carries its parts in an extension and
//! [`localise`], a middleware on the API router, rewrites the body in the caller's language.
//! Internal causes are logged and never shown.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;
use yorozu_app::{AppError, FieldError};
use yorozu_domain::Locale;
use yorozu_i18n::Tr;

use crate::api::extract::locale_of;
use crate::error::{field_message, status_of};

/// What an API handler or extractor fails with.
#[derive(Debug)]
pub struct ApiError(Kind);

#[derive(Debug)]
enum Kind {
    /// A use case said no.
    App(AppError),
    /// A bearer token was given but is unknown, revoked, expired (`token-expired`) or belongs
    /// to a closed account (`error-unauthenticated`).
    InvalidToken { code: &'static str },
    /// The request could not be read: bad JSON, wrong content type, too large, unknown route.
    Request {
        status: StatusCode,
        code: &'static str,
        detail: Option<String>,
    },
}

impl ApiError {
    /// A problem with the request itself; `code` must have a message in errors.ftl.
    pub fn request(status: StatusCode, code: &'static str) -> ApiError {
        ApiError(Kind::Request {
            status,
            code,
            detail: None,
        })
    }

    /// Like [`ApiError::request`], with a technical detail for the developer (e.g. where the
    /// JSON parser stopped). Never used for anything that could reveal internal state.
    pub fn request_with_detail(status: StatusCode, code: &'static str, detail: String) -> ApiError {
        ApiError(Kind::Request {
            status,
            code,
            detail: Some(detail),
        })
    }

    pub fn unauthenticated() -> ApiError {
        ApiError(Kind::App(AppError::Unauthenticated))
    }

    pub fn invalid_token() -> ApiError {
        ApiError(Kind::InvalidToken {
            code: AppError::Unauthenticated.code(),
        })
    }

    /// A token whose time is over: still a 401 `invalid_token`, with its own code.
    pub fn expired_token() -> ApiError {
        ApiError(Kind::InvalidToken {
            code: "token-expired",
        })
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> ApiError {
        ApiError(Kind::App(e))
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// What the body is written from, kept on the response so that [`localise`] can rewrite it.
#[derive(Debug, Clone)]
struct ErrorParts {
    code: &'static str,
    /// The message used when the catalog has none for `code` (a lower layer's new code).
    fallback: &'static str,
    fields: Vec<FieldError>,
    detail: Option<String>,
}

/// The body of every error answer.
#[derive(Serialize, ToSchema)]
#[schema(as = Error)]
pub(crate) struct Envelope<'a> {
    #[schema(inline)]
    error: ErrorBody<'a>,
}

#[derive(Serialize, ToSchema)]
struct ErrorBody<'a> {
    /// Stable, for programs: e.g. error-invalid-input, error-unauthenticated.
    code: &'a str,
    /// For people, in the language of Accept-Language.
    message: String,
    fields: Vec<FieldBody<'a>>,
    /// Technical detail for developers (e.g. where the JSON parser stopped).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = String)]
    detail: Option<&'a str>,
    /// Only with `contact-details-found`: the parts of the texts that hold contact details.
    // Written by `crate::api::safety::warning_response`; every other error leaves it out.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Vec<crate::api::safety::ContactFinding>)]
    findings: Option<Vec<crate::api::safety::ContactFinding>>,
}

#[derive(Serialize, ToSchema)]
#[schema(as = FieldError)]
struct FieldBody<'a> {
    /// The request field, e.g. email.
    field: &'a str,
    /// Stable, e.g. email-invalid.
    code: &'a str,
    message: String,
}

impl ErrorParts {
    fn json(&self, tr: Tr) -> Vec<u8> {
        let message = if tr.has(self.code) {
            tr.t(self.code)
        } else {
            tr.t(self.fallback)
        };
        let fields = self
            .fields
            .iter()
            .map(|f| FieldBody {
                field: f.field,
                code: f.code,
                message: if tr.has(f.code) {
                    field_message(tr, f)
                } else {
                    tr.t("error-invalid-input")
                },
            })
            .collect();
        let body = Envelope {
            error: ErrorBody {
                code: self.code,
                message,
                fields,
                detail: self.detail.as_deref(),
                findings: None,
            },
        };
        // Serialising plain strings cannot fail; the fallback keeps the contract regardless.
        serde_json::to_vec(&body).unwrap_or_else(|_| {
            br#"{"error":{"code":"error-internal","message":"","fields":[]}}"#.to_vec()
        })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, parts, challenge, retry_after) = match self.0 {
            Kind::App(e) => {
                let status = status_of(&e);
                if status.is_server_error() {
                    tracing::error!(error = %e, "api request failed");
                }
                let retry_after = crate::error::retry_after(&e);
                let challenge =
                    (status == StatusCode::UNAUTHORIZED).then_some(r#"Bearer realm="yorozu""#);
                let fallback = if status.is_client_error() {
                    "error-conflict"
                } else {
                    "error-internal"
                };
                let fields = match e {
                    AppError::Invalid(ref fields) => fields.clone(),
                    _ => vec![],
                };
                (
                    status,
                    ErrorParts {
                        code: e.code(),
                        fallback,
                        fields,
                        detail: None,
                    },
                    challenge,
                    retry_after,
                )
            }
            Kind::InvalidToken { code } => (
                StatusCode::UNAUTHORIZED,
                ErrorParts {
                    code,
                    fallback: "error-internal",
                    fields: vec![],
                    detail: None,
                },
                Some(r#"Bearer realm="yorozu", error="invalid_token""#),
                None,
            ),
            Kind::Request {
                status,
                code,
                detail,
            } => (
                status,
                ErrorParts {
                    code,
                    fallback: "error-invalid-input",
                    fields: vec![],
                    detail,
                },
                None,
                None,
            ),
        };
        let mut response = (
            status,
            [(header::CONTENT_TYPE, "application/json")],
            parts.json(Tr::new(Locale::default())),
        )
            .into_response();
        let headers = response.headers_mut();
        if let Some(challenge) = challenge {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        if let Some(seconds) = retry_after.and_then(|s| HeaderValue::from_str(&s.to_string()).ok())
        {
            headers.insert(header::RETRY_AFTER, seconds);
        }
        response.extensions_mut().insert(parts);
        response
    }
}

/// Rewrites error bodies in the language the caller asked for with `Accept-Language`.
pub async fn localise(request: Request, next: Next) -> Response {
    let locale = locale_of(request.headers());
    let mut response = next.run(request).await;
    if locale != Locale::default()
        && let Some(parts) = response.extensions().get::<ErrorParts>().cloned()
    {
        response.headers_mut().remove(header::CONTENT_LENGTH);
        *response.body_mut() = Body::from(parts.json(Tr::new(locale)));
    }
    response
}

/// Answers requests for paths the API does not have (instead of the pages' HTML 404).
pub async fn unknown_route() -> ApiError {
    ApiError::request(StatusCode::NOT_FOUND, "error-api-route-unknown")
}

/// Answers a known path called with a method it does not support.
pub async fn method_not_allowed() -> ApiError {
    ApiError::request(StatusCode::METHOD_NOT_ALLOWED, "error-method-not-allowed")
}
