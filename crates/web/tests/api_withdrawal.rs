//! Withdrawal in the JSON API — the readiness (`GET /api/v1/me/withdrawal/readiness`),
//! confirming (`POST /api/v1/me/withdrawal`) and cancelling a schedule (`DELETE`) — through
//! the real router over a test database of each kind. Every body is checked against the
//! schema the OpenAPI document gives for the operation.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use support::*;
use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_domain::ListingId;
use yorozu_domain::OrderId;
use yorozu_domain::withdrawal::DATA_TABLE;
use yorozu_store::{Db, both_backends};

const PATH: &str = "/me/withdrawal/readiness";
const DAY: i64 = 86_400;
const TITLE: &str = "名刺をデザインします";
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

struct Market {
    seller: Member,
    buyer: Member,
    listing: ListingId,
    card: i64,
}

async fn market(app: &App) -> Market {
    let seller = member(app, "seller@example.jp", "デザイン工房").await;
    let buyer = member(app, "buyer@example.jp", "買い手太郎").await;
    let listing = pages::publish(app, &seller.user, TITLE).await;
    let card = pages::card(app, &buyer.user).await;
    Market {
        seller,
        buyer,
        listing,
        card,
    }
}

async fn order(app: &App, m: &Market, payment: Payment) -> OrderId {
    place(
        app,
        &m.buyer.user,
        &Purchase {
            choice: Choice::of(m.listing),
            payment,
            request: "よろしくお願いします。".into(),
            purchase_key: yorozu_app::crypto::random_token(),
            expected_total: None,
        },
    )
    .await
    .expect("place order")
    .order_id
}

impl TestServer {
    /// The readiness, checked against the document.
    async fn readiness(&self, who: &Member) -> Value {
        let answer = self.send(call(Method::GET, PATH).token(&who.token)).await;
        expect(&answer, "get", PATH, StatusCode::OK);
        answer.body
    }
}

both_backends!(
    a_fresh_member_is_ready_and_gets_the_data_table,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "fresh@example.jp", "はじめて").await;
        let r = s.readiness(&m).await;
        assert_eq!(r["ready"], true);
        assert_eq!(r["blockers"], json!([]));
        assert_eq!(r["clears_by_itself_at"], Value::Null);
        assert_eq!(r["forfeits"], json!({ "sales_balance": 0, "points": 0 }));
        assert_eq!(r["unpaid_sales_to_cancel"], 0);
        assert_eq!(r["open_offers_to_withdraw"], 0);
        let data = r["data"].as_array().expect("data");
        assert_eq!(data.len(), DATA_TABLE.len());
        assert_eq!(data.len(), 20);
        let line = |category: &str| {
            data.iter()
                .find(|d| d["category"] == category)
                .unwrap_or_else(|| panic!("{category} missing in {data:?}"))
                .clone()
        };
        assert_eq!(
            line("ledger_entries"),
            json!({
                "category": "ledger_entries",
                "fate": "kept",
                "kept_years": 7,
                "name": "支払い・売上・振込の会計記録",
                "fate_text": "個人を特定できない形で保管（7年）",
                "why": "税務上の記録として、7年間の保存が必要なためです。記録は、あなたの名前やメールアドレスではなく、退会後に残る匿名の番号だけに結び付けます。",
            })
        );
        assert_eq!(r["scheduled"], Value::Null);
        assert_eq!(line("reviews_written")["fate"], "kept");
        assert_eq!(line("reviews_written")["kept_years"], Value::Null);
        assert_eq!(line("reviews_received")["fate"], "erased");
        assert_eq!(line("sessions_and_tokens")["fate"], "ended_at_once");
        assert_eq!(line("balances_points_coupons")["fate"], "forfeited");
        assert_eq!(line("email_address")["fate"], "released");

        let anonymous = s.send(call(Method::GET, PATH)).await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
        assert_eq!(anonymous.code(), "error-unauthenticated");
    }
);

both_backends!(
    orders_block_both_sides_until_they_complete,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let id = order(&s.app, &m, Payment::Card(m.card)).await;

        let buyer = s.readiness(&m.buyer).await;
        assert_eq!(buyer["ready"], false);
        assert_eq!(
            buyer["blockers"],
            json!([{
                "kind": "purchase",
                "reference": id.to_string(),
                "state": "in_progress",
                "title": TITLE,
                "clears_at": null,
            }])
        );
        assert_eq!(buyer["clears_by_itself_at"], Value::Null);
        let seller = s.readiness(&m.seller).await;
        assert_eq!(seller["blockers"][0]["kind"], "sale");
        assert_eq!(seller["blockers"][0]["reference"], id.to_string());

        // Delivered at START: both sides clear when it is approved automatically.
        yorozu_app::orders::deliver::deliver(
            &s.app,
            &m.seller.user,
            id,
            "納品いたします。",
            vec![],
        )
        .await
        .expect("deliver");
        for who in [&m.seller, &m.buyer] {
            let r = s.readiness(who).await;
            assert_eq!(r["blockers"][0]["state"], "delivered");
            assert_eq!(r["blockers"][0]["clears_at"], START + 3 * DAY);
            assert_eq!(r["clears_by_itself_at"], START + 3 * DAY);
        }

        yorozu_app::orders::deliver::approve(&s.app, &m.buyer.user, id)
            .await
            .expect("approve");
        let seller = s.readiness(&m.seller).await;
        assert_eq!(seller["ready"], true);
        assert_eq!(seller["forfeits"]["sales_balance"], SHARE);
        assert_eq!(s.readiness(&m.buyer).await["ready"], true);
    }
);

both_backends!(
    a_payout_request_blocks_until_transferred_and_unpaid_sales_are_counted,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        pages::completed_order(&s.app, &m.buyer.user, m.card, &m.seller.user, m.listing).await;
        pages::completed_order(&s.app, &m.buyer.user, m.card, &m.seller.user, m.listing).await;
        let bank = s
            .send(
                call(Method::PUT, "/me/bank-account")
                    .token(&m.seller.token)
                    .json(json!({
                        "bank_code": "0001",
                        "branch_code": "001",
                        "account_type": "ordinary",
                        "account_number": "1234567",
                        "holder": "ヤマダ タロウ",
                        "password": PASSWORD,
                    })),
            )
            .await;
        assert_eq!(bank.status, StatusCode::OK, "{}", bank.body);
        let payout = s
            .send(
                call(Method::POST, "/me/payout-requests")
                    .token(&m.seller.token)
                    .json(json!({ "password": PASSWORD })),
            )
            .await;
        assert_eq!(payout.status, StatusCode::CREATED, "{}", payout.body);

        // An unpaid order on the seller's service: it does not block them, it is counted.
        let unpaid = order(&s.app, &m, Payment::Deferred).await;

        let seller = s.readiness(&m.seller).await;
        assert_eq!(seller["ready"], false);
        let blockers = seller["blockers"].as_array().expect("blockers");
        assert_eq!(blockers.len(), 1, "{blockers:?}");
        assert_eq!(blockers[0]["kind"], "payout_request");
        assert_eq!(blockers[0]["reference"], payout.body["id"]);
        assert_eq!(blockers[0]["state"], "requested");
        assert_eq!(blockers[0]["title"], Value::Null);
        assert!(blockers[0]["clears_at"].as_i64().expect("transfer date") > START);
        assert_eq!(seller["clears_by_itself_at"], blockers[0]["clears_at"]);
        assert_eq!(
            seller["forfeits"]["sales_balance"], 0,
            "requested money is not forfeited"
        );
        assert_eq!(seller["unpaid_sales_to_cancel"], 1);

        // The buyer's unpaid purchase blocks until its payment deadline.
        let buyer = s.readiness(&m.buyer).await;
        assert_eq!(buyer["blockers"][0]["kind"], "purchase");
        assert_eq!(buyer["blockers"][0]["reference"], unpaid.to_string());
        assert_eq!(buyer["blockers"][0]["state"], "awaiting_payment");
        assert!(buyer["clears_at"].is_null() && buyer["blockers"][0]["clears_at"].is_i64());
    }
);

// ---------------------------------------------------------------------------------------
// Confirming and cancelling

const WITHDRAWAL: &str = "/me/withdrawal";

/// Asserts an error answer: its status, documented for the operation (the body was already checked
/// against the `Error` schema).
fn expect_error(answer: &Answer, method: &str, path: &str, status: StatusCode) {
    assert_eq!(answer.status, status, "{method} {path}: {}", answer.body);
    let documented =
        &yorozu_web::api::openapi::spec()["paths"][path][method]["responses"][status.as_str()];
    assert!(
        !documented.is_null(),
        "{method} {path}: {status} is not documented"
    );
}

impl TestServer {
    /// `POST /me/withdrawal` with `body`.
    async fn withdraw(&self, who: &Member, body: Value) -> Answer {
        self.send(call(Method::POST, WITHDRAWAL).token(&who.token).json(body))
            .await
    }
}

both_backends!(
    confirming_checks_the_password_and_each_amount_then_closes_the_account,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        pages::completed_order(&s.app, &m.buyer.user, m.card, &m.seller.user, m.listing).await;
        assert_eq!(
            s.readiness(&m.seller).await["forfeits"]["sales_balance"],
            SHARE
        );

        let wrong = s
            .withdraw(
                &m.seller,
                json!({ "password": "not-mine", "acknowledged_sales": SHARE }),
            )
            .await;
        expect_error(&wrong, "post", WITHDRAWAL, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            wrong.fields(),
            [(
                "password".to_owned(),
                "withdrawal-password-wrong".to_owned()
            )]
        );

        // The balance must be acknowledged at the amount it is now.
        for acknowledged in [json!(null), json!(1_000)] {
            let mut body = json!({ "password": PASSWORD });
            if !acknowledged.is_null() {
                body["acknowledged_sales"] = acknowledged;
            }
            let answer = s.withdraw(&m.seller, body).await;
            expect_error(
                &answer,
                "post",
                WITHDRAWAL,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
            assert_eq!(
                answer.fields(),
                [(
                    "acknowledge_sales".to_owned(),
                    "withdrawal-acknowledge-sales".to_owned()
                )]
            );
            assert!(
                answer
                    .field_message("acknowledge_sales")
                    .contains("2,340円")
            );
        }
        let unknown = s
            .withdraw(
                &m.seller,
                json!({ "password": PASSWORD, "acknowledged_sales": SHARE, "reasons": ["売れない"] }),
            )
            .await;
        expect_error(
            &unknown,
            "post",
            WITHDRAWAL,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
        assert_eq!(unknown.fields()[0].0, "reasons");
        let malformed = s.withdraw(&m.seller, json!({ "when": "later" })).await;
        expect_error(&malformed, "post", WITHDRAWAL, StatusCode::BAD_REQUEST);
        // Nothing changed so far.
        assert_eq!(s.readiness(&m.seller).await["ready"], true);

        let closed = s
            .withdraw(
                &m.seller,
                json!({
                    "password": PASSWORD,
                    "reasons": ["fees-too-high"],
                    "comment": "お世話になりました。",
                    "acknowledged_sales": SHARE,
                    "when": "now",
                }),
            )
            .await;
        expect(&closed, "post", WITHDRAWAL, StatusCode::OK);
        assert_eq!(closed.body["state"], "closed");
        assert_eq!(closed.body["purge_at"], START + 14 * DAY);
        assert_eq!(closed.body["erase_now"], false);
        assert_eq!(
            closed.body["forfeited"],
            json!({ "sales_balance": SHARE, "points": 0 })
        );
        assert_eq!(closed.body["cancelled_orders"], 0);

        // The token was revoked with the account.
        let after = s.send(call(Method::GET, PATH).token(&m.seller.token)).await;
        expect_error(&after, "get", PATH, StatusCode::UNAUTHORIZED);
        assert_eq!(after.code(), "error-unauthenticated");
        assert!(
            after.headers["www-authenticate"]
                .to_str()
                .expect("header")
                .contains("invalid_token")
        );
        let again = s.withdraw(&m.seller, json!({ "password": PASSWORD })).await;
        assert_eq!(again.status, StatusCode::UNAUTHORIZED);
    }
);

both_backends!(erasing_now_purges_at_once, |db: Db| async move {
    let s = server(db);
    let m = member(&s.app, "now@example.jp", "すぐ消す人").await;
    let closed = s
        .withdraw(&m, json!({ "password": PASSWORD, "erase_now": true }))
        .await;
    expect(&closed, "post", WITHDRAWAL, StatusCode::OK);
    assert_eq!(closed.body["purge_at"], START);
    assert_eq!(closed.body["erase_now"], true);
    assert_eq!(
        closed.body["forfeited"],
        json!({ "sales_balance": 0, "points": 0 })
    );
});

both_backends!(
    a_blocked_withdrawal_is_scheduled_then_cancelled,
    |db: Db| async move {
        let s = server(db);
        let m = market(&s.app).await;
        let id = order(&s.app, &m, Payment::Card(m.card)).await;

        let refused = s.withdraw(&m.buyer, json!({ "password": PASSWORD })).await;
        expect_error(&refused, "post", WITHDRAWAL, StatusCode::CONFLICT);
        assert_eq!(refused.code(), "withdrawal-blocked");

        let scheduled = s
            .withdraw(
                &m.buyer,
                json!({ "password": PASSWORD, "when": "when_ready", "reasons": ["other"] }),
            )
            .await;
        expect(&scheduled, "post", WITHDRAWAL, StatusCode::ACCEPTED);
        assert_eq!(scheduled.body["state"], "scheduled");
        assert_eq!(scheduled.body["blockers"][0]["kind"], "purchase");
        assert_eq!(scheduled.body["blockers"][0]["reference"], id.to_string());
        assert_eq!(scheduled.body["clears_by_itself_at"], Value::Null);

        let r = s.readiness(&m.buyer).await;
        assert_eq!(
            r["scheduled"],
            json!({
                "withdrawal_id": scheduled.body["withdrawal_id"],
                "requested_at": START,
            })
        );
        // Still the caller's token: scheduling closes nothing yet.
        let twice = s
            .withdraw(
                &m.buyer,
                json!({ "password": PASSWORD, "when": "when_ready" }),
            )
            .await;
        expect_error(&twice, "post", WITHDRAWAL, StatusCode::CONFLICT);
        assert_eq!(twice.code(), "withdrawal-already-requested");

        let cancelled = s
            .send(call(Method::DELETE, WITHDRAWAL).token(&m.buyer.token))
            .await;
        expect(&cancelled, "delete", WITHDRAWAL, StatusCode::NO_CONTENT);
        assert_eq!(s.readiness(&m.buyer).await["scheduled"], Value::Null);

        let nothing = s
            .send(call(Method::DELETE, WITHDRAWAL).token(&m.buyer.token))
            .await;
        expect_error(&nothing, "delete", WITHDRAWAL, StatusCode::CONFLICT);
        assert_eq!(nothing.code(), "withdrawal-not-scheduled");
    }
);

both_backends!(
    the_data_table_speaks_the_callers_language,
    |db: Db| async move {
        let s = server(db);
        let m = member(&s.app, "en@example.jp", "English").await;
        let answer = s
            .send(call(Method::GET, PATH).token(&m.token).lang("en"))
            .await;
        expect(&answer, "get", PATH, StatusCode::OK);
        let email = answer.body["data"]
            .as_array()
            .expect("data")
            .iter()
            .find(|d| d["category"] == "email_address")
            .cloned()
            .expect("email line");
        assert_eq!(email["fate"], "released");
        assert_eq!(email["fate_text"], "Free to register again");
        assert!(!email["name"].as_str().unwrap_or("").is_empty());
    }
);
