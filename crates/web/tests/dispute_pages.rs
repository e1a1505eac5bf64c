//! Disputes (トラブル相談) through the pages and the JSON API, on each database kind: a
//! buyer opens one on the order page, both sides add statements, the operator sees the
//! evidence (files with SHA-256) in the queue and decides a partial refund, both parties see
//! the outcome and the seller's sales page shows the share; refused forms keep their text;
//! members cannot reach the operator pages; the API shows, opens, adds and withdraws.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use pages::*;
use serde_json::json;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::deliver;
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_app::orders::talk::Upload;
use yorozu_domain::OrderId;
use yorozu_store::{Db, both_backends};

use support::*;

struct Deal {
    buyer: CurrentUser,
    seller: CurrentUser,
    order: OrderId,
}

/// A ¥3,000 order (paid ¥3,165) delivered with one file.
async fn delivered_order(app: &App) -> Deal {
    let seller = member(app, "seller@example.jp", "売り手花子").await;
    let buyer = member(app, "buyer@example.jp", "買い手太郎").await;
    let listing = publish(app, &seller, "名刺をデザインします").await;
    let card = card(app, &buyer).await;
    let placed = place(
        app,
        &buyer,
        &Purchase {
            choice: Choice::of(listing),
            payment: Payment::Card(card),
            request: "よろしくお願いします。".into(),
            purchase_key: "dispute-page-key".into(),
            expected_total: None,
        },
    )
    .await
    .expect("place");
    deliver::deliver(
        app,
        &seller,
        placed.order_id,
        "納品いたします。",
        vec![Upload {
            file_name: "meishi.pdf".into(),
            content_type: "application/pdf".into(),
            bytes: b"%PDF-1.4 meishi".to_vec(),
        }],
    )
    .await
    .expect("deliver");
    Deal {
        buyer,
        seller,
        order: placed.order_id,
    }
}

fn hex_sha256(bytes: &[u8]) -> String {
    yorozu_app::orders::dispute_evidence::sha256_hex(bytes)
}

/// An error answer (its body is checked against `Error` as it arrives) with a documented status.
fn expect_error(answer: &Answer, method: &str, path: &str, status: StatusCode) {
    assert_eq!(answer.status, status, "{method} {path}: {}", answer.body);
    let documented =
        &yorozu_web::api::openapi::spec()["paths"][path][method]["responses"][status.as_str()];
    assert!(
        !documented.is_null(),
        "{method} {path}: {status} is not documented"
    );
}

async fn open_dispute_id(app: &App, order: OrderId) -> i64 {
    let mut c = app.db.read().await.expect("read");
    yorozu_store::orders::disputes::latest(&mut c, order)
        .await
        .expect("dispute")
        .expect("a dispute")
        .id
}

both_backends!(
    a_dispute_from_the_order_page_to_a_partial_refund,
    |db: Db| async move {
        let s = server(db);
        let deal = delivered_order(&s.app).await;
        let ops = operator(&s.app, "ops@example.jp").await;
        let path = format!("/orders/{}", deal.order);
        let mut buyer = Browser::signed_in(&s, deal.buyer.id).await;
        buyer
            .get(&path)
            .await
            .assert_contains(&["トラブルを相談する", "納品物の品質・内容"]);
        // A blank statement is refused with its message, the reason kept.
        let refused = buyer
            .post(
                &format!("{path}/dispute"),
                &[("reason", "quality"), ("statement", " ")],
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            refused.html
        );
        refused.assert_contains(&["入力してください。"]);
        let opened = buyer
            .submit(
                &format!("{path}/dispute"),
                &[("reason", "quality"), ("statement", "色の指定と違います。")],
            )
            .await;
        opened.assert_contains(&[
            "トラブル相談を受け付けました。",
            "運営事務局が確認しています。",
            "色の指定と違います。",
            "トラブル相談中",
        ]);
        let mut seller = Browser::signed_in(&s, deal.seller.id).await;
        seller
            .submit(
                &format!("{path}/dispute/statements"),
                &[("body", "ご指定どおりの色です。")],
            )
            .await
            .assert_contains(&["申し立てを追加しました。", "ご指定どおりの色です。"]);

        // The operator: the count, the queue, the evidence.
        let mut console = Browser::signed_in(&s, ops.id).await;
        console
            .get("/operator")
            .await
            .assert_contains(&["判断待ちのトラブル相談: 1件"]);
        let dispute_id = open_dispute_id(&s.app, deal.order).await;
        console.get("/operator/disputes").await.assert_contains(&[
            &format!("/operator/disputes/{dispute_id}"),
            "名刺をデザインします",
        ]);
        let evidence = console
            .get(&format!("/operator/disputes/{dispute_id}"))
            .await;
        evidence.assert_contains(&[
            "meishi.pdf",
            &hex_sha256(b"%PDF-1.4 meishi"),
            "色の指定と違います。",
            "ご指定どおりの色です。",
            "納品いたします。",
            "出品者へ支払い（取引完了）",
        ]);
        // An amount out of range comes back with the form as typed.
        let wrong = console
            .post(
                &format!("/operator/disputes/{dispute_id}"),
                &[
                    ("decision", "partial_refund"),
                    ("amount", "5000"),
                    ("reason", "一部の修正が必要と判断しました。"),
                ],
            )
            .await;
        assert_eq!(
            wrong.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            wrong.html
        );
        wrong.assert_contains(&["返金額は1円以上", "一部の修正が必要と判断しました。"]);
        console
            .submit(
                &format!("/operator/disputes/{dispute_id}"),
                &[
                    ("decision", "partial_refund"),
                    ("amount", "1165"),
                    ("reason", "一部の修正が必要と判断しました。"),
                ],
            )
            .await
            .assert_contains(&[
                "判断を記録し、双方にお知らせしました。",
                "この相談はすでに終了しています。",
            ]);
        console
            .get("/operator")
            .await
            .assert_contains(&["判断待ちのトラブル相談: 0件"]);

        // Both parties see the outcome; the seller's sales page shows the share.
        for who in [&mut buyer, &mut seller] {
            who.get(&path).await.assert_contains(&[
                "運営事務局が判断しました。",
                "一部返金",
                "一部の修正が必要と判断しました。",
                "1,165円",
                "1,479円",
            ]);
        }
        seller.get("/sales").await.assert_contains(&["1,479"]);

        // The buyer's receipt is for what they paid in the end, with the refund itemised and
        // the consumption tax of the ¥2,000 kept (2,000 × 10/110, rounded down).
        let receipt = buyer.get(&format!("{path}/receipt")).await;
        receipt.assert_contains(&[
            "1,165円を返金しました。この領収書は差引後の2,000円に対するものです。",
            "一部返金",
            "差引お支払い金額（税込）",
            "3,165円",
            "181円",
        ]);
        receipt.assert_lacks(&["取消"]);
    }
);

both_backends!(
    members_cannot_reach_the_dispute_console_and_can_withdraw,
    |db: Db| async move {
        let s = server(db);
        let deal = delivered_order(&s.app).await;
        let path = format!("/orders/{}", deal.order);
        let mut buyer = Browser::signed_in(&s, deal.buyer.id).await;
        buyer
            .submit(
                &format!("{path}/dispute"),
                &[
                    ("reason", "no_contact"),
                    ("statement", "返信がありません。"),
                ],
            )
            .await;
        assert_eq!(
            buyer.get("/operator/disputes").await.status,
            StatusCode::FORBIDDEN
        );
        let dispute_id = open_dispute_id(&s.app, deal.order).await;
        assert_eq!(
            buyer
                .get(&format!("/operator/disputes/{dispute_id}"))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let mut seller = Browser::signed_in(&s, deal.seller.id).await;
        seller
            .submit(&format!("{path}/dispute/withdraw"), &[])
            .await
            .assert_contains(&[
                "トラブル相談を取り下げました。",
                "このトラブル相談は取り下げられました。",
            ]);
        // Withdrawn twice: the page says there is nothing open.
        let again = seller.post(&format!("{path}/dispute/withdraw"), &[]).await;
        assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.html);
        again.assert_contains(&["受付中のトラブル相談はありません。"]);
        buyer
            .get("/help")
            .await
            .assert_contains(&["トラブル相談について"]);
    }
);

both_backends!(the_dispute_api, |db: Db| async move {
    let s = server(db);
    let deal = delivered_order(&s.app).await;
    let buyer = yorozu_app::testing::api_token(&s.app, deal.buyer.id)
        .await
        .expect("token");
    let seller = yorozu_app::testing::api_token(&s.app, deal.seller.id)
        .await
        .expect("token");
    let path = format!("/orders/{}/dispute", deal.order);
    let shown = s.send(call(Method::GET, &path).token(&buyer)).await;
    expect(&shown, "get", "/orders/{id}/dispute", StatusCode::OK);
    assert_eq!(shown.body, json!({ "can_open": true, "dispute": null }));

    let invalid = s
        .send(
            call(Method::POST, &path)
                .token(&buyer)
                .json(json!({ "reason": "angry", "statement": "" })),
        )
        .await;
    expect_error(
        &invalid,
        "post",
        "/orders/{id}/dispute",
        StatusCode::UNPROCESSABLE_ENTITY,
    );
    let fields: Vec<&str> = invalid.body["error"]["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["field"].as_str())
        .collect();
    assert_eq!(fields, ["reason", "statement"]);

    let opened = s
        .send(
            call(Method::POST, &path)
                .token(&buyer)
                .json(json!({ "reason": "quality", "statement": "色が違います。" })),
        )
        .await;
    expect(&opened, "post", "/orders/{id}/dispute", StatusCode::OK);
    assert_eq!(opened.body["can_open"], json!(false));
    assert_eq!(opened.body["dispute"]["status"], json!("open"));
    assert_eq!(
        opened.body["dispute"]["interrupted_state"],
        json!("delivered")
    );

    let added = s
        .send(
            call(Method::POST, &format!("{path}/statements"))
                .token(&seller)
                .json(json!({ "body": "指定どおりです。" })),
        )
        .await;
    expect(
        &added,
        "post",
        "/orders/{id}/dispute/statements",
        StatusCode::OK,
    );
    let said: Vec<(String, bool)> = added.body["dispute"]["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .map(|x| {
            (
                x["side"].as_str().unwrap_or("").to_owned(),
                x["mine"] == json!(true),
            )
        })
        .collect();
    assert_eq!(
        said,
        [("buyer".to_owned(), false), ("seller".to_owned(), true)]
    );

    let withdrawn = s
        .send(call(Method::POST, &format!("{path}/withdraw")).token(&buyer))
        .await;
    expect(
        &withdrawn,
        "post",
        "/orders/{id}/dispute/withdraw",
        StatusCode::OK,
    );
    assert_eq!(withdrawn.body["dispute"]["status"], json!("withdrawn"));
    assert_eq!(withdrawn.body["can_open"], json!(true));
    let again = s
        .send(call(Method::POST, &format!("{path}/withdraw")).token(&buyer))
        .await;
    expect_error(
        &again,
        "post",
        "/orders/{id}/dispute/withdraw",
        StatusCode::CONFLICT,
    );
    assert_eq!(again.body["error"]["code"], json!("dispute-not-open"));

    // Someone else's order is not found.
    let stranger = member(&s.app, "stranger@example.jp", "他人").await;
    let token = yorozu_app::testing::api_token(&s.app, stranger.id)
        .await
        .expect("token");
    let hidden = s.send(call(Method::GET, &path).token(&token)).await;
    expect_error(
        &hidden,
        "get",
        "/orders/{id}/dispute",
        StatusCode::NOT_FOUND,
    );
});
