//! Moderation mail: to the member an action concerns and to the reporters, in their language.
//! Account mail: it cannot be switched off, as a member must learn what happened to their
//! account and content.

use yorozu_domain::UserId;
use yorozu_i18n::Arg;
use yorozu_store::Exec;

use crate::mail::compose::compose;
use crate::mail::{MailCategory, outbox};
use crate::orders::notify::Recipient;
use crate::{App, AppResult};

/// Queues mail `name` (`mail-NAME-subject` / `mail-NAME-body`) to `user_id` with `args` and
/// `url`, a link to the member's page of moderation notices. Closed accounts get nothing.
pub(crate) async fn send(
    c: &mut impl Exec,
    app: &App,
    user_id: UserId,
    name: &str,
    args: &[(&str, Arg)],
) -> AppResult<()> {
    let Some(to) = Recipient::load(c, user_id).await? else {
        return Ok(());
    };
    let mut all: Vec<(&str, Arg)> = vec![("url", Arg::from(app.url("/settings/reports")))];
    all.extend(args.iter().cloned());
    let mail = compose(to.locale, name, &to.email, Some(to.user_id), &all);
    outbox::enqueue(c, app, MailCategory::Account, mail).await
}
