//! The notification centre (お知らせ): notifications raised for a member, their read marks,
//! the unread counter per member, and the daily message digests.
//!
//! The counter (`notification_counts`) changes in the caller's transaction with the rows it
//! counts, so the bell reads it with the session (see the migration for why a table of its own).

use yorozu_domain::UserId;
use yorozu_domain::notifications::{NotificationKind, SubjectKind};

use crate::{Exec, Result, execute, query_as, query_scalar};

/// One notification as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NotificationRow {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub user_id: UserId,
    #[sqlx(try_from = "String")]
    pub kind: NotificationKind,
    #[sqlx(try_from = "String")]
    pub subject_kind: SubjectKind,
    pub subject_id: i64,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

/// A notification to insert.
#[derive(Debug, Clone, Copy)]
pub struct NewNotification {
    pub id: i64,
    pub user_id: UserId,
    pub kind: NotificationKind,
    pub subject_kind: SubjectKind,
    pub subject_id: i64,
    pub now: i64,
}

/// Inserts an unread notification and counts it; nothing for a member
/// whose account is not active (closed or purged accounts are told nothing). True if raised.
pub async fn insert(c: &mut impl Exec, n: &NewNotification) -> Result<bool> {
    let inserted = execute!(
        c,
        "INSERT INTO notifications (id, user_id, kind, subject_kind, subject_id, created_at, read_at)
         SELECT $1, $2, $3, $4, $5, $6, NULL
         WHERE EXISTS (SELECT 1 FROM users WHERE id = $2 AND status = 'active')",
        n.id,
        n.user_id.get(),
        n.kind.as_str(),
        n.subject_kind.as_str(),
        n.subject_id,
        n.now
    )?;
    if inserted == 0 {
        return Ok(false);
    }
    execute!(
        c,
        "INSERT INTO notification_counts (user_id, unread) VALUES ($1, 1)
         ON CONFLICT (user_id) DO UPDATE SET unread = notification_counts.unread + 1",
        n.user_id.get()
    )?;
    Ok(true)
}

/// The member's notifications, newest first: `limit` rows after skipping `offset`.
pub async fn page(
    c: &mut impl Exec,
    user_id: UserId,
    limit: i64,
    offset: i64,
) -> Result<Vec<NotificationRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        NotificationRow,
        "SELECT id, user_id, kind, subject_kind, subject_id, created_at, read_at
         FROM notifications WHERE user_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3",
        user_id.get(),
        limit,
        offset
    )?)
}

/// How many notifications the member has (for paging).
pub async fn count(c: &mut impl Exec, user_id: UserId) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM notifications WHERE user_id = $1",
        user_id.get()
    )?)
}

/// The member's unread count as the bell shows it.
pub async fn unread(c: &mut impl Exec, user_id: UserId) -> Result<i64> {
    Ok(query_scalar!(
        c,
        fetch_optional,
        i64,
        "SELECT unread FROM notification_counts WHERE user_id = $1",
        user_id.get()
    )?
    .unwrap_or(0))
}

/// The member's notification `id`; None if it is not theirs.
pub async fn find(c: &mut impl Exec, user_id: UserId, id: i64) -> Result<Option<NotificationRow>> {
    Ok(query_as!(
        c,
        fetch_optional,
        NotificationRow,
        "SELECT id, user_id, kind, subject_kind, subject_id, created_at, read_at
         FROM notifications WHERE id = $1 AND user_id = $2",
        id,
        user_id.get()
    )?)
}

/// Marks the member's notification read; false if it was read already or is not theirs.
pub async fn mark_read(c: &mut impl Exec, user_id: UserId, id: i64, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "UPDATE notifications SET read_at = $3
         WHERE id = $1 AND user_id = $2 AND read_at IS NULL",
        id,
        user_id.get(),
        now
    )?;
    discount(c, user_id, n).await?;
    Ok(n == 1)
}

/// Marks every unread notification of the member read; returns how many.
pub async fn mark_all_read(c: &mut impl Exec, user_id: UserId, now: i64) -> Result<u64> {
    let n = execute!(
        c,
        "UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL",
        user_id.get(),
        now
    )?;
    discount(c, user_id, n).await?;
    Ok(n)
}

/// Takes `n` read notifications off the counter. By `n` rather than to zero: a notification
/// raised by a transaction committing meanwhile stays counted.
async fn discount(c: &mut impl Exec, user_id: UserId, n: u64) -> Result<()> {
    if n == 0 {
        return Ok(());
    }
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    execute!(
        c,
        "UPDATE notification_counts SET unread = CASE WHEN unread > $2 THEN unread - $2 ELSE 0 END
         WHERE user_id = $1",
        user_id.get(),
        n
    )?;
    Ok(())
}

/// Erases the member's notifications, counter and digests (purge); returns how
/// many notifications.
pub async fn erase_member(c: &mut impl Exec, user_id: UserId) -> Result<u64> {
    let n = execute!(
        c,
        "DELETE FROM notifications WHERE user_id = $1",
        user_id.get()
    )?;
    execute!(
        c,
        "DELETE FROM message_digests WHERE user_id = $1",
        user_id.get()
    )?;
    execute!(
        c,
        "DELETE FROM notification_counts WHERE user_id = $1",
        user_id.get()
    )?;
    Ok(n)
}

/// Every notification of the member, oldest first (the export archive).
pub async fn all_of(c: &mut impl Exec, user_id: UserId) -> Result<Vec<NotificationRow>> {
    Ok(query_as!(
        c,
        fetch_all,
        NotificationRow,
        "SELECT id, user_id, kind, subject_kind, subject_id, created_at, read_at
         FROM notifications WHERE user_id = $1 ORDER BY id",
        user_id.get()
    )?)
}

/// When the member's last digest was sent, if ever.
pub async fn last_digest_at(c: &mut impl Exec, user_id: UserId) -> Result<Option<i64>> {
    Ok(query_scalar!(
        c,
        fetch_optional,
        Option<i64>,
        "SELECT MAX(sent_at) FROM message_digests WHERE user_id = $1",
        user_id.get()
    )?
    .flatten())
}

/// Records the digest of `day` for the member; false if that day's digest was recorded
/// already (by another worker), which then sends nothing.
pub async fn record_digest(c: &mut impl Exec, user_id: UserId, day: i64, now: i64) -> Result<bool> {
    let n = execute!(
        c,
        "INSERT INTO message_digests (user_id, day, sent_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, day) DO NOTHING",
        user_id.get(),
        day,
        now
    )?;
    Ok(n == 1)
}

/// New talk-room messages to a member: per order, the title and how many.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NewMessages {
    pub order_id: i64,
    pub listing_title: String,
    pub messages: i64,
}

/// The messages others wrote in the member's orders in `(since, until]`, per order.
pub async fn messages_since(
    c: &mut impl Exec,
    user_id: UserId,
    since: i64,
    until: i64,
) -> Result<Vec<NewMessages>> {
    Ok(query_as!(
        c,
        fetch_all,
        NewMessages,
        "SELECT o.id AS order_id, o.listing_title, COUNT(*) AS messages
         FROM order_messages m JOIN orders o ON o.id = m.order_id
         WHERE (o.buyer_id = $1 OR o.seller_id = $1)
           AND m.author_id IS NOT NULL AND m.author_id <> $1
           AND m.created_at > $2 AND m.created_at <= $3
         GROUP BY o.id, o.listing_title ORDER BY o.id",
        user_id.get(),
        since,
        until
    )?)
}
