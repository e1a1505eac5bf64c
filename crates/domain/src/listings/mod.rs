//! Services (出品): what a seller offers, the form fields that describe it, its status and
//! the category tree it is filed under. One file per concept; each has its own error type.

pub mod buyer_notes;
pub mod categories;
pub mod delivery_days;
pub mod description;
pub mod faq;
pub mod options;
pub mod price;
pub mod revisions;
pub mod status;
pub mod title;
pub mod vacation;

mod field;

pub use buyer_notes::{BuyerNotes, BuyerNotesError, MAX_BUYER_NOTES_CHARS};
pub use categories::{CATEGORIES, Category, CategoryError, parse_listing_category};
pub use delivery_days::{DeliveryDays, DeliveryDaysError, MAX_DELIVERY_DAYS, MIN_DELIVERY_DAYS};
pub use description::{ListingDescription, ListingDescriptionError, MAX_LISTING_DESCRIPTION_CHARS};
pub use faq::{
    Faq, FaqEntry, FaqError, MAX_FAQ_ANSWER_CHARS, MAX_FAQ_ENTRIES, MAX_FAQ_QUESTION_CHARS,
};
pub use options::{
    DEFAULT_MIN_PAID_OPTION_PRICE, MAX_PAID_OPTION_PRICE, MAX_PAID_OPTION_TITLE_CHARS,
    MAX_PAID_OPTIONS, PaidOption, PaidOptions, PaidOptionsError,
};
pub use price::{DEFAULT_MIN_LISTING_PRICE, ListingPrice, MAX_LISTING_PRICE, PriceError};
pub use revisions::{MAX_REVISIONS, Revisions, RevisionsError};
pub use status::{ListingPageView, ListingStatus, ListingStatusError};
pub use title::{ListingTitle, ListingTitleError, MAX_LISTING_TITLE_CHARS};
pub use vacation::{Vacation, purchasable_now};
