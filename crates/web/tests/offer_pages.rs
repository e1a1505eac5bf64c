//! The quote consultation and custom offer pages on each database kind: asking from a service,
//! the thread for its parties only, the seller's offer form (refused and sent), a revision
//! showing what changed, the final confirmation screen with the offer's terms and placing
//! the order, and declining with a reason.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::StatusCode;
use pages::*;
use support::*;
use yorozu_app::offers::consult;
use yorozu_store::both_backends;

fn input_value(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no input {name} in:\n{html}"))
        + marker.len();
    html[start..].split('"').next().expect("value").to_owned()
}

const OFFER: &[(&str, &str)] = &[
    ("title", "会社ロゴ（3案）"),
    ("included", "ロゴ3案とAIデータ"),
    ("price", "40000"),
    ("delivery_days", "10"),
    ("revisions", "2"),
    ("option_title", ""),
    ("option_price", ""),
    ("expiry_days", "7"),
];

both_backends!(
    quote_offer_revision_and_purchase_through_the_pages,
    |db| async move {
        let s = server(db);
        let seller = member(&s.app, "s@example.jp", "売り手").await;
        let buyer = member(&s.app, "b@example.jp", "買い手").await;
        let listing = publish(&s.app, &seller, "ロゴを作成します").await;
        let card_id = card(&s.app, &buyer).await;

        let mut as_buyer = Browser::signed_in(&s, buyer.id).await;
        let service = as_buyer.get(&format!("/services/{listing}")).await;
        service.assert_contains(&[&format!("/services/{listing}/consult"), "見積り相談する"]);
        let ask = as_buyer.get(&format!("/services/{listing}/consult")).await;
        assert_eq!(ask.status, StatusCode::OK);
        ask.assert_contains(&["ロゴを作成します", r#"enctype="multipart/form-data""#]);
        let id = consult::consult(&s.app, &buyer, listing, "予算5万円で可能ですか。", vec![])
            .await
            .expect("consult");
        let path = format!("/consultations/{id}");

        let mut as_seller = Browser::signed_in(&s, seller.id).await;
        let list = as_seller.get("/consultations").await;
        list.assert_contains(&["ロゴを作成します", &path, "相談を受けた側"]);
        let thread = as_seller.get(&path).await;
        thread.assert_contains(&["予算5万円で可能ですか。", "提案を送る"]);
        // The same limits as a service.
        let mut low = OFFER.to_vec();
        low[2] = ("price", "100");
        let refused = as_seller.post(&format!("{path}/offers"), &low).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        refused.assert_contains(&["会社ロゴ（3案）", r#"aria-describedby="price-error""#]);
        let sent = as_seller.submit(&format!("{path}/offers"), OFFER).await;
        sent.assert_contains(&["提案を送信しました。", "第1版", "回答待ち"]);
        let mut revised = OFFER.to_vec();
        revised[2] = ("price", "35000");
        let sent = as_seller.submit(&format!("{path}/offers"), &revised).await;
        sent.assert_contains(&["第2版", "更新済み", "前の版からの変更: 価格"]);

        // Nobody else sees the thread.
        let other = member(&s.app, "o@example.jp", "第三者").await;
        let mut stranger = Browser::signed_in(&s, other.id).await;
        assert_eq!(stranger.get(&path).await.status, StatusCode::NOT_FOUND);

        let thread = as_buyer.get(&path).await;
        thread.assert_contains(&["この提案で購入手続きへ進む", "お断りする"]);
        thread.assert_lacks(&["提案を送る</button>"]);
        let start = thread
            .html
            .find("/orders/new?listing=")
            .expect("accept link");
        let href = thread.html[start..]
            .split('"')
            .next()
            .expect("href")
            .replace("&#38;", "&");
        let confirm = as_buyer.get(&href).await;
        assert_eq!(confirm.status, StatusCode::OK, "{}", confirm.html);
        confirm.assert_contains(&[
            "カスタム提案「会社ロゴ（3案）」の条件で購入します。",
            "35,000",
        ]);
        let offer_id = input_value(&confirm.html, "offer");
        let fields = [
            ("listing", listing.to_string()),
            ("offer", offer_id),
            ("payment", card_id.to_string()),
            ("request", String::new()),
            ("purchase_key", input_value(&confirm.html, "purchase_key")),
            (
                "expected_total",
                input_value(&confirm.html, "expected_total"),
            ),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let placed = as_buyer.post("/orders", &fields).await;
        assert_eq!(placed.status, StatusCode::SEE_OTHER, "{}", placed.html);
        let order = placed.location().expect("order page").to_owned();
        let order_page = as_buyer.get(&order).await;
        order_page.assert_contains(&["会社ロゴ（3案）"]);
        let thread = as_buyer.get(&path).await;
        thread.assert_contains(&["購入済み", &order]);
    }
);

both_backends!(declining_an_offer_on_its_page, |db| async move {
    let s = server(db);
    let seller = member(&s.app, "s@example.jp", "売り手").await;
    let buyer = member(&s.app, "b@example.jp", "買い手").await;
    let listing = publish(&s.app, &seller, "ロゴを作成します").await;
    let id = consult::consult(&s.app, &buyer, listing, "相談です。", vec![])
        .await
        .expect("consult");
    let path = format!("/consultations/{id}");
    let mut as_seller = Browser::signed_in(&s, seller.id).await;
    as_seller.submit(&format!("{path}/offers"), OFFER).await;
    let mut as_buyer = Browser::signed_in(&s, buyer.id).await;
    let thread = as_buyer.get(&path).await;
    let start = thread.html.find("/offers/").expect("decline form") + "/offers/".len();
    let offer = thread.html[start..]
        .split('/')
        .next()
        .expect("id")
        .to_owned();
    let consultation = id.to_string();
    let done = as_buyer
        .submit(
            &format!("/offers/{offer}/decline"),
            &[
                ("reason", "予算が合いませんでした。"),
                ("consultation", consultation.as_str()),
            ],
        )
        .await;
    done.assert_contains(&[
        "提案をお断りしました。",
        "お断り",
        "お断りの理由: 予算が合いませんでした。",
    ]);
    done.assert_lacks(&["この提案で購入手続きへ進む"]);
});

both_backends!(
    contact_details_in_a_consultation_are_held_back_until_acknowledged_and_flagged,
    |db| async move {
        use axum::http::Method;
        use serde_json::json;
        let s = server(db);
        let seller = member(&s.app, "s@example.jp", "売り手").await;
        let buyer = member(&s.app, "b@example.jp", "買い手").await;
        let listing = publish(&s.app, &seller, "ロゴを作成します").await;
        let token = yorozu_app::testing::api_token(&s.app, buyer.id)
            .await
            .expect("token");
        let ask = format!("/listings/{listing}/consultations");
        let body = "詳しくは ０９０−１２３４−５６７８ にお電話ください";
        let answer = s
            .send(
                call(Method::POST, &ask)
                    .token(&token)
                    .json(json!({ "body": body })),
            )
            .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            answer.body
        );
        assert_eq!(answer.code(), "contact-details-found");
        assert_eq!(answer.body["error"]["findings"][0]["kind"], "phone");
        let op = operator(&s.app, "ops@example.jp").await;
        // The operators' queue: which kinds of target were flagged, with the content shown.
        let flagged = || async {
            yorozu_app::moderation::queue::open(&s.app, &op)
                .await
                .expect("queue")
                .entries
                .iter()
                .map(|e| {
                    assert!(e.content.is_some(), "the queue shows the flagged text");
                    e.target.kind.as_str()
                })
                .collect::<Vec<_>>()
                .len()
        };
        assert_eq!(flagged().await, 0, "nothing was saved or flagged");
        let answer = s
            .send(
                call(Method::POST, &ask)
                    .token(&token)
                    .json(json!({ "body": body, "acknowledge_contact_warning": true })),
            )
            .await;
        expect(
            &answer,
            "post",
            "/listings/{id}/consultations",
            StatusCode::OK,
        );
        assert_eq!(flagged().await, 1, "sent anyway: the operators see it");
        let id = answer.body["id"].as_str().expect("id").to_owned();

        // The seller's offer texts on the page: held back with the warning, the form kept.
        let mut as_seller = Browser::signed_in(&s, seller.id).await;
        let path = format!("/consultations/{id}");
        let mut offer = OFFER.to_vec();
        offer[1] = (
            "included",
            "ロゴ3案。以降は LINE ID: logo_taro でやり取りしましょう",
        );
        let held = as_seller.post(&format!("{path}/offers"), &offer).await;
        assert_eq!(held.status, StatusCode::OK);
        held.assert_contains(&[
            "送信前にご確認ください",
            "提案の内容",
            "acknowledge_contact_warning",
            "会社ロゴ（3案）",
        ]);
        held.assert_lacks(&["第1版"]);
        offer.push(("acknowledge_contact_warning", "1"));
        let sent = as_seller.submit(&format!("{path}/offers"), &offer).await;
        sent.assert_contains(&["提案を送信しました。", "第1版"]);
        assert_eq!(flagged().await, 2);
        // A message through the API: held back with the finding, nothing saved.
        let messages = format!("/consultations/{id}/messages");
        let answer = s
            .send(
                call(Method::POST, &messages)
                    .token(&token)
                    .json(json!({ "body": "メール: taro@example.com" })),
            )
            .await;
        assert_eq!(answer.code(), "contact-details-found");
        assert_eq!(answer.body["error"]["findings"][0]["kind"], "email");
        assert_eq!(flagged().await, 2);
    }
);
