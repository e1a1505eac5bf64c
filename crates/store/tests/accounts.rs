//! Store functions for accounts on both backends.

use yorozu_domain::{JobId, UserId};
use yorozu_store::accounts::{sessions, users};
use yorozu_store::{Db, both_backends, jobs};

async fn new_user(db: &Db, id: i64, email: &str) -> Result<(), yorozu_store::Error> {
    let mut tx = db.begin().await?;
    users::insert(
        &mut tx,
        &users::NewUser {
            id: UserId::new(id),
            email,
            password_hash: "h",
            role: yorozu_domain::accounts::Role::Member,
            locale: "ja",
            now: 100,
        },
    )
    .await?;
    tx.commit().await
}

both_backends!(duplicate_email_is_a_unique_violation, |db: Db| async move {
    new_user(&db, 1, "a@example.jp")
        .await
        .expect("first insert");
    let err = new_user(&db, 2, "a@example.jp")
        .await
        .expect_err("second insert must fail");
    assert!(err.unique_violation(), "{err:?}");
    let mut c = db.read().await.expect("read");
    let found = users::find_by_email(&mut c, "a@example.jp")
        .await
        .expect("find")
        .expect("row");
    assert_eq!(found.id, UserId::new(1));
    assert_eq!(found.status.as_str(), "active");
    assert!(
        users::find(&mut c, UserId::new(2))
            .await
            .expect("find")
            .is_none(),
        "nothing half-saved"
    );
});

both_backends!(
    sessions_expire_and_sign_out_everywhere_keeps_current,
    |db: Db| async move {
        new_user(&db, 1, "s@example.jp").await.expect("user");
        let mut tx = db.begin().await.expect("begin");
        for (hash, expires) in [("a", 200), ("b", 1000), ("c", 1000)] {
            sessions::insert(
                &mut tx,
                &sessions::SessionRow {
                    token_hash: hash.into(),
                    user_id: UserId::new(1),
                    created_at: 100,
                    last_seen_at: 100,
                    expires_at: expires,
                    user_agent: "ua".into(),
                    ip: "127.0.0.1".into(),
                },
            )
            .await
            .expect("insert session");
        }
        tx.commit().await.expect("commit");
        let mut tx = db.begin().await.expect("begin");
        assert!(
            sessions::find_live(&mut tx, "a", 300)
                .await
                .expect("find")
                .is_none(),
            "expired"
        );
        assert_eq!(
            sessions::list_for_user(&mut tx, UserId::new(1), 300)
                .await
                .expect("list")
                .len(),
            2
        );
        assert_eq!(
            sessions::delete_all_for_user(&mut tx, UserId::new(1), Some("b"))
                .await
                .expect("delete"),
            2
        );
        assert!(
            sessions::find_live(&mut tx, "b", 300)
                .await
                .expect("find")
                .is_some(),
            "current kept"
        );
        tx.commit().await.expect("commit");
    }
);

both_backends!(
    a_job_is_claimed_once_and_retried_after_failure,
    |db: Db| async move {
        let mut tx = db.begin().await.expect("begin");
        jobs::enqueue(
            &mut tx,
            &jobs::NewJob {
                id: JobId::new(7),
                kind: "mail",
                payload: "{}",
                user_id: Some(UserId::new(1)),
                run_at: 10,
                max_attempts: 2,
                now: 10,
            },
        )
        .await
        .expect("enqueue");
        tx.commit().await.expect("commit");

        let mut tx = db.begin().await.expect("begin");
        assert!(
            jobs::claim(&mut tx, "w1", 5, 65)
                .await
                .expect("claim")
                .is_none(),
            "not due yet"
        );
        let job = jobs::claim(&mut tx, "w1", 20, 80)
            .await
            .expect("claim")
            .expect("due job");
        assert_eq!((job.id, job.attempts), (JobId::new(7), 1));
        assert!(
            jobs::claim(&mut tx, "w2", 30, 90)
                .await
                .expect("claim")
                .is_none(),
            "leased"
        );
        jobs::fail(&mut tx, JobId::new(7), "w1", "smtp down", 40, 30)
            .await
            .expect("fail");
        let job = jobs::claim(&mut tx, "w2", 41, 100)
            .await
            .expect("claim")
            .expect("retry");
        assert_eq!(job.attempts, 2);
        jobs::fail(&mut tx, JobId::new(7), "w2", "still down", 50, 45)
            .await
            .expect("fail");
        let row = jobs::find(&mut tx, JobId::new(7))
            .await
            .expect("find")
            .expect("row");
        assert_eq!(row.status.as_str(), "failed", "attempts used up");
        tx.commit().await.expect("commit");
    }
);

both_backends!(
    queued_mail_to_a_member_can_be_dropped,
    |db: Db| async move {
        let mut tx = db.begin().await.expect("begin");
        for (id, user) in [(1, Some(5)), (2, Some(6)), (3, None)] {
            jobs::enqueue(
                &mut tx,
                &jobs::NewJob {
                    id: JobId::new(id),
                    kind: "mail",
                    payload: "{}",
                    user_id: user.map(UserId::new),
                    run_at: 10,
                    max_attempts: 3,
                    now: 10,
                },
            )
            .await
            .expect("enqueue");
        }
        assert_eq!(
            jobs::drop_queued_for_user(&mut tx, UserId::new(5), "mail", 11)
                .await
                .expect("drop"),
            1
        );
        assert_eq!(jobs::count_queued(&mut tx, "mail").await.expect("count"), 2);
        tx.commit().await.expect("commit");
    }
);
