//! The purge's erasures of quote consultations and offers (DESIGN.md: what a member wrote in a
//! consultation, and their offers nobody bought, are erased; an offer that became an order
//! stays with it as its terms). Each step is bounded to `limit` rows and only touches what is
//! left, so the purge can run it in short transactions and resume after a crash.

use yorozu_domain::UserId;

use crate::dynamic::{Bind, QueryBuilder};
use crate::{Exec, Result, execute, query_as};

/// Up to `limit` files the member attached to consultation messages: `(id, file key)`.
pub async fn attachments_of(
    c: &mut impl Exec,
    member: UserId,
    limit: i64,
) -> Result<Vec<(i64, String)>> {
    Ok(query_as!(
        c,
        fetch_all,
        (i64, String),
        "SELECT a.id, a.file_key FROM consultation_attachments a
         JOIN consultation_messages m ON m.id = a.message_id
         WHERE m.author_id = $1 ORDER BY a.id LIMIT $2",
        member.get(),
        limit
    )?)
}

/// Deletes these attachment rows (their files are deleted first).
pub async fn delete_attachments(c: &mut impl Exec, ids: &[i64]) -> Result<u64> {
    if ids.is_empty() {
        return Ok(0);
    }
    let mut q = QueryBuilder::new("DELETE FROM consultation_attachments WHERE id IN (");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push_bind(Bind::I64(*id));
    }
    q.push(")");
    q.execute(c).await
}

/// Deletes up to `limit` of the member's consultation messages whose files are gone.
pub async fn delete_messages_of(c: &mut impl Exec, member: UserId, limit: i64) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM consultation_messages WHERE id IN (
            SELECT m.id FROM consultation_messages m
            WHERE m.author_id = $1
              AND NOT EXISTS (SELECT 1 FROM consultation_attachments a WHERE a.message_id = m.id)
            LIMIT $2)",
        member.get(),
        limit
    )?)
}

/// Deletes up to `limit` offer versions the member sent that did not become an order, with
/// their options (both statements pick the same first `limit` versions by id).
pub async fn delete_unbought_offers_of(
    c: &mut impl Exec,
    member: UserId,
    limit: i64,
) -> Result<u64> {
    execute!(
        c,
        "DELETE FROM offer_options WHERE offer_id IN (
            SELECT id FROM offers WHERE seller_id = $1 AND order_id IS NULL ORDER BY id LIMIT $2)",
        member.get(),
        limit
    )?;
    Ok(execute!(
        c,
        "DELETE FROM offers WHERE id IN (
            SELECT id FROM offers WHERE seller_id = $1 AND order_id IS NULL ORDER BY id LIMIT $2)",
        member.get(),
        limit
    )?)
}

/// Clears up to `limit` of the reasons the member gave when declining offers.
pub async fn clear_decline_reasons_of(
    c: &mut impl Exec,
    member: UserId,
    limit: i64,
) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE offers SET decline_reason = NULL WHERE id IN (
            SELECT id FROM offers WHERE buyer_id = $1 AND decline_reason IS NOT NULL LIMIT $2)",
        member.get(),
        limit
    )?)
}

/// Deletes up to `limit` of the member's consultations that nothing is left in: no message
/// and no offer (the other party's messages and bought offers keep theirs).
pub async fn delete_empty_consultations_of(
    c: &mut impl Exec,
    member: UserId,
    limit: i64,
) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM consultations WHERE id IN (
            SELECT k.id FROM consultations k
            WHERE (k.buyer_id = $1 OR k.seller_id = $1)
              AND NOT EXISTS (SELECT 1 FROM consultation_messages m WHERE m.consultation_id = k.id)
              AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.consultation_id = k.id)
            LIMIT $2)",
        member.get(),
        limit
    )?)
}
