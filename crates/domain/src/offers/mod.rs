//! Custom offers (カスタム提案) and the quote consultation (見積り相談) they are sent in.
//!
//! An offer is the seller's terms for one piece of work: the same fields and limits as a
//! service (title, what is included, price, delivery days, revisions, paid options) plus an
//! expiry. Revising an offer makes a new version and supersedes the old one, so what the
//! buyer accepted is always one stored, unchanging version. Accepting goes through the same
//! final confirmation screen as buying a service.

pub mod changes;
pub mod expiry;
pub mod state;

pub use changes::{OfferField, TermsDigest, changed_fields};
pub use expiry::{DEFAULT_OFFER_EXPIRY_DAYS, MAX_OFFER_EXPIRY_DAYS, OfferExpiry, OfferExpiryError};
pub use state::OfferState;

/// Longest reason a buyer may give for declining, in characters.
pub const DECLINE_REASON_MAX_CHARS: usize = 1_000;
