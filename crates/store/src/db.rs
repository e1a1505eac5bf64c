//! The `Db` handle: one API over SQLite and PostgreSQL.
//!
//! Store functions take `&mut impl Exec` so that the same function runs inside a transaction
//! (`Tx`) or on a plain pooled connection (`PoolConn`). The SQL text is the same for both
//! backends; the `fetch_*!`/`execute!` macros only dispatch on the connection type.

use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{
    Connection, PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool, Transaction,
};

use crate::Error;
use crate::writer_turns::WriterTurns;

/// Which database engine a [`Db`] talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A connection pool for one of the two supported databases.
#[derive(Clone, Debug)]
pub enum Db {
    /// SQLite has a single writer. Writes go through a one-connection pool so that transactions
    /// queue in the application instead of failing with `SQLITE_BUSY` when a read lock is
    /// upgraded; reads use a wider pool, which WAL mode lets run beside the writer.
    ///
    /// Request transactions go before job work at the writer ([`Db::begin_background`],
    /// [`WriterTurns`]).
    Sqlite {
        write: SqlitePool,
        read: SqlitePool,
        turns: Arc<WriterTurns>,
        commits: Arc<AtomicU64>,
    },
    Postgres {
        pool: PgPool,
        commits: Arc<AtomicU64>,
    },
}

/// An open transaction. Dropping it without [`Tx::commit`] rolls back.
#[derive(Debug)]
pub struct Tx {
    inner: TxInner,
    /// The handle's count of committed transactions ([`Db::commits`]).
    commits: Arc<AtomicU64>,
}

#[derive(Debug)]
enum TxInner {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// A pooled connection outside any explicit transaction, for reads.
#[derive(Debug)]
pub enum PoolConn {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

/// A borrowed connection of either kind; what the query macros dispatch on.
#[derive(Debug)]
pub enum Conn<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

/// Anything a store function can run a query on.
pub trait Exec: Send {
    fn conn(&mut self) -> Conn<'_>;

    fn backend(&mut self) -> Backend {
        match self.conn() {
            Conn::Sqlite(_) => Backend::Sqlite,
            Conn::Postgres(_) => Backend::Postgres,
        }
    }
}

impl Exec for Tx {
    fn conn(&mut self) -> Conn<'_> {
        match &mut self.inner {
            TxInner::Sqlite(t) => Conn::Sqlite(&mut *t),
            TxInner::Postgres(t) => Conn::Postgres(&mut *t),
        }
    }
}

impl Exec for PoolConn {
    fn conn(&mut self) -> Conn<'_> {
        match self {
            PoolConn::Sqlite(c) => Conn::Sqlite(&mut *c),
            PoolConn::Postgres(c) => Conn::Postgres(&mut *c),
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), Error> {
        match self.inner {
            TxInner::Sqlite(t) => t.commit().await?,
            TxInner::Postgres(t) => t.commit().await?,
        }
        self.commits.fetch_add(1, Ordering::AcqRel);
        Ok(())
    }
}

/// Connection settings, parsed from a URL (`sqlite://path` or `postgres://…`).
#[derive(Clone)]
pub struct DbConfig {
    pub url: String,
    pub max_connections: u32,
    /// PostgreSQL only: the schema to use (tests give each test its own).
    pub pg_schema: Option<String>,
}

impl std::fmt::Debug for DbConfig {
    // The URL may carry a password; never print it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown = match self.url.split_once('@') {
            Some((_, host)) => format!("…@{host}"),
            None => self.url.clone(),
        };
        f.debug_struct("DbConfig")
            .field("url", &shown)
            .field("max_connections", &self.max_connections)
            .finish()
    }
}

impl Db {
    /// Opens the pools (creating the SQLite file if needed). Does not migrate.
    pub async fn connect(config: &DbConfig) -> Result<Db, Error> {
        if config.url.starts_with("postgres://") || config.url.starts_with("postgresql://") {
            let mut options = PgConnectOptions::from_str(&config.url)?;
            if let Some(schema) = &config.pg_schema {
                options = options.options([("search_path", schema.as_str())]);
            }
            let pool = PgPoolOptions::new()
                .max_connections(config.max_connections)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(options)
                .await?;
            Ok(Db::Postgres {
                pool,
                commits: Arc::default(),
            })
        } else {
            let options = SqliteConnectOptions::from_str(&config.url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                // Memory-mapped reads share the operating system's page cache between all
                // connections; without it each connection re-reads pages into its own small cache.
                .pragma("mmap_size", "4294967296")
                .pragma("cache_size", "-16384")
                // Freed cells and pages are zeroed, so that erased personal data does not
                // linger in the file (withdrawal::scrub finishes the job for the WAL).
                .pragma("secure_delete", "on");
            // The writer leaves copying the log back to the checkpointer (see there).
            let write = SqlitePoolOptions::new()
                .max_connections(1)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(options.clone().pragma("wal_autocheckpoint", "0"))
                .await?;
            let read = SqlitePoolOptions::new()
                .max_connections(config.max_connections.max(2))
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(options.clone().read_only(true))
                .await?;
            let commits = Arc::default();
            crate::checkpointer::start(options, Arc::downgrade(&commits));
            Ok(Db::Sqlite {
                write,
                read,
                turns: Arc::default(),
                commits,
            })
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite { .. } => Backend::Sqlite,
            Db::Postgres { .. } => Backend::Postgres,
        }
    }

    /// Begins a read-write transaction for a member's request (or anything not job work).
    /// On SQLite it counts as waiting for the writer until it has it, so that job work gives
    /// way ([`Db::begin_background`]).
    pub async fn begin(&self) -> Result<Tx, Error> {
        Ok(match self {
            Db::Sqlite {
                write,
                turns,
                commits,
                ..
            } => {
                let _waiting = turns.request();
                Tx {
                    inner: TxInner::Sqlite(write.begin().await?),
                    commits: commits.clone(),
                }
            }
            Db::Postgres { pool, commits } => Tx {
                inner: TxInner::Postgres(pool.begin().await?),
                commits: commits.clone(),
            },
        })
    }

    /// Begins a read-write transaction for background job work (the purge's batches, an
    /// export's progress, the job runner's bookkeeping): on SQLite it waits while members'
    /// requests wait for the single writer (bounded; see [`WriterTurns`]), and only one such
    /// transaction queues at a time. Keep these transactions short. On PostgreSQL, the same
    /// as [`Db::begin`].
    pub async fn begin_background(&self) -> Result<Tx, Error> {
        match self {
            Db::Sqlite {
                write,
                turns,
                commits,
                ..
            } => {
                let _turn = turns.job_turn().await;
                Ok(Tx {
                    inner: TxInner::Sqlite(write.begin().await?),
                    commits: commits.clone(),
                })
            }
            Db::Postgres { .. } => self.begin().await,
        }
    }

    /// How many write transactions this handle (and its clones: one process) has committed.
    /// A cache fed by the database's change logs compares it with the count it last read at:
    /// unchanged, nothing this process wrote can be missing from it.
    pub fn commits(&self) -> u64 {
        match self {
            Db::Sqlite { commits, .. } | Db::Postgres { commits, .. } => {
                commits.load(Ordering::Acquire)
            }
        }
    }

    /// A connection for reads outside a transaction.
    pub async fn read(&self) -> Result<PoolConn, Error> {
        Ok(match self {
            Db::Sqlite { read, .. } => PoolConn::Sqlite(read.acquire().await?),
            Db::Postgres { pool, .. } => PoolConn::Postgres(pool.acquire().await?),
        })
    }

    /// Checks that the database answers (for `/readyz`).
    pub async fn ping(&self) -> Result<(), Error> {
        match self {
            Db::Sqlite { read, .. } => read.acquire().await?.ping().await?,
            Db::Postgres { pool, .. } => pool.acquire().await?.ping().await?,
        }
        Ok(())
    }

    /// Sets the SQLite writer up for a bulk load (`on`): no fsync, a 1 GiB page cache (so
    /// that the pages of large indexes change in memory many times before each is written)
    /// and statement journals in memory. `false` restores the settings of `connect`. A crash during a bulk load may
    /// lose it, which is why only generated data sets use it. Nothing to do on PostgreSQL.
    pub async fn bulk_loading(&self, on: bool) -> Result<(), Error> {
        if let Db::Sqlite { write, .. } = self {
            let mut c = write.acquire().await?;
            let pragmas = if on {
                [
                    "PRAGMA synchronous = OFF",
                    "PRAGMA cache_size = -1048576",
                    "PRAGMA temp_store = MEMORY",
                ]
            } else {
                [
                    "PRAGMA synchronous = NORMAL",
                    "PRAGMA cache_size = -16384",
                    "PRAGMA temp_store = DEFAULT",
                ]
            };
            for pragma in pragmas {
                sqlx::query(pragma).execute(&mut *c).await?;
            }
        }
        Ok(())
    }

    /// Readies the database after a bulk load: the planner's statistics (SQLite: `ANALYZE`),
    /// and on PostgreSQL `VACUUM (ANALYZE)` of the current schema's tables, so that the
    /// visibility map is set (index-only scans) and autovacuum does not start on the fresh
    /// tables later. Only the current schema: a bare command would lock every schema's tables.
    pub async fn settle_after_bulk_load(&self) -> Result<(), Error> {
        match self {
            Db::Sqlite { .. } => {
                let mut tx = self.begin().await?;
                crate::execute!(&mut tx, "ANALYZE")?;
                tx.commit().await?;
            }
            Db::Postgres { pool, .. } => {
                // VACUUM cannot run inside a transaction: one pooled connection, no BEGIN.
                let mut c = pool.acquire().await?;
                let tables: Vec<String> = sqlx::query_scalar(
                    "SELECT tablename::TEXT FROM pg_tables WHERE schemaname = current_schema()",
                )
                .fetch_all(&mut *c)
                .await?;
                for table in tables {
                    // A name from the catalogue, quoted as an identifier.
                    let sql = format!("VACUUM (ANALYZE) \"{}\"", table.replace('"', "\"\""));
                    sqlx::query(sqlx::AssertSqlSafe(sql))
                        .execute(&mut *c)
                        .await?;
                }
            }
        }
        Ok(())
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite { write, read, .. } => {
                write.close().await;
                read.close().await;
            }
            Db::Postgres { pool, .. } => pool.close().await,
        }
    }
}

/// Runs `query_as` with the given fetch method on either backend.
#[macro_export]
macro_rules! query_as {
    ($c:expr, $method:ident, $ty:ty, $sql:expr $(, $arg:expr)* $(,)?) => {
        match $crate::Exec::conn($c) {
            $crate::Conn::Sqlite(conn) => {
                sqlx::query_as::<_, $ty>($sql)$(.bind($arg))*.$method(&mut *conn).await
            }
            $crate::Conn::Postgres(conn) => {
                sqlx::query_as::<_, $ty>($sql)$(.bind($arg))*.$method(&mut *conn).await
            }
        }
    };
}

/// Runs `query_scalar` with the given fetch method on either backend.
#[macro_export]
macro_rules! query_scalar {
    ($c:expr, $method:ident, $ty:ty, $sql:expr $(, $arg:expr)* $(,)?) => {
        match $crate::Exec::conn($c) {
            $crate::Conn::Sqlite(conn) => {
                sqlx::query_scalar::<_, $ty>($sql)$(.bind($arg))*.$method(&mut *conn).await
            }
            $crate::Conn::Postgres(conn) => {
                sqlx::query_scalar::<_, $ty>($sql)$(.bind($arg))*.$method(&mut *conn).await
            }
        }
    };
}

/// Executes a statement on either backend; evaluates to `Result<u64, sqlx::Error>` (rows affected).
#[macro_export]
macro_rules! execute {
    ($c:expr, $sql:expr $(, $arg:expr)* $(,)?) => {
        match $crate::Exec::conn($c) {
            $crate::Conn::Sqlite(conn) => {
                sqlx::query($sql)$(.bind($arg))*.execute(&mut *conn).await.map(|r| r.rows_affected())
            }
            $crate::Conn::Postgres(conn) => {
                sqlx::query($sql)$(.bind($arg))*.execute(&mut *conn).await.map(|r| r.rows_affected())
            }
        }
    };
}
