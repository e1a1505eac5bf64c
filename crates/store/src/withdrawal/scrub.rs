//! Making a purge's erasures physical. A deleted row is gone from every query at once, but
//! its bytes can linger in the database files: on SQLite in old WAL frames and in freed
//! cells and pages, on PostgreSQL in dead tuples until a VACUUM. `secure_delete` (set on
//! every SQLite connection, see `Db::connect`) zeroes freed content as it is freed; after a
//! purge ends, [`after_purge`] moves the WAL into the database and truncates it (SQLite), or
//! vacuums the tables the purge touched (PostgreSQL).

use crate::{Db, Result};

/// The tables the purge erases from or blanks rows in (`withdrawal::purge` and the export
/// archives it discards).
pub const PURGED_TABLES: &[&str] = &[
    "users",
    "profiles",
    "listings",
    "listing_options",
    "listing_faqs",
    "listing_images",
    "listing_analytics",
    "favorites",
    "follows",
    "invite_codes",
    "invitations",
    "invite_rewards",
    "member_blocks",
    "reviews",
    "consultations",
    "consultation_messages",
    "consultation_attachments",
    "offers",
    "offer_options",
    "identity_documents",
    "bank_accounts",
    "cards",
    "exports",
    "sessions",
    "api_tokens",
    "email_tokens",
    "notification_settings",
    "notifications",
    "notification_counts",
    "message_digests",
    "sign_in_failures",
    "jobs",
    "mailbox",
    "withdrawals",
    "withdrawal_hint_views",
    "reports",
    "moderation_notices",
    "suspensions",
    "listing_holds",
    "audit_log",
    "requests",
    "request_attachments",
];

/// What [`after_purge`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scrubbed {
    /// SQLite: every WAL frame was written back and the WAL truncated to nothing.
    WalTruncated,
    /// SQLite: a reader held old frames, so part of the WAL stays until the next checkpoint
    /// (SQLite's automatic checkpoints reuse it from the start, overwriting it).
    WalBusy,
    /// PostgreSQL: the purged tables were vacuumed (their dead tuples are free space now).
    Vacuumed,
}

/// Runs after a purge has ended. Not inside a transaction: neither a truncating checkpoint
/// nor VACUUM can run in one.
pub async fn after_purge(db: &Db) -> Result<Scrubbed> {
    match db {
        Db::Sqlite { write, .. } => {
            let mut c = write.acquire().await?;
            let (busy, _log, _checkpointed): (i64, i64, i64) =
                sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                    .fetch_one(&mut *c)
                    .await?;
            Ok(if busy == 0 {
                Scrubbed::WalTruncated
            } else {
                Scrubbed::WalBusy
            })
        }
        Db::Postgres { pool, .. } => {
            let mut c = pool.acquire().await?;
            for table in PURGED_TABLES {
                // A name from the constant above, never input.
                let sql = format!("VACUUM {table}");
                sqlx::query(sqlx::AssertSqlSafe(sql))
                    .execute(&mut *c)
                    .await?;
            }
            Ok(Scrubbed::Vacuumed)
        }
    }
}
