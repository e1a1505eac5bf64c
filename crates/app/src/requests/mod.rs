//! The request board (公開依頼).
//!
//! A buyer posts a request ([`post`]); sellers find it on the board ([`board`]) and propose
//! ([`propose`]): a proposal is a consultation tied to the request whose first message is the
//! proposal's message and whose offer (version 1) carries its terms, so the seller revises it
//! as any offer ([`crate::offers::send`]) and the buyer buys it through the same final
//! confirmation screen. The purchase's transaction fills the request ([`fill`]) with a
//! conditional update, so two purchases of two proposals make one order. The request closes
//! at its proposal deadline ([`jobs`]), when filled, or early by the buyer ([`close`]);
//! every mail and notification is raised in [`notify`].

pub mod board;
pub mod close;
pub mod fill;
pub mod form;
pub mod job_kinds;
pub mod jobs;
pub mod notify;
pub mod post;
pub mod propose;
pub mod withdrawal;

use yorozu_domain::RequestId;

/// The page of a request.
pub fn request_path(id: RequestId) -> String {
    format!("/requests/{id}")
}
