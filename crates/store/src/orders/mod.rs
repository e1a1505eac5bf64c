//! Orders (取引) and what hangs off them: chosen options, the talk room, formal deliveries,
//! cancellation requests and reviews. State changes are compare-and-set on the state columns,
//! so that of two racing actions on one order exactly one takes effect.

pub mod cancellations;
pub mod changes;
pub mod deliveries;
pub mod disputes;
pub mod paperwork;
pub mod reviews;
pub mod rows;
pub mod talk;
pub mod tips;

pub use rows::{OrderRow, Transition};
