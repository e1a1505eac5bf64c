//! Changes during an order on both databases with an injected clock: a paid addition is
//! charged once however often the accept is sent, booked balanced into escrow and paid out
//! with the order (sale included) or refunded with it; a dispute's partial refund may reach
//! into it; extensions move the due date; an overdue order is cancelled at once by its buyer.

mod support;

use yorozu_app::AppError;
use yorozu_app::orders::changes::additions::{self, AdditionForm};
use yorozu_app::orders::changes::extension::{self, Answer};
use yorozu_app::orders::changes::{overdue, view};
use yorozu_app::orders::dispute_decide::{self, DecisionForm};
use yorozu_app::orders::{cancel, deliver, dispute};
use yorozu_domain::OrderId;
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::*;

fn form(price: &str, days: &str) -> AdditionForm {
    AdditionForm {
        title: "ロゴのバリエーション追加".into(),
        description: "横長版とアイコン版を追加します。".into(),
        price: price.into(),
        extra_days: days.into(),
    }
}

async fn propose(m: &Market, id: OrderId, price: &str, days: &str) -> i64 {
    additions::propose(&m.t.app, &m.seller, id, &form(price, days))
        .await
        .expect("propose")
}

async fn changes(m: &Market, id: OrderId) -> view::Changes {
    view::changes(&m.t.app, &m.buyer, id)
        .await
        .expect("changes")
}

async fn sale_amount(db: &Db, id: OrderId) -> Option<i64> {
    let mut c = db.read().await.expect("read");
    yorozu_store::query_scalar!(
        &mut c,
        fetch_optional,
        i64,
        "SELECT amount FROM sales WHERE order_id = $1",
        id.get()
    )
    .expect("sale")
}

both_backends!(
    a_paid_addition_is_charged_once_and_paid_out_with_the_order,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = buy(&m, "addition").await;
        let due_before = changes(&m, id).await.due_at.expect("due");
        let addition = propose(&m, id, "２,０００", "3").await;
        assert!(changes(&m, id).await.actions.answer_addition);
        let charges = m.sandbox.charge_count();
        let paid = additions::accept(&m.t.app, &m.buyer, id, addition, m.card)
            .await
            .expect("accept");
        assert_eq!(paid.total, 2_110);
        assert!(paid.charged);
        // Re-sending the accept charges nothing more.
        let again = additions::accept(&m.t.app, &m.buyer, id, addition, m.card)
            .await
            .expect("accept again");
        assert!(!again.charged);
        assert_eq!(m.sandbox.charge_count(), charges + 1);
        assert_eq!(m.sandbox.net_charged(), 3_165 + 2_110);
        // Escrow holds the order and the addition; the due date moved by three days.
        assert_eq!(balance(&db, "escrow", None).await, -(3_165 + 2_110));
        assert_eq!(changes(&m, id).await.due_at, Some(due_before + 3 * DAY));
        deliver(&m, id).await;
        deliver::approve(&m.t.app, &m.buyer, id)
            .await
            .expect("approve");
        assert_eq!(balance(&db, "escrow", None).await, 0);
        // ¥3,000 → ¥2,340 and ¥2,000 → ¥1,560 (22 % seller fee each).
        assert_eq!(
            balance(&db, "seller_balance", Some(m.seller.id)).await,
            -(2_340 + 1_560)
        );
        assert_eq!(sale_amount(&db, id).await, Some(3_900));
        assert_eq!(assert_ledger_balanced(&db).await, 4);
        // The buyer was told of the proposal, the seller of the payment.
        m.t.run_jobs().await;
        let buyer_mail: Vec<String> =
            m.t.mails_to("buyer@example.jp")
                .await
                .into_iter()
                .map(|mail| mail.subject)
                .collect();
        assert!(
            buyer_mail
                .iter()
                .any(|s| s.contains("追加オプションの提案")),
            "{buyer_mail:?}"
        );
        let seller_mail: Vec<String> =
            m.t.mails_to("seller@example.jp")
                .await
                .into_iter()
                .map(|mail| mail.subject)
                .collect();
        assert!(
            seller_mail
                .iter()
                .any(|s| s.contains("追加オプションが購入されました")),
            "{seller_mail:?}"
        );
    }
);

both_backends!(
    a_cancelled_order_refunds_its_paid_additions,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = buy(&m, "refund").await;
        let addition = propose(&m, id, "1000", "").await;
        additions::accept(&m.t.app, &m.buyer, id, addition, m.card)
            .await
            .expect("accept");
        // A second proposal still waits when the order ends: it closes.
        let waiting = propose(&m, id, "800", "1").await;
        cancel::request(&m.t.app, &m.seller, id, "体調不良のため")
            .await
            .expect("request");
        cancel::answer(&m.t.app, &m.buyer, id, cancel::Answer::Agree, "")
            .await
            .expect("agree");
        assert_eq!(balance(&db, "escrow", None).await, 0);
        assert_eq!(balance(&db, "buyer_payment", None).await, 0);
        m.t.run_jobs().await;
        assert_eq!(m.sandbox.net_charged(), 0);
        assert_eq!(assert_ledger_balanced(&db).await, 4);
        let shown = changes(&m, id).await;
        let status = |a: i64| {
            shown
                .additions
                .iter()
                .find(|x| x.id == a)
                .map(|x| (x.status, x.refunded))
        };
        assert_eq!(status(addition), Some(("paid", true)));
        assert_eq!(status(waiting), Some(("closed", false)));
        assert!(matches!(
            additions::accept(&m.t.app, &m.buyer, id, waiting, m.card).await,
            Err(AppError::Conflict("order-addition-not-open"))
        ));
    }
);

both_backends!(
    declined_and_withdrawn_additions_charge_nothing,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = buy(&m, "decline").await;
        let declined = propose(&m, id, "1000", "").await;
        let withdrawn = propose(&m, id, "1500", "").await;
        // Only the buyer answers, only the seller withdraws.
        assert!(matches!(
            additions::decline(&m.t.app, &m.seller, id, declined, "").await,
            Err(AppError::NotFound)
        ));
        additions::decline(&m.t.app, &m.buyer, id, declined, "今回は見送ります。")
            .await
            .expect("decline");
        additions::withdraw(&m.t.app, &m.seller, id, withdrawn)
            .await
            .expect("withdraw");
        for a in [declined, withdrawn] {
            assert!(matches!(
                additions::accept(&m.t.app, &m.buyer, id, a, m.card).await,
                Err(AppError::Conflict("order-addition-not-open"))
            ));
        }
        assert_eq!(m.sandbox.net_charged(), 3_165);
        // A price below the minimum is refused like a service's.
        assert!(matches!(
            additions::propose(&m.t.app, &m.seller, id, &form("100", "")).await,
            Err(AppError::Invalid(_))
        ));
        // The buyer cannot propose.
        assert!(matches!(
            additions::propose(&m.t.app, &m.buyer, id, &form("1000", "")).await,
            Err(AppError::NotFound)
        ));
    }
);

both_backends!(
    a_partial_refund_may_reach_into_paid_additions,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = buy(&m, "partial").await;
        let addition = propose(&m, id, "2000", "").await;
        additions::accept(&m.t.app, &m.buyer, id, addition, m.card)
            .await
            .expect("accept");
        deliver(&m, id).await;
        let dispute_id = dispute::open(&m.t.app, &m.buyer, id, "quality", "内容が違います。")
            .await
            .expect("open");
        let operator = operator(&m.t).await;
        // More than the order's own ¥3,165 but less than the ¥5,275 paid in all.
        let outcome = dispute_decide::decide(
            &m.t.app,
            &operator,
            dispute_id,
            &DecisionForm {
                decision: "partial_refund".into(),
                amount: "4000".into(),
                reason: "双方の申し立てを確認しました。".into(),
            },
        )
        .await
        .expect("decide");
        assert_eq!(outcome.refund, 4_000);
        assert_eq!(balance(&db, "escrow", None).await, 0);
        assert_ledger_balanced(&db).await;
        m.t.run_jobs().await;
        assert_eq!(m.sandbox.net_charged(), 5_275 - 4_000);
    }
);

both_backends!(
    an_extension_moves_the_due_date_only_when_accepted,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = buy(&m, "extension").await;
        let due = changes(&m, id).await.due_at.expect("due");
        assert_eq!(due, START + 5 * DAY);
        extension::request(&m.t.app, &m.seller, id, "3", "素材の到着が遅れているため")
            .await
            .expect("request");
        assert!(matches!(
            extension::request(&m.t.app, &m.buyer, id, "2", "重ねて").await,
            Err(AppError::Conflict("order-extension-already-open"))
        ));
        assert!(matches!(
            extension::answer(&m.t.app, &m.seller, id, Answer::Accept, "").await,
            Err(AppError::Conflict("order-extension-own-request"))
        ));
        extension::answer(
            &m.t.app,
            &m.buyer,
            id,
            Answer::Decline,
            "期日は守ってください。",
        )
        .await
        .expect("decline");
        assert_eq!(changes(&m, id).await.due_at, Some(due));
        extension::request(
            &m.t.app,
            &m.seller,
            id,
            "２",
            "もう少しだけお時間をください",
        )
        .await
        .expect("request again");
        m.t.advance(DAY);
        extension::answer(&m.t.app, &m.buyer, id, Answer::Accept, "")
            .await
            .expect("accept");
        assert_eq!(changes(&m, id).await.due_at, Some(due + 2 * DAY));
        // Past the old date, not yet overdue; past the new one, overdue.
        m.t.advance(5 * DAY);
        assert!(!changes(&m, id).await.overdue);
        m.t.advance(DAY);
        let shown = changes(&m, id).await;
        assert!(shown.overdue && shown.actions.cancel_overdue);
        m.t.run_jobs().await;
        let mails: Vec<String> =
            m.t.mails_to("seller@example.jp")
                .await
                .into_iter()
                .map(|mail| mail.subject)
                .collect();
        assert!(
            mails.iter().any(|s| s.contains("延長が承認されました")),
            "{mails:?}"
        );
        assert!(
            mails.iter().any(|s| s.contains("延長が見送られました")),
            "{mails:?}"
        );
    }
);

both_backends!(
    the_buyer_cancels_an_overdue_order_at_once,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = buy(&m, "overdue").await;
        let addition = propose(&m, id, "1000", "1").await;
        additions::accept(&m.t.app, &m.buyer, id, addition, m.card)
            .await
            .expect("accept");
        // Five days plus the addition's one: not overdue a minute before.
        m.t.advance(6 * DAY - 60);
        assert!(matches!(
            overdue::cancel_now(&m.t.app, &m.buyer, id, "").await,
            Err(AppError::Conflict("order-not-overdue"))
        ));
        m.t.advance(60);
        // The seller cannot use the buyer's early cancel.
        assert!(matches!(
            overdue::cancel_now(&m.t.app, &m.seller, id, "").await,
            Err(AppError::Conflict("order-not-overdue"))
        ));
        overdue::cancel_now(&m.t.app, &m.buyer, id, "納品がないため")
            .await
            .expect("cancel now");
        assert_eq!(order(&m, id).await.state.as_str(), "cancelled");
        m.t.run_jobs().await;
        assert_eq!(m.sandbox.net_charged(), 0);
        assert_eq!(balance(&db, "escrow", None).await, 0);
        assert_ledger_balanced(&db).await;
    }
);

both_backends!(the_receipt_itemises_paid_additions, |db: Db| async move {
    let m = market(db).await;
    let id = buy(&m, "receipt").await;
    let paid = propose(&m, id, "2000", "").await;
    additions::accept(&m.t.app, &m.buyer, id, paid, m.card)
        .await
        .expect("accept");
    propose(&m, id, "900", "").await;
    let r = yorozu_app::paperwork::receipt::receipt(&m.t.app, &m.buyer, id, None)
        .await
        .expect("receipt");
    // Only the paid one, on its own line; subtotal, fee and total include it.
    assert_eq!(r.additions.len(), 1);
    assert_eq!(r.additions[0].title, "ロゴのバリエーション追加");
    assert_eq!(r.additions[0].price.get(), 2_000);
    assert_eq!(r.subtotal.get(), 5_000);
    assert_eq!(r.buyer_fee.get(), 165 + 110);
    assert_eq!(r.total.get(), 3_165 + 2_110);
});
