//! Points and coupons on both databases: operators grant and create, buyers use them once,
//! bad input is refused without a charge, and points expire a year after the last grant.

mod support;

use yorozu_app::AppError;
use yorozu_app::orders::place::place;
use yorozu_app::orders::quote::{Choice, quote};
use yorozu_app::promotions::coupons::{self, CouponInput};
use yorozu_app::promotions::points;
use yorozu_domain::UserId;
use yorozu_domain::{Arg, Yen};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::*;

fn coupon(code: &str, discount: &str, min: &str, days: &str) -> CouponInput {
    CouponInput {
        code: code.into(),
        title: "テスト用クーポン".into(),
        discount: discount.into(),
        min_order: min.into(),
        valid_days: days.into(),
    }
}

both_backends!(coupons_apply_once_within_their_terms, |db: Db| async move {
    let m = market(db.clone()).await;
    let op = operator(&m.t).await;
    coupons::create(&m.t.app, &op, &coupon("SPRING500", "500", "3000", "7"))
        .await
        .expect("create");
    coupons::create(&m.t.app, &op, &coupon("BIGORDER", "500", "10000", "7"))
        .await
        .expect("create");
    assert_eq!(
        invalid_fields(coupons::create(&m.t.app, &op, &coupon("spring500", "100", "0", "7")).await),
        [("code", "coupon-code-taken")]
    );
    assert_eq!(
        invalid_fields(coupons::create(&m.t.app, &op, &coupon("ab", "0", "-1", "0")).await),
        [
            ("code", "coupon-code-invalid"),
            ("discount", "coupon-amount-invalid"),
            ("min_order", "coupon-amount-invalid"),
            ("valid_days", "coupon-days-invalid")
        ]
    );
    assert!(matches!(
        coupons::create(&m.t.app, &m.buyer, &coupon("MINE", "500", "0", "7")).await,
        Err(AppError::Forbidden)
    ));

    let choice = |code: &str| Choice {
        coupon: code.into(),
        ..Choice::of(m.listing)
    };
    let q = quote(&m.t.app, &m.buyer, &choice("spring500"))
        .await
        .expect("quote");
    assert_eq!(
        (q.coupon_discount, q.amounts.buyer_total().get()),
        (500, 2_665)
    );
    let errors = field_errors(quote(&m.t.app, &m.buyer, &choice("BIGORDER")).await);
    assert_eq!(
        (errors[0].code, errors[0].args.clone()),
        (
            "coupon-below-minimum",
            vec![("min", Arg::Money(Yen::new(10_000)))]
        )
    );
    assert_eq!(
        invalid_fields(quote(&m.t.app, &m.buyer, &choice("NOSUCH")).await),
        [("coupon", "coupon-not-found")]
    );

    let mut p = purchase(&m, "coupon");
    p.choice.coupon = "SPRING500".into();
    let id = place(&m.t.app, &m.buyer, &p).await.expect("place").order_id;
    let o = order(&m, id).await;
    assert_eq!(
        (o.discount.get(), o.buyer_total.get(), o.seller_share.get()),
        (500, 2_665, 2_340)
    );
    assert_eq!(m.sandbox.net_charged(), 2_665);
    // The platform funds the discount; the seller's share does not change.
    assert_eq!(balance(&db, "coupon_discount", None).await, 500);
    assert_eq!(balance(&db, "escrow", None).await, -3_165);
    p.purchase_key = "test-purchase-key-coupon-again".into();
    assert_eq!(
        invalid_fields(place(&m.t.app, &m.buyer, &p).await),
        [("coupon", "coupon-already-used")]
    );

    // An expired coupon.
    m.t.advance(8 * DAY);
    p.purchase_key = "test-purchase-key-coupon-expired".into();
    p.choice.coupon = "BIGORDER".into();
    p.choice.options = vec![0];
    assert_eq!(
        invalid_fields(place(&m.t.app, &m.buyer, &p).await),
        [("coupon", "coupon-expired")]
    );
    assert_eq!(m.t.count("orders").await, 1);
    assert_eq!(m.sandbox.charge_count(), 1);
});

both_backends!(points_are_spent_restored_and_expire, |db: Db| async move {
    let m = market(db.clone()).await;
    let op = operator(&m.t).await;
    assert_eq!(
        invalid_fields(points::grant(&m.t.app, &op, "nobody@example.jp", "100", "お詫び").await),
        [("email", "points-member-unknown")]
    );
    assert_eq!(
        invalid_fields(points::grant(&m.t.app, &op, "buyer@example.jp", "0", "お詫び").await),
        [("amount", "points-grant-invalid")]
    );
    assert!(matches!(
        points::grant(&m.t.app, &m.buyer, "buyer@example.jp", "100", "自分に").await,
        Err(AppError::Forbidden)
    ));
    points::grant(&m.t.app, &op, "buyer@example.jp", "1,000", "キャンペーン")
        .await
        .expect("grant");
    let view = points::view(&m.t.app, &m.buyer).await.expect("view");
    assert_eq!(view.balance.get(), 1_000);
    assert_eq!(view.expires_at, Some(START + 365 * DAY));

    let mut p = purchase(&m, "too-many-points");
    p.choice.points = "1001".into();
    let errors = field_errors(place(&m.t.app, &m.buyer, &p).await);
    assert_eq!(
        (errors[0].field, errors[0].code),
        ("points", "points-exceed-balance")
    );
    assert_eq!(m.sandbox.charge_count(), 0);
    p.choice.points = "800".into();
    let id = place(&m.t.app, &m.buyer, &p).await.expect("place").order_id;
    assert_eq!(order(&m, id).await.buyer_total.get(), 3_165 - 800);
    assert_eq!(points_balance(&db, m.buyer.id).await, 200);
    assert_ledger_balanced(&db).await;

    // A year after the last grant the rest expires (maintenance runs it).
    m.t.advance(365 * DAY - 10);
    assert_eq!(points::expire_due(&m.t.app).await.expect("expire"), 0);
    m.t.advance(20);
    assert_eq!(points::expire_due(&m.t.app).await.expect("expire"), 1);
    assert_eq!(points_balance(&db, m.buyer.id).await, 0);
    assert_eq!(points::expire_due(&m.t.app).await.expect("expire again"), 0);
});

both_backends!(
    a_grant_resets_the_expiry_of_all_points,
    |db: Db| async move {
        let m = market(db.clone()).await;
        grant_points(&m, 100).await;
        m.t.advance(300 * DAY);
        let op = m.t.load_user(operator_id(&m).await).await;
        points::grant(&m.t.app, &op, "buyer@example.jp", "50", "追加")
            .await
            .expect("grant");
        m.t.advance(100 * DAY);
        assert_eq!(points::expire_due(&m.t.app).await.expect("expire"), 0);
        assert_eq!(points_balance(&db, m.buyer.id).await, 150);
    }
);

async fn operator_id(m: &Market) -> UserId {
    let mut c = m.t.app.db.read().await.expect("read");
    yorozu_store::accounts::users::find_by_email(&mut c, "ops@example.jp")
        .await
        .expect("find")
        .expect("operator")
        .id
}
