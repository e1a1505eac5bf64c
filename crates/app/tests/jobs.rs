//! The job runner: retries with backoff, leases that run out, several workers sharing one queue,
//! and periodic housekeeping.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;
use yorozu_domain::JobId;

use yorozu_app::accounts::sign_in;
use yorozu_app::jobs::{Job, Worker, maintenance};
use yorozu_app::mail::{MailCategory, outbox};
use yorozu_app::ports::OutgoingMail;
use yorozu_store::jobs::{self, JobRow, NewJob};
use yorozu_store::{Db, both_backends};

use support::*;

/// Queues a job row as the table holds it, kind and payload as given (bypassing the typed
/// `Job` trait, to stand for rows no current job type writes).
async fn queue_raw(t: &TestApp, kind: &str, payload: &str, max_attempts: i64) -> JobId {
    let id = t.app.new_id();
    let mut tx = t.app.db.begin().await.expect("begin");
    jobs::enqueue(
        &mut tx,
        &NewJob {
            id,
            kind,
            payload,
            user_id: None,
            run_at: START,
            max_attempts,
            now: START,
        },
    )
    .await
    .expect("enqueue");
    tx.commit().await.expect("commit");
    id
}

async fn job(t: &TestApp, id: JobId) -> JobRow {
    let mut c = t.app.db.read().await.expect("read");
    jobs::find(&mut c, id)
        .await
        .expect("find")
        .expect("job row")
}

async fn enqueue_mail(t: &TestApp, to: &str) {
    let mail = OutgoingMail {
        to: to.into(),
        user_id: None,
        subject: format!("お知らせ {to}"),
        body_text: "本文".into(),
        headers: vec![],
    };
    let mut tx = t.app.db.begin().await.expect("begin");
    outbox::enqueue(&mut tx, &t.app, MailCategory::Account, mail)
        .await
        .expect("enqueue");
    tx.commit().await.expect("commit");
}

both_backends!(
    a_failing_job_is_retried_with_growing_backoff_then_marked_failed,
    |db: Db| async move {
        let t = test_app(db);
        let id = queue_raw(&t, "no.such-kind", "{}", 3).await;

        assert_eq!(t.run_jobs().await, 1);
        let first = job(&t, id).await;
        assert_eq!((first.status.as_str(), first.attempts), ("queued", 1));
        assert!(
            first
                .last_error
                .as_deref()
                .is_some_and(|e| e.contains("unknown job kind no.such-kind")),
            "{first:?}"
        );
        assert_eq!(first.run_at, START + 20, "first retry 20 s later");
        assert_eq!(first.locked_until, None, "lease released");
        assert_eq!(t.run_jobs().await, 0, "not due again yet");

        t.advance(19);
        assert_eq!(t.run_jobs().await, 0);
        t.advance(1);
        assert_eq!(t.run_jobs().await, 1);
        let second = job(&t, id).await;
        assert_eq!((second.status.as_str(), second.attempts), ("queued", 2));
        assert_eq!(second.run_at, START + 20 + 40, "the wait doubles");

        t.advance(40);
        assert_eq!(t.run_jobs().await, 1);
        let last = job(&t, id).await;
        assert_eq!(
            (last.status.as_str(), last.attempts),
            ("failed", 3),
            "attempts used up"
        );
        assert_eq!(last.finished_at, Some(START + 60));

        t.advance(DAY);
        assert_eq!(
            t.run_jobs().await,
            0,
            "a failed job is never picked up again"
        );
    }
);

both_backends!(
    a_payload_that_does_not_decode_is_a_failure_like_any_other,
    |db: Db| async move {
        let t = test_app(db);
        let id = queue_raw(&t, <outbox::MailJob as Job>::KIND, "{\"category\": 1}", 1).await;

        assert_eq!(t.run_jobs().await, 1);
        let row = job(&t, id).await;
        assert_eq!((row.status.as_str(), row.attempts), ("failed", 1));
        assert!(
            row.last_error
                .as_deref()
                .is_some_and(|e| e.contains("json: expected value")),
            "{row:?}"
        );
        assert!(t.mailbox().await.is_empty(), "nothing sent");
    }
);

both_backends!(
    a_job_whose_worker_vanished_is_taken_over_after_the_lease,
    |db: Db| async move {
        let t = test_app(db);
        enqueue_mail(&t, "lease@example.jp").await;
        // A worker claims the job and dies before finishing it.
        let mut tx = t.app.db.begin().await.expect("begin");
        let claimed = jobs::claim(&mut tx, "crashed-worker", START, START + 300)
            .await
            .expect("claim")
            .expect("due job");
        tx.commit().await.expect("commit");

        assert_eq!(t.run_jobs().await, 0, "leased to the crashed worker");
        t.advance(301);
        assert_eq!(t.run_jobs().await, 1, "the lease ran out");
        assert_eq!(t.mails_to("lease@example.jp").await.len(), 1);
        let row = job(&t, claimed.id).await;
        assert_eq!((row.status.as_str(), row.attempts), ("done", 2));

        // The crashed worker coming back cannot complete a job it no longer holds.
        let mut tx = t.app.db.begin().await.expect("begin");
        assert!(
            !jobs::complete(&mut tx, claimed.id, "crashed-worker", START + 400)
                .await
                .expect("complete")
        );
        tx.commit().await.expect("commit");
    }
);

both_backends!(
    two_concurrent_workers_deliver_each_mail_exactly_once,
    |db: Db| async move {
        let t = test_app(db);
        let addresses: Vec<String> = (0..20)
            .map(|n| format!("reader{n:02}@example.jp"))
            .collect();
        for address in &addresses {
            enqueue_mail(&t, address).await;
        }

        let workers = [
            Worker::new(t.app.clone(), Duration::from_millis(10)),
            Worker::new(t.app.clone(), Duration::from_millis(10)),
        ];
        assert_ne!(workers[0].name, workers[1].name);
        let handles =
            workers.map(|w| tokio::spawn(async move { w.run_due().await.expect("worker") }));
        let mut ran = 0;
        for handle in handles {
            ran += handle.await.expect("worker task");
        }

        assert_eq!(ran, 20, "each job ran once in total");
        let delivered = t.mailbox().await;
        assert_eq!(delivered.len(), 20, "no mail sent twice, none lost");
        let recipients: BTreeSet<_> = delivered.iter().map(|m| m.to_addr.clone()).collect();
        assert_eq!(
            recipients,
            addresses.iter().cloned().collect::<BTreeSet<_>>()
        );
        assert_eq!(queued_jobs::<outbox::MailJob>(&t.app.db).await, 0);
        assert_eq!(
            t.count("jobs WHERE status = 'done' AND attempts = 1").await,
            20,
            "no job needed a second attempt"
        );
    }
);

both_backends!(
    maintenance_deletes_expired_sessions_and_old_sign_in_failures,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register("taro@example.jp", "太郎").await;
        let _ = sign_in::sign_in(&t.app, "taro@example.jp", "wrong", &client()).await;
        assert_eq!(
            (t.count("sessions").await, t.count("sign_in_failures").await),
            (1, 1)
        );

        maintenance::run(&t.app).await.expect("maintenance");
        assert_eq!(
            (t.count("sessions").await, t.count("sign_in_failures").await),
            (1, 1),
            "nothing old yet"
        );

        t.advance(31 * DAY);
        maintenance::run(&t.app).await.expect("maintenance");
        assert_eq!(
            (t.count("sessions").await, t.count("sign_in_failures").await),
            (0, 0)
        );
        assert!(
            yorozu_app::accounts::sessions::authenticate(&t.app, &member.session_token)
                .await
                .expect("auth")
                .is_none()
        );
    }
);
