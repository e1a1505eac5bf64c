//! What happens when nobody acts, with an injected clock, on both databases: auto-approval
//! three days after a delivery, a cancellation request answered by silence after 24 hours,
//! an unpaid deferred order expiring after 72 hours, and the refund at the provider.

mod support;

use yorozu_app::AppError;
use yorozu_app::orders::cancel::{self, Answer};
use yorozu_app::orders::pay::pay_deferred;
use yorozu_app::orders::place::{Payment, place};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::*;

both_backends!(
    a_delivery_is_approved_automatically_after_three_days,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = buy(&m, "auto").await;
        deliver(&m, id).await;
        m.t.advance(3 * DAY - 60);
        m.t.run_jobs().await;
        assert_eq!(order(&m, id).await.state.as_str(), "delivered");
        m.t.advance(60);
        m.t.run_jobs().await;
        let o = order(&m, id).await;
        assert_eq!(o.state.as_str(), "completed");
        assert_eq!(
            balance(&db, "seller_balance", Some(m.seller.id)).await,
            -2_340
        );
        assert_eq!(assert_ledger_balanced(&db).await, 2);
        let mut c = db.read().await.expect("read");
        let deliveries = yorozu_store::orders::deliveries::list(&mut c, id)
            .await
            .expect("list");
        assert_eq!(deliveries[0].outcome.as_str(), "auto_approved");
    }
);

both_backends!(
    a_sent_back_delivery_is_not_approved_by_its_old_job,
    |db: Db| async move {
        let m = market(db).await;
        let id = buy(&m, "old-job").await;
        deliver(&m, id).await;
        m.t.advance(DAY);
        yorozu_app::orders::deliver::send_back(&m.t.app, &m.buyer, id, "修正をお願いします。")
            .await
            .expect("send back");
        m.t.advance(DAY);
        deliver(&m, id).await;
        // The first delivery's job falls due now; the second delivery must wait its own three days.
        m.t.advance(DAY + 60);
        m.t.run_jobs().await;
        assert_eq!(order(&m, id).await.state.as_str(), "delivered");
        m.t.advance(2 * DAY);
        m.t.run_jobs().await;
        assert_eq!(order(&m, id).await.state.as_str(), "completed");
    }
);

both_backends!(
    an_unanswered_cancellation_takes_effect_after_24_hours,
    |db: Db| async move {
        let m = market(db.clone()).await;
        grant_points(&m, 500).await;
        let mut p = purchase(&m, "silence");
        p.choice.points = "500".into();
        let id = place(&m.t.app, &m.buyer, &p).await.expect("place").order_id;
        assert_eq!(points_balance(&db, m.buyer.id).await, 0);
        cancel::request(&m.t.app, &m.buyer, id, "依頼内容を変更したいため")
            .await
            .expect("request");
        assert!(matches!(
            cancel::request(&m.t.app, &m.seller, id, "こちらからも").await,
            Err(AppError::Conflict("cancellation-already-open"))
        ));
        assert!(matches!(
            cancel::answer(&m.t.app, &m.buyer, id, Answer::Agree, "").await,
            Err(AppError::Conflict("cancellation-own-request"))
        ));
        m.t.advance(24 * HOUR - 60);
        m.t.run_jobs().await;
        assert_eq!(order(&m, id).await.state.as_str(), "in_progress");
        m.t.advance(60);
        m.t.run_jobs().await;
        let o = order(&m, id).await;
        assert_eq!(o.state.as_str(), "cancelled");
        // Refunded in the ledger and at the provider; the points are back.
        assert_eq!(assert_ledger_balanced(&db).await, 2);
        assert_eq!(balance(&db, "escrow", None).await, 0);
        assert_eq!(balance(&db, "buyer_payment", None).await, 0);
        assert_eq!(balance(&db, "coupon_discount", None).await, 0);
        assert_eq!(m.sandbox.net_charged(), 0);
        assert_eq!(points_balance(&db, m.buyer.id).await, 500);
    }
);

both_backends!(an_objection_keeps_the_order_going, |db: Db| async move {
    let m = market(db).await;
    let id = buy(&m, "object").await;
    cancel::request(&m.t.app, &m.seller, id, "スケジュールが合わないため")
        .await
        .expect("request");
    assert_eq!(
        invalid_fields(cancel::answer(&m.t.app, &m.buyer, id, Answer::Object, " ").await),
        [("answer", "order-text-empty")]
    );
    cancel::answer(
        &m.t.app,
        &m.buyer,
        id,
        Answer::Object,
        "納期は延びても構いません。",
    )
    .await
    .expect("object");
    m.t.advance(2 * DAY);
    m.t.run_jobs().await;
    assert_eq!(order(&m, id).await.state.as_str(), "in_progress");
    assert_eq!(m.sandbox.net_charged(), 3_165);
    // A new request can be made and withdrawn.
    cancel::request(&m.t.app, &m.seller, id, "やはり難しいため")
        .await
        .expect("request again");
    cancel::withdraw(&m.t.app, &m.seller, id)
        .await
        .expect("withdraw");
    m.t.advance(2 * DAY);
    m.t.run_jobs().await;
    assert_eq!(order(&m, id).await.state.as_str(), "in_progress");
});

both_backends!(
    an_unpaid_deferred_order_expires_and_gives_back_the_coupon,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let operator = operator(&m.t).await;
        yorozu_app::promotions::coupons::create(
            &m.t.app,
            &operator,
            &yorozu_app::promotions::coupons::CouponInput {
                code: "welcome300".into(),
                title: "はじめての方へ".into(),
                discount: "300".into(),
                min_order: "1000".into(),
                valid_days: "30".into(),
            },
        )
        .await
        .expect("coupon");
        let mut p = purchase(&m, "deferred");
        p.payment = Payment::Deferred;
        p.choice.coupon = "WELCOME300".into();
        let id = place(&m.t.app, &m.buyer, &p).await.expect("place").order_id;
        let o = order(&m, id).await;
        assert_eq!(
            (
                o.state.as_str(),
                o.buyer_total.get(),
                o.coupon_discount.get()
            ),
            ("awaiting_payment", 2_865, 300)
        );
        assert_eq!(m.t.count("ledger_transactions").await, 0);
        // The coupon is used up while the order waits.
        let mut again = purchase(&m, "deferred-again");
        again.choice.coupon = "welcome300".into();
        assert_eq!(
            invalid_fields(place(&m.t.app, &m.buyer, &again).await),
            [("coupon", "coupon-already-used")]
        );
        m.t.advance(72 * HOUR);
        m.t.run_jobs().await;
        assert_eq!(order(&m, id).await.state.as_str(), "expired");
        assert!(matches!(
            pay_deferred(&m.t.app, &m.buyer, id, m.card).await,
            Err(AppError::Conflict(_))
        ));
        assert_eq!(m.sandbox.charge_count(), 0);
        place(&m.t.app, &m.buyer, &again)
            .await
            .expect("the coupon is usable again");
    }
);

both_backends!(
    a_deferred_order_paid_in_time_goes_ahead,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let mut p = purchase(&m, "pay-later");
        p.payment = Payment::Deferred;
        let id = place(&m.t.app, &m.buyer, &p).await.expect("place").order_id;
        let stranger = confirmed_member(&m.t, "stranger@example.jp", "第三者").await;
        assert!(matches!(
            pay_deferred(&m.t.app, &stranger, id, m.card).await,
            Err(AppError::NotFound)
        ));
        m.t.advance(71 * HOUR);
        pay_deferred(&m.t.app, &m.buyer, id, m.card)
            .await
            .expect("pay");
        let o = order(&m, id).await;
        assert_eq!(o.state.as_str(), "in_progress");
        assert!(o.charge_id.is_some() && o.paid_at.is_some());
        assert_eq!(balance(&db, "escrow", None).await, -3_165);
        m.t.advance(2 * HOUR);
        m.t.run_jobs().await;
        assert_eq!(order(&m, id).await.state.as_str(), "in_progress");
    }
);
