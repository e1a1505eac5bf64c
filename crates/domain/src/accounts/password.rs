//! Passwords chosen at registration or on a password change.
//!
//! Only *new* passwords are judged here. Signing in compares against the stored hash and
//! must not apply these rules: a password accepted under older rules still has to work.

use std::fmt;

use super::email::Email;
use crate::error_code::error_codes;

/// Shortest password accepted, in characters.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest password accepted, in characters; bounds the work of hashing an attacker's input.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// Passwords that appear at the top of every leaked-password list. Only entries of at
/// least [`MIN_PASSWORD_CHARS`] matter; shorter ones are already refused by length.
/// Compared case-insensitively.
const COMMON_PASSWORDS: &[&str] = &[
    "password",
    "password1",
    "password123",
    "passw0rd",
    "12345678",
    "123456789",
    "1234567890",
    "87654321",
    "12341234",
    "abcd1234",
    "abc12345",
    "qwertyui",
    "qwertyuiop",
    "qwerty123",
    "1q2w3e4r",
    "1qaz2wsx",
    "asdfghjk",
    "zxcvbnm1",
    "iloveyou",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "welcome1",
    "yorozu123",
];

/// Why a new password is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Fewer than [`MIN_PASSWORD_CHARS`] characters.
    #[error("password must be at least {min} characters")]
    TooShort {
        /// The limit, for the message shown to the member.
        min: usize,
    },
    /// More than [`MAX_PASSWORD_CHARS`] characters.
    #[error("password must be at most {max} characters")]
    TooLong {
        /// The limit, for the message shown to the member.
        max: usize,
    },
    /// One repeated character, or a well-known password.
    #[error("password is too easy to guess")]
    TooSimple,
    /// The same as the account's e-mail address or its local part.
    #[error("password must differ from the e-mail address")]
    SameAsEmail,
}

error_codes! {
    PasswordError {
        TooShort { min } => "password-too-short",
        TooLong { max } => "password-too-long",
        TooSimple => "password-too-simple",
        SameAsEmail => "password-same-as-email",
    }
}

/// A password that passed the rules for new passwords, ready to be hashed.
///
/// It is not trimmed: a space the member typed is part of what they will type again.
/// `Debug` is redacted and there is no `Display` or `Serialize`, so the plain text cannot
/// end up in a log line or a JSON body by accident.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    /// Checks a new password, against the member's e-mail address when it is known.
    pub fn parse(password: &str, email: Option<&Email>) -> Result<Self, PasswordError> {
        let chars = password.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(PasswordError::TooShort {
                min: MIN_PASSWORD_CHARS,
            });
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(PasswordError::TooLong {
                max: MAX_PASSWORD_CHARS,
            });
        }
        let lowered = password.to_lowercase();
        if let Some(email) = email {
            // `Email` is stored lower-cased, so comparing lowered text is case-insensitive.
            if lowered == email.as_str() || lowered == email.local_part() {
                return Err(PasswordError::SameAsEmail);
            }
        }
        if is_one_repeated_char(password) || COMMON_PASSWORDS.contains(&lowered.as_str()) {
            return Err(PasswordError::TooSimple);
        }
        Ok(Self(password.to_owned()))
    }

    /// The plain text, for the password hasher only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

fn is_one_repeated_char(password: &str) -> bool {
    let mut chars = password.chars();
    match chars.next() {
        Some(first) => chars.all(|c| c == first),
        None => true,
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_code::ErrorCode;
    use proptest::prelude::*;

    fn email(s: &str) -> Email {
        Email::parse(s).expect("valid test address")
    }

    #[test]
    fn accepts_reasonable_password() {
        let password = NewPassword::parse("correct horse battery", None).expect("valid");
        assert_eq!(password.expose(), "correct horse battery");
    }

    #[test]
    fn keeps_surrounding_spaces() {
        let password = NewPassword::parse(" spaced out ", None).expect("valid");
        assert_eq!(password.expose(), " spaced out ");
    }

    #[test]
    fn length_boundaries_in_characters() {
        assert_eq!(
            NewPassword::parse("abcdefg", None).map(|_| ()),
            Err(PasswordError::TooShort { min: 8 })
        );
        assert!(NewPassword::parse("abcdefgh", None).is_ok());
        // Eight Japanese characters are eight characters, not 24 bytes.
        assert!(NewPassword::parse("やまだたろうです", None).is_ok());
        assert_eq!(
            NewPassword::parse("やまだたろう", None).map(|_| ()),
            Err(PasswordError::TooShort { min: 8 })
        );
        assert!(NewPassword::parse(&"ab".repeat(64), None).is_ok());
        assert_eq!(
            NewPassword::parse(&format!("{}c", "ab".repeat(64)), None).map(|_| ()),
            Err(PasswordError::TooLong { max: 128 })
        );
        assert!(NewPassword::parse(&"あい".repeat(64), None).is_ok());
    }

    #[test]
    fn rejects_repeated_characters() {
        assert_eq!(
            NewPassword::parse("aaaaaaaa", None).map(|_| ()),
            Err(PasswordError::TooSimple)
        );
        assert_eq!(
            NewPassword::parse("ああああああああ", None).map(|_| ()),
            Err(PasswordError::TooSimple)
        );
    }

    #[test]
    fn rejects_common_passwords_case_insensitively() {
        for common in [
            "password", "PassWord", "12345678", "qwertyui", "iloveyou", "ILOVEYOU",
        ] {
            assert_eq!(
                NewPassword::parse(common, None).map(|_| ()),
                Err(PasswordError::TooSimple),
                "{common}"
            );
        }
    }

    #[test]
    fn rejects_email_and_local_part() {
        let address = email("Yamada.Taro@example.jp");
        assert_eq!(
            NewPassword::parse("YAMADA.TARO@EXAMPLE.JP", Some(&address)).map(|_| ()),
            Err(PasswordError::SameAsEmail)
        );
        assert_eq!(
            NewPassword::parse("yamada.taro", Some(&address)).map(|_| ()),
            Err(PasswordError::SameAsEmail)
        );
        assert!(NewPassword::parse("yamada.taro", None).is_ok());
        assert!(NewPassword::parse("yamada.taro!", Some(&address)).is_ok());
    }

    #[test]
    fn debug_is_redacted() {
        let password = NewPassword::parse("hunter2hunter2", None).expect("valid");
        assert_eq!(format!("{password:?}"), "NewPassword(***)");
    }

    #[test]
    fn error_codes() {
        assert_eq!(
            PasswordError::TooShort { min: 8 }.code(),
            "password-too-short"
        );
        assert_eq!(
            PasswordError::TooLong { max: 128 }.code(),
            "password-too-long"
        );
        assert_eq!(PasswordError::TooSimple.code(), "password-too-simple");
        assert_eq!(PasswordError::SameAsEmail.code(), "password-same-as-email");
    }

    proptest! {
        #[test]
        fn never_panics(raw in any::<String>()) {
            let _ = NewPassword::parse(&raw, None);
        }

        #[test]
        fn accepted_passwords_respect_limits(raw in "\\PC{0,140}") {
            if let Ok(password) = NewPassword::parse(&raw, None) {
                let chars = password.expose().chars().count();
                prop_assert!((MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&chars));
            }
        }
    }
}
