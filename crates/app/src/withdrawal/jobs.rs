//! The withdrawal jobs and the sweep that keeps them going: a scheduled withdrawal's re-check
//! ([`schedule::attempt`]) and the purge ([`purge::run`]). Both are idempotent; the sweep
//! (part of the periodic maintenance) re-queues any that ran out of attempts or were lost.

use yorozu_store::withdrawal::withdrawals;
use yorozu_store::{Exec, jobs};

use super::purge::{self, Progress};
use super::schedule;
use crate::{App, AppResult};

/// Job kind of the purge.
pub const PURGE_JOB: &str = "withdrawal.purge";
/// Job kind of a scheduled withdrawal's re-check.
pub const ATTEMPT_JOB: &str = "withdrawal.attempt";

/// The payload of both jobs.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct WithdrawalJob {
    pub withdrawal_id: i64,
}

fn payload(withdrawal_id: i64) -> AppResult<String> {
    Ok(serde_json::to_string(&WithdrawalJob { withdrawal_id })?)
}

/// Queues a withdrawal job inside the caller's transaction.
pub(crate) async fn queue(
    c: &mut impl Exec,
    app: &App,
    kind: &'static str,
    withdrawal_id: i64,
    run_at: i64,
) -> AppResult<()> {
    jobs::enqueue(
        c,
        &jobs::NewJob {
            id: app.new_id(),
            kind,
            payload: &payload(withdrawal_id)?,
            user_id: None,
            run_at,
            max_attempts: 50,
            now: app.now(),
        },
    )
    .await?;
    Ok(())
}

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
        // This job is still queued while it runs, so the next one is queued without the
        // sweep's duplicate check.
        let mut tx = app.db.begin().await?;
        queue(&mut tx, app, PURGE_JOB, job.withdrawal_id, app.now() + 10).await?;
        tx.commit().await?;
    }
    Ok(true)
}

/// Queues a job for `withdrawal_id` unless one with the same payload is already queued.
async fn queue_once(app: &App, kind: &'static str, withdrawal_id: i64) -> AppResult<()> {
    let mut tx = app.db.begin().await?;
    if jobs::count_queued_with_payload(&mut tx, kind, &payload(withdrawal_id)?).await? == 0 {
        queue(&mut tx, app, kind, withdrawal_id, app.now()).await?;
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
        queue_once(app, ATTEMPT_JOB, row.id).await?;
    }
    for row in due {
        queue_once(app, PURGE_JOB, row.id).await?;
    }
    Ok(())
}
