//! The daily digest of talk-room messages (メッセージのまとめ): for members who chose it on the
//! settings grid, one mail a day listing the orders with new messages, instead of one mail
//! per message. Sent by the periodic maintenance job; at most one per member per Japan day;
//! nothing when nothing is new; nothing to a member whose account is no longer active.

use yorozu_domain::UserId;
use yorozu_i18n::Arg;
use yorozu_store::notification_centre;
use yorozu_store::notifications;

use crate::mail::compose::compose;
use crate::mail::outbox;
use crate::orders::notify::Recipient;
use crate::{App, AppResult};

/// Japan is UTC+9 all year: the digest's day starts at midnight there.
const JST_OFFSET_SECONDS: i64 = 9 * 3_600;
const DAY: i64 = 86_400;

/// The Japan day (days since the epoch) of a moment.
fn japan_day(unix: i64) -> i64 {
    (unix + JST_OFFSET_SECONDS).div_euclid(DAY)
}

/// Queues today's digest for every member who takes it and has new messages; returns how
/// many were queued.
pub async fn send_due(app: &App) -> AppResult<usize> {
    let members = {
        let mut c = app.db.read().await?;
        notifications::opted_in_users(&mut c, super::grid::DIGEST_KEY).await?
    };
    let mut sent = 0;
    for user_id in members {
        if send_one(app, user_id).await? {
            sent += 1;
        }
    }
    Ok(sent)
}

/// Today's digest for one member, if it is due and something is new.
async fn send_one(app: &App, user_id: UserId) -> AppResult<bool> {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    // What came after the last digest, at most a day back, and not what was mailed one by
    // one before the member chose the digest.
    let chosen_at = notifications::changed_at(&mut tx, user_id, super::grid::DIGEST_KEY)
        .await?
        .unwrap_or(now);
    let since = notification_centre::last_digest_at(&mut tx, user_id)
        .await?
        .unwrap_or(now - DAY)
        .max(chosen_at);
    // Recorded first: a second worker waits for this row and then skips the member.
    if !notification_centre::record_digest(&mut tx, user_id, japan_day(now), now).await? {
        return Ok(false);
    }
    let Some(to) = Recipient::load(&mut tx, user_id).await? else {
        return Ok(false);
    };
    let news = notification_centre::messages_since(&mut tx, user_id, since, now).await?;
    if news.is_empty() {
        // Dropping the transaction forgets the record: a message later today still gets one.
        return Ok(false);
    }
    let total: i64 = news.iter().map(|n| n.messages).sum();
    let list: String = news
        .iter()
        .map(|n| {
            format!(
                "・{}（{}）\n  {}\n",
                n.listing_title,
                n.messages,
                app.url(&format!("/orders/{}", n.order_id))
            )
        })
        .collect();
    let mail = compose(
        to.locale,
        "message-digest",
        &to.email,
        Some(user_id),
        &[("count", Arg::from(total)), ("orders", Arg::from(list))],
    );
    outbox::enqueue_digest(&mut tx, app, mail).await?;
    tx.commit().await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_turns_at_midnight_in_japan() {
        // 2026-12-07 14:59:59 UTC is 23:59:59 in Japan; a second later it is the next day.
        let before = 1_796_655_599;
        assert_eq!(japan_day(before) + 1, japan_day(before + 1));
    }
}
