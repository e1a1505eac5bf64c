//! The purge's erasures, each bounded to `limit` rows so that a heavy account is erased in
//! many short transactions, and each safe to run again: it only touches what is left.
//! Table and column names below are constants of this module, never input.

use crate::dynamic::{Bind, QueryBuilder};
use crate::{Exec, Result, execute, query_as, query_scalar};
use yorozu_domain::{ListingId, UserId};

/// Deletes up to `limit` of the member's rows from one table: `$1` is the member, `$2` the
/// limit.
macro_rules! delete_some {
    ($table:literal, $key:literal, $column:literal) => {
        concat!(
            "DELETE FROM ",
            $table,
            " WHERE ",
            $column,
            " = $1 AND ",
            $key,
            " IN (SELECT ",
            $key,
            " FROM ",
            $table,
            " WHERE ",
            $column,
            " = $1 LIMIT $2)"
        )
    };
}

/// `(…)` of the ids, for `IN`: plain `i64` ids or typed ones (`ListingId`, …).
fn in_list<Id: Copy + Into<i64>>(q: &mut QueryBuilder, ids: &[Id]) {
    q.push("(");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            q.push(", ");
        }
        q.push_bind(Bind::I64((*id).into()));
    }
    q.push(")");
}

/// Up to `limit` of the seller's listings that still hold content.
pub async fn listings_left(
    c: &mut impl Exec,
    seller_id: UserId,
    limit: i64,
) -> Result<Vec<ListingId>> {
    let ids: Vec<i64> = query_scalar!(
        c,
        fetch_all,
        i64,
        "SELECT id FROM listings WHERE seller_id = $1 AND NOT (status = 'deleted' AND title = '')
         ORDER BY id LIMIT $2",
        seller_id.get(),
        limit
    )?;
    Ok(ids.into_iter().map(ListingId::new).collect())
}

/// The image files (originals and thumbnails) of these listings.
pub async fn listing_files(c: &mut impl Exec, listing_ids: &[ListingId]) -> Result<Vec<String>> {
    if listing_ids.is_empty() {
        return Ok(vec![]);
    }
    let mut q =
        QueryBuilder::new("SELECT file_key, thumb_key FROM listing_images WHERE listing_id IN ");
    in_list(&mut q, listing_ids);
    let rows: Vec<(String, String)> = q.fetch_all(c).await?;
    Ok(rows.into_iter().flat_map(|(f, t)| [f, t]).collect())
}

/// Erases these listings' content: images, options, FAQ and favourites are deleted; the row
/// stays, blank and deleted, for the orders and reviews that refer to it (the change log row
/// its update appends takes it out of the search index).
pub async fn erase_listings(c: &mut impl Exec, listing_ids: &[ListingId], now: i64) -> Result<()> {
    if listing_ids.is_empty() {
        return Ok(());
    }
    for delete in [
        "DELETE FROM listing_images WHERE listing_id IN ",
        "DELETE FROM listing_options WHERE listing_id IN ",
        "DELETE FROM listing_faqs WHERE listing_id IN ",
        "DELETE FROM favorites WHERE listing_id IN ",
    ] {
        let mut q = QueryBuilder::new(delete);
        in_list(&mut q, listing_ids);
        q.execute(c).await?;
    }
    let mut q = QueryBuilder::new(
        "UPDATE listings SET status = 'deleted', title = '', description = '', buyer_notes = '',
            rating_sum = 0, rating_count = 0, rating_x100 = 0, favorites_count = 0,
            rank_score = 0, updated_at = ",
    );
    q.push_bind(Bind::I64(now));
    q.push(" WHERE id IN ");
    in_list(&mut q, listing_ids);
    q.execute(c).await?;
    Ok(())
}

/// Deletes up to `limit` of the member's own favourites, and counts them off the listings.
/// Returns the listings counted off (their ranking score needs recomputing).
pub async fn delete_favorites(
    c: &mut impl Exec,
    user_id: UserId,
    limit: i64,
) -> Result<Vec<ListingId>> {
    let ids: Vec<ListingId> = query_scalar!(
        c,
        fetch_all,
        i64,
        "SELECT listing_id FROM favorites WHERE user_id = $1 ORDER BY listing_id LIMIT $2",
        user_id.get(),
        limit
    )?
    .into_iter()
    .map(ListingId::new)
    .collect();
    if ids.is_empty() {
        return Ok(ids);
    }
    let mut q = QueryBuilder::new(
        "UPDATE listings SET favorites_count = favorites_count - 1 WHERE favorites_count > 0 AND id IN ",
    );
    in_list(&mut q, &ids);
    q.execute(c).await?;
    let mut q = QueryBuilder::new("DELETE FROM favorites WHERE user_id = ");
    q.push_bind(Bind::I64(user_id.get()));
    q.push(" AND listing_id IN ");
    in_list(&mut q, &ids);
    q.execute(c).await?;
    Ok(ids)
}

/// Deletes up to `limit` reviews the member received.
pub async fn delete_received_reviews(
    c: &mut impl Exec,
    user_id: UserId,
    limit: i64,
) -> Result<u64> {
    Ok(execute!(
        c,
        delete_some!("reviews", "id", "subject_id"),
        user_id.get(),
        limit
    )?)
}

/// Clears the author of up to `limit` reviews the member wrote: the review stays, shown as
/// 「退会したユーザー」.
pub async fn anonymise_written_reviews(
    c: &mut impl Exec,
    user_id: UserId,
    limit: i64,
) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE reviews SET author_id = NULL WHERE author_id = $1 AND id IN
            (SELECT id FROM reviews WHERE author_id = $1 LIMIT $2)",
        user_id.get(),
        limit
    )?)
}

/// Up to `limit` identity documents of the member: `(id, file key if not yet erased)`.
pub async fn identity_documents(
    c: &mut impl Exec,
    user_id: UserId,
    limit: i64,
) -> Result<Vec<(i64, Option<String>)>> {
    Ok(query_as!(
        c,
        fetch_all,
        (i64, Option<String>),
        "SELECT id, file_key FROM identity_documents WHERE user_id = $1 ORDER BY id LIMIT $2",
        user_id.get(),
        limit
    )?)
}

pub async fn delete_identity_documents(c: &mut impl Exec, ids: &[i64]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut q = QueryBuilder::new("DELETE FROM identity_documents WHERE id IN ");
    in_list(&mut q, ids);
    q.execute(c).await?;
    Ok(())
}

/// Erases the number and holder of up to `limit` of the member's bank accounts; the rows
/// stay (bank and branch only) because past payout requests point at them.
pub async fn erase_bank_accounts(
    c: &mut impl Exec,
    user_id: UserId,
    limit: i64,
    now: i64,
) -> Result<u64> {
    Ok(execute!(
        c,
        "UPDATE bank_accounts SET account_number_sealed = '', account_number_last3 = '', holder_sealed = '',
            invalid_reason = NULL, deleted_at = COALESCE(deleted_at, $3)
         WHERE user_id = $1 AND id IN
            (SELECT id FROM bank_accounts WHERE user_id = $1 AND (account_number_sealed <> '' OR holder_sealed <> '')
             LIMIT $2)",
        user_id.get(),
        limit,
        now
    )?)
}

/// Up to `limit` of the member's cards: `(id, provider token)`.
pub async fn cards(c: &mut impl Exec, user_id: UserId, limit: i64) -> Result<Vec<(i64, String)>> {
    Ok(query_as!(
        c,
        fetch_all,
        (i64, String),
        "SELECT id, provider_token FROM cards WHERE user_id = $1 ORDER BY id LIMIT $2",
        user_id.get(),
        limit
    )?)
}

pub async fn delete_cards(c: &mut impl Exec, ids: &[i64]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut q = QueryBuilder::new("DELETE FROM cards WHERE id IN ");
    in_list(&mut q, ids);
    q.execute(c).await?;
    Ok(())
}

/// Deletes up to `limit` rows of the member's sessions, tokens and settings (in that order of
/// tables); returns how many went.
pub async fn delete_access(c: &mut impl Exec, user_id: UserId, limit: i64) -> Result<u64> {
    let mut left = limit;
    for sql in [
        delete_some!("sessions", "token_hash", "user_id"),
        delete_some!("api_tokens", "id", "user_id"),
        delete_some!("email_tokens", "token_hash", "user_id"),
        // Two-step sign-in: the sealed secret, recovery code hashes, waiting sign-ins and
        // re-authentications.
        delete_some!("two_step_challenges", "token_hash", "user_id"),
        delete_some!("reauthentications", "session_hash", "user_id"),
        delete_some!("two_step_recovery_codes", "code_hash", "user_id"),
        delete_some!("two_step", "user_id", "user_id"),
        delete_some!("notification_settings", "category", "user_id"),
    ] {
        if left == 0 {
            break;
        }
        let n = execute!(c, sql, user_id.get(), left)?;
        left -= i64::try_from(n).unwrap_or(left);
    }
    Ok(u64::try_from(limit - left).unwrap_or(0))
}

/// Deletes sign-in failures recorded under the member's hashed address.
pub async fn delete_sign_in_failures(c: &mut impl Exec, email_hash: &str) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM sign_in_failures WHERE email_hash = $1",
        email_hash
    )?)
}

/// Deletes up to `limit` of the member's finished mail jobs (sent, dropped or failed: they
/// hold the address and the text) and local-mailbox copies.
pub async fn delete_mail(
    c: &mut impl Exec,
    user_id: UserId,
    email: &str,
    limit: i64,
) -> Result<u64> {
    let jobs = execute!(
        c,
        "DELETE FROM jobs WHERE user_id = $1 AND kind = 'mail.send' AND status <> 'queued'
           AND id IN (SELECT id FROM jobs WHERE user_id = $1 AND kind = 'mail.send'
                      AND status <> 'queued' LIMIT $2)",
        user_id.get(),
        limit
    )?;
    let left = limit - i64::try_from(jobs).unwrap_or(limit);
    if left <= 0 {
        return Ok(jobs);
    }
    let mailbox = execute!(
        c,
        "DELETE FROM mailbox WHERE id IN
            (SELECT id FROM mailbox WHERE user_id = $1 OR to_addr = $2 LIMIT $3)",
        user_id.get(),
        email,
        left
    )?;
    Ok(jobs + mailbox)
}

/// Mail to the member still waiting to go out or going out now (a running job stays
/// `queued` under its lease).
pub async fn mail_in_flight(c: &mut impl Exec, user_id: UserId) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM jobs WHERE user_id = $1 AND kind = 'mail.send' AND status = 'queued'",
        user_id.get()
    )?)
}

/// The member's avatar file, if any.
pub async fn avatar_key(c: &mut impl Exec, user_id: UserId) -> Result<Option<String>> {
    Ok(query_scalar!(
        c,
        fetch_optional,
        Option<String>,
        "SELECT avatar_key FROM profiles WHERE user_id = $1",
        user_id.get()
    )?
    .flatten())
}

pub async fn delete_profile(c: &mut impl Exec, user_id: UserId) -> Result<u64> {
    Ok(execute!(
        c,
        "DELETE FROM profiles WHERE user_id = $1",
        user_id.get()
    )?)
}

/// The user row becomes a tombstone: id, status and dates; the e-mail address is released.
pub async fn tombstone(c: &mut impl Exec, user_id: UserId, now: i64) -> Result<()> {
    execute!(
        c,
        "UPDATE users SET email = NULL, email_verified_at = NULL, password_hash = NULL,
            status = 'purged', updated_at = $2 WHERE id = $1",
        user_id.get(),
        now
    )?;
    Ok(())
}
