//! The withdrawal readiness check on both databases: each blocker blocks, says when it clears
//! by itself, and clears as its date passes (injected clock); forfeits are the exact amounts.

mod support;

use yorozu_app::orders::place::{Payment, place};
use yorozu_app::withdrawal::readiness::check;
use yorozu_domain::withdrawal::BlockerKind;
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::payouts::*;
use support::*;

fn kinds(r: &yorozu_app::withdrawal::readiness::Readiness) -> Vec<BlockerKind> {
    r.blockers.iter().map(|b| b.blocker.kind).collect()
}

both_backends!(
    a_member_without_open_business_may_withdraw,
    |db: Db| async move {
        let m = market(db).await;
        let r = check(&m.t.app, &m.buyer).await.expect("check");
        assert!(r.is_ready() && r.forfeits.is_empty());
        assert_eq!(r.data.len(), 20);
    }
);

both_backends!(
    an_order_blocks_both_sides_until_it_is_approved_automatically,
    |db: Db| async move {
        let m = market(db).await;
        let id = buy(&m, "open").await;
        let buyer = check(&m.t.app, &m.buyer).await.expect("buyer");
        let seller = check(&m.t.app, &m.seller).await.expect("seller");
        assert_eq!(
            (kinds(&buyer), kinds(&seller)),
            (vec![BlockerKind::Purchase], vec![BlockerKind::Sale])
        );
        assert_eq!(buyer.blockers[0].blocker.reference, id.get());
        assert_eq!(buyer.blockers[0].path, format!("/orders/{id}"));
        // Work in progress needs the seller: no date.
        assert_eq!(buyer.clears_by_itself_at(), None);
        deliver(&m, id).await;
        let delivered = check(&m.t.app, &m.seller).await.expect("seller");
        let at = delivered
            .clears_by_itself_at()
            .expect("clears by auto-approval");
        assert_eq!(
            at.unix(),
            order(&m, id).await.delivered_at.expect("delivered") + 3 * DAY
        );
        m.t.advance(3 * DAY);
        m.t.run_jobs().await;
        let after = check(&m.t.app, &m.seller).await.expect("seller");
        assert!(after.is_ready());
        assert_eq!(after.forfeits.sales_balance, 2_340);
        assert!(check(&m.t.app, &m.buyer).await.expect("buyer").is_ready());
    }
);

both_backends!(
    unpaid_orders_block_the_buyer_but_not_the_seller,
    |db: Db| async move {
        let m = market(db).await;
        let mut p = purchase(&m, "unpaid");
        p.payment = Payment::Deferred;
        let id = place(&m.t.app, &m.buyer, &p).await.expect("place").order_id;
        let buyer = check(&m.t.app, &m.buyer).await.expect("buyer");
        assert_eq!(kinds(&buyer), [BlockerKind::Purchase]);
        assert_eq!(
            buyer.clears_by_itself_at().map(|t| t.unix()),
            order(&m, id).await.payment_due_at
        );
        let seller = check(&m.t.app, &m.seller).await.expect("seller");
        assert!(seller.is_ready());
        assert_eq!(seller.unpaid_sales_to_cancel, 1);
    }
);

both_backends!(
    cancellation_requests_and_payouts_block_with_their_dates,
    |db: Db| async move {
        let m = market(db).await;
        let id = buy(&m, "cancel").await;
        yorozu_app::orders::cancel::request(&m.t.app, &m.buyer, id, "予定が変わったため")
            .await
            .expect("request");
        let r = check(&m.t.app, &m.seller).await.expect("seller");
        assert_eq!(kinds(&r), [BlockerKind::CancellationRequest]);
        let deadline = {
            let mut c = m.t.app.db.read().await.expect("read");
            yorozu_store::orders::cancellations::open(&mut c, id)
                .await
                .expect("open")
                .expect("request")
                .deadline_at
        };
        // In progress alone would not clear by itself; the request's deadline does.
        assert_eq!(r.clears_by_itself_at().map(|t| t.unix()), Some(deadline));
        m.t.advance(24 * HOUR);
        m.t.run_jobs().await;
        assert!(check(&m.t.app, &m.seller).await.expect("seller").is_ready());

        complete_orders(&m, 1, "payout").await;
        register_bank(&m.t, &m.seller).await;
        let payout = yorozu_app::payouts::request::request(
            &m.t.app,
            &m.seller,
            &yorozu_app::accounts::reauth::Reauthenticated::CONFIRMED_EARLIER,
        )
        .await
        .expect("payout");
        let r = check(&m.t.app, &m.seller).await.expect("seller");
        assert_eq!(kinds(&r), [BlockerKind::PayoutRequest]);
        assert_eq!(r.blockers[0].blocker.reference, payout.id);
        assert!(r.clears_by_itself_at().is_some());
        assert_eq!(
            r.forfeits.sales_balance, 0,
            "the requested money is no longer forfeitable"
        );
    }
);

both_backends!(points_are_counted_as_forfeits, |db: Db| async move {
    let m = market(db).await;
    grant_points(&m, 700).await;
    let r = check(&m.t.app, &m.buyer).await.expect("buyer");
    assert!(r.is_ready());
    assert_eq!((r.forfeits.points, r.forfeits.sales_balance), (700, 0));
});

both_backends!(
    open_offers_are_counted_without_blocking_until_they_expire,
    |db: Db| async move {
        use yorozu_app::offers::form::OfferForm;
        use yorozu_app::offers::{consult, send};
        let m = market(db).await;
        let id = consult::consult(
            &m.t.app,
            &m.buyer,
            m.listing,
            "お見積りをお願いします。",
            vec![],
        )
        .await
        .expect("consult");
        let form = OfferForm {
            title: "ロゴ".into(),
            included: "ロゴ1案".into(),
            price: "5000".into(),
            delivery_days: "5".into(),
            revisions: "1".into(),
            option_titles: vec![],
            option_prices: vec![],
            expiry_days: "2".into(),
        };
        send::send(&m.t.app, &m.seller, id, &form)
            .await
            .expect("offer");
        for member in [&m.buyer, &m.seller] {
            let r = check(&m.t.app, member).await.expect("check");
            assert!(r.is_ready(), "an open offer does not block");
            assert_eq!(r.open_offers_to_withdraw, 1);
        }
        // A revision supersedes the open version: still one to withdraw.
        send::send(&m.t.app, &m.seller, id, &form)
            .await
            .expect("revised");
        let r = check(&m.t.app, &m.buyer).await.expect("check");
        assert_eq!(r.open_offers_to_withdraw, 1);
        m.t.advance(2 * DAY + 1);
        let r = check(&m.t.app, &m.buyer).await.expect("check");
        assert_eq!(
            r.open_offers_to_withdraw, 0,
            "an expired offer is not counted"
        );
    }
);
