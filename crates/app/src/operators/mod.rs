//! Operators (運営): creation from the command line, and the audit log of their actions.

pub mod audit;
pub mod create;
