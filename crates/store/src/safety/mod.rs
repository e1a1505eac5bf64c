//! Trust and safety rows of the safety lane: blocks between members and the operators' NG
//! words for the contact-details rule.

pub mod blocks;
pub mod ng_words;
