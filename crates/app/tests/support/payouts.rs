//! Sellers with sales and a bank account, for payout tests.

use yorozu_app::accounts::CurrentUser;
use yorozu_domain::OrderId;
use yorozu_store::Db;

use super::TestApp;
use super::orders::{Market, buy, deliver};

/// Registers the member's bank account (みずほ銀行 東京営業部, 普通 1234567).
pub async fn register_bank(t: &TestApp, member: &CurrentUser) {
    yorozu_app::payouts::bank::register(
        &t.app,
        member,
        &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
        &yorozu_app::payouts::bank::BankInput {
            bank_code: "0001".into(),
            branch_code: "001".into(),
            account_type: "ordinary".into(),
            account_number: "1234567".into(),
            holder: "ヤマダ タロウ".into(),
        },
    )
    .await
    .expect("register bank account");
}

/// Completes `n` orders of the market's service: the seller earns n × ¥2,340.
pub async fn complete_orders(m: &Market, n: usize, tag: &str) -> Vec<OrderId> {
    let mut ids = Vec::new();
    for i in 0..n {
        let id = buy(m, &format!("{tag}-{i}")).await;
        deliver(m, id).await;
        yorozu_app::orders::deliver::approve(&m.t.app, &m.buyer, id)
            .await
            .expect("approve");
        ids.push(id);
    }
    ids
}

/// A row count with a condition (tests only: the SQL is fixed text).
pub async fn count_where(db: &Db, sql: &str) -> i64 {
    let mut c = db.read().await.expect("read");
    yorozu_store::query_scalar!(&mut c, fetch_one, i64, sqlx::AssertSqlSafe(sql.to_owned()))
        .expect("count")
}
