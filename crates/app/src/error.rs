//! The use-case error type. The web layer turns each variant into an HTML page or a JSON body
//! with a stable `code`; internal causes are logged, never shown.

/// A problem with one input field: the field's name, a message id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub code: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl FieldError {
    pub fn new(field: &'static str, code: &'static str) -> FieldError {
        FieldError {
            field,
            code,
            args: vec![],
        }
    }

    pub fn with(mut self, name: &'static str, value: impl ToString) -> FieldError {
        self.args.push((name, value.to_string()));
        self
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

/// Domain parse errors become field errors: the code is the message id, limits its arguments.
mod from_domain {
    use super::FieldError;
    use yorozu_domain::accounts::{EmailError, PasswordError};
    use yorozu_domain::identity::IdentityError;
    use yorozu_domain::profile::{
        DisplayNameError, NdaWillingnessError, ProfileTextError, SkillsError, SnsLinksError,
    };

    /// The field name is filled in by [`super::Fields::check`].
    fn fe(code: &'static str) -> FieldError {
        FieldError::new("", code)
    }

    impl From<yorozu_domain::orders::OrderTextError> for FieldError {
        fn from(e: yorozu_domain::orders::OrderTextError) -> FieldError {
            match e {
                yorozu_domain::orders::OrderTextError::TooLong { max } => {
                    fe(e.code()).with("max", max)
                }
                _ => fe(e.code()),
            }
        }
    }

    impl From<yorozu_domain::orders::RatingError> for FieldError {
        fn from(e: yorozu_domain::orders::RatingError) -> FieldError {
            fe(e.code())
        }
    }

    impl From<yorozu_domain::promotions::CouponError> for FieldError {
        fn from(e: yorozu_domain::promotions::CouponError) -> FieldError {
            match e {
                yorozu_domain::promotions::CouponError::BelowMinimum { min } => {
                    fe(e.code()).with("min", min.get())
                }
                _ => fe(e.code()),
            }
        }
    }

    impl From<yorozu_domain::payouts::bank::BankAccountError> for FieldError {
        fn from(e: yorozu_domain::payouts::bank::BankAccountError) -> FieldError {
            use yorozu_domain::payouts::bank::BankAccountError as E;
            match e {
                E::BankCodeInvalid { digits } | E::BranchCodeInvalid { digits } => {
                    fe(e.code()).with("digits", digits)
                }
                E::AccountNumberInvalid { max } | E::AccountHolderTooLong { max } => {
                    fe(e.code()).with("max", max)
                }
                E::AccountHolderInvalidCharacters { character } => {
                    fe(e.code()).with("character", character)
                }
                _ => fe(e.code()),
            }
        }
    }

    impl From<EmailError> for FieldError {
        fn from(e: EmailError) -> FieldError {
            match e {
                EmailError::TooLong { max } => fe(e.code()).with("max", max),
                _ => fe(e.code()),
            }
        }
    }

    impl From<PasswordError> for FieldError {
        fn from(e: PasswordError) -> FieldError {
            match e {
                PasswordError::TooShort { min } => fe(e.code()).with("min", min),
                PasswordError::TooLong { max } => fe(e.code()).with("max", max),
                _ => fe(e.code()),
            }
        }
    }

    impl From<DisplayNameError> for FieldError {
        fn from(e: DisplayNameError) -> FieldError {
            match e {
                DisplayNameError::TooLong { max } => fe(e.code()).with("max", max),
                _ => fe(e.code()),
            }
        }
    }

    impl From<ProfileTextError> for FieldError {
        fn from(e: ProfileTextError) -> FieldError {
            match e {
                ProfileTextError::TooLong { max } => fe(e.code()).with("max", max),
                _ => fe(e.code()),
            }
        }
    }

    impl From<SkillsError> for FieldError {
        fn from(e: SkillsError) -> FieldError {
            match &e {
                SkillsError::SkillTooLong { max, skill } => {
                    fe(e.code()).with("max", max).with("skill", skill)
                }
                SkillsError::TooMany { max } => fe(e.code()).with("max", max),
                _ => fe(e.code()),
            }
        }
    }

    impl From<SnsLinksError> for FieldError {
        fn from(e: SnsLinksError) -> FieldError {
            match &e {
                SnsLinksError::TooMany { max } | SnsLinksError::UrlTooLong { max } => {
                    fe(e.code()).with("max", max)
                }
                SnsLinksError::InvalidUrl { url } => fe(e.code()).with("url", url),
            }
        }
    }

    impl From<NdaWillingnessError> for FieldError {
        fn from(e: NdaWillingnessError) -> FieldError {
            fe(e.code())
        }
    }

    impl From<IdentityError> for FieldError {
        fn from(e: IdentityError) -> FieldError {
            match e {
                IdentityError::ReasonTooLong { max } => fe(e.code()).with("max", max),
                _ => fe(e.code()),
            }
        }
    }

    /// Errors whose messages take no arguments beyond the code.
    macro_rules! plain {
        ($($t:ty),*) => {$(
            impl From<$t> for FieldError {
                fn from(e: $t) -> FieldError {
                    fe(e.code())
                }
            }
        )*};
    }
    use yorozu_domain::listings::{BuyerNotesError, ListingDescriptionError, ListingTitleError};
    use yorozu_domain::listings::{
        CategoryError, DeliveryDaysError, FaqError, ListingStatusError, PaidOptionsError,
        PriceError, RevisionsError,
    };
    use yorozu_domain::money::MoneyError;
    plain!(CategoryError, ListingStatusError);

    impl From<MoneyError> for FieldError {
        fn from(e: MoneyError) -> FieldError {
            match e {
                MoneyError::TooLarge { max } => fe(e.code()).with("max", max.get()),
                _ => fe(e.code()),
            }
        }
    }

    impl From<PriceError> for FieldError {
        fn from(e: PriceError) -> FieldError {
            match e {
                PriceError::Money(m) => m.into(),
                PriceError::BelowMinimum { min } => fe(e.code()).with("min", min.get()),
                PriceError::TooHigh { max } => fe(e.code()).with("max", max.get()),
            }
        }
    }

    impl From<ListingTitleError> for FieldError {
        fn from(e: ListingTitleError) -> FieldError {
            match e {
                ListingTitleError::TooLong { max } => fe(e.code()).with("max", max),
                _ => fe(e.code()),
            }
        }
    }

    impl From<ListingDescriptionError> for FieldError {
        fn from(e: ListingDescriptionError) -> FieldError {
            match e {
                ListingDescriptionError::TooLong { max } => fe(e.code()).with("max", max),
                _ => fe(e.code()),
            }
        }
    }

    impl From<BuyerNotesError> for FieldError {
        fn from(e: BuyerNotesError) -> FieldError {
            match e {
                BuyerNotesError::TooLong { max } => fe(e.code()).with("max", max),
                _ => fe(e.code()),
            }
        }
    }

    impl From<DeliveryDaysError> for FieldError {
        fn from(e: DeliveryDaysError) -> FieldError {
            match e {
                DeliveryDaysError::OutOfRange { min, max } => {
                    fe(e.code()).with("min", min).with("max", max)
                }
                _ => fe(e.code()),
            }
        }
    }

    impl From<RevisionsError> for FieldError {
        fn from(e: RevisionsError) -> FieldError {
            match e {
                RevisionsError::TooMany { max } => fe(e.code()).with("max", max),
                _ => fe(e.code()),
            }
        }
    }

    impl From<PaidOptionsError> for FieldError {
        fn from(e: PaidOptionsError) -> FieldError {
            let mut out = fe(e.code());
            if let Some(row) = e.row() {
                out = out.with("row", row);
            }
            match e {
                PaidOptionsError::TooMany { max } | PaidOptionsError::TitleTooLong { max, .. } => {
                    out.with("max", max)
                }
                PaidOptionsError::PriceBelowMinimum { min, .. } => out.with("min", min.get()),
                PaidOptionsError::PriceTooHigh { max, .. } => out.with("max", max.get()),
                _ => out,
            }
        }
    }

    impl From<FaqError> for FieldError {
        fn from(e: FaqError) -> FieldError {
            let mut out = fe(e.code());
            if let Some(row) = e.row() {
                out = out.with("row", row);
            }
            match e {
                FaqError::TooMany { max }
                | FaqError::QuestionTooLong { max, .. }
                | FaqError::AnswerTooLong { max, .. } => out.with("max", max),
                _ => out,
            }
        }
    }
}
