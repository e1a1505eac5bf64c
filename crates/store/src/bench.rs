//! A scratch table for `yorozu bench`: the raw single-row INSERT transaction that order
//! placement is compared with, measured through the same pool and driver.

use crate::{Exec, Result, execute};

/// Creates the scratch table if it is missing (not part of the migrations on purpose).
pub async fn create_scratch_table(c: &mut impl Exec) -> Result<()> {
    execute!(
        c,
        "CREATE TABLE IF NOT EXISTS bench_raw (id BIGINT PRIMARY KEY, payload TEXT NOT NULL, created_at BIGINT NOT NULL)"
    )?;
    Ok(())
}

/// Inserts one row.
pub async fn insert_scratch_row(c: &mut impl Exec, id: i64, payload: &str, now: i64) -> Result<()> {
    execute!(
        c,
        "INSERT INTO bench_raw (id, payload, created_at) VALUES ($1, $2, $3)",
        id,
        payload,
        now
    )?;
    Ok(())
}
