//! Turning use-case errors into responses. Pages get a full error page in the visitor's
//! language (rendered by the context middleware, which knows the language); internal causes
//! are logged and never shown.

use askama::Template;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use yorozu_app::{AppError, FieldError};
use yorozu_i18n::Tr;

use crate::ctx::Ctx;

/// Marks an error response; the context middleware replaces its body with a page.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub status: StatusCode,
    pub code: String,
}

/// The HTTP status for a use-case error.
pub fn status_of(e: &AppError) -> StatusCode {
    match e {
        AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
        AppError::Unauthenticated | AppError::BadCredentials | AppError::SecondStepRequired(_) => {
            StatusCode::UNAUTHORIZED
        }
        AppError::Forbidden | AppError::ReauthRequired => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Conflict(_) => StatusCode::CONFLICT,
        AppError::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::LinkInvalid(_) => StatusCode::GONE,
        AppError::Store(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A page handler's error.
#[derive(Debug)]
pub struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(e: AppError) -> PageError {
        PageError(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = status_of(&self.0);
        if status.is_server_error() {
            tracing::error!(error = %self.0, "request failed");
        }
        let retry = retry_after(&self.0);
        let mut response = with_retry_after(status.into_response(), retry);
        response.extensions_mut().insert(ErrorPage {
            status,
            code: self.0.code().to_owned(),
        });
        response
    }
}

pub type PageResult = Result<Response, PageError>;

/// Seconds a throttled caller should wait, for `Retry-After`.
pub fn retry_after(e: &AppError) -> Option<i64> {
    match e {
        AppError::Throttled {
            retry_after_seconds,
        } => Some((*retry_after_seconds).max(1)),
        _ => None,
    }
}

/// Adds `Retry-After` (seconds) when there is a wait to tell.
pub fn with_retry_after(mut response: Response, seconds: Option<i64>) -> Response {
    if let Some(v) = seconds.and_then(|s| s.to_string().parse().ok()) {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate<'a> {
    ctx: &'a Ctx,
    status: u16,
    message: String,
}

pub fn render_error_page(ctx: &Ctx, page: &ErrorPage) -> Response {
    let message = if ctx.tr.has(&page.code) {
        ctx.t(&page.code)
    } else {
        ctx.t("error-internal")
    };
    let body = ErrorTemplate {
        ctx,
        status: page.status.as_u16(),
        message,
    }
    .render()
    .unwrap_or_else(|_| page.status.to_string());
    (page.status, Html(body)).into_response()
}

/// Field errors of a form, translated for the template.
#[derive(Debug, Default, Clone)]
pub struct FormErrors {
    messages: Vec<(&'static str, String)>,
}

impl FormErrors {
    pub fn new(tr: Tr, errors: &[FieldError]) -> FormErrors {
        FormErrors {
            messages: errors
                .iter()
                .map(|e| (e.field, field_message(tr, e)))
                .collect(),
        }
    }

    /// A single message not tied to a field (shown at the top of the form).
    pub fn general(tr: Tr, code: &str) -> FormErrors {
        FormErrors {
            messages: vec![("", tr.t(code))],
        }
    }

    /// The message for one field, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.messages
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn any(&self) -> bool {
        !self.messages.is_empty()
    }

    /// Every message, for the summary at the top of the form.
    pub fn all(&self) -> Vec<&str> {
        self.messages.iter().map(|(_, m)| m.as_str()).collect()
    }
}

/// A field error's message in the reader's language (shared by forms and the JSON API).
pub(crate) fn field_message(tr: Tr, e: &FieldError) -> String {
    tr.tv(e.code, &e.args)
}

/// Splits a use-case error into form errors (re-render the form) or a page error.
pub fn form_or_page(tr: Tr, e: AppError) -> Result<(StatusCode, FormErrors), PageError> {
    match e {
        AppError::Invalid(fields) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            FormErrors::new(tr, &fields),
        )),
        AppError::BadCredentials | AppError::Conflict(_) | AppError::Throttled { .. } => {
            Ok((status_of(&e), FormErrors::general(tr, e.code())))
        }
        other => Err(PageError(other)),
    }
}

#[cfg(test)]
mod tests {
    use yorozu_domain::Locale;
    use yorozu_domain::profile::SkillsError;

    use super::*;

    #[test]
    fn field_messages_show_text_as_typed_and_group_numbers() {
        let e = FieldError::from(SkillsError::SkillTooLong {
            max: 1000,
            skill: "1234".to_owned(),
        });
        let message = field_message(Tr::new(Locale::En), &e);
        assert!(message.contains("\"1234\""), "{message}");
        assert!(message.contains("1,000"), "{message}");
    }
}
