//! The store's error type.

/// A database failure. Callers that care about a unique key ask [`Error::unique_violation`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("a migration file is not named VERSION_description.sql: {0}")]
    MigrationName(String),
    #[error("migration sets differ between backends: {0}")]
    MigrationMismatch(String),
}

impl Error {
    /// True when the statement broke a UNIQUE constraint (both backends report it the same way).
    pub fn unique_violation(&self) -> bool {
        matches!(self, Error::Sqlx(sqlx::Error::Database(e)) if e.is_unique_violation())
    }

    /// True when the row asked for did not exist (`fetch_one` found nothing).
    pub fn not_found(&self) -> bool {
        matches!(self, Error::Sqlx(sqlx::Error::RowNotFound))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
