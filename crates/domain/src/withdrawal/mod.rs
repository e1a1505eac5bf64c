//! Withdrawal (退会): what blocks it and when each blocker clears, and what happens to each
//! kind of data — the one table that the withdrawal page, the erasure receipt and the privacy
//! page all show. One file per concept.

pub mod blockers;
pub mod data;

pub use blockers::{Blocker, BlockerKind, Side, order_blocks, order_clears_at};
pub use data::{DATA_TABLE, DataCategory, Fate};
