//! Moderation: reports and their queue, services held back, suspensions, notices to members,
//! and the content a report points at.

pub mod holds;
pub mod notices;
pub mod reports;
pub mod suspensions;
pub mod targets;
