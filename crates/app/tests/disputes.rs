//! Disputes (トラブル相談) on both databases with an injected clock: deadlines stop while an
//! order is disputed and restart from the withdrawal; each decision books the ledger right
//! (release, full refund, partial refund); statements until the decision; a decision racing
//! with a withdrawal of the dispute or with a second decision leaves one outcome.

mod support;

use yorozu_app::AppError;
use yorozu_app::accounts::CurrentUser;
use yorozu_app::orders::cancel;
use yorozu_app::orders::dispute;
use yorozu_app::orders::dispute_decide::{self, DecisionForm};
use yorozu_domain::money::{DEFAULT_BUYER_FEE_RATE, DEFAULT_SELLER_FEE_RATE};
use yorozu_domain::orders::{DisputeDecision, OrderQuote, partial_refund};
use yorozu_domain::{OrderId, Yen};
use yorozu_store::{Db, both_backends};

use support::orders::*;
use support::*;

async fn open(m: &Market, who: &CurrentUser, id: OrderId) -> i64 {
    dispute::open(&m.t.app, who, id, "quality", "納品物が依頼内容と違います。")
        .await
        .expect("open dispute")
}

fn form(decision: &str, amount: &str) -> DecisionForm {
    DecisionForm {
        decision: decision.into(),
        amount: amount.into(),
        reason: "双方の申し立てと納品物を確認しました。".into(),
    }
}

async fn state(m: &Market, id: OrderId) -> String {
    order(m, id).await.state.as_str().to_owned()
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
    auto_approval_stops_while_disputed_and_restarts_after_withdrawal,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = buy(&m, "auto").await;
        deliver(&m, id).await;
        m.t.advance(2 * DAY);
        open(&m, &m.buyer, id).await;
        assert_eq!(state(&m, id).await, "disputed");
        // The delivery's three days pass, and more: nothing happens while disputed.
        m.t.advance(5 * DAY);
        m.t.run_jobs().await;
        assert_eq!(state(&m, id).await, "disputed");
        assert_eq!(balance(&db, "escrow", None).await, -3_165);
        // The seller withdraws it: delivered again, with three full days from now.
        dispute::withdraw(&m.t.app, &m.seller, id)
            .await
            .expect("withdraw");
        assert_eq!(state(&m, id).await, "delivered");
        m.t.advance(3 * DAY - 60);
        m.t.run_jobs().await;
        assert_eq!(state(&m, id).await, "delivered");
        m.t.advance(60);
        m.t.run_jobs().await;
        assert_eq!(state(&m, id).await, "completed");
        assert_eq!(balance(&db, "escrow", None).await, 0);
        assert_eq!(assert_ledger_balanced(&db).await, 2);
        // Both were told of the opening and of the withdrawal.
        for to in ["buyer@example.jp", "seller@example.jp"] {
            let subjects: Vec<String> =
                m.t.mails_to(to)
                    .await
                    .into_iter()
                    .map(|mail| mail.subject)
                    .collect();
            assert!(
                subjects
                    .iter()
                    .any(|s| s.contains("トラブル相談が始まりました")),
                "{to}: {subjects:?}"
            );
            assert!(
                subjects.iter().any(|s| s.contains("取り下げられました")),
                "{to}: {subjects:?}"
            );
        }
    }
);

both_backends!(
    the_cancellation_answer_period_stops_and_restarts,
    |db: Db| async move {
        let m = market(db).await;
        let id = buy(&m, "cancel").await;
        cancel::request(&m.t.app, &m.seller, id, "スケジュールが合わないため")
            .await
            .expect("request");
        m.t.advance(HOUR);
        open(&m, &m.buyer, id).await;
        let answerable = |m: &Market| {
            let (app, buyer) = (m.t.app.clone(), m.buyer.clone());
            async move {
                yorozu_app::orders::view::detail(&app, &buyer, id)
                    .await
                    .expect("detail")
                    .actions
                    .answer_cancellation
            }
        };
        assert!(!answerable(&m).await, "no answer while disputed");
        m.t.advance(2 * DAY);
        m.t.run_jobs().await;
        assert_eq!(state(&m, id).await, "disputed");
        dispute::withdraw(&m.t.app, &m.buyer, id)
            .await
            .expect("withdraw");
        assert_eq!(state(&m, id).await, "in_progress");
        assert!(answerable(&m).await, "the request can be answered again");
        // The request is still open, with 24 hours from the withdrawal.
        m.t.advance(24 * HOUR - 60);
        m.t.run_jobs().await;
        assert_eq!(state(&m, id).await, "in_progress");
        m.t.advance(60);
        m.t.run_jobs().await;
        assert_eq!(state(&m, id).await, "cancelled");
        assert_eq!(m.sandbox.net_charged(), 0);
    }
);

both_backends!(
    a_dispute_opens_only_on_orders_in_progress_or_delivered,
    |db: Db| async move {
        let m = market(db).await;
        let id = buy(&m, "states").await;
        assert_eq!(
            invalid_fields(dispute::open(&m.t.app, &m.buyer, id, "angry", " ").await),
            [
                ("reason", "dispute-reason-unknown"),
                ("statement", "order-text-empty")
            ]
        );
        let stranger = confirmed_member(&m.t, "stranger@example.jp", "他人").await;
        assert!(matches!(
            dispute::open(&m.t.app, &stranger, id, "other", "見ています").await,
            Err(AppError::NotFound)
        ));
        open(&m, &m.seller, id).await;
        assert!(matches!(
            dispute::open(&m.t.app, &m.buyer, id, "other", "こちらからも").await,
            Err(AppError::Conflict("order-transition-not-allowed"))
        ));
        // A member is not an operator.
        assert!(matches!(
            dispute_decide::queue(&m.t.app, &m.buyer).await,
            Err(AppError::Forbidden)
        ));
        let operator = operator(&m.t).await;
        let queue = dispute_decide::queue(&m.t.app, &operator)
            .await
            .expect("queue");
        assert_eq!(queue.len(), 1);
        assert_eq!(queue[0].order_id, id);
        assert!(matches!(
            dispute_decide::decide(
                &m.t.app,
                &m.seller,
                queue[0].dispute_id,
                &form("full_refund", "")
            )
            .await,
            Err(AppError::Forbidden)
        ));
    }
);

both_backends!(
    statements_until_the_decision_and_the_outcome_for_both,
    |db: Db| async move {
        let m = market(db).await;
        let id = buy(&m, "statements").await;
        deliver(&m, id).await;
        let dispute_id = open(&m, &m.buyer, id).await;
        dispute::add_statement(&m.t.app, &m.seller, id, "依頼どおりに納品しています。")
            .await
            .expect("seller statement");
        dispute::add_statement(&m.t.app, &m.buyer, id, "色の指定が違います。")
            .await
            .expect("buyer statement");
        let panel = dispute::panel(&m.t.app, &m.seller, id)
            .await
            .expect("panel");
        let d = panel.dispute.expect("dispute");
        assert!(d.is_open() && !panel.can_open);
        let said: Vec<(&str, bool)> = d
            .statements
            .iter()
            .map(|s| (s.side.as_str(), s.mine))
            .collect();
        assert_eq!(said, [("buyer", false), ("seller", true), ("buyer", false)]);
        let operator = operator(&m.t).await;
        dispute_decide::decide(&m.t.app, &operator, dispute_id, &form("release", ""))
            .await
            .expect("release");
        assert!(matches!(
            dispute::add_statement(&m.t.app, &m.buyer, id, "まだあります").await,
            Err(AppError::Conflict("dispute-not-open"))
        ));
        assert!(matches!(
            dispute::withdraw(&m.t.app, &m.buyer, id).await,
            Err(AppError::Conflict("dispute-not-open"))
        ));
        let seen = dispute::panel(&m.t.app, &m.buyer, id)
            .await
            .expect("panel")
            .dispute
            .expect("dispute");
        assert_eq!(seen.decision, Some(DisputeDecision::Release));
        assert_eq!(
            seen.decision_reason,
            "双方の申し立てと納品物を確認しました。"
        );
        m.t.run_jobs().await;
        let mail = m.t.last_mail_to("buyer@example.jp").await;
        assert!(
            mail.body_text
                .contains("双方の申し立てと納品物を確認しました。"),
            "{}",
            mail.body_text
        );
    }
);

both_backends!(a_release_pays_the_seller_in_full, |db: Db| async move {
    let m = market(db.clone()).await;
    let id = buy(&m, "release").await;
    deliver(&m, id).await;
    let dispute_id = open(&m, &m.buyer, id).await;
    let operator = operator(&m.t).await;
    let outcome = dispute_decide::decide(&m.t.app, &operator, dispute_id, &form("release", ""))
        .await
        .expect("release");
    assert_eq!((outcome.refund, outcome.seller_share), (0, 2_340));
    assert_eq!(state(&m, id).await, "completed");
    assert_eq!(balance(&db, "escrow", None).await, 0);
    assert_eq!(
        balance(&db, "seller_balance", Some(m.seller.id)).await,
        -2_340
    );
    assert_eq!(sale_amount(&db, id).await, Some(2_340));
    assert_eq!(assert_ledger_balanced(&db).await, 2);
    // Audited with its reason.
    let audit = yorozu_app::operators::audit::list(&m.t.app, &operator, None)
        .await
        .expect("audit");
    let entry = audit
        .iter()
        .find(|e| e.action == "dispute_decided")
        .expect("audit entry");
    assert!(entry.detail.contains("release"), "{}", entry.detail);
    assert!(entry.detail.contains("双方の申し立て"), "{}", entry.detail);
});

both_backends!(
    nothing_delivered_cannot_be_released_and_a_full_refund_cancels,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = buy(&m, "full").await;
        let dispute_id = open(&m, &m.buyer, id).await;
        let operator = operator(&m.t).await;
        assert_eq!(
            invalid_fields(
                dispute_decide::decide(&m.t.app, &operator, dispute_id, &form("release", "")).await
            ),
            [("decision", "order-nothing-delivered")]
        );
        assert_eq!(state(&m, id).await, "disputed");
        let outcome =
            dispute_decide::decide(&m.t.app, &operator, dispute_id, &form("full_refund", ""))
                .await
                .expect("full refund");
        assert_eq!((outcome.refund, outcome.seller_share), (3_165, 0));
        assert_eq!(state(&m, id).await, "cancelled");
        m.t.run_jobs().await;
        assert_eq!(balance(&db, "escrow", None).await, 0);
        assert_eq!(balance(&db, "buyer_payment", None).await, 0);
        assert_eq!(m.sandbox.net_charged(), 0);
        assert_eq!(sale_amount(&db, id).await, None);
        assert_eq!(assert_ledger_balanced(&db).await, 2);
    }
);

both_backends!(
    a_partial_refund_splits_what_is_kept_with_the_fee_function,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let id = buy(&m, "partial").await;
        deliver(&m, id).await;
        let dispute_id = open(&m, &m.seller, id).await;
        let operator = operator(&m.t).await;
        for bad in ["0", "3165", "4000"] {
            assert_eq!(
                invalid_fields(
                    dispute_decide::decide(
                        &m.t.app,
                        &operator,
                        dispute_id,
                        &form("partial_refund", bad)
                    )
                    .await
                ),
                [("amount", "dispute-refund-out-of-range")],
                "{bad}"
            );
        }
        let outcome = dispute_decide::decide(
            &m.t.app,
            &operator,
            dispute_id,
            &form("partial_refund", "1,165"),
        )
        .await
        .expect("partial refund");
        // What is kept (¥2,000) is split as an order of that size: subtotal ¥1,896 + buyer
        // fee ¥104; seller fee ¥417, share ¥1,479.
        let quote = effects_quote(&m, id).await;
        let kept = partial_refund(
            &quote,
            Yen::new(1_165),
            DEFAULT_SELLER_FEE_RATE,
            DEFAULT_BUYER_FEE_RATE,
        )
        .expect("kept");
        assert_eq!(kept.seller_share(), Yen::new(1_479));
        assert_eq!((outcome.refund, outcome.seller_share), (1_165, 1_479));
        assert_eq!(state(&m, id).await, "completed");
        m.t.run_jobs().await;
        assert_eq!(balance(&db, "escrow", None).await, 0);
        assert_eq!(balance(&db, "buyer_payment", None).await, 2_000);
        assert_eq!(
            balance(&db, "seller_balance", Some(m.seller.id)).await,
            -1_479
        );
        assert_eq!(balance(&db, "platform_revenue", None).await, -(417 + 104));
        assert_eq!(sale_amount(&db, id).await, Some(1_479));
        assert_eq!(m.sandbox.net_charged(), 2_000);
        assert_eq!(assert_ledger_balanced(&db).await, 2);
        let mail = m.t.last_mail_to("seller@example.jp").await;
        assert!(mail.body_text.contains("1,479円"), "{}", mail.body_text);
        assert!(mail.body_text.contains("1,165円"), "{}", mail.body_text);
    }
);

async fn effects_quote(m: &Market, id: OrderId) -> OrderQuote {
    let o = order(m, id).await;
    OrderQuote::from_recorded(o.subtotal, o.buyer_fee, o.discount, o.platform_fee).expect("quote")
}

/// The one outcome after a race: the order and the dispute agree, and the money is booked
/// once.
async fn assert_one_outcome(m: &Market, db: &Db, id: OrderId) -> String {
    let state = state(m, id).await;
    let mut c = db.read().await.expect("read");
    let d = yorozu_store::orders::disputes::latest(&mut c, id)
        .await
        .expect("dispute")
        .expect("a dispute");
    drop(c);
    let expected = match d.status.as_str() {
        "withdrawn" => "delivered",
        "decided" => match d.decision {
            Some(DisputeDecision::FullRefund) => "cancelled",
            _ => "completed",
        },
        other => panic!("dispute still {other}"),
    };
    assert_eq!(state, expected, "dispute {}", d.status);
    assert_ledger_balanced(db).await;
    let escrow = balance(db, "escrow", None).await;
    assert_eq!(escrow, if state == "delivered" { -3_165 } else { 0 });
    d.status
}

both_backends!(
    a_decision_racing_a_withdrawal_leaves_one_outcome,
    |db: Db| async move {
        let m = market(db.clone()).await;
        let operator = operator(&m.t).await;
        let mut outcomes = Vec::new();
        for round in 0..4 {
            let id = buy(&m, &format!("race-{round}")).await;
            deliver(&m, id).await;
            let dispute_id = open(&m, &m.buyer, id).await;
            let decision = if round % 2 == 0 {
                "partial_refund"
            } else {
                "full_refund"
            };
            let decision = form(decision, "1000");
            let (decided, withdrawn) = tokio::join!(
                dispute_decide::decide(&m.t.app, &operator, dispute_id, &decision),
                dispute::withdraw(&m.t.app, &m.seller, id),
            );
            assert!(
                decided.is_ok() != withdrawn.is_ok(),
                "exactly one wins: {decided:?} {withdrawn:?}"
            );
            for lost in [decided.err(), withdrawn.err()].into_iter().flatten() {
                assert!(matches!(lost, AppError::Conflict(_)), "{lost:?}");
            }
            outcomes.push(assert_one_outcome_for(&m, &db, id).await);
        }
        assert_eq!(outcomes.len(), 4);
    }
);

/// [`assert_one_outcome`] with the escrow of earlier rounds left out.
async fn assert_one_outcome_for(m: &Market, db: &Db, id: OrderId) -> String {
    let state = state(m, id).await;
    let mut c = db.read().await.expect("read");
    let d = yorozu_store::orders::disputes::latest(&mut c, id)
        .await
        .expect("dispute")
        .expect("a dispute");
    let escrow: i64 = yorozu_store::query_scalar!(
        &mut c,
        fetch_one,
        i64,
        "SELECT CAST(COALESCE(SUM(e.amount), 0) AS BIGINT) FROM ledger_entries e
         JOIN ledger_transactions t ON t.id = e.transaction_id
         WHERE e.account = 'escrow' AND t.reference = $1",
        id.to_string()
    )
    .expect("escrow");
    drop(c);
    let expected = match (d.status.as_str(), d.decision) {
        ("withdrawn", _) => "delivered",
        ("decided", Some(DisputeDecision::FullRefund)) => "cancelled",
        ("decided", _) => "completed",
        (other, _) => panic!("dispute still {other}"),
    };
    assert_eq!(state, expected, "dispute {}", d.status);
    assert_eq!(escrow, if state == "delivered" { -3_165 } else { 0 });
    assert_ledger_balanced(db).await;
    d.status
}

both_backends!(two_decisions_at_once_leave_one, |db: Db| async move {
    let m = market(db.clone()).await;
    let first = operator(&m.t).await;
    let second_id = yorozu_app::operators::create::create_operator(
        &m.t.app,
        "ops2@example.jp",
        "operator-pass-456",
        "サポート担当2",
    )
    .await
    .expect("operator");
    let second = m.t.load_user(second_id).await;
    let id = buy(&m, "double").await;
    deliver(&m, id).await;
    let dispute_id = open(&m, &m.buyer, id).await;
    let (release, refund) = (form("release", ""), form("full_refund", ""));
    let (a, b) = tokio::join!(
        dispute_decide::decide(&m.t.app, &first, dispute_id, &release),
        dispute_decide::decide(&m.t.app, &second, dispute_id, &refund),
    );
    assert!(a.is_ok() != b.is_ok(), "exactly one wins: {a:?} {b:?}");
    assert_one_outcome(&m, &db, id).await;
    m.t.run_jobs().await;
    let refunded = if b.is_ok() { 0 } else { 3_165 };
    assert_eq!(m.sandbox.net_charged(), refunded);
});
