//! Notices to the member an operator's action concerns (運営からのお知らせ): a warning, a
//! hidden or restored service, removed content, a suspension and its end. Each is written in
//! the action's transaction and mailed with it.

use yorozu_domain::UserId;
use yorozu_i18n::Arg;
use yorozu_store::Exec;
use yorozu_store::moderation::notices::{self, NoticeRow};

use crate::accounts::CurrentUser;
use crate::{App, AppResult};

/// What a notice is about; its key names the page's text and the mail
/// (`moderation-notice-KEY`, `mail-moderation-KEY-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Warning,
    ServiceHidden,
    ServiceRestored,
    ContentRemoved,
    Suspended,
    SuspensionLifted,
}

impl NoticeKind {
    pub fn key(self) -> &'static str {
        match self {
            Self::Warning => "warning",
            Self::ServiceHidden => "service-hidden",
            Self::ServiceRestored => "service-restored",
            Self::ContentRemoved => "content-removed",
            Self::Suspended => "suspended",
            Self::SuspensionLifted => "suspension-lifted",
        }
    }
}

/// Writes the notice and queues its mail, with `subject` (what it is about) and `reason`.
pub(crate) async fn tell(
    c: &mut impl Exec,
    app: &App,
    user_id: UserId,
    kind: NoticeKind,
    subject: &str,
    reason: &str,
) -> AppResult<()> {
    notices::insert(
        c,
        &NoticeRow {
            id: app.new_id(),
            user_id,
            kind: kind.key().to_owned(),
            subject: subject.to_owned(),
            reason: reason.to_owned(),
            created_at: app.now(),
        },
    )
    .await?;
    super::mail::send(
        c,
        app,
        user_id,
        &format!("moderation-{}", kind.key()),
        &[
            ("subject", Arg::from(subject)),
            ("reason", Arg::from(reason)),
        ],
    )
    .await?;
    crate::notifications::raise(
        c,
        app,
        user_id,
        crate::notifications::NotificationKind::ModerationOutcome,
        crate::notifications::NotificationSubject::Moderation,
    )
    .await?;
    Ok(())
}

/// One notice as the member's page shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Notice {
    /// The message id of its heading: `moderation-notice-KIND`.
    pub message_id: String,
    pub subject: String,
    pub reason: String,
    pub at: i64,
}

/// How many notices the page lists.
pub const SHOWN: i64 = 50;

/// The member's notices, newest first.
pub async fn mine(app: &App, member: &CurrentUser) -> AppResult<Vec<Notice>> {
    let mut c = app.db.read().await?;
    Ok(notices::of_member(&mut c, member.id, SHOWN)
        .await?
        .into_iter()
        .map(|n| Notice {
            message_id: format!("moderation-notice-{}", n.kind),
            subject: n.subject,
            reason: n.reason,
            at: n.created_at,
        })
        .collect())
}
