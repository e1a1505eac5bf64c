//! The generated data set is consistent (what the use cases would have written) and follows
//! from its seed, on both databases.

use std::sync::Arc;
use yorozu_domain::{OrderId, UserId};

use yorozu_app::App;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::ports::FixedClock;
use yorozu_domain::Locale;
use yorozu_domain::orders::{Account, OrderState};
use yorozu_store::testing::{TempDir, TestDb};
use yorozu_store::{Backend, Db, both_backends};

use super::{Options, generate};

fn test_app(db: Db, files: &TempDir) -> App {
    // Called more than once per data set: each App gets its own index, in memory.
    let index = yorozu_search::TantivyIndex::in_memory().expect("search index");
    yorozu_app::testing::app(
        db,
        Arc::new(FixedClock::at(1_780_000_000)),
        &files.0,
        3,
        Arc::new(index),
    )
}

const SMALL: Options = Options {
    members: 40,
    services: 60,
    orders: 1_500,
    heavy_services: 5,
    heavy_orders: 100,
    seed: 7,
};

async fn scalar(db: &Db, sql: &'static str) -> i64 {
    let mut c = db.read().await.expect("read");
    yorozu_store::query_scalar!(&mut c, fetch_one, i64, sql).expect(sql)
}

/// Everything about the data set except its ids, in a stable order.
async fn fingerprint(db: &Db) -> Vec<i64> {
    let mut out = Vec::new();
    for sql in [
        "SELECT COUNT(*) FROM users",
        "SELECT COUNT(*) FROM search_changes",
        "SELECT CAST(COALESCE(SUM(price * sales_count + rating_sum), 0) AS BIGINT) FROM listings",
        "SELECT CAST(COALESCE(SUM(LENGTH(title)), 0) AS BIGINT) FROM listings",
        "SELECT COUNT(*) FROM orders WHERE state = 'completed'",
        "SELECT COUNT(*) FROM orders WHERE state = 'in_progress'",
        "SELECT CAST(COALESCE(SUM(buyer_total), 0) AS BIGINT) FROM orders",
        "SELECT COUNT(*) FROM order_messages",
        "SELECT CAST(COALESCE(SUM(LENGTH(body)), 0) AS BIGINT) FROM order_messages",
        "SELECT CAST(COALESCE(SUM(rating), 0) AS BIGINT) FROM reviews",
        "SELECT COUNT(*) FROM ledger_entries",
        "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM sales",
    ] {
        out.push(scalar(db, sql).await);
    }
    out
}

fn member(id: i64) -> CurrentUser {
    CurrentUser {
        id: UserId::new(id),
        email: String::new(),
        email_verified: true,
        role: yorozu_domain::accounts::Role::Member,
        locale: Locale::Ja,
        display_name: String::new(),
        withdrawal_scheduled: false,
        suspended: false,
        unread_notifications: 0,
    }
}

both_backends!(
    a_generated_data_set_is_what_the_use_cases_would_write,
    |db: Db| async move {
        let files = TempDir::new("yorozu-generate");
        let app = test_app(db.clone(), &files);
        let g = generate(&app, &SMALL).await.expect("generate");

        // Every state occurs, and the summary counts what is there.
        for state in OrderState::ALL {
            let mut c = db.read().await.expect("read");
            let n = yorozu_store::query_scalar!(
                &mut c,
                fetch_one,
                i64,
                "SELECT COUNT(*) FROM orders WHERE state = $1",
                state.as_str()
            )
            .expect("count");
            assert!(n > 0, "no {state} order");
        }
        assert_eq!(g.rows["orders"], SMALL.orders);
        assert_eq!(g.rows["users"], SMALL.members);
        assert_eq!(g.rows["listings"], SMALL.services + SMALL.heavy_services);
        assert_eq!(
            g.total_rows() as i64,
            scalar(&db, "SELECT COUNT(*) FROM order_messages").await
                + scalar(&db, "SELECT COUNT(*) FROM ledger_entries").await
                + scalar(&db, "SELECT COUNT(*) FROM ledger_transactions").await
                + scalar(&db, "SELECT COUNT(*) FROM orders").await
                + scalar(&db, "SELECT COUNT(*) FROM order_reads").await
                + scalar(&db, "SELECT COUNT(*) FROM order_deliveries").await
                + scalar(&db, "SELECT COUNT(*) FROM order_cancellations").await
                + scalar(&db, "SELECT COUNT(*) FROM reviews").await
                + scalar(&db, "SELECT COUNT(*) FROM sales").await
                + scalar(&db, "SELECT COUNT(*) FROM listings").await
                + scalar(&db, "SELECT COUNT(*) FROM listing_options").await
                + scalar(&db, "SELECT COUNT(*) FROM users").await
                + scalar(&db, "SELECT COUNT(*) FROM profiles").await
        );

        // The ledger balances, per transaction, and the sellers' balances are their sales.
        assert_eq!(
        scalar(
            &db,
            "SELECT COUNT(*) FROM (SELECT transaction_id FROM ledger_entries GROUP BY transaction_id \
             HAVING SUM(amount) <> 0) unbalanced"
        )
        .await,
        0
    );
        // The benchmark finds the heavy seller and open talk rooms again.
        let data = {
            let mut c = db.read().await.expect("read");
            yorozu_store::bench::data_set(&mut c)
                .await
                .expect("data set")
                .expect("there is one")
        };
        assert_eq!(data.order_count, SMALL.orders as i64);
        assert!(data.buyers.len() >= 30, "members who sell nothing");
        let heavy = data.heavy_seller.0;
        let balance = yorozu_app::ledger::balance(&app, Account::SellerBalance(UserId::new(heavy)))
            .await
            .expect("balance");
        let mut c = db.read().await.expect("read");
        let sales = yorozu_store::query_scalar!(
            &mut c,
            fetch_one,
            i64,
            "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM sales WHERE seller_id = $1",
            heavy
        )
        .expect("sales");
        drop(c);
        assert!(sales > 0);
        assert_eq!(-balance.get(), sales, "seller balances are credits");

        // Each service's figures are those of its orders and reviews.
        assert_eq!(
        scalar(
            &db,
            "SELECT COUNT(*) FROM listings l WHERE l.sales_count <> \
             (SELECT COUNT(*) FROM orders o WHERE o.listing_id = l.id AND o.state = 'completed') \
             OR l.rating_count <> (SELECT COUNT(*) FROM reviews r WHERE r.listing_id = l.id AND r.author_role = 'buyer') \
             OR l.rating_sum <> (SELECT CAST(COALESCE(SUM(rating), 0) AS BIGINT) FROM reviews r WHERE r.listing_id = l.id AND r.author_role = 'buyer')"
        )
        .await,
        0
    );
        // Only finished, paid orders have sales; delivered ones wait for one pending delivery.
        assert_eq!(
        scalar(&db, "SELECT COUNT(*) FROM sales s JOIN orders o ON o.id = s.order_id WHERE o.state <> 'completed'").await,
        0
    );
        assert_eq!(
        scalar(&db, "SELECT COUNT(*) FROM orders o WHERE o.state = 'delivered' AND NOT EXISTS \
                     (SELECT 1 FROM order_deliveries d WHERE d.order_id = o.id AND d.outcome = 'pending')").await,
        0
    );

        // The use cases read it: an open order blocks its buyer's withdrawal, its talk room
        // opens, the heavy seller's sales are there to forfeit, and search finds services.
        let (open, open_buyer) = data.open_orders[0];
        let readiness = yorozu_app::withdrawal::readiness::check(&app, &member(open_buyer))
            .await
            .expect("readiness");
        assert!(!readiness.blockers.is_empty(), "an open purchase blocks");
        let heavy_readiness = yorozu_app::withdrawal::readiness::check(&app, &member(heavy))
            .await
            .expect("readiness");
        assert_eq!(heavy_readiness.forfeits.sales_balance, sales);
        yorozu_app::orders::view::detail(&app, &member(open_buyer), OrderId::new(open))
            .await
            .expect("the talk room opens");
        let found = yorozu_app::listings::search::run(
            &app,
            &yorozu_app::listings::search::SearchParams {
                q: "ご依頼".into(),
                ..Default::default()
            },
        )
        .await
        .expect("search");
        assert!(found.total > 0);

        // The same seed gives the same data set on a fresh database.
        let again = match db.backend() {
            Backend::Sqlite => TestDb::sqlite().await,
            Backend::Postgres => TestDb::postgres().await,
        };
        let other = test_app(again.db.clone(), &files);
        generate(&other, &SMALL).await.expect("generate again");
        assert_eq!(fingerprint(&db).await, fingerprint(&again.db).await);
        let third = match db.backend() {
            Backend::Sqlite => TestDb::sqlite().await,
            Backend::Postgres => TestDb::postgres().await,
        };
        generate(
            &test_app(third.db.clone(), &files),
            &Options { seed: 8, ..SMALL },
        )
        .await
        .expect("generate with another seed");
        assert_ne!(fingerprint(&db).await, fingerprint(&third.db).await);
    }
);
