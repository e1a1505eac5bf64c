//! The withdrawal jobs and the sweep that keeps them going: a scheduled withdrawal's re-check
//! ([`schedule::attempt`]) and the purge ([`purge::run`]). Both are idempotent; the sweep
//! (part of the periodic maintenance) re-queues any that ran out of attempts or were lost.

use yorozu_store::jobs;
use yorozu_store::withdrawal::withdrawals;

use super::close::{PURGE_JOB, WithdrawalJob};
use super::purge::{self, Progress};
use super::schedule::{self, ATTEMPT_JOB};
use crate::{App, AppResult};

/// Runs a withdrawal job; `Ok(false)` when `kind` is not one.
pub async fn dispatch(app: &App, kind: &str, payload: &str) -> AppResult<bool> {
    if kind != PURGE_JOB && kind != ATTEMPT_JOB {
        return Ok(false);
    }
    let job: WithdrawalJob = serde_json::from_str(payload)?;
    if kind == ATTEMPT_JOB {
        schedule::attempt(app, job.withdrawal_id).await?;
        return Ok(true);
    }
    if purge::run(app, job.withdrawal_id, &mut purge::no_interruption).await?
        == Progress::WaitingForMail
    {
        // This job is still queued while it runs, so queue the next one without the sweep's
        // duplicate check.
        enqueue(app, PURGE_JOB, job.withdrawal_id, app.now() + 10, false).await?;
    }
    Ok(true)
}

/// Queues a withdrawal job; with `unless_queued`, only if none with the same payload is.
async fn enqueue(
    app: &App,
    kind: &'static str,
    withdrawal_id: i64,
    run_at: i64,
    unless_queued: bool,
) -> AppResult<()> {
    let payload = serde_json::to_string(&WithdrawalJob { withdrawal_id })?;
    let mut tx = app.db.begin().await?;
    if !unless_queued || jobs::count_queued_with_payload(&mut tx, kind, &payload).await? == 0 {
        jobs::enqueue(
            &mut tx,
            &jobs::NewJob {
                id: app.new_id(),
                kind,
                payload: &payload,
                user_id: None,
                run_at,
                max_attempts: 50,
                now: app.now(),
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Makes sure every scheduled withdrawal has a re-check queued and every due purge a job.
pub async fn sweep(app: &App) -> AppResult<()> {
    let now = app.now();
    let (scheduled, due) = {
        let mut c = app.db.read().await?;
        (
            withdrawals::scheduled(&mut c, 500).await?,
            withdrawals::purge_due(&mut c, now, 500).await?,
        )
    };
    for row in scheduled {
        enqueue(app, ATTEMPT_JOB, row.id, now, true).await?;
    }
    for row in due {
        enqueue(app, PURGE_JOB, row.id, now, true).await?;
    }
    Ok(())
}
