//! Yorozu's domain: pure, synchronous types and rules. No I/O, no async, no database or
//! HTTP types; everything here can be tested with plain values.
//!
//! Input is parsed at the edge into the types of this crate ("parse, don't validate"): a
//! value of [`accounts::Email`] or [`profile::DisplayName`] is valid by construction.
//! Each module has one error enum whose variants carry the limit that was broken (so the
//! page can say 「30文字以内」). Every error enum implements [`ErrorCode`]: a stable kebab-case
//! code that the web layer uses as a Fluent key (in `errors.ftl` of both locales), typed
//! message arguments and, for rows of repeated inputs, the [`RowInput`] concerned; see
//! [`error_code`]. Category names are messages too, see [`listings::Category::message_id`].
//!
//! Profile-completeness suggestions have message ids too (`suggest-add-avatar`,
//! `suggest-write-introduction`, `suggest-extend-introduction`, `suggest-add-skills`,
//! `suggest-add-career`, `suggest-add-track-record`, `suggest-add-sns-link`,
//! `suggest-choose-nda`, `suggest-verify-identity`); see [`profile::Suggestion::key`].

pub mod accounts;
pub mod analytics;
pub mod contact_rule;
pub mod error_code;
pub mod export;
pub mod hints;
pub mod identity;
pub mod ids;
pub mod jobs;
pub mod listings;
pub mod locale;
pub mod moderation;
pub mod money;
pub mod notifications;
pub mod offers;
pub mod orders;
pub mod paging;
pub mod payouts;
pub mod profile;
pub mod promotions;
pub mod requests;
pub mod search;
pub mod share;
pub mod stored;
pub mod time;
pub mod withdrawal;

mod numbers;
pub mod text;

pub use error_code::{Arg, ErrorCode, RowInput};
pub use ids::{
    BatchId, ConsultationId, DocumentId, JobId, ListingId, OfferId, OrderId, RequestId, TokenId,
    UserId, WithdrawalId, new_id,
};
pub use locale::Locale;
pub use money::Yen;
pub use stored::UnknownKey;
pub use time::Timestamp;

#[cfg(test)]
mod tests {
    use crate::error_code::all_codes;
    use crate::profile::Suggestion;

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
    fn codes_are_unique_kebab_case_and_suggestions_documented() {
        let doc = include_str!("lib.rs");
        for key in all_suggestion_keys() {
            assert!(
                doc.contains(&format!("`{key}`")),
                "{key} is missing from the lib.rs docs"
            );
        }
        let mut codes: Vec<_> = all_codes().collect();
        assert!(codes.len() > 100, "every error enum is listed");
        codes.extend(all_suggestion_keys());
        for code in &codes {
            assert!(is_kebab_case(code), "{code} is not kebab-case");
        }
        let mut unique = codes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), codes.len(), "duplicate codes");
    }
}
