//! Mail about orders: one helper that queues a mail to a party in their language, with the
//! arguments every order mail shares (the service's title and the order's link).

use yorozu_domain::UserId;
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::accounts::users;
use yorozu_store::orders::OrderRow;

use yorozu_domain::Locale;
use yorozu_domain::accounts::AccountStatus;

use crate::accounts::CurrentUser;
use crate::mail::compose::{compose, locale_of};
use crate::mail::{MailCategory, outbox};
use crate::ports::OutgoingMail;
use crate::{App, AppResult};

/// Who a mail goes to.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub user_id: UserId,
    pub email: String,
    pub locale: Locale,
}

impl Recipient {
    /// The member `user_id`, if their account is active (others get no mail).
    pub async fn load(c: &mut impl Exec, user_id: UserId) -> AppResult<Option<Recipient>> {
        let Some(user) = users::find(c, user_id).await? else {
            return Ok(None);
        };
        let (Some(email), AccountStatus::Active) = (user.email, user.status) else {
            return Ok(None);
        };
        Ok(Some(Recipient {
            user_id,
            email,
            locale: locale_of(&user.locale),
        }))
    }

    /// The signed-in member.
    pub fn of(member: &CurrentUser) -> Recipient {
        Recipient {
            user_id: member.id,
            email: member.email.clone(),
            locale: member.locale,
        }
    }
}

/// Mail `name` (`mail-NAME-subject` / `mail-NAME-body`) about `order` to `to`, with `title`,
/// `url` and `order` (the order number) plus `extra` arguments.
pub(crate) fn compose_order_mail(
    app: &App,
    order: &OrderRow,
    to: &Recipient,
    name: &str,
    extra: &[(&str, Arg)],
) -> OutgoingMail {
    let mut args: Vec<(&str, Arg)> = vec![
        ("title", Arg::from(order.listing_title.as_str())),
        ("url", Arg::from(app.url(&super::order_path(order.id)))),
        ("order", Arg::from(order.id.to_string())),
    ];
    args.extend(extra.iter().cloned());
    compose(to.locale, name, &to.email, Some(to.user_id), &args)
}

/// Queues mail `name` about `order` to `user_id` (see [`compose_order_mail`]). Members whose
/// account is no longer active get nothing.
pub(crate) async fn order_mail(
    c: &mut impl Exec,
    app: &App,
    order: &OrderRow,
    user_id: UserId,
    category: MailCategory,
    name: &str,
    extra: &[(&str, Arg)],
) -> AppResult<()> {
    let Some(to) = Recipient::load(c, user_id).await? else {
        return Ok(());
    };
    let mail = compose_order_mail(app, order, &to, name, extra);
    outbox::enqueue(c, app, category, mail).await
}

/// A transactional order mail to both parties.
pub(crate) async fn both(
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
