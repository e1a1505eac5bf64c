//! Orders, points and coupons in the JSON API under /api/v1, driven through the real router
//! over a test database of each kind. Every JSON body is checked against the schema the
//! OpenAPI document gives for its operation and status.

mod support;

use support::*;
use yorozu_domain::UserId;

use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};
use yorozu_app::accounts::{CurrentUser, api_tokens};
use yorozu_app::payments::cards;
use yorozu_app::promotions::{coupons, points};
use yorozu_domain::Timestamp;
use yorozu_domain::listings::categories;
use yorozu_domain::orders::{auto_approval_at, cancellation_deadline, payment_deadline};
use yorozu_store::accounts::users;
use yorozu_store::both_backends;
use yorozu_store::ledger;
use yorozu_web::api::openapi::spec;

/// A member of a test: their id, token and the use cases' view of them.
struct Member {
    id: UserId,
    token: String,
    user: CurrentUser,
}

impl TestServer {
    /// A member with a confirmed e-mail address and a token.
    async fn member(&self, email: &str, name: &str) -> Member {
        let answer = self
            .send(
                call(Method::POST, "/accounts")
                    .json(json!({ "email": email, "password": PASSWORD, "display_name": name })),
            )
            .await;
        assert_eq!(answer.status, StatusCode::ACCEPTED, "{}", answer.body);
        let mut c = self.app.db.read().await.expect("read");
        let id = users::find_by_email(&mut c, email)
            .await
            .expect("find")
            .expect("registered")
            .id;
        drop(c);
        let mut tx = self.app.db.begin().await.expect("begin");
        users::mark_email_verified(&mut tx, id, START)
            .await
            .expect("verify");
        tx.commit().await.expect("commit");
        let token = yorozu_app::testing::api_token(&self.app, id)
            .await
            .expect("token");
        let user = api_tokens::authenticate(&self.app, &token)
            .await
            .expect("authenticate")
            .expect("active member");
        Member { id, token, user }
    }

    /// A published service of `seller`: 名刺 at ¥5,000 with a ¥2,000 paid option.
    async fn service(&self, seller: &Member) -> String {
        let category = categories::by_slug("print/business-card")
            .expect("category")
            .id
            .to_string();
        let created = self
            .send(
                call(Method::POST, "/me/listings")
                    .token(&seller.token)
                    .json(json!({
                        "title": "名刺デザインを丁寧に作成します",
                        "category": category,
                        "description": "お店や会社の名刺を、そのまま印刷に出せるデータでお届けします。",
                        "price": 5000,
                        "delivery_days": 5,
                        "revisions": 3,
                        "options": [{ "title": "特急納品（2日）", "price": 2000 }],
                    })),
            )
            .await;
        expect(&created, "post", "/me/listings", StatusCode::CREATED);
        let id = created.body["id"].as_str().expect("id").to_owned();
        let published = self
            .send(
                call(Method::POST, &format!("/listings/{id}/status"))
                    .token(&seller.token)
                    .json(json!({ "action": "publish" })),
            )
            .await;
        expect(&published, "post", "/listings/{id}/status", StatusCode::OK);
        id
    }

    /// Registers a sandbox card for the member and returns its id as the API writes ids.
    async fn card(&self, member: &Member, number: &str) -> String {
        cards::register_card(&self.app, &member.user, number, "12/30", "123")
            .await
            .expect("card registers")
            .id
            .to_string()
    }

    /// An operator (for granting points and creating coupons).
    async fn operator(&self) -> CurrentUser {
        let mut op = self.member("operator@example.jp", "山田").await.user;
        op.role = yorozu_domain::accounts::Role::Operator;
        op
    }

    /// Places an order and checks the answer against the document; returns it.
    async fn place(&self, buyer: &Member, body: Value) -> Answer {
        self.send(call(Method::POST, "/orders").token(&buyer.token).json(body))
            .await
    }

    /// A paid order of `listing` by card; returns its id.
    async fn paid_order(&self, buyer: &Member, listing: &str) -> String {
        let card = self.card(buyer, "4242424242424242").await;
        let placed = self
            .place(
                buyer,
                json!({
                    "listing_id": listing,
                    "options": [],
                    "payment": { "method": "card", "card_id": card },
                    "request": "ロゴはこちらで用意します。",
                    "purchase_key": key("paid"),
                }),
            )
            .await;
        expect(&placed, "post", "/orders", StatusCode::CREATED);
        placed.body["id"].as_str().expect("id").to_owned()
    }

    async fn get_order(&self, member: &Member, id: &str) -> Answer {
        let answer = self
            .send(call(Method::GET, &format!("/orders/{id}")).token(&member.token))
            .await;
        expect(&answer, "get", "/orders/{id}", StatusCode::OK);
        answer
    }

    /// `POST /orders/{id}/<action>` with a JSON body (or none).
    async fn act(&self, member: &Member, id: &str, action: &str, body: Option<Value>) -> Answer {
        let c = call(Method::POST, &format!("/orders/{id}/{action}")).token(&member.token);
        let c = match body {
            Some(body) => c.json(body),
            None => c,
        };
        self.send(c).await
    }

    /// Every ledger transaction: there are this many, and each sums to zero.
    async fn ledger_transactions(&self) -> usize {
        let mut c = self.app.db.read().await.expect("read");
        let sums = ledger::transaction_sums(&mut c).await.expect("sums");
        assert!(
            sums.iter().all(|(_, sum)| sum.get() == 0),
            "unbalanced: {sums:?}"
        );
        sums.len()
    }
}

/// A purchase key for the test (16–64 characters).
fn key(name: &str) -> String {
    format!("test-purchase-key-{name}")
}

/// An error status that the document lists for the operation, with its code.
fn expect_error(answer: &Answer, method: &str, path: &str, status: StatusCode, code: &str) {
    assert_eq!(answer.status, status, "{method} {path}: {}", answer.body);
    assert_eq!(answer.code(), code, "{method} {path}");
    let documented = &spec()["paths"][path][method]["responses"][status.as_str()];
    assert!(
        !documented.is_null(),
        "{method} {path}: {status} is not documented"
    );
}

fn actions(order: &Answer) -> Vec<String> {
    order.body["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| a.as_str().expect("action").to_owned())
        .collect()
}

/// A multipart body with a text field and files (name, content type, bytes).
fn multipart(text: (&str, &str), files: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "yorozu-test-boundary-7f3a";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{}\r\n",
            text.0, text.1
        )
        .as_bytes(),
    );
    for (name, content_type, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: {content_type}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

// ---------------------------------------------------------------------------------------
// The confirmation screen

both_backends!(quote_with_options_points_and_coupon, |db| async move {
    let s = server(db);
    let seller = s.member("hanako@example.jp", "花子").await;
    let buyer = s.member("taro@example.jp", "太郎").await;
    let listing = s.service(&seller).await;
    let operator = s.operator().await;
    points::grant(
        &s.app,
        &operator,
        "taro@example.jp",
        "500",
        "ご愛顧ありがとうございます",
    )
    .await
    .expect("grant");
    coupons::create(
        &s.app,
        &operator,
        &coupons::CouponInput {
            code: "WELCOME1000".into(),
            title: "はじめてのご注文".into(),
            discount: "1000".into(),
            min_order: "3000".into(),
            valid_days: "30".into(),
        },
    )
    .await
    .expect("coupon");

    let quote = s
        .send(
            call(Method::POST, "/orders/quote")
                .token(&buyer.token)
                .json(json!({
                    "listing_id": listing,
                    "options": [first_option_position(&s, &listing).await],
                    "points": 500,
                    "coupon": "WELCOME1000",
                })),
        )
        .await;
    expect(&quote, "post", "/orders/quote", StatusCode::OK);
    let q = &quote.body;
    assert_eq!(q["listing_id"], listing.as_str());
    assert_eq!(q["seller"]["id"], seller.id.to_string().as_str());
    assert_eq!(q["seller"]["display_name"], "花子");
    assert_eq!(q["options"][0]["chosen"], true);
    assert_eq!(q["subtotal"], 7000);
    assert_eq!(q["buyer_fee"], 385);
    assert_eq!(q["buyer_fee_rate"], "5.5%");
    assert_eq!(q["points_balance"], 500);
    assert_eq!(q["points_used"], 500);
    assert_eq!(q["coupon"]["code"], "WELCOME1000");
    assert_eq!(q["coupon_discount"], 1000);
    assert_eq!(q["discount"], 1500);
    assert_eq!(q["buyer_total"], 7000 + 385 - 1500);
    assert_eq!(q["delivery_days"], 5);
    assert_eq!(q["cancellation_answer_hours"], 24);
    assert_eq!(q["auto_approval_days"], 3);

    // Without choices: the plain price and fee.
    let plain = s
        .send(
            call(Method::POST, "/orders/quote")
                .token(&buyer.token)
                .json(json!({ "listing_id": listing, "points": null, "coupon": null })),
        )
        .await;
    expect(&plain, "post", "/orders/quote", StatusCode::OK);
    assert_eq!(plain.body["buyer_total"], 5000 + 275);
    assert_eq!(plain.body["coupon"], Value::Null);

    // Points beyond the balance and an unknown coupon: one 422 naming both fields.
    let bad = s
        .send(
            call(Method::POST, "/orders/quote")
                .token(&buyer.token)
                .json(json!({ "listing_id": listing, "points": 501, "coupon": "NOSUCHCODE" })),
        )
        .await;
    expect_error(
        &bad,
        "post",
        "/orders/quote",
        StatusCode::UNPROCESSABLE_ENTITY,
        "error-invalid-input",
    );
    let fields = bad.fields();
    assert!(
        fields.contains(&("points".into(), "points-exceed-balance".into())),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("coupon".into(), "coupon-not-found".into())),
        "{fields:?}"
    );

    let own = s
        .send(
            call(Method::POST, "/orders/quote")
                .token(&seller.token)
                .json(json!({ "listing_id": listing })),
        )
        .await;
    expect_error(
        &own,
        "post",
        "/orders/quote",
        StatusCode::CONFLICT,
        "order-own-listing",
    );
    let missing = s
        .send(
            call(Method::POST, "/orders/quote")
                .token(&buyer.token)
                .json(json!({ "listing_id": "12345" })),
        )
        .await;
    expect_error(
        &missing,
        "post",
        "/orders/quote",
        StatusCode::NOT_FOUND,
        "error-not-found",
    );
    let anonymous = s
        .send(call(Method::POST, "/orders/quote").json(json!({ "listing_id": listing })))
        .await;
    expect_error(
        &anonymous,
        "post",
        "/orders/quote",
        StatusCode::UNAUTHORIZED,
        "error-unauthenticated",
    );
});

/// The position of the service's first paid option, as the listing's owner sees it in the
/// quote (positions are the service's, not indexes).
async fn first_option_position(s: &TestServer, listing: &str) -> i64 {
    let probe = s.member("probe@example.jp", "確認用").await;
    let quote = s
        .send(
            call(Method::POST, "/orders/quote")
                .token(&probe.token)
                .json(json!({ "listing_id": listing })),
        )
        .await;
    expect(&quote, "post", "/orders/quote", StatusCode::OK);
    assert_eq!(quote.body["options"][0]["chosen"], false);
    quote.body["options"][0]["position"]
        .as_i64()
        .expect("position")
}

// ---------------------------------------------------------------------------------------
// Placing orders

both_backends!(
    placing_by_card_twice_with_one_key_makes_one_order_and_one_payment,
    |db| async move {
        let s = server(db);
        let seller = s.member("hanako@example.jp", "花子").await;
        let buyer = s.member("taro@example.jp", "太郎").await;
        let listing = s.service(&seller).await;
        let card = s.card(&buyer, "4242424242424242").await;
        let purchase = json!({
            "listing_id": listing,
            "options": [],
            "points": null,
            "coupon": null,
            "payment": { "method": "card", "card_id": card },
            "request": "ロゴはこちらで用意します。",
            "purchase_key": key("twice"),
            "expected_total": 5275,
        });

        let first = s.place(&buyer, purchase.clone()).await;
        expect(&first, "post", "/orders", StatusCode::CREATED);
        let id = first.body["id"].as_str().expect("id").to_owned();
        assert_eq!(
            first.headers[header::LOCATION],
            format!("/api/v1/orders/{id}").as_str()
        );
        // The 201 is light: the order's id, state, total and links; the order itself is a GET.
        assert_eq!(first.body["state"], "in_progress");
        assert_eq!(first.body["buyer_total"], 5275);
        assert_eq!(
            first.body["links"]["self"],
            format!("/api/v1/orders/{id}").as_str()
        );
        assert_eq!(
            first.body["links"]["messages"],
            format!("/api/v1/orders/{id}/messages").as_str()
        );
        assert!(
            first.body["links"]["web_url"]
                .as_str()
                .expect("web_url")
                .ends_with(&format!("/orders/{id}"))
        );
        assert!(
            first.body.get("counterpart").is_none(),
            "not the whole order"
        );
        let whole = s.get_order(&buyer, &id).await;
        let o = &whole.body;
        assert_eq!(o["state"], "in_progress");
        assert_eq!(o["role"], "buyer");
        assert_eq!(o["counterpart"]["id"], seller.id.to_string().as_str());
        assert_eq!(o["counterpart"]["display_name"], "花子");
        assert_eq!(o["amounts"]["buyer_total"], 5275);
        assert_eq!(o["amounts"]["payment_method"], "card");
        assert!(
            o["amounts"].get("seller_share").is_none(),
            "the buyer sees what they pay"
        );
        assert_eq!(o["request"], "ロゴはこちらで用意します。");
        assert_eq!(o["paid_at"], START);
        assert!(actions(&whole).contains(&"request_cancellation".to_owned()));
        assert!(!actions(&whole).contains(&"deliver".to_owned()));

        let again = s.place(&buyer, purchase).await;
        expect(&again, "post", "/orders", StatusCode::OK);
        assert_eq!(again.body["id"], id.as_str());
        assert_eq!(s.ledger_transactions().await, 1, "one payment into escrow");

        let purchases = s
            .send(call(Method::GET, "/me/orders").token(&buyer.token))
            .await;
        expect(&purchases, "get", "/me/orders", StatusCode::OK);
        assert_eq!(purchases.body["total"], 1);
        assert_eq!(purchases.body["items"][0]["id"], id.as_str());
        assert_eq!(purchases.body["items"][0]["amount"], 5275);

        // The seller sees their share and the fee, not what the buyer paid.
        let sales = s
            .send(call(Method::GET, "/me/orders?role=seller&page=1").token(&seller.token))
            .await;
        expect(&sales, "get", "/me/orders", StatusCode::OK);
        assert_eq!(sales.body["items"][0]["role"], "seller");
        assert_eq!(sales.body["items"][0]["amount"], 5000 - 1100);
        assert_eq!(
            sales.body["items"][0]["counterpart"]["display_name"],
            "太郎"
        );
        let seller_view = s.get_order(&seller, &id).await;
        assert_eq!(
            seller_view.body["amounts"],
            json!({ "subtotal": 5000, "platform_fee": 1100, "seller_share": 3900 })
        );
        assert!(actions(&seller_view).contains(&"deliver".to_owned()));
        let none = s
            .send(call(Method::GET, "/me/orders?role=seller").token(&buyer.token))
            .await;
        assert_eq!(none.body["total"], 0);
        let wrong = s
            .send(call(Method::GET, "/me/orders?role=everyone").token(&buyer.token))
            .await;
        expect_error(
            &wrong,
            "get",
            "/me/orders",
            StatusCode::BAD_REQUEST,
            "error-invalid-input",
        );

        // A stale total and a missing key are refused before anything is charged.
        let stale = s
            .place(
                &buyer,
                json!({
                    "listing_id": listing,
                    "payment": { "method": "card", "card_id": card },
                    "purchase_key": key("stale"),
                    "expected_total": 1000,
                }),
            )
            .await;
        expect_error(
            &stale,
            "post",
            "/orders",
            StatusCode::CONFLICT,
            "order-total-changed",
        );
        let keyless = s
            .place(
                &buyer,
                json!({ "listing_id": listing, "payment": { "method": "deferred" } }),
            )
            .await;
        expect_error(
            &keyless,
            "post",
            "/orders",
            StatusCode::BAD_REQUEST,
            "order-purchase-key-invalid",
        );
        assert_eq!(s.ledger_transactions().await, 1);
    }
);

both_backends!(a_declined_card_orders_nothing, |db| async move {
    let s = server(db);
    let seller = s.member("hanako@example.jp", "花子").await;
    let buyer = s.member("taro@example.jp", "太郎").await;
    let listing = s.service(&seller).await;

    // 4000000000000002 is declined by the sandbox when it is registered, so it never becomes
    // a card to pay with.
    let refused = cards::register_card(&s.app, &buyer.user, "4000000000000002", "12/30", "123")
        .await
        .expect_err("declined at registration");
    assert!(
        matches!(refused, yorozu_app::AppError::Invalid(ref f) if f[0].code == "card-declined")
    );

    // 4000000000009995 registers, and every charge to it is declined.
    let card = s.card(&buyer, "4000000000009995").await;
    let declined = s
        .place(
            &buyer,
            json!({
                "listing_id": listing,
                "payment": { "method": "card", "card_id": card },
                "purchase_key": key("declined"),
            }),
        )
        .await;
    expect_error(
        &declined,
        "post",
        "/orders",
        StatusCode::UNPROCESSABLE_ENTITY,
        "error-invalid-input",
    );
    assert_eq!(
        declined.fields(),
        vec![("card".to_owned(), "card-insufficient-funds".to_owned())]
    );
    // Someone else's card, or no card at all, is a problem with the same field.
    let unknown = s
        .place(
            &buyer,
            json!({
                "listing_id": listing,
                "payment": { "method": "card", "card_id": "12345" },
                "purchase_key": key("unknown-card"),
            }),
        )
        .await;
    assert_eq!(
        unknown.fields(),
        vec![("card".to_owned(), "order-card-unknown".to_owned())]
    );

    let purchases = s
        .send(call(Method::GET, "/me/orders").token(&buyer.token))
        .await;
    assert_eq!(purchases.body["total"], 0);
    assert_eq!(s.ledger_transactions().await, 0);
});

both_backends!(a_deferred_order_is_paid_later, |db| async move {
    let s = server(db);
    let seller = s.member("hanako@example.jp", "花子").await;
    let buyer = s.member("taro@example.jp", "太郎").await;
    let listing = s.service(&seller).await;

    let placed = s
        .place(
            &buyer,
            json!({
                "listing_id": listing,
                "payment": { "method": "deferred" },
                "purchase_key": key("deferred"),
            }),
        )
        .await;
    expect(&placed, "post", "/orders", StatusCode::CREATED);
    let id = placed.body["id"].as_str().expect("id").to_owned();
    assert_eq!(placed.body["state"], "awaiting_payment");
    let placed = s.get_order(&buyer, &id).await;
    assert_eq!(placed.body["amounts"]["payment_method"], "deferred");
    assert_eq!(
        placed.body["payment_due_at"],
        payment_deadline(Timestamp::from_unix(START), 72).unix()
    );
    assert_eq!(placed.body["paid_at"], Value::Null);
    assert!(actions(&placed).contains(&"pay".to_owned()));
    assert_eq!(s.ledger_transactions().await, 0);

    // Nothing can be delivered before payment.
    let early = s
        .act(
            &seller,
            &id,
            "delivery",
            Some(json!({ "note": "できました" })),
        )
        .await;
    expect_error(
        &early,
        "post",
        "/orders/{id}/delivery",
        StatusCode::CONFLICT,
        "order-transition-not-allowed",
    );
    // Only the buyer pays.
    let card = s.card(&buyer, "4242424242424242").await;
    let by_seller = s
        .act(&seller, &id, "pay", Some(json!({ "card_id": card })))
        .await;
    expect_error(
        &by_seller,
        "post",
        "/orders/{id}/pay",
        StatusCode::NOT_FOUND,
        "error-not-found",
    );

    let paid = s
        .act(&buyer, &id, "pay", Some(json!({ "card_id": card })))
        .await;
    expect(&paid, "post", "/orders/{id}/pay", StatusCode::OK);
    assert_eq!(paid.body["state"], "in_progress");
    assert_eq!(paid.body["paid_at"], START);
    assert!(!actions(&paid).contains(&"pay".to_owned()));
    assert_eq!(s.ledger_transactions().await, 1);

    let twice = s
        .act(&buyer, &id, "pay", Some(json!({ "card_id": card })))
        .await;
    expect_error(
        &twice,
        "post",
        "/orders/{id}/pay",
        StatusCode::CONFLICT,
        "order-transition-not-allowed",
    );
    assert_eq!(s.ledger_transactions().await, 1);
});

// ---------------------------------------------------------------------------------------
// Working together

both_backends!(
    messages_then_delivery_then_approval_then_both_reviews,
    |db| async move {
        let s = server(db);
        let seller = s.member("hanako@example.jp", "花子").await;
        let buyer = s.member("taro@example.jp", "太郎").await;
        let listing = s.service(&seller).await;
        let id = s.paid_order(&buyer, &listing).await;
        let messages_path = format!("/orders/{id}/messages");

        let posted = s
            .send(
                call(Method::POST, &messages_path)
                    .token(&buyer.token)
                    .json(json!({ "body": "よろしくお願いします。" })),
            )
            .await;
        expect(
            &posted,
            "post",
            "/orders/{id}/messages",
            StatusCode::CREATED,
        );
        assert_eq!(posted.body["kind"], "message");
        assert_eq!(posted.body["author"], "buyer");
        assert_eq!(posted.body["mine"], true);
        assert_eq!(posted.body["body"], "よろしくお願いします。");
        assert_eq!(posted.body["read_by_other"], false);
        let message_id = posted.body["id"].as_str().expect("id").to_owned();

        let empty = s
            .send(
                call(Method::POST, &messages_path)
                    .token(&buyer.token)
                    .json(json!({ "body": "" })),
            )
            .await;
        expect_error(
            &empty,
            "post",
            "/orders/{id}/messages",
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-invalid-input",
        );
        assert_eq!(empty.fields()[0].0, "body");

        // The seller answers with a file; reading the room marks the buyer's message read.
        let (content_type, body) = multipart(
            ("body", "ラフ案をお送りします。"),
            &[("ラフ案.txt", "text/plain", "名刺のラフ案".as_bytes())],
        );
        let with_file = s
            .send(
                call(Method::POST, &messages_path)
                    .token(&seller.token)
                    .raw(&content_type, body),
            )
            .await;
        expect(
            &with_file,
            "post",
            "/orders/{id}/messages",
            StatusCode::CREATED,
        );
        let file = &with_file.body["attachments"][0];
        assert_eq!(file["file_name"], "ラフ案.txt");
        assert_eq!(file["content_type"], "text/plain");
        assert_eq!(file["size"], "名刺のラフ案".len());
        let url = file["url"].as_str().expect("url").to_owned();
        let attachment_path = url.strip_prefix("/api/v1").expect("API path").to_owned();

        let (status, headers, bytes) = s
            .send_raw(call(Method::GET, &attachment_path).token(&buyer.token))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(bytes, "名刺のラフ案".as_bytes());
        assert_eq!(headers[header::CONTENT_TYPE], "text/plain");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        let disposition = headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ascii");
        assert!(disposition.starts_with("attachment;"), "{disposition}");
        assert!(disposition.contains("filename*=UTF-8''"), "{disposition}");
        assert!(
            spec()["paths"]["/orders/{id}/attachments/{attachment_id}"]["get"]["responses"]["200"]
                .is_object()
        );

        let room = s
            .send(call(Method::GET, &messages_path).token(&buyer.token))
            .await;
        expect(&room, "get", "/orders/{id}/messages", StatusCode::OK);
        let entries = room.body.as_array().expect("list");
        let mine = entries
            .iter()
            .find(|m| m["id"] == message_id.as_str())
            .expect("the buyer's message");
        assert_eq!(mine["read_by_other"], true, "the seller has read it");

        // Formal delivery; a second one is refused; the buyer cannot deliver.
        let delivered = s
            .act(
                &seller,
                &id,
                "delivery",
                Some(json!({ "note": "納品いたします。ご確認ください。" })),
            )
            .await;
        expect(&delivered, "post", "/orders/{id}/delivery", StatusCode::OK);
        assert_eq!(delivered.body["state"], "delivered");
        let auto = auto_approval_at(Timestamp::from_unix(START), 3).unix();
        assert_eq!(delivered.body["pending_delivery"]["auto_approve_at"], auto);
        assert_eq!(delivered.body["pending_delivery"]["outcome"], "pending");
        let twice = s
            .act(
                &seller,
                &id,
                "delivery",
                Some(json!({ "note": "もう一度" })),
            )
            .await;
        expect_error(
            &twice,
            "post",
            "/orders/{id}/delivery",
            StatusCode::CONFLICT,
            "order-transition-not-allowed",
        );
        let by_buyer = s
            .act(&buyer, &id, "delivery", Some(json!({ "note": "？" })))
            .await;
        expect_error(
            &by_buyer,
            "post",
            "/orders/{id}/delivery",
            StatusCode::FORBIDDEN,
            "error-forbidden",
        );

        let buyer_view = s.get_order(&buyer, &id).await;
        assert!(actions(&buyer_view).contains(&"approve".to_owned()));
        assert!(actions(&buyer_view).contains(&"send_back".to_owned()));
        let early_review = s
            .act(
                &buyer,
                &id,
                "review",
                Some(json!({ "rating": 5, "comment": "早い！" })),
            )
            .await;
        expect_error(
            &early_review,
            "post",
            "/orders/{id}/review",
            StatusCode::CONFLICT,
            "review-not-yet",
        );

        let approved = s.act(&buyer, &id, "approve", None).await;
        expect(&approved, "post", "/orders/{id}/approve", StatusCode::OK);
        assert_eq!(approved.body["state"], "completed");
        assert_eq!(approved.body["completed_at"], START);
        assert_eq!(approved.body["pending_delivery"], Value::Null);
        assert_eq!(approved.body["deliveries"][0]["outcome"], "approved");
        assert_eq!(actions(&approved), vec!["message", "review"]);
        let again = s.act(&buyer, &id, "approve", None).await;
        expect_error(
            &again,
            "post",
            "/orders/{id}/approve",
            StatusCode::CONFLICT,
            "order-transition-not-allowed",
        );
        assert_eq!(s.ledger_transactions().await, 2, "payment and completion");
        let room = s
            .send(call(Method::GET, &messages_path).token(&seller.token))
            .await;
        expect(&room, "get", "/orders/{id}/messages", StatusCode::OK);
        let events: Vec<&str> = room
            .body
            .as_array()
            .expect("list")
            .iter()
            .filter(|m| m["kind"] == "event")
            .map(|m| {
                assert_eq!(m["body"], Value::Null);
                assert_eq!(m["author"], Value::Null);
                m["event"].as_str().expect("event id")
            })
            .collect();
        assert!(
            events.contains(&"order-event-formal_delivery"),
            "{events:?}"
        );
        assert!(events.contains(&"order-event-approve"), "{events:?}");

        let bad_rating = s
            .act(
                &buyer,
                &id,
                "review",
                Some(json!({ "rating": 6, "comment": "最高" })),
            )
            .await;
        expect_error(
            &bad_rating,
            "post",
            "/orders/{id}/review",
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-invalid-input",
        );
        assert_eq!(bad_rating.fields()[0].0, "rating");
        let reviewed = s
            .act(
                &buyer,
                &id,
                "review",
                Some(json!({ "rating": 5, "comment": "丁寧に対応していただきました。", "anonymous": true })),
            )
            .await;
        expect(&reviewed, "post", "/orders/{id}/review", StatusCode::OK);
        assert_eq!(reviewed.body["reviews"][0]["author_role"], "buyer");
        assert_eq!(reviewed.body["reviews"][0]["mine"], true);
        assert_eq!(reviewed.body["reviews"][0]["anonymous"], true);
        assert_eq!(reviewed.body["reviews"][0]["rating"], 5);
        assert!(!actions(&reviewed).contains(&"review".to_owned()));
        let twice = s
            .act(
                &buyer,
                &id,
                "review",
                Some(json!({ "rating": 4, "comment": "二回目" })),
            )
            .await;
        expect_error(
            &twice,
            "post",
            "/orders/{id}/review",
            StatusCode::CONFLICT,
            "review-already-written",
        );

        let seller_review = s
            .act(
                &seller,
                &id,
                "review",
                Some(json!({ "rating": 5, "comment": "スムーズなお取引でした。" })),
            )
            .await;
        expect(
            &seller_review,
            "post",
            "/orders/{id}/review",
            StatusCode::OK,
        );
        let reviews = seller_review.body["reviews"].as_array().expect("reviews");
        assert_eq!(reviews.len(), 2);
        assert!(
            reviews
                .iter()
                .any(|r| r["author_role"] == "seller" && r["mine"] == true)
        );
        assert!(
            reviews
                .iter()
                .any(|r| r["author_role"] == "buyer" && r["mine"] == false)
        );
    }
);

both_backends!(a_delivery_is_sent_back_once, |db| async move {
    let s = server(db);
    let seller = s.member("hanako@example.jp", "花子").await;
    let buyer = s.member("taro@example.jp", "太郎").await;
    let listing = s.service(&seller).await;
    let id = s.paid_order(&buyer, &listing).await;

    let (content_type, body) = multipart(
        ("note", "初稿です。"),
        &[("design.pdf", "application/pdf", b"%PDF-1.4 test")],
    );
    let delivered = s
        .send(
            call(Method::POST, &format!("/orders/{id}/delivery"))
                .token(&seller.token)
                .raw(&content_type, body),
        )
        .await;
    expect(&delivered, "post", "/orders/{id}/delivery", StatusCode::OK);
    let room = s
        .send(call(Method::GET, &format!("/orders/{id}/messages")).token(&buyer.token))
        .await;
    let delivery = room
        .body
        .as_array()
        .expect("list")
        .iter()
        .find(|m| m["kind"] == "delivery")
        .expect("the delivery in the talk room")
        .clone();
    assert_eq!(delivery["body"], "初稿です。");
    assert_eq!(delivery["attachments"][0]["file_name"], "design.pdf");
    assert_eq!(
        delivered.body["pending_delivery"]["message_id"],
        delivery["id"]
    );

    let no_reason = s
        .act(&buyer, &id, "send-back", Some(json!({ "reason": "" })))
        .await;
    expect_error(
        &no_reason,
        "post",
        "/orders/{id}/send-back",
        StatusCode::UNPROCESSABLE_ENTITY,
        "error-invalid-input",
    );
    assert_eq!(no_reason.fields()[0].0, "reason");

    let sent_back = s
        .act(
            &buyer,
            &id,
            "send-back",
            Some(json!({ "reason": "ロゴをもう少し大きくしてください。" })),
        )
        .await;
    expect(&sent_back, "post", "/orders/{id}/send-back", StatusCode::OK);
    assert_eq!(sent_back.body["state"], "in_progress");
    assert_eq!(sent_back.body["send_backs_used"], 1);
    assert_eq!(sent_back.body["send_backs_left"], 0);
    assert_eq!(sent_back.body["deliveries"][0]["outcome"], "sent_back");
    assert_eq!(
        sent_back.body["deliveries"][0]["send_back_reason"],
        "ロゴをもう少し大きくしてください。"
    );

    let no_note = s
        .act(&seller, &id, "delivery", Some(json!({ "note": "" })))
        .await;
    expect_error(
        &no_note,
        "post",
        "/orders/{id}/delivery",
        StatusCode::UNPROCESSABLE_ENTITY,
        "error-invalid-input",
    );
    assert_eq!(no_note.fields()[0].0, "note");
    let redelivered = s
        .act(
            &seller,
            &id,
            "delivery",
            Some(json!({ "note": "修正版です。" })),
        )
        .await;
    expect(
        &redelivered,
        "post",
        "/orders/{id}/delivery",
        StatusCode::OK,
    );
    assert_eq!(redelivered.body["state"], "delivered");
    assert!(!actions(&redelivered).contains(&"send_back".to_owned()));
    let buyer_view = s.get_order(&buyer, &id).await;
    assert!(!actions(&buyer_view).contains(&"send_back".to_owned()));
    let again = s
        .act(
            &buyer,
            &id,
            "send-back",
            Some(json!({ "reason": "もう一度" })),
        )
        .await;
    expect_error(
        &again,
        "post",
        "/orders/{id}/send-back",
        StatusCode::UNPROCESSABLE_ENTITY,
        "error-invalid-input",
    );
    assert_eq!(
        again.fields(),
        vec![(
            "reason".to_owned(),
            "order-send-back-limit-reached".to_owned()
        )]
    );
});

// ---------------------------------------------------------------------------------------
// Cancellation

both_backends!(a_cancellation_is_requested_and_agreed, |db| async move {
    let s = server(db);
    let seller = s.member("hanako@example.jp", "花子").await;
    let buyer = s.member("taro@example.jp", "太郎").await;
    let listing = s.service(&seller).await;
    let operator = s.operator().await;
    points::grant(&s.app, &operator, "taro@example.jp", "300", "キャンペーン")
        .await
        .expect("grant");
    let card = s.card(&buyer, "4242424242424242").await;
    let placed = s
        .place(
            &buyer,
            json!({
                "listing_id": listing,
                "points": 300,
                "payment": { "method": "card", "card_id": card },
                "purchase_key": key("cancel"),
            }),
        )
        .await;
    expect(&placed, "post", "/orders", StatusCode::CREATED);
    let id = placed.body["id"].as_str().expect("id").to_owned();
    let whole = s.get_order(&buyer, &id).await;
    assert_eq!(whole.body["amounts"]["points_used"], 300);
    let after_use = s
        .send(call(Method::GET, "/me/points").token(&buyer.token))
        .await;
    expect(&after_use, "get", "/me/points", StatusCode::OK);
    assert_eq!(after_use.body["balance"], 0);
    let history = after_use.body["history"].as_array().expect("history");
    assert_eq!(history.len(), 2);
    assert!(
        history
            .iter()
            .any(|e| e["kind"] == "grant" && e["amount"] == 300 && e["order_id"].is_null())
    );
    assert!(
        history
            .iter()
            .any(|e| e["kind"] == "use" && e["amount"] == -300 && e["order_id"] == id.as_str())
    );

    // Asked, then withdrawn.
    let asked = s
        .act(
            &buyer,
            &id,
            "cancellation",
            Some(json!({ "reason": "別の方法で対応することになりました。" })),
        )
        .await;
    expect(&asked, "post", "/orders/{id}/cancellation", StatusCode::OK);
    let open = &asked.body["open_cancellation"];
    assert_eq!(open["requested_by"], "buyer");
    assert_eq!(open["mine"], true);
    assert_eq!(
        open["deadline_at"],
        cancellation_deadline(Timestamp::from_unix(START), 24).unix()
    );
    assert!(actions(&asked).contains(&"withdraw_cancellation".to_owned()));
    let own_answer = s
        .act(
            &buyer,
            &id,
            "cancellation/answer",
            Some(json!({ "answer": "agree" })),
        )
        .await;
    expect_error(
        &own_answer,
        "post",
        "/orders/{id}/cancellation/answer",
        StatusCode::CONFLICT,
        "cancellation-own-request",
    );
    let second = s
        .act(
            &seller,
            &id,
            "cancellation",
            Some(json!({ "reason": "こちらからも" })),
        )
        .await;
    expect_error(
        &second,
        "post",
        "/orders/{id}/cancellation",
        StatusCode::CONFLICT,
        "cancellation-already-open",
    );
    let withdrawn = s.act(&buyer, &id, "cancellation/withdraw", None).await;
    expect(
        &withdrawn,
        "post",
        "/orders/{id}/cancellation/withdraw",
        StatusCode::OK,
    );
    assert_eq!(withdrawn.body["open_cancellation"], Value::Null);
    assert_eq!(withdrawn.body["cancellations"][0]["status"], "withdrawn");
    let nothing = s.act(&buyer, &id, "cancellation/withdraw", None).await;
    expect_error(
        &nothing,
        "post",
        "/orders/{id}/cancellation/withdraw",
        StatusCode::CONFLICT,
        "cancellation-not-open",
    );

    // Asked by the seller; an objection needs a text; the buyer agrees.
    let asked = s
        .act(
            &seller,
            &id,
            "cancellation",
            Some(json!({ "reason": "体調不良のため対応が難しくなりました。" })),
        )
        .await;
    expect(&asked, "post", "/orders/{id}/cancellation", StatusCode::OK);
    let buyer_view = s.get_order(&buyer, &id).await;
    assert_eq!(
        buyer_view.body["open_cancellation"]["requested_by"],
        "seller"
    );
    assert_eq!(buyer_view.body["open_cancellation"]["mine"], false);
    assert!(actions(&buyer_view).contains(&"answer_cancellation".to_owned()));
    let bare_objection = s
        .act(
            &buyer,
            &id,
            "cancellation/answer",
            Some(json!({ "answer": "object", "text": "" })),
        )
        .await;
    expect_error(
        &bare_objection,
        "post",
        "/orders/{id}/cancellation/answer",
        StatusCode::UNPROCESSABLE_ENTITY,
        "error-invalid-input",
    );
    assert_eq!(bare_objection.fields()[0].0, "text");
    let agreed = s
        .act(
            &buyer,
            &id,
            "cancellation/answer",
            Some(json!({ "answer": "agree", "text": "承知しました。" })),
        )
        .await;
    expect(
        &agreed,
        "post",
        "/orders/{id}/cancellation/answer",
        StatusCode::OK,
    );
    assert_eq!(agreed.body["state"], "cancelled");
    assert_eq!(agreed.body["cancelled_at"], START);
    assert_eq!(agreed.body["open_cancellation"], Value::Null);
    assert!(!actions(&agreed).contains(&"request_cancellation".to_owned()));

    let restored = s
        .send(call(Method::GET, "/me/points").token(&buyer.token))
        .await;
    expect(&restored, "get", "/me/points", StatusCode::OK);
    assert_eq!(restored.body["balance"], 300);
    let history = restored.body["history"].as_array().expect("history");
    assert!(
        history
            .iter()
            .any(|e| e["kind"] == "restore" && e["amount"] == 300)
    );
    assert!(restored.body["expires_at"].is_i64());
    assert_eq!(s.ledger_transactions().await, 2, "payment and refund");
});

// ---------------------------------------------------------------------------------------
// Other people's orders

both_backends!(other_members_do_not_see_an_order, |db| async move {
    let s = server(db);
    let seller = s.member("hanako@example.jp", "花子").await;
    let buyer = s.member("taro@example.jp", "太郎").await;
    let stranger = s.member("jiro@example.jp", "次郎").await;
    let listing = s.service(&seller).await;
    let id = s.paid_order(&buyer, &listing).await;
    let (content_type, body) = multipart(
        ("body", "資料です。"),
        &[("memo.txt", "text/plain", b"memo")],
    );
    let posted = s
        .send(
            call(Method::POST, &format!("/orders/{id}/messages"))
                .token(&buyer.token)
                .raw(&content_type, body),
        )
        .await;
    expect(
        &posted,
        "post",
        "/orders/{id}/messages",
        StatusCode::CREATED,
    );
    let attachment_id = posted.body["attachments"][0]["id"]
        .as_str()
        .expect("id")
        .to_owned();

    let get = s
        .send(call(Method::GET, &format!("/orders/{id}")).token(&stranger.token))
        .await;
    expect_error(
        &get,
        "get",
        "/orders/{id}",
        StatusCode::NOT_FOUND,
        "error-not-found",
    );
    let room = s
        .send(call(Method::GET, &format!("/orders/{id}/messages")).token(&stranger.token))
        .await;
    expect_error(
        &room,
        "get",
        "/orders/{id}/messages",
        StatusCode::NOT_FOUND,
        "error-not-found",
    );
    let post = s
        .send(
            call(Method::POST, &format!("/orders/{id}/messages"))
                .token(&stranger.token)
                .json(json!({ "body": "こんにちは" })),
        )
        .await;
    expect_error(
        &post,
        "post",
        "/orders/{id}/messages",
        StatusCode::NOT_FOUND,
        "error-not-found",
    );
    let file = s
        .send(
            call(
                Method::GET,
                &format!("/orders/{id}/attachments/{attachment_id}"),
            )
            .token(&stranger.token),
        )
        .await;
    expect_error(
        &file,
        "get",
        "/orders/{id}/attachments/{attachment_id}",
        StatusCode::NOT_FOUND,
        "error-not-found",
    );
    for (action, body) in [
        ("delivery", Some(json!({ "note": "納品" }))),
        ("approve", None),
        ("send-back", Some(json!({ "reason": "理由" }))),
        ("cancellation", Some(json!({ "reason": "理由" }))),
        ("cancellation/answer", Some(json!({ "answer": "agree" }))),
        ("cancellation/withdraw", None),
        ("review", Some(json!({ "rating": 1, "comment": "悪い" }))),
    ] {
        let answer = s.act(&stranger, &id, action, body).await;
        expect_error(
            &answer,
            "post",
            &format!("/orders/{{id}}/{action}"),
            StatusCode::NOT_FOUND,
            "error-not-found",
        );
    }
    let theirs = s
        .send(call(Method::GET, "/me/orders").token(&stranger.token))
        .await;
    assert_eq!(theirs.body["total"], 0);
    // Nothing changed for the parties.
    let order = s.get_order(&buyer, &id).await;
    assert_eq!(order.body["state"], "in_progress");
    assert_eq!(order.body["cancellations"], json!([]));
});

// ---------------------------------------------------------------------------------------
// Tips (おひねり)

both_backends!(a_tip_is_quoted_then_sent_once_per_key, |db| async move {
    let s = server(db);
    let seller = s.member("hanako@example.jp", "花子").await;
    let buyer = s.member("taro@example.jp", "太郎").await;
    let listing = s.service(&seller).await;
    let id = s.paid_order(&buyer, &listing).await;
    let tips_path = format!("/orders/{id}/tips");

    // Not before completion.
    let early = s
        .send(
            call(Method::POST, &format!("{tips_path}/quote"))
                .token(&buyer.token)
                .json(json!({ "amount": 1000 })),
        )
        .await;
    expect_error(
        &early,
        "post",
        "/orders/{id}/tips/quote",
        StatusCode::CONFLICT,
        "tip-order-not-completed",
    );
    let delivered = s
        .act(
            &seller,
            &id,
            "delivery",
            Some(json!({ "note": "できました" })),
        )
        .await;
    expect(&delivered, "post", "/orders/{id}/delivery", StatusCode::OK);
    let approved = s.act(&buyer, &id, "approve", None).await;
    assert_eq!(approved.status, StatusCode::OK, "{}", approved.body);

    // The quote: the fee on top, the seller's share after the seller fee.
    let quote = s
        .send(
            call(Method::POST, &format!("{tips_path}/quote"))
                .token(&buyer.token)
                .json(json!({ "amount": 1000, "message": "ありがとうございました" })),
        )
        .await;
    expect(&quote, "post", "/orders/{id}/tips/quote", StatusCode::OK);
    assert_eq!(quote.body["buyer_total"], 1055);
    assert_eq!(quote.body["seller_share"], 780);
    let too_small = s
        .send(
            call(Method::POST, &format!("{tips_path}/quote"))
                .token(&buyer.token)
                .json(json!({ "amount": 99 })),
        )
        .await;
    expect_error(
        &too_small,
        "post",
        "/orders/{id}/tips/quote",
        StatusCode::UNPROCESSABLE_ENTITY,
        "error-invalid-input",
    );

    // Sent twice with one key: 201, then 200 with the same tip; one more transaction pair.
    let card = s.card(&buyer, "4242424242424242").await;
    let before = s.ledger_transactions().await;
    let body = json!({
        "amount": 1000,
        "message": "ありがとうございました",
        "card_id": card,
        "tip_key": "test-tip-key-api-once",
    });
    let first = s
        .send(
            call(Method::POST, &tips_path)
                .token(&buyer.token)
                .json(body.clone()),
        )
        .await;
    expect(&first, "post", "/orders/{id}/tips", StatusCode::CREATED);
    assert_eq!(first.body["charged"], true);
    assert_eq!(first.body["total"], 1055);
    let again = s
        .send(
            call(Method::POST, &tips_path)
                .token(&buyer.token)
                .json(body),
        )
        .await;
    expect(&again, "post", "/orders/{id}/tips", StatusCode::OK);
    assert_eq!(again.body["charged"], false);
    assert_eq!(again.body["tip_id"], first.body["tip_id"]);
    assert_eq!(s.ledger_transactions().await, before + 2);

    // The seller sees it; the seller cannot send one.
    let listed = s
        .send(call(Method::GET, &tips_path).token(&seller.token))
        .await;
    expect(&listed, "get", "/orders/{id}/tips", StatusCode::OK);
    assert_eq!(listed.body["tips"][0]["seller_share"], 780);
    assert_eq!(listed.body["tips"][0]["message"], "ありがとうございました");
    assert_eq!(listed.body["can_tip"], false);
    let by_seller = s
        .send(
            call(Method::POST, &format!("{tips_path}/quote"))
                .token(&seller.token)
                .json(json!({ "amount": 1000 })),
        )
        .await;
    expect_error(
        &by_seller,
        "post",
        "/orders/{id}/tips/quote",
        StatusCode::CONFLICT,
        "tip-buyer-only",
    );
});
