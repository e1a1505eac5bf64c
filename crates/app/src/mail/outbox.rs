//! The outbox: every mail is a job row committed with the change that caused it, and the job
//! handler sends it (or drops it if the member switched the category off in the meantime).

use yorozu_domain::accounts::AccountStatus;
use yorozu_store::{Exec, accounts::users, jobs};

use crate::mail::{MailCategory, settings};
use crate::ports::OutgoingMail;
use crate::{App, AppError, AppResult};

pub const JOB_KIND: &str = "mail.send";

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MailJob {
    pub category: MailCategory,
    pub mail: OutgoingMail,
    /// The withdrawal's last mail: it goes to an account that is already closed.
    #[serde(default)]
    pub to_closed_account: bool,
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
        },
    )
    .await
}

async fn enqueue_job(c: &mut impl Exec, app: &App, job: &MailJob) -> AppResult<()> {
    let now = app.now();
    let user_id = job.mail.user_id;
    let payload = serde_json::to_string(job)?;
    jobs::enqueue(
        c,
        &jobs::NewJob {
            id: app.new_id(),
            kind: JOB_KIND,
            payload: &payload,
            user_id,
            run_at: now,
            max_attempts: app.policy.mail_max_attempts,
            now,
        },
    )
    .await?;
    Ok(())
}

/// Queues several mails in one statement inside the caller's transaction.
pub async fn enqueue_many(
    c: &mut impl Exec,
    app: &App,
    mails: Vec<(MailCategory, OutgoingMail)>,
) -> AppResult<()> {
    let now = app.now();
    let rows: Vec<(i64, Option<i64>, String)> = mails
        .into_iter()
        .map(|(category, mail)| {
            let user_id = mail.user_id;
            serde_json::to_string(&MailJob {
                category,
                mail,
                to_closed_account: false,
            })
            .map(|p| (app.new_id(), user_id, p))
        })
        .collect::<Result<_, _>>()?;
    let jobs: Vec<jobs::NewJob<'_>> = rows
        .iter()
        .map(|(id, user_id, payload)| jobs::NewJob {
            id: *id,
            kind: JOB_KIND,
            payload,
            user_id: *user_id,
            run_at: now,
            max_attempts: app.policy.mail_max_attempts,
            now,
        })
        .collect();
    jobs::enqueue_many(c, &jobs).await?;
    Ok(())
}

/// What happened to a queued mail.
#[derive(Debug, PartialEq, Eq)]
pub enum Delivery {
    Sent,
    /// Not sent: the member's settings or account status say no.
    Dropped,
}

/// The job handler: re-checks settings and account status, then hands the mail to the mailer.
pub async fn deliver(app: &App, payload: &str) -> AppResult<Delivery> {
    let job: MailJob = serde_json::from_str(payload)?;
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
    }
    app.mailer
        .send(&job.mail)
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Delivery::Sent)
}
