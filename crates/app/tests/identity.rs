//! Identity verification: submission, the operator's decision (audited and mailed), and the
//! erasure of the document image after the retention period.

mod support;

use yorozu_app::AppError;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::identity::review::{self, Decision};
use yorozu_app::identity::{erase, state, submit::submit};
use yorozu_app::jobs::Job;
use yorozu_app::operators::{audit, create::create_operator};
use yorozu_domain::{DocumentId, UserId};
use yorozu_store::{Db, both_backends, identity, profiles};

use support::*;

/// A confirmed member and an operator.
async fn member_and_operator(t: &TestApp) -> (CurrentUser, CurrentUser) {
    let member = t.register_confirmed("taro@example.jp", "太郎").await;
    let operator_id = create_operator(&t.app, "ops@yorozu.test", "operator secret 1", "審査担当")
        .await
        .expect("operator");
    (
        t.load_user(member.user_id).await,
        t.load_user(operator_id).await,
    )
}

async fn document(t: &TestApp, id: DocumentId) -> identity::DocumentRow {
    let mut c = t.app.db.read().await.expect("read");
    identity::find(&mut c, id)
        .await
        .expect("find")
        .expect("document row")
}

async fn verified_at(t: &TestApp, user_id: UserId) -> Option<i64> {
    let mut c = t.app.db.read().await.expect("read");
    profiles::find(&mut c, user_id)
        .await
        .expect("find")
        .expect("profile row")
        .identity_verified_at
}

#[track_caller]
fn assert_conflict<T: std::fmt::Debug>(result: Result<T, AppError>, code: &str) {
    assert!(
        matches!(&result, Err(AppError::Conflict(c)) if *c == code),
        "expected Conflict({code}), got {result:?}"
    );
}

both_backends!(
    an_unconfirmed_member_cannot_submit_a_document,
    |db: Db| async move {
        let t = test_app(db);
        let registered = t.register("taro@example.jp", "太郎").await;
        let member = t.load_user(registered.user_id).await;
        assert_conflict(
            submit(&t.app, &member, "drivers-license", png(300, 200)).await,
            "identity-needs-confirmed-email",
        );
        assert_eq!(t.count("identity_documents").await, 0);
        assert!(t.app.files.keys().await.expect("keys").is_empty());
    }
);

both_backends!(
    a_submitted_document_is_pending_and_a_second_submission_waits,
    |db: Db| async move {
        let t = test_app(db);
        let (member, _) = member_and_operator(&t).await;
        let id = submit(&t.app, &member, "my-number-card", png(300, 200))
            .await
            .expect("submit");

        let doc = document(&t, id).await;
        assert_eq!(
            (doc.user_id, doc.kind.as_str(), doc.status.as_str()),
            (member.id, "my-number-card", "pending")
        );
        let key = doc.file_key.expect("file key");
        assert!(
            is_jpeg(&t.app.files.get(&key).await.expect("stored")),
            "re-encoded as JPEG"
        );
        assert!(
            !is_jpeg(&std::fs::read(t.files_dir.0.join(&key)).expect("raw")),
            "encrypted at rest"
        );

        assert_conflict(
            submit(&t.app, &member, "passport", png(300, 200)).await,
            "identity-already-pending",
        );
        assert_eq!(t.count("identity_documents").await, 1);
        assert_eq!(
            t.app.files.keys().await.expect("keys").len(),
            1,
            "the refused upload was not stored"
        );
    }
);

both_backends!(
    a_submission_needs_a_known_kind_and_an_image,
    |db: Db| async move {
        let t = test_app(db);
        let (member, _) = member_and_operator(&t).await;
        assert_eq!(
            invalid_fields(submit(&t.app, &member, "library-card", png(10, 10)).await),
            [("kind", "identity-document-kind-unknown")]
        );
        assert_eq!(
            invalid_fields(submit(&t.app, &member, "passport", b"%PDF-1.7".to_vec()).await),
            [("document", "upload-not-image")]
        );
        assert_eq!(t.count("identity_documents").await, 0);
    }
);

both_backends!(only_operators_review_documents, |db: Db| async move {
    let t = test_app(db);
    let (member, _) = member_and_operator(&t).await;
    let id = submit(&t.app, &member, "passport", png(300, 200))
        .await
        .expect("submit");
    let decided = review::decide(&t.app, &member, id, Decision::Approve, "").await;
    assert!(matches!(decided, Err(AppError::Forbidden)), "{decided:?}");
    assert!(matches!(
        review::pending(&t.app, &member).await,
        Err(AppError::Forbidden)
    ));
    assert!(matches!(
        review::image(&t.app, &member, id).await,
        Err(AppError::Forbidden)
    ));
    assert_eq!(document(&t, id).await.status.as_str(), "pending");
    assert!(verified_at(&t, member.id).await.is_none(), "no badge");
});

both_backends!(
    approval_badges_the_profile_audits_mails_and_erases_the_image_after_30_days,
    |db: Db| async move {
        let t = test_app(db);
        let (member, operator) = member_and_operator(&t).await;
        let id = submit(&t.app, &member, "drivers-license", png(300, 200))
            .await
            .expect("submit");
        let key = document(&t, id).await.file_key.expect("file key");

        let queue = review::pending(&t.app, &operator).await.expect("pending");
        assert_eq!(queue.iter().map(|d| d.id).collect::<Vec<_>>(), [id]);
        assert!(is_jpeg(
            &review::image(&t.app, &operator, id)
                .await
                .expect("operator sees the image")
        ));

        review::decide(&t.app, &operator, id, Decision::Approve, "")
            .await
            .expect("approve");
        let decided_at = t.app.now();

        assert!(
            verified_at(&t, member.id)
                .await
                .is_some_and(|at| at <= decided_at),
            "badge on the profile"
        );
        let log = audit::list(&t.app, &operator, None)
            .await
            .expect("audit log");
        assert_eq!(log.len(), 1);
        assert_eq!(
            (
                log[0].operator_id,
                log[0].action.as_str(),
                log[0].target_user_id
            ),
            (operator.id, "identity.approved", Some(member.id))
        );
        assert!(log[0].detail.contains(&id.to_string()));
        assert!(matches!(
            audit::list(&t.app, &member, None).await,
            Err(AppError::Forbidden)
        ));
        assert!(
            review::pending(&t.app, &operator)
                .await
                .expect("pending")
                .is_empty()
        );
        assert_eq!(
            queued_jobs::<erase::EraseDocumentFile>(&t.app.db).await,
            1,
            "erasure scheduled with the decision"
        );

        // The worker sends the mail now but leaves the image for the retention period.
        t.run_jobs().await;
        let mail = t.last_mail_to("taro@example.jp").await;
        assert_eq!(mail.subject, "【よろず】本人確認が完了しました");
        assert!(
            mail.body_text
                .contains("http://test.local/settings/identity")
        );
        t.advance(29 * DAY);
        assert_eq!(t.run_jobs().await, 0);
        assert!(t.app.files.get(&key).await.is_ok(), "kept during retention");

        t.advance(DAY);
        assert_eq!(t.run_jobs().await, 1);
        assert!(
            matches!(
                t.app.files.get(&key).await,
                Err(yorozu_app::ports::FileError::NotFound)
            ),
            "image erased"
        );
        assert!(!t.files_dir.0.join(&key).exists());
        assert!(
            matches!(
                review::image(&t.app, &operator, id).await,
                Err(AppError::NotFound)
            ),
            "nothing left to show"
        );
        let doc = document(&t, id).await;
        assert_eq!(doc.status.as_str(), "approved", "the decision stays");
        assert_eq!(doc.decided_by, Some(operator.id));
        assert!(doc.decided_at.is_some());
        assert!(doc.file_key.is_none());
        let erased_at = doc.file_erased_at.expect("erasure recorded");
        assert!(erased_at >= decided_at + 30 * DAY);
        assert_eq!(queued_jobs::<erase::EraseDocumentFile>(&t.app.db).await, 0);

        // Running the erasure again changes nothing.
        t.advance(HOUR);
        erase::EraseDocumentFile { document_id: id }
            .run(&t.app)
            .await
            .expect("second run");
        let again = document(&t, id).await;
        assert_eq!(
            (again.status.as_str(), again.file_erased_at),
            ("approved", Some(erased_at))
        );

        let mut c = t.app.db.read().await.expect("read");
        let shown = state(&mut c, member.id).await.expect("state");
        assert_eq!(shown.status.map(|s| s.as_str()), Some("approved"));
        assert_eq!(shown.file_erased_at, Some(erased_at));
        drop(c);
        assert_conflict(
            submit(&t.app, &member, "passport", png(10, 10)).await,
            "identity-already-approved",
        );
    }
);

both_backends!(a_document_is_decided_only_once, |db: Db| async move {
    let t = test_app(db);
    let (member, operator) = member_and_operator(&t).await;
    let id = submit(&t.app, &member, "passport", png(300, 200))
        .await
        .expect("submit");
    review::decide(&t.app, &operator, id, Decision::Approve, "")
        .await
        .expect("approve");
    let second = review::decide(&t.app, &operator, id, Decision::Reject, "見えません").await;
    assert_conflict(second, "identity-already-decided");
    assert_eq!(document(&t, id).await.status.as_str(), "approved");
    assert_eq!(
        queued_jobs::<erase::EraseDocumentFile>(&t.app.db).await,
        1,
        "one erasure only"
    );
    assert_eq!(t.count("audit_log").await, 1);
    assert!(matches!(
        review::decide(
            &t.app,
            &operator,
            DocumentId::new(42),
            Decision::Approve,
            ""
        )
        .await,
        Err(AppError::NotFound)
    ));
});

both_backends!(
    a_rejection_needs_a_reason_and_allows_resubmission,
    |db: Db| async move {
        let t = test_app(db);
        let (member, operator) = member_and_operator(&t).await;
        let id = submit(&t.app, &member, "passport", png(300, 200))
            .await
            .expect("submit");

        let no_reason = review::decide(&t.app, &operator, id, Decision::Reject, "   ").await;
        assert_eq!(
            invalid_fields(no_reason),
            [("reason", "rejection-reason-empty")]
        );
        assert_eq!(
            document(&t, id).await.status.as_str(),
            "pending",
            "nothing decided"
        );
        assert_eq!(t.count("audit_log").await, 0);

        review::decide(&t.app, &operator, id, Decision::Reject, "画像が不鮮明です")
            .await
            .expect("reject");
        let doc = document(&t, id).await;
        assert_eq!(
            (doc.status.as_str(), doc.rejection_reason.as_deref()),
            ("rejected", Some("画像が不鮮明です"))
        );
        assert!(verified_at(&t, member.id).await.is_none(), "no badge");
        t.run_jobs().await;
        let mail = t.last_mail_to("taro@example.jp").await;
        assert_eq!(mail.subject, "【よろず】本人確認書類を再提出してください");
        assert!(
            mail.body_text.contains("理由: 画像が不鮮明です"),
            "{}",
            mail.body_text
        );

        let second = submit(&t.app, &member, "passport", png(320, 240))
            .await
            .expect("resubmission");
        assert_ne!(second, id);
        assert_eq!(document(&t, second).await.status.as_str(), "pending");

        // The rejected image is erased on schedule too.
        t.advance(30 * DAY);
        t.run_jobs().await;
        let rejected = document(&t, id).await;
        assert!(rejected.file_key.is_none() && rejected.file_erased_at.is_some());
        assert_eq!(
            t.app.files.keys().await.expect("keys").len(),
            1,
            "only the pending resubmission's image is left"
        );
    }
);
