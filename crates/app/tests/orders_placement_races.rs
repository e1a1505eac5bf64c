//! Order placement re-checks inside its short write transaction what may have changed since
//! the quote, on both databases: a listing paused meanwhile is not ordered (and the charge is
//! given back), and a coupon or points are not spent twice by concurrent purchases.

mod support;

use std::sync::Arc;

use yorozu_app::AppError;
use yorozu_app::orders::place::place;
use yorozu_app::ports::{CardToken, Charge, PaymentError, PaymentGateway, Refund, SandboxGateway};
use yorozu_app::promotions::coupons::{self, CouponInput};
use yorozu_domain::ListingId;
use yorozu_domain::listings::ListingStatus;
use yorozu_store::{Db, both_backends};

use support::orders::*;

/// A gateway that, while a charge is being made, pauses the service (as its seller would at
/// that moment): the booking after the charge then finds it paused, deterministically.
#[derive(Debug)]
struct ListingPausingGateway {
    inner: Arc<SandboxGateway>,
    db: Db,
    listing: ListingId,
}

#[async_trait::async_trait]
impl PaymentGateway for ListingPausingGateway {
    async fn create_card_token(
        &self,
        number: &str,
        exp_month: u32,
        exp_year: u32,
        cvc: &str,
    ) -> Result<CardToken, PaymentError> {
        self.inner
            .create_card_token(number, exp_month, exp_year, cvc)
            .await
    }

    async fn charge(
        &self,
        token: &str,
        amount_yen: i64,
        key: &str,
    ) -> Result<Charge, PaymentError> {
        let mut tx = self.db.begin().await.expect("begin");
        let paused = yorozu_store::listings::rows::set_status(
            &mut tx,
            self.listing,
            ListingStatus::Published,
            ListingStatus::Paused,
            1,
        )
        .await
        .expect("pause");
        assert!(paused);
        tx.commit().await.expect("commit");
        self.inner.charge(token, amount_yen, key).await
    }

    async fn refund(
        &self,
        charge_id: &str,
        amount_yen: i64,
        key: &str,
    ) -> Result<Refund, PaymentError> {
        self.inner.refund(charge_id, amount_yen, key).await
    }

    async fn delete_card(&self, token: &str) -> Result<(), PaymentError> {
        self.inner.delete_card(token).await
    }
}

both_backends!(
    a_listing_paused_after_the_quote_is_not_ordered,
    |db: Db| async move {
        let mut m = market(db.clone()).await;
        m.t.app.payments = Arc::new(ListingPausingGateway {
            inner: m.sandbox.clone(),
            db: db.clone(),
            listing: m.listing,
        });
        let placed = place(&m.t.app, &m.buyer, &purchase(&m, "paused-meanwhile")).await;
        assert!(
            matches!(placed, Err(AppError::Conflict("order-not-purchasable"))),
            "{placed:?}"
        );
        assert_eq!(m.t.count("orders").await, 0);
        assert_eq!(m.t.count("ledger_transactions").await, 0);
        // Charged before the booking, then given back.
        assert_eq!((m.sandbox.charge_count(), m.sandbox.net_charged()), (1, 0));
    }
);

both_backends!(
    two_purchases_cannot_use_the_same_coupon,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let op = operator(&m.t).await;
        let input = CouponInput {
            code: "ONCE500".into(),
            title: "テスト用クーポン".into(),
            discount: "500".into(),
            min_order: "0".into(),
            valid_days: "7".into(),
        };
        coupons::create(&m.t.app, &op, &input)
            .await
            .expect("coupon");
        let mut p1 = purchase(&m, "coupon-one");
        p1.choice.coupon = "ONCE500".into();
        let mut p2 = purchase(&m, "coupon-two");
        p2.choice.coupon = "ONCE500".into();
        let (a, b) = tokio::join!(
            place(&m.t.app, &m.buyer, &p1),
            place(&m.t.app, &m.buyer, &p2)
        );
        assert_eq!(
            [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(),
            1,
            "{a:?} {b:?}"
        );
        let failed = if a.is_ok() { b } else { a };
        assert!(matches!(failed, Err(AppError::Invalid(_))), "{failed:?}");
        assert_eq!(m.t.count("orders").await, 1);
        assert_eq!(m.t.count("coupon_redemptions").await, 1);
        // The losing purchase's charge was given back.
        assert_eq!(m.sandbox.net_charged(), 3_165 - 500);
        assert_ledger_balanced(&db).await;
    }
);

both_backends!(
    many_purchases_at_once_spend_no_more_points_than_granted,
    |db: Db| async move {
        let m = market(db.clone()).await;
        grant_points(&m, 2_500).await;
        let purchases: Vec<_> = (0..4)
            .map(|i| {
                let mut p = purchase(&m, &format!("points-many-{i}"));
                p.choice.points = "1000".into();
                p
            })
            .collect();
        let (a, b, c, d) = tokio::join!(
            place(&m.t.app, &m.buyer, &purchases[0]),
            place(&m.t.app, &m.buyer, &purchases[1]),
            place(&m.t.app, &m.buyer, &purchases[2]),
            place(&m.t.app, &m.buyer, &purchases[3])
        );
        let outcomes = [a, b, c, d];
        let booked = outcomes.iter().filter(|o| o.is_ok()).count();
        assert_eq!(booked, 2, "{outcomes:?}");
        assert_eq!(points_balance(&db, m.buyer.id).await, 500);
        assert_eq!(m.t.count("orders").await, 2);
        assert_ledger_balanced(&db).await;
    }
);
