//! Reports and moderation through the real router: the report form and the reporter's
//! history, the operators' queue and decisions, the seller's held service and review request,
//! a suspended member's sign-in and banner, and the reports API.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use pages::*;
use serde_json::json;
use support::*;
use yorozu_store::both_backends;

both_backends!(
    a_report_goes_through_the_queue_and_the_reporter_sees_the_outcome,
    |db: yorozu_store::Db| async move {
        let s = server(db);
        let seller = member(&s.app, "seller@example.jp", "売り手").await;
        let buyer = member(&s.app, "buyer@example.jp", "買い手").await;
        let op = operator(&s.app, "ops@example.jp").await;
        let listing = publish(&s.app, &seller, "ロゴを作ります").await;

        // The service page links to the form; visitors are sent to sign in first.
        let mut visitor = Browser::new(&s);
        let service_page = visitor.get(&format!("/services/{listing}")).await;
        service_page.assert_contains(&[&format!("/report/service/{listing}"), "通報する"]);
        let form_path = format!("/report/service/{listing}");
        let to_login = visitor.get(&form_path).await;
        assert!(to_login.location().is_some_and(|l| l.starts_with("/login")));

        let mut reporter = Browser::signed_in(&s, buyer.id).await;
        let form = reporter.get(&form_path).await;
        assert_eq!(form.status, StatusCode::OK);
        form.assert_contains(&[
            "サービスを通報する",
            "ロゴを作ります",
            "禁止されているサービス",
            "連絡先の交換",
        ]);
        let refused = reporter.post(&form_path, &[("comment", "")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        refused.assert_contains(&["通報の理由を選んでください。"]);
        let history = reporter
            .submit(
                &form_path,
                &[
                    ("reason", "prohibited_service"),
                    ("comment", "規約で禁止されています"),
                ],
            )
            .await;
        history.assert_contains(&["通報を受け付けました", "確認中", "禁止されているサービス"]);

        // Members do not reach the queue; operators see the content and its author.
        let mut other = Browser::signed_in(&s, seller.id).await;
        assert_eq!(
            other.get("/operator/moderation").await.status,
            StatusCode::FORBIDDEN
        );
        let mut console = Browser::signed_in(&s, op.id).await;
        console
            .get("/operator")
            .await
            .assert_contains(&["通報の審査", "確認待ち: 1件"]);
        let queue = console.get("/operator/moderation").await;
        queue.assert_contains(&[
            "ロゴを作ります",
            "投稿者: 売り手",
            "規約で禁止されています",
            "禁止されているサービス 1",
        ]);

        let decided = console
            .submit(
                &format!("/operator/moderation/decide/service/{listing}"),
                &[
                    ("action", "hide_service"),
                    ("reason", "禁止されている内容です"),
                    ("orders", "continue"),
                ],
            )
            .await;
        decided.assert_contains(&["対応を記録しました", "確認待ちの通報はありません"]);

        // The seller sees why and asks for a review.
        let mine = other.get("/settings/listings").await;
        mine.assert_contains(&[
            "運営事務局が非公開にしました",
            "禁止されている内容です",
            "再審査を依頼する",
        ]);
        let asked = other
            .submit(&format!("/listings/{listing}/review-request"), &[])
            .await;
        asked.assert_contains(&["再審査を依頼しました"]);
        let queue = console.get("/operator/moderation").await;
        queue.assert_contains(&["再審査の依頼", "ロゴを作ります"]);
        console
            .submit(
                &format!("/operator/moderation/services/{listing}/restore"),
                &[("reason", "修正を確認しました")],
            )
            .await
            .assert_contains(&["サービスの公開を再開しました"]);

        // The reporter's history shows the outcome.
        reporter
            .get("/settings/reports")
            .await
            .assert_contains(&["対応済み", "サービスを非公開にしました"]);
    }
);

both_backends!(
    a_suspended_member_signs_in_to_the_reason_and_can_still_leave_with_their_data,
    |db: yorozu_store::Db| async move {
        let s = server(db);
        let seller = member(&s.app, "seller@example.jp", "売り手").await;
        let buyer = member(&s.app, "buyer@example.jp", "買い手").await;
        let op = operator(&s.app, "ops@example.jp").await;
        publish(&s.app, &seller, "ロゴを作ります").await;
        let mut reporter = Browser::signed_in(&s, buyer.id).await;
        reporter
            .submit(
                &format!("/report/profile/{}", seller.id),
                &[("reason", "fraud"), ("comment", "前払いを求められました")],
            )
            .await;
        let mut console = Browser::signed_in(&s, op.id).await;
        console
            .submit(
                &format!("/operator/moderation/decide/profile/{}", seller.id),
                &[
                    ("action", "suspend"),
                    ("reason", "詐欺の疑いがあります"),
                    ("orders", "cancel"),
                ],
            )
            .await
            .assert_contains(&["対応を記録しました"]);

        let mut browser = Browser::new(&s);
        let signed_in = browser
            .post(
                "/login",
                &[("email", "seller@example.jp"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(signed_in.location(), Some("/settings/standing"));
        let standing = browser.get("/settings/standing").await;
        standing.assert_contains(&[
            "利用停止中です",
            "詐欺の疑いがあります",
            "/settings/export",
            "/settings/withdrawal",
        ]);
        browser
            .get("/")
            .await
            .assert_contains(&["このアカウントは利用停止中です。"]);
        assert_eq!(browser.get("/settings/export").await.status, StatusCode::OK);

        let list = console.get("/operator/moderation/suspensions").await;
        list.assert_contains(&["売り手", "詐欺の疑いがあります", "キャンセルして返金する"]);
        console
            .submit(
                &format!("/operator/moderation/suspensions/{}/lift", seller.id),
                &[("reason", "確認が取れました")],
            )
            .await
            .assert_contains(&["利用停止を解除しました", "利用停止中の会員はいません"]);
        browser
            .get("/")
            .await
            .assert_lacks(&["このアカウントは利用停止中です。"]);
    }
);

both_backends!(
    the_api_files_a_report_once_and_lists_the_callers_reports,
    |db: yorozu_store::Db| async move {
        let s = server(db);
        let seller = member(&s.app, "seller@example.jp", "売り手").await;
        let buyer = member(&s.app, "buyer@example.jp", "買い手").await;
        let listing = publish(&s.app, &seller, "ロゴを作ります").await;
        let token = yorozu_app::testing::api_token(&s.app, buyer.id)
            .await
            .expect("token");
        let body = |reason: &str| {
            json!({
                "target_kind": "service",
                "target_id": listing.to_string(),
                "reason": reason,
                "comment": "規約違反です",
            })
        };
        let created = s
            .send(
                call(Method::POST, "/reports")
                    .token(&token)
                    .json(body("fraud")),
            )
            .await;
        expect(&created, "post", "/reports", StatusCode::CREATED);
        assert_schema(&created.body, "Report");
        assert_eq!(created.body["state"], "open");
        assert_eq!(created.body["outcome"], serde_json::Value::Null);
        let again = s
            .send(
                call(Method::POST, "/reports")
                    .token(&token)
                    .json(body("copyright")),
            )
            .await;
        expect(&again, "post", "/reports", StatusCode::OK);
        assert_eq!(again.body["reason"], "copyright");

        let unknown = s
            .send(
                call(Method::POST, "/reports")
                    .token(&token)
                    .json(json!({"target_kind": "planet", "target_id": "1", "reason": "other", "comment": "x"})),
            )
            .await;
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            unknown.fields(),
            [(
                "target_id".to_owned(),
                "moderation-target-unknown".to_owned()
            )]
        );
        let missing = s
            .send(
                call(Method::POST, "/reports")
                    .token(&token)
                    .json(json!({"target_kind": "review", "target_id": "12345", "reason": "other", "comment": "x"})),
            )
            .await;
        assert_eq!(
            (missing.status, missing.code()),
            (StatusCode::NOT_FOUND, "error-not-found")
        );

        let mine = s.send(call(Method::GET, "/me/reports").token(&token)).await;
        expect(&mine, "get", "/me/reports", StatusCode::OK);
        let list = mine.body.as_array().expect("a list");
        assert_eq!(list.len(), 1);
        for report in list {
            assert_schema(report, "Report");
        }
        // Nobody else sees them.
        let seller_token = yorozu_app::testing::api_token(&s.app, seller.id)
            .await
            .expect("token");
        let theirs = s
            .send(call(Method::GET, "/me/reports").token(&seller_token))
            .await;
        assert_eq!(theirs.body.as_array().map(Vec::len), Some(0));
    }
);

both_backends!(
    a_removed_review_shows_the_note_in_place_of_its_stars_and_words,
    |db: yorozu_store::Db| async move {
        use yorozu_app::moderation::Target;
        use yorozu_app::moderation::actions::{DecisionInput, decide};
        use yorozu_domain::moderation::TargetKind;
        let s = server(db);
        let seller = member(&s.app, "seller@example.jp", "売り手").await;
        let buyer = member(&s.app, "buyer@example.jp", "買い手").await;
        let op = operator(&s.app, "ops@example.jp").await;
        let listing = publish(&s.app, &seller, "ロゴを作ります").await;
        let card_id = card(&s.app, &buyer).await;
        let order_id = completed_order(&s.app, &buyer, card_id, &seller, listing).await;
        review(&s.app, &buyer, order_id, 1, "ひどい中傷の言葉", false).await;
        let second = completed_order(&s.app, &buyer, card_id, &seller, listing).await;
        review(&s.app, &buyer, second, 5, "とても丁寧でした", false).await;
        let mut visitor = Browser::new(&s);
        let before = visitor.get(&format!("/services/{listing}/reviews")).await;
        before.assert_contains(&["ひどい中傷の言葉", "/report/review/"]);
        let review_id = {
            let mut c = s.app.db.read().await.expect("read");
            yorozu_store::orders::reviews::for_order(&mut c, order_id)
                .await
                .expect("reviews")[0]
                .id
        };
        decide(
            &s.app,
            &op,
            Target {
                kind: TargetKind::Review,
                id: review_id,
            },
            &DecisionInput {
                action: "remove_content".into(),
                reason: "中傷のため".into(),
                orders: String::new(),
            },
        )
        .await
        .expect("remove");
        let after = visitor.get(&format!("/services/{listing}/reviews")).await;
        after.assert_contains(&["この評価は運営事務局により削除されました。"]);
        after.assert_contains(&["とても丁寧でした", "★★★★★"]);
        after.assert_lacks(&["ひどい中傷の言葉", "★☆☆☆☆"]);
    }
);
