//! The local mailbox: mail captured instead of sent when no SMTP server is configured (see
//! `ports::mailer`). Who may read it is the page's decision; these are the reads.

use yorozu_store::mailbox::{self, MailboxRow};

use crate::{App, AppResult};

/// One captured mail, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body_text: String,
    /// The extra headers, one `Name: value` per line.
    pub headers: String,
    pub sent_at: i64,
}

impl From<MailboxRow> for Message {
    fn from(m: MailboxRow) -> Message {
        Message {
            id: m.id,
            to: m.to_addr,
            subject: m.subject,
            body_text: m.body_text,
            headers: m.headers,
            sent_at: m.sent_at,
        }
    }
}

/// The `limit` newest mails, newest first.
pub async fn latest(app: &App, limit: i64) -> AppResult<Vec<Message>> {
    let mut c = app.db.read().await?;
    let rows = mailbox::latest(&mut c, limit).await?;
    Ok(rows.into_iter().map(Message::from).collect())
}

/// One mail, if it is still there.
pub async fn find(app: &App, id: i64) -> AppResult<Option<Message>> {
    let mut c = app.db.read().await?;
    Ok(mailbox::find(&mut c, id).await?.map(Message::from))
}
