//! Withdrawal (退会) and offers. Closing an account withdraws every open offer the member sent
//! or received, in the closing transaction, so that nothing can be bought from or by a closed
//! account. The purge erases what the member wrote in consultations (messages and files), the
//! offers of theirs that nobody bought and their reasons for declining; what the other party
//! wrote stays theirs, and an offer that became an order stays with it as its terms.

use yorozu_domain::UserId;
use yorozu_store::Exec;
use yorozu_store::offers::{erasure, versions};

use crate::{App, AppResult};

/// Withdraws the member's open offers (as seller or buyer); how many.
pub(crate) async fn close_open(c: &mut impl Exec, app: &App, member: UserId) -> AppResult<u64> {
    Ok(versions::withdraw_open_of(c, member, app.now()).await?)
}

/// Open offers (sent or received, not yet expired) that closing the account would withdraw.
pub(crate) async fn open_count(c: &mut impl Exec, app: &App, member: UserId) -> AppResult<u64> {
    Ok(versions::count_open_of(c, member, app.now()).await?)
}

/// One batch of the purge's consultations step: files first, then rows, each part bounded
/// by `limit`; the number of rows touched (the purge goes on while a batch is full).
pub(crate) async fn erase_batch(app: &App, member: UserId, limit: i64) -> AppResult<u64> {
    let files = {
        let mut c = app.db.read().await?;
        erasure::attachments_of(&mut c, member, limit).await?
    };
    for (_, key) in &files {
        app.files.delete(key).await?;
    }
    let ids: Vec<i64> = files.iter().map(|(id, _)| *id).collect();
    let mut tx = app.db.begin_background().await?;
    let mut n = erasure::delete_attachments(&mut tx, &ids).await?;
    n += erasure::delete_messages_of(&mut tx, member, limit).await?;
    n += erasure::delete_unbought_offers_of(&mut tx, member, limit).await?;
    n += erasure::clear_decline_reasons_of(&mut tx, member, limit).await?;
    n += erasure::delete_empty_consultations_of(&mut tx, member, limit).await?;
    tx.commit().await?;
    Ok(n)
}
