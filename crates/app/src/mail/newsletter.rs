//! The newsletter (メルマガ): an operator writes it once; each opted-in member gets a copy in
//! a job of its own, with one-click unsubscribe headers.

use yorozu_store::{accounts::users, notifications, Exec};

use crate::mail::{outbox, unsubscribe, MailCategory};
use crate::ports::OutgoingMail;
use crate::{App, AppResult};

/// Queues the newsletter for every member who opted in; returns how many copies were queued.
pub async fn send(app: &App, operator_id: i64, subject: &str, body: &str) -> AppResult<usize> {
    let mut tx = app.db.begin().await?;
    let recipients = opted_in(&mut tx).await?;
    let mut queued = 0;
    for user_id in recipients {
        let Some(user) = users::find(&mut tx, user_id).await? else { continue };
        let Some(email) = user.email.filter(|_| user.status == "active") else { continue };
        if notifications::is_suppressed(&mut tx, &app.signer.email_hash(&email)).await? {
            continue;
        }
        let tr = yorozu_i18n::Tr::new(crate::mail::compose::locale_of(&user.locale));
        let footer = tr.ta("mail-newsletter-footer", [("link", unsubscribe::url(app, user_id, MailCategory::Newsletter).into())]);
        let mut mail = OutgoingMail {
            to: email,
            user_id: Some(user_id),
            subject: subject.to_owned(),
            body_text: format!("{body}\n\n--\n{footer}\n"),
            headers: vec![],
        };
        unsubscribe::add_headers(app, &mut mail, user_id, MailCategory::Newsletter);
        outbox::enqueue(&mut tx, app, MailCategory::Newsletter, mail).await?;
        queued += 1;
    }
    crate::operators::audit::record(&mut tx, app, operator_id, "newsletter.send", None, &format!("{queued} recipients: {subject}")).await?;
    tx.commit().await?;
    Ok(queued)
}

async fn opted_in(c: &mut impl Exec) -> AppResult<Vec<i64>> {
    Ok(notifications::opted_in_users(c, MailCategory::Newsletter.key()).await?)
}
