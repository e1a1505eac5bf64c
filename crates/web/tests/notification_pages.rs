//! The notification centre's pages and API on each database kind: the bell's count in the
//! header of every page (shared service pages included), the list, the link that marks one
//! read (only the owner's), "mark all read", the settings grid page, and the JSON API with
//! each body checked against the OpenAPI document.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use pages::*;
use serde_json::json;
use support::*;
use yorozu_app::mail::MailCategory;
use yorozu_app::notifications::{centre, grid};
use yorozu_store::both_backends;

fn bell(count: i64) -> String {
    format!(r#"<span class="bell-count" data-count="{count}">{count}</span>"#)
}

both_backends!(the_bell_counts_and_the_centre_marks_read, |db| async move {
    let s = server(db);
    let seller = member(&s.app, "s@example.jp", "売り手").await;
    let buyer = member(&s.app, "b@example.jp", "買い手").await;
    let listing = publish(&s.app, &seller, "ロゴを作成します").await;
    let card = card(&s.app, &buyer).await;
    let order = completed_order(&s.app, &buyer, card, &seller, listing).await;

    // The seller was told of the sale and the approval; the buyer of the delivery.
    let mut seller_browser = Browser::signed_in(&s, seller.id).await;
    let mut buyer_browser = Browser::signed_in(&s, buyer.id).await;
    seller_browser.get("/").await.assert_contains(&[&bell(2)]);
    // The service page is shared between members; each sees their own count.
    let service = format!("/services/{listing}");
    seller_browser
        .get(&service)
        .await
        .assert_contains(&[&bell(2)]);
    let page = buyer_browser.get(&service).await;
    page.assert_contains(&[&bell(1)]);
    page.assert_lacks(&[&bell(2)]);

    let page = seller_browser.get("/notifications").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains(&[
        "サービスが購入されました",
        "納品が承認され、取引が完了しました",
        &format!("取引番号 {order}"),
        "すべて既読にする",
    ]);

    let first = centre::page(&s.app, seller.id, 1)
        .await
        .expect("page")
        .notifications[0]
        .id;
    let link = format!("/notifications/{first}");
    page.assert_contains(&[&format!("href=\"{link}\"")]);
    // Someone else's: not found, and still unread.
    assert_eq!(buyer_browser.get(&link).await.status, StatusCode::NOT_FOUND);
    // The owner's: to the order, marked read.
    let opened = seller_browser.get(&link).await;
    assert!(opened.status.is_redirection());
    assert_eq!(opened.location(), Some(format!("/orders/{order}").as_str()));
    seller_browser.get("/").await.assert_contains(&[&bell(1)]);

    let page = seller_browser.submit("/notifications/read-all", &[]).await;
    page.assert_contains(&["すべてのお知らせを既読にしました。", &bell(0)]);

    // Visitors are sent to sign in.
    let mut visitor = Browser::new(&s);
    let page = visitor.get("/notifications").await;
    assert!(page.status.is_redirection());
    assert!(page.location().is_some_and(|l| l.starts_with("/login")));
    visitor.get("/").await.assert_lacks(&["bell-count"]);
});

both_backends!(
    the_settings_grid_page_saves_both_channels_and_the_digest,
    |db| async move {
        let s = server(db);
        let m = member(&s.app, "m@example.jp", "山田").await;
        let mut browser = Browser::signed_in(&s, m.id).await;
        let page = browser.get("/settings/notifications").await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            "<table class=\"settings-grid\">",
            "サイト内",
            r#"id="category-transactions" name="category" value="transactions" checked disabled"#,
            r#"id="site-transactions" name="site" value="transactions" checked"#,
            "停止できません",
            "1日1回のまとめメール",
        ]);
        page.assert_lacks(&[r#"id="site-newsletter""#]);

        let page = browser
            .submit(
                "/settings/notifications",
                &[
                    ("category", "favorites"),
                    ("site", "messages"),
                    ("site", "account"),
                    ("digest", "messages"),
                ],
            )
            .await;
        page.assert_contains(&["通知設定を保存しました。"]);
        let saved = grid::of(&s.app, m.id).await.expect("grid");
        let row = |c| saved.rows.iter().find(|r| r.category == c).expect("row");
        assert!(!row(MailCategory::Messages).mail.enabled);
        assert!(row(MailCategory::Messages).site.expect("site").enabled);
        assert!(row(MailCategory::Favorites).mail.enabled);
        assert!(!row(MailCategory::Transactions).site.expect("site").enabled);
        assert!(row(MailCategory::Transactions).mail.enabled, "locked on");
        assert!(saved.message_digest);

        let page = browser
            .post("/settings/notifications", &[("site", "nonsense")])
            .await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
);

both_backends!(the_api_lists_reads_and_changes_the_grid, |db| async move {
    let s = server(db);
    let seller = member(&s.app, "s@example.jp", "売り手").await;
    let buyer = member(&s.app, "b@example.jp", "買い手").await;
    let listing = publish(&s.app, &seller, "ロゴを作成します").await;
    let card = card(&s.app, &buyer).await;
    let order = completed_order(&s.app, &buyer, card, &seller, listing).await;
    let token = yorozu_app::testing::api_token(&s.app, seller.id)
        .await
        .expect("token");
    let other = yorozu_app::testing::api_token(&s.app, buyer.id)
        .await
        .expect("token");

    let answer = s
        .send(call(Method::GET, "/me/notification-centre").token(&token))
        .await;
    expect(&answer, "get", "/me/notification-centre", StatusCode::OK);
    assert_eq!(answer.body["unread"], 2);
    let first = &answer.body["notifications"][0];
    assert_eq!(first["kind"], "order_approved");
    assert_eq!(first["link"], format!("/orders/{order}"));
    assert_eq!(first["read"], false);
    let id = first["id"].as_str().expect("id").to_owned();

    let path = format!("/me/notification-centre/{id}/read");
    let answer = s.send(call(Method::POST, &path).token(&other)).await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND, "{}", answer.body);
    let answer = s.send(call(Method::POST, &path).token(&token)).await;
    expect(
        &answer,
        "post",
        "/me/notification-centre/{id}/read",
        StatusCode::OK,
    );
    assert_eq!(answer.body["link"], format!("/orders/{order}"));
    let answer = s
        .send(call(Method::POST, "/me/notification-centre/read-all").token(&token))
        .await;
    expect(
        &answer,
        "post",
        "/me/notification-centre/read-all",
        StatusCode::OK,
    );
    assert_eq!(answer.body["marked"], 1);

    let answer = s
        .send(call(Method::GET, "/me/notification-grid").token(&token))
        .await;
    expect(&answer, "get", "/me/notification-grid", StatusCode::OK);
    assert_eq!(answer.body["message_digest"], false);
    let answer = s
        .send(
            call(Method::PUT, "/me/notification-grid")
                .token(&token)
                .json(json!({
                    "cells": [{ "category": "messages", "channel": "site", "enabled": false }],
                    "message_digest": true,
                })),
        )
        .await;
    expect(&answer, "put", "/me/notification-grid", StatusCode::OK);
    assert_eq!(answer.body["message_digest"], true);
    let messages = answer.body["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["category"] == "messages")
        .expect("messages")
        .clone();
    assert_eq!(messages["site"]["enabled"], false);
    assert_eq!(messages["mail"]["enabled"], true);
    let answer = s
        .send(
            call(Method::PUT, "/me/notification-grid")
                .token(&token)
                .json(json!({
                    "cells": [{ "category": "transactions", "channel": "mail", "enabled": false }],
                })),
        )
        .await;
    assert_eq!(answer.status, StatusCode::CONFLICT, "{}", answer.body);
    assert_eq!(answer.code(), "settings-transactional-locked");
});
