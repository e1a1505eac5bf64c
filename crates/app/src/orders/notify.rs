//! Mail about orders: one helper that queues a mail to a party in their language, with the
//! arguments every order mail shares (the service's title and the order's link).

use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::accounts::users;
use yorozu_store::orders::OrderRow;

use crate::mail::compose::{compose, locale_of};
use crate::mail::{MailCategory, outbox};
use crate::{App, AppResult};

/// Queues mail `name` (`mail-NAME-subject` / `mail-NAME-body`) about `order` to `user_id`,
/// with `title`, `url` and `order` (the order number) plus `extra` arguments. Members whose
/// account is no longer active get nothing.
pub async fn order_mail(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
    user_id: i64,
    category: MailCategory,
    name: &str,
    extra: &[(&str, Arg)],
) -> AppResult<()> {
    let Some(user) = users::find(c, user_id).await? else {
        return Ok(());
    };
    let (Some(email), "active") = (user.email.as_deref(), user.status.as_str()) else {
        return Ok(());
    };
    let mut args: Vec<(&str, Arg)> = vec![
        ("title", Arg::from(order.listing_title.as_str())),
        ("url", Arg::from(app.url(&super::order_path(order.id)))),
        ("order", Arg::from(order.id.to_string())),
    ];
    args.extend(extra.iter().cloned());
    let mail = compose(locale_of(&user.locale), name, email, Some(user_id), &args);
    outbox::enqueue(c, app, category, mail).await
}

/// A transactional order mail to both parties.
pub async fn both(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
    name: &str,
    extra: &[(&str, Arg)],
) -> AppResult<()> {
    for user_id in [order.buyer_id, order.seller_id] {
        order_mail(
            c,
            app,
            order,
            user_id,
            MailCategory::Transactions,
            name,
            extra,
        )
        .await?;
    }
    Ok(())
}

/// A date and time for mail, in Japan time (`2026-11-27 15:04`).
pub fn mail_time(unix: i64) -> Arg {
    let t = time::OffsetDateTime::from_unix_timestamp(unix + 9 * 3600)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    Arg::Text(format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    ))
}
