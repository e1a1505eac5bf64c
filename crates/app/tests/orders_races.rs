//! Concurrent actions on one order, on both databases: exactly one consistent outcome, the
//! ledger balanced, and money charged once.

mod support;

use yorozu_app::AppError;
use yorozu_app::orders::cancel::{self, Answer};
use yorozu_app::orders::deliver;
use yorozu_app::orders::place::place;
use yorozu_domain::{OrderId, UserId};
use yorozu_store::{Db, both_backends};

use support::orders::*;

/// The ledger transactions booked for an order, by kind.
async fn booked(db: &Db, kind: &str, order_id: OrderId) -> bool {
    let mut c = db.read().await.expect("read");
    yorozu_store::ledger::transaction_exists(&mut c, kind, &order_id.to_string())
        .await
        .expect("exists")
}

both_backends!(
    a_double_submitted_purchase_makes_one_order,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let p = purchase(&m, "double-click");
        let (a, b) = tokio::join!(place(&m.t.app, &m.buyer, &p), place(&m.t.app, &m.buyer, &p));
        let (a, b) = (a.expect("first"), b.expect("second"));
        assert_eq!(a.order_id, b.order_id);
        assert!(
            a.created ^ b.created,
            "exactly one request creates the order"
        );
        assert_eq!(m.t.count("orders").await, 1);
        assert_eq!(m.sandbox.charge_count(), 1);
        assert_eq!(m.sandbox.net_charged(), 3_165);
        assert_eq!(assert_ledger_balanced(&db).await, 1);
    }
);

both_backends!(
    two_purchases_cannot_spend_the_same_points,
    |db: Db| async move {
        let m = market(db.clone()).await;
        grant_points(&m, 2_000).await;
        let mut p1 = purchase(&m, "points-one");
        p1.choice.points = "2000".into();
        let mut p2 = purchase(&m, "points-two");
        p2.choice.points = "2000".into();
        let (a, b) = tokio::join!(
            place(&m.t.app, &m.buyer, &p1),
            place(&m.t.app, &m.buyer, &p2)
        );
        let outcomes = [a.is_ok(), b.is_ok()];
        assert_eq!(outcomes.iter().filter(|ok| **ok).count(), 1, "{a:?} {b:?}");
        let failed = if a.is_ok() { b } else { a };
        assert!(matches!(failed, Err(AppError::Invalid(_))), "{failed:?}");
        assert_eq!(points_balance(&db, m.buyer.id).await, 0);
        assert_eq!(m.t.count("orders").await, 1);
        // The losing purchase's charge was given back.
        assert_eq!(m.sandbox.net_charged(), 3_165 - 2_000);
        assert_ledger_balanced(&db).await;
    }
);

both_backends!(
    two_simultaneous_approvals_complete_once,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = buy(&m, "approve-twice").await;
        deliver(&m, id).await;
        let (a, b) = tokio::join!(
            deliver::approve(&m.t.app, &m.buyer, id),
            deliver::approve(&m.t.app, &m.buyer, id)
        );
        assert_eq!(
            [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(),
            1,
            "{a:?} {b:?}"
        );
        assert!(matches!(
            if a.is_ok() { b } else { a },
            Err(AppError::Conflict(_))
        ));
        assert_eq!(order(&m, id).await.state.as_str(), "completed");
        assert_eq!(assert_ledger_balanced(&db).await, 2);
        assert_eq!(
            balance(&db, "seller_balance", Some(m.seller.id)).await,
            -2_340
        );
        let mut c = db.read().await.expect("read");
        let listing = yorozu_store::listings::rows::find(&mut c, m.listing)
            .await
            .expect("find")
            .expect("listing");
        assert_eq!(listing.sales_count, 1);
    }
);

both_backends!(
    approval_racing_a_cancellation_has_one_outcome,
    |db: Db| async move {
        let m = market(db.clone()).await;
        for round in 0..3 {
            let id = buy(&m, &format!("race-{round}")).await;
            deliver(&m, id).await;
            cancel::request(&m.t.app, &m.seller, id, "体調不良のため")
                .await
                .expect("request");
            let (approved, agreed) = tokio::join!(
                deliver::approve(&m.t.app, &m.buyer, id),
                cancel::answer(&m.t.app, &m.buyer, id, Answer::Agree, "")
            );
            assert!(approved.is_ok() ^ agreed.is_ok(), "{approved:?} {agreed:?}");
            let o = order(&m, id).await;
            let completed = booked(&db, "order_completion", id).await;
            let refunded = booked(&db, "order_refund", id).await;
            match o.state.as_str() {
                "completed" => assert!(approved.is_ok() && completed && !refunded),
                "cancelled" => assert!(agreed.is_ok() && refunded && !completed),
                other => panic!("unexpected state {other}"),
            }
            // No request stays open on a finished order.
            let mut c = db.read().await.expect("read");
            assert!(
                yorozu_store::orders::cancellations::open(&mut c, id)
                    .await
                    .expect("open")
                    .is_none()
            );
        }
        assert_ledger_balanced(&db).await;
        assert_eq!(balance(&db, "escrow", None).await, 0);
    }
);

/// A gateway that, while a charge is being made, spends the buyer's points elsewhere (as a
/// concurrent purchase would): the booking after the charge then fails, deterministically.
#[derive(Debug)]
struct PointsSpendingGateway {
    inner: std::sync::Arc<yorozu_app::ports::SandboxGateway>,
    db: Db,
    buyer: UserId,
}

#[async_trait::async_trait]
impl yorozu_app::ports::PaymentGateway for PointsSpendingGateway {
    async fn create_card_token(
        &self,
        number: &str,
        exp_month: u32,
        exp_year: u32,
        cvc: &str,
    ) -> Result<yorozu_app::ports::CardToken, yorozu_app::ports::PaymentError> {
        self.inner
            .create_card_token(number, exp_month, exp_year, cvc)
            .await
    }

    async fn charge(
        &self,
        token: &str,
        amount_yen: i64,
        key: &str,
    ) -> Result<yorozu_app::ports::Charge, yorozu_app::ports::PaymentError> {
        let mut tx = self.db.begin().await.expect("begin");
        yorozu_store::promotions::points::insert(
            &mut tx,
            &yorozu_store::promotions::points::PointEntryRow {
                id: 1,
                user_id: self.buyer,
                kind: yorozu_domain::promotions::PointKind::Use,
                amount: yorozu_domain::promotions::Points::new(-1_000),
                order_id: None,
                note: "elsewhere".into(),
                created_at: 0,
            },
        )
        .await
        .expect("spend");
        tx.commit().await.expect("commit");
        self.inner.charge(token, amount_yen, key).await
    }

    async fn refund(
        &self,
        charge_id: &str,
        amount_yen: i64,
        key: &str,
    ) -> Result<yorozu_app::ports::Refund, yorozu_app::ports::PaymentError> {
        self.inner.refund(charge_id, amount_yen, key).await
    }

    async fn delete_card(&self, token: &str) -> Result<(), yorozu_app::ports::PaymentError> {
        self.inner.delete_card(token).await
    }
}

both_backends!(
    a_purchase_whose_charge_was_refunded_cannot_be_replayed,
    |db: Db| async move {
        let mut m = market(db.clone()).await;
        grant_points(&m, 1_000).await;
        m.t.app.payments = std::sync::Arc::new(PointsSpendingGateway {
            inner: m.sandbox.clone(),
            db: db.clone(),
            buyer: m.buyer.id,
        });
        let mut p = purchase(&m, "replay");
        p.choice.points = "1000".into();
        // Charged, then the points turned out spent: nothing booked, the charge refunded.
        let errors = support::field_errors(place(&m.t.app, &m.buyer, &p).await);
        assert_eq!(
            (errors[0].field, errors[0].code),
            ("points", "points-exceed-balance")
        );
        assert_eq!((m.sandbox.charge_count(), m.sandbox.net_charged()), (1, 0));
        // Re-sending the same purchase, now without points, must not book an order on the
        // refunded charge (the provider would replay it as a success).
        m.t.app.payments = m.sandbox.clone();
        p.choice.points = String::new();
        assert!(matches!(
            place(&m.t.app, &m.buyer, &p).await,
            Err(AppError::Conflict("order-purchase-key-used"))
        ));
        assert_eq!(m.t.count("orders").await, 0);
        assert_eq!(m.t.count("ledger_transactions").await, 0);
        // A new confirmation screen (a new key) buys normally.
        place(&m.t.app, &m.buyer, &purchase(&m, "replay-new-key"))
            .await
            .expect("place");
        assert_eq!(m.sandbox.net_charged(), 3_165);
    }
);
