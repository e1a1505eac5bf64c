//! Follows and friend invitations in the pages and the JSON API on each database kind: the
//! follow button as a plain form (no JavaScript) and a foreign `next` not followed, the lists,
//! the privacy switch, the invite link's page, its landing cookie carried into the sign-up,
//! the operators' counts, and the API's bodies checked against the OpenAPI document.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use pages::*;
use support::*;
use yorozu_store::both_backends;

both_backends!(
    the_follow_button_works_without_javascript,
    |db| async move {
        let s = server(db);
        let seller = member(&s.app, "s@example.jp", "売り手").await;
        let buyer = member(&s.app, "b@example.jp", "買い手").await;
        let listing = publish(&s.app, &seller, "ロゴを作成します").await;
        let mut browser = Browser::signed_in(&s, buyer.id).await;
        let profile = format!("/users/{}", seller.id);
        let page = browser.get(&profile).await;
        page.assert_contains(&[
            &format!(r#"action="/users/{}/follow""#, seller.id),
            "フォロワー 0人",
            "フォローする",
        ]);
        let page = browser
            .submit(
                &format!("/users/{}/follow", seller.id),
                &[("follow", "1"), ("next", &profile)],
            )
            .await;
        page.assert_contains(&["フォローしました。", "フォロワー 1人", "フォローを解除する"]);
        // The service page's seller card carries the button too.
        browser
            .get(&format!("/services/{listing}"))
            .await
            .assert_contains(&["フォローを解除する"]);
        // Not on one's own profile.
        browser
            .get(&format!("/users/{}", buyer.id))
            .await
            .assert_lacks(&[r#"name="follow""#]);
        let list = browser.get("/settings/following").await;
        list.assert_contains(&["フォロー中の出品者", "売り手"]);
        // A foreign `next` is not followed.
        let page = browser
            .post(
                &format!("/users/{}/follow", seller.id),
                &[("follow", "0"), ("next", "//evil.example/")],
            )
            .await;
        assert_eq!(page.location(), Some(profile.as_str()));
        browser
            .get("/settings/following")
            .await
            .assert_contains(&["フォローしている出品者はまだいません。"]);

        // The seller's list names the follower until they switch it off.
        browser
            .submit(
                &format!("/users/{}/follow", seller.id),
                &[("follow", "1"), ("next", &profile)],
            )
            .await;
        let mut seller_browser = Browser::signed_in(&s, seller.id).await;
        seller_browser
            .get("/sales/fans")
            .await
            .assert_contains(&["買い手", "フォロワー: 1人"]);
        seller_browser
            .get("/sales")
            .await
            .assert_contains(&["フォロワー: 1人", r#"href="/sales/fans""#]);
        browser
            .submit("/settings/privacy", &[])
            .await
            .assert_contains(&["プライバシー設定を保存しました。"]);
        let page = seller_browser.get("/sales/fans").await;
        page.assert_contains(&["非公開の会員", "フォロワー: 1人"]);
        page.assert_lacks(&["買い手"]);
    }
);

both_backends!(
    the_invite_link_is_remembered_through_sign_up,
    |db| async move {
        let s = server(db);
        let inviter = member(&s.app, "i@example.jp", "招待する人").await;
        let mut browser = Browser::signed_in(&s, inviter.id).await;
        let page = browser.get("/settings/invite").await;
        let code = yorozu_app::promotions::invitations::mine(&s.app, &inviter)
            .await
            .expect("invite")
            .code;
        page.assert_contains(&[&format!("/invite/{code}"), "そのまま送れる招待文"]);
        // The inviter's own link is refused for them.
        let own = browser.get(&format!("/invite/{code}")).await;
        assert_eq!(own.status, StatusCode::CONFLICT);
        own.assert_contains(&["ご自身の招待リンクは使えません。"]);
        // Unknown codes are not found.
        let mut visitor = Browser::new(&s);
        assert_eq!(
            visitor.get("/invite/nope").await.status,
            StatusCode::NOT_FOUND
        );
        // A visitor's landing sets the cookie, which the sign-up reads.
        let landing = visitor.get(&format!("/invite/{code}")).await;
        landing.assert_contains(&["招待する人さんからの招待です。"]);
        let page = visitor
            .submit(
                "/signup",
                &[
                    ("email", "friend@example.jp"),
                    ("password", "correct horse battery"),
                    ("display_name", "友人"),
                ],
            )
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.html);
        let friend = {
            let mut c = s.app.db.read().await.expect("read");
            yorozu_store::accounts::users::find_by_email(&mut c, "friend@example.jp")
                .await
                .expect("find")
                .expect("registered")
                .id
        };
        assert_eq!(
            yorozu_app::promotions::invitations::invited_by(&s.app, friend)
                .await
                .expect("by"),
            Some(inviter.id)
        );
        // Operators see the counts.
        let op = operator(&s.app, "ops@example.jp").await;
        let mut ops = Browser::signed_in(&s, op.id).await;
        let page = ops.get("/operator/invitations").await;
        page.assert_contains(&["招待による登録: 1人", "招待する人"]);
        assert_eq!(
            browser.get("/operator/invitations").await.status,
            StatusCode::FORBIDDEN
        );
    }
);

both_backends!(the_api_follows_lists_and_invites, |db| async move {
    let s = server(db);
    let seller = member(&s.app, "s@example.jp", "売り手").await;
    let buyer = member(&s.app, "b@example.jp", "買い手").await;
    let token = yorozu_app::testing::api_token(&s.app, buyer.id)
        .await
        .expect("token");
    let seller_token = yorozu_app::testing::api_token(&s.app, seller.id)
        .await
        .expect("token");
    let path = format!("/users/{}/follow", seller.id);
    let answer = s.send(call(Method::PUT, &path).token(&token)).await;
    expect(&answer, "put", "/users/{id}/follow", StatusCode::NO_CONTENT);
    let answer = s
        .send(call(Method::GET, "/me/following").token(&token))
        .await;
    expect(&answer, "get", "/me/following", StatusCode::OK);
    assert_eq!(answer.body[0]["user_id"], seller.id.to_string());
    assert_eq!(answer.body[0]["display_name"], "売り手");
    let answer = s
        .send(call(Method::GET, "/me/fans").token(&seller_token))
        .await;
    expect(&answer, "get", "/me/fans", StatusCode::OK);
    assert_eq!(answer.body["follower_count"], 1);
    assert_eq!(answer.body["followers"][0]["display_name"], "買い手");

    let own = format!("/users/{}/follow", buyer.id);
    let answer = s.send(call(Method::PUT, &own).token(&token)).await;
    assert_eq!(answer.status, StatusCode::CONFLICT, "{}", answer.body);
    assert_eq!(answer.code(), "follow-self");

    let answer = s.send(call(Method::DELETE, &path).token(&token)).await;
    expect(
        &answer,
        "delete",
        "/users/{id}/follow",
        StatusCode::NO_CONTENT,
    );
    let answer = s
        .send(call(Method::GET, "/me/following").token(&token))
        .await;
    assert_eq!(answer.body, serde_json::json!([]));

    let answer = s.send(call(Method::GET, "/me/invite").token(&token)).await;
    expect(&answer, "get", "/me/invite", StatusCode::OK);
    let code = answer.body["code"].as_str().expect("code").to_owned();
    assert!(
        answer.body["url"]
            .as_str()
            .expect("url")
            .ends_with(&format!("/invite/{code}"))
    );
    assert_eq!(answer.body["invited"], 0);
});
