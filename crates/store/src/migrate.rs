//! Migrations: sqlx's [`Migrator`] over the two folders of SQL files embedded in the binary,
//! recorded in sqlx's `_sqlx_migrations` table (version, checksum, success).
//!
//! Each backend has its own folder with the same files (a test checks it); each migration runs
//! in its own transaction. What is ours:
//! - The list of files ([`FILES`]) with `include_str!` rather than `sqlx::migrate!`: the macro
//!   needs sqlx's `macros` feature and a build script to notice a new file, while a file named
//!   here rebuilds the crate when it changes, and a test checks that none is left out.
//! - The bridge from the runner before sqlx's ([`LEGACY_TABLE`]): a database it migrated has
//!   its versions marked as applied in `_sqlx_migrations` without running them again.
//! - The lock: on PostgreSQL an advisory lock (the old runner's key, so that an old and a new
//!   process exclude each other during an upgrade) is held around the bridge and the
//!   migrations, as sqlx's own lock could not cover the bridge.

use sqlx::migrate::{Migrate, Migration, MigrationType, Migrator};
use sqlx::{Connection, PgConnection, SqliteConnection};

use crate::{Db, Error};

/// Where the runner before sqlx's recorded versions (`0001`, …): read, never written.
pub const LEGACY_TABLE: &str = "schema_migrations";
/// sqlx's table of applied migrations.
const TABLE: &str = "_sqlx_migrations";
/// The PostgreSQL advisory lock around migrations (the same key as before sqlx).
const LOCK: i64 = 7242001;

/// One migration file: its name (`0001_accounts.sql`) and its SQL for each backend.
struct File {
    name: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

macro_rules! migration {
    ($file:literal) => {
        File {
            name: $file,
            sqlite: include_str!(concat!("../migrations/sqlite/", $file)),
            postgres: include_str!(concat!("../migrations/postgres/", $file)),
        }
    };
}

const FILES: &[File] = &[
    migration!("0001_accounts.sql"),
    migration!("0002_listings.sql"),
    migration!("0003_catalog_version.sql"),
    migration!("0004_cards.sql"),
    migration!("0005_ledger.sql"),
    migration!("0006_orders.sql"),
    migration!("0007_payouts.sql"),
    migration!("0008_withdrawal_readiness.sql"),
    migration!("0009_withdrawals.sql"),
    migration!("0010_exports.sql"),
    migration!("0011_member_lists.sql"),
    migration!("0012_access_hardening.sql"),
    migration!("0013_two_step.sql"),
    migration!("0016_withdrawal_promises.sql"),
    migration!("0017_search_changes.sql"),
    migration!("0018_catalog_changes.sql"),
    migration!("0019_search_engine_only.sql"),
    migration!("0020_disputes.sql"),
    migration!("0021_moderation.sql"),
    migration!("0022_safety.sql"),
    migration!("0023_offers.sql"),
    migration!("0024_order_changes.sql"),
    migration!("0025_notifications.sql"),
    migration!("0026_block_changes.sql"),
    migration!("0027_requests.sql"),
    migration!("0028_tips.sql"),
    migration!("0029_analytics.sql"),
    migration!("0030_follow_invite.sql"),
    migration!("0031_request_search.sql"),
    migration!("0032_withdrawal_hints.sql"),
    migration!("0034_invite_reward_address.sql"),
    migration!("0035_follow_changes.sql"),
];

/// The version prefix of a file name (`0001`) and its description (`accounts`), as sqlx
/// reads a migration folder.
fn parts(name: &'static str) -> Result<(&'static str, i64, String), Error> {
    let bad = || Error::MigrationName(name.to_owned());
    let (prefix, rest) = name.split_once('_').ok_or_else(bad)?;
    let version = prefix.parse().map_err(|_| bad())?;
    let description = rest.strip_suffix(".sql").ok_or_else(bad)?;
    Ok((prefix, version, description.replace('_', " ")))
}

/// The migrator of one backend; locking is ours (see the module's comment).
fn migrator(sql: fn(&File) -> &'static str) -> Result<Migrator, Error> {
    let migrations = FILES
        .iter()
        .map(|f| {
            let (_, version, description) = parts(f.name)?;
            Ok(Migration::new(
                version,
                description.into(),
                MigrationType::Simple,
                sqlx::SqlSafeStr::into_sql_str(sql(f)),
                false,
            ))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let mut migrator = Migrator::with_migrations(migrations);
    migrator.set_locking(false);
    Ok(migrator)
}

/// Applies every migration not yet recorded. Safe to call from several processes at once on
/// PostgreSQL: an advisory lock serialises them.
pub async fn migrate(db: &Db) -> Result<(), Error> {
    match db {
        Db::Sqlite { write, .. } => {
            let migrator = migrator(|f| f.sqlite)?;
            let mut conn = write.acquire().await?;
            let legacy: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1",
            )
            .bind(LEGACY_TABLE)
            .fetch_one(&mut *conn)
            .await?;
            if legacy > 0 {
                bridge_sqlite(&mut conn, &migrator).await?;
            }
            Ok(migrator.run_direct(None, &mut *conn, false).await?)
        }
        Db::Postgres { pool, .. } => {
            let migrator = migrator(|f| f.postgres)?;
            let mut conn = pool.acquire().await?;
            let done = migrate_postgres(&mut conn, &migrator).await;
            // The lock is the session's: closing the connection releases it whatever happened
            // above (the pool opens another).
            let closed = conn.close().await;
            done?;
            Ok(closed?)
        }
    }
}

async fn migrate_postgres(conn: &mut PgConnection, migrator: &Migrator) -> Result<(), Error> {
    sqlx::query("SELECT pg_advisory_lock($1)")
        .bind(LOCK)
        .execute(&mut *conn)
        .await?;
    let legacy: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1",
    )
    .bind(LEGACY_TABLE)
    .fetch_one(&mut *conn)
    .await?;
    if legacy > 0 {
        let mut tx = conn.begin().await?;
        let recorded: Vec<String> = sqlx::query_scalar("SELECT version FROM schema_migrations")
            .fetch_all(&mut *tx)
            .await?;
        mark_applied(&mut *tx, migrator, &recorded).await?;
        tx.commit().await?;
    }
    migrator.run_direct(None, &mut *conn, false).await?;
    Ok(())
}

async fn bridge_sqlite(conn: &mut SqliteConnection, migrator: &Migrator) -> Result<(), Error> {
    let mut tx = conn.begin().await?;
    let recorded: Vec<String> = sqlx::query_scalar("SELECT version FROM schema_migrations")
        .fetch_all(&mut *tx)
        .await?;
    mark_applied(&mut *tx, migrator, &recorded).await?;
    tx.commit().await?;
    Ok(())
}

/// Marks as applied, without running them, the migrations whose versions the old runner
/// `recorded` and sqlx has not. Running it again changes nothing.
async fn mark_applied(
    conn: &mut (impl Migrate + ?Sized),
    migrator: &Migrator,
    recorded: &[String],
) -> Result<(), Error> {
    conn.ensure_migrations_table(TABLE).await?;
    let applied: Vec<i64> = conn
        .list_applied_migrations(TABLE)
        .await?
        .into_iter()
        .map(|m| m.version)
        .collect();
    for m in migrator.iter() {
        let was_run = recorded
            .iter()
            .any(|v| v.parse::<i64>().is_ok_and(|v| v == m.version));
        if was_run && !applied.contains(&m.version) {
            conn.skip(TABLE, m).await?;
        }
    }
    Ok(())
}

/// The versions known to the binary, newest last.
pub fn versions() -> Vec<&'static str> {
    FILES
        .iter()
        .filter_map(|f| parts(f.name).ok().map(|(prefix, _, _)| prefix))
        .collect()
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
            super::FILES.len(),
            "every file is listed in FILES"
        );
        for f in super::FILES {
            assert!(
                super::parts(f.name).is_ok(),
                "{} is VERSION_name.sql",
                f.name
            );
        }
    }

    use super::*;
    use crate::testing::TestDb;
    use crate::{Backend, query_scalar};

    /// Runs `sql` (several statements) outside any transaction.
    async fn run_sql(db: &Db, sql: &'static str) {
        match db {
            Db::Sqlite { write, .. } => {
                let mut c = write.acquire().await.expect("connection");
                sqlx::raw_sql(sql).execute(&mut *c).await.expect(sql);
            }
            Db::Postgres { pool, .. } => {
                sqlx::raw_sql(sql).execute(pool).await.expect(sql);
            }
        }
    }

    /// A database the runner before sqlx's migrated (every migration but the last, recorded
    /// in `schema_migrations`) upgrades without running those again, then gets the last.
    async fn a_database_of_the_old_runner_upgrades(backend: Backend) {
        let t = TestDb::empty(backend).await;
        let (last, old) = FILES.split_last().expect("migrations");
        run_sql(
            &t.db,
            "CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)",
        )
        .await;
        for f in old {
            run_sql(
                &t.db,
                match backend {
                    Backend::Sqlite => f.sqlite,
                    Backend::Postgres => f.postgres,
                },
            )
            .await;
            let mut tx = t.db.begin().await.expect("begin");
            crate::execute!(
                &mut tx,
                "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 0)",
                parts(f.name).expect("name").0
            )
            .expect("record");
            tx.commit().await.expect("commit");
        }
        // Twice: the second run finds nothing to do.
        for _ in 0..2 {
            migrate(&t.db).await.expect("migrate an old database");
            let mut c = t.db.read().await.expect("read");
            let skipped: i64 = query_scalar!(
                &mut c,
                fetch_one,
                i64,
                "SELECT COUNT(*) FROM _sqlx_migrations WHERE success AND execution_time = -1"
            )
            .expect("skipped");
            let run: Vec<i64> = query_scalar!(
                &mut c,
                fetch_all,
                i64,
                "SELECT version FROM _sqlx_migrations WHERE success AND execution_time >= 0"
            )
            .expect("run");
            assert_eq!(skipped, old.len() as i64, "recorded ones are not run again");
            assert_eq!(
                run,
                vec![parts(last.name).expect("name").1],
                "the new one runs"
            );
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_database_of_the_old_runner_upgrades_on_sqlite() {
        a_database_of_the_old_runner_upgrades(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_database_of_the_old_runner_upgrades_on_postgres() {
        if crate::testing::postgres_url().is_none() {
            return;
        }
        a_database_of_the_old_runner_upgrades(Backend::Postgres).await;
    }
}
