//! The outbox: every mail is a job row committed with the change that caused it, and the job
//! handler sends it (or drops it if the member switched the category off in the meantime).

use yorozu_domain::UserId;
use yorozu_domain::accounts::AccountStatus;
use yorozu_store::{Exec, accounts::users};

use crate::jobs::{self, Job};
use crate::mail::{MailCategory, settings};
use crate::ports::OutgoingMail;
use crate::{App, AppError, AppResult};

/// One mail to send: the payload of the `mail.send` job.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MailJob {
    pub category: MailCategory,
    pub mail: OutgoingMail,
    /// The withdrawal's last mail: it goes to an account that is already closed.
    #[serde(default)]
    pub to_closed_account: bool,
    /// The daily digest of talk-room messages: sent while single message mails are held
    /// back for it (see [`crate::notifications::digest`]).
    #[serde(default)]
    pub digest: bool,
}

/// Queues a mail inside the caller's transaction.
pub async fn enqueue(
    c: &mut impl Exec,
    app: &App,
    category: MailCategory,
    mail: OutgoingMail,
) -> AppResult<()> {
    enqueue_job(
        c,
        app,
        &MailJob {
            category,
            mail,
            to_closed_account: false,
            digest: false,
        },
    )
    .await
}

/// Queues the last mail a withdrawing member receives (the confirmation with the erasure
/// receipt), inside the transaction that closed their account and dropped all other mail.
pub async fn enqueue_to_closed_account(
    c: &mut impl Exec,
    app: &App,
    mail: OutgoingMail,
) -> AppResult<()> {
    enqueue_job(
        c,
        app,
        &MailJob {
            category: MailCategory::Account,
            mail,
            to_closed_account: true,
            digest: false,
        },
    )
    .await
}

/// Queues the daily digest of talk-room messages inside the caller's transaction.
pub async fn enqueue_digest(c: &mut impl Exec, app: &App, mail: OutgoingMail) -> AppResult<()> {
    enqueue_job(
        c,
        app,
        &MailJob {
            category: MailCategory::Messages,
            mail,
            to_closed_account: false,
            digest: true,
        },
    )
    .await
}

async fn enqueue_job(c: &mut impl Exec, app: &App, job: &MailJob) -> AppResult<()> {
    jobs::enqueue(c, app, job, job.mail.user_id, app.now()).await
}

/// Queues several mails in one statement inside the caller's transaction.
pub async fn enqueue_many(
    c: &mut impl Exec,
    app: &App,
    mails: Vec<(MailCategory, OutgoingMail)>,
) -> AppResult<()> {
    let queued: Vec<(MailJob, Option<UserId>)> = mails
        .into_iter()
        .map(|(category, mail)| {
            let user_id = mail.user_id;
            let job = MailJob {
                category,
                mail,
                to_closed_account: false,
                digest: false,
            };
            (job, user_id)
        })
        .collect();
    jobs::enqueue_many(c, app, &queued).await
}

/// Drops the mail queued for this member (e.g. after withdrawal); returns how many.
pub async fn drop_queued_for(c: &mut impl Exec, app: &App, user_id: UserId) -> AppResult<u64> {
    jobs::drop_queued_for_user::<MailJob>(c, user_id, app.now()).await
}

/// What happened to a queued mail.
#[derive(Debug, PartialEq, Eq)]
pub enum Delivery {
    Sent,
    /// Not sent: the member's settings or account status say no.
    Dropped,
}

impl Job for MailJob {
    const KIND: &'static str = "mail.send";
    const FORGET_PAYLOAD_WHEN_DONE: bool = true;
    async fn run(self, app: &App) -> AppResult<()> {
        deliver(app, self).await.map(|_| ())
    }
}

/// The job handler: re-checks settings and account status, then hands the mail to the mailer.
pub async fn deliver(app: &App, job: MailJob) -> AppResult<Delivery> {
    if let Some(user_id) = job.mail.user_id {
        let mut c = app.db.read().await?;
        let Some(user) = users::find(&mut c, user_id).await? else {
            return Ok(Delivery::Dropped);
        };
        let reachable = match user.status {
            AccountStatus::Active => true,
            AccountStatus::Closed => job.to_closed_account,
            AccountStatus::Purged => false,
        };
        if !reachable || !settings::allows(&mut c, app, user_id, job.category).await? {
            return Ok(Delivery::Dropped);
        }
        // A member taking the daily digest gets messages in it, not one mail each.
        if job.category == MailCategory::Messages
            && !job.digest
            && crate::notifications::grid::wants_digest(&mut c, user_id).await?
        {
            return Ok(Delivery::Dropped);
        }
    }
    app.mailer
        .send(&job.mail)
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Delivery::Sent)
}
