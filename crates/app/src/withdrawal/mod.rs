//! Withdrawal (退会), from the readiness check to the purge:
//! - [`readiness`]: every blocker with the date it clears by itself, what would be forfeited;
//! - [`confirm`]: the member confirms (password, reasons, acknowledged amounts, grace period or
//!   erase now) — the account closes at once, or the withdrawal is scheduled until the last
//!   blocker clears ([`schedule`]);
//! - [`close`]: the one transaction that closes an account;
//! - [`undo`]: signing in during the grace period reopens the account;
//! - [`purge`]: the batched, resumable erasure after the grace period;
//! - [`receipt`]: the erasure receipt mailed at closing; [`stats`]: operators' numbers.

pub mod close;
pub mod confirm;
pub mod hints;
pub mod job_kinds;
pub mod jobs;
pub mod preview;
pub mod purge;
pub mod readiness;
pub mod receipt;
pub mod schedule;
pub mod stats;
pub mod undo;
mod view;

pub use view::Withdrawal;

use yorozu_domain::Timestamp;
use yorozu_domain::payouts::schedule::Date;

/// Ledger event kinds (`ledger_transactions.kind`), referenced by the withdrawal's id.
pub const LEDGER_FORFEITED: &str = "withdrawal_forfeiture";
pub const LEDGER_FORFEITURE_REVERSED: &str = "withdrawal_forfeiture_reversed";

/// `YYYY-MM` in Japan time: the only time the statistics keep.
pub(crate) fn month_of(now: i64) -> String {
    let iso = Date::in_japan(Timestamp::from_unix(now)).iso();
    iso[..7].to_owned()
}
