//! Copying SQLite's write-ahead log back into the database file off the writer's path.
//!
//! By default the connection whose commit takes the log past 1,000 pages copies them back
//! itself (a checkpoint, with an fsync), holding the single writer meanwhile: every few
//! hundred purchases one of them, and everyone queued behind it, waited for the disk. The
//! writer's automatic checkpoints are off instead, and this task runs a PASSIVE checkpoint on
//! its own connection whenever this process committed since the last one, at most every
//! [`EVERY`]. A PASSIVE checkpoint takes no lock writers or readers wait for: it copies what no
//! reader still needs and leaves the rest for the next round.

use std::sync::Weak;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

/// How often the log is copied back while commits go on.
pub const EVERY: Duration = Duration::from_millis(250);

/// Starts the task for the database of `options`. It ends when the last handle counting
/// `commits` is dropped (the [`crate::Db`] and all its clones).
pub(crate) fn start(options: SqliteConnectOptions, commits: Weak<AtomicU64>) {
    tokio::spawn(async move {
        let mut connection: Option<SqliteConnection> = None;
        let mut copied_at = 0;
        loop {
            tokio::time::sleep(EVERY).await;
            let Some(now) = commits.upgrade().map(|c| c.load(Ordering::Acquire)) else {
                break;
            };
            if now == copied_at {
                continue;
            }
            if connection.is_none() {
                connection = SqliteConnection::connect_with(&options).await.ok();
            }
            let Some(c) = connection.as_mut() else {
                continue;
            };
            match sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                .execute(&mut *c)
                .await
            {
                Ok(_) => copied_at = now,
                Err(e) => {
                    tracing::warn!(error = %e, "could not copy the write-ahead log back");
                    connection = None;
                }
            }
        }
        if let Some(c) = connection {
            let _ = c.close().await;
        }
    });
}
