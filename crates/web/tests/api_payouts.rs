//! Sales, the bank account and payout requests in the JSON API under /api/v1, driven through
//! the real router over a test database of each kind. Every JSON body is checked against the
//! schema the OpenAPI document gives for its operation and status.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use support::*;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_domain::payouts::schedule::Date;
use yorozu_domain::{OrderId, Timestamp};
use yorozu_store::{Db, both_backends};
use yorozu_web::api::openapi::spec;

/// A seller's share of one ¥3,000 order (22% platform fee).
const SHARE: i64 = 2_340;

/// A member with a token.
struct Member {
    user: CurrentUser,
    token: String,
}

async fn member(app: &App, email: &str, name: &str) -> Member {
    let user = pages::member(app, email, name).await;
    let token = yorozu_app::testing::api_token(app, user.id)
        .await
        .expect("token");
    Member { user, token }
}

/// A seller with `orders` completed ¥3,000 orders, and a stranger.
struct Market {
    seller: Member,
    stranger: Member,
    order_ids: Vec<OrderId>,
}

async fn market(app: &App, orders: usize) -> Market {
    let seller = member(app, "seller@example.jp", "デザイン工房").await;
    let stranger = member(app, "stranger@example.jp", "通りすがり").await;
    let buyer = pages::member(app, "buyer@example.jp", "買い手太郎").await;
    let listing = pages::publish(app, &seller.user, "名刺をデザインします").await;
    let card = pages::card(app, &buyer).await;
    let mut order_ids = Vec::new();
    for _ in 0..orders {
        order_ids.push(pages::completed_order(app, &buyer, card, &seller.user, listing).await);
    }
    Market {
        seller,
        stranger,
        order_ids,
    }
}

/// An error status that the document lists for the operation (the body's shape is checked
/// against the Error schema by `send`).
fn expect_error(answer: &Answer, method: &str, path: &str, status: StatusCode) {
    assert_eq!(answer.status, status, "{method} {path}: {}", answer.body);
    let documented = &spec()["paths"][path][method]["responses"][status.as_str()];
    assert!(
        !documented.is_null(),
        "{method} {path}: {status} is not documented"
    );
}

fn good_account() -> Value {
    json!({
        "bank_code": "0001",
        "branch_code": "001",
        "account_type": "ordinary",
        "account_number": "1234567",
        "holder": "ヤマダ タロウ",
        "password": PASSWORD,
    })
}

impl TestServer {
    async fn put_account(&self, who: &Member, body: Value) -> Answer {
        self.send(
            call(Method::PUT, "/me/bank-account")
                .token(&who.token)
                .json(body),
        )
        .await
    }

    async fn get_ok(&self, who: &Member, path: &str) -> Value {
        let answer = self.send(call(Method::GET, path).token(&who.token)).await;
        expect(&answer, "get", path, StatusCode::OK);
        answer.body
    }

    async fn request_payout(&self, who: &Member) -> Answer {
        self.send(
            call(Method::POST, "/me/payout-requests")
                .token(&who.token)
                .json(json!({ "password": PASSWORD })),
        )
        .await
    }
}

both_backends!(
    the_bank_account_is_validated_and_shown_with_names,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app, 0).await;
        let none = s
            .send(call(Method::GET, "/me/bank-account").token(&m.seller.token))
            .await;
        expect_error(&none, "get", "/me/bank-account", StatusCode::NOT_FOUND);

        // Everything wrong at once: each field says what.
        let bad = s
            .put_account(
                &m.seller,
                json!({
                    "bank_code": "12",
                    "branch_code": "abc",
                    "account_type": "current",
                    "account_number": "12345678",
                    "holder": "山田太郎",
                    "password": PASSWORD,
                }),
            )
            .await;
        expect_error(
            &bad,
            "put",
            "/me/bank-account",
            StatusCode::UNPROCESSABLE_ENTITY,
        );
        assert_eq!(bad.code(), "error-invalid-input");
        let mut fields = bad.fields();
        fields.sort();
        assert_eq!(
            fields,
            vec![
                (
                    "account_number".to_owned(),
                    "account-number-invalid".to_owned()
                ),
                ("account_type".to_owned(), "account-type-unknown".to_owned()),
                ("bank_code".to_owned(), "bank-code-invalid".to_owned()),
                ("branch_code".to_owned(), "branch-code-invalid".to_owned()),
                (
                    "holder".to_owned(),
                    "account-holder-invalid-characters".to_owned()
                ),
            ]
        );
        assert_eq!(
            bad.field_message("bank_code"),
            "金融機関コードは4桁の数字で入力してください。"
        );
        assert_eq!(
            bad.field_message("holder"),
            "「山」は口座名義に使えません。カタカナ・英数字・スペースと ( ) . - / で入力してください。"
        );

        // Well-formed codes of no bank, or of no branch of that bank.
        let unknown_bank = s
            .put_account(&m.seller, account_with(json!({ "bank_code": "9998" })))
            .await;
        expect_error(
            &unknown_bank,
            "put",
            "/me/bank-account",
            StatusCode::UNPROCESSABLE_ENTITY,
        );
        assert_eq!(
            unknown_bank.fields(),
            vec![("bank_code".to_owned(), "bank-unknown".to_owned())]
        );
        let unknown_branch = s
            .put_account(&m.seller, account_with(json!({ "branch_code": "999" })))
            .await;
        expect_error(
            &unknown_branch,
            "put",
            "/me/bank-account",
            StatusCode::UNPROCESSABLE_ENTITY,
        );
        assert_eq!(
            unknown_branch.fields(),
            vec![("branch_code".to_owned(), "branch-unknown".to_owned())]
        );
        // In English when asked.
        let english = s
            .send(
                call(Method::PUT, "/me/bank-account")
                    .token(&m.seller.token)
                    .lang("en")
                    .json(account_with(json!({ "holder": "" }))),
            )
            .await;
        expect_error(
            &english,
            "put",
            "/me/bank-account",
            StatusCode::UNPROCESSABLE_ENTITY,
        );
        assert!(
            english.field_message("holder").is_ascii(),
            "{}",
            english.body
        );
        // Not JSON, or not said to be.
        let broken = s
            .send(
                call(Method::PUT, "/me/bank-account")
                    .token(&m.seller.token)
                    .raw("application/json", b"{\"bank_code\":".to_vec()),
            )
            .await;
        expect_error(&broken, "put", "/me/bank-account", StatusCode::BAD_REQUEST);
        let form = s
            .send(
                call(Method::PUT, "/me/bank-account")
                    .token(&m.seller.token)
                    .raw(
                        "application/x-www-form-urlencoded",
                        b"bank_code=0001".to_vec(),
                    ),
            )
            .await;
        expect_error(
            &form,
            "put",
            "/me/bank-account",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        );
        let none = s
            .send(call(Method::GET, "/me/bank-account").token(&m.seller.token))
            .await;
        expect_error(&none, "get", "/me/bank-account", StatusCode::NOT_FOUND);

        // Good input (full-width digits are fine): shown back with the names, the number masked
        // and the holder in the half-width katakana of transfer files.
        let good = s
            .put_account(
                &m.seller,
                account_with(
                    json!({ "bank_code": "０００１", "account_number": "１２３４５６７" }),
                ),
            )
            .await;
        expect(&good, "put", "/me/bank-account", StatusCode::OK);
        let expected = json!({
            "bank_code": "0001",
            "bank_name": "みずほ銀行",
            "branch_code": "001",
            "branch_name": "東京営業部",
            "account_type": "ordinary",
            "number_masked": "****567",
            "holder": "ﾔﾏﾀﾞ ﾀﾛｳ",
            "usable": true,
            "invalid_reason": null,
            // The test server leaves the hold off (two_step_pages tests it).
            "held_until": null,
        });
        assert_eq!(good.body, expected);
        assert_eq!(s.get_ok(&m.seller, "/me/bank-account").await, expected);

        // Replaced by another account.
        let savings = s
        .put_account(
            &m.seller,
            json!({ "bank_code": "0033", "branch_code": "002", "account_type": "savings", "account_number": "7654321", "holder": "ﾔﾏﾀﾞ ﾊﾅｺ", "password": PASSWORD }),
        )
        .await;
        expect(&savings, "put", "/me/bank-account", StatusCode::OK);
        assert_eq!(savings.body["bank_name"], "PayPay銀行");
        assert_eq!(savings.body["branch_name"], "すずめ");
        assert_eq!(savings.body["account_type"], "savings");

        // Removed, once.
        let removed = s
            .send(call(Method::DELETE, "/me/bank-account").token(&m.seller.token))
            .await;
        expect(
            &removed,
            "delete",
            "/me/bank-account",
            StatusCode::NO_CONTENT,
        );
        let again = s
            .send(call(Method::DELETE, "/me/bank-account").token(&m.seller.token))
            .await;
        expect_error(&again, "delete", "/me/bank-account", StatusCode::NOT_FOUND);
        let none = s
            .send(call(Method::GET, "/me/bank-account").token(&m.seller.token))
            .await;
        expect_error(&none, "get", "/me/bank-account", StatusCode::NOT_FOUND);

        // Without a token: 401.
        let anonymous = s.send(call(Method::GET, "/me/bank-account")).await;
        expect_error(
            &anonymous,
            "get",
            "/me/bank-account",
            StatusCode::UNAUTHORIZED,
        );
    }
);

/// [`good_account`] with some fields replaced.
fn account_with(changes: Value) -> Value {
    let mut account = good_account();
    if let (Some(account), Some(changes)) = (account.as_object_mut(), changes.as_object()) {
        account.extend(changes.clone());
    }
    account
}

both_backends!(
    a_payout_request_takes_the_balance_once,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app, 1).await;

        // No account yet: refused, nothing moved.
        let no_account = s.request_payout(&m.seller).await;
        expect_error(
            &no_account,
            "post",
            "/me/payout-requests",
            StatusCode::CONFLICT,
        );
        assert_eq!(no_account.code(), "payout-no-bank-account");

        let registered = s.put_account(&m.seller, good_account()).await;
        expect(&registered, "put", "/me/bank-account", StatusCode::OK);
        // A stranger with an account but no sales: the balance does not exceed the fee.
        let stranger_account = s.put_account(&m.stranger, good_account()).await;
        expect(&stranger_account, "put", "/me/bank-account", StatusCode::OK);
        let too_low = s.request_payout(&m.stranger).await;
        expect_error(
            &too_low,
            "post",
            "/me/payout-requests",
            StatusCode::UNPROCESSABLE_ENTITY,
        );
        assert_eq!(
            too_low.fields(),
            vec![(String::new(), "payout-balance-too-low".to_owned())]
        );
        assert!(
            too_low.field_message("").contains("160円"),
            "{}",
            too_low.body
        );

        let created = s.request_payout(&m.seller).await;
        expect(&created, "post", "/me/payout-requests", StatusCode::CREATED);
        let request_id = created.body["id"].as_str().expect("id").to_owned();
        assert_eq!(created.body["gross"], SHARE);
        assert_eq!(created.body["fee"], 160);
        assert_eq!(created.body["net"], SHARE - 160);
        assert_eq!(created.body["status"], "requested");
        assert_eq!(created.body["failure_reason"], Value::Null);
        assert_eq!(created.body["requested_at"], START);
        assert!(Date::parse_iso(created.body["transfer_date"].as_str().expect("date")).is_some());

        // A second one while the first is in flight: refused.
        let second = s.request_payout(&m.seller).await;
        expect_error(&second, "post", "/me/payout-requests", StatusCode::CONFLICT);
        assert_eq!(second.code(), "payout-already-requested");
        assert_eq!(
            second.body["error"]["message"],
            "処理中の振込申請があります。振込が完了してから、次の申請ができます。"
        );

        // The account is needed until the transfer.
        let in_use = s
            .send(call(Method::DELETE, "/me/bank-account").token(&m.seller.token))
            .await;
        expect_error(&in_use, "delete", "/me/bank-account", StatusCode::CONFLICT);
        assert_eq!(in_use.code(), "bank-account-in-use");

        let list = s.get_ok(&m.seller, "/me/payout-requests").await;
        assert_eq!(list.as_array().map(Vec::len), Some(1));
        assert_eq!(list[0], created.body);

        let sales = s.get_ok(&m.seller, "/me/sales").await;
        assert_eq!(sales["available"], 0);
        assert_eq!(sales["payout_preview"], Value::Null);
        assert_eq!(sales["in_flight"], created.body);
        assert_eq!(sales["sales"][0]["status"], "requested");
        assert_eq!(sales["sales"][0]["payout_request_id"], request_id.as_str());

        // Without a token: 401.
        let anonymous = s.send(call(Method::POST, "/me/payout-requests")).await;
        expect_error(
            &anonymous,
            "post",
            "/me/payout-requests",
            StatusCode::UNAUTHORIZED,
        );
    }
);

both_backends!(the_sales_page_as_data, |db: Db| async move {
    let s = server(db);
    let m = market(&s.app, 2).await;

    let sales = s.get_ok(&m.seller, "/me/sales").await;
    assert_eq!(sales["available"], 2 * SHARE);
    assert_eq!(sales["in_escrow"], 0);
    assert_eq!(sales["validity_days"], 120);
    assert_eq!(sales["in_flight"], Value::Null);
    assert_eq!(sales["requests"], json!([]));
    // ¥4,680 is at least ¥3,000: no transfer fee.
    assert_eq!(sales["payout_preview"]["gross"], 2 * SHARE);
    assert_eq!(sales["payout_preview"]["fee"], 0);
    assert_eq!(sales["payout_preview"]["net"], 2 * SHARE);
    let deadline = Date::in_japan(Timestamp::from_unix(START + 120 * 86_400)).iso();
    let listed = sales["sales"].as_array().expect("sales");
    assert_eq!(listed.len(), 2);
    let mut order_ids: Vec<String> = listed
        .iter()
        .map(|sale| {
            assert_eq!(sale["amount"], SHARE);
            assert_eq!(sale["listing_title"], "名刺をデザインします");
            assert_eq!(sale["status"], "open");
            assert_eq!(sale["credited_at"], START);
            assert_eq!(sale["deadline"], deadline.as_str());
            assert_eq!(sale["payout_request_id"], Value::Null);
            sale["order_id"].as_str().expect("id").to_owned()
        })
        .collect();
    order_ids.sort();
    let mut expected: Vec<String> = m.order_ids.iter().map(OrderId::to_string).collect();
    expected.sort();
    assert_eq!(order_ids, expected);
    // Twelve months, oldest first, this month last with both sales.
    let months = sales["months"].as_array().expect("months");
    assert_eq!(months.len(), 12);
    let today = Date::in_japan(Timestamp::from_unix(START));
    let last = &months[11];
    assert_eq!(
        (last["year"].as_i64(), last["month"].as_i64()),
        (Some(i64::from(today.year)), Some(i64::from(today.month)))
    );
    assert_eq!(last["amount"], 2 * SHARE);
    assert!(months[..11].iter().all(|mo| mo["amount"] == 0));

    let anonymous = s.send(call(Method::GET, "/me/sales")).await;
    expect_error(&anonymous, "get", "/me/sales", StatusCode::UNAUTHORIZED);
});

both_backends!(another_members_money_never_shows, |db: Db| async move {
    let s = server(db);
    let m = market(&s.app, 1).await;
    let registered = s.put_account(&m.seller, good_account()).await;
    expect(&registered, "put", "/me/bank-account", StatusCode::OK);
    let created = s.request_payout(&m.seller).await;
    expect(&created, "post", "/me/payout-requests", StatusCode::CREATED);

    // The stranger sees only their own (empty) money.
    let sales = s.get_ok(&m.stranger, "/me/sales").await;
    assert_eq!(sales["available"], 0);
    assert_eq!(sales["sales"], json!([]));
    assert_eq!(sales["requests"], json!([]));
    assert_eq!(sales["in_flight"], Value::Null);
    assert!(
        sales["months"]
            .as_array()
            .expect("months")
            .iter()
            .all(|mo| mo["amount"] == 0)
    );
    assert_eq!(
        s.get_ok(&m.stranger, "/me/payout-requests").await,
        json!([])
    );
    let account = s
        .send(call(Method::GET, "/me/bank-account").token(&m.stranger.token))
        .await;
    expect_error(&account, "get", "/me/bank-account", StatusCode::NOT_FOUND);
    // Deleting "their" account cannot touch the seller's.
    let removed = s
        .send(call(Method::DELETE, "/me/bank-account").token(&m.stranger.token))
        .await;
    expect_error(
        &removed,
        "delete",
        "/me/bank-account",
        StatusCode::NOT_FOUND,
    );
    // Nor can a payout request of theirs take the seller's balance.
    let stranger_account = s.put_account(&m.stranger, good_account()).await;
    expect(&stranger_account, "put", "/me/bank-account", StatusCode::OK);
    let refused = s.request_payout(&m.stranger).await;
    expect_error(
        &refused,
        "post",
        "/me/payout-requests",
        StatusCode::UNPROCESSABLE_ENTITY,
    );

    // The seller's view is unchanged by all that.
    let mine = s.get_ok(&m.seller, "/me/payout-requests").await;
    assert_eq!(mine, json!([created.body]));
    let account = s.get_ok(&m.seller, "/me/bank-account").await;
    assert_eq!(account["number_masked"], "****567");
    // No path takes another member's id: the routes are all /me.
    for (_, path) in yorozu_web::api::ROUTES.iter().filter(|(_, p)| {
        p.contains("bank-account") || p.contains("payout") || p.ends_with("/sales")
    }) {
        assert!(path.starts_with("/me/"), "{path}");
    }
});
