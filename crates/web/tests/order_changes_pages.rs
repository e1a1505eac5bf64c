//! Changes during an order through the pages and the JSON API, on each database kind: the
//! seller proposes a paid addition on the order page, the buyer sees its fee and pays it with
//! a card, the receipt lists it; an extension is requested and accepted, moving the due date;
//! the API shows, proposes, accepts (twice, charging once), declines and answers extensions.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use pages::*;
use serde_json::json;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_domain::OrderId;
use yorozu_store::{Db, both_backends};

use support::*;

struct Deal {
    buyer: CurrentUser,
    seller: CurrentUser,
    order: OrderId,
    card: i64,
}

/// A ¥3,000 order (paid ¥3,165) in progress.
async fn order_in_progress(app: &App) -> Deal {
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
            purchase_key: "changes-page-key".into(),
            expected_total: None,
        },
    )
    .await
    .expect("place");
    Deal {
        buyer,
        seller,
        order: placed.order_id,
        card,
    }
}

both_backends!(
    a_paid_addition_and_an_extension_on_the_order_page,
    |db: Db| async move {
        let s = server(db);
        let deal = order_in_progress(&s.app).await;
        let path = format!("/orders/{}", deal.order);
        let mut seller = Browser::signed_in(&s, deal.seller.id).await;
        seller
            .get(&path)
            .await
            .assert_contains(&["納品予定日", "追加オプションを提案する"]);
        // A price below the minimum comes back with its message and the details kept.
        let refused = seller
            .post(
                &format!("{path}/additions"),
                &[
                    ("title", "裏面デザイン"),
                    ("description", "裏面もデザインします。"),
                    ("price", "100"),
                    ("extra_days", "2"),
                ],
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            refused.html
        );
        refused.assert_contains(&["裏面もデザインします。"]);
        seller
            .submit(
                &format!("{path}/additions"),
                &[
                    ("title", "裏面デザイン"),
                    ("description", "裏面もデザインします。"),
                    ("price", "2000"),
                    ("extra_days", "2"),
                ],
            )
            .await
            .assert_contains(&["追加オプションを提案しました。", "売上予定額 1,560円"]);

        let mut buyer = Browser::signed_in(&s, deal.buyer.id).await;
        let page = buyer.get(&path).await;
        page.assert_contains(&[
            "裏面デザイン",
            "サービス利用料 110円",
            "お支払い金額 2,110円",
            "購入する（2,110円）",
        ]);
        let addition = {
            let mut c = s.app.db.read().await.expect("read");
            yorozu_store::orders::changes::additions(&mut c, deal.order)
                .await
                .expect("additions")[0]
                .id
        };
        buyer
            .submit(
                &format!("{path}/additions/{addition}/accept"),
                &[("card", &deal.card.to_string())],
            )
            .await
            .assert_contains(&["追加オプションを購入しました。", "購入済み"]);
        buyer
            .get(&format!("{path}/receipt"))
            .await
            .assert_contains(&["追加オプション: 裏面デザイン"]);

        // The seller asks for three more days; the buyer accepts.
        seller
            .submit(
                &format!("{path}/extension"),
                &[
                    ("extra_days", "3"),
                    ("reason", "印刷所の確認に時間がかかるため"),
                ],
            )
            .await
            .assert_contains(&["納品予定日の延長を申請しました。", "回答待ち"]);
        buyer
            .submit(
                &format!("{path}/extension/answer"),
                &[("decision", "accept"), ("answer", "")],
            )
            .await
            .assert_contains(&["延長を承認しました。", "承認"]);
    }
);

both_backends!(the_order_changes_api, |db: Db| async move {
    let s = server(db);
    let deal = order_in_progress(&s.app).await;
    let buyer = yorozu_app::testing::api_token(&s.app, deal.buyer.id)
        .await
        .expect("token");
    let seller = yorozu_app::testing::api_token(&s.app, deal.seller.id)
        .await
        .expect("token");
    let base = format!("/orders/{}", deal.order);
    let shown = s
        .send(call(Method::GET, &format!("{base}/changes")).token(&buyer))
        .await;
    expect(&shown, "get", "/orders/{id}/changes", StatusCode::OK);
    assert_eq!(shown.body["overdue"], json!(false));
    let due = shown.body["due_at"].as_i64().expect("due");

    let proposed = s
        .send(
            call(Method::POST, &format!("{base}/additions"))
                .token(&seller)
                .json(json!({ "title": "裏面デザイン", "price": 2000, "extra_days": 2 })),
        )
        .await;
    expect(&proposed, "post", "/orders/{id}/additions", StatusCode::OK);
    let addition = proposed.body["additions"][0]["id"]
        .as_str()
        .expect("id")
        .to_owned();
    assert_eq!(proposed.body["additions"][0]["total"], json!(2_110));
    assert_eq!(proposed.body["additions"][0]["seller_share"], json!(1_560));

    let accept = format!("{base}/additions/{addition}/accept");
    for _ in 0..2 {
        let paid = s
            .send(
                call(Method::POST, &accept)
                    .token(&buyer)
                    .json(json!({ "card_id": deal.card.to_string() })),
            )
            .await;
        expect(
            &paid,
            "post",
            "/orders/{id}/additions/{addition_id}/accept",
            StatusCode::OK,
        );
        assert_eq!(paid.body["additions"][0]["status"], json!("paid"));
        assert_eq!(paid.body["due_at"], json!(due + 2 * 86_400));
    }
    // Charged once: one payment for the order, one for the addition.
    {
        let mut c = s.app.db.read().await.expect("read");
        let escrow = yorozu_store::ledger::balance(&mut c, "escrow", None)
            .await
            .expect("balance");
        assert_eq!(escrow.get(), -(3_165 + 2_110));
    }

    let requested = s
        .send(
            call(Method::POST, &format!("{base}/extension"))
                .token(&buyer)
                .json(json!({ "extra_days": 1, "reason": "確認が遅れます" })),
        )
        .await;
    expect(&requested, "post", "/orders/{id}/extension", StatusCode::OK);
    let declined = s
        .send(
            call(Method::POST, &format!("{base}/extension/answer"))
                .token(&seller)
                .json(json!({ "answer": "decline", "text": "" })),
        )
        .await;
    expect(
        &declined,
        "post",
        "/orders/{id}/extension/answer",
        StatusCode::OK,
    );
    assert_eq!(declined.body["extensions"][0]["status"], json!("declined"));
    assert_eq!(declined.body["due_at"], json!(due + 2 * 86_400));

    let not_overdue = s
        .send(
            call(Method::POST, &format!("{base}/overdue-cancel"))
                .token(&buyer)
                .json(json!({})),
        )
        .await;
    assert_eq!(not_overdue.status, StatusCode::CONFLICT);
    assert_eq!(
        not_overdue.body["error"]["code"],
        json!("order-not-overdue")
    );

    // Someone else's order is not found.
    let stranger = member(&s.app, "stranger@example.jp", "他人").await;
    let token = yorozu_app::testing::api_token(&s.app, stranger.id)
        .await
        .expect("token");
    let hidden = s
        .send(call(Method::GET, &format!("{base}/changes")).token(&token))
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
});
