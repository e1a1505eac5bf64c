//! A small market for order tests: a seller with a published ¥3,000 service (one ¥1,000
//! option), a buyer with a registered sandbox card, and helpers to buy and act.

use std::sync::Arc;
use yorozu_domain::ListingId;
use yorozu_domain::{OrderId, UserId};

use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::place::{Payment, Placed, Purchase, place};
use yorozu_app::orders::quote::Choice;
use yorozu_app::payments::cards;
use yorozu_app::ports::SandboxGateway;
use yorozu_store::Db;
use yorozu_store::orders::OrderRow;

use super::{TestApp, confirmed_member, listing_form, publish_new, test_app};

pub struct Market {
    pub t: TestApp,
    pub sandbox: Arc<SandboxGateway>,
    pub seller: CurrentUser,
    pub buyer: CurrentUser,
    pub listing: ListingId,
    pub card: i64,
}

pub async fn market(db: Db) -> Market {
    let mut t = test_app(db);
    let sandbox = Arc::new(SandboxGateway::default());
    t.app.payments = sandbox.clone();
    let seller = confirmed_member(&t, "seller@example.jp", "売り手").await;
    let buyer = confirmed_member(&t, "buyer@example.jp", "買い手").await;
    let mut form = listing_form(
        "ロゴを作成します",
        "シンプルで覚えやすいロゴをお作りします。",
    );
    form.option_titles = vec!["商用利用".into()];
    form.option_prices = vec!["1000".into()];
    let listing = publish_new(&t, &seller, &form).await;
    let card = register_card(&t, &buyer, "4242424242424242").await;
    Market {
        t,
        sandbox,
        seller,
        buyer,
        listing,
        card,
    }
}

pub async fn register_card(t: &TestApp, member: &CurrentUser, number: &str) -> i64 {
    cards::register_card(&t.app, member, number, "12/30", "123")
        .await
        .expect("register card")
        .id
}

/// A purchase of the market's service by card with a fresh key.
pub fn purchase(m: &Market, key: &str) -> Purchase {
    Purchase {
        choice: Choice::of(m.listing),
        payment: Payment::Card(m.card),
        request: "よろしくお願いします。".into(),
        purchase_key: format!("test-purchase-key-{key}"),
        expected_total: None,
    }
}

pub async fn buy(m: &Market, key: &str) -> OrderId {
    let placed: Placed = place(&m.t.app, &m.buyer, &purchase(m, key))
        .await
        .expect("place order");
    assert!(placed.created);
    placed.order_id
}

pub async fn order(m: &Market, id: OrderId) -> OrderRow {
    let mut c = m.t.app.db.read().await.expect("read");
    yorozu_store::orders::rows::find(&mut c, id)
        .await
        .expect("find")
        .expect("order")
}

pub async fn deliver(m: &Market, id: OrderId) {
    yorozu_app::orders::deliver::deliver(&m.t.app, &m.seller, id, "納品いたします。", vec![])
        .await
        .expect("deliver");
}

/// Every ledger transaction sums to zero; returns how many there are.
pub async fn assert_ledger_balanced(db: &Db) -> usize {
    let mut c = db.read().await.expect("read");
    let sums = yorozu_store::ledger::transaction_sums(&mut c)
        .await
        .expect("sums");
    for (id, sum) in &sums {
        assert_eq!(sum.get(), 0, "ledger transaction {id} does not balance");
    }
    sums.len()
}

/// The balance of a ledger account.
pub async fn balance(db: &Db, account: &str, owner: Option<UserId>) -> i64 {
    let mut c = db.read().await.expect("read");
    yorozu_store::ledger::balance(&mut c, account, owner)
        .await
        .expect("balance")
        .get()
}

pub async fn points_balance(db: &Db, user: UserId) -> i64 {
    let mut c = db.read().await.expect("read");
    yorozu_store::promotions::points::balance(&mut c, user)
        .await
        .expect("points")
        .get()
}

/// An operator account (created once per test app).
pub async fn operator(t: &TestApp) -> CurrentUser {
    let id = yorozu_app::operators::create::create_operator(
        &t.app,
        "ops@example.jp",
        "operator-pass-123",
        "サポート担当",
    )
    .await
    .expect("operator");
    t.load_user(id).await
}

/// Grants the market's buyer points through the operator use case.
pub async fn grant_points(m: &Market, amount: i64) {
    let operator = operator(&m.t).await;
    yorozu_app::promotions::points::grant(
        &m.t.app,
        &operator,
        "buyer@example.jp",
        &amount.to_string(),
        "キャンペーン",
    )
    .await
    .expect("grant");
}
