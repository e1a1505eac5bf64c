//! Yorozu's domain: pure, synchronous types and rules. No I/O, no async, no database or
//! HTTP types; everything here can be tested with plain values.
//!
//! Input is parsed at the edge into the types of this crate ("parse, don't validate"): a
//! value of [`accounts::Email`] or [`profile::DisplayName`] is valid by construction.
//! Each module has one error enum whose variants carry the limit that was broken (so the
//! page can say 「30文字以内」) and whose `code()` is a stable kebab-case message id that the
//! web layer uses as a Fluent key.
//!
//! # Error codes
//!
//! | code | error | arguments |
//! |---|---|---|
//! | `email-empty` | [`accounts::EmailError::Empty`] | |
//! | `email-too-long` | [`accounts::EmailError::TooLong`] | `max` |
//! | `email-invalid` | [`accounts::EmailError::Invalid`] | |
//! | `password-too-short` | [`accounts::PasswordError::TooShort`] | `min` |
//! | `password-too-long` | [`accounts::PasswordError::TooLong`] | `max` |
//! | `password-too-simple` | [`accounts::PasswordError::TooSimple`] | |
//! | `password-same-as-email` | [`accounts::PasswordError::SameAsEmail`] | |
//! | `display-name-empty` | [`profile::DisplayNameError::Empty`] | |
//! | `display-name-too-long` | [`profile::DisplayNameError::TooLong`] | `max` |
//! | `display-name-invalid-characters` | [`profile::DisplayNameError::InvalidCharacters`] | |
//! | `display-name-reserved` | [`profile::DisplayNameError::Reserved`] | |
//! | `profile-text-too-long` | [`profile::ProfileTextError::TooLong`] | `max` |
//! | `profile-text-invalid-characters` | [`profile::ProfileTextError::InvalidCharacters`] | |
//! | `skills-skill-too-long` | [`profile::SkillsError::SkillTooLong`] | `max`, `skill` |
//! | `skills-too-many` | [`profile::SkillsError::TooMany`] | `max` |
//! | `skills-invalid-characters` | [`profile::SkillsError::InvalidCharacters`] | |
//! | `sns-links-too-many` | [`profile::SnsLinksError::TooMany`] | `max` |
//! | `sns-link-too-long` | [`profile::SnsLinksError::UrlTooLong`] | `max` |
//! | `sns-link-invalid` | [`profile::SnsLinksError::InvalidUrl`] | `url` |
//! | `nda-willingness-unknown` | [`profile::NdaWillingnessError::Unknown`] | |
//! | `identity-status-unknown` | [`identity::IdentityError::UnknownStatus`] | |
//! | `identity-document-kind-unknown` | [`identity::IdentityError::UnknownDocumentKind`] | |
//! | `rejection-reason-empty` | [`identity::IdentityError::ReasonEmpty`] | |
//! | `rejection-reason-too-long` | [`identity::IdentityError::ReasonTooLong`] | `max` |
//! | `rejection-reason-invalid-characters` | [`identity::IdentityError::ReasonInvalidCharacters`] | |
//!
//! Profile-completeness suggestions have message ids too (`suggest-add-avatar`,
//! `suggest-write-introduction`, `suggest-extend-introduction`, `suggest-add-skills`,
//! `suggest-add-career`, `suggest-add-track-record`, `suggest-add-sns-link`,
//! `suggest-choose-nda`, `suggest-verify-identity`); see [`profile::Suggestion::key`].

pub mod accounts;
pub mod identity;
pub mod ids;
pub mod locale;
pub mod profile;
pub mod time;

mod text;

pub use ids::{DocumentId, JobId, TokenId, UserId, new_id};
pub use locale::Locale;
pub use time::Timestamp;

#[cfg(test)]
mod tests {
    use crate::accounts::{EmailError, PasswordError};
    use crate::identity::IdentityError;
    use crate::profile::{
        DisplayNameError, NdaWillingnessError, ProfileTextError, SkillsError, SnsLinksError,
        Suggestion,
    };

    /// Every error code the crate can produce, one value per variant.
    fn all_error_codes() -> Vec<&'static str> {
        vec![
            EmailError::Empty.code(),
            EmailError::TooLong { max: 0 }.code(),
            EmailError::Invalid.code(),
            PasswordError::TooShort { min: 0 }.code(),
            PasswordError::TooLong { max: 0 }.code(),
            PasswordError::TooSimple.code(),
            PasswordError::SameAsEmail.code(),
            DisplayNameError::Empty.code(),
            DisplayNameError::TooLong { max: 0 }.code(),
            DisplayNameError::InvalidCharacters.code(),
            DisplayNameError::Reserved.code(),
            ProfileTextError::TooLong { max: 0 }.code(),
            ProfileTextError::InvalidCharacters.code(),
            SkillsError::SkillTooLong {
                max: 0,
                skill: String::new(),
            }
            .code(),
            SkillsError::TooMany { max: 0 }.code(),
            SkillsError::InvalidCharacters.code(),
            SnsLinksError::TooMany { max: 0 }.code(),
            SnsLinksError::UrlTooLong { max: 0 }.code(),
            SnsLinksError::InvalidUrl { url: String::new() }.code(),
            NdaWillingnessError::Unknown.code(),
            IdentityError::UnknownStatus.code(),
            IdentityError::UnknownDocumentKind.code(),
            IdentityError::ReasonEmpty.code(),
            IdentityError::ReasonTooLong { max: 0 }.code(),
            IdentityError::ReasonInvalidCharacters.code(),
        ]
    }

    fn all_suggestion_keys() -> Vec<&'static str> {
        [
            Suggestion::AddAvatar,
            Suggestion::WriteIntroduction,
            Suggestion::ExtendIntroduction {
                current: 0,
                target: 0,
            },
            Suggestion::AddSkills {
                current: 0,
                target: 0,
            },
            Suggestion::AddCareer,
            Suggestion::AddTrackRecord,
            Suggestion::AddSnsLink,
            Suggestion::ChooseNda,
            Suggestion::VerifyIdentity,
        ]
        .iter()
        .map(Suggestion::key)
        .collect()
    }

    fn is_kebab_case(code: &str) -> bool {
        !code.is_empty()
            && !code.starts_with('-')
            && !code.ends_with('-')
            && !code.contains("--")
            && code.chars().all(|c| c.is_ascii_lowercase() || c == '-')
    }

    #[test]
    fn codes_are_unique_kebab_case_and_documented() {
        let doc = include_str!("lib.rs");
        let mut codes = all_error_codes();
        codes.extend(all_suggestion_keys());
        for code in &codes {
            assert!(is_kebab_case(code), "{code} is not kebab-case");
            assert!(
                doc.contains(&format!("`{code}`")),
                "{code} is missing from the lib.rs docs"
            );
        }
        let mut unique = codes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), codes.len(), "duplicate codes");
    }
}
