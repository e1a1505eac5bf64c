//! The use-case error type. The web layer turns each variant into an HTML page or a JSON body
//! with a stable `code`; internal causes are logged, never shown.

use yorozu_domain::{Arg, ErrorCode, RowInput};

/// A problem with one input field: the field's name, a message id and its typed arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub code: &'static str,
    pub args: Vec<(&'static str, Arg)>,
    /// The input of a repeated field's row (a paid option, a FAQ entry) the error is about.
    pub row_input: Option<RowInput>,
}

impl FieldError {
    /// A use case's own refusal, with no domain error behind it.
    pub fn new(field: &'static str, code: &'static str) -> FieldError {
        FieldError {
            field,
            code,
            args: vec![],
            row_input: None,
        }
    }

    /// A domain error reported on `field`.
    pub fn of(field: &'static str, e: &impl ErrorCode) -> FieldError {
        FieldError {
            field,
            code: e.code(),
            args: e.args(),
            row_input: e.row_input(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> FieldError {
        self.args.push((name, value.into()));
        self
    }
}

/// Every domain error becomes a field error through [`ErrorCode`]; the field name is filled
/// in by [`Fields::check`] (the same error serves several fields).
impl<E: ErrorCode> From<E> for FieldError {
    fn from(e: E) -> FieldError {
        FieldError::of("", &e)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// One or more fields are invalid; nothing was changed.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    #[error("sign-in required")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// The request itself is malformed (an unknown language, a bad parameter); `code` is a message id.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// The request is valid but the current state does not allow it; `code` is a message id.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// Too many attempts or requests; the answer carries `Retry-After`.
    #[error("too many attempts; retry in {retry_after_seconds} s")]
    Throttled { retry_after_seconds: i64 },
    #[error("e-mail address or password is wrong")]
    BadCredentials,
    /// The password was right and two-step sign-in is on: the sign-in waits for a code.
    /// Carries the challenge that [`crate::accounts::two_step::sign_in::complete`] takes.
    #[error("the sign-in needs its second step")]
    SecondStepRequired(String),
    /// A sensitive action needs the password (and code) again ([`crate::accounts::reauth`]).
    #[error("re-authentication required")]
    ReauthRequired,
    /// A mailed link that is unknown, expired or already used; `code` says which.
    #[error("link not usable: {0}")]
    LinkInvalid(&'static str),
    #[error(transparent)]
    Store(#[from] yorozu_store::Error),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn invalid(field: &'static str, code: &'static str) -> AppError {
        AppError::Invalid(vec![FieldError::new(field, code)])
    }

    /// A domain error reported on `field`.
    pub fn refused(field: &'static str, e: &impl ErrorCode) -> AppError {
        AppError::Invalid(vec![FieldError::of(field, e)])
    }

    /// A stable machine-readable code, also the message id of the user-facing text.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Invalid(_) => "error-invalid-input",
            AppError::Unauthenticated => "error-unauthenticated",
            AppError::Forbidden => "error-forbidden",
            AppError::NotFound => "error-not-found",
            AppError::BadRequest(code) | AppError::Conflict(code) | AppError::LinkInvalid(code) => {
                code
            }
            AppError::Throttled { .. } => "error-throttled",
            AppError::BadCredentials => "error-bad-credentials",
            AppError::SecondStepRequired(_) => "two-step-required",
            AppError::ReauthRequired => "reauth-required",
            AppError::Store(_) | AppError::Internal(_) => "error-internal",
        }
    }
}

impl From<crate::ports::FileError> for AppError {
    fn from(e: crate::ports::FileError) -> AppError {
        AppError::Internal(format!("file store: {e}"))
    }
}

impl From<crate::ports::SearchIndexError> for AppError {
    fn from(e: crate::ports::SearchIndexError) -> AppError {
        AppError::Internal(e.to_string())
    }
}

impl From<serde_json::Error> for AppError {
    fn from(e: serde_json::Error) -> AppError {
        AppError::Internal(format!("json: {e}"))
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// Collects field errors from several parses, so a form shows every problem at once.
#[derive(Debug, Default)]
pub struct Fields {
    errors: Vec<FieldError>,
}

impl Fields {
    /// Records the error of a failed parse and returns the value if it succeeded.
    pub fn check<T, E: Into<FieldError>>(
        &mut self,
        field: &'static str,
        result: Result<T, E>,
    ) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                let mut fe: FieldError = e.into();
                fe.field = field;
                self.errors.push(fe);
                None
            }
        }
    }

    pub fn push(&mut self, e: FieldError) {
        self.errors.push(e);
    }

    /// Fails with every collected error, or returns the parsed values.
    pub fn finish<T>(self, values: Option<T>) -> AppResult<T> {
        match (self.errors.is_empty(), values) {
            (true, Some(v)) => Ok(v),
            (_, _) if !self.errors.is_empty() => Err(AppError::Invalid(self.errors)),
            _ => Err(AppError::Internal("parse failed without an error".into())),
        }
    }
}
