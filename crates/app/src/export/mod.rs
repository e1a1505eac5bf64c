//! The data export (データのダウンロード): a member asks for an archive of everything the
//! platform holds about them; a job builds it ([`build`]) as JSON, CSV, a readable
//! `index.html`, their files and a signed bundle of the reviews they received ([`signed`]);
//! it stays downloadable for [`VALID_DAYS`] days; one archive per day ([`request`]).

pub mod archive;
pub mod build;
pub mod request;
pub mod schema;
pub mod signed;
mod stage;
pub mod zip;

pub use archive::Archive;

/// The version of the archive's data format (`schema/export.schema.json`).
pub const SCHEMA_VERSION: &str = "https://yorozu.example/schema/export/v1";
/// Bytes per stored (encrypted) part of an archive: what the build holds (with its encrypted
/// copy) at the most, whatever the size of the account.
pub const PART_BYTES: usize = 1024 * 1024;
/// Days an archive can be downloaded.
pub const VALID_DAYS: i64 = 7;
/// Hours between two archives of one member.
pub const HOURS_BETWEEN: i64 = 24;
/// The settings page.
pub const PAGE_PATH: &str = "/settings/export";

/// The stored key of part `n` of archive `id`.
pub fn part_key(id: i64, n: i64) -> String {
    format!("exports/{id}-{n}")
}
