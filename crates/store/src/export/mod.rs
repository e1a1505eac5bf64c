//! The data export: the archives members asked for, what an archive holds ([`tables`]) and the
//! section reads it is built from ([`sections`]).

pub mod archives;
pub mod sections;
pub mod tables;
