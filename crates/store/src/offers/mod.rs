//! Quote consultations (見積り相談) and the custom offers sent in them.

pub mod consultations;
pub mod erasure;
pub mod versions;
