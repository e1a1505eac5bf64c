//! Several `yorozu serve` processes on one PostgreSQL (README, "Several processes on one
//! PostgreSQL"): two applications, each with its own connection pool and job worker, over the
//! same database, file store and keys. A session begun on one is valid on the other, a file
//! uploaded through one is read through the other, and jobs queued anywhere run exactly once
//! however the two workers race for them.

mod support;

use std::sync::Arc;
use std::time::Duration;

use yorozu_app::App;
use yorozu_app::accounts::sessions;
use yorozu_app::jobs::Worker;
use yorozu_app::mail::{MailCategory, outbox};
use yorozu_app::ports::{MailboxMailer, OutgoingMail};
use yorozu_store::testing::TestDb;

use support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_share_sessions_uploads_and_jobs() {
    let Some(database) = TestDb::postgres_if_set().await else {
        return;
    };
    let first = test_app(database.db.clone());
    let other_pool = database.another_pool().await;
    // The second process: its own pool (and mailer over it); the same file store and keys,
    // as the README asks of every process.
    let second = App {
        db: other_pool.clone(),
        mailer: Arc::new(MailboxMailer {
            db: other_pool,
            clock: first.clock.clone(),
            ids: yorozu_app::ids::IdGenerator,
        }),
        ..first.app.clone()
    };

    // Sessions: signed up on the first, recognised by the second.
    let member = first
        .register_confirmed("shared@example.jp", "共有さん")
        .await;
    let seen = sessions::authenticate(&second, &member.session_token)
        .await
        .expect("authenticate")
        .expect("the other process knows the session");
    assert_eq!(seen.0.id, member.user_id);

    // Uploads: an avatar stored through the first is served by the second.
    yorozu_app::profile::avatar::upload(&first.app, member.user_id, png(64, 64))
        .await
        .expect("upload");
    let served = yorozu_app::profile::avatar::load(&second, member.user_id)
        .await
        .expect("load")
        .expect("the other process reads the file");
    assert!(is_jpeg(&served));

    // Jobs: 60 mails queued through either process, then both workers race for them.
    for i in 0..60 {
        let app = if i % 2 == 0 { &first.app } else { &second };
        let mut tx = app.db.begin().await.expect("begin");
        outbox::enqueue(
            &mut tx,
            app,
            MailCategory::Account,
            OutgoingMail {
                to: format!("race{i}@example.jp"),
                user_id: None,
                subject: format!("mail {i}"),
                body_text: "body".into(),
                headers: vec![],
            },
        )
        .await
        .expect("enqueue");
        tx.commit().await.expect("commit");
    }
    let one = Worker::new(first.app.clone(), Duration::from_millis(5));
    let two = Worker::new(second.clone(), Duration::from_millis(5));
    let (a, b) = tokio::join!(
        tokio::spawn(async move { one.run_due().await.expect("worker one") }),
        tokio::spawn(async move { two.run_due().await.expect("worker two") }),
    );
    let (a, b) = (a.expect("join"), b.expect("join"));
    assert_eq!(a + b, 60, "every job ran once: {a} + {b}");
    let sent: Vec<_> = first
        .mailbox()
        .await
        .into_iter()
        .filter(|m| m.to_addr.starts_with("race"))
        .collect();
    assert_eq!(sent.len(), 60, "each mail went out exactly once");
    println!("worker one ran {a} jobs, worker two {b}");
}
