//! What a member meets of issue 15's promises, on both databases: a final withdrawal refuses
//! the right password with a plain message; the reset form says before that it undoes a
//! withdrawal; a scheduled withdrawal shows a banner on every page; and the API names a
//! departed member the way the pages do, offering no review of them.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use pages::*;
use support::*;
use yorozu_app::App;
use yorozu_app::accounts::{CurrentUser, password_reset};
use yorozu_app::withdrawal::confirm::{Confirmation, Outcome, When, withdraw};
use yorozu_app::withdrawal::purge;
use yorozu_app::withdrawal::readiness::{self, Forfeits};
use yorozu_store::{Db, both_backends};

/// Withdraws `member` through the use case, acknowledging whatever they would forfeit.
async fn withdraw_now(app: &App, member: &CurrentUser, erase_now: bool, when: When) -> Outcome {
    let r = readiness::check(app, member).await.expect("readiness");
    withdraw(
        app,
        member,
        &Confirmation {
            password: PASSWORD.into(),
            reasons: vec![],
            comment: String::new(),
            acknowledged: Forfeits {
                sales_balance: r.forfeits.sales_balance,
                points: r.forfeits.points,
            },
            erase_now,
        },
        when,
    )
    .await
    .expect("withdraw")
}

/// Asks for a password reset for `email`; returns the mail's subject and its link's token.
async fn reset_mailed_to(app: &App, email: &str) -> (String, String) {
    password_reset::request(app, email, &client())
        .await
        .expect("request");
    run_jobs(app).await;
    let mut c = app.db.read().await.expect("read");
    let mails = yorozu_store::mailbox::latest(&mut c, 100)
        .await
        .expect("mailbox");
    drop(c);
    let mail = mails
        .iter()
        .find(|m| m.to_addr == email && m.body_text.contains("/account/reset?token="))
        .expect("a reset mail");
    let token = mail
        .body_text
        .split("token=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("link")
        .to_owned();
    (mail.subject.clone(), token)
}

both_backends!(
    signing_in_after_erase_now_is_refused_with_a_plain_message,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "gone@example.jp", "消えた人").await;
        withdraw_now(&s.app, &m, true, When::Now).await;

        let mut browser = Browser::new(&s);
        let refused = browser
            .post(
                "/login",
                &[("email", "gone@example.jp"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.html);
        refused.assert_contains(&[
            "このアカウントは退会の手続きが完了しているため、ログインできません。",
        ]);
        refused.assert_lacks(&["退会を取り消し", "account-withdrawal-final"]);
        assert!(!browser_has_session(&refused));

        let mut english = Browser::new(&s).english();
        let refused = english
            .post(
                "/login",
                &[("email", "gone@example.jp"), ("password", PASSWORD)],
            )
            .await;
        refused.assert_contains(&["This account has been closed, so you cannot sign in."]);
    }
);

fn browser_has_session(page: &Page) -> bool {
    page.headers
        .get_all(axum::http::header::SET_COOKIE)
        .iter()
        .any(|v| {
            v.to_str()
                .is_ok_and(|v| v.contains("session=") && !v.contains("session=;"))
        })
}

both_backends!(
    the_reset_form_says_it_undoes_a_withdrawal_and_the_flash_says_it_did,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "back@example.jp", "戻る人").await;
        withdraw_now(&s.app, &m, false, When::Now).await;
        run_jobs(&s.app).await;
        let (subject, token) = reset_mailed_to(&s.app, "back@example.jp").await;
        assert!(
            subject.contains("退会の取り消し"),
            "the reset mail for a withdrawal in its grace period: {subject}"
        );

        let mut browser = Browser::new(&s);
        let form = browser.get(&format!("/account/reset?token={token}")).await;
        assert_eq!(form.status, StatusCode::OK);
        form.assert_contains(&["新しいパスワードを設定すると、退会は取り消され"]);
        let done = browser
            .submit(
                "/account/reset",
                &[("token", &token), ("password", "another long secret")],
            )
            .await;
        done.assert_contains(&["パスワードを再設定し、退会を取り消しました。"]);

        // An ordinary reset link says nothing of the kind.
        member(&s.app, "stays@example.jp", "残る人").await;
        let (_, token) = reset_mailed_to(&s.app, "stays@example.jp").await;
        let form = browser.get(&format!("/account/reset?token={token}")).await;
        form.assert_lacks(&["退会は取り消され"]);
    }
);

both_backends!(
    a_scheduled_withdrawal_shows_a_banner_on_every_page_until_cancelled,
    |db: Db| async move {
        let s = server(db);
        let seller = member(&s.app, "seller@example.jp", "売り手").await;
        let buyer = member(&s.app, "buyer@example.jp", "買い手").await;
        let listing = publish(&s.app, &seller, "ロゴを作成します").await;
        let card_id = card(&s.app, &buyer).await;
        // An order in progress blocks the buyer's withdrawal: it is scheduled.
        yorozu_app::orders::place::place(
            &s.app,
            &buyer,
            &yorozu_app::orders::place::Purchase {
                choice: yorozu_app::orders::quote::Choice::of(listing),
                payment: yorozu_app::orders::place::Payment::Card(card_id),
                request: "よろしくお願いします。".into(),
                purchase_key: yorozu_app::crypto::random_token(),
                expected_total: None,
            },
        )
        .await
        .expect("order");
        let outcome = withdraw_now(&s.app, &buyer, false, When::WhenReady).await;
        assert!(matches!(outcome, Outcome::Scheduled { .. }), "{outcome:?}");

        let mut browser = Browser::signed_in(&s, buyer.id).await;
        for path in ["/", "/orders", "/settings/account", "/search?q=ロゴ"] {
            let page = browser.get(path).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            page.assert_contains(&[
                "退会を予約しています。",
                r#"<a href="/settings/withdrawal">予約の確認・取り消し</a>"#,
            ]);
        }
        // Others see nothing of it.
        let mut seller_browser = Browser::signed_in(&s, seller.id).await;
        seller_browser
            .get("/")
            .await
            .assert_lacks(&["退会を予約しています。"]);

        browser.submit("/settings/withdrawal/cancel", &[]).await;
        browser
            .get("/")
            .await
            .assert_lacks(&["退会を予約しています。"]);
    }
);

both_backends!(
    the_api_names_a_departed_member_as_the_pages_do,
    |db: Db| async move {
        let s = server(db);
        let seller = member(&s.app, "seller@example.jp", "売り手").await;
        let buyer = member(&s.app, "buyer@example.jp", "買い手").await;
        let listing = publish(&s.app, &seller, "ロゴを作成します").await;
        let card_id = card(&s.app, &buyer).await;
        let order = completed_order(&s.app, &buyer, card_id, &seller, listing).await;
        let token = yorozu_app::testing::api_token(&s.app, buyer.id)
            .await
            .expect("token");

        let before = s
            .send(call(Method::GET, &format!("/orders/{order}")).token(&token))
            .await;
        assert_eq!(before.status, StatusCode::OK, "{}", before.body);
        assert_eq!(before.body["counterpart"]["display_name"], "売り手");
        assert_eq!(before.body["counterpart"]["departed"], false);
        assert!(
            before.body["actions"]
                .as_array()
                .expect("actions")
                .iter()
                .any(|a| a == "review")
        );

        let closed = match withdraw_now(&s.app, &seller, true, When::Now).await {
            Outcome::Closed(closed) => closed,
            other => panic!("{other:?}"),
        };
        run_jobs(&s.app).await;
        purge::run(&s.app, closed.withdrawal_id, &mut purge::no_interruption)
            .await
            .expect("purge");

        // In the member's language, as the pages say it.
        let order_body = s
            .send(call(Method::GET, &format!("/orders/{order}")).token(&token))
            .await;
        assert_eq!(order_body.status, StatusCode::OK, "{}", order_body.body);
        assert_schema(&order_body.body, "Order");
        assert_eq!(order_body.body["counterpart"]["departed"], true);
        assert_eq!(
            order_body.body["counterpart"]["display_name"],
            "退会したユーザー"
        );
        assert!(
            order_body.body["actions"]
                .as_array()
                .expect("actions")
                .iter()
                .all(|a| a != "review"),
            "{}",
            order_body.body
        );
        let list = s.send(call(Method::GET, "/me/orders").token(&token)).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        assert_eq!(list.body["items"][0]["counterpart"]["departed"], true);
        assert_eq!(
            list.body["items"][0]["counterpart"]["display_name"],
            "退会したユーザー"
        );
        let page = Browser::signed_in(&s, buyer.id)
            .await
            .get(&format!("/orders/{order}"))
            .await;
        page.assert_contains(&["退会したユーザー"]);
        page.assert_lacks(&["出品者を評価する"]);
    }
);
