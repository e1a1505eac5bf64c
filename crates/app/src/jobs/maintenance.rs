//! Periodic housekeeping: expired sessions, old sign-in failures and idle
//! request counters are deleted, points past
//! their validity expire, and so do sales not requested in time; withdrawal jobs that were
//! lost or ran out of attempts are queued again; members who saw improvement hints on the
//! withdrawal page and are still active a month later are counted as stayed; data-export archives past their expiry are
//! deleted; the change logs (search, catalogue) are pruned of what every process has applied;
//! the daily message digests go out.

use yorozu_store::accounts::{request_counters, sessions, sign_in_failures};

use crate::{App, AppResult};

pub async fn run(app: &App) -> AppResult<()> {
    let now = app.now();
    let mut tx = app.db.begin_background().await?;
    sessions::delete_expired(&mut tx, now).await?;
    sign_in_failures::delete_older_than(&mut tx, now - 86_400).await?;
    // Counters idle for two days: every throttle has forgotten them by then.
    request_counters::delete_idle_since(&mut tx, now - 2 * 86_400).await?;
    tx.commit().await?;
    crate::promotions::points::expire_due(app).await?;
    crate::payouts::expiry::expire_due(app).await?;
    crate::withdrawal::jobs::sweep(app).await?;
    crate::withdrawal::hints::settle_due(app).await?;
    crate::export::request::expire_due(app).await?;
    crate::change_log_prune::prune(app).await?;
    crate::notifications::digest::send_due(app).await?;
    Ok(())
}
