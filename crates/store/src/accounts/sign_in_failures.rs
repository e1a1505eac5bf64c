//! Failed sign-ins, counted per address and per client to throttle password guessing.
//! Kept in the database so that several server processes share the count.

use crate::{Exec, Result, execute, query_scalar};

pub async fn record(c: &mut impl Exec, id: i64, email_hash: &str, ip: &str, at: i64) -> Result<()> {
    execute!(
        c,
        "INSERT INTO sign_in_failures (id, email_hash, ip, at) VALUES ($1, $2, $3, $4)",
        id,
        email_hash,
        ip,
        at
    )?;
    Ok(())
}

pub async fn count_for_email_since(c: &mut impl Exec, email_hash: &str, since: i64) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM sign_in_failures WHERE email_hash = $1 AND at > $2",
        email_hash,
        since
    )?)
}

pub async fn count_for_ip_since(c: &mut impl Exec, ip: &str, since: i64) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM sign_in_failures WHERE ip = $1 AND at > $2",
        ip,
        since
    )?)
}

/// Forgets the failures for an address after a successful sign-in.
pub async fn clear_for_email(c: &mut impl Exec, email_hash: &str) -> Result<()> {
    execute!(
        c,
        "DELETE FROM sign_in_failures WHERE email_hash = $1",
        email_hash
    )?;
    Ok(())
}

pub async fn delete_older_than(c: &mut impl Exec, before: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM sign_in_failures WHERE at < $1",
        before
    )?)
}
