//! Identity verification (本人確認): a member uploads a document, an operator reviews it.

use std::fmt;

use crate::error_code::error_codes;
use crate::text;

/// Longest rejection reason an operator may write, in characters.
pub const MAX_REJECTION_REASON_CHARS: usize = 500;

/// Why an identity value is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    /// Not a key of [`IdentityStatus`].
    #[error("unknown identity verification status")]
    UnknownStatus,
    /// Not a key of [`DocumentKind`].
    #[error("unknown identity document kind")]
    UnknownDocumentKind,
    /// The operator gave no reason for a rejection.
    #[error("rejection reason is empty")]
    ReasonEmpty,
    /// Longer than [`MAX_REJECTION_REASON_CHARS`].
    #[error("rejection reason is longer than {max} characters")]
    ReasonTooLong {
        /// The limit, for the message shown to the operator.
        max: usize,
    },
    /// Contains control characters other than line breaks and tabs, or invisible ones.
    #[error("rejection reason contains characters that cannot be shown")]
    ReasonInvalidCharacters,
}

error_codes! {
    IdentityError {
        UnknownStatus => "identity-status-unknown",
        UnknownDocumentKind => "identity-document-kind-unknown",
        ReasonEmpty => "rejection-reason-empty",
        ReasonTooLong { max } => "rejection-reason-too-long",
        ReasonInvalidCharacters => "rejection-reason-invalid-characters",
    }
}

/// Where one verification request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IdentityStatus {
    /// Uploaded, waiting for an operator.
    Pending,
    /// Accepted; the member shows the 本人確認済み badge.
    Approved,
    /// Refused with a [`RejectionReason`]; the member may upload again.
    Rejected,
}

impl IdentityStatus {
    /// Every status.
    pub const ALL: [IdentityStatus; 3] = [Self::Pending, Self::Approved, Self::Rejected];

    /// Stable key for storage and message ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
        }
    }

    /// Reads a key written by [`IdentityStatus::as_str`].
    pub fn parse(key: &str) -> Result<Self, IdentityError> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == key.trim())
            .ok_or(IdentityError::UnknownStatus)
    }
}

impl fmt::Display for IdentityStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kinds of Japanese identity document accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// 運転免許証.
    DriversLicense,
    /// マイナンバーカード (front side only; the individual number must not be collected).
    MyNumberCard,
    /// パスポート.
    Passport,
    /// 在留カード.
    ResidenceCard,
    /// 健康保険証.
    HealthInsurance,
}

impl DocumentKind {
    /// Every kind, in the order the upload form offers them.
    pub const ALL: [DocumentKind; 5] = [
        Self::DriversLicense,
        Self::MyNumberCard,
        Self::Passport,
        Self::ResidenceCard,
        Self::HealthInsurance,
    ];

    /// Stable kebab-case key for storage, forms and message ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DriversLicense => "drivers-license",
            Self::MyNumberCard => "my-number-card",
            Self::Passport => "passport",
            Self::ResidenceCard => "residence-card",
            Self::HealthInsurance => "health-insurance",
        }
    }

    /// Reads a key written by [`DocumentKind::as_str`].
    pub fn parse(key: &str) -> Result<Self, IdentityError> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == key.trim())
            .ok_or(IdentityError::UnknownDocumentKind)
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why an operator rejected a document, shown to the member: trimmed, 1 to
/// [`MAX_REJECTION_REASON_CHARS`] characters, line breaks allowed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct RejectionReason(String);

impl RejectionReason {
    /// Parses what the operator typed.
    pub fn parse(input: &str) -> Result<Self, IdentityError> {
        let normalized = text::normalize_newlines(input);
        let trimmed = normalized.trim();
        if trimmed.is_empty() {
            return Err(IdentityError::ReasonEmpty);
        }
        if text::char_count(trimmed) > MAX_REJECTION_REASON_CHARS {
            return Err(IdentityError::ReasonTooLong {
                max: MAX_REJECTION_REASON_CHARS,
            });
        }
        if text::has_forbidden_chars(trimmed, true) {
            return Err(IdentityError::ReasonInvalidCharacters);
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// The reason, trimmed, with `\n` line breaks.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RejectionReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<&str> for RejectionReason {
    type Error = IdentityError;
    fn try_from(value: &str) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl TryFrom<String> for RejectionReason {
    type Error = IdentityError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    #[test]
    fn statuses_round_trip() {
        for status in IdentityStatus::ALL {
            assert_eq!(IdentityStatus::parse(status.as_str()), Ok(status));
        }
        assert_eq!(
            IdentityStatus::parse("承認"),
            Err(IdentityError::UnknownStatus)
        );
        assert_eq!(
            IdentityStatus::parse("Approved"),
            Err(IdentityError::UnknownStatus)
        );
    }

    #[test]
    fn document_kinds_round_trip() {
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(kind.as_str()), Ok(kind));
        }
        assert_eq!(DocumentKind::MyNumberCard.as_str(), "my-number-card");
        assert_eq!(DocumentKind::DriversLicense.to_string(), "drivers-license");
        assert_eq!(
            DocumentKind::parse("my_number_card"),
            Err(IdentityError::UnknownDocumentKind)
        );
    }

    #[test]
    fn rejection_reason_bounds() {
        assert_eq!(
            RejectionReason::parse(" \u{3000}\n"),
            Err(IdentityError::ReasonEmpty)
        );
        let reason = RejectionReason::parse("  画像が不鮮明です。\r\n再度撮影してください。 ")
            .expect("valid");
        assert_eq!(
            reason.as_str(),
            "画像が不鮮明です。\n再度撮影してください。"
        );
        assert!(RejectionReason::parse(&"不".repeat(500)).is_ok());
        assert_eq!(
            RejectionReason::parse(&"不".repeat(501)),
            Err(IdentityError::ReasonTooLong { max: 500 })
        );
        assert_eq!(
            RejectionReason::parse("a\u{7}"),
            Err(IdentityError::ReasonInvalidCharacters)
        );
    }

    #[test]
    fn error_codes() {
        assert_eq!(
            IdentityError::UnknownStatus.code(),
            "identity-status-unknown"
        );
        assert_eq!(
            IdentityError::UnknownDocumentKind.code(),
            "identity-document-kind-unknown"
        );
        assert_eq!(IdentityError::ReasonEmpty.code(), "rejection-reason-empty");
        assert_eq!(
            IdentityError::ReasonTooLong { max: 500 }.code(),
            "rejection-reason-too-long"
        );
    }

    proptest! {
        #[test]
        fn reason_never_panics_and_reparses(raw in any::<String>()) {
            if let Ok(reason) = RejectionReason::parse(&raw) {
                prop_assert_eq!(RejectionReason::parse(reason.as_str()), Ok(reason.clone()));
            }
        }
    }
}
