//! Deleting one's identity documents from /settings/identity, on both databases: refused while
//! under review, then the images and records go and the verification stays on the page.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::StatusCode;
use pages::*;
use support::*;
use yorozu_app::identity::review::{Decision, decide};
use yorozu_store::{Db, both_backends};

both_backends!(
    documents_are_deleted_and_the_verification_stays,
    |db: Db| async move {
        let s = server(db);
        let member = member(&s.app, "verified@example.jp", "確認済みさん").await;
        let id = yorozu_app::identity::submit::submit(&s.app, &member, "passport", png(300, 200))
            .await
            .expect("submit");
        let mut browser = Browser::signed_in(&s, member.id).await;
        // Under review: no delete button, and a forged request is refused with the reason.
        browser
            .get("/settings/identity")
            .await
            .assert_lacks(&["書類を削除する"]);
        let refused = browser.post("/settings/identity/delete", &[]).await;
        assert_eq!(refused.status, StatusCode::CONFLICT);
        refused.assert_contains(&["審査中の本人確認書類は削除できません。"]);

        let op = operator(&s.app, "ops@example.jp").await;
        decide(&s.app, &op, id, Decision::Approve, "")
            .await
            .expect("approve");
        let page = browser.get("/settings/identity").await;
        page.assert_contains(&["提出した書類の削除", "書類を削除する"]);
        let files_before = s.app.files.keys().await.expect("keys").len();
        let done = browser.submit("/settings/identity/delete", &[]).await;
        assert_eq!(done.status, StatusCode::OK);
        done.assert_contains(&["本人確認書類の画像と記録を削除しました。", "本人確認済み"]);
        done.assert_lacks(&["書類を削除する"]);
        assert_eq!(
            s.app.files.keys().await.expect("keys").len(),
            files_before - 1
        );
    }
);
