//! E-mail addresses as accounts are keyed by them.

use crate::error_code::error_codes;
use std::fmt;

/// Longest address accepted: the limit of an SMTP forward path (RFC 5321 §4.5.3.1.3).
pub const MAX_EMAIL_CHARS: usize = 254;
/// Longest local part (before the `@`) accepted (RFC 5321 §4.5.3.1.1).
pub const MAX_LOCAL_PART_CHARS: usize = 64;

/// Why a string is not an acceptable e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing was entered.
    #[error("e-mail address is empty")]
    Empty,
    /// Longer than [`MAX_EMAIL_CHARS`].
    #[error("e-mail address is longer than {max} characters")]
    TooLong {
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// Not of the form `local@domain.tld`.
    #[error("e-mail address is not valid")]
    Invalid,
}

error_codes! {
    EmailError {
        Empty => "email-empty",
        TooLong { max } => "email-too-long",
        Invalid => "email-invalid",
    }
}

/// A syntactically plausible e-mail address, trimmed and lower-cased.
///
/// Lower-casing the whole address (the local part too, although RFC 5321 lets it be
/// case-sensitive) makes uniqueness case-insensitive: no real provider hands out
/// `Taro@` and `taro@` to different people, and two accounts that differ only in case
/// would be a support problem. Whether the address exists is proven by a confirmation
/// mail, not here.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct Email(String);

impl Email {
    /// Parses what a member typed.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        if trimmed.chars().count() > MAX_EMAIL_CHARS {
            return Err(EmailError::TooLong {
                max: MAX_EMAIL_CHARS,
            });
        }
        // Non-ASCII addresses (SMTPUTF8) are rare and many mail servers still refuse them;
        // accepting one would create an account whose confirmation mail never arrives.
        if !trimmed.chars().all(|c| c.is_ascii_graphic()) {
            return Err(EmailError::Invalid);
        }
        let (local, domain) = trimmed.split_once('@').ok_or(EmailError::Invalid)?;
        if !is_valid_local_part(local) || !is_valid_domain(domain) {
            return Err(EmailError::Invalid);
        }
        Ok(Self(trimmed.to_ascii_lowercase()))
    }

    /// The address, lower-cased.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before the `@`.
    pub fn local_part(&self) -> &str {
        self.0
            .split_once('@')
            .map_or(self.0.as_str(), |(local, _)| local)
    }

    /// The part after the `@`.
    pub fn domain(&self) -> &str {
        self.0.split_once('@').map_or("", |(_, domain)| domain)
    }
}

/// Unquoted local parts only (`"john doe"@example.com` is legal but nobody types it).
///
/// Consecutive dots are allowed on purpose: older Japanese mobile carriers (docomo, au)
/// issued addresses such as `taro..yamada@docomo.ne.jp`, and their owners still use them.
fn is_valid_local_part(local: &str) -> bool {
    let len = local.len();
    (1..=MAX_LOCAL_PART_CHARS).contains(&len)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local.chars().all(is_atext_or_dot)
}

/// RFC 5322 `atext` plus `.`; excludes specials such as `<>()[],;:\"` which would only
/// appear in a typo or in an attempt to smuggle extra recipients into a mail header.
fn is_atext_or_dot(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c)
}

/// A host name with at least two non-empty labels of letters, digits and hyphens; the
/// second `@` of `a@b@c.com` also ends up here and is rejected.
fn is_valid_domain(domain: &str) -> bool {
    domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Email").field(&self.0).finish()
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl TryFrom<&str> for Email {
    type Error = EmailError;
    fn try_from(value: &str) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl TryFrom<String> for Email {
    type Error = EmailError;
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
    fn accepts_and_normalises() {
        let email = Email::parse("  Taro.Yamada@Example.CO.JP \n").expect("valid");
        assert_eq!(email.as_str(), "taro.yamada@example.co.jp");
        assert_eq!(email.local_part(), "taro.yamada");
        assert_eq!(email.domain(), "example.co.jp");
        assert_eq!(email.to_string(), "taro.yamada@example.co.jp");
    }

    #[test]
    fn accepts_plus_tags_and_carrier_double_dots() {
        assert!(Email::parse("taro+yorozu@gmail.com").is_ok());
        assert!(Email::parse("taro..yamada@docomo.ne.jp").is_ok());
    }

    #[test]
    fn rejects_empty_and_whitespace_only() {
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        assert_eq!(Email::parse(" \u{3000} "), Err(EmailError::Empty));
    }

    #[test]
    fn length_boundaries() {
        let domain = format!(
            "{}.{}.{}.{}.com",
            "a".repeat(60),
            "b".repeat(60),
            "c".repeat(60),
            "d".repeat(3)
        );
        let ok = format!(
            "{}@{domain}",
            "x".repeat(MAX_EMAIL_CHARS - 1 - domain.len())
        );
        assert_eq!(ok.len(), MAX_EMAIL_CHARS);
        assert!(Email::parse(&ok).is_ok());
        let too_long = format!("x{ok}");
        assert_eq!(
            Email::parse(&too_long),
            Err(EmailError::TooLong { max: 254 })
        );

        let local_64 = format!("{}@example.com", "a".repeat(64));
        assert!(Email::parse(&local_64).is_ok());
        let local_65 = format!("{}@example.com", "a".repeat(65));
        assert_eq!(Email::parse(&local_65), Err(EmailError::Invalid));
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "taro",
            "@example.com",
            "taro@",
            "taro@example",
            "taro@@example.com",
            "ta@ro@example.com",
            "taro@example..com",
            "taro@.example.com",
            "taro@example.com.",
            "taro@-example.com",
            ".taro@example.com",
            "taro.@example.com",
            "ta ro@example.com",
            "taro@exa mple.com",
            "taro<x>@example.com",
            "taro,jiro@example.com",
            "taro@example.com\nBcc: x@y.z",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Invalid), "{bad:?}");
        }
    }

    #[test]
    fn rejects_japanese_and_full_width() {
        assert_eq!(Email::parse("山田@example.com"), Err(EmailError::Invalid));
        assert_eq!(Email::parse("taro＠example.com"), Err(EmailError::Invalid));
        assert_eq!(
            Email::parse("ｔａｒｏ@example.com"),
            Err(EmailError::Invalid)
        );
    }

    #[test]
    fn error_codes() {
        assert_eq!(EmailError::Empty.code(), "email-empty");
        assert_eq!(EmailError::TooLong { max: 1 }.code(), "email-too-long");
        assert_eq!(EmailError::Invalid.code(), "email-invalid");
    }

    #[test]
    fn deserialisation_validates() {
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StrDeserializer};
        let ok: StrDeserializer<Error> = "A@B.jp".into_deserializer();
        let email: Email = serde::Deserialize::deserialize(ok).expect("valid");
        assert_eq!(email.as_str(), "a@b.jp");
        let bad: StrDeserializer<Error> = "nope".into_deserializer();
        assert!(<Email as serde::Deserialize>::deserialize(bad).is_err());
    }

    fn valid_email() -> impl Strategy<Value = String> {
        (
            "[A-Za-z0-9+_-]{1,20}(\\.[A-Za-z0-9+_-]{1,10}){0,2}",
            "[A-Za-z0-9]{1,15}(-[A-Za-z0-9]{1,5})?",
            "[A-Za-z]{2,6}",
        )
            .prop_map(|(local, host, tld)| format!("{local}@{host}.{tld}"))
    }

    proptest! {
        #[test]
        fn generated_addresses_parse_lowercased(raw in valid_email()) {
            let email = Email::parse(&raw).expect("generated address is valid");
            prop_assert_eq!(email.as_str(), raw.to_ascii_lowercase());
        }

        #[test]
        fn parsed_email_reparses_to_itself(raw in "\\PC{0,40}") {
            if let Ok(email) = Email::parse(&raw) {
                prop_assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
            }
        }

        #[test]
        fn valid_emails_reparse_to_themselves(raw in valid_email()) {
            let email = Email::parse(&raw).expect("valid");
            prop_assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
        }

        #[test]
        fn random_strings_never_panic(raw in any::<String>()) {
            let _ = Email::parse(&raw);
        }
    }
}
