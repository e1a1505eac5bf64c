//! The data export: the archives members asked for, and the section reads they are built from.

pub mod archives;
pub mod sections;
