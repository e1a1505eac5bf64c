//! The catalogue version: see `migrations/*/0003_catalog_version.sql`.

use crate::{Exec, Result, execute, query_scalar};

/// The current version (one primary-key read).
pub async fn version(c: &mut impl Exec) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT version FROM catalog_version WHERE id = 1"
    )?)
}

/// Marks the catalogue changed; call inside the transaction that changes it.
pub async fn bump(c: &mut impl Exec) -> Result<()> {
    execute!(
        c,
        "UPDATE catalog_version SET version = version + 1 WHERE id = 1"
    )?;
    Ok(())
}
