//! Trust and safety of the safety lane: blocks between members ([`blocks`]) and the
//! contact-details rule (直接取引の禁止, [`contact`]), with the operators' NG words
//! ([`ng_words`]) and the checked forms of the writing use cases ([`checked`]).

pub mod blocks;
pub mod checked;
pub mod contact;
pub mod ng_words;
