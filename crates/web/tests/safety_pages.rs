//! The safety lane's pages and API on each database kind: the contact-details warning on the
//! profile and service forms (text kept, found parts marked and escaped, sent anyway), the
//! block buttons and the settings list, the operators' NG-word page, and in the JSON API the
//! 422 with findings, the acknowledgement, and block / unblock / list, each body checked
//! against the OpenAPI document.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use pages::*;
use serde_json::json;
use support::*;
use yorozu_store::both_backends;

both_backends!(
    the_profile_form_warns_before_saving_contact_details,
    |db| async move {
        let s = server(db);
        let member = member(&s.app, "m@example.jp", "山田").await;
        let mut browser = Browser::signed_in(&s, member.id).await;
        let intro = "<b>よろしく</b> ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ までどうぞ";
        let fields = [("display_name", "山田"), ("introduction", intro)];
        let page = browser.post("/settings/profile", &fields).await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            "送信前にご確認ください",
            r#"<mark title="メールアドレス">ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ</mark>"#,
            "&#60;b&#62;よろしく&#60;/b&#62; <mark",
            r#"name="acknowledge_contact_warning" value="1""#,
            "このまま送信する",
            "修正する",
        ]);
        page.assert_lacks(&["<b>よろしく</b>"]);
        let saved = browser.get("/settings/profile").await;
        saved.assert_lacks(&["ｔａｒｏ＠ｇｍａｉｌ"]);

        let mut sent = fields.to_vec();
        sent.push(("acknowledge_contact_warning", "1"));
        let page = browser.post("/settings/profile", &sent).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.html);
        let shown = browser.get(&format!("/users/{}", member.id)).await;
        shown.assert_contains(&["ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ"]);
    }
);

both_backends!(
    the_service_form_warns_and_keeps_the_texts,
    |db| async move {
        let s = server(db);
        let seller = member(&s.app, "s@example.jp", "売り手").await;
        let id = publish(&s.app, &seller, "ロゴを作成します").await;
        let mut browser = Browser::signed_in(&s, seller.id).await;
        let fields = [
            ("title", "ロゴを作成します"),
            ("category", "301"),
            ("description", "ご相談は LINE ID: logo_taro まで"),
            ("price", "3000"),
            ("delivery_days", "5"),
            ("revisions", "2"),
        ];
        let page = browser.post(&format!("/listings/{id}/edit"), &fields).await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&[
            "送信前にご確認ください",
            "サービス内容（LINE）",
            r#"<mark title="LINE">LINE ID: logo_taro</mark>"#,
            "ご相談は LINE ID: logo_taro まで</textarea>",
        ]);
        let mut sent = fields.to_vec();
        sent.push(("acknowledge_contact_warning", "1"));
        let page = browser.post(&format!("/listings/{id}/edit"), &sent).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.html);
    }
);

both_backends!(
    blocking_from_the_profile_and_lifting_it_in_the_settings,
    |db| async move {
        let s = server(db);
        let seller = member(&s.app, "s@example.jp", "売り手").await;
        let buyer = member(&s.app, "b@example.jp", "買い手").await;
        let service = publish(&s.app, &seller, "似顔絵を描きます").await;
        // A results card's link, with the tag that tells the seller's analytics it came
        // from search.
        let link = format!(r#"href="/services/{service}?from=search""#);
        let mut browser = Browser::signed_in(&s, buyer.id).await;
        let search = "/search?q=%E4%BC%BC%E9%A1%94%E7%B5%B5";
        browser.get(search).await.assert_contains(&[&link]);
        let profile = format!("/users/{}", seller.id);
        let page = browser.get(&profile).await;
        page.assert_contains(&[
            &format!(r#"action="/users/{}/block""#, seller.id),
            "このユーザーをブロックする",
        ]);
        let page = browser
            .submit(
                &format!("/users/{}/block", seller.id),
                &[("back", &profile)],
            )
            .await;
        page.assert_contains(&[
            "ブロックしました。",
            "このユーザーをブロックしています。",
            "ブロックを解除する",
        ]);
        // The blocked seller's services leave the blocker's search results.
        browser.get(search).await.assert_lacks(&[&link]);
        // Not on one's own profile.
        let own = browser.get(&format!("/users/{}", buyer.id)).await;
        own.assert_lacks(&["このユーザーをブロックする"]);

        let list = browser.get("/settings/blocks").await;
        assert_eq!(list.status, StatusCode::OK);
        list.assert_contains(&[
            "ブロックしたユーザー",
            "売り手",
            "売り手さんのブロックを解除する",
        ]);
        // A foreign `back` is not followed.
        let page = browser
            .post(
                &format!("/users/{}/unblock", seller.id),
                &[("back", "//evil.example/")],
            )
            .await;
        assert_eq!(page.location(), Some("/settings/blocks"));
        let list = browser.get("/settings/blocks").await;
        list.assert_contains(&["ブロックしているユーザーはいません。"]);
    }
);

both_backends!(
    operators_add_and_remove_ng_words_on_their_page,
    |db| async move {
        let s = server(db);
        let op = operator(&s.app, "ops@example.jp").await;
        let mut browser = Browser::signed_in(&s, op.id).await;
        let console = browser.get("/operator").await;
        console.assert_contains(&[r#"href="/operator/ng-words""#]);
        let page = browser.get("/operator/ng-words").await;
        assert_eq!(page.status, StatusCode::OK);
        page.assert_contains(&["NGワードはまだ登録されていません。"]);
        let page = browser
            .submit("/operator/ng-words", &[("word", "裏取引")])
            .await;
        page.assert_contains(&["NGワードを追加しました。", "<td>裏取引</td>"]);
        let page = browser
            .post("/operator/ng-words", &[("word", "裏 取引")])
            .await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        page.assert_contains(&["このNGワードはすでに登録されています。"]);
        let words = yorozu_app::safety::ng_words::list(&s.app, &op)
            .await
            .expect("list");
        let page = browser
            .submit(&format!("/operator/ng-words/{}/remove", words[0].id), &[])
            .await;
        page.assert_contains(&[
            "NGワードを削除しました。",
            "NGワードはまだ登録されていません。",
        ]);
        // Members get no such page.
        let m = member(&s.app, "m@example.jp", "会員").await;
        let mut member_browser = Browser::signed_in(&s, m.id).await;
        assert_eq!(
            member_browser.get("/operator/ng-words").await.status,
            StatusCode::FORBIDDEN
        );
    }
);

both_backends!(
    the_api_answers_422_with_findings_until_acknowledged,
    |db| async move {
        let s = server(db);
        let seller = member(&s.app, "s@example.jp", "売り手").await;
        let buyer = member(&s.app, "b@example.jp", "買い手").await;
        let listing = publish(&s.app, &seller, "ロゴを作成します").await;
        let card_id = card(&s.app, &buyer).await;
        let order = completed_order(&s.app, &buyer, card_id, &seller, listing).await;
        let token = yorozu_app::testing::api_token(&s.app, buyer.id)
            .await
            .expect("token");
        let path = format!("/orders/{order}/messages");
        let body = "メールは ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ です";
        let answer = s
            .send(
                call(Method::POST, &path)
                    .token(&token)
                    .json(json!({ "body": body })),
            )
            .await;
        // `send` checks every error body against the `Error` schema, `findings` included.
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            answer.body
        );
        assert_eq!(answer.code(), "contact-details-found");
        let finding = &answer.body["error"]["findings"][0];
        assert_eq!(finding["field"], "body");
        assert_eq!(finding["kind"], "email");
        assert_eq!(
            (finding["start"].as_u64(), finding["end"].as_u64()),
            (Some(5), Some(19))
        );
        assert_eq!(finding["text"], "ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ");
        let answer = s
            .send(
                call(Method::POST, &path)
                    .token(&token)
                    .lang("en")
                    .json(json!({ "body": body })),
            )
            .await;
        assert!(
            answer.body["error"]["message"]
                .as_str()
                .unwrap_or("")
                .contains("contact details")
        );

        let answer = s
            .send(
                call(Method::POST, &path)
                    .token(&token)
                    .json(json!({ "body": body, "acknowledge_contact_warning": true })),
            )
            .await;
        expect(
            &answer,
            "post",
            "/orders/{id}/messages",
            StatusCode::CREATED,
        );

        let answer = s
            .send(call(Method::PUT, "/me/profile").token(&token).json(
                json!({ "display_name": "買い手", "introduction": "090-1234-5678 にお電話を" }),
            ))
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            answer.body
        );
        assert_eq!(answer.body["error"]["findings"][0]["kind"], "phone");
        let answer = s
            .send(call(Method::PUT, "/me/profile").token(&token).json(json!({
                "display_name": "買い手",
                "introduction": "090-1234-5678 にお電話を",
                "acknowledge_contact_warning": true
            })))
            .await;
        expect(&answer, "put", "/me/profile", StatusCode::OK);
        // A validation error keeps its usual shape under the same documented 422.
        let answer = s
            .send(
                call(Method::PUT, "/me/profile")
                    .token(&token)
                    .json(json!({ "display_name": "" })),
            )
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            answer.body
        );
        assert_eq!(answer.code(), "error-invalid-input");
        assert!(answer.body["error"].get("findings").is_none());
    }
);

both_backends!(the_api_blocks_unblocks_and_lists, |db| async move {
    let s = server(db);
    let seller = member(&s.app, "s@example.jp", "売り手").await;
    let buyer = member(&s.app, "b@example.jp", "買い手").await;
    let listing = publish(&s.app, &seller, "ロゴを作成します").await;
    let token = yorozu_app::testing::api_token(&s.app, buyer.id)
        .await
        .expect("token");
    let path = format!("/users/{}/block", seller.id);
    let answer = s.send(call(Method::PUT, &path).token(&token)).await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    let answer = s.send(call(Method::GET, "/me/blocks").token(&token)).await;
    expect(&answer, "get", "/me/blocks", StatusCode::OK);
    assert_eq!(answer.body[0]["user_id"], seller.id.to_string());
    assert_eq!(answer.body[0]["display_name"], "売り手");

    let answer = s
        .send(
            call(Method::POST, "/orders/quote")
                .token(&token)
                .json(json!({ "listing_id": listing.to_string() })),
        )
        .await;
    assert_eq!(answer.status, StatusCode::CONFLICT, "{}", answer.body);
    assert_eq!(answer.code(), "order-blocked");

    let own = format!("/users/{}/block", buyer.id);
    let answer = s.send(call(Method::PUT, &own).token(&token)).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{}", answer.body);
    assert_eq!(answer.code(), "block-self");

    let answer = s.send(call(Method::DELETE, &path).token(&token)).await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT);
    let answer = s.send(call(Method::GET, "/me/blocks").token(&token)).await;
    assert_eq!(answer.body, json!([]));
});
