//! A small migration runner over SQL files embedded in the binary.
//!
//! Each backend has its own folder with the same versions (a test checks it). Each migration
//! runs in its own transaction and is recorded in `schema_migrations`.

use crate::{Backend, Db, Error, execute, query_scalar};

/// One migration: a version (the file's numeric prefix) and its SQL for each backend.
struct Migration {
    version: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

macro_rules! migration {
    ($version:literal, $file:literal) => {
        Migration {
            version: $version,
            sqlite: include_str!(concat!("../migrations/sqlite/", $file)),
            postgres: include_str!(concat!("../migrations/postgres/", $file)),
        }
    };
}

const MIGRATIONS: &[Migration] = &[
    migration!("0001", "0001_accounts.sql"),
    migration!("0002", "0002_listings.sql"),
    migration!("0003", "0003_catalog_version.sql"),
    migration!("0004", "0004_cards.sql"),
    migration!("0005", "0005_ledger.sql"),
    migration!("0006", "0006_orders.sql"),
    migration!("0007", "0007_payouts.sql"),
    migration!("0008", "0008_withdrawal_readiness.sql"),
    migration!("0009", "0009_withdrawals.sql"),
    migration!("0010", "0010_exports.sql"),
    migration!("0011", "0011_member_lists.sql"),
    migration!("0012", "0012_access_hardening.sql"),
    migration!("0013", "0013_two_step.sql"),
    migration!("0016", "0016_withdrawal_promises.sql"),
];

/// Applies every migration not yet recorded. Safe to call from several processes at once on
/// PostgreSQL: an advisory lock serialises them.
pub async fn migrate(db: &Db) -> Result<(), Error> {
    let mut tx = db.begin().await?;
    if db.backend() == Backend::Postgres {
        execute!(&mut tx, "SELECT pg_advisory_xact_lock(7242001)")?;
    }
    execute!(
        &mut tx,
        "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)"
    )?;
    for m in MIGRATIONS {
        let done: i64 = query_scalar!(
            &mut tx,
            fetch_one,
            i64,
            "SELECT COUNT(*) FROM schema_migrations WHERE version = $1",
            m.version
        )?;
        if done > 0 {
            continue;
        }
        let sql = match db.backend() {
            Backend::Sqlite => m.sqlite,
            Backend::Postgres => m.postgres,
        };
        for statement in split_statements(sql) {
            execute!(&mut tx, statement).map_err(|source| Error::Migration {
                version: m.version.to_owned(),
                source,
            })?;
        }
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        execute!(
            &mut tx,
            "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
            m.version,
            now
        )?;
    }
    tx.commit().await
}

/// Splits a migration file into statements on `;` at line ends. Our migrations contain no
/// procedural code, so this is enough and keeps each statement a prepared one.
fn split_statements(sql: &str) -> impl Iterator<Item = &str> {
    sql.split(";\n").map(str::trim).filter(|s| {
        !s.is_empty()
            && !s
                .lines()
                .all(|l| l.trim_start().starts_with("--") || l.trim().is_empty())
    })
}

/// The versions known to the binary, newest last.
pub fn versions() -> Vec<&'static str> {
    MIGRATIONS.iter().map(|m| m.version).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    fn files(dir: &str) -> BTreeSet<String> {
        std::fs::read_dir(format!("{}/migrations/{dir}", env!("CARGO_MANIFEST_DIR")))
            .expect("migration folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn both_backends_have_the_same_migration_files() {
        assert_eq!(files("sqlite"), files("postgres"));
        assert_eq!(
            files("sqlite").len(),
            super::MIGRATIONS.len(),
            "every file is listed in MIGRATIONS"
        );
    }
}
