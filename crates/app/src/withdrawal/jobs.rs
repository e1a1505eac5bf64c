//! The withdrawal jobs and the sweep that keeps them going: a scheduled withdrawal's re-check
//! ([`schedule::attempt`]) and the purge ([`purge::run`]). Both are idempotent; the sweep
//! (part of the periodic maintenance) re-queues any that ran out of attempts or were lost.

use yorozu_store::withdrawal::withdrawals;

use super::job_kinds::{Attempt, Purge};
use super::purge::{self, Progress};
use super::schedule;
use crate::jobs::{self, Job};
use crate::{App, AppResult};

/// Withdrawal jobs wait on other things (mail, payouts) for long: they retry many times.
const MAX_ATTEMPTS: i64 = 50;

impl Job for Attempt {
    const KIND: &'static str = "withdrawal.attempt";
    fn max_attempts(_: &App) -> i64 {
        MAX_ATTEMPTS
    }
    async fn run(self, app: &App) -> AppResult<()> {
        schedule::attempt(app, self.withdrawal_id).await
    }
}

impl Job for Purge {
    const KIND: &'static str = "withdrawal.purge";
    fn max_attempts(_: &App) -> i64 {
        MAX_ATTEMPTS
    }
    async fn run(self, app: &App) -> AppResult<()> {
        if purge::run(app, self.withdrawal_id, &mut purge::no_interruption).await?
            == Progress::WaitingForMail
        {
            // This job is still queued while it runs, so the next one is queued without the
            // sweep's duplicate check.
            let mut tx = app.db.begin().await?;
            jobs::enqueue(&mut tx, app, &self, None, app.now() + 10).await?;
            tx.commit().await?;
        }
        Ok(())
    }
}

/// Queues `job` unless the very same one is already queued.
async fn queue_once(app: &App, job: &impl Job) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    if !jobs::is_queued(&mut tx, job).await? {
        jobs::enqueue(&mut tx, app, job, None, app.now()).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Makes sure every scheduled withdrawal has a re-check queued and every due purge a job.
pub async fn sweep(app: &App) -> AppResult<()> {
    let (scheduled, due) = {
        let mut c = app.db.read().await?;
        (
            withdrawals::scheduled(&mut c, 500).await?,
            withdrawals::purge_due(&mut c, app.now(), 500).await?,
        )
    };
    for row in scheduled {
        queue_once(
            app,
            &Attempt {
                withdrawal_id: row.id,
            },
        )
        .await?;
    }
    for row in due {
        queue_once(
            app,
            &Purge {
                withdrawal_id: row.id,
            },
        )
        .await?;
    }
    Ok(())
}
