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
//! | `amount-empty` | [`money::MoneyError::Empty`] | |
//! | `amount-not-a-number` | [`money::MoneyError::NotANumber`] | |
//! | `amount-too-large` | [`money::MoneyError::TooLarge`] | `max` (yen) |
//! | `price-below-minimum` | [`listings::PriceError::BelowMinimum`] | `min` (yen) |
//! | `price-too-high` | [`listings::PriceError::TooHigh`] | `max` (yen) |
//! | `listing-title-empty` | [`listings::ListingTitleError::Empty`] | |
//! | `listing-title-too-long` | [`listings::ListingTitleError::TooLong`] | `max` |
//! | `listing-title-invalid-characters` | [`listings::ListingTitleError::InvalidCharacters`] | |
//! | `listing-description-empty` | [`listings::ListingDescriptionError::Empty`] | |
//! | `listing-description-too-long` | [`listings::ListingDescriptionError::TooLong`] | `max` |
//! | `listing-description-invalid-characters` | [`listings::ListingDescriptionError::InvalidCharacters`] | |
//! | `buyer-notes-too-long` | [`listings::BuyerNotesError::TooLong`] | `max` |
//! | `buyer-notes-invalid-characters` | [`listings::BuyerNotesError::InvalidCharacters`] | |
//! | `delivery-days-empty` | [`listings::DeliveryDaysError::Empty`] | |
//! | `delivery-days-not-a-number` | [`listings::DeliveryDaysError::NotANumber`] | |
//! | `delivery-days-out-of-range` | [`listings::DeliveryDaysError::OutOfRange`] | `min`, `max` |
//! | `revisions-invalid` | [`listings::RevisionsError::Invalid`] | |
//! | `revisions-too-many` | [`listings::RevisionsError::TooMany`] | `max` |
//! | `paid-options-too-many` | [`listings::PaidOptionsError::TooMany`] | `max` |
//! | `paid-option-title-empty` | [`listings::PaidOptionsError::TitleEmpty`] | `row` |
//! | `paid-option-title-too-long` | [`listings::PaidOptionsError::TitleTooLong`] | `row`, `max` |
//! | `paid-option-title-invalid-characters` | [`listings::PaidOptionsError::TitleInvalidCharacters`] | `row` |
//! | `paid-option-price-empty` | [`listings::PaidOptionsError::PriceEmpty`] | `row` |
//! | `paid-option-price-not-a-number` | [`listings::PaidOptionsError::PriceNotANumber`] | `row` |
//! | `paid-option-price-below-minimum` | [`listings::PaidOptionsError::PriceBelowMinimum`] | `row`, `min` (yen) |
//! | `paid-option-price-too-high` | [`listings::PaidOptionsError::PriceTooHigh`] | `row`, `max` (yen) |
//! | `faq-too-many` | [`listings::FaqError::TooMany`] | `max` |
//! | `faq-question-empty` | [`listings::FaqError::QuestionEmpty`] | `row` |
//! | `faq-question-too-long` | [`listings::FaqError::QuestionTooLong`] | `row`, `max` |
//! | `faq-answer-empty` | [`listings::FaqError::AnswerEmpty`] | `row` |
//! | `faq-answer-too-long` | [`listings::FaqError::AnswerTooLong`] | `row`, `max` |
//! | `faq-invalid-characters` | [`listings::FaqError::InvalidCharacters`] | `row` |
//! | `listing-status-unknown` | [`listings::ListingStatusError::Unknown`] | |
//! | `listing-status-transition-not-allowed` | [`listings::ListingStatusError::TransitionNotAllowed`] | |
//! | `listing-category-empty` | [`listings::CategoryError::Empty`] | |
//! | `listing-category-unknown` | [`listings::CategoryError::Unknown`] | |
//! | `listing-category-not-leaf` | [`listings::CategoryError::NotLeaf`] | |
//! | `order-state-unknown` | [`orders::OrderStateError::Unknown`] | |
//! | `order-transition-not-allowed` | [`orders::OrderTransitionError::NotAllowed`] | |
//! | `order-send-back-limit-reached` | [`orders::OrderTransitionError::SendBackLimitReached`] | `max` |
//! | `order-nothing-delivered` | [`orders::OrderTransitionError::NothingDelivered`] | |
//! | `order-amount-negative` | [`orders::PricingError::NegativeAmount`] | |
//! | `order-discount-too-large` | [`orders::PricingError::DiscountTooLarge`] | `max` (yen) |
//! | `order-amount-too-large` | [`orders::PricingError::Overflow`] | |
//! | `order-text-empty` | [`orders::OrderTextError::Empty`] | |
//! | `order-text-too-long` | [`orders::OrderTextError::TooLong`] | `max` |
//! | `order-text-invalid-characters` | [`orders::OrderTextError::InvalidCharacters`] | |
//! | `rating-invalid` | [`orders::RatingError::Invalid`] | |
//! | `coupon-code-invalid` | [`promotions::CouponError::InvalidCode`] | |
//! | `coupon-not-found` | [`promotions::CouponError::NotFound`] | |
//! | `coupon-expired` | [`promotions::CouponError::Expired`] | |
//! | `coupon-below-minimum` | [`promotions::CouponError::BelowMinimum`] | `min` (yen) |
//! | `coupon-already-used` | [`promotions::CouponError::AlreadyUsed`] | |
//! | `points-invalid` | [`promotions::PointsError::Invalid`] | |
//! | `points-exceed-balance` | [`promotions::PointsError::ExceedsBalance`] | `balance` |
//! | `payout-balance-too-low` | [`payouts::schedule::PayoutError::BalanceTooLow`] | `fee` (yen) |
//! | `kana-invalid-character` | [`payouts::KanaError::InvalidCharacter`] | `character` |
//! | `bank-code-invalid` | [`payouts::BankAccountError::BankCodeInvalid`] | `digits` |
//! | `branch-code-invalid` | [`payouts::BankAccountError::BranchCodeInvalid`] | `digits` |
//! | `account-type-unknown` | [`payouts::BankAccountError::AccountTypeUnknown`] | |
//! | `account-number-invalid` | [`payouts::BankAccountError::AccountNumberInvalid`] | `max` |
//! | `account-holder-empty` | [`payouts::BankAccountError::AccountHolderEmpty`] | |
//! | `account-holder-too-long` | [`payouts::BankAccountError::AccountHolderTooLong`] | `max` |
//! | `account-holder-invalid-characters` | [`payouts::BankAccountError::AccountHolderInvalidCharacters`] | `character` |
//! | `bank-unknown` | [`payouts::BankLookupError::UnknownBank`] | |
//! | `branch-unknown` | [`payouts::BankLookupError::UnknownBranch`] | |
//! | `zengin-no-transfers` | [`payouts::ZenginError::NoTransfers`] | |
//! | `zengin-too-many-transfers` | [`payouts::ZenginError::TooManyTransfers`] | `max` |
//! | `zengin-date-invalid` | [`payouts::ZenginError::DateInvalid`] | |
//! | `zengin-field-not-numeric` | [`payouts::ZenginError::FieldNotNumeric`] | `record`, `field`, `max_digits` |
//! | `zengin-field-too-long` | [`payouts::ZenginError::FieldTooLong`] | `record`, `field`, `max` |
//! | `zengin-invalid-character` | [`payouts::ZenginError::InvalidCharacter`] | `record`, `field`, `character` |
//! | `zengin-amount-invalid` | [`payouts::ZenginError::AmountInvalid`] | `record` |
//! | `zengin-amount-too-large` | [`payouts::ZenginError::AmountTooLarge`] | `record`, `max` (yen) |
//! | `zengin-total-too-large` | [`payouts::ZenginError::TotalTooLarge`] | `max` (yen) |
//! | `withdrawal-reason-unknown` | [`withdrawal::ReasonError::UnknownChoice`] | |
//! | `withdrawal-comment-too-long` | [`withdrawal::ReasonError::CommentTooLong`] | `max` |
//! | `zengin-file-malformed` | [`payouts::ZenginError::Malformed`] | `record` |
//!
//! Arguments marked "(yen)" are [`Yen`] values in the error; pass `.get()` (a number, which
//! the message formats with digit grouping), not the `¥1,234` display form. A
//! [`listings::PriceError::Money`] has the code of the [`money::MoneyError`] inside it.
//! A Zengin `field` argument is [`payouts::zengin::ZenginField::name_ja`], the field's name
//! in the 全銀協 format (used in both languages).
//! Every code has a message in `errors.ftl` of both locales (a test below checks it); category
//! names are messages too, see [`listings::Category::message_id`].
//!
//! Profile-completeness suggestions have message ids too (`suggest-add-avatar`,
//! `suggest-write-introduction`, `suggest-extend-introduction`, `suggest-add-skills`,
//! `suggest-add-career`, `suggest-add-track-record`, `suggest-add-sns-link`,
//! `suggest-choose-nda`, `suggest-verify-identity`); see [`profile::Suggestion::key`].

pub mod accounts;
pub mod identity;
pub mod ids;
pub mod listings;
pub mod locale;
pub mod money;
pub mod orders;
pub mod paging;
pub mod payouts;
pub mod profile;
pub mod promotions;
pub mod search;
pub mod stored;
pub mod time;
pub mod withdrawal;

mod numbers;
pub mod text;

pub use ids::{DocumentId, JobId, TokenId, UserId, new_id};
pub use locale::Locale;
pub use money::Yen;
pub use stored::UnknownKey;
pub use time::Timestamp;

#[cfg(test)]
mod tests {
    use crate::Yen;
    use crate::accounts::{EmailError, PasswordError};
    use crate::identity::IdentityError;
    use crate::listings::{
        BuyerNotesError, CategoryError, DeliveryDaysError, FaqError, ListingDescriptionError,
        ListingStatus, ListingStatusError, ListingTitleError, PaidOptionsError, PriceError,
        RevisionsError,
    };
    use crate::money::MoneyError;
    use crate::orders::{
        OrderEvent, OrderState, OrderStateError, OrderTextError, OrderTransitionError,
        PricingError, RatingError,
    };
    use crate::profile::{
        DisplayNameError, NdaWillingnessError, ProfileTextError, SkillsError, SnsLinksError,
        Suggestion,
    };
    use crate::promotions::{CouponError, PointsError};

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
            MoneyError::Empty.code(),
            MoneyError::NotANumber.code(),
            MoneyError::TooLarge { max: Yen::ZERO }.code(),
            PriceError::BelowMinimum { min: Yen::ZERO }.code(),
            PriceError::TooHigh { max: Yen::ZERO }.code(),
            ListingTitleError::Empty.code(),
            ListingTitleError::TooLong { max: 0 }.code(),
            ListingTitleError::InvalidCharacters.code(),
            ListingDescriptionError::Empty.code(),
            ListingDescriptionError::TooLong { max: 0 }.code(),
            ListingDescriptionError::InvalidCharacters.code(),
            BuyerNotesError::TooLong { max: 0 }.code(),
            BuyerNotesError::InvalidCharacters.code(),
            DeliveryDaysError::Empty.code(),
            DeliveryDaysError::NotANumber.code(),
            DeliveryDaysError::OutOfRange { min: 0, max: 0 }.code(),
            RevisionsError::Invalid.code(),
            RevisionsError::TooMany { max: 0 }.code(),
            PaidOptionsError::TooMany { max: 0 }.code(),
            PaidOptionsError::TitleEmpty { row: 1 }.code(),
            PaidOptionsError::TitleTooLong { row: 1, max: 0 }.code(),
            PaidOptionsError::TitleInvalidCharacters { row: 1 }.code(),
            PaidOptionsError::PriceEmpty { row: 1 }.code(),
            PaidOptionsError::PriceNotANumber { row: 1 }.code(),
            PaidOptionsError::PriceBelowMinimum {
                row: 1,
                min: Yen::ZERO,
            }
            .code(),
            PaidOptionsError::PriceTooHigh {
                row: 1,
                max: Yen::ZERO,
            }
            .code(),
            FaqError::TooMany { max: 0 }.code(),
            FaqError::QuestionEmpty { row: 1 }.code(),
            FaqError::QuestionTooLong { row: 1, max: 0 }.code(),
            FaqError::AnswerEmpty { row: 1 }.code(),
            FaqError::AnswerTooLong { row: 1, max: 0 }.code(),
            FaqError::InvalidCharacters { row: 1 }.code(),
            ListingStatusError::Unknown.code(),
            ListingStatusError::TransitionNotAllowed {
                from: ListingStatus::Deleted,
                to: ListingStatus::Published,
            }
            .code(),
            CategoryError::Empty.code(),
            CategoryError::Unknown.code(),
            CategoryError::NotLeaf.code(),
            OrderStateError::Unknown.code(),
            OrderTransitionError::NotAllowed {
                from: OrderState::Completed,
                event: OrderEvent::Approve,
            }
            .code(),
            OrderTransitionError::SendBackLimitReached { max: 0 }.code(),
            OrderTransitionError::NothingDelivered.code(),
            PricingError::NegativeAmount.code(),
            PricingError::DiscountTooLarge { max: Yen::ZERO }.code(),
            PricingError::Overflow.code(),
            OrderTextError::Empty.code(),
            OrderTextError::TooLong { max: 0 }.code(),
            OrderTextError::InvalidCharacters.code(),
            RatingError::Invalid.code(),
            CouponError::InvalidCode.code(),
            CouponError::NotFound.code(),
            CouponError::Expired.code(),
            CouponError::BelowMinimum { min: Yen::ZERO }.code(),
            CouponError::AlreadyUsed.code(),
            PointsError::Invalid.code(),
            PointsError::ExceedsBalance { balance: 0 }.code(),
            crate::payouts::schedule::PayoutError::BalanceTooLow { fee: Yen::ZERO }.code(),
            crate::payouts::KanaError::InvalidCharacter { character: 'x' }.code(),
            crate::payouts::BankAccountError::BankCodeInvalid { digits: 0 }.code(),
            crate::payouts::BankAccountError::BranchCodeInvalid { digits: 0 }.code(),
            crate::payouts::BankAccountError::AccountTypeUnknown.code(),
            crate::payouts::BankAccountError::AccountNumberInvalid { max: 0 }.code(),
            crate::payouts::BankAccountError::AccountHolderEmpty.code(),
            crate::payouts::BankAccountError::AccountHolderTooLong { max: 0 }.code(),
            crate::payouts::BankAccountError::AccountHolderInvalidCharacters { character: 'x' }
                .code(),
            crate::payouts::BankLookupError::UnknownBank.code(),
            crate::payouts::BankLookupError::UnknownBranch.code(),
            crate::payouts::ZenginError::NoTransfers.code(),
            crate::payouts::ZenginError::TooManyTransfers { max: 0 }.code(),
            crate::payouts::ZenginError::DateInvalid.code(),
            crate::payouts::ZenginError::FieldNotNumeric {
                record: 1,
                field: crate::payouts::zengin::ZenginField::RequesterCode,
                max_digits: 0,
            }
            .code(),
            crate::payouts::ZenginError::FieldTooLong {
                record: 1,
                field: crate::payouts::zengin::ZenginField::RequesterName,
                max: 0,
            }
            .code(),
            crate::payouts::ZenginError::InvalidCharacter {
                record: 1,
                field: crate::payouts::zengin::ZenginField::RecipientName,
                character: 'x',
            }
            .code(),
            crate::payouts::ZenginError::AmountInvalid { record: 2 }.code(),
            crate::payouts::ZenginError::AmountTooLarge {
                record: 2,
                max: Yen::ZERO,
            }
            .code(),
            crate::payouts::ZenginError::TotalTooLarge { max: Yen::ZERO }.code(),
            crate::withdrawal::ReasonError::UnknownChoice.code(),
            crate::withdrawal::ReasonError::CommentTooLong { max: 0 }.code(),
            crate::payouts::ZenginError::Malformed {
                record: 1,
                reason: "",
            }
            .code(),
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

    /// Message ids defined in a Fluent file (`key = value` lines).
    fn ftl_ids(ftl: &str) -> std::collections::BTreeSet<&str> {
        ftl.lines()
            .filter(|line| !line.starts_with(['#', ' ']) && !line.trim().is_empty())
            .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim()))
            .collect()
    }

    #[test]
    fn every_error_code_has_a_message_in_both_locales() {
        let ja = ftl_ids(include_str!("../../i18n/locales/ja/errors.ftl"));
        let en = ftl_ids(include_str!("../../i18n/locales/en/errors.ftl"));
        for code in all_error_codes() {
            assert!(ja.contains(code), "{code} missing from ja/errors.ftl");
            assert!(en.contains(code), "{code} missing from en/errors.ftl");
        }
    }
}
