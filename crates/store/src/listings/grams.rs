//! The n-gram posting list: which listings contain which 1- and 2-character grams.

use crate::dynamic::{Bind, QueryBuilder};
use crate::{Exec, Result, execute};
use yorozu_domain::ListingId;

/// Rows per multi-row INSERT (well under both databases' parameter limits).
const BATCH: usize = 400;

/// Replaces a listing's grams.
pub async fn replace(c: &mut impl Exec, listing_id: ListingId, grams: &[String]) -> Result<()> {
    execute!(
        c,
        "DELETE FROM listing_grams WHERE listing_id = $1",
        listing_id.get()
    )?;
    insert(c, listing_id, grams).await
}

/// Inserts grams for a listing that has none yet (bulk loading uses this directly).
pub async fn insert(c: &mut impl Exec, listing_id: ListingId, grams: &[String]) -> Result<()> {
    for chunk in grams.chunks(BATCH) {
        let mut q = QueryBuilder::new("INSERT INTO listing_grams (gram, listing_id) VALUES ");
        for (i, gram) in chunk.iter().enumerate() {
            if i > 0 {
                q.push(", ");
            }
            q.push("(")
                .push_bind(Bind::Text(gram.clone()))
                .push(", ")
                .push_bind(Bind::I64(listing_id.get()))
                .push(")");
        }
        q.execute(c).await?;
    }
    Ok(())
}

pub async fn delete(c: &mut impl Exec, listing_id: ListingId) -> Result<()> {
    execute!(
        c,
        "DELETE FROM listing_grams WHERE listing_id = $1",
        listing_id.get()
    )?;
    Ok(())
}
