//! Operators (運営): creation from the command line, the console's dashboard, and the audit log
//! of their actions.

pub mod audit;
pub mod create;
pub mod dashboard;
