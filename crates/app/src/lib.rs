//! Yorozu's use cases and ports.
//!
//! Each capability has a folder (`accounts/`, `profile/`, `identity/`, `mail/`, …) with one
//! file per use case. Use cases take the [`App`] and already-parsed domain values, change the
//! database inside one transaction, and enqueue their side effects (mail, erasures) as jobs in
//! that same transaction.

pub mod accounts;
pub mod analytics;
pub mod catalog;
pub mod change_log_prune;
pub mod config;
pub mod context;
pub mod crypto;
pub mod error;
pub mod export;
pub mod follows;
pub mod freshness;
pub mod hints;
pub mod identity;
pub mod ids;
pub mod jobs;
pub mod ledger;
pub mod legal;
pub mod listings;
pub mod mail;
pub mod mailbox;
pub mod moderation;
pub mod notifications;
pub mod offers;
pub mod operators;
pub mod orders;
pub mod paperwork;
pub mod payments;
pub mod payouts;
pub mod ports;
pub mod profile;
pub mod promotions;
pub mod requests;
pub mod safety;
pub mod search_sync;
pub mod share;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod withdrawal;

pub use context::App;
pub use error::{AppError, AppResult, FieldError, Fields};
