//! Withdrawal readiness in the JSON API (`GET /api/v1/me/withdrawal/readiness`), through the
//! real router over a test database of each kind. Every body is checked against the schema
//! the OpenAPI document gives for the operation.

#[path = "support/pages.rs"]
mod pages;
mod support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use support::*;
use yorozu_app::App;
use yorozu_app::accounts::{CurrentUser, api_tokens};
use yorozu_app::orders::place::{Payment, Purchase, place};
use yorozu_app::orders::quote::Choice;
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
    let (_, token) = api_tokens::create(app, user.id, "tests")
        .await
        .expect("token");
    Member { user, token }
}

struct Market {
    seller: Member,
    buyer: Member,
    listing: i64,
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

async fn order(app: &App, m: &Market, payment: Payment) -> i64 {
    place(
        app,
        &m.buyer.user,
        &Purchase {
            choice: Choice {
                listing_id: m.listing,
                ..Choice::default()
            },
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
        let data = r["data"].as_array().expect("data");
        assert_eq!(data.len(), DATA_TABLE.len());
        assert_eq!(data.len(), 12);
        let line = |category: &str| {
            data.iter()
                .find(|d| d["category"] == category)
                .unwrap_or_else(|| panic!("{category} missing in {data:?}"))
                .clone()
        };
        assert_eq!(
            line("ledger_entries"),
            json!({ "category": "ledger_entries", "fate": "kept", "kept_years": 7 })
        );
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
                    })),
            )
            .await;
        assert_eq!(bank.status, StatusCode::OK, "{}", bank.body);
        let payout = s
            .send(call(Method::POST, "/me/payout-requests").token(&m.seller.token))
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
