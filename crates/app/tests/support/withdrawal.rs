//! Withdrawal helpers: confirmations with the right acknowledgements, closing at once, purging,
//! and reading a member's state straight from the database.

use yorozu_app::accounts::CurrentUser;
use yorozu_app::withdrawal::close::Closed;
use yorozu_app::withdrawal::confirm::{Confirmation, Outcome, When, withdraw};
use yorozu_app::withdrawal::purge::{self, Progress};
use yorozu_app::withdrawal::readiness::{Forfeits, check};
use yorozu_domain::{UserId, WithdrawalId};
use yorozu_store::Db;

use super::{DAY, HOUR, PASSWORD, TestApp};

/// A confirmation that acknowledges exactly what `member` would forfeit now.
pub async fn acknowledging(t: &TestApp, member: &CurrentUser, erase_now: bool) -> Confirmation {
    let forfeits: Forfeits = check(&t.app, member).await.expect("readiness").forfeits;
    Confirmation {
        password: PASSWORD.into(),
        reasons: vec!["fees-too-high".into(), "other".into()],
        comment: "連絡先は taro@example.jp です".into(),
        acknowledged: forfeits,
        erase_now,
    }
}

/// Withdraws `member` at once (nothing may block).
pub async fn close_now(t: &TestApp, member: &CurrentUser, erase_now: bool) -> Closed {
    let confirmation = acknowledging(t, member, erase_now).await;
    match withdraw(&t.app, member, &confirmation, When::Now)
        .await
        .expect("withdraw")
    {
        Outcome::Closed(closed) => closed,
        other => panic!("expected the account to close, got {other:?}"),
    }
}

/// Schedules `member`'s withdrawal behind their blockers; returns its id.
pub async fn schedule(
    t: &TestApp,
    member: &CurrentUser,
    confirmation: &Confirmation,
) -> WithdrawalId {
    match withdraw(&t.app, member, confirmation, When::WhenReady)
        .await
        .expect("schedule")
    {
        Outcome::Scheduled { withdrawal_id, .. } => withdrawal_id,
        other => panic!("expected a schedule, got {other:?}"),
    }
}

/// Lets a delivery's auto-approval (3 days) pass, then the hourly re-check of a schedule.
pub async fn let_auto_approval_run(t: &TestApp) {
    t.advance(3 * DAY + 1);
    t.run_jobs().await;
    t.advance(HOUR);
    t.run_jobs().await;
}

/// Runs the purge of `withdrawal_id` to the end (the closing mail must have gone out).
pub async fn purge_all(t: &TestApp, withdrawal_id: WithdrawalId) {
    t.run_jobs().await;
    let progress = purge::run(&t.app, withdrawal_id, &mut purge::no_interruption)
        .await
        .expect("purge");
    assert!(
        matches!(progress, Progress::Purged | Progress::NotDue),
        "{progress:?}"
    );
}

/// The account's status (`active`, `closed`, `purged`).
pub async fn status(db: &Db, user_id: UserId) -> String {
    let mut c = db.read().await.expect("read");
    yorozu_store::accounts::users::find(&mut c, user_id)
        .await
        .expect("find")
        .expect("user row")
        .status
        .as_str()
        .to_owned()
}

/// The withdrawal's state.
pub async fn withdrawal_state(db: &Db, id: WithdrawalId) -> String {
    let mut c = db.read().await.expect("read");
    yorozu_store::withdrawal::withdrawals::find(&mut c, id)
        .await
        .expect("find")
        .expect("withdrawal row")
        .state
        .as_str()
        .to_owned()
}
