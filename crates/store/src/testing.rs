//! Test support: a fresh, migrated database of each kind.
//!
//! SQLite tests get a temporary file; PostgreSQL tests get their own schema in the database
//! named by `YOROZU_TEST_POSTGRES_URL` (set by `scripts/test.sh`, so CI runs both halves).
//! Without that variable the PostgreSQL half of each test is skipped ([`TestDb::postgres_if_set`]),
//! with one line per test binary saying so, so that a plain `cargo test` runs on SQLite alone; with
//! it set, a server that cannot be reached fails the test.

use crate::{Backend, Db, DbConfig, execute, migrate};

pub const POSTGRES_URL_VAR: &str = "YOROZU_TEST_POSTGRES_URL";

/// A database for one test; the SQLite file lives as long as this value.
#[derive(Debug)]
pub struct TestDb {
    pub db: Db,
    _dir: Option<TempDir>,
    /// How to connect again (a second process's pool): the URL and the PostgreSQL schema.
    config: Option<DbConfig>,
}

/// A temporary folder removed on drop.
#[derive(Debug)]
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> TempDir {
        let path =
            std::env::temp_dir().join(format!("{prefix}-{}-{}", std::process::id(), unique()));
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as u64)
        .unwrap_or(0);
    (nanos << 16) ^ NEXT.fetch_add(1, Ordering::Relaxed)
}

impl TestDb {
    /// The folder of a SQLite test database (the database, its WAL and shared memory).
    pub fn sqlite_dir(&self) -> Option<&std::path::Path> {
        self._dir.as_ref().map(|d| d.0.as_path())
    }

    /// A second, independent connection pool to the same PostgreSQL schema, as another
    /// `yorozu serve` process would have.
    pub async fn another_pool(&self) -> Db {
        let config = self
            .config
            .as_ref()
            .expect("another pool is for PostgreSQL test databases");
        Db::connect(config).await.expect("connect again")
    }

    pub async fn new(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => Self::sqlite().await,
            Backend::Postgres => Self::postgres().await,
        }
    }

    pub async fn sqlite() -> TestDb {
        let t = Self::empty_sqlite().await;
        migrate(&t.db).await.expect("migrate sqlite");
        t
    }

    /// A PostgreSQL test database, or `None` (after saying so once) when
    /// `YOROZU_TEST_POSTGRES_URL` is not set: the caller skips its PostgreSQL half.
    pub async fn postgres_if_set() -> Option<TestDb> {
        let url = postgres_url()?;
        let t = Self::empty_postgres_at(url).await;
        migrate(&t.db).await.expect("migrate postgres");
        Some(t)
    }

    /// A PostgreSQL test database; fails the test when `YOROZU_TEST_POSTGRES_URL` is not set
    /// (for tests that cannot be skipped, e.g. inside a test already on PostgreSQL).
    pub async fn postgres() -> TestDb {
        let t = Self::empty_postgres().await;
        migrate(&t.db).await.expect("migrate postgres");
        t
    }

    /// A database without any table (not migrated).
    pub async fn empty(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => Self::empty_sqlite().await,
            Backend::Postgres => Self::empty_postgres().await,
        }
    }

    async fn empty_sqlite() -> TestDb {
        let dir = TempDir::new("yorozu-test");
        let url = format!("sqlite://{}", dir.0.join("test.db").display());
        let db = Db::connect(&DbConfig {
            url,
            max_connections: 4,
            pg_schema: None,
        })
        .await
        .expect("open sqlite");
        TestDb {
            db,
            _dir: Some(dir),
            config: None,
        }
    }

    async fn empty_postgres() -> TestDb {
        let url = std::env::var(POSTGRES_URL_VAR).unwrap_or_else(|_| {
            panic!(
                "{POSTGRES_URL_VAR} is not set. Run the test suite with `bash scripts/test.sh`, which starts \
                 PostgreSQL, or set it to a database this user may create schemas in."
            )
        });
        Self::empty_postgres_at(url).await
    }

    async fn empty_postgres_at(url: String) -> TestDb {
        let schema = format!("t{}", unique());
        let admin = Db::connect(&DbConfig {
            url: url.clone(),
            max_connections: 1,
            pg_schema: None,
        })
        .await
        .expect("connect to PostgreSQL");
        let mut tx = admin.begin().await.expect("begin");
        let create = format!("CREATE SCHEMA {schema}");
        execute!(&mut tx, sqlx::AssertSqlSafe(create)).expect("create schema");
        tx.commit().await.expect("commit");
        admin.close().await;
        let config = DbConfig {
            url,
            max_connections: 8,
            pg_schema: Some(schema),
        };
        let db = Db::connect(&config).await.expect("connect to test schema");
        TestDb {
            db,
            _dir: None,
            config: Some(config),
        }
    }
}

/// The PostgreSQL test URL; when it is not set, says once per test binary that the
/// PostgreSQL tests are skipped (written to stderr directly, past the test harness's capture).
pub fn postgres_url() -> Option<String> {
    let url = std::env::var(POSTGRES_URL_VAR).ok();
    if url.is_none() {
        static SAID: std::sync::Once = std::sync::Once::new();
        SAID.call_once(|| {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "{POSTGRES_URL_VAR} is not set: PostgreSQL tests are skipped, SQLite only \
                 (`bash scripts/test.sh` runs both)."
            );
        });
    }
    url
}

/// Defines one async test per backend: `both_backends!(name, |db| async move { ... });`
/// expands to `mod name { #[tokio::test] async fn sqlite() ... async fn postgres() ... }`.
/// The PostgreSQL half returns at once, passing, when `YOROZU_TEST_POSTGRES_URL` is not set.
#[macro_export]
macro_rules! both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let t = $crate::testing::TestDb::sqlite().await;
                ($body)(t.db.clone()).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(t) = $crate::testing::TestDb::postgres_if_set().await else {
                    return;
                };
                ($body)(t.db.clone()).await;
            }
        }
    };
}
