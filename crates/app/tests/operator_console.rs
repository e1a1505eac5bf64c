//! What the operator console reads: the dashboard count, the review queue and one document with
//! the member's name, the audit log with names, and the newsletter's checks.

mod support;

use yorozu_app::AppError;
use yorozu_app::identity::review::{self, Decision};
use yorozu_app::identity::submit::submit;
use yorozu_app::mail::newsletter;
use yorozu_app::operators::{audit, create::create_operator, dashboard};
use yorozu_store::{Db, both_backends};

use support::*;

both_backends!(
    the_console_shows_pending_documents_with_member_names,
    |db: Db| async move {
        let t = test_app(db);
        let member = t
            .load_user(
                t.register_confirmed("taro@example.jp", "太郎")
                    .await
                    .user_id,
            )
            .await;
        let operator = t
            .load_user(
                create_operator(&t.app, "ops@yorozu.test", "operator secret 1", "審査担当")
                    .await
                    .expect("operator"),
            )
            .await;
        assert_eq!(
            dashboard::summary(&t.app, &operator)
                .await
                .expect("summary")
                .pending_documents,
            0
        );
        assert!(matches!(
            dashboard::summary(&t.app, &member).await,
            Err(AppError::Forbidden)
        ));

        let id = submit(&t.app, &member, "passport", png(40, 30))
            .await
            .expect("submit");
        assert_eq!(
            dashboard::summary(&t.app, &operator)
                .await
                .expect("summary")
                .pending_documents,
            1
        );
        let queue = review::pending(&t.app, &operator).await.expect("queue");
        assert_eq!(queue.len(), 1);
        assert_eq!(
            (
                queue[0].id,
                queue[0].member_name.as_deref(),
                queue[0].kind.as_str()
            ),
            (id, Some("太郎"), "passport")
        );
        assert!(queue[0].has_image);

        let shown = review::document(&t.app, &operator, id)
            .await
            .expect("document");
        assert_eq!(
            (shown.status.as_str(), shown.user_id),
            ("pending", member.id)
        );
        assert!(matches!(
            review::document(&t.app, &member, id).await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            review::document(&t.app, &operator, yorozu_domain::DocumentId::new(42)).await,
            Err(AppError::NotFound)
        ));

        review::decide(
            &t.app,
            &operator,
            id,
            Decision::Reject,
            "生年月日が読み取れません",
        )
        .await
        .expect("reject");
        let decided = review::document(&t.app, &operator, id)
            .await
            .expect("document");
        assert_eq!(
            (decided.status.as_str(), decided.rejection_reason.as_deref()),
            ("rejected", Some("生年月日が読み取れません"))
        );
        assert_eq!(
            dashboard::summary(&t.app, &operator)
                .await
                .expect("summary")
                .pending_documents,
            0
        );

        let log = audit::list(&t.app, &operator, None).await.expect("audit");
        assert_eq!(
            (
                log[0].operator_name.as_deref(),
                log[0].target_name.as_deref()
            ),
            (Some("審査担当"), Some("太郎"))
        );
        assert!(
            audit::list(&t.app, &operator, Some(log[0].id))
                .await
                .expect("older")
                .is_empty()
        );
    }
);

both_backends!(
    the_newsletter_needs_a_subject_and_a_body_and_an_operator,
    |db: Db| async move {
        let t = test_app(db);
        let member = t.register_confirmed("taro@example.jp", "太郎").await;
        let operator = create_operator(&t.app, "ops@yorozu.test", "operator secret 1", "配信担当")
            .await
            .expect("operator");

        let empty = newsletter::send(&t.app, operator, " ", "\n").await;
        assert_eq!(
            invalid_fields(empty),
            [
                ("subject", "newsletter-subject-empty"),
                ("body", "newsletter-body-empty")
            ]
        );
        let long =
            newsletter::send(&t.app, operator, &"件".repeat(101), &"本".repeat(10_001)).await;
        assert_eq!(
            invalid_fields(long),
            [
                ("subject", "newsletter-subject-too-long"),
                ("body", "newsletter-body-too-long")
            ]
        );
        let forbidden = newsletter::send(&t.app, member.user_id, "6月号", "本文").await;
        assert!(
            matches!(forbidden, Err(AppError::Forbidden)),
            "{forbidden:?}"
        );
        assert_eq!(
            t.count("audit_log").await,
            0,
            "nothing sent, nothing recorded"
        );
    }
);
