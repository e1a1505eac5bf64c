//! Moderation (通報と運営の対応): members report services, profiles, talk-room messages and
//! reviews; operators work through the queue grouped by target and act (dismiss, hide a
//! service, remove a message or review, warn or suspend the member), each action with a
//! reason the member sees, an audit entry, and the outcome mailed to the reporters.
//!
//! A member's standing ([`standing::check`]) is the one place the rest of the application
//! asks whether a suspension stops what they are about to do.

pub mod actions;
pub mod automatic;
pub mod holds;
mod mail;
pub mod my_reports;
pub mod notices;
pub(crate) mod purge;
pub mod queue;
pub mod report;
pub mod standing;
pub mod suspension;
pub mod targets;

pub use targets::Target;

use yorozu_domain::moderation::TEXT_MAX_CHARS;
use yorozu_domain::orders::{OrderText, OrderTextError};

/// An operator's reason or a reporter's comment: required, at most [`TEXT_MAX_CHARS`].
pub(crate) fn parse_text(raw: &str) -> Result<String, OrderTextError> {
    OrderText::parse(raw, TEXT_MAX_CHARS, true).map(OrderText::into_string)
}
