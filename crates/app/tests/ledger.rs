//! The ledger: every money movement of an order is a balanced transaction, booked once, and
//! balances are sums of entries — on both databases, also under concurrent posting.

mod support;

use std::sync::Arc;
use std::time::Duration;
use yorozu_domain::UserId;

use yorozu_app::App;
use yorozu_app::ledger::{balance, post};
use yorozu_domain::Yen;
use yorozu_domain::money::{DEFAULT_BUYER_FEE_RATE, DEFAULT_SELLER_FEE_RATE};
use yorozu_domain::orders::ledger::{Account, Transaction};
use yorozu_domain::orders::pricing::OrderQuote;
use yorozu_store::{Db, both_backends, ledger as store};

use support::*;

const SELLER: UserId = UserId::new(42);

/// ¥10,000 with one ¥1,000 option and a ¥500 discount at the default fee rates.
fn quote() -> OrderQuote {
    OrderQuote::compute(
        Yen::new(10_000),
        &[Yen::new(1_000)],
        Yen::new(500),
        DEFAULT_SELLER_FEE_RATE,
        DEFAULT_BUYER_FEE_RATE,
    )
    .expect("valid quote")
}

/// Posts in a transaction of its own and commits.
async fn post_one(app: &App, kind: &str, reference: &str, tx: &Transaction) -> bool {
    let mut c = app.db.begin().await.expect("begin");
    let booked = post(&mut c, app, kind, reference, tx).await.expect("post");
    c.commit().await.expect("commit");
    booked
}

async fn bal(app: &App, account: Account) -> i64 {
    balance(app, account).await.expect("balance").get()
}

async fn assert_every_transaction_sums_to_zero(app: &App) -> usize {
    let mut c = app.db.read().await.expect("read");
    let sums = store::transaction_sums(&mut c).await.expect("sums");
    for (id, sum) in &sums {
        assert_eq!(sum.get(), 0, "transaction {id} is unbalanced");
    }
    sums.len()
}

both_backends!(
    payment_then_completion_pays_the_seller_and_the_platform,
    |db: Db| async move {
        let t = test_app(db);
        let q = quote();
        assert_eq!(
            (
                q.subtotal().get(),
                q.buyer_fee().get(),
                q.platform_fee().get(),
                q.seller_share().get(),
                q.buyer_total().get()
            ),
            (11_000, 605, 2_420, 8_580, 11_105)
        );
        assert!(
            post_one(
                &t.app,
                "payment",
                "order-1",
                &Transaction::payment_into_escrow(&q)
            )
            .await
        );
        assert_eq!(bal(&t.app, Account::Escrow).await, -q.escrow_amount().get());
        assert_eq!(
            bal(&t.app, Account::BuyerPayment).await,
            q.buyer_total().get()
        );
        assert_eq!(
            bal(&t.app, Account::CouponDiscount).await,
            q.discount().get()
        );

        let completion = Transaction::completion(&q, SELLER);
        assert!(post_one(&t.app, "completion", "order-1", &completion).await);
        assert_eq!(bal(&t.app, Account::Escrow).await, 0);
        assert_eq!(
            bal(&t.app, Account::SellerBalance(SELLER)).await,
            -q.seller_share().get()
        );
        assert_eq!(
            bal(
                &t.app,
                Account::SellerBalance(UserId::new(SELLER.get() + 1))
            )
            .await,
            0,
            "another seller has nothing"
        );
        assert_eq!(
            bal(&t.app, Account::PlatformRevenue).await,
            -(q.platform_fee().get() + q.buyer_fee().get())
        );
        assert_eq!(assert_every_transaction_sums_to_zero(&t.app).await, 2);

        // The same completion again is booked once.
        assert!(
            !post_one(&t.app, "completion", "order-1", &completion).await,
            "already booked"
        );
        assert_eq!(
            bal(&t.app, Account::SellerBalance(SELLER)).await,
            -q.seller_share().get()
        );
        assert_eq!(
            bal(&t.app, Account::PlatformRevenue).await,
            -(q.platform_fee().get() + q.buyer_fee().get())
        );
        assert_eq!(bal(&t.app, Account::Escrow).await, 0);
        assert_eq!(t.count("ledger_transactions").await, 2);
        assert_eq!(t.count("ledger_entries").await, 6);

        // The entries are stored as built, with the seller as the owner of their balance.
        let mut c = t.app.db.read().await.expect("read");
        let id = store::transaction_id(&mut c, "completion", "order-1")
            .await
            .expect("id")
            .expect("booked");
        let entries = store::entries_for_transaction(&mut c, id)
            .await
            .expect("entries");
        let mut stored: Vec<(String, Option<UserId>, i64)> = entries
            .into_iter()
            .map(|e| (e.account, e.account_owner, e.amount.get()))
            .collect();
        stored.sort();
        assert_eq!(
            stored,
            [
                ("escrow".to_owned(), None, 11_605),
                ("platform_revenue".to_owned(), None, -3_025),
                ("seller_balance".to_owned(), Some(SELLER), -8_580),
            ]
        );
    }
);

both_backends!(
    a_refund_empties_escrow_and_reverses_the_payment,
    |db: Db| async move {
        let t = test_app(db);
        let q = quote();
        assert!(
            post_one(
                &t.app,
                "payment",
                "order-2",
                &Transaction::payment_into_escrow(&q)
            )
            .await
        );
        assert!(post_one(&t.app, "refund", "order-2", &Transaction::refund(&q)).await);
        assert!(
            !post_one(&t.app, "refund", "order-2", &Transaction::refund(&q)).await,
            "refunded once"
        );
        for account in [
            Account::Escrow,
            Account::BuyerPayment,
            Account::CouponDiscount,
            Account::PlatformRevenue,
        ] {
            assert_eq!(bal(&t.app, account).await, 0, "{}", account.kind());
        }
        assert_eq!(bal(&t.app, Account::SellerBalance(SELLER)).await, 0);
        assert_eq!(assert_every_transaction_sums_to_zero(&t.app).await, 2);
    }
);

both_backends!(a_rolled_back_posting_leaves_nothing, |db: Db| async move {
    let t = test_app(db);
    let q = quote();
    {
        let mut c = t.app.db.begin().await.expect("begin");
        assert!(
            post(
                &mut c,
                &t.app,
                "payment",
                "order-3",
                &Transaction::payment_into_escrow(&q)
            )
            .await
            .expect("post")
        );
        // Dropped without commit: the caller's transaction rolls back, and the ledger with it.
    }
    assert_eq!(t.count("ledger_transactions").await, 0);
    assert_eq!(t.count("ledger_entries").await, 0);
    assert!(
        post_one(
            &t.app,
            "payment",
            "order-3",
            &Transaction::payment_into_escrow(&q)
        )
        .await,
        "can be booked later"
    );
});

both_backends!(
    two_simultaneous_postings_of_one_event_book_it_once,
    |db: Db| async move {
        let t = test_app(db);
        let q = quote();
        assert!(
            post_one(
                &t.app,
                "payment",
                "order-4",
                &Transaction::payment_into_escrow(&q)
            )
            .await
        );
        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let tasks: Vec<_> = (0..2)
            .map(|_| {
                let app = t.app.clone();
                let barrier = barrier.clone();
                tokio::spawn(async move {
                    let completion = Transaction::completion(&q, SELLER);
                    barrier.wait().await;
                    let mut c = app.db.begin().await?;
                    let booked = post(&mut c, &app, "completion", "order-4", &completion).await?;
                    // Hold the transaction open so that the other one overlaps it where the
                    // database allows (PostgreSQL); SQLite queues the second writer.
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    c.commit().await?;
                    Ok::<bool, yorozu_app::AppError>(booked)
                })
            })
            .collect();
        let mut outcomes = Vec::new();
        for task in tasks {
            outcomes.push(task.await.expect("task"));
        }
        let booked = outcomes.iter().filter(|o| matches!(o, Ok(true))).count();
        assert_eq!(booked, 1, "exactly one booking: {outcomes:?}");
        // The unique index decides; `ON CONFLICT DO NOTHING` turns the loser into a clean "already
        // booked" rather than an aborted PostgreSQL transaction.
        assert!(
            outcomes.iter().any(|o| matches!(o, Ok(false))),
            "the other one sees it booked: {outcomes:?}"
        );
        assert_eq!(t.count("ledger_transactions").await, 2);
        assert_eq!(t.count("ledger_entries").await, 6);
        assert_eq!(bal(&t.app, Account::Escrow).await, 0);
        assert_eq!(
            bal(&t.app, Account::SellerBalance(SELLER)).await,
            -q.seller_share().get()
        );
        assert_eq!(assert_every_transaction_sums_to_zero(&t.app).await, 2);
    }
);
